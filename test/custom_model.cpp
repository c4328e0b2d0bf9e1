//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE custom_model
#include "test_support.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// A model written by a user, in its own namespace, using every kind of
// member the engine maps: the Graph connectors' displayTemplate.

namespace contoso {

namespace gs = graphschema;

enum class rule_operation { equals, not_equals, contains, starts_with };
BOOST_DESCRIBE_ENUM(rule_operation, equals, not_equals, contains, starts_with)

struct property_rule
{
    std::string property;
    rule_operation operation = rule_operation::equals;
    std::vector<std::string> values;
    gs::preserved_members additional_data;
};

#if defined(__clang__)
# pragma clang diagnostic push
# pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif
BOOST_DESCRIBE_STRUCT(property_rule, (), (property, operation, values, additional_data))
#if defined(__clang__)
# pragma clang diagnostic pop
#endif

constexpr auto
graphschema_model(gs::model_tag<property_rule>)
{
    return gs::model("microsoft.graph.externalConnectors.propertyRule")
        .member("property", gs::required(gs::operation::create), gs::length(1, 32))
        .member("values", gs::required(gs::operation::create), gs::length(1, 8));
}

struct display_template
{
    std::optional<std::string> id;
    std::optional<gs::raw_json> layout;
    std::optional<std::int32_t> priority;
    std::optional<std::vector<property_rule>> rules;
    std::optional<bool> enabled;
    std::optional<double> weight;
    std::optional<std::string> default_;
    std::optional<std::vector<std::int16_t>> slots;
    gs::preserved_members additional_data;
};

#if defined(__clang__)
# pragma clang diagnostic push
# pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif
BOOST_DESCRIBE_STRUCT(display_template, (),
    (id, layout, priority, rules, enabled, weight, default_, slots, additional_data))
#if defined(__clang__)
# pragma clang diagnostic pop
#endif

constexpr auto
graphschema_model(gs::model_tag<display_template>)
{
    return gs::model("microsoft.graph.externalConnectors.displayTemplate")
        .member("id", gs::required(gs::operation::create, gs::operation::read),
            gs::read_only(gs::operation::update), gs::length(1, 16), gs::allowed_chars("a-z0-9"))
        .member("layout", gs::required(gs::operation::create))
        .member("priority", gs::range(1, 100))
        .member("default_", gs::json_name("isDefault"))
        .member("slots", gs::range(0, 9));
}

using graphschema::tag_invoke;

// A member that a response must not carry: read-only in reads.
struct sign_in
{
    std::optional<std::string> user;
    std::optional<std::string> password;
    gs::preserved_members additional_data;
};
#if defined(__clang__)
# pragma clang diagnostic push
# pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif
BOOST_DESCRIBE_STRUCT(sign_in, (), (user, password, additional_data))
#if defined(__clang__)
# pragma clang diagnostic pop
#endif

constexpr auto
graphschema_model(gs::model_tag<sign_in>)
{
    return gs::model("contoso.signIn").member("password", gs::read_only(gs::operation::read));
}

} // contoso

namespace gs = graphschema;
using test::summary;

namespace {

char const* const good = R"({"id":"tpl1","layout":{"type":"AdaptiveCard","body":[ {"text":"${title}"} ]},)"
    R"("priority":7,"rules":[{"property":"title","operation":"startsWith","values":["a","b"]}],)"
    R"("enabled":true,"weight":2.5,"isDefault":"x","slots":[0,9],"note":1})";

} // namespace

BOOST_AUTO_TEST_CASE(every_kind_decodes)
{
    auto r = gs::decode<contoso::display_template>(good);
    BOOST_TEST(r.ok(), summary(r.report()));
    BOOST_TEST(*r->id == "tpl1");
    BOOST_TEST(r->layout->text() == R"({"type":"AdaptiveCard","body":[{"text":"${title}"}]})");
    BOOST_TEST(*r->priority == 7);
    BOOST_TEST(r->rules->size() == 1u);
    BOOST_TEST(r->rules->at(0).property == "title");
    BOOST_TEST((r->rules->at(0).operation == contoso::rule_operation::starts_with));
    BOOST_TEST(r->rules->at(0).values.size() == 2u);
    BOOST_TEST(*r->enabled);
    BOOST_TEST(*r->weight == 2.5);
    BOOST_TEST(*r->default_ == "x");
    BOOST_TEST((*r->slots == std::vector<std::int16_t>{0, 9}));
    BOOST_TEST(r->additional_data[0].key == "note");
}

BOOST_AUTO_TEST_CASE(encoding_follows_declaration_order_and_json_names)
{
    auto r = gs::decode<contoso::display_template>(good);
    BOOST_TEST(gs::encode(*r) ==
        R"({"@odata.type":"#microsoft.graph.externalConnectors.displayTemplate","id":"tpl1",)"
        R"("layout":{"type":"AdaptiveCard","body":[{"text":"${title}"}]},"priority":7,)"
        R"("rules":[{"@odata.type":"#microsoft.graph.externalConnectors.propertyRule","property":"title",)"
        R"("operation":"startsWith","values":["a","b"]}],"enabled":true,"weight":2.5,"isDefault":"x",)"
        R"("slots":[0,9],"note":1})");
    auto const again = gs::decode<contoso::display_template>(gs::encode(*r));
    BOOST_TEST((gs::encode(*again) == gs::encode(*r)));
}

