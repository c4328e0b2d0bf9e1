//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE nullable
#include "test_support.hpp"

#include <boost/json/parse.hpp>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

// nullable<T>: absent, null and a value kept apart, by the type itself, by
// decoding (text and DOM), by encoding and by validate(T const&); and the
// members that refuse null: std::optional single values and collections.

namespace gs = graphschema;
namespace graph = graphschema::graph;
using test::for_op;
using test::summary;
gs::encode_options const plain = test::untyped();

namespace contoso {

struct ticket
{
    std::optional<std::string> id;
    gs::nullable<std::string> title;
    gs::nullable<std::int32_t> severity;
    std::optional<std::int32_t> weight;
    std::optional<std::vector<std::string>> tags;
    gs::nullable<gs::raw_json> extra;
    gs::preserved_members unknown;
};

#if defined(__clang__)
# pragma clang diagnostic push
# pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif
BOOST_DESCRIBE_STRUCT(ticket, (), (id, title, severity, weight, tags, extra, unknown))
#if defined(__clang__)
# pragma clang diagnostic pop
#endif

constexpr auto
graphschema_model(gs::model_tag<ticket>)
{
    return gs::model("contoso.tickets.ticket")
        .member("id", gs::required(gs::operation::create))
        .member("title", gs::required(gs::operation::create))
        .member("severity", gs::range(0, 4));
}

} // contoso

BOOST_AUTO_TEST_CASE(the_three_states_are_distinct)
{
    gs::nullable<std::string> absent;
    gs::nullable<std::string> null = nullptr;
    gs::nullable<std::string> value = std::string("x");
    BOOST_TEST(absent.is_absent());
    BOOST_TEST(!absent.is_null());
    BOOST_TEST(!absent.has_value());
    BOOST_TEST(null.is_null());
    BOOST_TEST(!null.has_value());
    BOOST_TEST(value.has_value());
    BOOST_TEST(static_cast<bool>(value));
    BOOST_TEST(!static_cast<bool>(null));
    BOOST_TEST((absent != null));
    BOOST_TEST((null != value));
    BOOST_TEST((absent != value));
    BOOST_TEST((null == gs::nullable<std::string>(nullptr)));
    BOOST_TEST(*value == "x");
    BOOST_TEST(value->size() == 1u);
}

BOOST_AUTO_TEST_CASE(changing_state)
{
    gs::nullable<int> n;
    n = 3;
    BOOST_TEST(n.value() == 3);
    n = nullptr;
    BOOST_TEST(n.is_null());
    BOOST_TEST(n.value_or(7) == 7);
    n.emplace(5);
    BOOST_TEST(n.value_or(7) == 5);
    n.set_null();
    BOOST_TEST(n.is_null());
    n.reset();
    BOOST_TEST(n.is_absent());
    BOOST_TEST(n.value_or(9) == 9);
}

BOOST_AUTO_TEST_CASE(value_of_an_empty_one_throws)
{
    gs::nullable<int> absent;
    gs::nullable<int> const null = nullptr;
    BOOST_CHECK_THROW(absent.value(), std::bad_optional_access);
    BOOST_CHECK_THROW(null.value(), std::bad_optional_access);
}

BOOST_AUTO_TEST_CASE(decoding_keeps_the_three_states_apart)
{
    auto const update = for_op(gs::operation::update);
    auto const absent = gs::decode<graph::external_connection>(R"({})", update);
    auto const null = gs::decode<graph::external_connection>(R"({"description":null})", update);
    auto const value = gs::decode<graph::external_connection>(R"({"description":"d"})", update);
    BOOST_REQUIRE(absent.ok());
    BOOST_REQUIRE(null.ok());
    BOOST_REQUIRE(value.ok());
    BOOST_TEST(absent->description.is_absent());
    BOOST_TEST(null->description.is_null());
    BOOST_TEST(value->description.value() == "d");
    BOOST_TEST((*absent != *null));
}

BOOST_AUTO_TEST_CASE(the_dom_keeps_them_apart_too)
{
    auto const update = for_op(gs::operation::update);
    auto const jv = boost::json::parse(R"({"description":null,"name":"n"})");
    auto const r = gs::decode<graph::external_connection>(jv, update);
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(r->description.is_null());
    BOOST_TEST(r->name.value() == "n");
    BOOST_TEST(r->connector_id.is_absent());
}

