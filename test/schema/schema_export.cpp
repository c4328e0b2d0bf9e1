//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// What the schema export writes, keyword by keyword, for the Graph models
// and for a user model with every member kind; and that the OpenAPI
// fragment holds the same schemas. The differential (differential.cpp)
// proves the verdicts; this says which keyword carries which rule.

#define BOOST_TEST_MODULE schema_export
#include "../test_support.hpp"

#include "sample_model.hpp"

#include <graphschema/item_validator.hpp>
#include <graphschema/schema.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <cstdint>
#include <limits>
#include <string>

namespace {

namespace gs = graphschema;
namespace json = boost::json;

template<class T>
json::value
schema(gs::operation op, gs::unknown_policy p = gs::unknown_policy::preserve,
    gs::api_version v = gs::api_version::beta)
{
    gs::decode_options o;
    o.operation = op;
    o.unknown = p;
    o.version = v;
    return gs::json_schema<T>(o);
}

json::value
at(json::value const& v, char const* pointer)
{
    return v.at_pointer(pointer);
}

} // namespace

BOOST_AUTO_TEST_CASE(document_annotations)
{
    auto const s = schema<gs::graph::external_connection>(gs::operation::update, gs::unknown_policy::reject);
    BOOST_TEST(at(s, "/$schema") == "https://json-schema.org/draft/2020-12/schema");
    BOOST_TEST(at(s, "/$id") == "urn:graphschema:microsoft.graph.externalConnection.update.reject");
    BOOST_TEST(at(s, "/title") == "microsoft.graph.externalConnection");
    BOOST_TEST(at(s, "/type") == "object");

    gs::schema_options o;
    o.id_base = "https://example.com/schemas/";
    BOOST_TEST(gs::json_schema<gs::graph::configuration>({}, o).at("$id") ==
        "https://example.com/schemas/microsoft.graph.configuration.create.preserve");
}

