//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// graphschema-validate: checks Graph connector payloads against their rules.
//
//   graphschema-validate [options] [FILE ...]
//
// Exit status: 0 when every document is valid, 1 when any is invalid,
// 2 on a usage or I/O error. See docs/cli.md. Everything is in
// graphschema::cli::run, which a validator for other models uses the same way.

#include <graphschema/cli.hpp>
#include <graphschema/graphschema.hpp>

#ifndef GRAPHSCHEMA_VERSION
#define GRAPHSCHEMA_VERSION ""
#endif

int
main(int argc, char** argv)
{
    namespace gs = graphschema;
    namespace g = gs::graph;
    // Every model of <graphschema/graph/>, by its Graph name; the first is
    // the default --type.
    return gs::cli::run<g::external_connection, g::configuration, g::activity_settings,
        g::url_to_item_resolver_base, g::item_id_resolver, g::url_match_info,
        g::search_settings, g::display_template, g::property_rule, g::compliance_settings,
        g::connection_quota, g::schema, g::property, g::external_item, g::acl,
        g::external_item_content, g::external_group, g::identity, g::external_activity,
        g::add_activities, g::ranking_hint>(argc, argv,
        {"graphschema-validate", GRAPHSCHEMA_VERSION,
            "Validates Microsoft Graph connector payloads: connections, schemas, items."});
}
