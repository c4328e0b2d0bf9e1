//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE hostile_members
#include "hostile_support.hpp"

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>

#include <string>

// Many members: a million distinct unknown ones, kept, dropped or
// rejected (the report capped); and 100,000 duplicates in the shapes that
// reach each path of duplicate detection (declared members, the linear
// search, the hash index, escaped keys copied to the arena, nested
// objects). Detection must be linear: the ctest TIMEOUT would catch a
// quadratic one; test/hostile/measure.sh measures the times.

namespace gs = graphschema;
namespace graph = graphschema::graph;

namespace {

constexpr std::size_t million = 1000000;
constexpr std::size_t hundred_thousand = 100000;

// {"id":"abc","m0":0,"m1":1,...} with `n` members m0..m(n-1).
std::string
distinct_members(std::size_t n, std::string const& head = R"({"id":"abc")")
{
    std::string s = head;
    for(std::size_t i = 0; i < n; ++i)
        s += ",\"m" + std::to_string(i) + "\":" + std::to_string(i % 10);
    return s + "}";
}

// `count` members named key(i) with the values value(i), as the members
// of an object without its braces.
template<class Key, class Value>
std::string
members_of(std::size_t count, Key key, Value value)
{
    std::string s;
    for(std::size_t i = 0; i < count; ++i)
    {
        if(i != 0)
            s += ',';
        s += '"' + key(i) + "\":" + value(i);
    }
    return s;
}

// The million-member body, built once for the tests that read it.
std::string const&
million_members()
{
    static std::string const doc = distinct_members(million);
    return doc;
}

std::string
digit(std::size_t i)
{
    return std::to_string(i % 10);
}

// Read, with no size limit: size is not what these documents test.
gs::decode_options
options_for(gs::unknown_policy policy = gs::unknown_policy::preserve, std::size_t max_issues = 100)
{
    auto o = hostile::read_options(hostile::unlimited);
    o.unknown = policy;
    o.max_issues = max_issues;
    return o;
}

void
expect_duplicates(gs::report const& r, std::size_t count, std::string const& pointer)
{
    BOOST_TEST(r.found() == count);
    BOOST_TEST(r.size() == count);
    std::size_t wrong = 0;
    for(auto const& i : r)
        wrong += i.code != gs::error::duplicate_property || i.pointer != pointer;
    BOOST_TEST(wrong == 0u);
}

} // namespace

BOOST_AUTO_TEST_CASE(a_million_distinct_unknown_members)
{
    std::string const& doc = million_members();

    auto const kept = gs::decode<graph::external_connection>(doc, options_for());
    BOOST_REQUIRE(kept.ok());
    auto const& p = kept->unknown_properties;
    BOOST_REQUIRE(p.size() == million);
    BOOST_TEST(p[0].key == "m0");
    BOOST_TEST(p[million - 1].key == "m999999");
    BOOST_TEST(p[million - 1].json == "9");
    // The canonical form holds them all, in order, and reads back equal.
    auto const text = gs::encode(*kept);
    auto const again = gs::decode<graph::external_connection>(text, options_for());
    BOOST_TEST((again.ok() && *again == *kept));

    auto const dropped = gs::decode<graph::external_connection>(doc,
        options_for(gs::unknown_policy::ignore));
    BOOST_TEST(dropped.ok());
    BOOST_TEST(dropped->unknown_properties.empty());

    // Rejected: every one counted, the first hundred kept, and said so.
    auto const rejected = gs::validate<graph::external_connection>(doc,
        options_for(gs::unknown_policy::reject));
    BOOST_TEST(rejected.found() == million);
    BOOST_REQUIRE(rejected.size() == 100u);
    BOOST_TEST(rejected.truncated());
    BOOST_TEST(rejected[0].code == gs::error::unknown_property);
    BOOST_TEST(rejected[0].pointer == "/m0");
    BOOST_TEST(rejected[99].pointer == "/m99");
    BOOST_TEST(rejected[99].column == doc.find("\"m99\"") + 1);
}

BOOST_AUTO_TEST_CASE(a_million_dynamic_properties)
{
    // The open configuration keeps them under every policy.
    std::string const doc = distinct_members(million, R"({"authorizedApps":[])");
    auto const r = gs::decode<graph::configuration>(doc, options_for(gs::unknown_policy::reject));
    BOOST_REQUIRE_MESSAGE(r.ok(), test::summary(r.report()));
    BOOST_TEST(r->dynamic_properties.size() == million);
}

