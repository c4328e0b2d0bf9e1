//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE validate
#include "test_support.hpp"

#include <filesystem>
#include <string>
#include <vector>

// validate() and decode() are one walker with the writes compiled out;
// this checks that they agree, on every vector and on documents that
// exercise each path of the walker under every option. The walker reports
// to a full reporter (every issue) or a fail-fast one (the verdict alone,
// is_valid): this checks that the two agree.

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

namespace {

std::vector<std::string>
documents_and_json_test_suite()
{
    auto docs = documents();
    for(auto const& e : std::filesystem::directory_iterator(test::shared_path("JSONTestSuite/test_parsing")))
        docs.push_back(test::read_file(e.path().string()));
    // Valid documents that take the walker through every kind of member.
    docs.insert(docs.end(), {
        R"({"id":"abc","name":"n","description":"d","configuration":{"authorizedApps":["a","b"],"authorizedAppIds":[]}})",
        R"({"@odata.type":"#microsoft.graph.externalConnection","id":"abc","name":"n","description":"","state":"ready",)"
        R"("configuration":{"@odata.type":"#microsoft.graph.configuration","x":[1,{"y":null}],"z":1e400},"u":-0,"v":"\u0041"})",
        R"({"id":"abc","name":"n","description":"d","configuration":{},"k@odata.type":"#Int64","k":1.0})",
    });
    return docs;
}

template<class T>
bool
reporters_agree(std::string const& doc, gs::decode_options const& o)
{
    auto const& node = gs::detail::node_of<T>::value;
    T fast, full;
    bool const verdict = gs::detail::text_verdict<true>(node, &fast, doc, o);
    auto const report = gs::decode(doc, full, o);
    // The fail-fast reporter's verdict is the full report's, building or
    // not; when valid, both build the same value, bytes included.
    return verdict == report.ok() &&
        gs::detail::text_verdict<false>(node, nullptr, doc, o) == report.ok() &&
        gs::is_valid<T>(doc, o) == report.ok() &&
        (!verdict || (fast == full && gs::encode(fast) == gs::encode(full))) &&
        gs::validate<T>(doc, o) == report;
}

} // namespace

BOOST_AUTO_TEST_CASE(the_two_reporters_agree)
{
    std::size_t compared = 0;
    for(auto const& doc : documents_and_json_test_suite())
        for(auto op : {gs::operation::create, gs::operation::update, gs::operation::read})
            for(auto p : {gs::unknown_policy::preserve, gs::unknown_policy::ignore, gs::unknown_policy::reject})
                for(std::size_t depth : {64, 3})
                {
                    gs::decode_options o;
                    o.operation = op;
                    o.unknown = p;
                    o.max_depth = depth;
                    BOOST_TEST(reporters_agree<graph::external_connection>(doc, o), doc);
                    BOOST_TEST(reporters_agree<graph::configuration>(doc, o), doc);
                    compared += 2;
                }
    BOOST_TEST(compared >= 10000u);
}
