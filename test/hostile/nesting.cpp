//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE hostile_nesting
#include "hostile_support.hpp"

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>

#include <string>

// Nesting: 100,000 levels are depth_exceeded, alone, from text and from a
// DOM, whatever max_depth asks for; and a document exactly as deep as
// max_depth_limit decodes without exhausting the stack (Boost.JSON's
// parser recurses), from text and from a DOM.

namespace gs = graphschema;
namespace graph = graphschema::graph;
using hostile::nested;
using hostile::read_body_with;

namespace {

constexpr std::size_t hundred_thousand = 100000;

// The offset of the first opening bracket past `allowed` levels, counting
// the body's own object: where a parser allowing that many must stop.
std::size_t
first_offset_too_deep(std::string const& doc, std::size_t allowed)
{
    std::size_t depth = 0;
    bool in_string = false;
    for(std::size_t i = 0; i < doc.size(); ++i)
    {
        char const c = doc[i];
        if(in_string)
        {
            if(c == '\\')
                ++i;
            else if(c == '"')
                in_string = false;
        }
        else if(c == '"')
            in_string = true;
        else if(c == '[' || c == '{')
        {
            if(++depth > allowed)
                return i;
        }
        else if(c == ']' || c == '}')
            --depth;
    }
    return doc.size();
}

void
expect_too_deep(gs::report const& r, std::size_t limit, bool from_text)
{
    BOOST_REQUIRE(r.size() == 1u);
    BOOST_TEST(r.found() == 1u);
    BOOST_TEST(r[0].code == gs::error::depth_exceeded);
    BOOST_TEST(r[0].pointer == "");
    BOOST_TEST(r[0].message == "nesting is deeper than the limit of " + std::to_string(limit));
    if(!from_text)
        BOOST_TEST((r[0].line == 0u && r[0].column == 0u));
}

// A body {"id":"abc","x":V} with V `depth` arrays deep, built without
// recursion; the monotonic resource frees it without recursion too.
boost::json::value
deep_dom(std::size_t depth, boost::json::storage_ptr sp)
{
    boost::json::value v(1, sp);
    for(std::size_t i = 0; i < depth; ++i)
    {
        boost::json::array a(sp);
        a.push_back(std::move(v));
        v = std::move(a);
    }
    boost::json::object body(sp);
    body["id"] = "abc";
    body["x"] = std::move(v);
    return body;
}

boost::json::parse_options
dom_parse_options()
{
    boost::json::parse_options po;
    po.max_depth = gs::max_depth_limit;
    return po;
}

} // namespace

