//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE one_of
#include "test_support.hpp"

#include <boost/json/parse.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

// one_of<Base, Derived...>: derived types selected by @odata.type, from
// text (wherever the name stands in the object) and from a DOM; an
// abstract base needs the name; a type the library does not know is kept
// verbatim on read and refused in requests; encoding always names a
// derived type.

namespace gs = graphschema;
namespace graph = graphschema::graph;
using test::for_op;
using test::summary;
gs::encode_options const plain = test::untyped();

// A user's hierarchy with a concrete base: a shape, a circle, a square.
namespace contoso {

namespace gs = graphschema;

struct shape
{
    gs::nullable<std::string> label;
    gs::preserved_members more;
};

struct circle
{
    gs::nullable<std::string> label;
    std::optional<std::int32_t> radius;
    gs::preserved_members more;
};

struct square
{
    gs::nullable<std::string> label;
    std::optional<std::int32_t> side;
    gs::preserved_members more;
};

struct drawing
{
    std::optional<std::vector<gs::one_of<shape, circle, square>>> shapes;
    std::optional<gs::one_of<shape, circle, square>> frame;
    gs::preserved_members more;
};

#if defined(__clang__)
# pragma clang diagnostic push
# pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif
BOOST_DESCRIBE_STRUCT(shape, (), (label, more))
BOOST_DESCRIBE_STRUCT(circle, (), (label, radius, more))
BOOST_DESCRIBE_STRUCT(square, (), (label, side, more))
BOOST_DESCRIBE_STRUCT(drawing, (), (shapes, frame, more))
#if defined(__clang__)
# pragma clang diagnostic pop
#endif

using boost::describe::operators::operator==;
using boost::describe::operators::operator!=;

constexpr auto graphschema_model(gs::model_tag<shape>) { return gs::model("contoso.art.shape"); }

constexpr auto
graphschema_model(gs::model_tag<circle>)
{
    return gs::model("contoso.art.circle").member("radius", gs::required(gs::operation::create), gs::range(1, 100));
}

constexpr auto
graphschema_model(gs::model_tag<square>)
{
    return gs::model("contoso.art.square").member("side", gs::range(1, 100));
}

constexpr auto
graphschema_model(gs::model_tag<drawing>)
{
    return gs::model("contoso.art.drawing").member("shapes", gs::items(1, 3));
}

} // contoso

namespace {

char const* const resolver =
    R"({"@odata.type":"#microsoft.graph.externalConnectors.itemIdResolver","priority":1,)"
    R"j("itemId":"id_{n}","urlMatchInfo":{"baseUrls":["https://contoso.com"],"urlPattern":"/i/(?<n>[0-9]+)"}})j";

} // namespace

BOOST_AUTO_TEST_CASE(the_type_name_selects_the_alternative)
{
    auto const r = gs::decode<graph::activity_settings>(
        std::string(R"({"urlToItemResolvers":[)") + resolver + "]}", for_op(gs::operation::update));
    BOOST_REQUIRE_MESSAGE(r.ok(), summary(r.report()));
    auto const& v = r->url_to_item_resolvers->at(0);
    auto const* id = std::get_if<graph::item_id_resolver>(&v.as_variant());
    BOOST_REQUIRE(id != nullptr);
    BOOST_TEST(id->priority.value() == 1);
    BOOST_TEST(id->item_id.value() == "id_{n}");
    BOOST_TEST(!v.is_unknown());
}

BOOST_AUTO_TEST_CASE(the_type_name_may_come_last)
{
    auto const r = gs::decode<contoso::drawing>(
        R"({"shapes":[{"radius":5,"label":"sun","@odata.type":"#contoso.art.circle"},)"
        R"({"side":2,"@odata.type":"contoso.art.square"}]})");
    BOOST_REQUIRE_MESSAGE(r.ok(), summary(r.report()));
    BOOST_TEST(std::get<contoso::circle>(r->shapes->at(0).as_variant()).radius.value() == 5);
    BOOST_TEST(std::get<contoso::square>(r->shapes->at(1).as_variant()).side.value() == 2);
}

