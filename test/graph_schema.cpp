//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE graph_schema
#include "test_support.hpp"

#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include <string>

// graph/schema.hpp: a connection's schema, its properties, beta's ranking
// hint, v1.0's principal; and the enums they use (propertyType, label,
// importanceScore). The docs' examples are CONNECTORS.md 23.5 and 23.6.

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

// 23.5, verbatim: booleans as strings, the type in PascalCase.
char const* const register_schema_v1 = R"({
  "baseType": "microsoft.graph.externalItem",
  "properties": [
    {
      "name": "ticketTitle",
      "type": "String",
      "isSearchable": "true",
      "isRetrievable": "true",
      "labels": [
        "title"
      ]
    },
    {
      "name": "priority",
      "type": "String",
      "isQueryable": "true",
      "isRetrievable": "true",
      "isSearchable": "false"
    },
    {
      "name": "assignee",
      "type": "String",
      "isRetrievable": "true"
    }
  ]
})";

// 23.6, verbatim: the same with "string".
char const* const register_schema_beta = R"({
  "baseType": "microsoft.graph.externalItem",
  "properties": [
    {
      "name": "ticketTitle",
      "type": "string",
      "isSearchable": "true",
      "isRetrievable": "true",
      "labels": [
        "title"
      ]
    },
    {
      "name": "priority",
      "type": "string",
      "isQueryable": "true",
      "isRetrievable": "true",
      "isSearchable": "false"
    },
    {
      "name": "assignee",
      "type": "string",
      "isRetrievable": "true"
    }
  ]
})";

// What the examples mean, with JSON booleans.
char const* const register_schema_fixed =
    R"({"baseType":"microsoft.graph.externalItem","properties":[)"
    R"({"name":"ticketTitle","type":"string","isSearchable":true,"isRetrievable":true,"labels":["title"]},)"
    R"({"name":"priority","type":"string","isQueryable":true,"isRetrievable":true,"isSearchable":false},)"
    R"({"name":"assignee","type":"string","isRetrievable":true}]})";

char const* const the_strings_as_booleans =
    "type_mismatch /properties/0/isSearchable; type_mismatch /properties/0/isRetrievable; "
    "type_mismatch /properties/1/isQueryable; type_mismatch /properties/1/isRetrievable; "
    "type_mismatch /properties/1/isSearchable; type_mismatch /properties/2/isRetrievable";

template<class E>
std::string
json_name(E e)
{
    return std::string(gs::open_enum<E>(e).name());
}

std::string
properties_of(std::size_t n)
{
    std::string s = R"({"baseType":"microsoft.graph.externalItem","properties":[)";
    for(std::size_t i = 0; i < n; ++i)
    {
        if(i)
            s += ',';
        s += R"({"name":"p)" + std::to_string(i) + R"(","type":"int64"})";
    }
    return s + "]}";
}

} // namespace

BOOST_AUTO_TEST_CASE(the_v1_example_breaks_two_rules)
{
    // Decision 26: booleans are true/false and enum members compare
    // case-sensitively; the example's "String" and "true" are each an issue.
    auto const r = gs::validate<graph::schema>(register_schema_v1, options(gs::api_version::v1_0));
    BOOST_TEST(summary(r) ==
        "invalid_enum /properties/0/type; type_mismatch /properties/0/isSearchable; "
        "type_mismatch /properties/0/isRetrievable; invalid_enum /properties/1/type; "
        "type_mismatch /properties/1/isQueryable; type_mismatch /properties/1/isRetrievable; "
        "type_mismatch /properties/1/isSearchable; invalid_enum /properties/2/type; "
        "type_mismatch /properties/2/isRetrievable");
    BOOST_TEST(test::positions(r).substr(0, 11) == "6:15; 7:23;");
}

BOOST_AUTO_TEST_CASE(the_beta_example_breaks_one)
{
    BOOST_TEST(summary(gs::validate<graph::schema>(register_schema_beta,
        options(gs::api_version::beta))) == the_strings_as_booleans);
    // In v1.0 too: nothing of it is beta's only.
    BOOST_TEST(summary(gs::validate<graph::schema>(register_schema_beta,
        options(gs::api_version::v1_0, gs::operation::create, gs::unknown_policy::reject))) ==
        the_strings_as_booleans);
}

