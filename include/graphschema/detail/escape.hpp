//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_DETAIL_ESCAPE_HPP
#define GRAPHSCHEMA_DETAIL_ESCAPE_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace graphschema {
namespace detail {

// The length of the well-formed UTF-8 sequence at the start of `s` (1 to
// 4), or 0 when it does not start with one: no overlong forms, no
// surrogates, nothing above U+10FFFF.
inline std::size_t
utf8_sequence_length(std::string_view s) noexcept
{
    auto byte = [&](std::size_t i) -> unsigned {
        return i < s.size() ? static_cast<unsigned char>(s[i]) : 0u;
    };
    auto cont = [&](std::size_t i, unsigned lo = 0x80, unsigned hi = 0xBF) {
        unsigned const b = byte(i);
        return b >= lo && b <= hi;
    };
    unsigned const b0 = byte(0);
    if(s.empty())
        return 0;
    if(b0 < 0x80)
        return 1;
    if(b0 >= 0xC2 && b0 <= 0xDF)
        return cont(1) ? 2 : 0;
    if(b0 >= 0xE0 && b0 <= 0xEF)
    {
        unsigned const lo = b0 == 0xE0 ? 0xA0 : 0x80;
        unsigned const hi = b0 == 0xED ? 0x9F : 0xBF;
        return cont(1, lo, hi) && cont(2) ? 3 : 0;
    }
    if(b0 >= 0xF0 && b0 <= 0xF4)
    {
        unsigned const lo = b0 == 0xF0 ? 0x90 : 0x80;
        unsigned const hi = b0 == 0xF4 ? 0x8F : 0xBF;
        return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
    }
    return 0;
}

// Appends `s` so that it is safe on one line of output: always valid
// UTF-8 (a byte that does not belong to a well-formed sequence becomes
// U+FFFD), and every control character escaped as a JSON string writes
// it: \b \t \n \f \r by name, the other C0 controls, DEL and the C1
// controls (U+0080 to U+009F, which some terminals obey) as \u00XX in
// lowercase hex. With `json`, `"` and `\` are escaped too, so that the
// result is the inside of a JSON string; without, they are left as they
// are (the text form of a report, for people).
inline void
append_escaped(std::string& out, std::string_view s, bool json)
{
    static constexpr char hex[] = "0123456789abcdef";
    char const* const p = s.data();
    std::size_t const n = s.size();
    std::size_t run = 0;
    auto escape = [&](unsigned c) {
        out.push_back('\\');
        switch(c)
        {
        case '\b': out.push_back('b'); return;
        case '\t': out.push_back('t'); return;
        case '\n': out.push_back('n'); return;
        case '\f': out.push_back('f'); return;
        case '\r': out.push_back('r'); return;
        case '"': out.push_back('"'); return;
        case '\\': out.push_back('\\'); return;
        default: break;
        }
        out.append("u00", 3);
        out.push_back(hex[(c >> 4) & 15]);
        out.push_back(hex[c & 15]);
    };
    std::size_t i = 0;
    while(i < n)
    {
        // Eight bytes at a time while none needs a look: printable ASCII,
        // and no quote or backslash for JSON.
        constexpr std::uint64_t ones = 0x0101010101010101ULL;
        constexpr std::uint64_t highs = 0x8080808080808080ULL;
        auto has_zero = [&](std::uint64_t v) { return (v - ones) & ~v & highs; };
        while(i + 8 <= n)
        {
            std::uint64_t w;
            std::memcpy(&w, p + i, sizeof(w));
            std::uint64_t const special = ((w - ones * 0x20) & ~w & highs) | (w & highs) |
                has_zero(w ^ (ones * 0x7F)) |
                (json ? has_zero(w ^ (ones * '"')) | has_zero(w ^ (ones * '\\')) : 0);
            if(special)
                break;
            i += 8;
        }
        if(i >= n)
            break;
        unsigned const c = static_cast<unsigned char>(p[i]);
        if(c >= 0x20 && c < 0x7F && (!json || (c != '"' && c != '\\')))
        {
            ++i;
            continue;
        }
        out.append(p + run, i - run);
        if(c < 0x80)
        {
            escape(c);
            run = ++i;
            continue;
        }
        std::size_t const len = utf8_sequence_length(s.substr(i));
        if(len == 0)
        {
            out.append("\xEF\xBF\xBD", 3); // U+FFFD
            run = ++i;
            continue;
        }
        if(len == 2 && c == 0xC2 && static_cast<unsigned char>(p[i + 1]) < 0xA0)
        {
            escape(static_cast<unsigned char>(p[i + 1])); // a C1 control
            i += 2;
            run = i;
            continue;
        }
        out.append(p + i, len);
        i += len;
        run = i;
    }
    out.append(p + run, n - run);
}

} // detail
} // graphschema

#endif
