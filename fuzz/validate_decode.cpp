//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// Validate-only and full decode give the same report, always; the cap on
// issues changes only how many are kept.

#include "checks.hpp"

#include <cstdio>
#include <cstdlib>

extern "C" int
LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    auto const failure = fuzz_checks::check_validate_decode(data, size);
    if(!failure.empty())
    {
        std::fprintf(stderr, "fuzz_validate_decode: %s\n", failure.c_str());
        std::abort();
    }
    return 0;
}
