//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// Boost.JSON without its library: its sources, compiled into this one
// file, so that the program links nothing of Boost.

#include <boost/json/src.hpp>

#include <graphschema/graphschema.hpp>

int
main()
{
    namespace gs = graphschema;
    auto const r = gs::validate<gs::graph::external_connection>(
        R"({"id":"contosohr","name":"Contoso HR","description":"","configuration":{}})");
    return r.ok() ? 0 : 1;
}
