//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE fuzz_kit
#include "test_support.hpp"

#include "schema/sample_model.hpp"

// The fuzzers' own model, with every member kind.
#include "../fuzz/fuzz_model.hpp"

#include <graphschema/fuzz.hpp>

#include <boost/json/parse.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

// <graphschema/fuzz.hpp>: generation valid or broken on purpose, the
// libFuzzer mutator and cross-over, on the Graph models and on
// sample::widget, which has every member kind and rule.

// The one-line plug-in, as a fuzz target writes it; the test calls the
// functions it defines.

// The string rules of issue 13 on a model of their own: a date-time, one
// allowed value, a deny-list of characters.
namespace kit_rules {

namespace gs = graphschema;

struct stamp
{
    std::optional<std::string> at;
    std::optional<std::string> kind;
    std::optional<std::string> label;
    std::optional<std::vector<std::string>> tags;
    gs::preserved_members extra;
};
#if defined(__clang__)
# pragma clang diagnostic push
# pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif
BOOST_DESCRIBE_STRUCT(stamp, (), (at, kind, label, tags, extra))
#if defined(__clang__)
# pragma clang diagnostic pop
#endif

constexpr auto
graphschema_model(gs::model_tag<stamp>) noexcept
{
    return gs::model("kit.stamp")
        .member("at", gs::required(gs::operation::create, gs::operation::update), gs::date_time_offset())
        .member("kind", gs::required(gs::operation::create, gs::operation::update), gs::only_value("fixed"))
        .member("label", gs::required(gs::operation::create, gs::operation::update), gs::length(1, 4),
            gs::forbidden_chars(":;@#"))
        .member("tags", gs::length(1, 3), gs::forbidden_chars("!"));
}

} // kit_rules

GRAPHSCHEMA_FUZZ_MUTATOR(graphschema::graph::external_connection);

namespace {

namespace gs = graphschema;
namespace fz = graphschema::fuzz;

using connection = gs::graph::external_connection;
using configuration = gs::graph::configuration;

constexpr gs::operation operations[] = {gs::operation::create, gs::operation::update, gs::operation::read};
constexpr gs::unknown_policy policies[] = {
    gs::unknown_policy::preserve, gs::unknown_policy::ignore, gs::unknown_policy::reject};
constexpr gs::api_version versions[] = {gs::api_version::v1_0, gs::api_version::beta};

fz::generate_options
options(gs::operation op, gs::unknown_policy p = gs::unknown_policy::preserve, double ratio = 0,
    gs::api_version v = gs::api_version::beta)
{
    fz::generate_options o;
    o.operation = op;
    o.unknown = p;
    o.invalid_ratio = ratio;
    o.version = v;
    return o;
}

template<class T>
gs::report
check(std::string_view text, fz::generate_options const& o)
{
    return gs::validate<T>(text, fz::decode_options_for(o));
}

bool
is_json(std::string_view text)
{
    boost::json::error_code ec;
    boost::json::parse(text, ec);
    return !ec;
}

std::string
describe(gs::report const& r)
{
    std::string s;
    for(auto const& i : r)
        s += std::string(gs::to_string(i.code)) + " " + i.pointer + "; ";
    return s;
}

// Every issue code reached by `seeds` documents with every rule broken.
template<class T>
std::set<gs::error>
codes_reached(fz::generate_options o, int seeds)
{
    std::set<gs::error> codes;
    for(int s = 0; s < seeds; ++s)
    {
        auto const doc = fz::generate<T>(static_cast<std::uint64_t>(s), o);
        auto const r = check<T>(doc, o);
        BOOST_TEST_REQUIRE(!r.ok(), "seed " << s << " is valid: " << doc);
        for(auto const& i : r)
            codes.insert(i.code);
    }
    return codes;
}

std::set<gs::error>
all_but(std::set<gs::error> const& left_out)
{
    std::set<gs::error> s;
    for(int e = 1; e <= gs::error_count; ++e)
        if(left_out.count(static_cast<gs::error>(e)) == 0)
            s.insert(static_cast<gs::error>(e));
    return s;
}

// A buffer of `capacity` usable bytes followed by a guard that must stay
// untouched.
struct guarded
{
    static constexpr std::uint8_t canary = 0xA5;
    static constexpr std::size_t guard = 64;

    explicit guarded(std::size_t capacity, std::string_view content = {})
        : bytes(capacity + guard, canary), capacity(capacity)
    {
        size = (std::min)(content.size(), capacity);
        if(size != 0)
            std::memcpy(bytes.data(), content.data(), size);
    }

    bool
    guard_intact() const
    {
        for(std::size_t i = capacity; i < bytes.size(); ++i)
            if(bytes[i] != canary)
                return false;
        return true;
    }

    std::string_view text() const { return {reinterpret_cast<char const*>(bytes.data()), size}; }

    std::vector<std::uint8_t> bytes;
    std::size_t capacity;
    std::size_t size = 0;
};

} // namespace

//------------------------------------------------------------------------------
// generate

