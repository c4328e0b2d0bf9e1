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
// optional, json_name, and every string rule.
//
// Members that are not std::optional are always written on output, so
// their defaults satisfy their rules: a valid document must encode to a
// valid document.

#include <graphschema/graphschema.hpp>

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
    gs::preserved_members unknown;

    friend bool
    operator==(item const& a, item const& b) noexcept
    {
        return a.id == b.id && a.title == b.title && a.active == b.active &&
            a.big == b.big && a.tiny == b.tiny && a.level == b.level &&
            a.ratio == b.ratio && a.weight == b.weight && a.colour_ == b.colour_ &&
            a.main_part == b.main_part && a.parts == b.parts && a.tags == b.tags &&
            a.palette == b.palette && a.payload == b.payload && a.blobs == b.blobs &&
            a.unknown == b.unknown;
    }
};

// Clang's -Wpedantic in C++17 flags the empty base list that every
// BOOST_DESCRIBE_STRUCT without bases passes on; the code is valid.
#if defined(__clang__)
# pragma clang diagnostic push
# pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif
BOOST_DESCRIBE_STRUCT(part, (), (label, counts, shade, extra))
BOOST_DESCRIBE_STRUCT(item, (), (id, title, active, big, tiny, level, ratio, weight,
    colour_, main_part, parts, tags, palette, payload, blobs, unknown))
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
        .member("tags", gs::length(1, 4), gs::allowed_chars("A-Za-z"))
        .member("payload", gs::required(gs::operation::create));
}

// Lets boost::json::value_from and value_to find the conversions.
using graphschema::tag_invoke;

} // fuzz_model

#endif
