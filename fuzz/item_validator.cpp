//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// Items against a registered schema (item_validator, made once): is_valid
// gives validate's verdict, decode's check agrees, and the item parsed as
// a DOM gives the same issues as its text.

#include "checks.hpp"

#include <cstdio>
#include <cstdlib>

extern "C" int
LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    auto const failure = fuzz_checks::check_item_validator(data, size);
    if(!failure.empty())
    {
        std::fprintf(stderr, "fuzz_item_validator: %s\n", failure.c_str());
        std::abort();
    }
    return 0;
}