BOOST_AUTO_TEST_CASE(encoding_writes_null_and_leaves_absent_out)
{
    graph::external_connection c;
    c.description = nullptr;
    c.connector_id = std::string("app");
    BOOST_TEST(gs::encode(c, plain) == R"({"description":null,"connectorId":"app"})");
}

BOOST_AUTO_TEST_CASE(a_patch_null_round_trips)
{
    auto const update = for_op(gs::operation::update);
    char const* const body = R"({"description":null,"searchSettings":null,"contentCategory":null})";
    auto const r = gs::decode<graph::external_connection>(body, update);
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(gs::encode(*r, plain) == body);
}

BOOST_AUTO_TEST_CASE(null_for_a_required_member_is_refused)
{
    auto const r = gs::validate<contoso::ticket>(R"({"id":"t1","title":null})");
    BOOST_TEST(summary(r) == "null_not_allowed /title");
    // Not required on update: null clears it there.
    BOOST_TEST(gs::validate<contoso::ticket>(R"({"title":null})", for_op(gs::operation::update)).ok());
}

BOOST_AUTO_TEST_CASE(std_optional_refuses_null)
{
    // A std::optional has two states: null would be lost, so it is refused.
    for(auto op : {gs::operation::create, gs::operation::update, gs::operation::read})
    {
        auto const r = gs::validate<contoso::ticket>(R"({"id":"t1","title":"x","weight":null})", for_op(op));
        BOOST_TEST(summary(r) == "null_not_allowed /weight");
    }
}

BOOST_AUTO_TEST_CASE(a_collection_is_never_null)
{
    for(auto op : {gs::operation::create, gs::operation::update, gs::operation::read})
    {
        auto const r = gs::validate<contoso::ticket>(R"({"id":"t1","title":"x","tags":null})", for_op(op));
        BOOST_TEST(summary(r) == "null_not_allowed /tags");
        BOOST_TEST(r[0].message.find("[]") != std::string::npos, r[0].message);
    }
    // [] is how a client empties one.
    BOOST_TEST(gs::validate<contoso::ticket>(R"({"tags":[]})", for_op(gs::operation::update)).ok());
}

BOOST_AUTO_TEST_CASE(rules_apply_to_the_value_not_to_null)
{
    auto const update = for_op(gs::operation::update);
    BOOST_TEST(gs::validate<contoso::ticket>(R"({"severity":null})", update).ok());
    BOOST_TEST(summary(gs::validate<contoso::ticket>(R"({"severity":5})", update)) ==
        "constraint_violation /severity");
}

BOOST_AUTO_TEST_CASE(validating_a_struct_built_in_code)
{
    contoso::ticket t;
    t.id = "t1";
    t.title = nullptr;
    BOOST_TEST(summary(gs::validate(t)) == "null_not_allowed /title");
    t.title = std::string("Printer on fire");
    t.severity = nullptr;
    BOOST_TEST(gs::validate(t).ok());
    t.severity = 9;
    BOOST_TEST(summary(gs::validate(t)) == "constraint_violation /severity");
}

BOOST_AUTO_TEST_CASE(decode_encode_decode_is_stable_for_each_state)
{
    auto const update = for_op(gs::operation::update);
    for(char const* body : {R"({})", R"({"title":null})", R"({"title":"x"})",
            R"({"title":null,"severity":null})", R"({"severity":0})"})
    {
        auto const first = gs::decode<contoso::ticket>(body, update);
        BOOST_REQUIRE(first.ok());
        auto const text = gs::encode(*first, plain);
        BOOST_TEST(text == body);
        auto const second = gs::decode<contoso::ticket>(text, update);
        BOOST_REQUIRE(second.ok());
        BOOST_TEST((second->title == first->title));
        BOOST_TEST((second->severity == first->severity));
    }
}

// A nullable<raw_json> set to null reads back as null, not as a raw_json
// holding the text null (found by review).
BOOST_AUTO_TEST_CASE(a_nullable_raw_json_keeps_null_apart)
{
    contoso::ticket t;
    t.extra = nullptr;
    auto const text = gs::encode(t, plain);
    BOOST_TEST(text == R"({"extra":null})");
    auto const back = gs::decode<contoso::ticket>(text, for_op(gs::operation::update));
    BOOST_REQUIRE(back.ok());
    BOOST_TEST(back->extra.is_null());
    auto const value = gs::decode<contoso::ticket>(R"({"extra":[null,1]})", for_op(gs::operation::update));
    BOOST_REQUIRE(value.ok());
    BOOST_TEST(value->extra->text() == "[null,1]");
}
