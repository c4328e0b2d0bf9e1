//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_GRAPHSCHEMA_HPP
#define GRAPHSCHEMA_GRAPHSCHEMA_HPP

// Everything: the engine and the Graph models.

#include <graphschema/decode.hpp>
#include <graphschema/dynamic.hpp>
#include <graphschema/encode.hpp>
#include <graphschema/error.hpp>
#include <graphschema/model.hpp>
#include <graphschema/nullable.hpp>
#include <graphschema/one_of.hpp>
#include <graphschema/open_enum.hpp>
#include <graphschema/options.hpp>
#include <graphschema/preserved.hpp>
#include <graphschema/report.hpp>
#include <graphschema/schema.hpp>
#include <graphschema/validate.hpp>

#include <graphschema/graph/activity_settings.hpp>
#include <graphschema/graph/configuration.hpp>
#include <graphschema/graph/connection_quota.hpp>
#include <graphschema/graph/connection_state.hpp>
#include <graphschema/graph/enums.hpp>
#include <graphschema/graph/external_activity.hpp>
#include <graphschema/graph/external_connection.hpp>
#include <graphschema/graph/external_group.hpp>
#include <graphschema/graph/external_item.hpp>
#include <graphschema/graph/operators.hpp>
#include <graphschema/graph/schema.hpp>
#include <graphschema/graph/search_settings.hpp>

#endif
