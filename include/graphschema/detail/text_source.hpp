//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_DETAIL_TEXT_SOURCE_HPP
#define GRAPHSCHEMA_DETAIL_TEXT_SOURCE_HPP

#include <graphschema/detail/locator.hpp>

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

/*  What the handler needs to know about the document it is fed from, when
    that is JSON text: which views point into the text (and so outlive an
    event), and the exact text of a value it keeps.
*/
class text_source
{
public:
    using mark = std::size_t;

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
        std::less_equal<char const*> le;
        return le(text_.data(), s.data()) &&
            le(s.data() + s.size(), text_.data() + text_.size());
    }

    // A key in one piece ends just before a quote: the next capture can
    // start scanning there.
    void
    key_seen(std::size_t token, std::string_view key, bool whole) noexcept
    {
        if(whole && persistent(key))
            locator_.sync(token + 1, offset(key) + key.size() + 1);
    }

    mark begin_capture(std::size_t token) noexcept { return locator_.start_of(token); }

    std::string_view
    end_capture(mark start, std::size_t last_token) noexcept
    {
        auto const end = locator_.end_of(last_token);
        return text_.substr(start, end - start);
    }

    std::string_view
    scalar(std::size_t token, std::string_view view, scalar_view kind) noexcept
    {
        if(kind != scalar_view::other && persistent(view))
        {
            std::size_t start = offset(view);
            std::size_t size = view.size();
            if(kind == scalar_view::whole_string)
            {
                start -= 1; // the quotes
                size += 2;
            }
            locator_.sync(token + 1, start + size);
            return text_.substr(start, size);
        }
        auto const start = locator_.start_of(token);
        return end_capture(start, token);
    }

    // The offset of each token in `tokens` (which may be in any order).
    std::vector<std::size_t>
    offsets_of(std::vector<std::size_t> const& tokens) const
    {
        std::vector<std::size_t> order(tokens.size());
        for(std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::stable_sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return tokens[a] < tokens[b]; });
        locator fresh(text_);
        std::vector<std::size_t> out(tokens.size());
        for(auto i : order)
            out[i] = fresh.start_of(tokens[i]);
        return out;
    }

private:
    std::size_t
    offset(std::string_view s) const noexcept
    {
        return static_cast<std::size_t>(s.data() - text_.data());
    }

    std::string_view text_;
    locator locator_;
};

} // detail
} // graphschema

#endif
