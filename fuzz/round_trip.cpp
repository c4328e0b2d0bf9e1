//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// A valid document decodes, encodes and decodes to an equal value, and
// encodes again to the same bytes.

#include "checks.hpp"

#include <cstdio>
#include <cstdlib>

extern "C" int
LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    auto const failure = fuzz_checks::check_round_trip(data, size);
    if(!failure.empty())
    {
        std::fprintf(stderr, "fuzz_round_trip: %s\n", failure.c_str());
        std::abort();
    }
    return 0;
}
