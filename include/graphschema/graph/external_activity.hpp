//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_GRAPH_EXTERNAL_ACTIVITY_HPP
#define GRAPHSCHEMA_GRAPH_EXTERNAL_ACTIVITY_HPP

#include <graphschema/graph/enums.hpp>
#include <graphschema/graph/external_group.hpp>
#include <graphschema/graph/operators.hpp>
#include <graphschema/model.hpp>
#include <graphschema/nullable.hpp>
#include <graphschema/one_of.hpp>
#include <graphschema/open_enum.hpp>
#include <graphschema/preserved.hpp>

#include <boost/describe/class.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace graphschema {
namespace graph {

/** `externalActivity`: something done to an item, sent with the item's
    `addActivities` action.
*/
struct external_activity
{
    /// The entity's key (the docs' examples send none).
    std::optional<std::string> id;
    /// `startDateTime`: when, as an ISO 8601 date and time with a zone
    /// (the service keeps it in UTC).
    nullable<std::string> start_date_time;
    nullable<open_enum<external_activity_type>> type;
    /// `performedBy`: who.
    nullable<identity> performed_by;
    preserved_members additional_data;
};

/** `externalActivityResult`: derived from `externalActivity` (whose
    members it has); what `addActivities` answers for each activity.
*/
struct external_activity_result
{
    std::optional<std::string> id;
    /// `startDateTime`: an ISO 8601 date and time with a zone.
    nullable<std::string> start_date_time;
    nullable<open_enum<external_activity_type>> type;
    nullable<identity> performed_by;
    /// Set by the service: a `microsoft.graph.publicError`, kept as its
    /// JSON (`null` when the activity was taken).
    nullable<raw_json> error;
    preserved_members additional_data;
};

/// An activity, or an activity's result (selected by `@odata.type`).
using any_external_activity = one_of<external_activity, external_activity_result>;

/** The body of `POST .../items/{item-id}/addActivities` (an action's
    parameters, not an entity: its type name is the action's).
*/
struct add_activities
{
    /// At least one.
    std::optional<std::vector<any_external_activity>> activities;
    preserved_members additional_data;
};

#if defined(__clang__)
# pragma clang diagnostic push
# pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif
BOOST_DESCRIBE_STRUCT(external_activity, (),
    (id, start_date_time, type, performed_by, additional_data))
BOOST_DESCRIBE_STRUCT(external_activity_result, (),
    (id, start_date_time, type, performed_by, error, additional_data))
BOOST_DESCRIBE_STRUCT(add_activities, (), (activities, additional_data))
#if defined(__clang__)
# pragma clang diagnostic pop
#endif

constexpr auto
graphschema_model(model_tag<external_activity>) noexcept
{
    return model("microsoft.graph.externalConnectors.externalActivity")
        .member("start_date_time", required(operation::create), date_time_offset())
        .member("type", required(operation::create));
}

constexpr auto
graphschema_model(model_tag<external_activity_result>) noexcept
{
    return model("microsoft.graph.externalConnectors.externalActivityResult")
        .member("start_date_time", required(operation::create), date_time_offset())
        .member("type", required(operation::create))
        .member("error", read_only(operation::create, operation::update));
}

constexpr auto
graphschema_model(model_tag<add_activities>) noexcept
{
    return model("microsoft.graph.externalConnectors.addActivities")
        .member("activities", required(operation::create), items(1, static_cast<std::size_t>(-1)));
}

} // graph
} // graphschema

#endif