BOOST_AUTO_TEST_CASE(a_derived_types_rules_apply)
{
    BOOST_TEST(summary(gs::validate<contoso::drawing>(R"({"shapes":[{"@odata.type":"#contoso.art.circle"}]})")) ==
        "missing_required /shapes/0/radius");
    BOOST_TEST(summary(gs::validate<contoso::drawing>(
        R"({"shapes":[{"@odata.type":"#contoso.art.square","side":0}]})")) ==
        "constraint_violation /shapes/0/side");
}

BOOST_AUTO_TEST_CASE(a_concrete_base_needs_no_type_name)
{
    auto const r = gs::decode<contoso::drawing>(R"({"shapes":[{"label":"blob"}]})");
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(std::holds_alternative<contoso::shape>(r->shapes->at(0).as_variant()));
}

BOOST_AUTO_TEST_CASE(an_abstract_base_does)
{
    auto const r = gs::validate<graph::activity_settings>(R"({"urlToItemResolvers":[{"priority":1}]})",
        for_op(gs::operation::read));
    BOOST_TEST(summary(r) == "missing_required /urlToItemResolvers/0/@odata.type");
    BOOST_TEST(test::positions(r) == "1:24");
}

BOOST_AUTO_TEST_CASE(an_unknown_type_is_kept_verbatim_on_read)
{
    char const* const body =
        R"({"frame":{"label":"x","@odata.type":"#contoso.art.triangle","sides":[3,4,5.0]}})";
    auto const r = gs::decode<contoso::drawing>(body, for_op(gs::operation::read));
    BOOST_REQUIRE_MESSAGE(r.ok(), summary(r.report()));
    BOOST_TEST(r->frame->is_unknown());
    BOOST_TEST(std::get<gs::raw_json>(r->frame->as_variant()).text() ==
        R"({"label":"x","@odata.type":"#contoso.art.triangle","sides":[3,4,5.0]})");
    BOOST_TEST(gs::encode(*r, plain) == body);
}

BOOST_AUTO_TEST_CASE(an_unknown_type_is_refused_in_requests)
{
    for(auto op : {gs::operation::create, gs::operation::update})
    {
        auto const r = gs::validate<contoso::drawing>(R"({"frame":{"@odata.type":"#contoso.art.triangle"}})",
            for_op(op));
        BOOST_TEST(summary(r) == "odata_type_mismatch /frame/@odata.type");
    }
    // A non-string type name is a type mismatch in every operation.
    BOOST_TEST(summary(gs::validate<contoso::drawing>(R"({"frame":{"@odata.type":7}})",
        for_op(gs::operation::read))) == "type_mismatch /frame/@odata.type");
}

BOOST_AUTO_TEST_CASE(encoding_always_names_a_derived_type)
{
    contoso::drawing d;
    d.shapes.emplace();
    d.shapes->push_back(contoso::shape{std::string("plain"), {}});
    contoso::circle c;
    c.radius = 3;
    d.shapes->push_back(c);
    // Even with type names turned off, the circle says what it is.
    BOOST_TEST(gs::encode(d, plain) ==
        R"({"shapes":[{"label":"plain"},{"@odata.type":"#contoso.art.circle","radius":3}]})");
    auto const back = gs::decode<contoso::drawing>(gs::encode(d, plain));
    BOOST_REQUIRE(back.ok());
    BOOST_TEST((*back == d));
}

BOOST_AUTO_TEST_CASE(a_struct_built_in_code_is_validated_as_its_alternative)
{
    contoso::drawing d;
    d.shapes.emplace();
    d.shapes->push_back(contoso::circle{});
    BOOST_TEST(summary(gs::validate(d)) == "missing_required /shapes/0/radius");
    d.shapes->at(0) = contoso::square{{}, 500, {}};
    BOOST_TEST(summary(gs::validate(d)) == "constraint_violation /shapes/0/side");
}

BOOST_AUTO_TEST_CASE(array_sizes)
{
    BOOST_TEST(summary(gs::validate<contoso::drawing>(R"({"shapes":[]})")) == "constraint_violation /shapes");
    BOOST_TEST(gs::validate<contoso::drawing>(R"({"shapes":[{},{},{}]})").ok());
    auto const r = gs::validate<contoso::drawing>(R"({"shapes":[{},{},{},{}]})");
    BOOST_TEST(summary(r) == "constraint_violation /shapes");
    BOOST_TEST(r[0].message.find("1 to 3") != std::string::npos, r[0].message);
}

BOOST_AUTO_TEST_CASE(the_dom_agrees)
{
    for(auto op : {gs::operation::create, gs::operation::read})
        for(char const* body : {R"({"shapes":[{"@odata.type":"#contoso.art.circle"}]})",
                R"({"frame":{"@odata.type":"#contoso.art.triangle"}})",
                R"({"shapes":[{"side":2,"@odata.type":"contoso.art.square"}]})",
                R"({"shapes":[{},{},{},{}]})"})
        {
            auto const text = gs::validate<contoso::drawing>(body, for_op(op));
            auto const dom = gs::validate<contoso::drawing>(boost::json::parse(body), for_op(op));
            BOOST_TEST(summary(text) == summary(dom), body);
            auto const decoded = gs::decode<contoso::drawing>(boost::json::parse(body), for_op(op));
            auto const from_text = gs::decode<contoso::drawing>(body, for_op(op));
            if(decoded.ok() && from_text.ok())
                BOOST_TEST((*decoded == *from_text), body);
        }
}

// Found by fuzz_text_dom (fuzz/findings/text_dom/long-type-name-in-a-one-of-on-read):
// the text's look-ahead keeps 128 bytes of a name; a longer one is still a
// name no model has, as the DOM sees it.
BOOST_AUTO_TEST_CASE(a_type_name_longer_than_the_look_ahead_is_still_unknown)
{
    std::string const body = R"({"urlToItemResolvers":[{"@odata.type":"#microsoft.graph.)" +
        std::string(200, 'x') + R"(","priority":1}]})";
    auto const read = for_op(gs::operation::read);
    auto const text = gs::decode<graph::activity_settings>(body, read);
    BOOST_REQUIRE_MESSAGE(text.ok(), summary(text.report()));
    BOOST_TEST(text->url_to_item_resolvers->at(0).is_unknown());
    BOOST_TEST(gs::validate<graph::activity_settings>(boost::json::parse(body), read).ok());
    auto const update = for_op(gs::operation::update);
    BOOST_TEST(summary(gs::validate<graph::activity_settings>(body, update)) ==
        "odata_type_mismatch /urlToItemResolvers/0/@odata.type");
    BOOST_TEST(summary(gs::validate<graph::activity_settings>(boost::json::parse(body), update)) ==
        "odata_type_mismatch /urlToItemResolvers/0/@odata.type");
}

// A value of an abstract base (a response may name the base itself) keeps
// its type name whatever the scope: a reader requires it (found by review).
BOOST_AUTO_TEST_CASE(an_abstract_base_value_keeps_its_type_name)
{
    char const* const body =
        R"({"urlToItemResolvers":[{"@odata.type":"#microsoft.graph.externalConnectors.urlToItemResolverBase","priority":3}]})";
    auto const read = for_op(gs::operation::read);
    auto const r = gs::decode<graph::activity_settings>(body, read);
    BOOST_REQUIRE_MESSAGE(r.ok(), summary(r.report()));
    BOOST_TEST(std::holds_alternative<graph::url_to_item_resolver_base>(r->url_to_item_resolvers->at(0).as_variant()));
    auto const text = gs::encode(*r, plain);
    BOOST_TEST(text == body);
    auto const back = gs::decode<graph::activity_settings>(text, read);
    BOOST_REQUIRE_MESSAGE(back.ok(), summary(back.report()));
    BOOST_TEST((*back == *r));
}
