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

/*  The walker reports to a full reporter (validate, decode: every issue)
    or to a fail-fast one (is_valid: the verdict, stopping at the first
    issue). This compares the two, which must give the same verdict, and
    when valid, equal values, on the corpus and on `mutations` seeded
    mutations of it (bytes changed, inserted, removed, runs repeated, deep
    nesting), under every operation and unknown-property policy; and
    validate with decode. Returns the number of disagreements.
*/
std::size_t self_check(std::vector<document_set const*> const& sets, std::size_t mutations,
    std::uint64_t seed);

} // bench

#endif
