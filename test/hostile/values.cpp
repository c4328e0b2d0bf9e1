//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE hostile_values
#include "hostile_support.hpp"

#include <boost/json/parse.hpp>

#include <string>
#include <utility>

// Large and odd values: a 4 MiB name (and key), 10,000 issues in one
// document against the cap on the report, and numbers no double holds
// kept verbatim.

namespace gs = graphschema;
namespace graph = graphschema::graph;

namespace {

constexpr std::size_t four_mib = 4194304;

std::string
create_body_named(std::string const& name)
{
    return R"({"id":"abc","name":")" + name + R"(","description":"","configuration":{}})";
}

// Messages quote at most about 60 bytes of a value.
constexpr std::size_t short_message = 200;

} // namespace

BOOST_AUTO_TEST_CASE(a_four_mib_name)
{
    std::string const doc = create_body_named(std::string(four_mib, 'a'));
    gs::decode_options create;
    // The default limit is 4 MiB: the document is over it.
    auto const over = gs::validate<graph::external_connection>(doc, create);
    BOOST_REQUIRE(over.size() == 1u);
    BOOST_TEST(over[0].code == gs::error::size_exceeded);

    create.max_bytes = doc.size();
    auto const r = gs::validate<graph::external_connection>(doc, create);
    BOOST_REQUIRE(r.size() == 1u);
    BOOST_TEST(r[0].code == gs::error::constraint_violation);
    BOOST_TEST(r[0].pointer == "/name");
    BOOST_TEST(r[0].message == "must be 1 to 128 characters long (found 4194304)");
    BOOST_TEST((r[0].line == 1u && r[0].column == doc.find("\"aaa") + 1));
    auto const d = gs::decode<graph::external_connection>(doc, create);
    BOOST_TEST((d.report() == r));
    BOOST_TEST(!d->name.has_value());

    // Reading does not check lengths: the name is decoded whole.
    auto const read = gs::decode<graph::external_connection>(doc, hostile::read_options(doc.size()));
    BOOST_REQUIRE(read.ok());
    BOOST_TEST(read->name->size() == four_mib);
}

BOOST_AUTO_TEST_CASE(a_four_mib_name_counted_in_code_points)
{
    // Two bytes a character, and six for an escape: the parser hands the
    // unescaped string over in parts, and every part is counted.
    struct
    {
        std::string text;
        std::size_t code_points;
    } const cases[] = {
        {[] { std::string s; while(s.size() < four_mib) s += "\xc3\xa9"; return s; }(), four_mib / 2},
        {[] { std::string s; while(s.size() < four_mib) s += "\\u00e9"; return s; }(), (four_mib + 5) / 6},
        {[] { std::string s; while(s.size() < four_mib) s += "\\ud83d\\ude00x"; return s; }(),
            2 * ((four_mib + 12) / 13)},
    };
    for(auto const& c : cases)
    {
        std::string const doc = create_body_named(c.text);
        gs::decode_options create;
        create.max_bytes = doc.size();
        auto const r = gs::validate<graph::external_connection>(doc, create);
        BOOST_REQUIRE(r.size() == 1u);
        BOOST_TEST(r[0].message == "must be 1 to 128 characters long (found " +
            std::to_string(c.code_points) + ")");
    }
}

BOOST_AUTO_TEST_CASE(a_four_mib_key)
{
    // A pointer names its key whole (RFC 6901); the message quotes a part.
    std::string const key(four_mib, 'k');
    std::string const doc = R"({"id":"abc",")" + key + R"(":1})";
    auto o = hostile::read_options(doc.size());
    o.unknown = gs::unknown_policy::reject;
    auto const r = gs::validate<graph::external_connection>(doc, o);
    BOOST_REQUIRE(r.size() == 1u);
    BOOST_TEST(r[0].code == gs::error::unknown_property);
    BOOST_TEST(r[0].pointer == "/" + key);
    BOOST_TEST(r[0].message.size() <= short_message);
    o.unknown = gs::unknown_policy::preserve;
    auto const d = gs::decode<graph::external_connection>(doc, o);
    BOOST_REQUIRE(d.ok());
    BOOST_TEST(d->unknown_properties[0].key == key);
}

