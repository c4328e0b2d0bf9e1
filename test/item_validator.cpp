//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE item_validator
#include "test_support.hpp"

#include <graphschema/item_validator.hpp>

#include <boost/json/parse.hpp>

#include <fstream>
#include <string>
#include <thread>
#include <vector>

// External items checked against a schema registered at run time
// (item_validator, over dynamic_schema): the rules of decision 26, each
// with its code and pointer; the same verdicts from text, from a parsed
// value and from is_valid; one validator shared by several threads.

namespace gs = graphschema;
namespace graph = graphschema::graph;
using test::summary;

namespace {

char const* const ticket_schema = R"J({"baseType":"microsoft.graph.externalItem","properties":[
    {"name":"title","type":"string","isSearchable":true,"labels":["title"]},
    {"name":"priority","type":"int64","isQueryable":true,"isRefinable":true},
    {"name":"score","type":"double"},
    {"name":"due","type":"dateTime"},
    {"name":"open","type":"boolean"},
    {"name":"tags","type":"stringCollection","aliases":["labels"]},
    {"name":"counts","type":"int64Collection"},
    {"name":"weights","type":"doubleCollection"},
    {"name":"dates","type":"dateTimeCollection"},
    {"name":"owner","type":"principal"},
    {"name":"watchers","type":"principalCollection"}]})J";

gs::item_validator const&
tickets()
{
    static gs::item_validator const v(ticket_schema);
    return v;
}

// An item whose properties are `props` (the inside of the object).
std::string
item(std::string const& props)
{
    return R"J({"acl":[{"type":"everyone","value":"c","accessType":"grant"}],"properties":{)J" + props + "}}";
}

gs::decode_options
options(gs::operation op = gs::operation::create)
{
    gs::decode_options o;
    o.operation = op;
    return o;
}

// The report of `text`; the verdict alone and the parsed value agree.
gs::report
check(gs::item_validator const& v, std::string const& text, gs::decode_options const& opt)
{
    auto const r = v.validate(text, opt);
    BOOST_TEST(v.is_valid(text, opt) == r.ok(), text);
    // A parsed value keeps one of two equal keys: no duplicate to see.
    boost::json::error_code ec;
    auto const jv = boost::json::parse(text, ec);
    if(!ec && summary(r).find("duplicate_property") == std::string::npos)
    {
        BOOST_TEST(summary(v.validate(jv, opt)) == summary(r), text);
        BOOST_TEST(v.is_valid(jv, opt) == r.ok(), text);
    }
    return r;
}

gs::report
check(gs::item_validator const& v, std::string const& text, gs::operation op = gs::operation::create)
{
    return check(v, text, options(op));
}

std::string
check_props(std::string const& props, gs::operation op = gs::operation::create)
{
    return summary(check(tickets(), item(props), op));
}

} // namespace

BOOST_AUTO_TEST_CASE(a_schema_declares_typed_properties)
{
    auto const& p = tickets().properties();
    BOOST_TEST_REQUIRE(p.size() == 11u);
    BOOST_TEST(p[0].name == "title");
    BOOST_TEST((p[0].type == gs::dynamic_type::string && !p[0].collection));
    BOOST_TEST((p[3].type == gs::dynamic_type::date_time_offset));
    BOOST_TEST((p[5].type == gs::dynamic_type::string && p[5].collection));
    BOOST_TEST((p[10].type == gs::dynamic_type::object && p[10].collection));
    BOOST_TEST(p.find("due") == &p[3]);
    BOOST_TEST(p.find("Due") == nullptr); // names compare exactly
    BOOST_TEST(p.type_annotation(8) == "Collection(DateTimeOffset)");
    BOOST_TEST(p.type_annotation(1) == "Int64");
    BOOST_TEST(p.type_annotation(9) == "#microsoft.graph.externalConnectors.principal");
    BOOST_TEST(p.annotation_required(5));
    BOOST_TEST(!p.annotation_required(0));
    BOOST_TEST(!p.annotation_required(10)); // a model's collection: the docs name no annotation
}