BOOST_AUTO_TEST_CASE(generate_is_deterministic_per_seed)
{
    for(double ratio : {0.0, 0.5, 1.0})
    {
        auto const o = options(gs::operation::create, gs::unknown_policy::preserve, ratio);
        std::set<std::string> distinct;
        for(std::uint64_t s = 0; s < 40; ++s)
        {
            auto const a = fz::generate<sample::widget>(s, o);
            BOOST_TEST(a == fz::generate<sample::widget>(s, o));
            distinct.insert(a);
        }
        BOOST_TEST(distinct.size() >= 38u);
    }
    // The options are part of what is generated.
    BOOST_TEST(fz::generate<connection>(7, options(gs::operation::create)) !=
        fz::generate<connection>(7, options(gs::operation::read)));
}

BOOST_AUTO_TEST_CASE(ratio_zero_is_valid_for_every_operation_policy_and_version)
{
    for(auto op : operations)
        for(auto p : policies)
            for(auto v : versions)
        {
            auto const o = options(op, p, 0, v);
            for(std::uint64_t s = 0; s < 40; ++s)
            {
                auto const a = fz::generate<connection>(s, o);
                auto const ra = check<connection>(a, o);
                BOOST_TEST(ra.ok(), op << " " << p << " " << v << " seed " << s << ": " << describe(ra) << a);
                auto const b = fz::generate<configuration>(s, o);
                auto const rb = check<configuration>(b, o);
                BOOST_TEST(rb.ok(), op << " " << p << " " << v << " seed " << s << ": " << describe(rb) << b);
                auto const c = fz::generate<sample::widget>(s, o);
                auto const rc = check<sample::widget>(c, o);
                BOOST_TEST(rc.ok(), op << " " << p << " " << v << " seed " << s << ": " << describe(rc) << c);
            }
        }
}

BOOST_AUTO_TEST_CASE(ratio_zero_is_varied)
{
    auto const o = options(gs::operation::create);
    std::set<std::size_t> id_lengths;
    std::set<std::string> type_names;
    bool escape = false, non_ascii = false, annotation = false, unknown = false,
         no_state = true, null_member = false, absent_optional = false, present_optional = false,
         near_miss = false, whitespace = false;
    for(std::uint64_t s = 0; s < 300; ++s)
    {
        auto const text = fz::generate<connection>(s, o);
        escape = escape || text.find("\\u") != std::string::npos;
        whitespace = whitespace || text.find('\n') != std::string::npos;
        for(unsigned char ch : text)
            non_ascii = non_ascii || ch >= 0x80;
        auto const v = boost::json::parse(text).as_object();
        // Read back through the library too: what the generator meant is
        // what the decoder sees.
        auto const decoded = gs::decode<connection>(text, fz::decode_options_for(o));
        BOOST_TEST_REQUIRE(decoded.ok());
        id_lengths.insert(decoded->id->size());
        near_miss = near_miss || decoded->id->rfind("microsoft", 0) == 0 ||
            decoded->id->rfind("MicroSoft", 0) == 0 || decoded->id->rfind("MiCrosoft", 0) == 0;
        if(auto const t = v.if_contains("@odata.type"))
            type_names.insert(std::string(t->as_string()));
        no_state = no_state && !v.contains("state");
        for(auto const& m : v)
        {
            bool const declared = m.key() == "id" || m.key() == "name" || m.key() == "description" ||
                m.key() == "configuration" || m.key() == "state" || m.key() == "@odata.type";
            annotation = annotation || (!declared && m.key().find('@') != boost::json::string_view::npos);
            unknown = unknown || (!declared && m.key().find('@') == boost::json::string_view::npos);
        }
        if(v.at("configuration").as_object().contains("authorizedApps"))
            present_optional = true;
        else
            absent_optional = true;
        // Null where it is allowed: a nullable<T> member not required.
        if(auto const t = v.if_contains("connectorId"))
            null_member = null_member || t->is_null();
    }
    BOOST_TEST(escape);
    BOOST_TEST(whitespace);
    BOOST_TEST(non_ascii);
    BOOST_TEST(annotation);
    BOOST_TEST(unknown);
    BOOST_TEST(no_state); // read-only in create
    BOOST_TEST(null_member);
    BOOST_TEST(absent_optional);
    BOOST_TEST(present_optional);
    BOOST_TEST(near_miss);
    // Boundary lengths of id: 3 to 32.
    BOOST_TEST(id_lengths.count(3) == 1u);
    BOOST_TEST(id_lengths.count(32) == 1u);
    // Both namespaces, with and without '#'.
    BOOST_TEST(type_names.count("#microsoft.graph.externalConnection") == 1u);
    BOOST_TEST(type_names.count("microsoft.graph.externalConnection") == 1u);
    BOOST_TEST(type_names.count("#microsoft.graph.externalConnectors.externalConnection") == 1u);
    BOOST_TEST(type_names.count("microsoft.graph.externalConnectors.externalConnection") == 1u);
}

