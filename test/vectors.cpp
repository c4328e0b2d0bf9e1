//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE vectors
#include "test_support.hpp"

#include <boost/json/parse.hpp>

#include <string>

// Every line of ../shared/vectors/cases.jsonl through the library: the
// verdict, the exact error set, the canonical output where given; and
// round-trip stability on every valid one.

namespace gs = graphschema;
namespace graph = graphschema::graph;
using test::error_set;
using test::summary;

namespace {

struct outcome
{
    gs::report report;
    std::string emitted;
};

template<class T>
outcome
run(test::vector_case const& c)
{
    auto r = gs::decode<T>(c.document, c.options);
    outcome o{r.report(), {}};
    if(r.ok())
        o.emitted = gs::encode(*r);
    return o;
}

outcome
run(test::vector_case const& c)
{
    if(c.type == "externalConnection")
        return run<graph::external_connection>(c);
    BOOST_REQUIRE(c.type == "configuration");
    return run<graph::configuration>(c);
}

template<class T>
void
check_round_trip(test::vector_case const& c)
{
    auto const first = gs::decode<T>(c.document, c.options);
    BOOST_REQUIRE(first.ok());
    auto const text = gs::encode(*first);
    auto const second = gs::decode<T>(text, c.options);
    BOOST_TEST(second.ok(), c.name << ": " << summary(second.report()));
    BOOST_TEST((*second == *first), c.name);
    BOOST_TEST(gs::encode(*second) == text, c.name);
}

template<class T>
void
check_dom_agrees(test::vector_case const& c)
{
    boost::json::error_code ec;
    auto const jv = boost::json::parse(c.document, ec);
    if(ec)
        return; // the DOM cannot hold what does not parse
    auto const text = gs::validate<T>(c.document, c.options);
    if(text.contains(gs::error::duplicate_property))
        return; // an object holds one of each key: the DOM cannot show them
    auto const dom = gs::validate<T>(jv, c.options);
    BOOST_TEST((error_set(dom) == error_set(text)), c.name);
}

} // namespace

BOOST_AUTO_TEST_CASE(there_are_vectors)
{
    BOOST_TEST(test::load_vectors().size() >= 40u);
}

BOOST_AUTO_TEST_CASE(every_vector_passes)
{
    for(auto const& c : test::load_vectors())
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
    for(auto const& c : test::load_vectors())
    {
        if(!c.valid)
            continue;
        ++n;
        if(c.type == "externalConnection")
            check_round_trip<graph::external_connection>(c);
        else
            check_round_trip<graph::configuration>(c);
    }
    BOOST_TEST(n >= 15u);
}

BOOST_AUTO_TEST_CASE(decoding_the_dom_agrees_with_the_text)
{
    for(auto const& c : test::load_vectors())
    {
        if(c.type == "externalConnection")
            check_dom_agrees<graph::external_connection>(c);
        else
            check_dom_agrees<graph::configuration>(c);
    }
}
