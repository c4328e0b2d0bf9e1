//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_DETAIL_NUMBERS_HPP
#define GRAPHSCHEMA_DETAIL_NUMBERS_HPP

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <system_error>

// What a number's text says, read exactly: the parser's double is not
// always the nearest one, and a double cannot tell whether a large number
// written with a fraction or an exponent is an integer.

namespace graphschema {
namespace detail {

// The double nearest to `text`. Boost.JSON 1.81 does not round every
// number correctly (a double written in its shortest form would not always
// read back the same), and it parses a zero with a large exponent (0e400)
// as NaN. Without text (a DOM) or out of range (1e400, 1e-400), the
// parser's value, NaN read as the zero it came from.
inline double
exact_double(double parsed, std::string_view text) noexcept
{
    double d = 0;
    auto const r = std::from_chars(text.data(), text.data() + text.size(), d);
    if(!text.empty() && r.ec == std::errc() && r.ptr == text.data() + text.size())
        return d;
    return std::isnan(parsed) ? 0.0 : parsed;
}

// What a JSON number's text is as an integer.
enum class integer_text
{
    integer,        // `value` holds it
    fraction,       // not an integer: 1.5, 1e-1
    out_of_range    // an integer beyond int64
};

// Reads a JSON number (as the parser has checked it) as an integer,
// exactly: 1.0, 1e3 and 10E-1 are integers, 9223372036854775807.5 is not,
// -9223372036854775809 is out of range however a double rounds it, and so
// is -9244444444444444444.5 (out of range before it is a fraction).
inline integer_text
integer_from_text(std::string_view text, std::int64_t& value) noexcept
{
    std::size_t i = 0;
    bool const negative = i < text.size() && text[i] == '-';
    i += negative;

    // The number is digits * 10^scale, give or take the digits past the
    // 19th: the significant ones, without the zeros that lead them.
    std::uint64_t digits = 0;   // the first 19 significant digits
    std::size_t count = 0;      // how many significant digits there are
    long long scale = 0;        // the power of ten `digits` is scaled by
    bool nonzero_past = false;  // a digit past the 19th is not 0
    auto digit = [&](char c, bool fraction) {
        if(count == 0 && c == '0')
        {
            scale -= fraction;
            return;
        }
        if(count < 19)
            digits = digits * 10 + static_cast<unsigned>(c - '0');
        else
        {
            nonzero_past |= c != '0';
            ++scale;
        }
        ++count;
        scale -= fraction;
    };
    for(; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i)
        digit(text[i], false);
    if(i < text.size() && text[i] == '.')
        for(++i; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i)
            digit(text[i], true);
    if(i < text.size() && (text[i] == 'e' || text[i] == 'E'))
    {
        ++i;
        bool const minus = i < text.size() && text[i] == '-';
        i += i < text.size() && (text[i] == '-' || text[i] == '+');
        long long e = 0;
        for(; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i)
            if(e < 100000)  // past that, any nonzero number is out of range or a fraction
                e = e * 10 + (text[i] - '0');
        scale += minus ? -e : e;
    }

    if(count == 0)
    {
        value = 0;
        return integer_text::integer;
    }
    // The power of ten of the leading digit: from 19 on, beyond int64
    // whatever follows; below that, a 20th significant digit is a fraction.
    long long const kept = count < 19 ? static_cast<long long>(count) : 19;
    if(kept - 1 + scale >= 19)
        return integer_text::out_of_range;
    // An integer needs the kept digits' trailing zeros to cover a negative
    // scale.
    while(scale < 0 && digits % 10 == 0 && !nonzero_past)
    {
        digits /= 10;
        ++scale;
    }
    constexpr std::uint64_t limit = std::uint64_t(1) << 63;  // 2^63
    if(scale < 0 || nonzero_past)
    {
        // Out of range first, whatever the fraction, as a double of the
        // same number says (a DOM holds no fraction past 2^53).
        std::uint64_t whole = digits;
        for(long long s = scale; s < 0 && whole != 0; ++s)
            whole /= 10;
        return whole >= limit ? integer_text::out_of_range : integer_text::fraction;
    }
    for(; scale > 0; --scale)
    {
        if(digits > limit / 10)
            return integer_text::out_of_range;
        digits *= 10;
    }
    if(digits > limit || (digits == limit && !negative))
        return integer_text::out_of_range;
    value = negative ? static_cast<std::int64_t>(0 - digits) : static_cast<std::int64_t>(digits);
    return integer_text::integer;
}

} // detail
} // graphschema

#endif