BOOST_AUTO_TEST_CASE(ratio_zero_reaches_the_numbers_limits)
{
    auto const o = options(gs::operation::read);
    std::set<std::int64_t> levels;
    std::set<std::uint32_t> sizes;
    bool respelled = false;
    for(std::uint64_t s = 0; s < 300; ++s)
    {
        auto const text = fz::generate<sample::widget>(s, o);
        respelled = respelled || text.find(".0,") != std::string::npos || text.find("e0,") != std::string::npos;
        auto const w = gs::decode<sample::widget>(text, fz::decode_options_for(o));
        BOOST_TEST_REQUIRE(w.ok());
        if(w->level)
            levels.insert(*w->level);
        if(w->size)
            sizes.insert(*w->size);
    }
    BOOST_TEST(levels.count(-128) == 1u);
    BOOST_TEST(levels.count(127) == 1u);
    BOOST_TEST(sizes.count(0) == 1u);
    BOOST_TEST(sizes.count(4294967295u) == 1u);
    BOOST_TEST(respelled);
}

BOOST_AUTO_TEST_CASE(ratio_zero_within_small_limits)
{
    auto o = options(gs::operation::create);
    o.max_depth = 3;   // root, configuration, its arrays
    o.max_bytes = 200;
    for(std::uint64_t s = 0; s < 60; ++s)
    {
        auto const text = fz::generate<connection>(s, o);
        auto const r = check<connection>(text, o);
        BOOST_TEST(r.ok(), "seed " << s << ": " << describe(r) << text);
        BOOST_TEST(text.size() <= 200u);
    }
}

BOOST_AUTO_TEST_CASE(ratio_one_reaches_every_code_the_model_can_raise)
{
    using E = gs::error;
    auto o = options(gs::operation::create, gs::unknown_policy::reject, 1);
    o.max_bytes = 1500; // so that the size flaw fits under max_size
    BOOST_TEST((codes_reached<sample::widget>(o, 300) == all_but({})));
    BOOST_TEST((codes_reached<connection>(o, 300) == all_but({})));
    // configuration: open, nothing required, read-only or ruled, no enum.
    BOOST_TEST((codes_reached<configuration>(o, 200) == all_but({E::constraint_violation,
        E::invalid_enum, E::missing_required, E::read_only_property, E::unknown_property})));

    // read: no rule is checked; no unknown member under preserve.
    o.operation = gs::operation::read;
    o.unknown = gs::unknown_policy::preserve;
    BOOST_TEST((codes_reached<sample::widget>(o, 300) ==
        all_but({E::constraint_violation, E::unknown_property})));
    BOOST_TEST((codes_reached<connection>(o, 300) ==
        all_but({E::constraint_violation, E::unknown_property, E::read_only_property})));

    // update: nothing required at externalConnection's top (an item id
    // resolver's members are), tone in widget.
    o.operation = gs::operation::update;
    o.max_bytes = gs::decode_options().max_bytes; // no size flaw
    BOOST_TEST((codes_reached<connection>(o, 300) ==
        all_but({E::unknown_property, E::size_exceeded})));
    BOOST_TEST((codes_reached<sample::widget>(o, 300) ==
        all_but({E::unknown_property, E::size_exceeded})));
}

BOOST_AUTO_TEST_CASE(a_ratio_between_mixes)
{
    auto const o = options(gs::operation::create, gs::unknown_policy::preserve, 0.25);
    int invalid = 0;
    for(std::uint64_t s = 0; s < 400; ++s)
        invalid += check<connection>(fz::generate<connection>(s, o), o).ok() ? 0 : 1;
    BOOST_TEST(invalid > 60);
    BOOST_TEST(invalid < 140);
}

//------------------------------------------------------------------------------
// The member kinds of RULES.md (2026-12-04): nullable, open_enum, flags,
// one_of, items(min, max), members of one API version.

namespace {

// Whether the report has an issue `code` whose pointer begins with `prefix`.
bool
has(gs::report const& r, gs::error code, std::string_view prefix)
{
    for(auto const& i : r)
        if(i.code == code && std::string_view(i.pointer).substr(0, prefix.size()) == prefix)
            return true;
    return false;
}

using flags_form = gs::flags<gs::graph::content_experience_type>::form;

} // namespace

