//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_DETAIL_NAMING_HPP
#define GRAPHSCHEMA_DETAIL_NAMING_HPP

#include <cstddef>
#include <string_view>

namespace graphschema {
namespace detail {

// C++ names are snake_case and Graph's JSON names lowerCamelCase: an
// underscore is dropped and the letter after it raised, and a trailing
// underscore (`default_`, a keyword dodge) is dropped. A name without
// underscores is used unchanged.

constexpr std::size_t
camel_case_size(char const* s) noexcept
{
    std::size_t n = 0;
    for(; *s; ++s)
        if(*s != '_')
            ++n;
    return n;
}

template<std::size_t N>
struct fixed_name
{
    char data[N + 1] = {};

    constexpr std::string_view view() const noexcept { return {data, N}; }
};

template<std::size_t N>
constexpr fixed_name<N>
camel_case(char const* s) noexcept
{
    fixed_name<N> r;
    std::size_t n = 0;
    bool raise = false;
    for(; *s; ++s)
    {
        char c = *s;
        if(c == '_')
        {
            raise = n > 0;
            continue;
        }
        if(raise && c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
        raise = false;
        r.data[n++] = c;
    }
    return r;
}

} // detail
} // graphschema

#endif
