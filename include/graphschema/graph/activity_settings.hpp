//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_GRAPH_ACTIVITY_SETTINGS_HPP
#define GRAPHSCHEMA_GRAPH_ACTIVITY_SETTINGS_HPP

#include <graphschema/graph/operators.hpp>
#include <graphschema/model.hpp>
#include <graphschema/nullable.hpp>
#include <graphschema/one_of.hpp>
#include <graphschema/preserved.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace graphschema {
namespace graph {

/** `urlMatchInfo`: which shared URLs a resolver takes, and how it reads them.
*/
struct url_match_info
{
    /// `baseUrls`: the URL prefixes a link must start with.
    std::optional<std::vector<std::string>> base_urls;
    /// `urlPattern`: an ECMA-262 regular expression whose named groups
    /// the resolver's `itemId` uses.
    nullable<std::string> url_pattern;
    preserved_members additional_data;
};

/** `urlToItemResolverBase`: abstract; each element of
    `activitySettings.urlToItemResolvers` is of a type derived from it,
    named by its `@odata.type`.
*/
struct url_to_item_resolver_base
{
    /// `priority`: the order resolvers are tried in.
    nullable<std::int32_t> priority;
    preserved_members additional_data;
};

/** `itemIdResolver`: makes an item id from a shared URL. Derived from
    `urlToItemResolverBase` (whose `priority` it has).
*/
struct item_id_resolver
{
    /// `priority`: 1 to 8.
    nullable<std::int32_t> priority;
    /// `itemId`: the id to make, with `{group}` for the pattern's groups.
    nullable<std::string> item_id;
    nullable<graph::url_match_info> url_match_info;
    preserved_members additional_data;
};

/// An element of `urlToItemResolvers`: an item id resolver, or a type a
/// newer service has (kept verbatim on read).
using url_to_item_resolver = one_of<url_to_item_resolver_base, item_id_resolver>;

/** `activitySettings`: how activities on shared URLs find their items.
*/
struct activity_settings
{
    /// `urlToItemResolvers`: at most 8.
    std::optional<std::vector<url_to_item_resolver>> url_to_item_resolvers;
    preserved_members additional_data;
};

#if defined(__clang__)
# pragma clang diagnostic push
# pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif
BOOST_DESCRIBE_STRUCT(url_match_info, (), (base_urls, url_pattern, additional_data))
BOOST_DESCRIBE_STRUCT(url_to_item_resolver_base, (), (priority, additional_data))
BOOST_DESCRIBE_STRUCT(item_id_resolver, (), (priority, item_id, url_match_info, additional_data))
BOOST_DESCRIBE_STRUCT(activity_settings, (), (url_to_item_resolvers, additional_data))
#if defined(__clang__)
# pragma clang diagnostic pop
#endif

constexpr auto
graphschema_model(model_tag<url_match_info>) noexcept
{
    return model("microsoft.graph.externalConnectors.urlMatchInfo")
        .member("base_urls", required(operation::create, operation::update))
        .member("url_pattern", required(operation::create, operation::update));
}

constexpr auto
graphschema_model(model_tag<url_to_item_resolver_base>) noexcept
{
    return model("microsoft.graph.externalConnectors.urlToItemResolverBase").abstract_type();
}

constexpr auto
graphschema_model(model_tag<item_id_resolver>) noexcept
{
    return model("microsoft.graph.externalConnectors.itemIdResolver")
        .member("priority", required(operation::create, operation::update), range(1, 8))
        .member("item_id", required(operation::create, operation::update))
        .member("url_match_info", required(operation::create, operation::update));
}

constexpr auto
graphschema_model(model_tag<activity_settings>) noexcept
{
    return model("microsoft.graph.externalConnectors.activitySettings")
        .member("url_to_item_resolvers", items(0, 8));
}

} // graph
} // graphschema

#endif
