//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_GRAPH_EXTERNAL_ITEM_HPP
#define GRAPHSCHEMA_GRAPH_EXTERNAL_ITEM_HPP

#include <graphschema/graph/enums.hpp>
#include <graphschema/graph/operators.hpp>
#include <graphschema/model.hpp>
#include <graphschema/nullable.hpp>
#include <graphschema/open_enum.hpp>
#include <graphschema/preserved.hpp>

#include <boost/describe/class.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace graphschema {
namespace graph {

/** `acl`: one access control entry of an item.

    `type`, `value` and `accessType` are required in requests; beta's
    legacy `identitySource` is, for v1.0, a member the model does not
    declare.
*/
struct acl
{
    nullable<open_enum<acl_type>> type;
    /// The id of the user, group, tenant or external group.
    nullable<std::string> value;
    /// `accessType`.
    nullable<open_enum<graph::access_type>> access_type;
    /// Beta: `identitySource`.
    nullable<open_enum<identity_source_type>> identity_source;
    preserved_members additional_data;
};

/** `externalItemContent`: the text of an item, full-text indexed.
*/
struct external_item_content
{
    nullable<open_enum<external_item_content_type>> type;
    nullable<std::string> value;
    preserved_members additional_data;
};

/** `externalItemInformationProtectionLabel`: the Purview sensitivity
    label of an item.
*/
struct external_item_information_protection_label
{
    /// `sensitivityLabelId`: the label's GUID.
    nullable<std::string> sensitivity_label_id;
    preserved_members additional_data;
};

/** `properties`: an OData open type with no declared members. Every
    member is a dynamic property, one per property of the connection's
    schema (with its `name@odata.type` annotations), kept verbatim in
    input order under every unknown-property policy.
*/
struct properties
{
    preserved_members dynamic_properties;
};

/** `externalItem`: an item of a connection; the body of
    `PUT /external/connections/{id}/items/{item-id}`.

    `acl` (at least one entry) and `properties` are required in `create`;
    `id` is not, since the URL carries it.
*/
struct external_item
{
    /// 1 to 128 ASCII letters or digits.
    std::optional<std::string> id;
    /// At least one entry.
    std::optional<std::vector<graph::acl>> acl;
    nullable<graph::properties> properties;
    nullable<external_item_content> content;
    /// `informationProtectionLabel`.
    nullable<external_item_information_protection_label> information_protection_label;
    /// Unknown properties (under `unknown_policy::preserve`) and
    /// annotations, verbatim, in input order.
    preserved_members unknown_properties;
};

#if defined(__clang__)
# pragma clang diagnostic push
# pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif
BOOST_DESCRIBE_STRUCT(acl, (), (type, value, access_type, identity_source, additional_data))
BOOST_DESCRIBE_STRUCT(external_item_content, (), (type, value, additional_data))
BOOST_DESCRIBE_STRUCT(external_item_information_protection_label, (),
    (sensitivity_label_id, additional_data))
BOOST_DESCRIBE_STRUCT(properties, (), (dynamic_properties))
BOOST_DESCRIBE_STRUCT(external_item, (),
    (id, acl, properties, content, information_protection_label, unknown_properties))
#if defined(__clang__)
# pragma clang diagnostic pop
#endif

constexpr auto
graphschema_model(model_tag<acl>) noexcept
{
    return model("microsoft.graph.externalConnectors.acl", "microsoft.graph.acl")
        .member("type", required(operation::create, operation::update))
        .member("value", required(operation::create, operation::update))
        .member("access_type", required(operation::create, operation::update))
        .member("identity_source", only_in(api_version::beta));
}

constexpr auto
graphschema_model(model_tag<external_item_content>) noexcept
{
    return model("microsoft.graph.externalConnectors.externalItemContent",
                 "microsoft.graph.externalItemContent")
        .member("type", required(operation::create, operation::update))
        .member("value", required(operation::create, operation::update));
}

constexpr auto
graphschema_model(model_tag<external_item_information_protection_label>) noexcept
{
    return model("microsoft.graph.externalConnectors.externalItemInformationProtectionLabel",
                 "microsoft.graph.externalItemInformationProtectionLabel");
}

constexpr auto
graphschema_model(model_tag<properties>) noexcept
{
    return model("microsoft.graph.externalConnectors.properties", "microsoft.graph.properties")
        .dynamic_members();
}

constexpr auto
graphschema_model(model_tag<external_item>) noexcept
{
    return model("microsoft.graph.externalConnectors.externalItem", "microsoft.graph.externalItem")
        .member("id", length(1, 128), allowed_chars("A-Za-z0-9"))
        // No documented upper bound on the entries.
        .member("acl", required(operation::create), items(1, static_cast<std::size_t>(-1)))
        .member("properties", required(operation::create));
}

} // graph
} // graphschema

#endif
