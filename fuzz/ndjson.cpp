//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// The NDJSON splitter: any chunking of a stream gives the same lines, in
// memory bounded by the line limit, oversized lines reported with their size.

#include "checks.hpp"

#include <cstdio>
#include <cstdlib>

extern "C" int
LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    auto const failure = fuzz_checks::check_ndjson(data, size);
    if(!failure.empty())
    {
        std::fprintf(stderr, "fuzz_ndjson: %s\n", failure.c_str());
        std::abort();
    }
    return 0;
}
