//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE graph_external_item
#include "test_support.hpp"

#include <string>

// graph/external_item.hpp: an item (the body of a PUT), its access control
// entries, its content, its sensitivity label, and its open `properties`.
// The docs' examples are CONNECTORS.md 23.7 (v1.0) and 23.8 (beta). An
// item's properties are checked against a registered schema elsewhere;
// without one they are dynamic properties, kept as sent.

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

// 23.7, verbatim.
char const* const put_item_v1 = R"({
  "acl": [
    {
      "type": "user",
      "value": "e811976d-83df-4cbd-8b9b-5215b18aa874",
      "accessType": "grant"
    },
    {
      "type": "externalGroup",
      "value": "14m1b9c38qe647f6a",
      "accessType": "deny"
    }
  ],
  "properties": {
    "title": "Error in the payment gateway",
    "priority": 1,
    "assignee": "john@contoso.com"
  },
  "content": {
    "value": "Error in payment gateway...",
    "type": "text"
  }
})";

// 23.8, verbatim: beta's legacy identitySource.
char const* const put_item_beta = R"({
  "acl": [
    {
      "type": "user",
      "value": "e811976d-83df-4cbd-8b9b-5215b18aa874",
      "accessType": "grant",
      "identitySource": "azureActiveDirectory"
    },
    {
      "type": "group",
      "value": "14m1b9c38qe647f6a",
      "accessType": "deny",
      "identitySource": "external"
    }
  ],
  "properties": {
    "title": "Error in the payment gateway",
    "priority": 1,
    "assignee": "john@contoso.com"
  },
  "content": {
    "value": "Error in payment gateway...",
    "type": "text"
  }
})";

char const* const minimal =
    R"({"acl":[{"type":"everyone","value":"t","accessType":"grant"}],"properties":{"title":"t"}})";

template<class T>
void
check_round_trip(char const* body, gs::decode_options const& o)
{
    auto const first = gs::decode<T>(body, o);
    BOOST_REQUIRE_MESSAGE(first.ok(), summary(first.report()));
    gs::encode_options e;
    e.version = o.version;
    auto const text = gs::encode(*first, e);
    auto const second = gs::decode<T>(text, o);
    BOOST_REQUIRE_MESSAGE(second.ok(), summary(second.report()));
    BOOST_TEST((*second == *first));
    BOOST_TEST(gs::encode(*second, e) == text);
}

} // namespace

BOOST_AUTO_TEST_CASE(the_v1_example_is_a_valid_body)
{
    for(auto u : {gs::unknown_policy::preserve, gs::unknown_policy::reject})
    {
        auto const r = gs::decode<graph::external_item>(put_item_v1,
            options(gs::api_version::v1_0, gs::operation::create, u));
        BOOST_REQUIRE_MESSAGE(r.ok(), summary(r.report()));
        BOOST_TEST(!r->id.has_value()); // the URL carries it
        BOOST_REQUIRE(r->acl->size() == 2u);
        BOOST_TEST((r->acl->at(0).type.value() == graph::acl_type::user));
        BOOST_TEST((r->acl->at(1).type.value() == graph::acl_type::external_group));
        BOOST_TEST((r->acl->at(1).access_type.value() == graph::access_type::deny));
        BOOST_TEST(r->acl->at(1).value.value() == "14m1b9c38qe647f6a");
        BOOST_TEST((r->content.value().type.value() == graph::external_item_content_type::text));
        // The properties are dynamic: kept, in order, unchecked.
        auto const& p = r->properties.value().dynamic_properties;
        BOOST_TEST(p.size() == 3u);
        BOOST_TEST(p.contains("priority"));
    }
    check_round_trip<graph::external_item>(put_item_v1, options(gs::api_version::v1_0));
}