BOOST_AUTO_TEST_CASE(ratio_zero_reaches_each_new_kind)
{
    // Read: unknown enum names and unknown derived types are kept.
    bool null_seen = false, value_seen = false, absent_seen = false, future_enum = false,
         future_flag = false, derived = false, unknown_type = false;
    std::set<flags_form> forms;
    for(std::uint64_t s = 0; s < 600; ++s)
    {
        auto const o = options(gs::operation::read);
        auto const text = fz::generate<connection>(s, o);
        auto const d = gs::decode<connection>(text, fz::decode_options_for(o));
        BOOST_TEST_REQUIRE(d.ok(), text);
        null_seen = null_seen || d->connector_id.is_null();
        value_seen = value_seen || d->connector_id.has_value();
        absent_seen = absent_seen || d->connector_id.is_absent();
        if(d->content_category.has_value())
            future_enum = future_enum || !d->content_category->is_known();
        if(auto const& f = d->enabled_content_experiences; f.has_value())
        {
            forms.insert(f->written_as);
            for(auto const& i : f->items)
                future_flag = future_flag || !i.is_known();
        }
        if(d->activity_settings.has_value() && d->activity_settings->url_to_item_resolvers)
            for(auto const& r : *d->activity_settings->url_to_item_resolvers)
            {
                derived = derived || std::holds_alternative<gs::graph::item_id_resolver>(r.as_variant());
                unknown_type = unknown_type || r.is_unknown();
            }
    }
    BOOST_TEST(null_seen);
    BOOST_TEST(value_seen);
    BOOST_TEST(absent_seen);
    BOOST_TEST(future_enum);
    BOOST_TEST(future_flag);
    BOOST_TEST(forms.size() == 3u); // "a, b", "a,b" and ["a","b"]
    BOOST_TEST(derived);
    BOOST_TEST(unknown_type);

    // Create: only known names; no abstract base alone; at most 8 resolvers.
    std::size_t most_resolvers = 0;
    bool flags_seen = false;
    for(std::uint64_t s = 0; s < 600; ++s)
    {
        auto const o = options(gs::operation::create);
        auto const d = gs::decode<connection>(fz::generate<connection>(s, o), fz::decode_options_for(o));
        BOOST_TEST_REQUIRE(d.ok());
        if(d->content_category.has_value())
            BOOST_TEST(d->content_category->is_known());
        if(auto const& f = d->enabled_content_experiences; f.has_value())
        {
            flags_seen = true;
            for(auto const& i : f->items)
                BOOST_TEST(i.is_known());
        }
        if(d->activity_settings.has_value() && d->activity_settings->url_to_item_resolvers)
        {
            auto const& rs = *d->activity_settings->url_to_item_resolvers;
            most_resolvers = (std::max)(most_resolvers, rs.size());
            for(auto const& r : rs)
                BOOST_TEST(std::holds_alternative<gs::graph::item_id_resolver>(r.as_variant()));
        }
    }
    BOOST_TEST(flags_seen);
    BOOST_TEST(most_resolvers >= 2u);
    BOOST_TEST(most_resolvers <= 8u);
}

BOOST_AUTO_TEST_CASE(ratio_zero_follows_the_version)
{
    // v1.0: a beta-only member never under reject, and now and then,
    // kept as unknown, under preserve; beta: description required in create.
    bool kept = false;
    for(std::uint64_t s = 0; s < 400; ++s)
    {
        auto const strict = options(gs::operation::create, gs::unknown_policy::reject, 0, gs::api_version::v1_0);
        auto const a = boost::json::parse(fz::generate<connection>(s, strict)).as_object();
        BOOST_TEST(!a.contains("complianceSettings"));
        BOOST_TEST(!a.contains("enabledContentExperiences"));

        auto const loose = options(gs::operation::create, gs::unknown_policy::preserve, 0, gs::api_version::v1_0);
        auto const text = fz::generate<connection>(s, loose);
        auto const d = gs::decode<connection>(text, fz::decode_options_for(loose));
        BOOST_TEST_REQUIRE(d.ok(), text);
        BOOST_TEST(!d->enabled_content_experiences.has_value());
        kept = kept || d->unknown_properties.contains("enabledContentExperiences") ||
            d->unknown_properties.contains("complianceSettings");

        auto const beta = boost::json::parse(fz::generate<connection>(s, options(gs::operation::create))).as_object();
        BOOST_TEST(beta.contains("description"));
        BOOST_TEST(beta.contains("configuration"));
    }
    BOOST_TEST(kept);
}

BOOST_AUTO_TEST_CASE(ratio_one_reaches_the_new_issues)
{
    using E = gs::error;
    // Each flaw the new kinds allow, at the member it concerns.
    bool null_collection = false, null_optional = false, unknown_enum = false, bad_flag = false,
         too_many = false, no_type_name = false, beta_member = false;
    for(std::uint64_t s = 0; s < 1500; ++s)
    {
        auto const o = options(gs::operation::create, gs::unknown_policy::reject, 1,
            s % 2 ? gs::api_version::v1_0 : gs::api_version::beta);
        auto const text = fz::generate<connection>(s, o);
        auto const r = check<connection>(text, o);
        BOOST_TEST_REQUIRE(!r.ok(), text);
        null_collection = null_collection || has(r, E::null_not_allowed, "/configuration/authorizedApp") ||
            has(r, E::null_not_allowed, "/activitySettings/urlToItemResolvers");
        // A std::optional<T> single value refuses null (widget's title).
        auto const w = fz::generate<sample::widget>(s, o);
        null_optional = null_optional || has(check<sample::widget>(w, o), E::null_not_allowed, "/title");
        unknown_enum = unknown_enum || has(r, E::invalid_enum, "/contentCategory");
        bad_flag = bad_flag || has(r, E::invalid_enum, "/enabledContentExperiences");
        too_many = too_many || (r.size() == 1 && r[0].code == E::constraint_violation &&
            r[0].pointer == "/activitySettings/urlToItemResolvers");
        for(auto const& i : r)
            no_type_name = no_type_name || (i.code == E::missing_required &&
                i.pointer.find("/urlToItemResolvers/") != std::string::npos &&
                i.pointer.size() > 12 && i.pointer.substr(i.pointer.size() - 12) == "/@odata.type");
        beta_member = beta_member || (s % 2 && (has(r, E::unknown_property, "/enabledContentExperiences") ||
            has(r, E::unknown_property, "/complianceSettings")));
    }
    BOOST_TEST(null_collection);
    BOOST_TEST(null_optional);
    BOOST_TEST(unknown_enum);
    BOOST_TEST(bad_flag);
    BOOST_TEST(too_many);
    BOOST_TEST(no_type_name);
    BOOST_TEST(beta_member);
}

