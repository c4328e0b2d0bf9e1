//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE options
#include <graphschema/options.hpp>

#include <boost/test/unit_test.hpp>

namespace gs = graphschema;

BOOST_AUTO_TEST_CASE(defaults_are_those_of_rules_md)
{
    gs::decode_options o;
    BOOST_TEST((o.operation == gs::operation::create));
    BOOST_TEST((o.unknown == gs::unknown_policy::preserve));
    BOOST_TEST(o.max_depth == 64u);
    BOOST_TEST(o.max_bytes == 4194304u);
    BOOST_TEST(o.max_issues == 100u);
    BOOST_TEST((gs::encode_options().odata_type == gs::odata_type_scope::everywhere));
}

BOOST_AUTO_TEST_CASE(operation_names)
{
    BOOST_TEST(gs::to_string(gs::operation::create) == "create");
    BOOST_TEST(gs::to_string(gs::operation::update) == "update");
    BOOST_TEST(gs::to_string(gs::operation::read) == "read");
    for(auto op : {gs::operation::create, gs::operation::update, gs::operation::read})
        BOOST_TEST((gs::operation_from_string(gs::to_string(op)) == op));
    BOOST_TEST(!gs::operation_from_string("Create").has_value());
    BOOST_TEST(!gs::operation_from_string("").has_value());
}

BOOST_AUTO_TEST_CASE(policy_names)
{
    BOOST_TEST(gs::to_string(gs::unknown_policy::preserve) == "preserve");
    BOOST_TEST(gs::to_string(gs::unknown_policy::ignore) == "ignore");
    BOOST_TEST(gs::to_string(gs::unknown_policy::reject) == "reject");
    for(auto p : {gs::unknown_policy::preserve, gs::unknown_policy::ignore, gs::unknown_policy::reject})
        BOOST_TEST((gs::unknown_policy_from_string(gs::to_string(p)) == p));
    BOOST_TEST(!gs::unknown_policy_from_string("drop").has_value());
}

static_assert(gs::operation_from_string("read") == gs::operation::read, "usable in constant expressions");