BOOST_AUTO_TEST_CASE(a_hundred_thousand_levels_of_text)
{
    std::string const docs[] = {
        read_body_with(nested(hundred_thousand, "[", "1", "]")),
        read_body_with(nested(hundred_thousand, "{\"a\":", "1", "}")),
        read_body_with(nested(hundred_thousand, "[{\"k\":", "[]", "}]")),
        read_body_with(nested(hundred_thousand, "[", "", "")),   // never closed
        nested(hundred_thousand, "[", "", "]"),                   // the root itself
        nested(hundred_thousand, "{\"configuration\":", "{}", "}"),
    };
    for(auto const& doc : docs)
    {
        BOOST_TEST_CONTEXT(doc.substr(0, 40))
        {
            // 64 by default; 100,000 is lowered to max_depth_limit.
            for(std::size_t asked : {std::size_t(64), std::size_t(2), hundred_thousand})
            {
                auto o = hostile::read_options(doc.size());
                o.max_depth = asked;
                std::size_t const limit = asked < gs::max_depth_limit ? asked : gs::max_depth_limit;
                auto const v = gs::validate<graph::external_connection>(doc, o);
                expect_too_deep(v, limit, true);
                BOOST_TEST(v[0].line == 1u);
                BOOST_TEST(v[0].column == first_offset_too_deep(doc, limit) + 1);
                auto const d = gs::decode<graph::external_connection>(doc, o);
                BOOST_TEST((d.report() == v));
                auto const c = gs::validate<graph::configuration>(doc, o);
                BOOST_TEST((c == v));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(a_hundred_thousand_levels_of_dom)
{
    boost::json::monotonic_resource mr;
    boost::json::value const jv = deep_dom(hundred_thousand, &mr);
    for(std::size_t asked : {std::size_t(64), hundred_thousand})
    {
        auto o = hostile::read_options();
        o.max_depth = asked;
        std::size_t const limit = asked < gs::max_depth_limit ? asked : gs::max_depth_limit;
        auto const v = gs::validate<graph::external_connection>(jv, o);
        expect_too_deep(v, limit, false);
        auto const d = gs::decode<graph::external_connection>(jv, o);
        BOOST_TEST((d.report() == v));
    }
}

BOOST_AUTO_TEST_CASE(exactly_the_depth_limit_decodes_from_text)
{
    // The body's object is the first level.
    std::size_t const inner = gs::max_depth_limit - 1;
    std::string const values[] = {
        nested(inner, "[", "1", "]"),
        nested(inner, "{\"a\":", "1", "}"),
        nested(inner / 2, "[{\"k\":", "[]", "}]"),
    };
    for(auto const& value : values)
    {
        std::string const doc = read_body_with(value);
        BOOST_TEST_CONTEXT(doc.substr(0, 40))
        {
            auto o = hostile::read_options();
            o.max_depth = gs::max_depth_limit;
            auto const v = gs::validate<graph::external_connection>(doc, o);
            BOOST_TEST(v.ok(), test::summary(v));
            auto const d = gs::decode<graph::external_connection>(doc, o);
            BOOST_REQUIRE(d.ok());
            BOOST_TEST(d->unknown_properties.find("x")->json == value);
            // One level less is refused: the document is exactly at the limit.
            o.max_depth = gs::max_depth_limit - 1;
            expect_too_deep(gs::validate<graph::external_connection>(doc, o),
                gs::max_depth_limit - 1, true);
            // Its canonical form is as deep, and decodes as well.
            o.max_depth = gs::max_depth_limit;
            auto const again = gs::decode<graph::external_connection>(gs::encode(*d), o);
            BOOST_TEST(again.ok());
        }
    }
}

BOOST_AUTO_TEST_CASE(exactly_the_depth_limit_decodes_from_a_dom)
{
    std::size_t const inner = gs::max_depth_limit - 1;
    for(auto const& value : {nested(inner, "[", "1", "]"), nested(inner, "{\"a\":", "1", "}")})
    {
        std::string const doc = read_body_with(value);
        BOOST_TEST_CONTEXT(doc.substr(0, 40))
        {
            boost::json::monotonic_resource mr;
            boost::json::error_code ec;
            // Boost.JSON's own parser recurses as deep; it must survive too.
            boost::json::value const jv = boost::json::parse(doc, ec, &mr, dom_parse_options());
            BOOST_REQUIRE(!ec);
            auto o = hostile::read_options();
            o.max_depth = gs::max_depth_limit;
            auto const v = gs::validate<graph::external_connection>(jv, o);
            BOOST_TEST(v.ok(), test::summary(v));
            auto const d = gs::decode<graph::external_connection>(jv, o);
            BOOST_REQUIRE(d.ok());
            BOOST_TEST(d->unknown_properties.find("x")->json == value);
            o.max_depth = gs::max_depth_limit - 1;
            expect_too_deep(gs::validate<graph::external_connection>(jv, o),
                gs::max_depth_limit - 1, false);
        }
    }
    boost::json::monotonic_resource mr;
    auto const built = deep_dom(gs::max_depth_limit - 1, &mr);
    auto o = hostile::read_options();
    o.max_depth = gs::max_depth_limit;
    BOOST_TEST(gs::validate<graph::external_connection>(built, o).ok());
}
