//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE schema_rules
#include "test_support.hpp"

#include <boost/json/parse.hpp>

#include <string>

// The rules a connection's schema adds to the engine, each declared in
// the model and decided in one place: a boolean true only with some
// enumerators of a sibling (true_only_when), two booleans never true
// together (never_true_with), names unique across an array ignoring ASCII
// case (unique_ignoring_case), names free of a deny-list
// (forbidden_chars), one allowed value (only_value), and ISO 8601 date
// and times (date_time_offset). Each broken rule is one
// constraint_violation at the member the rule restricts.

namespace gs = graphschema;
namespace graph = graphschema::graph;
using test::summary;

namespace {

enum class colour { red, blue };
BOOST_DESCRIBE_ENUM(colour, red, blue)

// Only never_true_with: no enum member for the rules to read.
struct toggle
{
    gs::nullable<bool> on;
    gs::nullable<bool> off;
    gs::nullable<colour> tint;
    gs::preserved_members rest;
};
#if defined(__clang__)
# pragma clang diagnostic push
# pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif
BOOST_DESCRIBE_STRUCT(toggle, (), (on, off, tint, rest))
#if defined(__clang__)
# pragma clang diagnostic pop
#endif

constexpr auto
graphschema_model(gs::model_tag<toggle>)
{
    return gs::model("contoso.toggle").member("on", gs::never_true_with("off"));
}

gs::decode_options
options(gs::operation op = gs::operation::create, gs::api_version v = gs::api_version::beta)
{
    gs::decode_options o;
    o.operation = op;
    o.version = v;
    return o;
}

// A schema body around the given properties (JSON text of the array's
// elements).
std::string
schema_of(std::string const& properties)
{
    return R"({"baseType":"microsoft.graph.externalItem","properties":[)" + properties + "]}";
}

gs::report
check(std::string const& properties, gs::operation op = gs::operation::create,
    gs::api_version v = gs::api_version::beta)
{
    auto const text = schema_of(properties);
    auto const r = gs::validate<graph::schema>(text, options(op, v));
    // The verdict alone, and the walk over a parsed value, agree.
    BOOST_TEST(gs::is_valid<graph::schema>(text, options(op, v)) == r.ok());
    BOOST_TEST(summary(gs::validate<graph::schema>(boost::json::parse(text), options(op, v))) == summary(r));
    return r;
}

} // namespace

