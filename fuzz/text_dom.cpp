//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// Decoding the text and decoding boost::json::parse of it agree on verdict,
// codes, pointers and messages, wherever the DOM can see the problem.

#include "checks.hpp"

#include <cstdio>
#include <cstdlib>

extern "C" int
LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    auto const failure = fuzz_checks::check_text_dom(data, size);
    if(!failure.empty())
    {
        std::fprintf(stderr, "fuzz_text_dom: %s\n", failure.c_str());
        std::abort();
    }
    return 0;
}
