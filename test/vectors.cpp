//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE vectors
#include "test_support.hpp"

#include <boost/json/parse.hpp>

#include <string>

// Every line of ../shared/vectors/cases.jsonl and of test/vectors/*.jsonl
// (the project's own, one file a subject) through the library: the
// verdict, the exact error set, the canonical output where given; and
// round-trip stability on every valid one.

namespace gs = graphschema;
namespace graph = graphschema::graph;
using test::error_set;
using test::summary;

namespace {

// Both sets: the public vectors and the project's own (test/vectors/).
std::vector<test::vector_case>
all_vectors()
{
    auto v = test::load_vectors();
    for(auto& c : test::load_project_vectors())
        v.push_back(std::move(c));
    return v;
}

// Output names types as the case's API version does.
gs::encode_options
encoding_for(test::vector_case const& c)
{
    gs::encode_options o;
    o.version = c.options.version;
    return o;
}

struct outcome
{
    gs::report report;
    std::string emitted;
};

outcome
run(test::vector_case const& c)
{
    outcome o;
    bool const known = test::with_graph_model(c.type, [&](auto tag) {
        using T = typename decltype(tag)::type;
        auto r = gs::decode<T>(c.document, c.options);
        o.report = r.report();
        if(r.ok())
            o.emitted = gs::encode(*r, encoding_for(c));
    });
    BOOST_REQUIRE_MESSAGE(known, c.name << ": no model named " << c.type);
    return o;
}

void
check_round_trip(test::vector_case const& c)
{
    test::with_graph_model(c.type, [&](auto tag) {
        using T = typename decltype(tag)::type;
        auto const first = gs::decode<T>(c.document, c.options);
        BOOST_REQUIRE(first.ok());
        auto const text = gs::encode(*first, encoding_for(c));
        auto const second = gs::decode<T>(text, c.options);
        BOOST_TEST(second.ok(), c.name << ": " << summary(second.report()));
        BOOST_TEST((*second == *first), c.name);
        BOOST_TEST(gs::encode(*second, encoding_for(c)) == text, c.name);
    });
}

// The DOM path and the fail-fast verdict agree with the text's report.
void
check_paths_agree(test::vector_case const& c)
{
    test::with_graph_model(c.type, [&](auto tag) {
        using T = typename decltype(tag)::type;
        auto const text = gs::validate<T>(c.document, c.options);
        BOOST_TEST(gs::is_valid<T>(c.document, c.options) == text.ok(), c.name);
        boost::json::error_code ec;
        auto const jv = boost::json::parse(c.document, ec);
        if(ec)
            return; // the DOM cannot hold what does not parse
        if(text.contains(gs::error::duplicate_property))
            return; // an object holds one of each key: the DOM cannot show them
        auto const dom = gs::validate<T>(jv, c.options);
        BOOST_TEST((error_set(dom) == error_set(text)), c.name);
    });
}

} // namespace

BOOST_AUTO_TEST_CASE(there_are_vectors)
{
    BOOST_TEST(test::load_vectors().size() >= 40u);
    BOOST_TEST(test::load_project_vectors().size() >= 60u);
}

BOOST_AUTO_TEST_CASE(every_vector_passes)
{
    for(auto const& c : all_vectors())
    {
        BOOST_TEST_CONTEXT(c.name)
        {
            auto const o = run(c);
            BOOST_TEST(o.report.ok() == c.valid);
            BOOST_TEST((error_set(o.report) == c.errors), summary(o.report));
            if(c.has_emit)
                BOOST_TEST(o.emitted == c.emit);
            for(auto const& i : o.report)
            {
                BOOST_TEST(!i.message.empty());
                BOOST_TEST(i.line >= 1u);
                BOOST_TEST(i.column >= 1u);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(every_valid_vector_round_trips)
{
    std::size_t n = 0;
    for(auto const& c : all_vectors())
    {
        if(!c.valid)
            continue;
        ++n;
        check_round_trip(c);
    }
    BOOST_TEST(n >= 45u);
}

BOOST_AUTO_TEST_CASE(the_dom_and_the_verdict_agree_with_the_text)
{
    for(auto const& c : all_vectors())
        check_paths_agree(c);
}