BOOST_AUTO_TEST_CASE(a_million_members_from_a_dom)
{
    std::string const& doc = million_members();
    boost::json::monotonic_resource mr;
    boost::json::value const jv = boost::json::parse(doc, &mr);
    auto const r = gs::decode<graph::external_connection>(jv, options_for());
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(r->unknown_properties.size() == million);
    auto const rejected = gs::validate<graph::external_connection>(jv,
        options_for(gs::unknown_policy::reject));
    BOOST_TEST(rejected.found() == million);
    BOOST_TEST(rejected.size() == 100u);
}

BOOST_AUTO_TEST_CASE(a_hundred_thousand_duplicates_of_one_key)
{
    // Unknown keys: found through the key store's hash index.
    std::string const doc = R"({"id":"abc",)" +
        members_of(hundred_thousand, [](std::size_t) { return std::string("d"); }, digit) + "}";
    auto const all = options_for(gs::unknown_policy::preserve, hostile::unlimited);
    expect_duplicates(gs::validate<graph::external_connection>(doc, all), hundred_thousand - 1, "/d");
    auto const d = gs::decode<graph::external_connection>(doc, options_for());
    BOOST_TEST(d.report().found() == hundred_thousand - 1);
    BOOST_TEST(d.report().size() == 100u);
    BOOST_TEST(d.report().truncated());
    // The first occurrence is the one kept.
    BOOST_REQUIRE(d->unknown_properties.size() == 1u);
    BOOST_TEST(d->unknown_properties[0].json == "0");
}

BOOST_AUTO_TEST_CASE(a_hundred_thousand_duplicates_of_a_declared_member)
{
    // Declared members: found by their bit.
    std::string const doc = R"({"id":"abc",)" +
        members_of(hundred_thousand, [](std::size_t) { return std::string("name"); },
            [](std::size_t i) { return "\"n" + std::to_string(i) + "\""; }) + "}";
    auto const all = options_for(gs::unknown_policy::preserve, hostile::unlimited);
    expect_duplicates(gs::validate<graph::external_connection>(doc, all), hundred_thousand - 1, "/name");
    auto const d = gs::decode<graph::external_connection>(doc, options_for());
    BOOST_TEST(d->name.value() == "n0");
}

BOOST_AUTO_TEST_CASE(fifty_thousand_keys_twice)
{
    // Many distinct keys in the index, each seen again after all the others.
    std::size_t const n = hundred_thousand / 2;
    auto const key = [](std::size_t i) { return "k" + std::to_string(i); };
    std::string const doc = R"({"id":"abc",)" + members_of(n, key, digit) + "," +
        members_of(n, key, digit) + "}";
    auto const all = options_for(gs::unknown_policy::preserve, hostile::unlimited);
    auto const r = gs::validate<graph::external_connection>(doc, all);
    BOOST_REQUIRE(r.size() == n);
    std::size_t wrong = 0;
    for(std::size_t i = 0; i < n; ++i)
        wrong += r[i].code != gs::error::duplicate_property || r[i].pointer != "/" + key(i);
    BOOST_TEST(wrong == 0u);
    auto const d = gs::decode<graph::external_connection>(doc, options_for());
    BOOST_TEST(d->unknown_properties.size() == n);
}

BOOST_AUTO_TEST_CASE(escaped_and_nested_duplicates)
{
    // Escaped keys are unescaped into the arena, and compared after it; in
    // a value no model checks, duplicates are still found.
    auto const alternating = [](std::size_t i) { return std::string(i % 2 ? "\\u0064" : "d"); };
    std::string const inner = "{" + members_of(hundred_thousand, alternating, digit) + "}";
    std::string const docs[] = {
        R"({"id":"abc",)" + members_of(hundred_thousand, alternating, digit) + "}",
        R"({"id":"abc","x":)" + inner + "}",
        R"({"id":"abc","x":[)" + inner + "]}",
        R"({"id":"abc","configuration":)" + inner + "}",
    };
    std::string const pointers[] = {"/d", "/x/d", "/x/0/d", "/configuration/d"};
    for(std::size_t i = 0; i < 4; ++i)
    {
        BOOST_TEST_CONTEXT(pointers[i])
        {
            auto const all = options_for(gs::unknown_policy::preserve, hostile::unlimited);
            expect_duplicates(gs::validate<graph::external_connection>(docs[i], all),
                hundred_thousand - 1, pointers[i]);
        }
    }
}
