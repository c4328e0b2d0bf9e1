//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_GRAPH_CONFIGURATION_HPP
#define GRAPHSCHEMA_GRAPH_CONFIGURATION_HPP

#include <graphschema/graph/operators.hpp>
#include <graphschema/model.hpp>
#include <graphschema/preserved.hpp>

#include <boost/describe/class.hpp>

#include <optional>
#include <string>
#include <vector>

namespace graphschema {
namespace graph {

/** `microsoft.graph.configuration`: which apps may use a connection.

    An OData open type: members it does not declare are dynamic properties,
    kept in `dynamic_properties` under every unknown-property policy.
*/
struct configuration
{
    /// `authorizedApps`: the name the seed's page (2019 beta) gives the app
    /// ids. The service later renamed it `authorizedAppIds` and for a while
    /// returned both; either may come, and both are kept as sent.
    std::optional<std::vector<std::string>> authorized_apps;

    /// `authorizedAppIds`: today's name of the same list, in v1.0 and beta.
    std::optional<std::vector<std::string>> authorized_app_ids;

    /// Dynamic properties and annotations, verbatim, in input order.
    preserved_members dynamic_properties;
};

// Clang's -Wpedantic in C++17 flags the empty base list that every
// BOOST_DESCRIBE_STRUCT without bases passes on; the code is valid.
#if defined(__clang__)
# pragma clang diagnostic push
# pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif
BOOST_DESCRIBE_STRUCT(configuration, (),
    (authorized_apps, authorized_app_ids, dynamic_properties))
#if defined(__clang__)
# pragma clang diagnostic pop
#endif

constexpr auto
graphschema_model(model_tag<configuration>) noexcept
{
    return model("microsoft.graph.configuration",
                 "microsoft.graph.externalConnectors.configuration")
        .written_in(api_version::v1_0, "microsoft.graph.externalConnectors.configuration")
        .open_type();
}

} // graph
} // graphschema

#endif
