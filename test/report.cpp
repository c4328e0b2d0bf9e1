//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE report
#include <graphschema/report.hpp>

#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>
#include <boost/test/unit_test.hpp>

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
