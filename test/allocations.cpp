//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE allocations
#include "test_support.hpp"

#include <cstdlib>
#include <new>
#include <string>

// Counts heap allocations with a replaced global operator new: the
// validator must make none for an ordinary document, and the decoder only
// those the decoded strings and vectors own. Counts, not times.

namespace {

std::size_t allocations = 0;

struct counting
{
    counting() { allocations = 0; }
    std::size_t count() const { return allocations; }
};

} // namespace

// Not inlined: g++ would see free() given what operator new returned, and
// warn (-Wmismatched-new-delete) though the pair is malloc and free.
[[gnu::noinline]] void*
operator new(std::size_t n)
{
    ++allocations;
    if(void* p = std::malloc(n ? n : 1))
        return p;
    throw std::bad_alloc();
}

[[gnu::noinline]] void operator delete(void* p) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace gs = graphschema;
namespace graph = graphschema::graph;

namespace {

// The seed's request body with an id, as a server receives it.
char const* const seed =
    R"({"@odata.type": "#microsoft.graph.externalConnection", "id": "contosohr", "name": "Name value",)"
    R"( "description": "Description value", "configuration": {"@odata.type": "microsoft.graph.configuration",)"
    R"( "authorizedApps": ["Authorized Apps value"]}})";

std::size_t
allocations_of_copy(graph::external_connection const& c)
{
    counting n;
    graph::external_connection copy(c);
    return n.count();
}

} // namespace

BOOST_AUTO_TEST_CASE(validate_allocates_nothing_for_ordinary_documents)
{
    char const* const docs[] = {seed, test::valid_create,
        R"({"id":"contosohr","name":"Contoso HR","description":"Connection to index Contoso HR system",)"
        R"("configuration":{"authorizedApps":["d310d35d-72ec-47dd-92f2-fb9c40936555"],"t":{"a":[1,2,{"b":null}]}},)"
        R"("@odata.context":"https://graph.microsoft.com/beta/$metadata#connections/$entity","x":1e400,"n\u0061me@odata.type":"#String"})"};
    for(auto doc : docs)
    {
        std::size_t n;
        {
            counting c;
            auto const r = gs::validate<graph::external_connection>(doc);
            n = c.count();
            BOOST_TEST(r.ok());
        }
        BOOST_TEST(n == 0u, doc);
    }
}

BOOST_AUTO_TEST_CASE(decode_allocates_only_what_the_value_owns)
{
    graph::external_connection c;
    std::size_t n;
    {
        counting count;
        auto const r = gs::decode(seed, c);
        n = count.count();
        BOOST_TEST(r.ok());
    }
    // "Description value" and "Authorized Apps value" outgrow the small-string
    // buffer, and the vector holds one element: three allocations, exactly
    // what a copy of the value makes.
    BOOST_TEST(n == 3u);
    BOOST_TEST(n == allocations_of_copy(c));
}

BOOST_AUTO_TEST_CASE(decoding_into_a_reused_value_costs_the_same)
{
    graph::external_connection c;
    BOOST_TEST(gs::decode(seed, c).ok());
    std::size_t n;
    {
        counting count;
        BOOST_TEST(gs::decode(seed, c).ok());
        n = count.count();
    }
    BOOST_TEST(n == 3u);
}
