//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// graphschema-instructions: one pass of one checker over one set of the
// benchmark's corpus, with only that pass counted by callgrind. Times on a
// shared machine are noisy; instruction counts are not (the same binary on
// the same bytes counts the same, whatever else runs). bench/instructions.sh
// runs it under `valgrind --tool=callgrind --collect-atstart=no` for each
// case and prints instructions per document beside the do-nothing parser's.
//
//   graphschema-instructions CHECKER SET [--corpus_seed=N]
//
// SET is small (valid create bodies), large (valid read bodies) or invalid
// (the stream's documents that have a flaw, every kind about as often).
// The pass is run once uncounted first, so that what is made once (tables,
// buffers) is not counted; then once counted. The number of valid
// documents is checked against the corpus, as in graphschema-bench.

#include "checkers.hpp"
#include "corpus.hpp"

#include <valgrind/callgrind.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#if !defined(__OPTIMIZE__) || !defined(NDEBUG)
# error "instruction counts must be taken with optimisation and NDEBUG"
#endif

namespace {

// Kept out of line, so that the counted region is exactly this call.
__attribute__((noinline)) std::size_t
counted_pass(bench::checker& c, bench::document_set const& set)
{
    CALLGRIND_TOGGLE_COLLECT;
    std::size_t const n = c.count_valid(set);
    CALLGRIND_TOGGLE_COLLECT;
    return n;
}

[[noreturn]] void
usage(char const* what)
{
    std::fprintf(stderr, "graphschema-instructions: %s\n"
        "usage: graphschema-instructions CHECKER small|current|large|invalid [--corpus_seed=N]\n", what);
    std::exit(2);
}

} // namespace

int
main(int argc, char** argv)
{
    if(argc < 3)
        usage("needs a checker and a set");
    std::string const name = argv[1];
    std::string const set_name = argv[2];
    std::uint64_t seed = 20260101;
    for(int i = 3; i < argc; ++i)
    {
        if(std::strncmp(argv[i], "--corpus_seed=", 14) == 0)
            seed = std::strtoull(argv[i] + 14, nullptr, 10);
        else
            usage("unknown argument");
    }

    // The benchmark's corpus, without the size sweep; the stream is long
    // enough to give a few thousand flawed documents.
    bench::corpus_scale scale;
    scale.stream = 20000;
    scale.sweep_max = 0;
    scale.sweep_bytes = 0;
    auto corpus = bench::make_corpus(seed, scale);

    bench::document_set invalid;
    invalid.name = "invalid";
    invalid.operation = corpus.stream.operation;
    for(auto const& d : corpus.stream.documents)
    {
        if(d.why == bench::flaw::none)
            continue;
        invalid.documents.push_back(d);
        invalid.bytes += d.text.size();
    }

    bench::document_set const* set = set_name == "small" ? &corpus.small
        : set_name == "current" ? &corpus.current
        : set_name == "large" ? &corpus.large
        : set_name == "invalid" ? &invalid : nullptr;
    if(!set)
        usage("the set is small, current, large or invalid");

    for(auto const& kind : bench::all_checkers())
    {
        if(name != kind.name)
            continue;
        auto c = kind.make(set->operation, bench::paths{});
        std::size_t const expected = set->valid_for(kind.seen);
        std::size_t const warm = c->count_valid(*set);
        std::size_t const counted = counted_pass(*c, *set);
        if(warm != expected || counted != expected)
        {
            std::fprintf(stderr, "graphschema-instructions: %s on %s counted %zu valid documents, the corpus has %zu\n",
                name.c_str(), set_name.c_str(), counted, expected);
            return 1;
        }
        std::printf("%s %s documents=%zu bytes=%zu valid=%zu\n", name.c_str(), set_name.c_str(),
            set->size(), set->bytes, counted);
        return 0;
    }
    usage("no such checker");
}