BOOST_AUTO_TEST_CASE(searchable_only_on_strings)
{
    BOOST_TEST(check(R"({"name":"a","type":"string","isSearchable":true})").ok());
    BOOST_TEST(check(R"({"name":"a","type":"stringCollection","isSearchable":true})").ok());
    for(char const* type : {"int64", "double", "dateTime", "boolean", "int64Collection", "doubleCollection",
            "dateTimeCollection", "principal"})
    {
        auto const r = check(std::string(R"({"name":"a","type":")") + type + R"(","isSearchable":true})");
        BOOST_TEST(summary(r) == "constraint_violation /properties/0/isSearchable", type);
        BOOST_TEST(r.begin()->message ==
            R"("isSearchable" may be true only when "type" is "string" or "stringCollection")");
    }
    // false is no claim; null neither.
    BOOST_TEST(check(R"({"name":"a","type":"int64","isSearchable":false})").ok());
    BOOST_TEST(check(R"({"name":"a","type":"int64","isSearchable":null})").ok());
}

BOOST_AUTO_TEST_CASE(the_issue_is_at_the_flag_whatever_the_order)
{
    // The flag before the type: decided when the object ends, reported
    // where the flag is.
    auto const text = schema_of("{\"isSearchable\":true,\n\"name\":\"a\",\"type\":\"double\"}");
    auto const r = gs::validate<graph::schema>(text, options());
    BOOST_TEST_REQUIRE(r.size() == 1u);
    BOOST_TEST(r.begin()->pointer == "/properties/0/isSearchable");
    BOOST_TEST(r.begin()->line == 1u);
    BOOST_TEST(r.begin()->column == text.find("true") + 1);
}

BOOST_AUTO_TEST_CASE(no_type_no_pairing_issue)
{
    // Without a type (or with one this version does not know, on read)
    // the rule has nothing to say: the missing type is the issue.
    BOOST_TEST(summary(check(R"({"name":"a","isSearchable":true})")) == "missing_required /properties/0/type");
    BOOST_TEST(check(R"({"name":"a","type":"hologram","isSearchable":true})", gs::operation::read).ok());
}

BOOST_AUTO_TEST_CASE(refinable_never_with_searchable_and_only_on_strings_and_numbers)
{
    BOOST_TEST(summary(check(R"({"name":"a","type":"string","isSearchable":true,"isRefinable":true})")) ==
        "constraint_violation /properties/0/isRefinable");
    BOOST_TEST(summary(check(R"({"name":"a","type":"string","isRefinable":true,"isSearchable":true})")) ==
        "constraint_violation /properties/0/isRefinable");
    for(char const* type : {"string", "int64", "double", "stringCollection", "int64Collection", "doubleCollection"})
        BOOST_TEST(check(std::string(R"({"name":"a","type":")") + type + R"(","isRefinable":true})").ok(), type);
    for(char const* type : {"dateTime", "boolean", "dateTimeCollection"})
        BOOST_TEST(summary(check(std::string(R"({"name":"a","type":")") + type + R"(","isRefinable":true})")) ==
            "constraint_violation /properties/0/isRefinable", type);
    // Both rules broken: one issue, the type's (the first the rule says).
    BOOST_TEST(summary(check(R"({"name":"a","type":"boolean","isRefinable":true,"isSearchable":true})")) ==
        "constraint_violation /properties/0/isSearchable; constraint_violation /properties/0/isRefinable");
}

BOOST_AUTO_TEST_CASE(exact_match_only_on_non_searchable_strings_in_beta)
{
    BOOST_TEST(check(R"({"name":"a","type":"string","isExactMatchRequired":true})").ok());
    BOOST_TEST(summary(check(R"({"name":"a","type":"int64","isExactMatchRequired":true})")) ==
        "constraint_violation /properties/0/isExactMatchRequired");
    BOOST_TEST(summary(check(R"({"name":"a","type":"string","isSearchable":true,"isExactMatchRequired":true})")) ==
        "constraint_violation /properties/0/isExactMatchRequired");
    // A member of beta only: v1.0 does not declare it, so no rule binds it.
    BOOST_TEST(check(R"({"name":"a","type":"int64","isExactMatchRequired":true})", gs::operation::create,
        gs::api_version::v1_0).ok());
}

BOOST_AUTO_TEST_CASE(a_pairing_without_an_enum)
{
    // The enum member of the model is read by no rule: its value changes nothing.
    BOOST_TEST(gs::validate<toggle>(R"({"on":true,"tint":"red"})").ok());
    BOOST_TEST(summary(gs::validate<toggle>(R"({"tint":"blue","off":true,"on":true})")) == "constraint_violation /on");
    BOOST_TEST(!gs::is_valid<toggle>(R"({"on":true,"off":true})"));
}

BOOST_AUTO_TEST_CASE(pairings_bind_requests_only)
{
    BOOST_TEST(check(R"({"name":"a","type":"int64","isSearchable":true,"isRefinable":true})",
        gs::operation::read).ok());
    BOOST_TEST(!check(R"({"name":"a","type":"int64","isSearchable":true})", gs::operation::update).ok());
}

BOOST_AUTO_TEST_CASE(names_and_aliases_unique_ignoring_ascii_case)
{
    BOOST_TEST(check(R"({"name":"a","type":"string"},{"name":"b","type":"string","aliases":["c","d"]})").ok());
    BOOST_TEST(summary(check(R"({"name":"Title","type":"string"},{"name":"TITLE","type":"string"})")) ==
        "constraint_violation /properties/1/name");
    BOOST_TEST(summary(check(R"({"name":"title","type":"string"},{"name":"b","type":"string","aliases":["x","Title"]})")) ==
        "constraint_violation /properties/1/aliases/1");
    // An alias against its own property's name, and against another alias.
    BOOST_TEST(summary(check(R"({"name":"b","type":"string","aliases":["B"]})")) ==
        "constraint_violation /properties/0/aliases/0");
    BOOST_TEST(summary(check(R"({"name":"a","type":"string","aliases":["x"]},{"name":"b","type":"string","aliases":["X"]})")) ==
        "constraint_violation /properties/1/aliases/0");
    // Only ASCII letters fold: these differ.
    BOOST_TEST(check(R"({"name":"\u00e9t\u00e9","type":"string"},{"name":"\u00c9T\u00c9","type":"string"})").ok());
    auto const r = check(R"({"name":"Title","type":"string"},{"name":"TITLE","type":"string"})");
    BOOST_TEST(r.begin()->message ==
        R"("TITLE" repeats an earlier name or alias of the array (compared ignoring ASCII case))");
    // Requests only.
    BOOST_TEST(check(R"({"name":"a","type":"string"},{"name":"A","type":"string"})", gs::operation::read).ok());
}

BOOST_AUTO_TEST_CASE(every_repeat_is_reported)
{
    BOOST_TEST(summary(check(R"({"name":"a","type":"string"},{"name":"A","type":"string"},{"name":"a","type":"string","aliases":["A"]})")) ==
        "constraint_violation /properties/1/name; constraint_violation /properties/2/name; "
        "constraint_violation /properties/2/aliases/0");
}

BOOST_AUTO_TEST_CASE(name_characters_are_a_deny_list)
{
    // Letters, digits and anything the list leaves out are fine, beyond
    // ASCII too.
    BOOST_TEST(check(R"({"name":"ticket_title-2.0","type":"string"})").ok());
    BOOST_TEST(check(R"({"name":"K\u00fcche","type":"string"})").ok());
    for(char c : std::string(":;,()[]{}%$+!*=&?@#\\~'\"<>`^ \t"))
    {
        boost::json::object p{{"name", std::string("a") + c + "b"}, {"type", "string"}};
        auto const r = check(boost::json::serialize(p));
        BOOST_TEST(summary(r) == "constraint_violation /properties/0/name", std::string(1, c));
    }
    BOOST_TEST(summary(check(R"({"name":"a\u0001b","type":"string"})")) == "constraint_violation /properties/0/name");
    BOOST_TEST(summary(check(R"({"name":"a\u007fb","type":"string"})")) == "constraint_violation /properties/0/name");
    BOOST_TEST(summary(check(R"({"name":"a","type":"string","aliases":["ok","no way"]})")) ==
        "constraint_violation /properties/0/aliases/1");
    auto const r = check(R"({"name":"a b","type":"string"})");
    BOOST_TEST(r.begin()->message ==
        R"(must contain no control character, no whitespace and none of :;,()[]{}%$+!*=&?@#\~'"<>`^, found "a b")");
}

BOOST_AUTO_TEST_CASE(name_length_counts_code_points)
{
    // 32 two-byte characters: 64 bytes, 32 code points.
    std::string name;
    for(int i = 0; i < 32; ++i)
        name += "\xc3\xa9";
    BOOST_TEST(check(R"({"name":")" + name + R"(","type":"string"})").ok());
    BOOST_TEST(summary(check(R"({"name":")" + name + R"(x","type":"string"})")) ==
        "constraint_violation /properties/0/name");
}

BOOST_AUTO_TEST_CASE(base_type_has_one_value)
{
    auto const r = gs::validate<graph::schema>(
        R"({"baseType":"microsoft.graph.externalConnector.externalItem","properties":[{"name":"a","type":"string"}]})",
        options());
    BOOST_TEST(summary(r) == "constraint_violation /baseType");
    BOOST_TEST(r.begin()->message ==
        R"(must be "microsoft.graph.externalItem", found "microsoft.graph.externalConnector.externalItem")");
    BOOST_TEST(gs::validate<graph::schema>(
        R"({"baseType":"Microsoft.Graph.ExternalItem","properties":[{"name":"a","type":"string"}]})",
        options(gs::operation::read)).ok());
}

BOOST_AUTO_TEST_CASE(iso_8601_date_and_time)
{
    using gs::detail::is_date_time_offset;
    for(char const* ok : {"2024-03-01T12:30:00Z", "2024-03-01t12:30:00z", "2024-02-29T00:00:00Z",
            "2000-02-29T23:59:59+14:00", "2024-12-31T23:59:60Z", "2021-04-06T18:04:31.033Z",
            "2021-04-06T18:04:31.1234567-07:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"})
        BOOST_TEST(is_date_time_offset(ok), ok);
    for(char const* bad : {"", "2024-03-01", "2024-03-01T12:30Z", "2024-03-01T12:30:00", "2024-03-01 12:30:00Z",
            "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-13-01T00:00:00Z",
            "2024-00-01T00:00:00Z", "2024-01-00T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T00:60:00Z",
            "2024-01-01T00:00:61Z", "2024-01-01T00:00:00.Z", "2024-01-01T00:00:00+2:00", "2024-01-01T00:00:00+24:00",
            "2024-01-01T00:00:00Z ", "+2024-01-01T00:00:00Z", "2024-1-01T00:00:00Z", "2024-01-01T00:00:00+01:00:00",
            "２０２４-01-01T00:00:00Z"})
        BOOST_TEST(!is_date_time_offset(bad), bad);
}

BOOST_AUTO_TEST_CASE(activity_start_is_a_date_and_time)
{
    auto const body = [](char const* when) {
        return std::string(R"({"type":"created","startDateTime":")") + when +
            R"(","performedBy":{"type":"user","id":"1f0c997e"}})";
    };
    BOOST_TEST(gs::validate<graph::external_activity>(body("2021-04-06T18:04:31.033Z"), options()).ok());
    BOOST_TEST(summary(gs::validate<graph::external_activity>(body("April 6th"), options())) ==
        "constraint_violation /startDateTime");
}
