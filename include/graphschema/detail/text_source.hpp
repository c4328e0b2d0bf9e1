//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_DETAIL_TEXT_SOURCE_HPP
#define GRAPHSCHEMA_DETAIL_TEXT_SOURCE_HPP

#include <graphschema/detail/locator.hpp>
#include <graphschema/detail/type_name_scan.hpp>

#include <cstddef>
#include <functional>
#include <string_view>

namespace graphschema {
namespace detail {

// How a scalar's view relates to its text.
enum class scalar_view : unsigned char
{
    whole_string, // the string's contents, delivered in one piece
    number,       // the number's text
    other         // nothing usable: a string in parts, true, false, null
};

// The last view the parser gave the walker: token `token` spans
// [begin, end), quotes included for a key or a string. Where it lies in
// the text, the tokens after it are found from there.
struct anchor
{
    std::size_t token = 0;
    char const* begin = nullptr;
    char const* end = nullptr;
};

/*  What the walker needs to know about the document it is fed from, when
    that is JSON text: which views point into the text (and so outlive an
    event), where a token is (for positions), and the exact text of a
    value it keeps.
*/
class text_source
{
public:
    using mark = std::size_t; // where a capture starts

    static constexpr bool has_positions = true;

    explicit text_source(std::string_view text) noexcept
        : text_(text)
        , locator_(text)
    {
    }

    std::string_view text() const noexcept { return text_; }

    bool
    persistent(std::string_view s) const noexcept
    {
        return inside(s.data(), s.data() + s.size());
    }

    // The offset of token `token`, not before any token asked for so far;
    // `a` is the last view before it, or the token itself.
    std::size_t
    offset_of(std::size_t token, anchor const& a) noexcept
    {
        if(inside(a.begin, a.end))
        {
            if(a.token == token)
                return offset(a.begin);
            locator_.sync(a.token + 1, offset(a.end));
        }
        return locator_.start_of(token);
    }

    // The offset of token `token`, behind the tokens asked for so far,
    // found from `a`, the last view before it.
    std::size_t
    offset_behind(std::size_t token, anchor const& a) const noexcept
    {
        locator l(text_);
        if(inside(a.begin, a.end))
            l.sync(a.token + 1, offset(a.end));
        return l.start_of(token);
    }

    // The name the object that begins at token `token` gives in its
    // @odata.type, looked up before its members are read; false when it
    // gives none (or one no model could have).
    bool
    object_type_name(std::size_t token, anchor const& a, std::string_view& name) noexcept
    {
        std::size_t const at = offset_of(token, a);
        if(at >= text_.size() || text_[at] != '{' || !scan_.scan(text_, at))
            return false;
        name = scan_.name();
        return true;
    }

    mark
    begin_capture(std::size_t token, anchor const& a) noexcept
    {
        return offset_of(token, a);
    }

    std::string_view
    end_capture(mark start, std::size_t last_token) noexcept
    {
        auto const end = locator_.end_of(last_token);
        return text_.substr(start, end - start);
    }

    // The text of scalar token `token`, whose view is `view`.
    std::string_view
    scalar(std::size_t token, std::string_view view, scalar_view kind, anchor const& a) noexcept
    {
        if(kind != scalar_view::other && persistent(view))
        {
            std::size_t start = offset(view.data());
            std::size_t size = view.size();
            if(kind == scalar_view::whole_string)
            {
                start -= 1; // the quotes
                size += 2;
            }
            locator_.sync(token + 1, start + size);
            return text_.substr(start, size);
        }
        return end_capture(begin_capture(token, a), token);
    }

private:
    bool
    inside(char const* b, char const* e) const noexcept
    {
        std::less_equal<char const*> le;
        return b && le(text_.data(), b) && le(e, text_.data() + text_.size());
    }

    std::size_t
    offset(char const* p) const noexcept
    {
        return static_cast<std::size_t>(p - text_.data());
    }

    std::string_view text_;
    locator locator_;
    type_name_scan scan_;
};

} // detail
} // graphschema

#endif
