//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE validate
#include "test_support.hpp"

#include <string>
#include <vector>

// validate() and decode() are one handler with the writes compiled out;
// this checks that they agree, on every vector and on documents that
// exercise each path of the handler under every option.

namespace gs = graphschema;
namespace graph = graphschema::graph;

namespace {

std::vector<std::string>
documents()
{
    std::vector<std::string> docs;
    for(auto const& v : test::load_vectors())
        docs.push_back(v.document);
    docs.insert(docs.end(), {
        "{}", "[]", "null", "", "{", R"({"id":1})",
        R"({"id":"abc","x":{"a":[1,{"b":2,"b":3}]},"x":1,"@a":null,"name@odata.type":"#String"})",
        R"({"configuration":{"authorizedApps":[null,1,"x",[]],"t":{"q":"\u0041"},"t":2},"state":"nope"})",
        R"({"i\u0064":"Micro\u0073oftX","name":"\ud83d\ude00","description":"d","configuration":{"@odata.type":7}})",
        R"({"@odata.type":"#microsoft.graph.user","@odata.type":"x","state":null,"state":"draft"})",
        "{\"id\":\"abc\",\n\"name\":\n\t5}",
    });
    return docs;
}

} // namespace

BOOST_AUTO_TEST_CASE(validate_and_decode_give_the_same_report)
{
    std::size_t compared = 0;
    for(auto const& doc : documents())
    {
        for(auto op : {gs::operation::create, gs::operation::update, gs::operation::read})
        {
            for(auto p : {gs::unknown_policy::preserve, gs::unknown_policy::ignore, gs::unknown_policy::reject})
            {
                gs::decode_options o;
                o.operation = op;
                o.unknown = p;
                auto const a = gs::validate<graph::external_connection>(doc, o);
                auto const b = gs::decode<graph::external_connection>(doc, o).report();
                BOOST_TEST((a == b), doc);
                auto const c = gs::validate<graph::configuration>(doc, o);
                auto const d = gs::decode<graph::configuration>(doc, o).report();
                BOOST_TEST((c == d), doc);
                compared += 2;
            }
        }
    }
    BOOST_TEST(compared >= 400u);
}

BOOST_AUTO_TEST_CASE(a_capped_report_agrees_too)
{
    gs::decode_options o;
    o.max_issues = 2;
    auto const doc = R"({"id":1,"name":2,"description":3,"configuration":4})";
    auto const a = gs::validate<graph::external_connection>(doc, o);
    BOOST_TEST((a == gs::decode<graph::external_connection>(doc, o).report()));
    BOOST_TEST(a.size() == 2u);
    BOOST_TEST(a.found() == 4u);
}