BOOST_AUTO_TEST_CASE(rules_of_every_kind)
{
    auto issues = [](std::string const& doc, gs::operation op = gs::operation::create) {
        gs::decode_options o;
        o.operation = op;
        return summary(gs::validate<contoso::display_template>(doc, o));
    };
    BOOST_TEST(issues("{}") == "missing_required /id; missing_required /layout");
    BOOST_TEST(issues(R"({"id":"UP","layout":1})") == "constraint_violation /id");
    BOOST_TEST(issues(R"({"id":"a","layout":null})") == "null_not_allowed /layout");
    BOOST_TEST(issues(R"({"id":"a","layout":[],"priority":0})") == "constraint_violation /priority");
    BOOST_TEST(issues(R"({"id":"a","layout":[],"priority":101})") == "constraint_violation /priority");
    BOOST_TEST(issues(R"({"id":"a","priority":101})", gs::operation::read) == "");
    BOOST_TEST(issues(R"({"id":"a","layout":[],"priority":1e2})") == "");
    BOOST_TEST(issues(R"({"id":"a","layout":[],"priority":2147483648})") == "type_mismatch /priority");
    BOOST_TEST(issues(R"({"id":"a","layout":[],"priority":1.5})") == "type_mismatch /priority");
    BOOST_TEST(issues(R"({"id":"a","layout":[],"priority":"1"})") == "type_mismatch /priority");
    BOOST_TEST(issues(R"({"id":"a","layout":[],"enabled":1,"weight":"x"})") ==
        "type_mismatch /enabled; type_mismatch /weight");
    BOOST_TEST(issues(R"({"id":"a","layout":[],"weight":-1e400})") == "");
    BOOST_TEST(issues(R"({"id":"a","layout":[],"slots":[1,10,-1,40000]})") ==
        "constraint_violation /slots/1; constraint_violation /slots/2; type_mismatch /slots/3");
    BOOST_TEST(issues(R"({"id":"a","layout":[],"rules":[{"operation":"like","values":[]},{}]})") ==
        "invalid_enum /rules/0/operation; missing_required /rules/0/property; missing_required /rules/1/property; "
        "missing_required /rules/1/values");
    BOOST_TEST(issues(R"({"id":"a","layout":[],"rules":[{"property":"p","values":["123456789"]}]})") ==
        "constraint_violation /rules/0/values/0");
    BOOST_TEST(issues(R"({"id":"a","layout":[],"rules":[{"@odata.type":"#microsoft.graph.externalConnectors.displayTemplate","property":"p","values":[]}]})") ==
        "odata_type_mismatch /rules/0/@odata.type");
    BOOST_TEST(issues(R"({"id":"a","layout":[],"default_":1})") == "");
}

BOOST_AUTO_TEST_CASE(a_raw_member_takes_any_json)
{
    for(std::string layout : {"1", "\"s\"", "true", "[1,[2]]", "{}", "-0.5e3"})
    {
        auto r = gs::decode<contoso::display_template>(R"({"id":"a","layout":)" + layout + "}");
        BOOST_TEST(r.ok());
        BOOST_TEST(r->layout->text() == layout);
    }
    // Whatever the whitespace between its tokens, a raw member is one line.
    auto spaced = gs::decode<contoso::display_template>("{\"id\":\"a\",\"layout\":[ 1,\r\n\t[2 ] ]}");
    BOOST_TEST(spaced.ok());
    BOOST_TEST(spaced->layout->text() == "[1,[2]]");
    boost::json::value const jv = boost::json::parse(good);
    auto r = gs::decode<contoso::display_template>(jv);
    BOOST_TEST(r.ok());
    BOOST_TEST(r->layout->text() == R"({"type":"AdaptiveCard","body":[{"text":"${title}"}]})");
}

BOOST_AUTO_TEST_CASE(conversions_work_through_the_using_declaration)
{
    auto r = gs::decode<contoso::display_template>(good);
    boost::json::value const jv = boost::json::value_from(*r);
    BOOST_TEST(jv.at("isDefault").as_string() == "x");
    auto const back = boost::json::value_to<contoso::display_template>(jv);
    BOOST_TEST(*back.priority == 7);
}

BOOST_AUTO_TEST_CASE(read_only_messages_name_the_operation)
{
    gs::decode_options o;
    o.operation = gs::operation::read;
    auto const r = gs::validate<contoso::sign_in>(R"({"user":"u","password":"p"})", o);
    BOOST_TEST(summary(r) == "read_only_property /password");
    BOOST_TEST(r[0].message == "'password' is read-only and must not be sent in a read body");
    o.operation = gs::operation::create;
    BOOST_TEST(gs::validate<contoso::sign_in>(R"({"user":"u","password":"p"})", o).ok());
}
