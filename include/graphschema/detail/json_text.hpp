//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_DETAIL_JSON_TEXT_HPP
#define GRAPHSCHEMA_DETAIL_JSON_TEXT_HPP

#include <graphschema/options.hpp>

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace graphschema {
namespace detail {

// A handler that accepts every event: the parser alone checks the syntax.
struct syntax_only_handler
{
    static constexpr std::size_t max_object_size = std::size_t(-1);
    static constexpr std::size_t max_array_size = std::size_t(-1);
    static constexpr std::size_t max_key_size = std::size_t(-1);
    static constexpr std::size_t max_string_size = std::size_t(-1);

    using error_code = boost::json::error_code;
    using string_view = boost::json::string_view;

    bool on_document_begin(error_code&) { return true; }
    bool on_document_end(error_code&) { return true; }
    bool on_object_begin(error_code&) { return true; }
    bool on_object_end(std::size_t, error_code&) { return true; }
    bool on_array_begin(error_code&) { return true; }
    bool on_array_end(std::size_t, error_code&) { return true; }
    bool on_key_part(string_view, std::size_t, error_code&) { return true; }
    bool on_key(string_view, std::size_t, error_code&) { return true; }
    bool on_string_part(string_view, std::size_t, error_code&) { return true; }
    bool on_string(string_view, std::size_t, error_code&) { return true; }
    bool on_number_part(string_view, error_code&) { return true; }
    bool on_int64(std::int64_t, string_view, error_code&) { return true; }
    bool on_uint64(std::uint64_t, string_view, error_code&) { return true; }
    bool on_double(double, string_view, error_code&) { return true; }
    bool on_bool(bool, error_code&) { return true; }
    bool on_null(error_code&) { return true; }
    bool on_comment_part(string_view, error_code&) { return true; }
    bool on_comment(string_view, error_code&) { return true; }
};

// True when `text` is exactly one JSON value (surrounding whitespace
// allowed) nested no deeper than max_depth_limit.
inline bool
is_json_text(std::string_view text)
{
    boost::json::parse_options opt;
    opt.max_depth = max_depth_limit;
    boost::json::basic_parser<syntax_only_handler> p(opt);
    boost::json::error_code ec;
    auto const n = p.write_some(false, text.data(), text.size(), ec);
    return !ec && n == text.size();
}

// True when `text` holds a byte at or below ' ': a space, a tab, a line
// break, or a control character. Eight bytes at a time.
inline bool
has_space_or_control(std::string_view text) noexcept
{
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    char const* const p = text.data();
    std::size_t const n = text.size();
    std::size_t i = 0;
    for(; i + 8 <= n; i += 8)
    {
        std::uint64_t w;
        std::memcpy(&w, p + i, sizeof(w));
        // A high bit in each byte below 0x21 (and in none of the others,
        // whatever carries the subtraction makes: the lowest byte found
        // is always a real one, which is all a yes or no needs).
        if((w - ones * 0x21) & ~w & highs)
            return true;
    }
    for(; i < n; ++i)
        if(static_cast<unsigned char>(p[i]) <= 0x20)
            return true;
    return false;
}

// Appends `text`, one valid JSON text, without the insignificant
// whitespace around and between its tokens: every token (strings with
// their escapes, numbers as written) byte for byte, so that the result is
// one line. Raw control characters cannot be in valid JSON text, and a
// space inside a string is kept. `out` grows by at most `text.size()`.
inline void
append_compact_json(std::string& out, std::string_view text)
{
    if(!has_space_or_control(text))
    {
        out.append(text.data(), text.size());
        return;
    }
    char const* const p = text.data();
    std::size_t const n = text.size();
    std::size_t run = 0;
    bool in_string = false;
    for(std::size_t i = 0; i < n; ++i)
    {
        char const c = p[i];
        if(in_string)
        {
            if(c == '\\')
                ++i; // the escaped character, whatever it is
            else if(c == '"')
                in_string = false;
        }
        else if(c == '"')
            in_string = true;
        else if(c == ' ' || c == '\t' || c == '\n' || c == '\r')
        {
            out.append(p + run, i - run);
            run = i + 1;
        }
    }
    out.append(p + run, n - run);
}

// The JSON text of a value. Boost.JSON 1.81 writes a non-finite double as
// Infinity, -Infinity or NaN, which are not JSON: infinities become
// 1e99999 and -1e99999 (which parse back to them) and NaN becomes 0, what
// it stands for when Boost.JSON 1.81 parsed it (0e400 and the like), as in
// members of number types (exact_double).
inline std::string
serialize_json(boost::json::value const& v)
{
    std::string s = boost::json::serialize(v);
    // Outside strings the serializer writes no capital I or N otherwise.
    if(s.find_first_of("IN") == std::string::npos)
        return s;
    std::string out;
    out.reserve(s.size());
    bool in_string = false;
    for(std::size_t i = 0; i < s.size(); ++i)
    {
        char const c = s[i];
        if(in_string)
        {
            out.push_back(c);
            if(c == '\\')
                out.push_back(s[++i]);
            else if(c == '"')
                in_string = false;
        }
        else if(c == 'I')
        {
            out += "1e99999";
            i += 7; // "Infinity"
        }
        else if(c == 'N')
        {
            out += '0';
            i += 2; // "NaN"
        }
        else
        {
            in_string = c == '"';
            out.push_back(c);
        }
    }
    return out;
}

} // detail
} // graphschema

#endif
