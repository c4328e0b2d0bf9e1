//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_DETAIL_REPORTERS_HPP
#define GRAPHSCHEMA_DETAIL_REPORTERS_HPP

#include <graphschema/options.hpp>
#include <graphschema/report.hpp>
#include <graphschema/detail/inline_vector.hpp>
#include <graphschema/detail/locator.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

/*  What the walker does with an issue. The walker calls the same hooks on
    either reporter, so that the two cannot drift; they differ in what
    they keep:

    - fail_fast keeps nothing and stops the walk at the first issue: no
      pointer, position or message is ever made. It answers "is this
      valid?" (graphschema::is_valid) at the least cost, valid or not.
    - full keeps every issue with its pointer, position and message, up to
      the report's limits, and lets the walk go on.

    An issue reaches a reporter as its code and three functions, called
    only when the issue is kept: one gives the byte offset of where it is,
    one writes its JSON Pointer, one its message.
*/

namespace graphschema {
namespace detail {

// A reference to a callable, so that one non-template function takes the
// functions of every kind of issue.
template<class Signature>
class function_ref;

template<class R, class... Args>
class function_ref<R(Args...)>
{
public:
    template<class F>
    function_ref(F const& f) noexcept // NOLINT: implicit on purpose
        : object_(&f)
        , call_([](void const* o, Args... args) -> R { return (*static_cast<F const*>(o))(args...); })
    {
    }

    R operator()(Args... args) const { return call_(object_, args...); }

private:
    void const* object_;
    R (*call_)(void const*, Args...);
};

using offset_fn = function_ref<std::size_t()>;
using text_fn = function_ref<void(std::string&)>;

class fail_fast
{
public:
    // The walker stops at the first issue.
    static constexpr bool stops = true;
    // Nor does the walker prepare positions or pointers for it.
    static constexpr bool positions = false;
    static constexpr bool pointers = false;

    void add(error, offset_fn, text_fn, text_fn) noexcept {}
};

class full
{
public:
    static constexpr bool stops = false;
    static constexpr bool positions = true;
    static constexpr bool pointers = true;

    // Issues go to `r`, whose pointers may hold `pointer_budget` bytes in all.
    full(report& r, std::size_t pointer_budget) noexcept
        : report_(r)
        , pointer_budget_(pointer_budget)
    {
    }

    void
    add(error code, offset_fn offset, text_fn pointer, text_fn describe)
    {
        if(!keeping_ || !report_access::accepts_more(report_))
        {
            report_access::count_dropped(report_);
            return;
        }
        issue i;
        i.code = code;
        pointer(i.pointer);
        // Pointers repeat the keys above them: their bytes are bounded
        // too, or a long key over many issues would make the report
        // max_issues times the document. Past the budget the report keeps
        // no more, so that it stays the first part of the full one; the
        // first issue is always kept, so that an invalid document's
        // report is never empty.
        if(i.pointer.size() > pointer_budget_ && report_.size() != 0)
        {
            keeping_ = false;
            report_access::count_dropped(report_);
            return;
        }
        pointer_budget_ -= (std::min)(i.pointer.size(), pointer_budget_);
        describe(i.message);
        offsets_.push_back(offset());
        report_access::add(report_, std::move(i));
    }

    // A document-level issue (syntax, depth, size): it ends the document
    // and comes alone; `offset` is where, in `text` (none without text).
    void
    document_issue(error code, std::string message, std::string_view text, std::size_t offset,
        bool has_position)
    {
        report_access::clear(report_);
        offsets_.clear();
        issue i;
        i.code = code;
        i.message = std::move(message);
        if(has_position)
            lines_and_columns(text, &offset, 1, [&](std::size_t, std::size_t line, std::size_t column) {
                i.line = line;
                i.column = column;
            });
        report_access::add(report_, std::move(i));
    }

    // Gives the kept issues their lines and columns in `text`.
    void
    locate(std::string_view text)
    {
        auto& issues = report_access::issues(report_);
        lines_and_columns(text, offsets_.data(), offsets_.size(),
            [&](std::size_t i, std::size_t line, std::size_t column) {
                issues[i].line = line;
                issues[i].column = column;
            });
    }

private:
    report& report_;
    std::size_t pointer_budget_;    // bytes of pointers the report may still keep
    bool keeping_ = true;           // false once an issue went past the budget
    inline_vector<std::size_t, 8> offsets_; // of each issue kept
};

} // detail
} // graphschema

#endif
