//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_GRAPH_EXTERNAL_GROUP_HPP
#define GRAPHSCHEMA_GRAPH_EXTERNAL_GROUP_HPP

#include <graphschema/graph/enums.hpp>
#include <graphschema/graph/operators.hpp>
#include <graphschema/model.hpp>
#include <graphschema/nullable.hpp>
#include <graphschema/open_enum.hpp>
#include <graphschema/preserved.hpp>

#include <boost/describe/class.hpp>

#include <optional>
#include <string>
#include <vector>

namespace graphschema {
namespace graph {

/** `identity` (namespace `microsoft.graph.externalConnectors`, not the
    unrelated `microsoft.graph.identity`): a member of an external group,
    or who performed an activity; the body of
    `POST .../groups/{id}/members`.
*/
struct identity
{
    /// The Entra object id, or the external group's id.
    std::optional<std::string> id;
    nullable<open_enum<identity_type>> type;
    preserved_members additional_data;
};

/** `externalGroup`: a group of a connection's own identity system; the
    body of `POST /external/connections/{id}/groups`.

    `id` is required in `create` (and in a response) and is the key, so an
    update must not send it.
*/
struct external_group
{
    /// 1 to 128 ASCII letters or digits.
    std::optional<std::string> id;
    /// `displayName`.
    nullable<std::string> display_name;
    nullable<std::string> description;
    /// Read-only navigation property, kept as its JSON.
    std::optional<std::vector<raw_json>> members;
    /// Unknown properties (under `unknown_policy::preserve`) and
    /// annotations, verbatim, in input order.
    preserved_members unknown_properties;
};

#if defined(__clang__)
# pragma clang diagnostic push
# pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif
BOOST_DESCRIBE_STRUCT(identity, (), (id, type, additional_data))
BOOST_DESCRIBE_STRUCT(external_group, (),
    (id, display_name, description, members, unknown_properties))
#if defined(__clang__)
# pragma clang diagnostic pop
#endif

constexpr auto
graphschema_model(model_tag<identity>) noexcept
{
    return model("microsoft.graph.externalConnectors.identity")
        .member("id", required(operation::create))
        .member("type", required(operation::create));
}

constexpr auto
graphschema_model(model_tag<external_group>) noexcept
{
    return model("microsoft.graph.externalConnectors.externalGroup", "microsoft.graph.externalGroup")
        .member("id",
            required(operation::create, operation::read),
            read_only(operation::update),
            length(1, 128),
            allowed_chars("A-Za-z0-9"))
        .member("members", read_only(operation::create, operation::update));
}

} // graph
} // graphschema

#endif
