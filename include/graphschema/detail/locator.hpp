//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_DETAIL_LOCATOR_HPP
#define GRAPHSCHEMA_DETAIL_LOCATOR_HPP

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace graphschema {
namespace detail {

/*  Finds where a token starts or ends in a JSON text, given its index.

    Boost.JSON's parser tells a handler what it saw, not where. The decoder
    only counts its events (one per token: a bracket, a key, a scalar), and
    asks this class for a byte offset when it needs one: for an issue's
    line and column, and for the raw text of a member it keeps. The text up
    to that token has already been accepted by the parser, so a tiny
    tokenizer that trusts it is enough.

    Requests must come in non-decreasing token order: the cursor only moves
    forward, so all requests together cost one pass over the text at most.
*/
class locator
{
public:
    locator() noexcept = default;

    explicit locator(std::string_view text) noexcept
        : text_(text)
    {
    }

    // Offset of the first byte of token `t`.
    std::size_t
    start_of(std::size_t t) noexcept
    {
        skip_to(t);
        skip_separators();
        return pos_;
    }

    // Offset just past the last byte of token `t`.
    std::size_t
    end_of(std::size_t t) noexcept
    {
        skip_to(t + 1);
        return pos_;
    }

    // Records that the tokens before `next` end at or before `offset`,
    // which lets the next request start there.
    void
    sync(std::size_t next, std::size_t offset) noexcept
    {
        if(next > next_ && offset >= pos_ && offset <= text_.size())
        {
            next_ = next;
            pos_ = offset;
        }
    }

private:
    static bool
    separator(char c) noexcept
    {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ':';
    }

    void
    skip_separators() noexcept
    {
        while(pos_ < text_.size() && separator(text_[pos_]))
            ++pos_;
    }

    void
    skip_to(std::size_t t) noexcept
    {
        while(next_ < t && pos_ < text_.size())
        {
            skip_separators();
            skip_token();
            ++next_;
        }
    }

    void
    skip_token() noexcept
    {
        if(pos_ >= text_.size())
            return;
        char const c = text_[pos_];
        switch(c)
        {
        case '{': case '}': case '[': case ']':
            ++pos_;
            return;
        case '"':
            ++pos_;
            while(pos_ < text_.size() && text_[pos_] != '"')
                pos_ += text_[pos_] == '\\' ? 2 : 1;
            pos_ = (std::min)(pos_ + 1, text_.size());
            return;
        case 't': case 'n':
            pos_ = (std::min)(pos_ + 4, text_.size());
            return;
        case 'f':
            pos_ = (std::min)(pos_ + 5, text_.size());
            return;
        default:
            while(pos_ < text_.size() && !separator(text_[pos_]) &&
                text_[pos_] != '}' && text_[pos_] != ']')
                ++pos_;
            return;
        }
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t next_ = 0;
};

// 1-based line and column (in code points) of each offset, in one pass.
// `offsets` may come in any order; the result is in the same order.
inline std::vector<std::pair<std::size_t, std::size_t>>
lines_and_columns(std::string_view text, std::vector<std::size_t> const& offsets)
{
    std::vector<std::size_t> order(offsets.size());
    for(std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
        [&](std::size_t a, std::size_t b) { return offsets[a] < offsets[b]; });
    std::vector<std::pair<std::size_t, std::size_t>> out(offsets.size());
    std::size_t pos = 0, line = 1, column = 1;
    for(auto i : order)
    {
        std::size_t const target = (std::min)(offsets[i], text.size());
        for(; pos < target; ++pos)
        {
            unsigned char const c = static_cast<unsigned char>(text[pos]);
            if(c == '\n')
            {
                ++line;
                column = 1;
            }
            else if((c & 0xC0) != 0x80)
                ++column;
        }
        out[i] = {line, column};
    }
    return out;
}

} // detail
} // graphschema

#endif
