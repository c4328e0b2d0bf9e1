//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_BENCH_SCHEMA_FILE_HPP
#define GRAPHSCHEMA_BENCH_SCHEMA_FILE_HPP

#include "checkers.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace bench {

// The JSON Schema the schema-driven peers use for an operation.
inline std::string
schema_path(paths const& where, graphschema::operation op)
{
    return where.source_dir + (op == graphschema::operation::create ? "/schema/create.json" : "/schema/read.json");
}

inline std::string
read_schema(paths const& where, graphschema::operation op)
{
    std::string const path = schema_path(where, op);
    std::ifstream in(path, std::ios::binary);
    if(!in)
        throw std::runtime_error("cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // bench

#endif
