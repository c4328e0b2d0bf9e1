//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_SRC_HPP
#define GRAPHSCHEMA_SRC_HPP

/*  The engine's code, for separate compilation: include this header in
    exactly one translation unit of a program built with
    GRAPHSCHEMA_SEPARATE_COMPILATION defined everywhere (see config.hpp).
*/

#ifndef GRAPHSCHEMA_SEPARATE_COMPILATION
# error "<graphschema/src.hpp> is for separate compilation: define GRAPHSCHEMA_SEPARATE_COMPILATION in every translation unit"
#endif

#include <graphschema/impl/engine.ipp>

#endif
