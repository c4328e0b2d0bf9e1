//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_GRAPH_SEARCH_SETTINGS_HPP
#define GRAPHSCHEMA_GRAPH_SEARCH_SETTINGS_HPP

#include <graphschema/graph/enums.hpp>
#include <graphschema/graph/operators.hpp>
#include <graphschema/model.hpp>
#include <graphschema/nullable.hpp>
#include <graphschema/open_enum.hpp>
#include <graphschema/preserved.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace graphschema {
namespace graph {

/** `propertyRule`: when a display template applies, by an item's property.
*/
struct property_rule
{
    /// `property`: a property of the connection's schema.
    nullable<std::string> property;
    /// `operation`: how `property` is compared with each of `values`.
    nullable<open_enum<rule_operation>> operation;
    /// `values`: one or more strings.
    std::optional<std::vector<std::string>> values;
    /// `valuesJoinedBy`: `or` or `and`.
    nullable<binary_operator> values_joined_by;
    preserved_members additional_data;
};

/** `displayTemplate`: how results of a connection look (an Adaptive
    Card), and when.
*/
struct display_template
{
    /// `id`: 1 to 16 ASCII letters or digits.
    nullable<std::string> id;
    /// `layout`: the Adaptive Card, kept as its JSON.
    std::optional<raw_json> layout;
    /// `priority`: 0 or more; lower first.
    nullable<std::int32_t> priority;
    std::optional<std::vector<property_rule>> rules;
    preserved_members additional_data;
};

/** `searchSettings`: the search result templates of a connection.
*/
struct search_settings
{
    /// `searchResultTemplates`: at most 2.
    std::optional<std::vector<display_template>> search_result_templates;
    preserved_members additional_data;
};

/** `complianceSettings` (beta): the eDiscovery result templates.
*/
struct compliance_settings
{
    /// `eDiscoveryResultTemplates`: at most 2.
    std::optional<std::vector<display_template>> e_discovery_result_templates;
    preserved_members additional_data;
};

#if defined(__clang__)
# pragma clang diagnostic push
# pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif
BOOST_DESCRIBE_STRUCT(property_rule, (), (property, operation, values, values_joined_by, additional_data))
BOOST_DESCRIBE_STRUCT(display_template, (), (id, layout, priority, rules, additional_data))
BOOST_DESCRIBE_STRUCT(search_settings, (), (search_result_templates, additional_data))
BOOST_DESCRIBE_STRUCT(compliance_settings, (), (e_discovery_result_templates, additional_data))
#if defined(__clang__)
# pragma clang diagnostic pop
#endif

constexpr auto
graphschema_model(model_tag<property_rule>) noexcept
{
    return model("microsoft.graph.externalConnectors.propertyRule")
        .member("property", required(operation::create, operation::update))
        .member("operation", required(operation::create, operation::update))
        .member("values", required(operation::create, operation::update))
        .member("values_joined_by", required(operation::create, operation::update));
}

constexpr auto
graphschema_model(model_tag<display_template>) noexcept
{
    return model("microsoft.graph.externalConnectors.displayTemplate")
        .member("id", length(1, 16), allowed_chars("A-Za-z0-9"))
        .member("priority", range(0, (std::numeric_limits<std::int32_t>::max)()));
}

constexpr auto
graphschema_model(model_tag<search_settings>) noexcept
{
    return model("microsoft.graph.externalConnectors.searchSettings")
        .member("search_result_templates", items(0, 2));
}

constexpr auto
graphschema_model(model_tag<compliance_settings>) noexcept
{
    return model("microsoft.graph.externalConnectors.complianceSettings")
        .member("e_discovery_result_templates", items(0, 2));
}

} // graph
} // graphschema

#endif
