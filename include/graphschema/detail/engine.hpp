//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_DETAIL_ENGINE_HPP
#define GRAPHSCHEMA_DETAIL_ENGINE_HPP

#include <graphschema/dynamic.hpp>
#include <graphschema/options.hpp>
#include <graphschema/report.hpp>
#include <graphschema/detail/tables.hpp>

#include <boost/json/value.hpp>

#include <string_view>

/*  The engine's entry points: one definition each, shared by every model
    (the tables carry what differs), for building the value (Build, into
    `target`) or not. Validation (not Build) may be given a dynamic_schema,
    for the objects of dynamic_members models.

    Header-only by default: the definitions follow, in impl/engine.ipp,
    and are compiled where they are used. With
    GRAPHSCHEMA_SEPARATE_COMPILATION defined in every translation unit,
    they are only declared here, and compiled once, in the translation unit
    that includes <graphschema/src.hpp> (docs/embedding.md).
*/

namespace graphschema {
namespace detail {

// Every issue of `text`, with positions unless `positions` is false.
template<bool Build>
report text_report(type_node const& root, void* target, std::string_view text,
    decode_options const& opt, bool positions, dynamic_schema const* dynamic = nullptr);

// The verdict on `text` alone: the walk stops at the first issue.
template<bool Build>
bool text_verdict(type_node const& root, void* target, std::string_view text,
    decode_options const& opt, dynamic_schema const* dynamic = nullptr);

// Every issue of a value, without positions.
template<bool Build>
report value_report(type_node const& root, void* target, boost::json::value const& jv,
    decode_options const& opt, dynamic_schema const* dynamic = nullptr);

// The verdict on a value alone.
template<bool Build>
bool value_verdict(type_node const& root, void* target, boost::json::value const& jv,
    decode_options const& opt, dynamic_schema const* dynamic = nullptr);

} // detail
} // graphschema

#ifndef GRAPHSCHEMA_SEPARATE_COMPILATION
# include <graphschema/impl/engine.ipp>
#endif

#endif
