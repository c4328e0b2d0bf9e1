//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE error
#include <graphschema/error.hpp>

#include <boost/test/unit_test.hpp>

#include <set>
#include <string>

namespace gs = graphschema;

BOOST_AUTO_TEST_CASE(every_code_has_the_name_rules_md_gives)
{
    char const* const names[] = {"syntax_error", "depth_exceeded", "size_exceeded",
        "duplicate_property", "type_mismatch", "constraint_violation", "invalid_enum",
        "missing_required", "read_only_property", "null_not_allowed",
        "unknown_property", "odata_type_mismatch"};
    BOOST_TEST(gs::error_count == 12);
    for(int i = 1; i <= gs::error_count; ++i)
        BOOST_TEST(gs::to_string(static_cast<gs::error>(i)) == names[i - 1]);
}

BOOST_AUTO_TEST_CASE(names_round_trip)
{
    for(int i = 1; i <= gs::error_count; ++i)
    {
        auto const e = static_cast<gs::error>(i);
        BOOST_TEST((gs::error_from_string(gs::to_string(e)) == e));
    }
    BOOST_TEST(!gs::error_from_string("nope").has_value());
    BOOST_TEST(!gs::error_from_string("").has_value());
    BOOST_TEST(gs::to_string(static_cast<gs::error>(0)).empty());
}

BOOST_AUTO_TEST_CASE(codes_convert_to_error_code)
{
    boost::system::error_code ec = gs::error::missing_required;
    BOOST_TEST(ec.failed());
    BOOST_TEST(ec == gs::error::missing_required);
    BOOST_TEST(ec != gs::error::type_mismatch);
    BOOST_TEST(std::string(ec.category().name()) == "graphschema");
    BOOST_TEST(ec.message() == "missing_required");
    BOOST_TEST(&ec.category() == &gs::error_category());
    BOOST_TEST(gs::error_category().message(99) == "unknown graphschema error");
}

BOOST_AUTO_TEST_CASE(names_are_distinct)
{
    std::set<std::string> seen;
    for(int i = 1; i <= gs::error_count; ++i)
        seen.insert(std::string(gs::to_string(static_cast<gs::error>(i))));
    BOOST_TEST(seen.size() == 12u);
}
