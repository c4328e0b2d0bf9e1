//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// The program every consumer project builds: if it compiles, links and
// exits 0, the library was found and works.

#include <graphschema/graphschema.hpp>

#include <iostream>

int
main()
{
    namespace gs = graphschema;
    auto const r = gs::decode<gs::graph::external_connection>(
        R"({"id":"contosohr","name":"Contoso HR","description":"","configuration":{}})");
    auto const bad = gs::validate<gs::graph::external_connection>(R"({"id":"x"})");
    bool const ok = r.ok() && bad.size() == 4 && bad[0].code == gs::error::constraint_violation &&
        gs::encode(*r) ==
            R"({"@odata.type":"#microsoft.graph.externalConnection","id":"contosohr",)"
            R"("name":"Contoso HR","description":"","configuration":)"
            R"({"@odata.type":"#microsoft.graph.configuration"}})";
    std::cout << (ok ? "graphschema works\n" : "graphschema does not work\n");
    return ok ? 0 : 1;
}