BOOST_AUTO_TEST_CASE(the_beta_example_is_betas)
{
    auto const beta = options(gs::api_version::beta, gs::operation::create, gs::unknown_policy::reject);
    auto const r = gs::decode<graph::external_item>(put_item_beta, beta);
    BOOST_REQUIRE_MESSAGE(r.ok(), summary(r.report()));
    BOOST_TEST((r->acl->at(0).identity_source.value() == graph::identity_source_type::azure_active_directory));
    BOOST_TEST((r->acl->at(1).identity_source.value() == graph::identity_source_type::external));
    check_round_trip<graph::external_item>(put_item_beta, beta);

    // identitySource is no member of v1.0's acl.
    BOOST_TEST(summary(gs::validate<graph::external_item>(put_item_beta,
        options(gs::api_version::v1_0, gs::operation::create, gs::unknown_policy::reject))) ==
        "unknown_property /acl/0/identitySource; unknown_property /acl/1/identitySource");
    auto const kept = gs::decode<graph::external_item>(put_item_beta, options(gs::api_version::v1_0));
    BOOST_REQUIRE(kept.ok());
    BOOST_TEST(kept->acl->at(0).identity_source.is_absent());
    BOOST_TEST(kept->acl->at(0).additional_data.contains("identitySource"));
}

BOOST_AUTO_TEST_CASE(what_a_create_requires)
{
    auto const o = options(gs::api_version::v1_0);
    BOOST_TEST(gs::validate<graph::external_item>(minimal, o).ok());
    BOOST_TEST(summary(gs::validate<graph::external_item>(R"({})", o)) ==
        "missing_required /acl; missing_required /properties");
    BOOST_TEST(summary(gs::validate<graph::external_item>(R"({"acl":[],"properties":null})", o)) ==
        "constraint_violation /acl; null_not_allowed /properties");
    BOOST_TEST(summary(gs::validate<graph::external_item>(
        R"({"acl":[{"type":"user"}],"properties":{},"content":{"type":"text"}})", o)) ==
        "missing_required /acl/0/value; missing_required /acl/0/accessType; missing_required /content/value");
    // A response need not carry them.
    BOOST_TEST(gs::validate<graph::external_item>(R"({"id":"TSP228082938"})",
        options(gs::api_version::v1_0, gs::operation::read)).ok());
}

BOOST_AUTO_TEST_CASE(the_id)
{
    auto const o = options(gs::api_version::v1_0);
    auto const with = [](std::string const& id) {
        return R"({"id":")" + id + R"(","acl":[{"type":"everyone","value":"t","accessType":"grant"}],"properties":{}})";
    };
    BOOST_TEST(gs::validate<graph::external_item>(with("TSP228082938"), o).ok());
    BOOST_TEST(gs::validate<graph::external_item>(with(std::string(128, 'a')), o).ok());
    BOOST_TEST(summary(gs::validate<graph::external_item>(with(std::string(129, 'a')), o)) == "constraint_violation /id");
    BOOST_TEST(summary(gs::validate<graph::external_item>(with(""), o)) == "constraint_violation /id");
    BOOST_TEST(summary(gs::validate<graph::external_item>(with("TSP-2280"), o)) == "constraint_violation /id");
    // Not checked in what the service returns.
    BOOST_TEST(gs::validate<graph::external_item>(R"({"id":"TSP-2280"})",
        options(gs::api_version::v1_0, gs::operation::read)).ok());
}

BOOST_AUTO_TEST_CASE(enums_in_requests_and_responses)
{
    char const* const body =
        R"({"acl":[{"type":"everyoneExceptGuests","value":"t","accessType":"audit"}],)"
        R"("properties":{},"content":{"type":"markdown","value":"v"}})";
    BOOST_TEST(summary(gs::validate<graph::external_item>(body, options(gs::api_version::v1_0))) ==
        "invalid_enum /acl/0/accessType; invalid_enum /content/type");
    auto const r = gs::decode<graph::external_item>(body, options(gs::api_version::v1_0, gs::operation::read));
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(r->acl->at(0).access_type.value().name() == "audit");
    BOOST_TEST((r->acl->at(0).type.value() == graph::acl_type::everyone_except_guests));
    BOOST_TEST(r->content.value().type.value().name() == "markdown");
}