BOOST_AUTO_TEST_CASE(a_conforming_item_is_valid)
{
    BOOST_TEST(check_props(R"J("title":"Error in the payment gateway","priority":1,"score":2,"due":"2024-03-01T12:30:00Z",)J"
        R"J("open":true,"tags@odata.type":"Collection(String)","tags":["a","b"],)J"
        R"J("counts@odata.type":"Collection(Int64)","counts":[1,-2],"weights@odata.type":"Collection(Double)",)J"
        R"J("weights":[0.5,1e3],"dates@odata.type":"Collection(DateTimeOffset)","dates":["2024-03-01T12:30:00+01:00"],)J"
        R"J("owner":{"upn":"john@contoso.com"},"watchers":[{"email":"a@contoso.com"}])J") == "");
    // Only what it carries must conform: one property is enough.
    BOOST_TEST(check_props(R"J("title":"t")J") == "");
}

BOOST_AUTO_TEST_CASE(an_undeclared_property_is_unknown)
{
    BOOST_TEST(check_props(R"J("title":"t","assignee":"john")J") == "unknown_property /properties/assignee");
    // Names compare exactly; an alias is no member name.
    BOOST_TEST(check_props(R"J("Title":"t")J") == "unknown_property /properties/Title");
    BOOST_TEST(check_props(R"J("labels":["a"])J") == "unknown_property /properties/labels");
    // An annotation of an undeclared property is unknown too.
    BOOST_TEST(check_props(R"J("title":"t","x@odata.type":"String")J") == "unknown_property /properties/x@odata.type");
    auto const r = check(tickets(), item(R"J("title":"t","assignee":"john")J"));
    BOOST_TEST(r.begin()->message == R"J("assignee" is not a property of the registered schema)J");
}

BOOST_AUTO_TEST_CASE(a_value_of_the_wrong_json_type)
{
    BOOST_TEST(check_props(R"J("priority":1.5)J") == "type_mismatch /properties/priority");
    BOOST_TEST(check_props(R"J("priority":"1")J") == "type_mismatch /properties/priority");
    BOOST_TEST(check_props(R"J("priority":9223372036854775808)J") == "type_mismatch /properties/priority");
    BOOST_TEST(check_props(R"J("priority":1.0)J") == "");
    BOOST_TEST(check_props(R"J("open":"true")J") == "type_mismatch /properties/open");
    BOOST_TEST(check_props(R"J("title":5)J") == "type_mismatch /properties/title");
    BOOST_TEST(check_props(R"J("score":"2.5")J") == "type_mismatch /properties/score");
    BOOST_TEST(check_props(R"J("tags@odata.type":"Collection(String)","tags":"a")J") == "type_mismatch /properties/tags");
    BOOST_TEST(check_props(R"J("tags@odata.type":"Collection(String)","tags":["a",1,"b",true])J") ==
        "type_mismatch /properties/tags/1; type_mismatch /properties/tags/3");
    BOOST_TEST(check_props(R"J("owner":"john")J") == "type_mismatch /properties/owner");
    BOOST_TEST(check_props(R"J("owner":{"upn":1})J") == "type_mismatch /properties/owner/upn");
}

BOOST_AUTO_TEST_CASE(a_date_and_time_is_iso_8601)
{
    BOOST_TEST(check_props(R"J("due":"2024-03-01")J") == "constraint_violation /properties/due");
    BOOST_TEST(check_props(R"J("due":"03/01/2024 12:30")J") == "constraint_violation /properties/due");
    BOOST_TEST(check_props(R"J("dates@odata.type":"Collection(DateTimeOffset)","dates":["2024-03-01T12:30:00Z","2023-02-29T00:00:00Z"])J") ==
        "constraint_violation /properties/dates/1");
    // A constraint: a response (read) is taken as the service sends it.
    BOOST_TEST(check_props(R"J("due":"2024-03-01")J", gs::operation::read) == "");
}

