//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_GRAPH_EXTERNAL_CONNECTION_HPP
#define GRAPHSCHEMA_GRAPH_EXTERNAL_CONNECTION_HPP

#include <graphschema/model.hpp>
#include <graphschema/preserved.hpp>
#include <graphschema/graph/configuration.hpp>
#include <graphschema/graph/connection_state.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/operators.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace graphschema {
namespace graph {

/** `microsoft.graph.externalConnection`: a Graph connector connection.

    Every member is optional in C++ because what is required depends on the
    operation (RULES.md): `create` needs `id`, `name`, `description` and
    `configuration`; `update` needs nothing and must not send `id`; `read`
    needs `id`. `state` is computed by the service.
*/
struct external_connection
{
    /// The key: 3 to 32 ASCII letters or digits, not beginning with
    /// `Microsoft`, not a reserved value.
    std::optional<std::string> id;

    /// 1 to 128 characters.
    std::optional<std::string> name;

    /// May be empty.
    std::optional<std::string> description;

    std::optional<graph::configuration> configuration;

    /// Read-only: computed by the service.
    std::optional<connection_state> state;

    /// Unknown properties (under `unknown_policy::preserve`) and
    /// annotations, verbatim, in input order.
    preserved_members unknown_properties;
};

// Clang's -Wpedantic in C++17 flags the empty base list that every
// BOOST_DESCRIBE_STRUCT without bases passes on; the code is valid.
#if defined(__clang__)
# pragma clang diagnostic push
# pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif
BOOST_DESCRIBE_STRUCT(external_connection, (),
    (id, name, description, configuration, state, unknown_properties))
#if defined(__clang__)
# pragma clang diagnostic pop
#endif

// == and != compare every described member: Boost.Describe's operators,
// opted into for the models of this namespace.
using boost::describe::operators::operator==;
using boost::describe::operators::operator!=;

/// Connection ids the service keeps for itself (compared exactly).
inline constexpr std::string_view reserved_connection_ids[] = {
    "None", "Directory", "Exchange", "ExchangeArchive", "LinkedIn",
    "Mailbox", "OneDriveBusiness", "SharePoint", "Teams", "Yammer",
    "Connectors", "TaskFabric", "PowerBI", "Assistant", "TopicEngine",
    "MSFT_All_Connectors"};

constexpr auto
graphschema_model(model_tag<external_connection>) noexcept
{
    return model("microsoft.graph.externalConnection",
                 "microsoft.graph.externalConnectors.externalConnection")
        .member("id",
            required(operation::create, operation::read),
            read_only(operation::update),
            length(3, 32),
            allowed_chars("A-Za-z0-9"),
            forbidden_prefix("Microsoft"),
            reserved_words(reserved_connection_ids))
        .member("name", required(operation::create), length(1, 128))
        .member("description", required(operation::create))
        .member("configuration", required(operation::create))
        .member("state", read_only(operation::create, operation::update));
}

} // graph
} // graphschema

#endif