BOOST_AUTO_TEST_CASE(read_keeps_what_a_request_refuses)
{
    // On read an unknown enum name or derived type is no flaw: a document
    // broken on purpose is broken for another reason.
    for(std::uint64_t s = 0; s < 400; ++s)
    {
        auto const o = options(gs::operation::read, gs::unknown_policy::preserve, 1);
        auto const text = fz::generate<connection>(s, o);
        auto const r = check<connection>(text, o);
        BOOST_TEST_REQUIRE(!r.ok(), text);
        BOOST_TEST(!has(r, gs::error::invalid_enum, "/contentCategory"));
        BOOST_TEST(!has(r, gs::error::invalid_enum, "/enabledContentExperiences"));
        BOOST_TEST(!has(r, gs::error::odata_type_mismatch, "/activitySettings/urlToItemResolvers"));
    }
}

BOOST_AUTO_TEST_CASE(mutate_keeps_the_new_kinds_valid_in_each_version)
{
    for(auto op : operations)
        for(auto v : versions)
        {
            fz::mutate_options o;
            o.operation = op;
            o.version = v;
            o.unknown = gs::unknown_policy::reject;
            o.invalid_ratio = 0;
            o.byte_ratio = 0;
            o.max_size = 4096;
            guarded g(4096, fz::generate<connection>(2, o));
            BOOST_TEST_REQUIRE(check<connection>(g.text(), o).ok());
            for(unsigned s = 0; s < 150; ++s)
            {
                g.size = fz::mutate<connection>(g.bytes.data(), g.size, g.capacity, s, o);
                auto const r = check<connection>(g.text(), o);
                BOOST_TEST_REQUIRE(r.ok(), op << " " << v << " step " << s << ": " << describe(r) << g.text());
            }
            BOOST_TEST(g.guard_intact());
        }
}

BOOST_AUTO_TEST_CASE(mutate_reaches_the_new_issues)
{
    using E = gs::error;
    fz::mutate_options o;
    o.invalid_ratio = 1;
    o.byte_ratio = 0;
    o.unknown = gs::unknown_policy::reject;
    std::set<std::string> reached;
    for(unsigned s = 0; s < 1500; ++s)
    {
        o.version = s % 2 ? gs::api_version::v1_0 : gs::api_version::beta;
        auto valid = o;
        valid.invalid_ratio = 0;
        guarded g(8192, fz::generate<connection>(s, valid));
        g.size = fz::mutate<connection>(g.bytes.data(), g.size, g.capacity, s, o);
        auto const r = check<connection>(g.text(), o);
        BOOST_TEST(!r.ok(), "seed " << s << ": " << g.text());
        if(has(r, E::null_not_allowed, "/configuration/authorizedApp"))
            reached.insert("null collection");
        if(has(r, E::invalid_enum, "/contentCategory") || has(r, E::invalid_enum, "/enabledContentExperiences"))
            reached.insert("unknown enum");
        if(has(r, E::unknown_property, "/enabledContentExperiences") || has(r, E::unknown_property, "/complianceSettings"))
            reached.insert("beta member");
        for(auto const& i : r)
            if(i.code == E::missing_required && i.pointer.find("/urlToItemResolvers/") != std::string::npos)
                reached.insert("resolver member");
    }
    BOOST_TEST(reached.size() == 4u, [&] { std::string x; for(auto const& k : reached) x += k + "; "; return x; }());
}

