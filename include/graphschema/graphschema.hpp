//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_GRAPHSCHEMA_HPP
#define GRAPHSCHEMA_GRAPHSCHEMA_HPP

// Everything: the engine and the Graph models.

#include <graphschema/decode.hpp>
#include <graphschema/encode.hpp>
#include <graphschema/error.hpp>
#include <graphschema/model.hpp>
#include <graphschema/options.hpp>
#include <graphschema/preserved.hpp>
#include <graphschema/report.hpp>
#include <graphschema/schema.hpp>
#include <graphschema/validate.hpp>

#include <graphschema/graph/configuration.hpp>
#include <graphschema/graph/connection_state.hpp>
#include <graphschema/graph/external_connection.hpp>

#endif
