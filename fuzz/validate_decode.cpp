//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// Validate-only and full decode give the same report, always; the
// fail-fast reporter (is_valid) gives the same verdict and, when valid,
// builds the same value; the limits on the report (max_issues, the
// pointers' max_bytes budget) change only how many issues are kept.

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
