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

/*  Validation from text first tries a quick pass that only proves a
    document valid, and leaves every other document to the handler that
    decoding uses. This compares the two reports, which must be equal, on
    the corpus and on `mutations` seeded mutations of it (bytes changed,
    inserted, removed, runs repeated, deep nesting), under every operation
    and unknown-property policy. Returns the number of disagreements.
*/
std::size_t self_check(std::vector<document_set const*> const& sets, std::size_t mutations,
    std::uint64_t seed);

} // bench

#endif