BOOST_AUTO_TEST_CASE(ten_thousand_issues)
{
    constexpr std::size_t n = 10000;
    std::string apps;
    for(std::size_t i = 0; i < n; ++i)
        apps += i ? ",null" : "null";
    std::string const doc = R"({"id":"abc","configuration":{"authorizedApps":[)" + apps + "]}}";

    // Capped by max_issues, which says how many there were.
    auto o = hostile::read_options();
    auto const capped = gs::validate<graph::external_connection>(doc, o);
    BOOST_TEST(capped.found() == n);
    BOOST_TEST(capped.size() == 100u);
    BOOST_TEST(capped.truncated());
    BOOST_TEST(!capped.ok());
    BOOST_TEST(capped[99].pointer == "/configuration/authorizedApps/99");

    o.max_issues = 0;
    auto const none = gs::validate<graph::external_connection>(doc, o);
    BOOST_TEST(none.found() == n);
    BOOST_TEST(none.empty());
    BOOST_TEST(none.truncated());
    BOOST_TEST(!none.ok());

    o.max_issues = n;
    auto const all = gs::decode<graph::external_connection>(doc, o);
    BOOST_TEST(all.report().found() == n);
    BOOST_REQUIRE(all.report().size() == n);
    BOOST_TEST(!all.report().truncated());
    std::size_t wrong = 0;
    for(std::size_t i = 0; i < n; ++i)
    {
        auto const& issue = all.report()[i];
        wrong += issue.code != gs::error::null_not_allowed ||
            issue.pointer != "/configuration/authorizedApps/" + std::to_string(i) ||
            issue.column != doc.find("null") + 1 + 5 * i;
    }
    BOOST_TEST(wrong == 0u);
    // The capped report is the first part of the full one.
    for(std::size_t i = 0; i < capped.size(); ++i)
        BOOST_TEST((capped[i] == all.report()[i]));
}

BOOST_AUTO_TEST_CASE(numbers_kept_verbatim)
{
    // Each value as sent, and as kept: the same tokens, without the
    // whitespace between them.
    std::pair<std::string, std::string> const numbers[] = {{"1e400", "1e400"}, {"-0", "-0"},
        {"1E-400", "1E-400"}, {"123456789012345678901234567890", "123456789012345678901234567890"},
        {"-1e400", "-1e400"}, {"0e400", "0e400"}, {"1e-0000000400", "1e-0000000400"},
        {"18446744073709551616", "18446744073709551616"}, {"-9223372036854775809", "-9223372036854775809"},
        {"0.1000000000000000055511151231257827", "0.1000000000000000055511151231257827"},
        {"[1e400, -0 ,1E-400]", "[1e400,-0,1E-400]"}, {"{\"n\":  1e400 }", "{\"n\":1e400}"}};
    for(auto const& [sent, n] : numbers)
    {
        BOOST_TEST_CONTEXT(sent)
        {
            // Unknown members, annotations and dynamic properties alike.
            std::string const doc = R"({"id":"abc","x":)" + sent + R"(,"x@odata.type":)" + sent +
                R"(,"configuration":{"d":)" + sent + "}}";
            auto const d = gs::decode<graph::external_connection>(doc, hostile::read_options());
            BOOST_REQUIRE(d.ok());
            BOOST_TEST(d->unknown_properties.find("x")->json == n);
            BOOST_TEST(d->unknown_properties.find("x@odata.type")->json == n);
            BOOST_TEST(d->configuration->dynamic_properties.find("d")->json == n);
            std::string const canonical = R"({"@odata.type":"#microsoft.graph.externalConnection",)"
                R"("id":"abc","configuration":{"@odata.type":"#microsoft.graph.configuration","d":)" + n +
                R"(},"x":)" + n + R"(,"x@odata.type":)" + n + "}";
            BOOST_TEST(gs::encode(*d) == canonical);
            // A raw_json member keeps its text the same way.
            gs::raw_json raw;
            BOOST_TEST(!raw.assign(sent));
            BOOST_TEST(raw.text() == n);
        }
    }
}
