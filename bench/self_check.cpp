//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#include "self_check.hpp"

#include <graphschema/graphschema.hpp>

#include <cstdio>

namespace bench {

namespace {

namespace gs = graphschema;

// The bytes a mutation puts in: those that change what JSON means.
constexpr char significant[] = "{}[]\":,\\ 0-+.eEtfn@u\x80\xff";

std::uint64_t
next(std::uint64_t& state) noexcept
{
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::string
mutate(std::string_view doc, std::uint64_t& state)
{
    std::string s(doc);
    std::size_t const edits = 1 + next(state) % 3;
    for(std::size_t e = 0; e < edits && !s.empty(); ++e)
    {
        std::size_t const at = next(state) % s.size();
        char const c = significant[next(state) % (sizeof(significant) - 1)];
        switch(next(state) % 6)
        {
        case 0: s[at] = c; break;
        case 1: s.insert(at, 1, c); break;
        case 2: s.erase(at, 1 + next(state) % 8); break;
        case 3: s.resize(at); break;
        case 4:
        {
            // Repeat a run of the text: duplicate members, nested values.
            std::size_t const n = 1 + next(state) % 40;
            s.insert(at, s.substr(at, n));
            break;
        }
        default:
        {
            // A run of the same opening bracket: deep nesting.
            char const open = next(state) % 2 ? '[' : '{';
            s.insert(at, std::string(1 + next(state) % 80, open));
            break;
        }
        }
    }
    return s;
}

} // namespace

std::size_t
self_check(std::vector<document_set const*> const& sets, std::size_t mutations, std::uint64_t seed)
{
    static constexpr gs::operation operations[] = {gs::operation::create, gs::operation::update,
        gs::operation::read};
    static constexpr gs::unknown_policy policies[] = {gs::unknown_policy::preserve,
        gs::unknown_policy::ignore, gs::unknown_policy::reject};
    std::vector<std::string_view> seeds;
    for(auto const* set : sets)
        for(auto const& d : set->documents)
            seeds.push_back(d.text);
    if(seeds.empty())
        return 0;
    // Mutations draw a set first, so that a small set (the large bodies,
    // with their kept members) gets its share.
    auto draw = [&](std::uint64_t& st) {
        document_set const* set = sets[next(st) % sets.size()];
        return set->documents.empty() ? seeds[0] : set->documents[next(st) % set->size()].text;
    };
    std::uint64_t state = seed;
    std::size_t wrong = 0;
    using connection = gs::graph::external_connection;
    auto const& node = gs::detail::node_of<connection>::value;
    auto compare = [&](std::string_view doc, std::size_t round) {
        gs::decode_options o;
        o.operation = operations[round % 3];
        o.unknown = policies[(round / 3) % 3];
        o.max_depth = round % 7 == 0 ? 8 : 64;
        connection fast, full;
        auto const report = gs::decode(doc, full, o);
        bool const verdict = gs::detail::text_verdict<true>(node, &fast, doc, o);
        bool const same = gs::validate<connection>(doc, o) == report &&
            verdict == report.ok() && gs::is_valid<connection>(doc, o) == report.ok() &&
            (!verdict || fast == full);
        if(!same && ++wrong <= 3)
            std::fprintf(stderr, "graphschema-bench: FAILED: the fail-fast and full reporters disagree on %s\n",
                std::string(doc.substr(0, 300)).c_str());
    };
    for(std::size_t i = 0; i < seeds.size(); ++i)
        compare(seeds[i], i);
    for(std::size_t i = 0; i < mutations; ++i)
        compare(mutate(draw(state), state), i);
    return wrong;
}

} // bench