BOOST_AUTO_TEST_CASE(properties_are_an_open_type)
{
    // Any member, with its annotations, kept under every policy, byte for byte.
    char const* const body =
        R"({"acl":[{"type":"user","value":"u","accessType":"grant"}],"properties":{)"
        R"("description@odata.type":"String","description":"Kandierte \u00c4pfel",)"
        R"j("tags@odata.type":"Collection(String)","tags":["red","blue"],"count":1e400}})j";
    for(auto u : {gs::unknown_policy::preserve, gs::unknown_policy::ignore, gs::unknown_policy::reject})
    {
        auto const r = gs::decode<graph::external_item>(body,
            options(gs::api_version::v1_0, gs::operation::create, u));
        BOOST_REQUIRE_MESSAGE(r.ok(), summary(r.report()));
        BOOST_TEST(r->properties.value().dynamic_properties.size() == 5u);
        BOOST_TEST(gs::encode(*r, test::untyped()) == body);
    }
    // The item itself is not open.
    BOOST_TEST(summary(gs::validate<graph::external_item>(
        R"({"acl":[{"type":"user","value":"u","accessType":"grant"}],"properties":{},"title":"t"})",
        options(gs::api_version::v1_0, gs::operation::create, gs::unknown_policy::reject))) ==
        "unknown_property /title");
    // An object, never anything else.
    BOOST_TEST(summary(gs::validate<graph::external_item>(
        R"({"acl":[{"type":"user","value":"u","accessType":"grant"}],"properties":[]})",
        options(gs::api_version::v1_0))) == "type_mismatch /properties");
}

BOOST_AUTO_TEST_CASE(the_sensitivity_label)
{
    char const* const body =
        R"({"acl":[{"type":"user","value":"u","accessType":"grant"}],"properties":{},)"
        R"("informationProtectionLabel":{"sensitivityLabelId":"f42aa342-8706-4288-bd11-ebb85995028c"}})";
    for(auto v : {gs::api_version::v1_0, gs::api_version::beta})
    {
        auto const r = gs::decode<graph::external_item>(body,
            options(v, gs::operation::create, gs::unknown_policy::reject));
        BOOST_REQUIRE_MESSAGE(r.ok(), summary(r.report()));
        BOOST_TEST(r->information_protection_label.value().sensitivity_label_id.value() ==
            "f42aa342-8706-4288-bd11-ebb85995028c");
        check_round_trip<graph::external_item>(body, options(v));
    }
}

BOOST_AUTO_TEST_CASE(type_names)
{
    graph::external_item item;
    item.acl.emplace(1);
    item.acl->at(0).type = gs::open_enum<graph::acl_type>(graph::acl_type::group);
    item.acl->at(0).value = std::string("g");
    item.acl->at(0).access_type = gs::open_enum<graph::access_type>(graph::access_type::grant);
    item.properties = graph::properties{};
    gs::encode_options o;
    o.version = gs::api_version::v1_0;
    std::string const text = gs::encode(item, o);
    BOOST_TEST(text ==
        R"({"@odata.type":"#microsoft.graph.externalConnectors.externalItem",)"
        R"("acl":[{"@odata.type":"#microsoft.graph.externalConnectors.acl","type":"group","value":"g","accessType":"grant"}],)"
        R"("properties":{"@odata.type":"#microsoft.graph.externalConnectors.properties"}})");
    BOOST_TEST(gs::validate(item, options(gs::api_version::v1_0)).ok());
    // The older beta names too.
    BOOST_TEST(gs::validate<graph::external_item>(
        R"({"@odata.type":"#microsoft.graph.externalItem","acl":[{"@odata.type":"#microsoft.graph.acl",)"
        R"("type":"user","value":"u","accessType":"grant"}],"properties":{"@odata.type":"#microsoft.graph.properties"},)"
        R"("content":{"@odata.type":"#microsoft.graph.externalItemContent","type":"html","value":"<p/>"}})",
        options(gs::api_version::beta)).ok());
}
