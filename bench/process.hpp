//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_BENCH_PROCESS_HPP
#define GRAPHSCHEMA_BENCH_PROCESS_HPP

#include <cstddef>
#include <string>
#include <vector>

namespace bench {

struct process_result
{
    bool started = false;
    int status = -1;           // the exit status, or -1 when it did not exit
    std::size_t lines = 0;     // lines written to standard output
    std::size_t valid = 0;     // valid documents: JSON lines with "valid":true, or a summary's count
    std::string head;          // the first bytes of the output, for messages
};

// Runs `argv` to completion, reading its standard output through a pipe
// (counted, not kept); its standard error is the benchmark's.
process_result run_process(std::vector<std::string> const& argv);

} // bench

#endif