BOOST_AUTO_TEST_CASE(fuzz_model_every_kind_valid_across_operation_policy_and_version)
{
    // fuzz/fuzz_model.hpp has what externalConnection lacks: items() with a
    // minimum, a one_of with a concrete base, required_in and only_in v1.0.
    for(auto op : operations)
        for(auto p : policies)
            for(auto v : versions)
            {
                auto const o = options(op, p, 0, v);
                for(std::uint64_t s = 0; s < 40; ++s)
                {
                    auto const doc = fz::generate<fuzz_model::item>(s, o);
                    auto const r = check<fuzz_model::item>(doc, o);
                    BOOST_TEST(r.ok(), op << " " << p << " " << v << " seed " << s << ": " << describe(r) << doc);
                }
            }
    // The shapes, 1 to 3 in requests; a circle or a square for pick.
    bool square = false, circle = false, base_pick = false;
    for(std::uint64_t s = 0; s < 300; ++s)
    {
        auto const o = options(gs::operation::create, gs::unknown_policy::reject, 0, gs::api_version::v1_0);
        auto const d = gs::decode<fuzz_model::item>(fz::generate<fuzz_model::item>(s, o), fz::decode_options_for(o));
        BOOST_TEST_REQUIRE(d.ok());
        BOOST_TEST(d->pick.has_value()); // required_in(v1_0, create)
        BOOST_TEST(!d->beta_tags.has_value()); // only_in(beta)
        if(d->shapes)
        {
            BOOST_TEST(d->shapes->size() >= 1u);
            BOOST_TEST(d->shapes->size() <= 3u);
            for(auto const& x : *d->shapes)
            {
                BOOST_TEST(!std::holds_alternative<fuzz_model::shape>(x.as_variant())); // abstract
                square = square || std::holds_alternative<fuzz_model::square>(x.as_variant());
                circle = circle || std::holds_alternative<fuzz_model::circle>(x.as_variant());
            }
        }
        base_pick = base_pick || std::holds_alternative<fuzz_model::circle>(d->pick->as_variant());
    }
    BOOST_TEST(square);
    BOOST_TEST(circle);
    BOOST_TEST(base_pick);
}

BOOST_AUTO_TEST_CASE(fuzz_model_flaws_reach_each_version_rule)
{
    using E = gs::error;
    bool too_few = false, v1_required = false, v1_only = false, beta_required = false,
         abstract_untyped = false, null_shapes = false;
    for(std::uint64_t s = 0; s < 1500; ++s)
    {
        auto const v = s % 2 ? gs::api_version::v1_0 : gs::api_version::beta;
        auto const op = s % 3 == 0 ? gs::operation::update : gs::operation::create;
        auto const o = options(op, gs::unknown_policy::reject, 1, v);
        auto const doc = fz::generate<fuzz_model::item>(s, o);
        auto const r = check<fuzz_model::item>(doc, o);
        BOOST_TEST_REQUIRE(!r.ok(), doc);
        for(auto const& i : r)
        {
            too_few = too_few || (i.code == E::constraint_violation && i.pointer == "/shapes" &&
                boost::json::parse(doc).as_object().at("shapes").as_array().empty());
            v1_required = v1_required || (v == gs::api_version::v1_0 && i.code == E::missing_required &&
                (i.pointer == "/pick" || i.pointer.find("/fill") != std::string::npos));
            beta_required = beta_required || (v == gs::api_version::beta && op == gs::operation::update &&
                i.code == E::missing_required && i.pointer == "/note");
            v1_only = v1_only || (v == gs::api_version::beta && i.code == E::unknown_property &&
                i.pointer == "/legacy");
            abstract_untyped = abstract_untyped || (i.code == E::missing_required &&
                i.pointer.rfind("/shapes/", 0) == 0 && i.pointer.find("@odata.type") != std::string::npos);
            null_shapes = null_shapes || (i.code == E::null_not_allowed && i.pointer == "/shapes");
        }
    }
    BOOST_TEST(too_few);
    BOOST_TEST(v1_required);
    BOOST_TEST(beta_required);
    BOOST_TEST(v1_only);
    BOOST_TEST(abstract_untyped);
    BOOST_TEST(null_shapes);
}

//------------------------------------------------------------------------------
// mutate

BOOST_AUTO_TEST_CASE(mutate_is_deterministic)
{
    auto const seed_doc = fz::generate<sample::widget>(3);
    for(unsigned s = 0; s < 50; ++s)
    {
        guarded a(4096, seed_doc);
        guarded b(4096, seed_doc);
        a.size = fz::mutate<sample::widget>(a.bytes.data(), a.size, a.capacity, s);
        b.size = fz::mutate<sample::widget>(b.bytes.data(), b.size, b.capacity, s);
        BOOST_TEST(a.text() == b.text());
    }
}

BOOST_AUTO_TEST_CASE(mutate_keeps_a_valid_document_valid_when_asked)
{
    fz::mutate_options o;
    o.operation = gs::operation::update;
    o.unknown = gs::unknown_policy::reject;
    o.invalid_ratio = 0;
    o.byte_ratio = 0;
    o.max_size = 4096;
    guarded g(4096, fz::generate<sample::widget>(1, o));
    BOOST_TEST_REQUIRE(check<sample::widget>(g.text(), o).ok());
    for(unsigned s = 0; s < 200; ++s)
    {
        g.size = fz::mutate<sample::widget>(g.bytes.data(), g.size, g.capacity, s, o);
        auto const r = check<sample::widget>(g.text(), o);
        BOOST_TEST_REQUIRE(r.ok(), "step " << s << ": " << describe(r) << g.text());
    }
    BOOST_TEST(g.guard_intact());
}

