//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_TEST_SCHEMA_SAMPLE_MODEL_HPP
#define GRAPHSCHEMA_TEST_SCHEMA_SAMPLE_MODEL_HPP

// A user model with every member kind the engine maps and every rule it
// has, so that the schema export is tested beyond the two Graph models:
// integers of each width (with and without range()), floating point,
// described enums, a closed and an open nested model, a recursive one,
// vectors of each, raw JSON, members required, read-only and optional in
// different operations, and JSON names that need escaping in a pointer.

#include <graphschema/graphschema.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sample {

namespace gs = graphschema;

enum class tone { plain, bold_face, extra_light };
BOOST_DESCRIBE_ENUM(tone, plain, bold_face, extra_light)

#if defined(__clang__)
# pragma clang diagnostic push
# pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif

// A closed nested model, with a non-optional member.
struct tag
{
    std::string label;
    std::optional<std::uint8_t> weight;
    gs::preserved_members extra;
};
BOOST_DESCRIBE_STRUCT(tag, (), (label, weight, extra))

constexpr auto
graphschema_model(gs::model_tag<tag>)
{
    return gs::model("contoso.widgets.tag")
        .member("label", gs::required(gs::operation::create, gs::operation::update),
            gs::length(1, 6));
}

// An open nested model.
struct settings
{
    std::optional<std::vector<std::int64_t>> limits;
    std::optional<bool> strict;
    gs::preserved_members dynamic;
};
BOOST_DESCRIBE_STRUCT(settings, (), (limits, strict, dynamic))

constexpr auto
graphschema_model(gs::model_tag<settings>)
{
    return gs::model("contoso.widgets.settings", "contoso.v2.settings")
        .open_type()
        .member("limits", gs::range(-5000000000, 5000000000));
}

inline constexpr std::string_view reserved_codes[] = {"none", "all", "x.y"};

struct widget
{
    std::optional<std::string> code;
    std::optional<std::string> title;
    bool enabled = false;
    std::optional<std::int8_t> level;
    std::optional<std::uint8_t> shade;
    std::optional<std::int16_t> offset;
    std::optional<std::uint16_t> port;
    std::optional<std::int32_t> count;
    std::optional<std::uint32_t> size;
    std::optional<std::int64_t> total;
    std::optional<double> ratio;
    std::optional<float> scale;
    std::optional<sample::tone> tone;
    std::optional<std::string> revision;
    std::optional<std::string> secret;
    std::optional<tag> main_tag;
    std::optional<std::vector<tag>> tags;
    std::optional<std::vector<std::string>> aliases;
    std::optional<std::vector<sample::tone>> tones;
    std::optional<std::vector<std::int16_t>> slots;
    std::optional<std::vector<gs::raw_json>> blobs;
    std::optional<gs::raw_json> payload;
    std::optional<gs::raw_json> note;
    std::optional<sample::settings> options;
    std::optional<std::vector<widget>> children;
    std::optional<std::string> path_name;
    gs::preserved_members rest;
};
BOOST_DESCRIBE_STRUCT(widget, (),
    (code, title, enabled, level, shade, offset, port, count, size, total, ratio,
     scale, tone, revision, secret, main_tag, tags, aliases, tones, slots, blobs,
     payload, note, options, children, path_name, rest))

#if defined(__clang__)
# pragma clang diagnostic pop
#endif

constexpr auto
graphschema_model(gs::model_tag<widget>)
{
    return gs::model("contoso.widgets.widget", "contoso.v2.widget")
        .member("code",
            gs::required(gs::operation::create, gs::operation::read),
            gs::read_only(gs::operation::update),
            gs::length(2, 8),
            gs::allowed_chars("a-z0-9._-"),
            gs::forbidden_prefix("x."),
            gs::reserved_words(reserved_codes))
        .member("title", gs::length(1, 4))
        .member("enabled", gs::required(gs::operation::create))
        .member("port", gs::range(1, 1024))
        .member("total", gs::range(-1000, 1000000))
        .member("tone", gs::required(gs::operation::update))
        .member("revision", gs::read_only(gs::operation::create, gs::operation::update))
        .member("secret", gs::read_only(gs::operation::read), gs::allowed_chars("!-~"))
        .member("aliases", gs::length(0, 3))
        .member("slots", gs::range(0, 9))
        .member("payload", gs::required(gs::operation::create))
        .member("note", gs::required(gs::operation::read))
        .member("path_name", gs::json_name("path/to~name"), gs::forbidden_prefix("^(*"));
}

} // sample

#endif
