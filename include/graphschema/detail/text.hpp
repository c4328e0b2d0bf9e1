//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_DETAIL_TEXT_HPP
#define GRAPHSCHEMA_DETAIL_TEXT_HPP

#include <boost/config.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace graphschema {
namespace detail {

// Appends `s` as a JSON string, quotes included, escaped exactly as
// Boost.JSON's serializer does: `"` and `\` by a backslash; \b \t \n \f \r
// by name; other control characters as \u00XX in lowercase hex; everything
// else, including non-ASCII UTF-8 and DEL, unchanged.
inline void
append_json_string(std::string& out, std::string_view s)
{
    static constexpr char hex[] = "0123456789abcdef";
    out.push_back('"');
    std::size_t run = 0;
    for(std::size_t i = 0; i < s.size(); ++i)
    {
        unsigned char const c = static_cast<unsigned char>(s[i]);
        char named = 0;
        if(c == '"' || c == '\\')
            named = static_cast<char>(c);
        else if(c >= 0x20)
            continue;
        else if(c == '\b') named = 'b';
        else if(c == '\t') named = 't';
        else if(c == '\n') named = 'n';
        else if(c == '\f') named = 'f';
        else if(c == '\r') named = 'r';
        out.append(s.data() + run, i - run);
        run = i + 1;
        out.push_back('\\');
        if(named)
            out.push_back(named);
        else
        {
            out.append("u00", 3);
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    out.append(s.data() + run, s.size() - run);
    out.push_back('"');
}

// Appends one RFC 6901 reference token: `~` as `~0`, `/` as `~1`.
inline void
append_pointer_token(std::string& out, std::string_view s)
{
    out.push_back('/');
    for(char c : s)
    {
        if(c == '~')
            out.append("~0", 2);
        else if(c == '/')
            out.append("~1", 2);
        else
            out.push_back(c);
    }
}

// Appends `s` quoted for a one-line message: escaped as JSON, and cut to
// about 60 bytes (at a character boundary) so that a hostile value cannot
// make a message long.
inline void
append_quoted(std::string& out, std::string_view s, bool truncated = false)
{
    constexpr std::size_t limit = 60;
    if(s.size() > limit)
    {
        std::size_t n = limit;
        while(n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80)
            --n;
        s = s.substr(0, n);
        truncated = true;
    }
    std::string q;
    append_json_string(q, s);
    if(truncated)
        q.insert(q.size() - 1, "...");
    out += q;
}

// True when both hold the same bytes. Inline word compares, for the short
// strings the decoder compares (keys, names, enumerators): cheaper than a
// call to memcmp, and never reading outside either string.
BOOST_FORCEINLINE bool
same_bytes(std::string_view a, std::string_view b) noexcept
{
    std::size_t const n = a.size();
    if(n != b.size())
        return false;
    char const* const p = a.data();
    char const* const q = b.data();
    auto word = [](char const* x) noexcept {
        std::uint64_t w;
        std::memcpy(&w, x, sizeof(w));
        return w;
    };
    auto half = [](char const* x) noexcept {
        std::uint32_t w;
        std::memcpy(&w, x, sizeof(w));
        return w;
    };
    if(n >= 8)
    {
        // The last word overlaps what was compared: up to 16 bytes, two
        // compares and no loop.
        for(std::size_t i = 8; i < n - 8; i += 8)
            if(word(p + i) != word(q + i))
                return false;
        return word(p) == word(q) && word(p + n - 8) == word(q + n - 8);
    }
    if(n >= 4)
        return half(p) == half(q) && half(p + n - 4) == half(q + n - 4);
    for(std::size_t i = 0; i < n; ++i)
        if(p[i] != q[i])
            return false;
    return true;
}

// The number of Unicode code points in valid UTF-8 (split anywhere): the
// bytes that are not continuation bytes (10xxxxxx), counted eight at a time.
inline std::size_t
count_code_points(std::string_view s) noexcept
{
    constexpr std::uint64_t low = 0x0101010101010101ULL;
    std::size_t continuation = 0;
    std::size_t i = 0;
    for(; i + 8 <= s.size(); i += 8)
    {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, sizeof(w));
        // 1 in each byte whose top bits are 10, then the bytes summed.
        std::uint64_t const marks = (w >> 7) & ~(w >> 6) & low;
        continuation += static_cast<std::size_t>((marks * low) >> 56);
    }
    for(; i < s.size(); ++i)
        continuation += (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
    return s.size() - continuation;
}

} // detail
} // graphschema

#endif
