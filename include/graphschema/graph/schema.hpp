//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_GRAPH_SCHEMA_HPP
#define GRAPHSCHEMA_GRAPH_SCHEMA_HPP

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

/** `rankingHint` (beta): how much a schema property weighs in ranking.
*/
struct ranking_hint
{
    /// `importanceScore`: required in requests.
    nullable<open_enum<graph::importance_score>> importance_score;
    preserved_members additional_data;
};

/** `property`: one property of a connection's schema, the name and type
    of a member of every item's `properties`.

    A schema is sent whole, so `name` and `type` are required in `create`
    and `update` alike. Beta adds `isExactMatchRequired` and `rankingHint`.
*/
struct property
{
    /// 1 to 32 characters.
    nullable<std::string> name;
    /// The type of the items' values for this property.
    nullable<open_enum<property_type>> type;
    /// Other names of the property: each 1 to 32 characters.
    std::optional<std::vector<std::string>> aliases;
    /// At most 200 characters.
    nullable<std::string> description;
    /// `isSearchable`.
    nullable<bool> is_searchable;
    /// `isQueryable`.
    nullable<bool> is_queryable;
    /// `isRetrievable`.
    nullable<bool> is_retrievable;
    /// `isRefinable`.
    nullable<bool> is_refinable;
    /// Beta: `isExactMatchRequired`.
    nullable<bool> is_exact_match_required;
    /// The semantic labels of the property.
    std::optional<std::vector<open_enum<label>>> labels;
    /// Beta: `rankingHint`.
    nullable<graph::ranking_hint> ranking_hint;
    preserved_members additional_data;
};

/** `schema`: the properties the items of a connection have; the body of
    `PATCH /external/connections/{id}/schema`.
*/
struct schema
{
    /// `baseType`: must be `microsoft.graph.externalItem`.
    nullable<std::string> base_type;
    /// 1 to 128 properties.
    std::optional<std::vector<graph::property>> properties;
    /// The entity's key, as the service returns it.
    std::optional<std::string> id;
    preserved_members additional_data;
};

/** `principal` (v1.0 metadata only): a person as the value of an item
    property of type `principal`. All seven members are optional strings.
*/
struct principal
{
    nullable<std::string> email;
    /// `entraDisplayName`.
    nullable<std::string> entra_display_name;
    /// `entraId`.
    nullable<std::string> entra_id;
    /// `externalId`.
    nullable<std::string> external_id;
    /// `externalName`.
    nullable<std::string> external_name;
    /// `tenantId`.
    nullable<std::string> tenant_id;
    nullable<std::string> upn;
    preserved_members additional_data;
};

#if defined(__clang__)
# pragma clang diagnostic push
# pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif
BOOST_DESCRIBE_STRUCT(ranking_hint, (), (importance_score, additional_data))
BOOST_DESCRIBE_STRUCT(property, (),
    (name, type, aliases, description, is_searchable, is_queryable, is_retrievable,
     is_refinable, is_exact_match_required, labels, ranking_hint, additional_data))
BOOST_DESCRIBE_STRUCT(schema, (), (base_type, properties, id, additional_data))
BOOST_DESCRIBE_STRUCT(principal, (),
    (email, entra_display_name, entra_id, external_id, external_name, tenant_id, upn,
     additional_data))
#if defined(__clang__)
# pragma clang diagnostic pop
#endif

constexpr auto
graphschema_model(model_tag<ranking_hint>) noexcept
{
    return model("microsoft.graph.externalConnectors.rankingHint")
        .member("importance_score", required(operation::create, operation::update));
}

/// The characters a property's name and aliases may not hold, besides
/// control characters and whitespace (the list of the property page).
inline constexpr std::string_view property_name_forbidden_chars = ":;,()[]{}%$+!*=&?@#\\~'\"<>`^";

constexpr auto
graphschema_model(model_tag<property>) noexcept
{
    return model("microsoft.graph.externalConnectors.property", "microsoft.graph.property")
        .member("name", required(operation::create, operation::update), length(1, 32),
            forbidden_chars(property_name_forbidden_chars))
        .member("type", required(operation::create, operation::update))
        .member("aliases", length(1, 32), forbidden_chars(property_name_forbidden_chars))
        .member("description", length(0, 200))
        .member("is_searchable",
            true_only_when("type", property_type::string_, property_type::string_collection))
        .member("is_refinable", never_true_with("is_searchable"),
            true_only_when("type", property_type::string_, property_type::int64, property_type::double_,
                property_type::string_collection, property_type::int64_collection,
                property_type::double_collection))
        .member("is_exact_match_required", only_in(api_version::beta), never_true_with("is_searchable"),
            true_only_when("type", property_type::string_, property_type::string_collection))
        .member("ranking_hint", only_in(api_version::beta));
}

constexpr auto
graphschema_model(model_tag<schema>) noexcept
{
    return model("microsoft.graph.externalConnectors.schema", "microsoft.graph.schema")
        .member("base_type", required(operation::create), only_value("microsoft.graph.externalItem"))
        .member("properties", required(operation::create), items(1, 128), unique_ignoring_case("name", "aliases"));
}

constexpr auto
graphschema_model(model_tag<principal>) noexcept
{
    return model("microsoft.graph.externalConnectors.principal");
}

} // graph
} // graphschema

#endif
