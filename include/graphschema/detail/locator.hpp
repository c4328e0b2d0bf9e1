//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_DETAIL_LOCATOR_HPP
#define GRAPHSCHEMA_DETAIL_LOCATOR_HPP

#include <graphschema/detail/inline_vector.hpp>
#include <graphschema/detail/text.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>

namespace graphschema {
namespace detail {

/*  Finds where a token starts or ends in a JSON text, given its index.

    Boost.JSON's parser tells a handler what it saw, not where. The walker
    counts its events (one per token: a bracket, a key, a scalar) and tells
    this class where the views the parser gave it end (`sync`): a key, a
    string or a number seen as a view into the text fixes where the next
    token begins. A request then scans forward from the nearest such point
    with a tiny tokenizer that trusts the text (the parser has accepted it
    up to there): a few bytes, as a rule.

    Requests must come in non-decreasing token order; a `mark` taken
    earlier starts a scan of its own, for a token behind the cursor (the
    `{` of an object whose required members are reported at its end).
*/
class locator
{
public:
    // Where a scan may start: token `next` begins at or after `offset`.
    struct mark
    {
        std::size_t next = 0;
        std::size_t offset = 0;
    };

    locator() noexcept = default;

    explicit locator(std::string_view text) noexcept
        : text_(text)
    {
    }

    locator(std::string_view text, mark m) noexcept
        : text_(text)
        , pos_(m.offset)
        , next_(m.next)
    {
    }

    mark here() const noexcept { return {next_, pos_}; }

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
            // To the closing quote: the next quote not escaped.
            for(++pos_;;)
            {
                void const* q = std::memchr(text_.data() + pos_, '"', text_.size() - pos_);
                if(!q)
                {
                    pos_ = text_.size();
                    return;
                }
                std::size_t const at = static_cast<std::size_t>(static_cast<char const*>(q) - text_.data());
                std::size_t backslashes = 0;
                while(at - backslashes > pos_ && text_[at - backslashes - 1] == '\\')
                    ++backslashes;
                pos_ = at + 1;
                if(backslashes % 2 == 0)
                    return;
            }
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

// The number of '\n' in `s`, a word at a time.
inline std::size_t
count_newlines(std::string_view s) noexcept
{
    constexpr std::uint64_t low = 0x0101010101010101ULL;
    constexpr std::uint64_t high = 0x8080808080808080ULL;
    constexpr std::uint64_t nl = low * '\n';
    std::size_t n = 0;
    std::size_t i = 0;
    for(; i + 8 <= s.size(); i += 8)
    {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, sizeof(w));
        std::uint64_t const x = w ^ nl; // a zero byte where '\n' was
        // A zero byte's top bit, exactly (no borrow between bytes).
        std::uint64_t const zero = ~(((x & ~high) + ~high) | x) & high;
        n += static_cast<std::size_t>(((zero >> 7) * low) >> 56);
    }
    for(; i < s.size(); ++i)
        n += s[i] == '\n';
    return n;
}

/*  Turns byte offsets into 1-based lines and columns (in code points), in
    one pass over the text up to the last offset, a word at a time.
    `offsets[i]` becomes `out[i]`; they may come in any order.
*/
template<class Out>
void
lines_and_columns(std::string_view text, std::size_t const* offsets, std::size_t n, Out&& out)
{
    inline_vector<std::size_t, 32> order;
    bool sorted = true;
    for(std::size_t i = 0; i < n; ++i)
    {
        order.push_back(i);
        sorted = sorted && (i == 0 || offsets[i - 1] <= offsets[i]);
    }
    if(!sorted)
        std::sort(order.data(), order.data() + n, [&](std::size_t a, std::size_t b) {
            return offsets[a] < offsets[b] || (offsets[a] == offsets[b] && a < b);
        });
    std::size_t pos = 0, line = 1, column = 1;
    for(std::size_t k = 0; k < n; ++k)
    {
        std::size_t const i = order[k];
        std::size_t const target = (std::min)(offsets[i], text.size());
        std::string_view const span = text.substr(pos, target - pos);
        if(std::size_t const lines = count_newlines(span))
        {
            line += lines;
            column = 1 + count_code_points(span.substr(span.rfind('\n') + 1));
        }
        else
            column += count_code_points(span);
        pos = target;
        out(i, line, column);
    }
}

} // detail
} // graphschema

#endif
