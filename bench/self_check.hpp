//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_BENCH_SELF_CHECK_HPP
#define GRAPHSCHEMA_BENCH_SELF_CHECK_HPP

#include "corpus.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace bench {

/*  Validating and decoding from text first try a quick pass that only
    takes valid documents, and leave every other one to the handler
    (impl/decode.hpp). This compares the two paths, which must give equal
    reports and equal values, on the corpus and on `mutations` seeded
    mutations of it (bytes changed, inserted, removed, runs repeated, deep
    nesting), under every operation and unknown-property policy. Returns
    the number of disagreements.
*/
std::size_t self_check(std::vector<document_set const*> const& sets, std::size_t mutations,
    std::uint64_t seed);

} // bench

#endif
