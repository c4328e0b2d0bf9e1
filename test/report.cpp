//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE report
#include <graphschema/report.hpp>
#include <graphschema/graphschema.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <sstream>
#include <string>

namespace gs = graphschema;

namespace {

gs::issue
make(gs::error code, std::string pointer)
{
    return {code, std::move(pointer), 1, 2, "m"};
}

// Reports are written by decoding; these tests of the class itself go
// through the decoder's way in.
void
add(gs::report& r, gs::issue i)
{
    gs::detail::report_access::add(r, std::move(i));
}

} // namespace

BOOST_AUTO_TEST_CASE(an_empty_report_is_ok)
{
    gs::report r;
    BOOST_TEST(r.ok());
    BOOST_TEST(r.empty());
    BOOST_TEST(r.found() == 0u);
    BOOST_TEST(!r.truncated());
    BOOST_CHECK_NO_THROW(r.throw_if_invalid());
}

BOOST_AUTO_TEST_CASE(issues_are_kept_in_order)
{
    gs::report r;
    add(r, make(gs::error::type_mismatch, "/a"));
    add(r, make(gs::error::missing_required, "/b"));
    BOOST_TEST(!r.ok());
    BOOST_TEST(r.size() == 2u);
    BOOST_TEST(r[0].pointer == "/a");
    BOOST_TEST(r[1].pointer == "/b");
    BOOST_TEST(r.contains(gs::error::missing_required));
    BOOST_TEST(!r.contains(gs::error::syntax_error));
}

BOOST_AUTO_TEST_CASE(the_cap_keeps_the_first_and_counts_the_rest)
{
    gs::report r(2);
    for(int i = 0; i < 5; ++i)
        add(r, make(gs::error::type_mismatch, "/" + std::to_string(i)));
    BOOST_TEST(r.size() == 2u);
    BOOST_TEST(r.found() == 5u);
    BOOST_TEST(r.truncated());
    BOOST_TEST(!r.ok());
    BOOST_TEST(r[1].pointer == "/1");
    gs::detail::report_access::count_dropped(r);
    BOOST_TEST(r.found() == 6u);
}

BOOST_AUTO_TEST_CASE(a_zero_cap_still_gives_the_verdict)
{
    gs::report r(0);
    add(r, make(gs::error::type_mismatch, ""));
    BOOST_TEST(!r.ok());
    BOOST_TEST(r.empty());
    BOOST_TEST(r.truncated());
}

BOOST_AUTO_TEST_CASE(throw_if_invalid_carries_the_report)
{
    gs::report r;
    add(r, make(gs::error::null_not_allowed, "/name"));
    add(r, make(gs::error::type_mismatch, "/id"));
    try
    {
        r.throw_if_invalid();
        BOOST_FAIL("no exception");
    }
    catch(gs::validation_error const& e)
    {
        BOOST_TEST(e.report() == r);
        BOOST_TEST((e.code() == gs::error::null_not_allowed));
        BOOST_TEST(std::string(e.what()).find("2 issues; first: /name: m") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(an_issue_converts_to_json_in_the_cli_form)
{
    gs::issue i{gs::error::constraint_violation, "/id", 1, 9, "too short"};
    BOOST_TEST(boost::json::serialize(boost::json::value_from(i)) ==
        R"({"code":"constraint_violation","pointer":"/id","line":1,"column":9,"message":"too short"})");
}

BOOST_AUTO_TEST_CASE(reports_compare_by_content)
{
    gs::report a, b;
    BOOST_TEST((a == b));
    add(a, make(gs::error::type_mismatch, "/a"));
    BOOST_TEST((a != b));
    add(b, make(gs::error::type_mismatch, "/a"));
    BOOST_TEST((a == b));
    gs::detail::report_access::clear(a);
    BOOST_TEST(a.ok());
}

// operator<<, on reports built by decoding.

namespace {

template<class T>
std::string
printed(T const& v)
{
    std::ostringstream os;
    os << v;
    return os.str();
}

gs::report
read_report(std::string const& doc, std::size_t max_issues = 100)
{
    gs::decode_options o;
    o.operation = gs::operation::read;
    o.unknown = gs::unknown_policy::reject;
    o.max_issues = max_issues;
    return gs::validate<gs::graph::external_connection>(doc, o);
}

} // namespace

BOOST_AUTO_TEST_CASE(an_issue_prints_on_one_line_as_the_validator_does)
{
    auto const r = gs::validate<gs::graph::external_connection>("{\n  \"id\": \"x\"\n}");
    BOOST_REQUIRE(r.size() == 4u);
    BOOST_TEST(printed(r[0]) == "2:9: constraint_violation /id: must be 3 to 32 characters long (found 1)");
    BOOST_TEST(printed(r[1]) == "1:1: missing_required /name: required property 'name' is missing");
    auto const syntax = gs::validate<gs::graph::external_connection>("{,");
    BOOST_TEST(printed(syntax[0]).find("1:2: syntax_error (document): ") == 0u);
    // Without a position (a document from a DOM), the position is left out.
    auto const dom = gs::validate<gs::graph::external_connection>(boost::json::parse(R"({"id":1})"));
    BOOST_TEST(printed(dom[0]).find("type_mismatch /id: ") == 0u);
}

BOOST_AUTO_TEST_CASE(a_printed_report_cannot_be_forged_by_a_key)
{
    // A key with a line break, a terminal escape and a C1 control in it:
    // the pointer and the message print them escaped, and the report stays
    // one line per issue.
    auto const r = read_report(R"({"id":"abc","a\n1:1: forged ~1x: y\u001b[31m\u0085":1})");
    BOOST_REQUIRE(r.size() == 1u);
    BOOST_TEST(r[0].pointer == "/a\n1:1: forged ~01x: y\x1b[31m\xc2\x85");
    std::string const text = printed(r);
    BOOST_TEST(text.find("1:13: unknown_property /a\\n1:1: forged ~01x: y\\u001b[31m\\u0085: ") == 0u, text);
    BOOST_TEST(std::count(text.begin(), text.end(), '\n') == 1);
    BOOST_TEST(text.back() == '\n');
    BOOST_TEST(text.find('\x1b') == std::string::npos);
    BOOST_TEST(text.find("\xc2\x85") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_printed_report_says_how_many_issues_it_did_not_keep)
{
    auto const r = read_report(R"({"id":"abc","a":1,"b":2,"c":3})", 1);
    std::string const text = printed(r);
    BOOST_TEST(text.find("1:13: unknown_property /a: ") == 0u);
    BOOST_TEST(text.substr(text.find('\n') + 1) == "2 more issues not kept\n");
    BOOST_TEST(printed(read_report(R"({"id":"abc"})")).empty());
}

BOOST_AUTO_TEST_CASE(escaping_keeps_output_valid_utf8)
{
    std::string out;
    gs::detail::append_escaped(out, "a\xff" "b\xc3\xa9\xed\xa0\x80\xf4\x90\x80\x80\xe2\x82\xac\x7f\"\\", false);
    // One U+FFFD a byte that is not part of a well-formed sequence: \xff;
    // the surrogate \xed\xa0\x80 (3); \xf4\x90\x80\x80, past U+10FFFF (4).
    std::string const fffd = "\xEF\xBF\xBD";
    BOOST_TEST(out == "a" + fffd + "b\xc3\xa9" + fffd + fffd + fffd + fffd + fffd + fffd + fffd +
        "\xe2\x82\xac\\u007f\"\\");
    out.clear();
    gs::detail::append_escaped(out, "q\"\\\t\x01", true);
    BOOST_TEST(out == "q\\\"\\\\\\t\\u0001");
}
