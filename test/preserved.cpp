//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE preserved
#include <graphschema/preserved.hpp>

#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace gs = graphschema;

BOOST_AUTO_TEST_CASE(members_keep_their_order_and_text)
{
    gs::preserved_members p;
    BOOST_TEST(p.empty());
    BOOST_TEST(!p.insert_raw("big", "123456789012345678901234567890"));
    BOOST_TEST(!p.insert_raw("x", " [1, 2] "));
    BOOST_TEST(!p.insert("a", boost::json::parse(R"({"k":true})")));
    BOOST_TEST(p.size() == 3u);
    BOOST_TEST(p[0].key == "big");
    BOOST_TEST(p[0].json == "123456789012345678901234567890");
    BOOST_TEST(p[1].json == "[1,2]"); // whitespace is not part of the value
    BOOST_TEST(p[2].json == R"({"k":true})");
    std::vector<std::string> keys;
    for(auto m : p)
        keys.emplace_back(m.key);
    BOOST_TEST((keys == std::vector<std::string>{"big", "x", "a"}));
    BOOST_TEST((p.end() - p.begin()) == 3);
}

BOOST_AUTO_TEST_CASE(invalid_json_and_duplicates_are_refused)
{
    gs::preserved_members p;
    BOOST_TEST((p.insert_raw("a", "{") == gs::error::syntax_error));
    BOOST_TEST((p.insert_raw("a", "1 2") == gs::error::syntax_error));
    BOOST_TEST((p.insert_raw("a", "") == gs::error::syntax_error));
    BOOST_TEST(p.empty());
    BOOST_TEST(!p.insert_raw("a", "1"));
    BOOST_TEST((p.insert_raw("a", "2") == gs::error::duplicate_property));
    BOOST_TEST((p.insert("a", boost::json::value(2)) == gs::error::duplicate_property));
    BOOST_TEST(p.size() == 1u);
    BOOST_TEST(p[0].json == "1");
}

BOOST_AUTO_TEST_CASE(find_erase_clear)
{
    gs::preserved_members p;
    BOOST_TEST(!p.insert_raw("a", "1"));
    BOOST_TEST(!p.insert("b", "two"));
    BOOST_TEST(p.find("b")->json == "\"two\"");
    BOOST_TEST(!p.find("c").has_value());
    BOOST_TEST(p.erase("a"));
    BOOST_TEST(!p.erase("a"));
    BOOST_TEST(p.size() == 1u);
    BOOST_TEST(p[0].key == "b");
    BOOST_TEST(!p.insert_raw("a", "3"));
    BOOST_TEST(p[1].key == "a");
    p.clear();
    BOOST_TEST(p.empty());
}

BOOST_AUTO_TEST_CASE(equality_is_ordered)
{
    gs::preserved_members a, b;
    BOOST_TEST(!a.insert_raw("x", "1"));
    BOOST_TEST(!a.insert_raw("y", "2"));
    BOOST_TEST(!b.insert_raw("y", "2"));
    BOOST_TEST(!b.insert_raw("x", "1"));
    BOOST_TEST((a != b));
    gs::preserved_members c = a;
    BOOST_TEST((a == c));
}

BOOST_AUTO_TEST_CASE(raw_json_holds_one_value)
{
    gs::raw_json r;
    BOOST_TEST(r.text() == "null");
    BOOST_TEST(!r.assign(R"({"type":"AdaptiveCard"})"));
    BOOST_TEST(r.text() == R"({"type":"AdaptiveCard"})");
    BOOST_TEST((r.assign("{nope") == gs::error::syntax_error));
    BOOST_TEST(r.text() == R"({"type":"AdaptiveCard"})");
    BOOST_TEST(r.to_value().as_object().at("type").as_string() == "AdaptiveCard");
    BOOST_TEST((gs::raw_json(boost::json::value(1.5)) == gs::raw_json(boost::json::parse("1.5"))));
}

BOOST_AUTO_TEST_CASE(inserted_text_keeps_its_tokens_on_one_line)
{
    gs::preserved_members p;
    BOOST_TEST(!p.insert_raw("a", "\r\n{ \"k k\" :\n[ 1e400,\t\"x\\\"\\n y\" ] }\n"));
    BOOST_TEST(p[0].json == R"({"k k":[1e400,"x\"\n y"]})");
    gs::raw_json r;
    BOOST_TEST(!r.assign(" [\n  -0 ,\r\n\t\"\\u0041 \" ] "));
    BOOST_TEST(r.text() == R"([-0,"\u0041 "])");
    // A long text with no whitespace is copied as it is.
    std::string const plain = "[" + std::string(1000, '1') + "]";
    BOOST_TEST(!r.assign(plain));
    BOOST_TEST(r.text() == plain);
}

BOOST_AUTO_TEST_CASE(very_deep_json_is_refused_not_crashed)
{
    std::string deep(200000, '[');
    deep += std::string(200000, ']');
    gs::preserved_members p;
    BOOST_TEST((p.insert_raw("deep", deep) == gs::error::syntax_error));
}
