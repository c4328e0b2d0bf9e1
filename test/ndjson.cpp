//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE ndjson
#include <graphschema/ndjson.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace gs = graphschema;

namespace {

struct seen
{
    std::string text;
    std::size_t number;
    bool oversized;
    std::size_t size;

    bool
    operator==(seen const& o) const
    {
        return text == o.text && number == o.number && oversized == o.oversized && size == o.size;
    }
};

// Splits `input` fed in chunks of `chunk` bytes.
std::vector<seen>
split(std::string const& input, std::size_t chunk, std::size_t max)
{
    std::vector<seen> out;
    gs::ndjson_splitter s(max);
    auto on = [&](gs::ndjson_splitter::line const& l) {
        out.push_back({std::string(l.text), l.number, l.oversized, l.size});
    };
    for(std::size_t i = 0; i < input.size(); i += chunk)
        s.write(std::string_view(input).substr(i, chunk), on);
    s.finish(on);
    return out;
}

} // namespace

BOOST_AUTO_TEST_CASE(lines_are_numbered_and_blank_ones_skipped)
{
    std::string const in = "{\"a\":1}\n\n  \t\r\n{\"b\":2}\r\n{\"c\":3}";
    std::vector<seen> const want = {
        {"{\"a\":1}", 1, false, 7}, {"{\"b\":2}\r", 4, false, 8}, {"{\"c\":3}", 5, false, 7}};
    for(std::size_t chunk : {1u, 2u, 3u, 7u, 64u})
        BOOST_TEST(split(in, chunk, 100) == want, "chunk " << chunk);
}

BOOST_AUTO_TEST_CASE(an_oversized_line_is_reported_and_not_buffered)
{
    std::string const long_line(1000, 'x');
    std::string const in = "{}\n" + long_line + "\n{}\n";
    for(std::size_t chunk : {1u, 10u, 4096u})
    {
        auto const got = split(in, chunk, 10);
        std::vector<seen> const want = {{"{}", 1, false, 2}, {"", 2, true, 1000}, {"{}", 3, false, 2}};
        BOOST_TEST(got == want, "chunk " << chunk);
    }
    // exactly at the limit is not oversized
    BOOST_TEST((split("0123456789\n", 3, 10) == std::vector<seen>{{"0123456789", 1, false, 10}}));
    BOOST_TEST((split("0123456789A", 3, 10) == std::vector<seen>{{"", 1, true, 11}}));
}

BOOST_AUTO_TEST_CASE(empty_and_newline_only_streams)
{
    BOOST_TEST(split("", 1, 10).empty());
    BOOST_TEST(split("\n\n\n", 1, 10).empty());
    gs::ndjson_splitter s(10);
    s.write("\n\n", [](auto const&) {});
    BOOST_TEST(s.lines() == 2u);
}
