//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// The engine compiled once: the library the build makes when separate
// compilation is chosen (CMake: GRAPHSCHEMA_SEPARATE_COMPILATION=ON;
// meson: -Dseparate_compilation=true). A program that does not use these
// build files does the same with this one line in one of its own files.
#include <graphschema/src.hpp>
