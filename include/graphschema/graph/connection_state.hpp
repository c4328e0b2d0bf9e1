//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_GRAPH_CONNECTION_STATE_HPP
#define GRAPHSCHEMA_GRAPH_CONNECTION_STATE_HPP

#include <boost/describe/enum.hpp>

namespace graphschema {
namespace graph {

/** `microsoft.graph.connectionState`: where a connection is in its life.

    Computed by the service, so it is read-only in request bodies. The JSON
    names are the enumerators in lowerCamelCase (`limitExceeded`, ...).
*/
enum class connection_state
{
    draft,
    ready,
    obsolete,
    limit_exceeded,
    unknown_future_value
};

BOOST_DESCRIBE_ENUM(connection_state,
    draft, ready, obsolete, limit_exceeded, unknown_future_value)

} // graph
} // graphschema

#endif
