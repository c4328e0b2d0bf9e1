//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_FUZZ_MODEL_HPP
#define GRAPHSCHEMA_FUZZ_MODEL_HPP

// A user model with every kind of member the engine maps and every rule,
// so that the fuzzers reach the paths the two Graph models do not use:
// integers of several widths and ranges, floating point, enums, nested and
// repeated models, an open nested type, raw JSON, members that are not
// optional, json_name, and every string rule; and the kinds of RULES.md
// (2026-12-04): nullable<T> (with rules, and of a model), open_enum<E>,
// flags<E>, one_of with an abstract base (in an array with items(1, 3))
// and one with a concrete base, items(min, max), required_in and only_in
// in each version.
//
// Members that are not std::optional are always written on output, so
// their defaults satisfy their rules: a valid document must encode to a
// valid document.

#include <graphschema/graphschema.hpp>
#include <graphschema/nullable.hpp>
#include <graphschema/one_of.hpp>
#include <graphschema/open_enum.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fuzz_model {

namespace gs = graphschema;

enum class colour { red, dark_green, unknown_future_value };
BOOST_DESCRIBE_ENUM(colour, red, dark_green, unknown_future_value)

// An open type: what it does not declare is kept under every policy.
struct part
{
    std::optional<std::string> label;
    std::vector<std::int16_t> counts;
    std::optional<colour> shade;
    gs::preserved_members extra;

    friend bool
    operator==(part const& a, part const& b) noexcept
    {
        return a.label == b.label && a.counts == b.counts && a.shade == b.shade &&
            a.extra == b.extra;
    }
};

inline constexpr std::string_view reserved_item_ids[] = {"none", "all", "self"};

// An abstract base and two derived types, selected by @odata.type.
struct shape
{
    gs::nullable<std::int32_t> z;
    gs::preserved_members extra;

    friend bool operator==(shape const& a, shape const& b) noexcept { return a.z == b.z && a.extra == b.extra; }
};

struct circle
{
    gs::nullable<std::int32_t> z;
    double radius = 0;
    gs::nullable<std::string> name;
    gs::preserved_members extra;

    friend bool
    operator==(circle const& a, circle const& b) noexcept
    {
        return a.z == b.z && a.radius == b.radius && a.name == b.name && a.extra == b.extra;
    }
};

struct square
{
    gs::nullable<std::int32_t> z;
    std::optional<std::vector<std::int8_t>> sides;
    gs::nullable<gs::open_enum<colour>> fill;
    gs::preserved_members extra;

    friend bool
    operator==(square const& a, square const& b) noexcept
    {
        return a.z == b.z && a.sides == b.sides && a.fill == b.fill && a.extra == b.extra;
    }
};

// The base is abstract: every element names its type.
using any_shape = gs::one_of<shape, circle, square>;
// The base is concrete: a circle, unless @odata.type says square.
using round_or_square = gs::one_of<circle, square>;

struct item
{
    std::optional<std::string> id;
    std::string title;
    bool active = false;
    std::optional<std::int64_t> big;
    std::optional<std::uint32_t> tiny;
    std::int8_t level = 0;
    std::optional<float> ratio;
    std::optional<double> weight;
    std::optional<colour> colour_;
    std::optional<part> main_part;
    std::optional<std::vector<part>> parts;
    std::optional<std::vector<std::string>> tags;
    std::optional<std::vector<colour>> palette;
    gs::raw_json payload;
    std::optional<std::vector<gs::raw_json>> blobs;
    gs::nullable<std::string> note;
    gs::nullable<gs::open_enum<colour>> mood;
    gs::nullable<colour> hue;
    std::optional<gs::flags<colour>> features;
    gs::nullable<gs::flags<colour>> extras;
    std::optional<std::vector<any_shape>> shapes;
    std::optional<round_or_square> pick;
    gs::nullable<part> spare;
    std::optional<std::vector<std::string>> beta_tags;
    gs::nullable<std::int32_t> legacy;
    gs::preserved_members unknown;

