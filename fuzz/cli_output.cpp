//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// The command-line validator's output path: one report line per document
// in JSON, the lines the issues give in text, one document per line under
// --emit, always valid UTF-8 with no control character (fuzz/cli_checks.hpp).

#include "cli_checks.hpp"

#include <cstdio>
#include <cstdlib>

extern "C" int
LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    auto const failure = fuzz_checks::check_cli_output(data, size);
    if(!failure.empty())
    {
        std::fprintf(stderr, "fuzz_cli_output: %s\n", failure.c_str());
        std::abort();
    }
    return 0;
}
