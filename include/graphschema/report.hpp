//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_REPORT_HPP
#define GRAPHSCHEMA_REPORT_HPP

#include <graphschema/error.hpp>
#include <graphschema/detail/escape.hpp>

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>
#include <boost/system/system_error.hpp>
#include <boost/throw_exception.hpp>

#include <charconv>
#include <cstddef>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace graphschema {

namespace detail {
struct report_access;
} // detail

/** One problem found in a document.
*/
struct issue
{
    /// The stable code.
    error code = error::syntax_error;

    /// RFC 6901 JSON Pointer to the offending value; for `missing_required`,
    /// the pointer the missing member would have; for document-level codes
    /// (`syntax_error`, `depth_exceeded`, `size_exceeded`), the empty string.
    std::string pointer;

    /// 1-based line where the offending value (or member key) starts, or 0
    /// when the document was not decoded from text.
    std::size_t line = 0;

    /// 1-based column of the same place, counted in Unicode code points.
    std::size_t column = 0;

    /// A one-line human explanation. Its wording may change between
    /// versions; `code` and `pointer` do not.
    std::string message;

    friend bool
    operator==(issue const& a, issue const& b) noexcept
    {
        return a.code == b.code && a.pointer == b.pointer &&
            a.line == b.line && a.column == b.column &&
            a.message == b.message;
    }

    friend bool
    operator!=(issue const& a, issue const& b) noexcept
    {
        return !(a == b);
    }
};

/** Every issue found in one document, in document order.

    A report keeps at most a fixed number of issues (see
    `decode_options::max_issues`) and counts the rest, so that a hostile
    document cannot make it grow without bound.
*/
class report
{
public:
    using const_iterator = std::vector<issue>::const_iterator;

    /// Constructs an empty report keeping at most `max_issues` issues.
    explicit report(std::size_t max_issues = static_cast<std::size_t>(-1)) noexcept
        : max_issues_(max_issues)
    {
    }

    /// True when no issue was found: the document is valid.
    bool ok() const noexcept { return found_ == 0; }

    /// The number of issues found, kept or not.
    std::size_t found() const noexcept { return found_; }

    /// True when issues were found that the report did not keep.
    bool truncated() const noexcept { return found_ > issues_.size(); }

    /// The issues kept, in document order.
    std::vector<issue> const& issues() const noexcept { return issues_; }

    std::size_t size() const noexcept { return issues_.size(); }
    bool empty() const noexcept { return issues_.empty(); }
    const_iterator begin() const noexcept { return issues_.begin(); }
    const_iterator end() const noexcept { return issues_.end(); }
    issue const& operator[](std::size_t i) const noexcept { return issues_[i]; }

    /// True when an issue with this code was kept.
    bool
    contains(error code) const noexcept
    {
        for(auto const& i : issues_)
            if(i.code == code)
                return true;
        return false;
    }

    /// Throws @ref validation_error when the report is not ok (through
    /// `boost::throw_exception`, so that it also builds without exceptions).
    void throw_if_invalid() const;

    friend bool
    operator==(report const& a, report const& b) noexcept
    {
        return a.found_ == b.found_ && a.issues_ == b.issues_;
    }

    friend bool
    operator!=(report const& a, report const& b) noexcept
    {
        return !(a == b);
    }

private:
    friend struct detail::report_access;

    std::vector<issue> issues_;
    std::size_t found_ = 0;
    std::size_t max_issues_;
};

namespace detail {

// The decoder's way in: a report is written only by decoding.
struct report_access
{
    static bool accepts_more(report const& r) noexcept { return r.issues_.size() < r.max_issues_; }

    // Counts an issue, and keeps it if the cap allows.
    static void
    add(report& r, issue i)
    {
        ++r.found_;
        if(accepts_more(r))
            r.issues_.push_back(std::move(i));
    }

    // Counts an issue without keeping it.
    static void count_dropped(report& r) noexcept { ++r.found_; }

    // Removes every issue; the cap stays.
    static void
    clear(report& r) noexcept
    {
        r.issues_.clear();
        r.found_ = 0;
    }