BOOST_AUTO_TEST_CASE(read_keeps_an_enum_string_it_does_not_know)
{
    // On read "String" is a name a newer service might send: kept. The
    // booleans are still strings, so the document is still not valid.
    auto const o = options(gs::api_version::v1_0, gs::operation::read);
    BOOST_TEST(summary(gs::validate<graph::schema>(register_schema_v1, o)) == the_strings_as_booleans);

    auto const r = gs::decode<graph::schema>(
        R"({"properties":[{"name":"a","type":"String"},{"name":"b","type":"principalCollection"}]})", o);
    BOOST_REQUIRE(r.ok());
    auto const& a = r->properties->at(0).type.value();
    BOOST_TEST(!a.is_known());
    BOOST_TEST(a.name() == "String");
    BOOST_TEST((r->properties->at(1).type.value() == graph::property_type::principal_collection));
    BOOST_TEST(gs::encode(*r, test::untyped()) ==
        R"({"properties":[{"name":"a","type":"String"},{"name":"b","type":"principalCollection"}]})");
}

BOOST_AUTO_TEST_CASE(the_examples_with_booleans_are_valid)
{
    for(auto v : {gs::api_version::v1_0, gs::api_version::beta})
    {
        auto const r = gs::decode<graph::schema>(register_schema_fixed,
            options(v, gs::operation::create, gs::unknown_policy::reject));
        BOOST_REQUIRE_MESSAGE(r.ok(), summary(r.report()));
        BOOST_TEST(r->base_type.value() == "microsoft.graph.externalItem");
        BOOST_REQUIRE(r->properties->size() == 3u);
        auto const& title = r->properties->at(0);
        BOOST_TEST((title.type.value() == graph::property_type::string_));
        BOOST_TEST(title.is_searchable.value());
        BOOST_TEST(title.is_queryable.is_absent());
        BOOST_TEST((title.labels->at(0) == graph::label::title));
        BOOST_TEST(!r->properties->at(1).is_searchable.value());
    }
}

BOOST_AUTO_TEST_CASE(a_schema_round_trips)
{
    auto const first = gs::decode<graph::schema>(register_schema_fixed, options(gs::api_version::beta));
    BOOST_REQUIRE(first.ok());
    auto const text = gs::encode(*first);
    auto const second = gs::decode<graph::schema>(text, options(gs::api_version::beta));
    BOOST_REQUIRE(second.ok());
    BOOST_TEST((*second == *first));
    BOOST_TEST(gs::encode(*second) == text);
    // Members in declaration order (isSearchable before isQueryable).
    BOOST_TEST(gs::encode(*first, test::untyped()) ==
        R"({"baseType":"microsoft.graph.externalItem","properties":[)"
        R"({"name":"ticketTitle","type":"string","isSearchable":true,"isRetrievable":true,"labels":["title"]},)"
        R"({"name":"priority","type":"string","isSearchable":false,"isQueryable":true,"isRetrievable":true},)"
        R"({"name":"assignee","type":"string","isRetrievable":true}]})");
}

