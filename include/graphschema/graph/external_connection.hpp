//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_GRAPH_EXTERNAL_CONNECTION_HPP
#define GRAPHSCHEMA_GRAPH_EXTERNAL_CONNECTION_HPP

#include <graphschema/graph/activity_settings.hpp>
#include <graphschema/graph/configuration.hpp>
#include <graphschema/graph/connection_quota.hpp>
#include <graphschema/graph/connection_state.hpp>
#include <graphschema/graph/enums.hpp>
#include <graphschema/graph/external_group.hpp>
#include <graphschema/graph/external_item.hpp>
#include <graphschema/graph/schema.hpp>
#include <graphschema/graph/operators.hpp>
#include <graphschema/graph/search_settings.hpp>
#include <graphschema/model.hpp>
#include <graphschema/nullable.hpp>
#include <graphschema/open_enum.hpp>
#include <graphschema/preserved.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace graphschema {
namespace graph {

/** `externalConnection`: a Graph connector connection, as v1.0 and beta
    have it today.

    What is required depends on the operation and the version: `create`
    needs `id` and `name`, and in `beta` also `description` and
    `configuration` (the seed's table); `update` needs nothing and must not
    send `id`; `read` needs `id`. What the service computes (`state`,
    `ingestedItemsCount`, `quota`) and the navigation properties are
    read-only in requests. A member that is not required may be sent as
    `null` (in an update: "clear it"), which `nullable` keeps apart from
    absent; a collection is never `null`. Members marked beta are, for
    v1.0, members the model does not declare.
*/
struct external_connection
{
    /// The key: 3 to 32 ASCII letters or digits, not beginning with
    /// `Microsoft`, not a reserved value.
    std::optional<std::string> id;

    /// 1 to 128 characters.
    nullable<std::string> name;

    /// May be empty.
    nullable<std::string> description;

    /// The apps allowed to use the connection.
    nullable<graph::configuration> configuration;

    /// Read-only: computed by the service.
    nullable<open_enum<connection_state>> state;

    nullable<graph::activity_settings> activity_settings;

    nullable<graph::search_settings> search_settings;

    /// `connectorId`: the Teams app id.
    nullable<std::string> connector_id;

    nullable<open_enum<graph::content_category>> content_category;

    /// Beta.
    nullable<graph::compliance_settings> compliance_settings;

    /// Beta: a flags enum, `"search, compliance"`.
    nullable<flags<content_experience_type>> enabled_content_experiences;

    /// Beta; read-only: computed by the service (null while in draft).
    nullable<std::int64_t> ingested_items_count;

    /// Beta; read-only navigation property.
    nullable<connection_quota> quota;

    /// Read-only navigation properties: on read, the connection's
    /// registered schema, items and external groups, each of its model;
    /// its operations kept as their JSON.
    nullable<graph::schema> schema;
    std::optional<std::vector<external_item>> items;
    std::optional<std::vector<raw_json>> operations;
    std::optional<std::vector<external_group>> groups;

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
    (id, name, description, configuration, state, activity_settings, search_settings,
     connector_id, content_category, compliance_settings, enabled_content_experiences,
     ingested_items_count, quota, schema, items, operations, groups, unknown_properties))
#if defined(__clang__)
# pragma clang diagnostic pop
#endif

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
        .written_in(api_version::v1_0, "microsoft.graph.externalConnectors.externalConnection")
        .member("id",
            required(operation::create, operation::read),
            read_only(operation::update),
            length(3, 32),
            allowed_chars("A-Za-z0-9"),
            forbidden_prefix("Microsoft"),
            reserved_words(reserved_connection_ids))
        .member("name", required(operation::create), length(1, 128))
        .member("description", required_in(api_version::beta, operation::create))
        .member("configuration", required_in(api_version::beta, operation::create))
        .member("state", read_only(operation::create, operation::update))
        .member("compliance_settings", only_in(api_version::beta))
        .member("enabled_content_experiences", only_in(api_version::beta))
        .member("ingested_items_count", only_in(api_version::beta), read_only(operation::create, operation::update))
        .member("quota", only_in(api_version::beta), read_only(operation::create, operation::update))
        .member("schema", read_only(operation::create, operation::update))
        .member("items", read_only(operation::create, operation::update))
        .member("operations", read_only(operation::create, operation::update))
        .member("groups", read_only(operation::create, operation::update));
}

} // graph
} // graphschema

#endif
