//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE graph_external_group
#include "test_support.hpp"

#include <string>

// graph/external_group.hpp: an external group and its members
// (externalConnectors.identity). The docs' examples are CONNECTORS.md
// 23.9 and 23.10, three of which end their object with a comma.

namespace gs = graphschema;
namespace graph = graphschema::graph;
using test::summary;

namespace {

gs::decode_options
options(gs::api_version v, gs::operation op = gs::operation::create,
    gs::unknown_policy u = gs::unknown_policy::preserve)
{
    gs::decode_options o;
    o.version = v;
    o.operation = op;
    o.unknown = u;
    return o;
}

// 23.9, verbatim (beta's body is the same).
char const* const create_group = R"({
  "id": "31bea3d537902000",
  "displayName": "Contoso Marketing",
  "description": "The product marketing team"
})";

// 23.10, v1.0, verbatim.
char const* const member_user = R"({
  "id": "e811976d-83df-4cbd-8b9b-5215b18aa874",
  "type": "user"
})";

char const* const member_group = R"({
  "id": "e5477431-1038-484e-bf69-1dfedb97a110",
  "type": "group"
})";

char const* const member_external_group = R"({
  "id": "1431b9c38ee647f6a",
  "type": "externalGroup",
})";

// 23.10, beta's older page: all three with the trailing comma.
char const* const beta_members[] = {
    R"({"id": "e811976d-83df-4cbd-8b9b-5215b18aa874", "type": "user",})",
    R"({"id": "e5477431-1038-484e-bf69-1dfedb97a110", "type": "externalGroup",})",
    R"({"id": "1431b9c38ee647f6a", "type": "externalGroup",})",
};

} // namespace

BOOST_AUTO_TEST_CASE(the_create_example_is_valid)
{
    for(auto v : {gs::api_version::v1_0, gs::api_version::beta})
    {
        auto const o = options(v, gs::operation::create, gs::unknown_policy::reject);
        auto const r = gs::decode<graph::external_group>(create_group, o);
        BOOST_REQUIRE_MESSAGE(r.ok(), summary(r.report()));
        BOOST_TEST(*r->id == "31bea3d537902000");
        BOOST_TEST(r->display_name.value() == "Contoso Marketing");
        BOOST_TEST(r->description.value() == "The product marketing team");
        gs::encode_options e;
        e.version = v;
        auto const text = gs::encode(*r, e);
        BOOST_TEST(text ==
            R"({"@odata.type":"#microsoft.graph.externalConnectors.externalGroup","id":"31bea3d537902000",)"
            R"("displayName":"Contoso Marketing","description":"The product marketing team"})");
        auto const again = gs::decode<graph::external_group>(text, o);
        BOOST_REQUIRE(again.ok());
        BOOST_TEST((*again == *r));
    }
}

BOOST_AUTO_TEST_CASE(the_member_examples)
{
    auto const o = options(gs::api_version::v1_0, gs::operation::create, gs::unknown_policy::reject);
    auto const user = gs::decode<graph::identity>(member_user, o);
    BOOST_REQUIRE(user.ok());
    BOOST_TEST((user->type.value() == graph::identity_type::user));
    BOOST_TEST(*user->id == "e811976d-83df-4cbd-8b9b-5215b18aa874");
    auto const group = gs::decode<graph::identity>(member_group, o);
    BOOST_REQUIRE(group.ok());
    BOOST_TEST((group->type.value() == graph::identity_type::group));

    // The third is not JSON: one syntax_error where the object should end.
    auto const third = gs::validate<graph::identity>(member_external_group, o);
    BOOST_TEST(summary(third) == "syntax_error ");
    BOOST_TEST(test::positions(third) == "4:1");
    // What it means is valid.
    BOOST_TEST(gs::validate<graph::identity>(R"({"id":"1431b9c38ee647f6a","type":"externalGroup"})", o).ok());

    for(char const* body : beta_members)
        BOOST_TEST(summary(gs::validate<graph::identity>(body, options(gs::api_version::beta))) ==
            "syntax_error ", body);
}

BOOST_AUTO_TEST_CASE(a_members_rules)
{
    auto const o = options(gs::api_version::v1_0);
    BOOST_TEST(summary(gs::validate<graph::identity>(R"({})", o)) ==
        "missing_required /id; missing_required /type");
    // The resource page's spelling is no member (names compare case-sensitively).
    BOOST_TEST(summary(gs::validate<graph::identity>(R"({"id":"x","type":"externalgroup"})", o)) ==
        "invalid_enum /type");
    // microsoft.graph.identity is another type.
    BOOST_TEST(summary(gs::validate<graph::identity>(
        R"({"@odata.type":"#microsoft.graph.identity","id":"x","type":"user"})", o)) ==
        "odata_type_mismatch /@odata.type");
    BOOST_TEST(gs::validate<graph::identity>(
        R"({"@odata.type":"#microsoft.graph.externalConnectors.identity","id":"x","type":"user"})", o).ok());
}

BOOST_AUTO_TEST_CASE(a_groups_id)
{
    auto const o = options(gs::api_version::v1_0);
    BOOST_TEST(summary(gs::validate<graph::external_group>(R"({"displayName":"d"})", o)) ==
        "missing_required /id");
    BOOST_TEST(gs::validate<graph::external_group>(R"({"id":")" + std::string(128, 'g') + R"("})", o).ok());
    BOOST_TEST(summary(gs::validate<graph::external_group>(R"({"id":")" + std::string(129, 'g') + R"("})", o)) ==
        "constraint_violation /id");
    BOOST_TEST(summary(gs::validate<graph::external_group>(R"({"id":"hr.team-1"})", o)) ==
        "constraint_violation /id");
    // The key cannot change; the rest may be cleared.
    BOOST_TEST(summary(gs::validate<graph::external_group>(R"({"id":"g","description":null})",
        options(gs::api_version::v1_0, gs::operation::update))) == "read_only_property /id");
    BOOST_TEST(gs::validate<graph::external_group>(R"({"description":null,"displayName":"n"})",
        options(gs::api_version::v1_0, gs::operation::update)).ok());
}

BOOST_AUTO_TEST_CASE(members_are_read_only_and_kept_on_read)
{
    char const* const body =
        R"({"id":"g1","members":[{"id":"u1","type":"user"},{"id":"g2","type":"externalGroup"}]})";
    BOOST_TEST(summary(gs::validate<graph::external_group>(body, options(gs::api_version::v1_0))) ==
        "read_only_property /members");
    auto const r = gs::decode<graph::external_group>(body,
        options(gs::api_version::v1_0, gs::operation::read, gs::unknown_policy::reject));
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(r->members->size() == 2u);
    BOOST_TEST(gs::encode(*r, test::untyped()) == body);
    // A response names the group.
    BOOST_TEST(summary(gs::validate<graph::external_group>(R"({"members":[]})",
        options(gs::api_version::v1_0, gs::operation::read))) == "missing_required /id");
}