BOOST_AUTO_TEST_CASE(a_collection_carries_its_annotation)
{
    auto const text = item(R"J("tags":["a"])J");
    auto const r = check(tickets(), text);
    BOOST_TEST(summary(r) == "missing_required /properties/tags@odata.type");
    // At the `{` of the properties.
    BOOST_TEST(r.begin()->column == text.find(R"J("properties":{)J") + 14);
    BOOST_TEST(check_props(R"J("tags":["a"],"tags@odata.type":"Collection(String)")J") == "");
    BOOST_TEST(check_props(R"J("tags@odata.type":"Collection(Int64)","tags":["a"])J") ==
        "odata_type_mismatch /properties/tags@odata.type");
    // The docs: a Collection(DateTime) must be written Collection(DateTimeOffset).
    BOOST_TEST(check_props(R"J("dates@odata.type":"Collection(DateTime)","dates":[])J") ==
        "odata_type_mismatch /properties/dates@odata.type");
    // OData's other spellings of the same name.
    BOOST_TEST(check_props(R"J("tags@odata.type":"#Collection(String)","tags":[])J") == "");
    BOOST_TEST(check_props(R"J("tags@odata.type":"Collection(Edm.String)","tags":[])J") == "");
    BOOST_TEST(check_props(R"J("tags@odata.type":"collection(String)","tags":[])J") ==
        "odata_type_mismatch /properties/tags@odata.type");
    BOOST_TEST(check_props(R"J("tags@odata.type":["Collection(String)"],"tags":[])J") ==
        "type_mismatch /properties/tags@odata.type");
    BOOST_TEST(check_props(R"J("tags@odata.type":"Collection(String)","tags@odata.type":"Collection(String)","tags":[])J") ==
        "duplicate_property /properties/tags@odata.type");
    auto const m = check(tickets(), item(R"J("tags@odata.type":"Collection(Int64)","tags":[])J"));
    BOOST_TEST(m.begin()->message ==
        R"J(must be "Collection(String)" (the type of "tags" in the schema), found "Collection(Int64)")J");
    // On read the annotation may be left out (the service decides what it sends).
    BOOST_TEST(check_props(R"J("tags":["a"])J", gs::operation::read) == "");
}

BOOST_AUTO_TEST_CASE(a_single_value_may_carry_its_annotation)
{
    // The docs ask for "String" on non-ASCII strings; without it the item is valid.
    BOOST_TEST(check_props(R"J("title@odata.type":"String","title":"Kandierte \u00c4pfel")J") == "");
    BOOST_TEST(check_props(R"J("title":"Kandierte \u00c4pfel")J") == "");
    BOOST_TEST(check_props(R"J("priority@odata.type":"Int64","priority":3,"due@odata.type":"DateTimeOffset",)J"
        R"J("due":"2024-03-01T12:30:00Z","open@odata.type":"Edm.Boolean","open":false)J") == "");
    BOOST_TEST(check_props(R"J("title@odata.type":"Int64","title":"t")J") == "odata_type_mismatch /properties/title@odata.type");
    BOOST_TEST(check_props(R"J("owner@odata.type":"#microsoft.graph.externalConnectors.principal","owner":{})J") == "");
    // Other annotations are read through.
    BOOST_TEST(check_props(R"J("title@contoso.note":{"any":1},"title":"t")J") == "");
}

BOOST_AUTO_TEST_CASE(null_for_a_value_not_for_a_collection)
{
    BOOST_TEST(check_props(R"J("title":null)J") == "");
    BOOST_TEST(check_props(R"J("tags@odata.type":"Collection(String)","tags":null)J") == "null_not_allowed /properties/tags");
    BOOST_TEST(check_props(R"J("tags@odata.type":"Collection(String)","tags":[null])J") == "null_not_allowed /properties/tags/0");
    BOOST_TEST(check_props(R"J("tags@odata.type":null,"tags":[])J") == "type_mismatch /properties/tags@odata.type");
}

BOOST_AUTO_TEST_CASE(properties_hold_at_least_one_member)
{
    BOOST_TEST(check_props("") == "constraint_violation /properties");
    // An annotation alone is no property.
    BOOST_TEST(check_props(R"J("@odata.type":"#microsoft.graph.externalConnectors.properties")J") ==
        "constraint_violation /properties");
    BOOST_TEST(check_props("", gs::operation::read) == "");
    BOOST_TEST(check_props(R"J("@odata.type":"#microsoft.graph.user","title":"t")J") ==
        "odata_type_mismatch /properties/@odata.type");
}

BOOST_AUTO_TEST_CASE(the_item_is_checked_around_its_properties)
{
    BOOST_TEST(summary(check(tickets(), R"J({"properties":{"title":"t"}})J")) == "missing_required /acl");
    BOOST_TEST(summary(check(tickets(), R"J({"acl":[],"properties":{"title":"t"}})J")) == "constraint_violation /acl");
    BOOST_TEST(summary(check(tickets(), R"J({"id":"a-b","acl":[{"type":"user","value":"v","accessType":"grant"}],"properties":{"title":"t"}})J")) ==
        "constraint_violation /id");
    BOOST_TEST(summary(check(tickets(), R"J({"acl":[{"type":"user","value":"v","accessType":"grant"}],"properties":[]})J")) ==
        "type_mismatch /properties");
    // Every issue in one report, in document order.
    BOOST_TEST(summary(check(tickets(), R"J({"acl":[{"type":"robot","value":"v","accessType":"grant"}],"properties":{"title":1,"x":2}})J")) ==
        "invalid_enum /acl/0/type; type_mismatch /properties/title; unknown_property /properties/x");
}

BOOST_AUTO_TEST_CASE(the_docs_items_against_the_docs_schema)
{
    // CONNECTORS.md 23.6's schema (beta) with real booleans; 23.7's item
    // sends "title", which that schema calls "ticketTitle".
    gs::item_validator const v(R"J({"baseType":"microsoft.graph.externalItem","properties":[
        {"name":"ticketTitle","type":"string","isSearchable":true,"isRetrievable":true,"labels":["title"]},
        {"name":"priority","type":"string","isQueryable":true,"isRetrievable":true,"isSearchable":false},
        {"name":"assignee","type":"string","isRetrievable":true}]})J");
    auto const r = check(v, R"J({"acl":[{"type":"user","value":"e811976d-83df-4cbd-8b9b-5215b18aa874","accessType":"grant"},
        {"type":"externalGroup","value":"14m1b9c38qe647f6a","accessType":"deny"}],
        "properties":{"title":"Error in the payment gateway","priority":1,"assignee":"john@contoso.com"},
        "content":{"value":"Error in payment gateway...","type":"text"}})J");
    BOOST_TEST(summary(r) == "unknown_property /properties/title; type_mismatch /properties/priority");
}

BOOST_AUTO_TEST_CASE(a_schema_that_cannot_make_a_validator)
{
    gs::report why;
    // Invalid as a schema: its issues.
    auto v = gs::item_validator::make(R"J({"baseType":"microsoft.graph.externalItem","properties":[{"name":"a","type":"String"}]})J", why);
    BOOST_TEST(!v.has_value());
    BOOST_TEST(summary(why) == "invalid_enum /properties/0/type");
    // Valid as a body, but no item value has that type.
    v = gs::item_validator::make(R"J({"baseType":"microsoft.graph.externalItem","properties":[{"name":"a","type":"string"},
        {"name":"b","type":"unknownFutureValue"}]})J", why);
    BOOST_TEST(!v.has_value());
    BOOST_TEST(summary(why) == "constraint_violation /properties/1/type");
    // At the value, as every issue of a text.
    BOOST_TEST(why.begin()->line == 2u);
    BOOST_TEST(why.begin()->column == 28u);
    // Names declared twice: only a response can (a request's names are
    // unique ignoring case).
    v = gs::item_validator::make(R"J({"properties":[{"name":"a","type":"string"},{"name":"a","type":"int64"}]})J", why,
        options(gs::operation::read));
    BOOST_TEST(!v.has_value());
    BOOST_TEST(summary(why) == "constraint_violation /properties/1/name");
    BOOST_TEST(why.begin()->column == 53u);
    // Not JSON.
    v = gs::item_validator::make("{", why);
    BOOST_TEST(!v.has_value());
    BOOST_TEST(summary(why) == "syntax_error ");
    BOOST_CHECK_THROW(gs::item_validator("[]"), gs::validation_error);
    // A schema built in code.
    graph::schema s;
    s.base_type = std::string("microsoft.graph.externalItem");
    graph::property p;
    p.name = std::string("title");
    p.type = graph::property_type::string_;
    s.properties.emplace().push_back(p);
    v = gs::item_validator::make(s, why);
    BOOST_TEST_REQUIRE(v.has_value());
    BOOST_TEST(v->is_valid(item(R"J("title":"t")J")));
    BOOST_TEST(!v->is_valid(item(R"J("title":1)J")));
}