BOOST_AUTO_TEST_CASE(required_and_read_only_per_operation)
{
    using gs::operation;
    auto const create = schema<gs::graph::external_connection>(operation::create);
    BOOST_TEST(at(create, "/required") == json::parse(R"(["id","name","description","configuration"])"));
    BOOST_TEST(at(create, "/properties/state") ==
        json::parse(R"({"description":"Read-only: must not be sent in a create body.","readOnly":true,"not":{}})"));
    // Required members must not be null; the others may be.
    BOOST_TEST(at(create, "/properties/name/type") == "string");
    BOOST_TEST(at(create, "/properties/configuration") ==
        json::parse(R"({"$ref":"#/$defs/microsoft.graph.configuration"})"));

    auto const update = schema<gs::graph::external_connection>(operation::update);
    BOOST_TEST(!update.as_object().contains("required"));
    BOOST_TEST(at(update, "/properties/id/readOnly") == true);
    BOOST_TEST(at(update, "/properties/id/not") == json::object());
    BOOST_TEST(at(update, "/properties/name/type") == json::parse(R"(["string","null"])"));
    BOOST_TEST(at(update, "/properties/configuration") == json::parse(
        R"({"anyOf":[{"$ref":"#/$defs/microsoft.graph.configuration"},{"type":"null"}]})"));

    // In a response, state is allowed and marked as what no request sends.
    auto const read = schema<gs::graph::external_connection>(operation::read);
    BOOST_TEST(at(read, "/required") == json::parse(R"(["id"])"));
    // state evolves: in a response, any name.
    BOOST_TEST(at(read, "/properties/state") == json::parse(R"({"type":["string","null"],"readOnly":true})"));
    BOOST_TEST(at(read, "/properties/id") == json::parse(R"({"type":"string"})"));
}

BOOST_AUTO_TEST_CASE(string_rules_for_create_and_update_only)
{
    auto const create = schema<gs::graph::external_connection>(gs::operation::create);
    json::value const idv = at(create, "/properties/id");
    json::object const& id = idv.as_object();
    BOOST_TEST(id.at("minLength") == 3);
    BOOST_TEST(id.at("maxLength") == 32);
    BOOST_TEST(id.at("pattern") == "^[A-Za-z0-9]*$");
    BOOST_TEST(id.at("not").at("type") == "string");
    BOOST_TEST(id.at("not").at("anyOf").at(0) == json::parse(R"({"pattern":"^Microsoft"})"));
    json::array const& reserved = id.at("not").at("anyOf").at(1).at("enum").as_array();
    BOOST_TEST(reserved.size() == std::size(gs::graph::reserved_connection_ids));
    for(std::size_t i = 0; i < reserved.size(); ++i)
        BOOST_TEST(reserved[i].as_string() == json::string(gs::graph::reserved_connection_ids[i]));
    BOOST_TEST(at(create, "/properties/name") ==
        json::parse(R"({"type":"string","minLength":1,"maxLength":128})"));
    BOOST_TEST(at(create, "/properties/description") == json::parse(R"({"type":"string"})"));
}

BOOST_AUTO_TEST_CASE(type_names_and_annotations)
{
    auto const s = schema<gs::graph::external_connection>(gs::operation::create);
    BOOST_TEST(at(s, "/properties/@odata.type") == json::parse(R"({"type":"string","enum":[
        "#microsoft.graph.externalConnection","microsoft.graph.externalConnection",
        "#microsoft.graph.externalConnectors.externalConnection",
        "microsoft.graph.externalConnectors.externalConnection"]})"));
    BOOST_TEST(at(s, "/patternProperties") == json::parse(R"({"@":true})"));
    BOOST_TEST(at(s, "/$defs/microsoft.graph.configuration/patternProperties") == json::parse(R"({"@":true})"));
}

BOOST_AUTO_TEST_CASE(unknown_policy_and_open_types)
{
    for(auto op : {gs::operation::create, gs::operation::update, gs::operation::read})
    {
        auto const reject = schema<gs::graph::external_connection>(op, gs::unknown_policy::reject);
        BOOST_TEST(at(reject, "/additionalProperties") == false);
        // configuration is open under every policy.
        BOOST_TEST(at(reject, "/$defs/microsoft.graph.configuration/additionalProperties") == true);
        BOOST_TEST(schema<gs::graph::configuration>(op, gs::unknown_policy::reject).at("additionalProperties") == true);
        for(auto p : {gs::unknown_policy::preserve, gs::unknown_policy::ignore})
            BOOST_TEST(schema<gs::graph::external_connection>(op, p).at("additionalProperties") == true);
    }
}

BOOST_AUTO_TEST_CASE(every_member_kind)
{
    auto const s = schema<sample::widget>(gs::operation::create);
    auto property = [&](std::string const& name) {
        return s.at("properties").at(name);
    };
    BOOST_TEST(property("enabled") == json::parse(R"({"type":"boolean"})"));
    // Integers: the C++ type's range, narrowed by range(). A std::optional
    // member is absent or a value, never null; so is every collection.
    BOOST_TEST(property("level") == json::parse(R"({"type":"integer","minimum":-128,"maximum":127})"));
    BOOST_TEST(property("size") == json::parse(R"({"type":"integer","minimum":0,"maximum":4294967295})"));
    BOOST_TEST(property("port") == json::parse(R"({"type":"integer","minimum":1,"maximum":1024})"));
    BOOST_TEST(property("ratio") == json::parse(R"({"type":"number"})"));
    BOOST_TEST(property("tones") == json::parse(
        R"({"type":"array","items":{"type":"string","enum":["plain","boldFace","extraLight"]}})"));
    BOOST_TEST(property("slots") == json::parse(
        R"({"type":"array","items":{"type":"integer","minimum":0,"maximum":9}})"));
    BOOST_TEST(property("aliases") == json::parse(
        R"({"type":"array","items":{"type":"string","maxLength":3}})"));
    // Raw JSON: anything, but not null when required; null elements allowed.
    BOOST_TEST(property("payload") == json::parse(R"({"not":{"type":"null"}})"));
    BOOST_TEST(property("note") == true);
    BOOST_TEST(property("blobs") == json::parse(R"({"type":"array","items":true})"));
    // Models: closed and open ones under $defs, the root itself as "#".
    BOOST_TEST(property("tags") == json::parse(R"({"type":"array","items":{"$ref":"#/$defs/contoso.widgets.tag"}})"));
    BOOST_TEST(property("children") == json::parse(R"({"type":"array","items":{"$ref":"#"}})"));
    BOOST_TEST(s.at_pointer("/$defs/contoso.widgets.tag/required") == json::parse(R"(["label"])"));
    BOOST_TEST(s.at_pointer("/$defs/contoso.widgets.settings/additionalProperties") == true);
    BOOST_TEST(s.at_pointer("/$defs/contoso.widgets.settings/properties/limits/items") ==
        json::parse(R"({"type":"integer","minimum":-5000000000,"maximum":5000000000})"));
    BOOST_TEST(s.at("$defs").as_object().size() == 2u);
    // JSON names, and a prefix that needs escaping in a pattern.
    BOOST_TEST(property("path/to~name") ==
        json::parse(R"({"type":"string","not":{"type":"string","pattern":"^\\^\\(\\*"}})"));
    BOOST_TEST(property("code").at("not").at("anyOf").at(0) == json::parse(R"({"pattern":"^x\\."})"));

    // Reading checks no rule, but still the C++ range; read_only(read) forbids.
    auto const read = schema<sample::widget>(gs::operation::read);
    BOOST_TEST(read.at("properties").at("port") ==
        json::parse(R"({"type":"integer","minimum":0,"maximum":65535})"));
    BOOST_TEST(read.at("properties").at("secret").at("readOnly") == true);
    BOOST_TEST(read.at("properties").at("secret").at("not") == json::object());
    BOOST_TEST(read.at("required") == json::parse(R"(["code","note"])"));
}

BOOST_AUTO_TEST_CASE(enums_that_evolve_and_flags)
{
    auto const create = schema<gs::graph::external_connection>(gs::operation::create);
    BOOST_TEST(at(create, "/properties/contentCategory/enum").as_array().size() == 16u); // 15 names and null
    BOOST_TEST(at(create, "/properties/contentCategory/enum/1") == "knowledgeBase");
    BOOST_TEST(at(create, "/properties/enabledContentExperiences") == json::parse(R"({
        "if":{"type":"array"},
        "then":{"type":"array","items":{"type":"string","enum":["search","compliance","unknownFutureValue"]}},
        "else":{"type":["string","null"],
            "pattern":"^(?: *| *(?:search|compliance|unknownFutureValue) *(?:, *(?:search|compliance|unknownFutureValue) *)*)$"}})"));
    // A response may hold names a newer service added.
    auto const read = schema<gs::graph::external_connection>(gs::operation::read);
    BOOST_TEST(at(read, "/properties/contentCategory") == json::parse(R"({"type":["string","null"]})"));
    BOOST_TEST(at(read, "/properties/enabledContentExperiences") == json::parse(R"({
        "if":{"type":"array"},"then":{"type":"array","items":{"type":"string"}},
        "else":{"type":["string","null"]}})"));
    // A closed enum stays closed on read.
    BOOST_TEST(at(read, "/$defs/microsoft.graph.externalConnectors.propertyRule/properties/valuesJoinedBy") ==
        json::parse(R"({"type":["string","null"],"enum":["or","and",null]})"));
}

BOOST_AUTO_TEST_CASE(derived_types_and_item_counts)
{
    char const* resolvers = "/$defs/microsoft.graph.externalConnectors.activitySettings/properties/urlToItemResolvers";
    std::string const items = std::string(resolvers) + "/items";
    auto const create = schema<gs::graph::external_connection>(gs::operation::create);
    BOOST_TEST(at(create, resolvers).at("maxItems") == 8);
    BOOST_TEST(!at(create, resolvers).as_object().contains("minItems")); // items(0, 8)
    json::value const element = at(create, items.c_str());
    // The abstract base requires the name; the base's names pick it, a
    // derived type's names that type, and anything else is the base,
    // whose @odata.type refuses it.
    BOOST_TEST(element.at("type") == "object");
    BOOST_TEST(element.at("required") == json::parse(R"(["@odata.type"])"));
    BOOST_TEST(element.at_pointer("/if/properties/@odata.type/enum/0") ==
        "#microsoft.graph.externalConnectors.urlToItemResolverBase");
    BOOST_TEST(element.at_pointer("/then/$ref") ==
        "#/$defs/microsoft.graph.externalConnectors.urlToItemResolverBase");
    BOOST_TEST(element.at_pointer("/else/if/properties/@odata.type/enum/0") ==
        "#microsoft.graph.externalConnectors.itemIdResolver");
    BOOST_TEST(element.at_pointer("/else/then/$ref") == "#/$defs/microsoft.graph.externalConnectors.itemIdResolver");
    BOOST_TEST(element.at_pointer("/else/else") ==
        json::parse(R"({"$ref":"#/$defs/microsoft.graph.externalConnectors.urlToItemResolverBase"})"));
    BOOST_TEST(at(create, "/$defs/microsoft.graph.externalConnectors.itemIdResolver/properties/priority") ==
        json::parse(R"({"type":"integer","minimum":1,"maximum":8})"));

    // On read: no count rule, and a type name no model has is kept unchecked.
    auto const read = schema<gs::graph::external_connection>(gs::operation::read);
    BOOST_TEST(!at(read, resolvers).as_object().contains("maxItems"));
    BOOST_TEST(at(read, items.c_str()).at_pointer("/else/else") == json::parse(R"({
        "if":{"type":"object","required":["@odata.type"],"properties":{"@odata.type":{"type":"string"}}},
        "else":{"$ref":"#/$defs/microsoft.graph.externalConnectors.urlToItemResolverBase"}})"));
}

BOOST_AUTO_TEST_CASE(api_versions)
{
    using gs::api_version;
    auto const v1 = schema<gs::graph::external_connection>(gs::operation::create,
        gs::unknown_policy::reject, api_version::v1_0);
    auto const beta = schema<gs::graph::external_connection>(gs::operation::create,
        gs::unknown_policy::reject, api_version::beta);
    // A beta member is undeclared in v1.0: the policy decides.
    for(char const* m : {"complianceSettings", "enabledContentExperiences", "ingestedItemsCount", "quota"})
    {
        BOOST_TEST(!v1.at("properties").as_object().contains(m), m);
        BOOST_TEST(beta.at("properties").as_object().contains(m), m);
    }
    BOOST_TEST(v1.at("additionalProperties") == false);
    // required_in(beta, create)
    BOOST_TEST(at(v1, "/required") == json::parse(R"(["id","name"])"));
    BOOST_TEST(at(beta, "/required") == json::parse(R"(["id","name","description","configuration"])"));
    // The title is the name the version writes; either name is accepted.
    BOOST_TEST(at(v1, "/title") == "microsoft.graph.externalConnectors.externalConnection");
    BOOST_TEST(at(beta, "/title") == "microsoft.graph.externalConnection");
    BOOST_TEST(at(v1, "/properties/@odata.type") == at(beta, "/properties/@odata.type"));
    BOOST_TEST(at(v1, "/$id") == "urn:graphschema:microsoft.graph.externalConnection.create.reject.v1.0");
    BOOST_TEST(at(beta, "/$id") == "urn:graphschema:microsoft.graph.externalConnection.create.reject");
}

namespace {

// Rewrites the $defs references of a JSON Schema into component references.
json::value
as_component(json::value v, std::string const& root, std::string const& suffix)
{
    if(v.is_object())
    {
        for(auto& kv : v.get_object())
        {
            if(kv.key() == "$ref")
            {
                std::string const ref(kv.value().as_string());
                kv.value() = ref == "#" ? "#/components/schemas/" + root
                    : "#/components/schemas/" + ref.substr(std::string("#/$defs/").size()) + suffix;
            }
            else
                kv.value() = as_component(std::move(kv.value()), root, suffix);
        }
    }
    else if(v.is_array())
        for(auto& e : v.get_array())
            e = as_component(std::move(e), root, suffix);
    return v;
}

template<class T>
void
check_components(gs::operation op, gs::unknown_policy p)
{
    gs::decode_options o;
    o.operation = op;
    o.unknown = p;
    json::value const s = gs::json_schema<T>(o);
    json::value const fragment = gs::openapi_components<T>(o);
    json::object const& components = fragment.at("components").at("schemas").as_object();
    std::string const suffix = "-" + std::string(gs::to_string(op));
    std::string const root = std::string(s.at("title").as_string()) + suffix;

    // The root model: the document without what only a document has.
    json::object expected = as_component(s, root, suffix).as_object();
    for(auto key : {"$schema", "$id", "description", "$defs"})
        expected.erase(key);
    json::object actual = components.at(root).as_object();
    actual.erase("description");
    BOOST_TEST(json::value(actual) == json::value(expected), root);

    std::size_t defs = 0;
    if(auto const* d = s.as_object().if_contains("$defs"))
        for(auto const& kv : d->as_object())
        {
            ++defs;
            std::string const name = std::string(kv.key()) + suffix;
            BOOST_TEST_REQUIRE(components.contains(name), name);
            BOOST_TEST(components.at(name) == as_component(kv.value(), root, suffix), name);
        }
    BOOST_TEST(components.size() == defs + 1);
}

} // namespace

BOOST_AUTO_TEST_CASE(openapi_components_hold_the_same_schemas)
{
    for(auto op : {gs::operation::create, gs::operation::update, gs::operation::read})
        for(auto p : {gs::unknown_policy::preserve, gs::unknown_policy::ignore, gs::unknown_policy::reject})
        {
            check_components<gs::graph::external_connection>(op, p);
            check_components<gs::graph::configuration>(op, p);
            check_components<sample::widget>(op, p);
        }
    auto const f = gs::openapi_components<gs::graph::external_connection>();
    BOOST_TEST(f.at_pointer("/components/schemas/microsoft.graph.externalConnection-create/properties/configuration/$ref") ==
        "#/components/schemas/microsoft.graph.configuration-create");
}

BOOST_AUTO_TEST_CASE(rules_across_members_as_if_then)
{
    // isSearchable only on strings, isRefinable never with isSearchable:
    // an if/then whose error is at the boolean member; checked in
    // requests only; isExactMatchRequired's two rules in beta only.
    std::string const property = "/$defs/microsoft.graph.externalConnectors.property";
    auto const beta = schema<gs::graph::schema>(gs::operation::create);
    json::value const all = at(beta, (property + "/allOf").c_str());
    auto const& rules = all.as_array();
    BOOST_TEST(rules.size() == 5u);
    BOOST_TEST(rules[0].at("then") == json::parse(
        R"({"type":"object","properties":{"isSearchable":{"not":{"const":true}}}})"));
    json::array const others = rules[0].at("if").at("properties").at("type").at("enum").as_array();
    BOOST_TEST(others.size() == 10u);
    for(auto const& n : others)
        BOOST_TEST((n != "string" && n != "stringCollection"));
    BOOST_TEST(rules[2].at("if") == json::parse(R"({"type":"object","required":["isRefinable","isSearchable"],)"
        R"("properties":{"isRefinable":{"const":true},"isSearchable":{"const":true}}})"));
    auto const v1 = schema<gs::graph::schema>(gs::operation::update, gs::unknown_policy::preserve, gs::api_version::v1_0);
    BOOST_TEST(at(v1, (property + "/allOf").c_str()).as_array().size() == 3u);
    auto const read = schema<gs::graph::schema>(gs::operation::read);
    BOOST_TEST(!at(read, property.c_str()).as_object().contains("allOf"));

    // The one baseType: const where null is refused, null besides where not.
    BOOST_TEST(at(beta, "/properties/baseType/const") == "microsoft.graph.externalItem");
    auto const update = schema<gs::graph::schema>(gs::operation::update);
    BOOST_TEST(at(update, "/properties/baseType/enum") == json::parse(R"(["microsoft.graph.externalItem",null])"));
    // Names: a deny-list, ASCII only.
    BOOST_TEST(at(beta, (property + "/properties/name/pattern").c_str()) ==
        R"(^[^\x00-\x20\x7f:;,\(\)\[\]\{\}%\$\+!\*=&\?@#\\~'"<>`\^]*$)");
}

BOOST_AUTO_TEST_CASE(items_against_a_registered_schema)
{
    gs::item_validator const v(R"({"baseType":"microsoft.graph.externalItem","properties":[)"
        R"({"name":"title","type":"string"},{"name":"count","type":"int64"},{"name":"when","type":"dateTime"},)"
        R"({"name":"tags","type":"stringCollection"},{"name":"owner","type":"principal"},)"
        R"({"name":"editors","type":"principalCollection"}]})");
    std::string const props = "/$defs/microsoft.graph.externalConnectors.properties";
    gs::decode_options create;
    auto const s = v.json_schema(create);
    BOOST_TEST(at(s, "/$id") == "urn:graphschema:microsoft.graph.externalConnectors.externalItem.create.preserve");
    auto p = [&](json::value const& doc, std::string const& rest) { return at(doc, (props + rest).c_str()); };
    BOOST_TEST(p(s, "/additionalProperties") == false);
    BOOST_TEST(p(s, "/properties/title") == json::parse(R"({"type":["string","null"]})"));
    BOOST_TEST(p(s, "/properties/count/type") == json::parse(R"(["integer","null"])"));
    BOOST_TEST(p(s, "/properties/count/minimum") == std::numeric_limits<std::int64_t>::min());
    BOOST_TEST(p(s, "/properties/count/maximum") == std::numeric_limits<std::int64_t>::max());
    BOOST_TEST(p(s, "/properties/when/pattern") == gs::detail::date_time_offset_pattern);
    BOOST_TEST(p(s, "/properties/tags") == json::parse(R"({"type":"array","items":{"type":"string"}})"));
    BOOST_TEST(p(s, "/properties/tags@odata.type/enum") == json::parse(
        R"j(["Collection(String)","Collection(Edm.String)","#Collection(String)","#Collection(Edm.String)"])j"));
    BOOST_TEST(p(s, "/properties/owner/anyOf/0/$ref") == "#/$defs/microsoft.graph.externalConnectors.principal");
    BOOST_TEST(p(s, "/properties/editors/items/$ref") == "#/$defs/microsoft.graph.externalConnectors.principal");
    BOOST_TEST(p(s, "/properties/editors@odata.type/enum") == json::parse(
        R"j(["Collection(microsoft.graph.externalConnectors.principal)","#Collection(microsoft.graph.externalConnectors.principal)"])j"));
    // Only the primitive collection needs its annotation; at least one
    // member (a key without '@': an undeclared one is refused on its own).
    BOOST_TEST(p(s, "/dependentRequired") == json::parse(R"({"tags":["tags@odata.type"]})"));
    BOOST_TEST(p(s, "/not/propertyNames/pattern") == "@");
    BOOST_TEST(p(s, "/patternProperties").as_object().size() == 1u);

    // On read: no date-time pattern, no annotation required, no minimum.
    gs::decode_options read;
    read.operation = gs::operation::read;
    auto const r = v.json_schema(read);
    BOOST_TEST(!p(r, "/properties/when").as_object().contains("pattern"));
    BOOST_TEST(!p(r, "").as_object().contains("dependentRequired"));
    BOOST_TEST(!p(r, "").as_object().contains("not"));
    BOOST_TEST(p(r, "/properties/tags@odata.type/enum").as_array().size() == 4u);

    // Without a run-time schema the bag stays an open type.
    auto const open = gs::json_schema<gs::graph::external_item>(create);
    BOOST_TEST(at(open, (props + "/additionalProperties").c_str()) == true);

    // An empty declaration: no object is valid in a request (a member is
    // undeclared, no member is too few).
    gs::item_validator const none{gs::dynamic_schema{}};
    BOOST_TEST(p(none.json_schema(create), "/not/propertyNames/pattern") == "@");
    BOOST_TEST(p(none.json_schema(create), "/additionalProperties") == false);
}