BOOST_AUTO_TEST_CASE(mutate_breaks_one_rule_when_asked)
{
    fz::mutate_options o;
    o.invalid_ratio = 1;
    o.byte_ratio = 0;
    std::set<gs::error> codes;
    for(unsigned s = 0; s < 300; ++s)
    {
        guarded g(4096, fz::generate<connection>(s));
        g.size = fz::mutate<connection>(g.bytes.data(), g.size, g.capacity, s, o);
        auto const r = check<connection>(g.text(), o);
        BOOST_TEST(!r.ok(), "seed " << s << ": " << g.text());
        for(auto const& i : r)
            codes.insert(i.code);
    }
    BOOST_TEST(codes.size() >= 9u);
}

BOOST_AUTO_TEST_CASE(chained_mutation_stays_mostly_json_and_valid)
{
    // docs/fuzzing.md has the figures of fuzz/kit_figures.cpp over 10,000
    // steps; this is a floor, so that a change that breaks it shows.
    std::string const body = R"({"id":"contosohr","name":"Contoso HR","description":"",)"
                             R"("configuration":{"authorizedApps":["d310d35d"]}})";
    guarded g(4096, body);
    int json = 0;
    int valid = 0;
    int const steps = 400;
    for(int s = 0; s < steps; ++s)
    {
        g.size = LLVMFuzzerCustomMutator(g.bytes.data(), g.size, g.capacity, static_cast<unsigned>(s));
        json += is_json(g.text()) ? 1 : 0;
        valid += gs::validate<connection>(g.text()).ok() ? 1 : 0;
    }
    BOOST_TEST(json * 10 >= steps * 9);
    BOOST_TEST(valid * 10 >= steps * 3);
    BOOST_TEST(g.guard_intact());
}

BOOST_AUTO_TEST_CASE(mutate_writes_no_more_than_max_size)
{
    std::string const inputs[] = {
        "", "{}", "not json", fz::generate<sample::widget>(5),
        fz::generate<sample::widget>(6, options(gs::operation::create, gs::unknown_policy::preserve, 1)),
        std::string(5000, '['), std::string(3000, 'x')};
    for(std::size_t max : {0u, 1u, 2u, 7u, 40u, 100u, 300u, 1000u, 4096u})
        for(auto const& in : inputs)
            for(unsigned s = 0; s < 12; ++s)
            {
                guarded g(max, in);
                std::size_t const n = fz::mutate<sample::widget>(g.bytes.data(), g.size, max, s);
                BOOST_TEST(n <= max);
                BOOST_TEST(g.guard_intact());
            }
}

BOOST_AUTO_TEST_CASE(mutate_survives_hostile_input)
{
    // Sizes above max_size (libFuzzer never passes one; a caller might),
    // deep nesting, invalid UTF-8, every byte value, a large valid
    // document, non-objects.
    std::string deep(200000, '[');
    std::string bytes;
    for(int i = 0; i < 256; ++i)
        bytes.push_back(static_cast<char>(i));
    std::string big = "{\"id\":\"abc\",\"x\":[";
    for(int i = 0; i < 20000; ++i)
        big += "1,";
    big += "1]}";
    std::string const inputs[] = {"", deep, bytes, big, "[1,2]", "\"s\"", "null", "{\"\xFF\":1}",
        "{\"id\":\"\\ud800\"}", "\xEF\xBB\xBF{}", std::string(1 << 20, ' ')};
    for(auto const& in : inputs)
        for(unsigned s = 0; s < 10; ++s)
        {
            std::size_t const max = 2048;
            std::vector<std::uint8_t> buf(in.begin(), in.end());
            buf.resize((std::max)(in.size(), max) + 16, 0xA5);
            std::size_t const n = fz::mutate<connection>(buf.data(), in.size(), max, s);
            BOOST_TEST(n <= max);
        }
}

//------------------------------------------------------------------------------
// cross_over

BOOST_AUTO_TEST_CASE(cross_over_swaps_members)
{
    gs::decode_options read;
    read.operation = gs::operation::read;
    std::string const a = R"({"id":"first","name":"A","configuration":{"authorizedApps":["x"]}})";
    std::string const b = R"({"id":"second","description":"B","configuration":{"authorizedAppIds":["y"]},"@x":1})";
    std::set<std::string> seen;
    for(unsigned s = 0; s < 60; ++s)
    {
        guarded out(4096);
        out.size = LLVMFuzzerCustomCrossOver(reinterpret_cast<std::uint8_t const*>(a.data()), a.size(),
            reinterpret_cast<std::uint8_t const*>(b.data()), b.size(), out.bytes.data(), out.capacity, s);
        auto const r = gs::decode<connection>(out.text(), read);
        BOOST_TEST_REQUIRE(r.ok(), out.text());
        // Members of both: a's name stays, b's may come in.
        BOOST_TEST(r->name.value_or("") == "A");
        if(r->description)
            seen.insert("description");
        if(*r->id == "second")
            seen.insert("id");
        if(r->configuration && r->configuration->authorized_app_ids)
            seen.insert("nested");
        if(r->unknown_properties.contains("@x"))
            seen.insert("annotation");
        BOOST_TEST(out.guard_intact());
    }
    BOOST_TEST(seen.size() == 4u);
}