BOOST_AUTO_TEST_CASE(decode_keeps_the_properties_verbatim)
{
    auto const text = item(R"J("title":"t", "tags@odata.type":"Collection(String)","tags":["a"])J");
    auto const d = tickets().decode(text);
    BOOST_TEST_REQUIRE(d.ok());
    BOOST_TEST_REQUIRE(d->properties.has_value());
    BOOST_TEST(gs::encode(*d->properties) ==
        R"J({"@odata.type":"#microsoft.graph.externalConnectors.properties","title":"t","tags@odata.type":"Collection(String)","tags":["a"]})J");
    auto const bad = tickets().decode(item(R"J("title":1)J"));
    BOOST_TEST(!bad.ok());
    BOOST_TEST(summary(bad.report()) == "type_mismatch /properties/title");
}

BOOST_AUTO_TEST_CASE(one_validator_many_threads)
{
    // Items valid and not, checked by four threads at once against one
    // validator: each thread's reports equal the ones made alone.
    std::vector<std::string> items;
    for(int i = 0; i < 200; ++i)
    {
        switch(i % 4)
        {
        case 0: items.push_back(item(R"J("title":"t)J" + std::to_string(i) + R"J(","priority":)J" + std::to_string(i))); break;
        case 1: items.push_back(item(R"J("priority":)J" + std::to_string(i) + ".5")); break;
        case 2: items.push_back(item(R"J("tags":["a"],"nope":1)J")); break;
        default: items.push_back(item(R"J("due":"2024-02-30T00:00:00Z")J")); break;
        }
    }
    std::vector<std::string> alone;
    for(auto const& it : items)
        alone.push_back(summary(tickets().validate(it)));
    std::vector<std::vector<std::string>> seen(4);
    std::vector<std::thread> threads;
    for(std::size_t t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for(int round = 0; round < 20; ++round)
                for(std::size_t i = 0; i < items.size(); ++i)
                {
                    auto const s = summary(tickets().validate(items[i]));
                    if(round == 0)
                        seen[t].push_back(s);
                    else if(s != seen[t][i] || tickets().is_valid(items[i]) != s.empty())
                        seen[t][i] = "differs";
                }
        });
    for(auto& th : threads)
        th.join();
    for(auto const& s : seen)
        BOOST_TEST(s == alone, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_dynamic_schema_made_in_code)
{
    gs::dynamic_schema d;
    BOOST_TEST(d.add("size", gs::dynamic_type::int64));
    BOOST_TEST(!d.add("size", gs::dynamic_type::string)); // declared already
    BOOST_TEST(!d.add("", gs::dynamic_type::string));
    BOOST_TEST(!d.add("a@b", gs::dynamic_type::string));
    BOOST_TEST(!d.add("obj", gs::dynamic_type::object)); // add_model's
    BOOST_TEST(d.add("flags", gs::dynamic_type::boolean, true));
    BOOST_TEST(d.add_model<graph::principal>("owner"));
    BOOST_TEST(d.size() == 3u);
    // Copies are independent and equally usable.
    gs::dynamic_schema copy = d;
    d = gs::dynamic_schema();
    gs::item_validator const v(copy);
    BOOST_TEST(summary(check(v, item(R"J("size":1,"flags@odata.type":"Collection(Boolean)","flags":[true,1],"owner":{"upn":"u"})J"))) ==
        "type_mismatch /properties/flags/1");
    BOOST_TEST(summary(check(v, item(R"J("flags":[true])J"))) == "missing_required /properties/flags@odata.type");
}

BOOST_AUTO_TEST_CASE(the_vectors_of_items)
{
    // test/vectors/against/items.jsonl: a schema, an item, the issues (a
    // format of its own: the other vectors need no schema).
    std::ifstream in(std::string(GRAPHSCHEMA_TEST_DIR) + "/vectors/against/items.jsonl");
    BOOST_TEST_REQUIRE(static_cast<bool>(in));
    std::string line;
    std::size_t n = 0;
    while(std::getline(in, line))
    {
        if(line.empty())
            continue;
        auto const jv = boost::json::parse(line);
        auto const& o = jv.as_object();
        std::string const name(o.at("name").as_string());
        gs::decode_options opt;
        opt.operation = gs::operation_from_string(o.at("operation").as_string().c_str()).value();
        opt.version = gs::api_version_from_string(o.at("version").as_string().c_str()).value();
        gs::item_validator const v(o.at("schema").as_string().c_str(), opt);
        std::string const doc(o.at("document").as_string());
        auto const r = check(v, doc, opt);
        std::multiset<std::pair<std::string, std::string>> want;
        for(auto const& e : o.at("errors").as_array())
            want.insert({e.at("code").as_string().c_str(), e.at("pointer").as_string().c_str()});
        BOOST_TEST(r.ok() == o.at("valid").as_bool(), name);
        BOOST_TEST((test::error_set(r) == want), name << ": " << summary(r));
        ++n;
    }
    BOOST_TEST(n >= 20u);
}