    friend bool
    operator==(item const& a, item const& b) noexcept
    {
        return a.id == b.id && a.title == b.title && a.active == b.active &&
            a.big == b.big && a.tiny == b.tiny && a.level == b.level &&
            a.ratio == b.ratio && a.weight == b.weight && a.colour_ == b.colour_ &&
            a.main_part == b.main_part && a.parts == b.parts && a.tags == b.tags &&
            a.palette == b.palette && a.payload == b.payload && a.blobs == b.blobs &&
            a.note == b.note && a.mood == b.mood && a.hue == b.hue && a.features == b.features &&
            a.extras == b.extras && a.shapes == b.shapes && a.pick == b.pick && a.spare == b.spare &&
            a.beta_tags == b.beta_tags && a.legacy == b.legacy && a.unknown == b.unknown;
    }
};

// Clang's -Wpedantic in C++17 flags the empty base list that every
// BOOST_DESCRIBE_STRUCT without bases passes on; the code is valid.
#if defined(__clang__)
# pragma clang diagnostic push
# pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif
BOOST_DESCRIBE_STRUCT(part, (), (label, counts, shade, extra))
BOOST_DESCRIBE_STRUCT(shape, (), (z, extra))
BOOST_DESCRIBE_STRUCT(circle, (), (z, radius, name, extra))
BOOST_DESCRIBE_STRUCT(square, (), (z, sides, fill, extra))
BOOST_DESCRIBE_STRUCT(item, (), (id, title, active, big, tiny, level, ratio, weight,
    colour_, main_part, parts, tags, palette, payload, blobs, note, mood, hue, features,
    extras, shapes, pick, spare, beta_tags, legacy, unknown))
#if defined(__clang__)
# pragma clang diagnostic pop
#endif

constexpr auto
graphschema_model(gs::model_tag<part>)
{
    return gs::model("fuzz.part", "fuzz.other.part")
        .open_type()
        .member("label", gs::length(0, 8))
        .member("counts", gs::range(-5, 5));
}

constexpr auto
graphschema_model(gs::model_tag<shape>)
{
    return gs::model("fuzz.shape").abstract_type();
}

constexpr auto
graphschema_model(gs::model_tag<circle>)
{
    return gs::model("fuzz.circle", "fuzz.v2.circle")
        .written_in(gs::api_version::v1_0, "fuzz.v2.circle")
        .member("z", gs::range(-3, 3))
        .member("radius", gs::required(gs::operation::create))
        .member("name", gs::length(1, 6), gs::only_in(gs::api_version::beta));
}

constexpr auto
graphschema_model(gs::model_tag<square>)
{
    return gs::model("fuzz.square")
        .member("sides", gs::items(4, 4), gs::range(1, 100))
        .member("fill", gs::required_in(gs::api_version::v1_0, gs::operation::create));
}

constexpr auto
graphschema_model(gs::model_tag<item>)
{
    return gs::model("fuzz.item", "fuzz.v2.item", "microsoft.graph.fuzzItem")
        .member("id",
            gs::required(gs::operation::create, gs::operation::read),
            gs::read_only(gs::operation::update),
            gs::length(2, 12),
            gs::allowed_chars("a-z0-9_"),
            gs::forbidden_prefix("x_"),
            gs::reserved_words(reserved_item_ids))
        .member("title", gs::length(0, 20))
        .member("big", gs::json_name("bigNumber"))
        .member("tiny", gs::range(1, 1000), gs::read_only(gs::operation::create))
        .member("level", gs::range(0, 9))
        .member("main_part", gs::required(gs::operation::create))
        .member("tags", gs::length(1, 4), gs::allowed_chars("A-Za-z"), gs::items(0, 3))
        .member("payload", gs::required(gs::operation::create))
        .member("note", gs::length(0, 10), gs::required_in(gs::api_version::beta, gs::operation::update))
        .member("shapes", gs::items(1, 3))
        .member("pick", gs::required_in(gs::api_version::v1_0, gs::operation::create))
        .member("beta_tags", gs::only_in(gs::api_version::beta), gs::items(0, 2))
        .member("legacy", gs::only_in(gs::api_version::v1_0), gs::range(0, 9),
            gs::read_only(gs::operation::update));
}

// Lets boost::json::value_from and value_to find the conversions.
using graphschema::tag_invoke;

} // fuzz_model

#endif
