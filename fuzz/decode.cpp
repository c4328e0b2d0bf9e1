//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// Decoding from text, with options chosen by the first input bytes: no crash,
// no leak, no exception out of the non-throwing API, a well-formed report.

#include "checks.hpp"

#include <cstdio>
#include <cstdlib>

extern "C" int
LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    auto const failure = fuzz_checks::check_decode(data, size);
    if(!failure.empty())
    {
        std::fprintf(stderr, "fuzz_decode: %s\n", failure.c_str());
        std::abort();
    }
    return 0;
}