    static std::vector<issue>& issues(report& r) noexcept { return r.issues_; }
};

} // detail

/** The exception thrown by the throwing conveniences.

    `code()` is the code of the first issue; `what()` summarises the report;
    `report()` has every issue.
*/
class validation_error : public boost::system::system_error
{
public:
    explicit validation_error(graphschema::report r)
        : boost::system::system_error(first_code(r), summary(r))
        , report_(std::move(r))
    {
    }

    graphschema::report const& report() const noexcept { return report_; }

private:
    static boost::system::error_code
    first_code(graphschema::report const& r) noexcept
    {
        if(r.empty())
            return error::syntax_error;
        return r[0].code;
    }

    static std::string
    summary(graphschema::report const& r)
    {
        std::string s = std::to_string(r.found()) +
            (r.found() == 1 ? " issue" : " issues");
        if(!r.empty())
        {
            auto const& i = r[0];
            s += "; first: ";
            s += i.pointer.empty() ? std::string("(document)") : i.pointer;
            s += ": ";
            s += i.message;
        }
        return s;
    }

    graphschema::report report_;
};

inline void
report::throw_if_invalid() const
{
    if(!ok())
        boost::throw_exception(validation_error(*this));
}

/** Converts an issue to JSON: `{"code","pointer","line","column","message"}`.

    The form is the one the command-line validator prints.
*/
inline void
tag_invoke(boost::json::value_from_tag, boost::json::value& jv, issue const& i)
{
    auto& o = jv.emplace_object();
    o.emplace("code", to_string(i.code));
    o.emplace("pointer", i.pointer);
    o.emplace("line", i.line);
    o.emplace("column", i.column);
    o.emplace("message", i.message);
}

namespace detail {

inline void
append_decimal(std::string& out, std::size_t n)
{
    char buf[24];
    auto const r = std::to_chars(buf, buf + sizeof(buf), n);
    out.append(buf, r.ptr);
}

// Appends `LINE:COLUMN: code POINTER: message`, the line moved down by
// `line_offset` (an NDJSON document's line in its stream, less one); the
// position left out when the issue has none, `(document)` for the empty
// pointer; control characters and bytes that are not UTF-8 escaped, so
// that the text is always one line. No newline.
inline void
append_issue_text(std::string& out, issue const& i, std::size_t line_offset = 0)
{
    if(i.line != 0)
    {
        append_decimal(out, i.line + line_offset);
        out.push_back(':');
        append_decimal(out, i.column);
        out.append(": ", 2);
    }
    out += to_string(i.code);
    if(i.pointer.empty())
        out.append(" (document)");
    else
    {
        out.push_back(' ');
        append_escaped(out, i.pointer, false);
    }
    out.append(": ", 2);
    append_escaped(out, i.message, false);
}

} // detail

/** Writes an issue on one line: `LINE:COLUMN: code POINTER: message`.

    The form of `graphschema-validate`'s text output without the file
    name: the position is left out when the issue has none (line 0), the
    empty pointer is written `(document)`, and control characters in the
    pointer and message are escaped as in a JSON string (`\n`, `\u001b`),
    so that one issue is always one line. No newline is written.
*/
inline std::ostream&
operator<<(std::ostream& os, issue const& i)
{
    std::string line;
    detail::append_issue_text(line, i);
    return os << line;
}

/** Writes a report: each issue kept on a line of its own, as
    `operator<<(std::ostream&, issue const&)` does, then, when the report
    is truncated, `N more issues not kept`. A valid report writes nothing.
*/
inline std::ostream&
operator<<(std::ostream& os, report const& r)
{
    std::string text;
    for(auto const& i : r)
    {
        detail::append_issue_text(text, i);
        text.push_back('\n');
    }
    if(r.truncated())
    {
        detail::append_decimal(text, r.found() - r.size());
        text.append(r.found() - r.size() == 1 ? " more issue not kept\n" : " more issues not kept\n");
    }
    return os << text;
}

} // graphschema

#endif