BOOST_AUTO_TEST_CASE(type_names)
{
    graph::schema s;
    s.base_type = std::string("microsoft.graph.externalItem");
    for(auto v : {gs::api_version::v1_0, gs::api_version::beta})
    {
        gs::encode_options o;
        o.version = v;
        BOOST_TEST(gs::encode(s, o) ==
            R"({"@odata.type":"#microsoft.graph.externalConnectors.schema","baseType":"microsoft.graph.externalItem"})");
    }
    // The older beta names are accepted too; microsoft.graph.principal is no name.
    BOOST_TEST(gs::validate<graph::schema>(
        R"({"@odata.type":"#microsoft.graph.schema","baseType":"microsoft.graph.externalItem",)"
        R"("properties":[{"@odata.type":"microsoft.graph.property","name":"a","type":"string"}]})",
        options(gs::api_version::v1_0)).ok());
    BOOST_TEST(summary(gs::validate<graph::principal>(R"({"@odata.type":"#microsoft.graph.principal"})",
        options(gs::api_version::v1_0))) == "odata_type_mismatch /@odata.type");
}

BOOST_AUTO_TEST_CASE(what_a_create_requires)
{
    auto const o = options(gs::api_version::beta);
    BOOST_TEST(summary(gs::validate<graph::schema>(R"({})", o)) ==
        "missing_required /baseType; missing_required /properties");
    BOOST_TEST(summary(gs::validate<graph::schema>(R"({"baseType":null,"properties":[{}]})", o)) ==
        "null_not_allowed /baseType; missing_required /properties/0/name; missing_required /properties/0/type");
    // A response need not repeat them.
    BOOST_TEST(gs::validate<graph::schema>(R"({"id":"s"})", options(gs::api_version::beta, gs::operation::read)).ok());
}

BOOST_AUTO_TEST_CASE(one_to_128_properties)
{
    auto const o = options(gs::api_version::v1_0);
    BOOST_TEST(summary(gs::validate<graph::schema>(properties_of(0), o)) == "constraint_violation /properties");
    BOOST_TEST(gs::validate<graph::schema>(properties_of(1), o).ok());
    BOOST_TEST(gs::validate<graph::schema>(properties_of(128), o).ok());
    BOOST_TEST(summary(gs::validate<graph::schema>(properties_of(129), o)) == "constraint_violation /properties");
}

BOOST_AUTO_TEST_CASE(names_aliases_and_descriptions)
{
    auto const o = options(gs::api_version::beta);
    std::string const n32(32, 'n');
    BOOST_TEST(gs::validate<graph::property>(R"({"name":")" + n32 + R"(","type":"string"})", o).ok());
    BOOST_TEST(summary(gs::validate<graph::property>(R"({"name":")" + n32 + R"(x","type":"string"})", o)) ==
        "constraint_violation /name");
    BOOST_TEST(summary(gs::validate<graph::property>(R"({"name":"","type":"string"})", o)) ==
        "constraint_violation /name");
    BOOST_TEST(summary(gs::validate<graph::property>(
        R"({"name":"a","type":"string","aliases":["ok","",")" + n32 + R"(x"]})", o)) ==
        "constraint_violation /aliases/1; constraint_violation /aliases/2");
    std::string const d200(200, 'd');
    BOOST_TEST(gs::validate<graph::property>(
        R"({"name":"a","type":"string","description":")" + d200 + R"("})", o).ok());
    BOOST_TEST(summary(gs::validate<graph::property>(
        R"({"name":"a","type":"string","description":")" + d200 + R"(d"})", o)) ==
        "constraint_violation /description");
    // Optional flags may be null (a PATCH clears them), not a collection.
    BOOST_TEST(gs::validate<graph::property>(
        R"({"name":"a","type":"string","isRefinable":null,"description":null})", o).ok());
    BOOST_TEST(summary(gs::validate<graph::property>(R"({"name":"a","type":"string","labels":null})", o)) ==
        "null_not_allowed /labels");
}

BOOST_AUTO_TEST_CASE(betas_own_members)
{
    char const* const body =
        R"({"name":"a","type":"string","isExactMatchRequired":true,"rankingHint":{"importanceScore":"veryHigh"}})";
    auto const beta = gs::decode<graph::property>(body, options(gs::api_version::beta));
    BOOST_REQUIRE(beta.ok());
    BOOST_TEST(beta->is_exact_match_required.value());
    BOOST_TEST((beta->ranking_hint.value().importance_score.value() == graph::importance_score::very_high));

    BOOST_TEST(summary(gs::validate<graph::property>(body,
        options(gs::api_version::v1_0, gs::operation::create, gs::unknown_policy::reject))) ==
        "unknown_property /isExactMatchRequired; unknown_property /rankingHint");
    auto const v1 = gs::decode<graph::property>(body, options(gs::api_version::v1_0));
    BOOST_REQUIRE(v1.ok());
    BOOST_TEST(v1->ranking_hint.is_absent());
    BOOST_TEST(v1->additional_data.contains("rankingHint"));

    BOOST_TEST(summary(gs::validate<graph::property>(R"({"name":"a","type":"string","rankingHint":{}})",
        options(gs::api_version::beta))) == "missing_required /rankingHint/importanceScore");
    BOOST_TEST(summary(gs::validate<graph::ranking_hint>(R"({"importanceScore":"VeryHigh"})",
        options(gs::api_version::beta))) == "invalid_enum /importanceScore");
}

BOOST_AUTO_TEST_CASE(labels_after_the_sentinel_are_members)
{
    auto const o = options(gs::api_version::v1_0);
    auto const r = gs::decode<graph::property>(
        R"({"name":"a","type":"stringCollection","labels":["iconUrl","personWebSite","numberOfReactions"]})", o);
    BOOST_REQUIRE_MESSAGE(r.ok(), summary(r.report()));
    BOOST_TEST((r->labels->at(0) == graph::label::icon_url));
    BOOST_TEST((r->labels->at(1) == graph::label::person_web_site));
    BOOST_TEST((r->labels->at(2) == graph::label::number_of_reactions));
    // The docs' misspellings (22.2's notes) are no members.
    BOOST_TEST(summary(gs::validate<graph::property>(
        R"({"name":"a","type":"string","labels":["numReactions","assignedTo"]})", o)) ==
        "invalid_enum /labels/0; invalid_enum /labels/1");
}

BOOST_AUTO_TEST_CASE(enum_names)
{
    BOOST_TEST(json_name(graph::property_type::string_) == "string");
    BOOST_TEST(json_name(graph::property_type::double_) == "double");
    BOOST_TEST(json_name(graph::property_type::date_time) == "dateTime");
    BOOST_TEST(json_name(graph::property_type::int64_collection) == "int64Collection");
    BOOST_TEST(json_name(graph::property_type::date_time_collection) == "dateTimeCollection");
    BOOST_TEST(json_name(graph::property_type::principal_collection) == "principalCollection");
    BOOST_TEST(json_name(graph::label::last_modified_date_time) == "lastModifiedDateTime");
    BOOST_TEST(json_name(graph::label::person_educational_activities) == "personEducationalActivities");
    BOOST_TEST(json_name(graph::importance_score::very_high) == "veryHigh");

    // Graph's order, with the sentinel where CSDL has it.
    using types = boost::describe::describe_enumerators<graph::property_type>;
    BOOST_TEST(boost::mp11::mp_size<types>::value == 12u);
    BOOST_TEST((boost::mp11::mp_at_c<types, 9>::value == graph::property_type::unknown_future_value));
    using labels = boost::describe::describe_enumerators<graph::label>;
    BOOST_TEST(boost::mp11::mp_size<labels>::value == 55u);
    BOOST_TEST((boost::mp11::mp_at_c<labels, 9>::value == graph::label::unknown_future_value));
    BOOST_TEST((boost::mp11::mp_at_c<labels, 54>::value == graph::label::person_work_positions));
}

BOOST_AUTO_TEST_CASE(a_principal)
{
    auto const r = gs::decode<graph::principal>(
        R"({"email":"a@contoso.com","entraDisplayName":"A","entraId":null,"externalId":"x1",)"
        R"("externalName":"a","tenantId":"t","upn":"a@contoso.com"})", options(gs::api_version::v1_0));
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(r->entra_display_name.value() == "A");
    BOOST_TEST(r->entra_id.is_null());
    BOOST_TEST(r->tenant_id.value() == "t");
    BOOST_TEST(gs::encode(*r, test::untyped()) ==
        R"({"email":"a@contoso.com","entraDisplayName":"A","entraId":null,"externalId":"x1",)"
        R"("externalName":"a","tenantId":"t","upn":"a@contoso.com"})");
}