BOOST_AUTO_TEST_CASE(cross_over_writes_no_more_than_max_size)
{
    std::string const inputs[] = {"", "{}", "garbage", std::string(3000, '{'),
        fz::generate<sample::widget>(8), fz::generate<sample::widget>(9)};
    for(std::size_t max : {0u, 1u, 10u, 64u, 500u, 4096u})
        for(auto const& a : inputs)
            for(auto const& b : inputs)
                for(unsigned s = 0; s < 4; ++s)
                {
                    guarded out(max);
                    std::size_t const n = fz::cross_over<sample::widget>(
                        reinterpret_cast<std::uint8_t const*>(a.data()), a.size(),
                        reinterpret_cast<std::uint8_t const*>(b.data()), b.size(),
                        out.bytes.data(), max, s);
                    BOOST_TEST(n <= max);
                    BOOST_TEST(out.guard_intact());
                }
}

BOOST_AUTO_TEST_CASE(string_rules_of_the_connector_models)
{
    // Valid documents keep a date-time that exists, the one value and the
    // deny-list, with characters beyond ASCII (which a deny-list allows).
    using kit_rules::stamp;
    std::size_t wide = 0, leap = 0, lower_t = 0;
    for(auto op : {gs::operation::create, gs::operation::update})
        for(std::uint64_t s = 0; s < 300; ++s)
        {
            auto const o = options(op);
            auto const text = fz::generate<stamp>(s, o);
            auto const r = check<stamp>(text, o);
            BOOST_TEST(r.ok(), "seed " << s << ": " << describe(r) << text);
            auto const jv = boost::json::parse(text);
            auto const& label = jv.at("label").as_string();
            for(unsigned char ch : label)
                wide += ch >= 0x80;
            std::string_view const at(jv.at("at").as_string());
            leap += at.substr(4, 6) == "-02-29";
            lower_t += at.size() > 10 && at[10] == 't';
            BOOST_TEST(jv.at("kind") == "fixed");
        }
    BOOST_TEST(wide > 0u);
    BOOST_TEST(leap > 0u);
    BOOST_TEST(lower_t > 0u);

    // Broken documents reach each rule: a constraint_violation at each member.
    std::set<std::string> broken;
    for(std::uint64_t s = 0; s < 400; ++s)
    {
        auto const o = options(gs::operation::create, gs::unknown_policy::preserve, 1);
        auto const r = check<stamp>(fz::generate<stamp>(s, o), o);
        for(auto const& i : r)
            if(i.code == gs::error::constraint_violation)
                broken.insert(i.pointer.substr(0, i.pointer.find('/', 1)));
    }
    BOOST_TEST(broken.count("/at") == 1u);
    BOOST_TEST(broken.count("/kind") == 1u);
    BOOST_TEST(broken.count("/label") == 1u);
}

BOOST_AUTO_TEST_CASE(connector_models_valid_with_their_rules_across_members)
{
    // A schema registration keeps its pairings (isSearchable only on
    // strings, isRefinable never with it) and its names unique ignoring
    // case; the other connector models are valid too.
    for(auto op : operations)
        for(auto v : versions)
            for(std::uint64_t s = 0; s < 60; ++s)
            {
                auto const o = options(op, gs::unknown_policy::reject, 0, v);
                auto const a = fz::generate<gs::graph::schema>(s, o);
                auto const ra = check<gs::graph::schema>(a, o);
                BOOST_TEST(ra.ok(), op << " " << v << " seed " << s << ": " << describe(ra) << a);
                auto const b = fz::generate<gs::graph::external_item>(s, o);
                auto const rb = check<gs::graph::external_item>(b, o);
                BOOST_TEST(rb.ok(), op << " " << v << " seed " << s << ": " << describe(rb) << b);
                auto const c = fz::generate<gs::graph::add_activities>(s, o);
                auto const rc = check<gs::graph::add_activities>(c, o);
                BOOST_TEST(rc.ok(), op << " " << v << " seed " << s << ": " << describe(rc) << c);
            }
    // The rules had something to keep: some registration has a property
    // with isSearchable true, and one with two or more properties.
    std::size_t searchable = 0, several = 0;
    for(std::uint64_t s = 0; s < 200; ++s)
    {
        auto const jv = boost::json::parse(fz::generate<gs::graph::schema>(s, options(gs::operation::create)));
        auto const& props = jv.at("properties").as_array();
        several += props.size() > 1;
        for(auto const& p : props)
            if(auto const* x = p.as_object().if_contains("isSearchable"))
                searchable += *x == true;
    }
    BOOST_TEST(searchable > 0u);
    BOOST_TEST(several > 0u);
}
