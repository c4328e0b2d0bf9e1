//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_GRAPH_CONNECTION_QUOTA_HPP
#define GRAPHSCHEMA_GRAPH_CONNECTION_QUOTA_HPP

#include <graphschema/graph/operators.hpp>
#include <graphschema/model.hpp>
#include <graphschema/nullable.hpp>
#include <graphschema/preserved.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace graphschema {
namespace graph {

/** `connectionQuota` (beta): what a connection may still ingest, as the
    service computes it.
*/
struct connection_quota
{
    std::optional<std::string> id;
    /// `itemsRemaining`.
    nullable<std::int64_t> items_remaining;
    preserved_members additional_data;
};

#if defined(__clang__)
# pragma clang diagnostic push
# pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif
BOOST_DESCRIBE_STRUCT(connection_quota, (), (id, items_remaining, additional_data))
#if defined(__clang__)
# pragma clang diagnostic pop
#endif

constexpr auto
graphschema_model(model_tag<connection_quota>) noexcept
{
    return model("microsoft.graph.externalConnectors.connectionQuota");
}

} // graph
} // graphschema

#endif
