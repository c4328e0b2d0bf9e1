//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_DETAIL_TABLES_HPP
#define GRAPHSCHEMA_DETAIL_TABLES_HPP

#include <graphschema/model.hpp>
#include <graphschema/nullable.hpp>
#include <graphschema/one_of.hpp>
#include <graphschema/open_enum.hpp>
#include <graphschema/preserved.hpp>
#include <graphschema/detail/model_traits.hpp>

#include <boost/mp11/algorithm.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

/*  The engine's view of a model: compile-time tables built once per type
    from Boost.Describe and the model's rules. The decoder walks these
    tables (one code path for every model); the encoder and the schema
    export read the same names and rules, so a rule is written once.
*/

namespace graphschema {
namespace detail {

//------------------------------------------------------------------------------
// Runtime tables

struct model_table;
struct one_of_table;

struct enum_table
{
    std::string_view const* names;
    std::size_t count;
};

struct type_node
{
    value_kind kind;
    // integer: the C++ type's range, and how to store a value
    std::int64_t min_value;
    std::int64_t max_value;
    void (*assign_integer)(void* target, std::int64_t v);
    // number
    void (*assign_number)(void* target, double v);
    // enumeration (E or open_enum<E>) and flags<E>: the names, and whether
    // a name that is none of them can be kept (open_enum, flags: on read)
    enum_table const* enumeration;
    bool open;
    void (*assign_enumerator)(void* target, std::size_t index);
    void (*assign_unknown)(void* target, std::string_view name);
    // flags: adds one name (the index of an enumerator, or npos and the
    // name), and says which form the value came in
    void (*add_flag)(void* target, std::size_t index, std::string_view name);
    void (*set_flags_form)(void* target, unsigned char form);
    // array: the element type, and how to add and drop an element
    type_node const& (*element)();
    void* (*append)(void* vector);
    void (*pop)(void* vector);
    // model
    model_table const& (*model)();
    // one_of: the base and derived models
    one_of_table const* alternatives;
    // array of strings: adds an element holding `text`, built at its size
    void (*append_text)(void* vector, std::string_view text);
};

// The models a one_of<Base, Derived...> may hold: alternative 0 is the
// base, 1 to `count` the derived ones.
struct one_of_table
{
    model_table const& (*const* models)();
    std::size_t count; // derived ones
    // Makes the value hold alternative `i` (default-constructed) and
    // returns the object; or holds the JSON text of a type not known.
    void* (*emplace)(void* target, std::size_t i);
    void (*assign_unknown)(void* target, std::string_view json);
};

// A uniqueness rule of an array member: the JSON names of the element
// members whose strings are unique across the array, ignoring ASCII case.
struct unique_entry
{
    std::array<std::string_view, max_unique_names> json_names;
    std::size_t count;

    constexpr bool
    names(std::string_view json_name) const noexcept
    {
        for(std::size_t i = 0; i < count; ++i)
            if(json_names[i] == json_name)
                return true;
        return false;
    }
};

// A rule across members (model_rules: true_only_when, never_true_with),
// with members as indices: boolean member `member` may be true only when
// the enum member `enum_member` holds an enumerator of `enum_mask`, and
// not together with boolean member `excluded` (npos: no such condition).
struct pairing_entry
{
    std::size_t member;
    std::size_t enum_member;
    std::uint64_t enum_mask;
    std::size_t excluded;
};

struct member_entry
{
    std::string_view json_name;
    type_node const* type;
    operation_set required;                           // in every version
    std::array<operation_set, api_version_count> required_in; // in one
    operation_set read_only;
    unsigned char versions;     // a bit per api_version the member exists in
    string_rules const* text;   // null when the member has none
    integer_rules const* range; // null when the member has none
    item_rules const* items;    // null when the member has none
    void* (*emplace)(void* object);
    void (*reset)(void* object);
    // A nullable<T> member: makes it null (null for other members).
    void (*set_null)(void* object);
    // For the decoder's quick decisions on text (derived from `text`):
    // 256 flags, 1 for each byte the rules allow (null when they allow
    // any), and a filter of the reserved words' sizes and first bytes, so
    // that most values compare with none of them.
    unsigned char const* allowed_bytes;
    std::uint64_t reserved_filter;
    // A string member: makes it hold `text`, built at its size (null for
    // other members).
    void (*emplace_text)(void* object, std::string_view text);
    // An array member with unique_ignoring_case(): its rule (else null).
    unique_entry const* unique;

    static constexpr std::uint64_t
    filter_bit(std::string_view s) noexcept
    {
        std::size_t const first = s.empty() ? 0 : static_cast<unsigned char>(s[0]);
        return std::uint64_t(1) << ((s.size() * 31 + first) & 63);
    }
};

constexpr std::size_t
index_of(operation op) noexcept
{
    return static_cast<std::size_t>(op);
}

constexpr std::size_t
index_of(api_version v) noexcept
{
    return static_cast<std::size_t>(v);
}

// Whether member `m` must be present in `op` and version `v`
// (`missing_required`), and whether it must not be (`read_only_property`).
// The walker reads the same sets as bit masks, a bit per member
// (model_table::required, read_only), made from these.
constexpr bool
required_in(member_entry const& m, operation op, api_version v) noexcept
{
    return m.required.contains(op) || m.required_in[index_of(v)].contains(op);
}

// Whether the member exists in version `v`: elsewhere it is undeclared.
constexpr bool
present_in(member_entry const& m, api_version v) noexcept
{
    return (m.versions >> index_of(v)) & 1;
}

constexpr bool
read_only_in(member_entry const& m, operation op) noexcept
{
    return m.read_only.contains(op);
}

/*  Which member a key can be, in constant time: a multiplicative hash of
    the key's length and of its first, middle and last bytes picks a slot,
    and the slot names the one member (or @odata.type) whose name could be
    the key, so that the decoder compares one name instead of all of them.
    The multiplier and the table are found at compile time, so that every
    name of the model has a slot of its own; when no multiplier separates
    them (names alike in all four of those), `slots` is null and the
    decoder compares every name.
*/
struct member_lookup
{
    std::uint32_t multiplier;
    unsigned shift;              // 32 minus the table's bits
    std::uint8_t const* slots;   // member index + 1 (member_count + 1 for @odata.type), 0 for none

    // The hash input of a key of `n` bytes, n > 0.
    static constexpr std::uint32_t
    fingerprint(char const* p, std::size_t n) noexcept
    {
        return static_cast<std::uint32_t>(static_cast<unsigned char>(p[0])) |
            static_cast<std::uint32_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
            static_cast<std::uint32_t>(static_cast<unsigned char>(p[n - 1])) << 16 |
            static_cast<std::uint32_t>(n) << 24;
    }

    static constexpr std::size_t
    slot(std::uint32_t fingerprint, std::uint32_t multiplier, unsigned shift) noexcept
    {
        return static_cast<std::size_t>(static_cast<std::uint32_t>(fingerprint * multiplier) >> shift);
    }
};

struct model_table
{
    std::string_view const* type_names;
    std::size_t type_name_count;
    bool open;
    bool abstract;
    bool dynamic;                    // members given at run time, when there is a dynamic_schema
    std::size_t const* written_name; // per api_version: which type name is written
    member_entry const* members;
    std::size_t member_count;
    preserved_members& (*preserved)(void* object);
    // Bit i stands for member i: required, per operation and version;
    // read-only, per operation; present, per version.
    std::uint64_t required[3][api_version_count];
    std::uint64_t read_only[3];
    std::uint64_t present[api_version_count];
    member_lookup lookup;
    // Rules across members, and the one enum member they read (npos: none).
    pairing_entry const* pairings;
    std::size_t pairing_count;
    std::size_t pairing_enum;
};

//------------------------------------------------------------------------------
// Type nodes

template<class V>
struct node_of;

template<class V>
constexpr type_node const&
node_ref() noexcept
{
    return node_of<V>::value;
}

template<class T>
struct model_table_of;

template<class T>
constexpr model_table const&
model_ref() noexcept
{
    return model_table_of<T>::value;
}

template<class I>
void
assign_integer(void* target, std::int64_t v)
{
    *static_cast<I*>(target) = static_cast<I>(v);
}

template<class F>
void
assign_number(void* target, double v)
{
    // Converting a value beyond the type's range is undefined behaviour:
    // store the infinity IEEE 754 rounding would give.
    constexpr double top = static_cast<double>((std::numeric_limits<F>::max)());
    if(v > top)
        v = std::numeric_limits<double>::infinity();
    else if(v < -top)
        v = -std::numeric_limits<double>::infinity();
    *static_cast<F*>(target) = static_cast<F>(v);
}

template<class Vec>
void*
append_element(void* vector)
{
    auto& v = *static_cast<Vec*>(vector);
    v.emplace_back();
    return &v.back();
}

template<class Vec>
void
append_text_element(void* vector, std::string_view text)
{
    static_cast<Vec*>(vector)->emplace_back(text.data(), text.size());
}

template<class Vec>
void
pop_element(void* vector)
{
    static_cast<Vec*>(vector)->pop_back();
}

// The enum E itself, or open_enum<E>, or flags<E>: the E.
template<class V, class = void>
struct enum_of
{
    using type = V;
};

template<class V>
struct enum_of<V, std::void_t<typename V::enum_type>>
{
    using type = typename V::enum_type;
};

template<class V>
void
assign_enumerator(void* target, std::size_t index)
{
    using E = typename enum_of<V>::type;
    *static_cast<V*>(target) = enum_values_of<E>::values[index];
}

template<class V>
void
assign_unknown_name(void* target, std::string_view name)
{
    *static_cast<V*>(target) = V::unknown(name);
}

template<class V>
void
add_flag(void* target, std::size_t index, std::string_view name)
{
    using E = typename V::enum_type;
    auto& f = *static_cast<V*>(target);
    if(index != npos)
        f.items.emplace_back(enum_values_of<E>::values[index]);
    else
        f.items.push_back(open_enum<E>::unknown(name));
}

template<class V>
void
set_flags_form(void* target, unsigned char form)
{
    static_cast<V*>(target)->written_as = static_cast<typename V::form>(form);
}

template<class E>
struct enum_table_of
{
    using values = enum_values_of<E>;

    static constexpr bool
    names_short() noexcept
    {
        for(auto n : values::names)
            if(n.size() > max_compared_size)
                return false;
        return true;
    }

    static_assert(names_short(),
        "graphschema: an enumerator name may be at most 127 bytes long");

    static constexpr enum_table value{values::names.data(), values::names.size()};
};

template<class V>
struct one_of_table_of;

template<class B, class... D>
struct one_of_table_of<one_of<B, D...>>
{
    using V = one_of<B, D...>;

    static constexpr model_table const& (*models[])() = {&model_ref<B>, &model_ref<D>...};

    template<std::size_t... I>
    static void*
    emplace_at(V& v, std::size_t i, std::index_sequence<I...>)
    {
        void* p = nullptr;
        ((i == I ? (p = &v.template emplace<I>(), 0) : 0), ...);
        return p;
    }

    static void*
    emplace(void* target, std::size_t i)
    {
        return emplace_at(*static_cast<V*>(target), i, std::make_index_sequence<1 + sizeof...(D)>());
    }

    static void
    assign_unknown(void* target, std::string_view json)
    {
        auto& v = *static_cast<V*>(target);
        preserved_access::assign(v.template emplace<raw_json>(), json);
    }

    static constexpr one_of_table value{models, sizeof...(D), &emplace, &assign_unknown};
};

constexpr type_node
make_node(value_kind k) noexcept
{
    type_node n{};
    n.kind = k;
    return n;
}

// What the walker expects where no member's type says: the value of
// @odata.type, a member kept verbatim, a value only read through.
inline constexpr type_node odata_type_node = make_node(value_kind::odata_type);
inline constexpr type_node annotation_node = make_node(value_kind::annotation);
inline constexpr type_node kept_node = make_node(value_kind::kept);
inline constexpr type_node skipped_node = make_node(value_kind::skipped);

template<class V>
constexpr type_node
build_node() noexcept
{
    constexpr value_kind k = kind_of<V>();
    type_node n = make_node(k);
    if constexpr(k == value_kind::integer)
    {
        n.min_value = static_cast<std::int64_t>((std::numeric_limits<V>::min)());
        n.max_value = static_cast<std::int64_t>((std::numeric_limits<V>::max)());
        n.assign_integer = &assign_integer<V>;
    }
    else if constexpr(k == value_kind::number)
    {
        n.assign_number = &assign_number<V>;
    }
    else if constexpr(k == value_kind::enumeration)
    {
        n.enumeration = &enum_table_of<typename enum_of<V>::type>::value;
        n.assign_enumerator = &assign_enumerator<V>;
        if constexpr(is_open_enum<V>::value)
        {
            n.open = true;
            n.assign_unknown = &assign_unknown_name<V>;
        }
    }
    else if constexpr(k == value_kind::flags)
    {
        n.enumeration = &enum_table_of<typename V::enum_type>::value;
        n.open = true;
        n.add_flag = &add_flag<V>;
        n.set_flags_form = &set_flags_form<V>;
    }
    else if constexpr(k == value_kind::array)
    {
        n.element = &node_ref<typename V::value_type>;
        n.append = &append_element<V>;
        n.pop = &pop_element<V>;
        if constexpr(kind_of<typename V::value_type>() == value_kind::string)
            n.append_text = &append_text_element<V>;
    }
    else if constexpr(k == value_kind::model)
    {
        n.model = &model_ref<V>;
    }
    else if constexpr(k == value_kind::one_of)
    {
        n.alternatives = &one_of_table_of<V>::value;
    }
    return n;
}

template<class V>
struct node_of
{
    static constexpr type_node value = build_node<V>();
};

//------------------------------------------------------------------------------
// Model tables

template<class T, class D>
struct member_access
{
    using M = member_value_t<T, D>;
    // std::optional<V> and nullable<V> hold a V or not; a V is always there.
    static constexpr bool wrapped = is_optional<M>::value || is_nullable<M>::value;

    static void*
    emplace(void* object)
    {
        auto& m = static_cast<T*>(object)->*D::pointer;
        if constexpr(wrapped)
            return &m.emplace();
        else
        {
            m = M();
            return &m;
        }
    }

    static void
    reset(void* object)
    {
        auto& m = static_cast<T*>(object)->*D::pointer;
        if constexpr(wrapped)
            m.reset();
        else
            m = M();
    }

    static void
    set_null(void* object)
    {
        (static_cast<T*>(object)->*D::pointer).set_null();
    }

    static void
    emplace_text(void* object, std::string_view text)
    {
        auto& m = static_cast<T*>(object)->*D::pointer;
        if constexpr(wrapped)
            m.emplace(text.data(), text.size());
        else
            m.assign(text.data(), text.size());
    }
};

// The bytes the text rules of the model's rule `r` allow, as a table.
template<class T, std::size_t R>
struct allowed_bytes_of
{
    static constexpr std::array<unsigned char, 256>
    make() noexcept
    {
        std::array<unsigned char, 256> t{};
        for(std::size_t c = 0; c < 256; ++c)
            t[c] = model_traits<T>::rules.members[R].text.allowed.contains(static_cast<unsigned char>(c)) ? 1 : 0;
        return t;
    }

    static constexpr std::array<unsigned char, 256> value = make();
};

// The position of the member named `cpp` (its C++ name) among the
// members of `List`, or npos.
template<template<class...> class L, class... D>
constexpr std::size_t
member_position(std::string_view cpp, L<D...>) noexcept
{
    std::size_t i = 0, at = npos;
    ((cpp == D::name && at == npos ? (at = i) : 0, ++i), ...);
    (void)cpp;
    return at;
}

// The JSON name of the member named `cpp` (its C++ name) of model T.
template<class T, template<class...> class L, class... D>
constexpr std::string_view
json_name_of(std::string_view cpp, L<D...>) noexcept
{
    std::string_view n;
    ((cpp == D::name && n.empty() ? (n = member_json_name<T, D>::value, 0) : 0), ...);
    (void)cpp;
    return n;
}

// Rule R's uniqueness rule (an array member of T), with JSON names.
template<class T, std::size_t R>
struct unique_entry_of
{
    static constexpr auto& rule = model_traits<T>::rules.members[R];
    using D = boost::mp11::mp_at_c<json_members<T>, member_position(rule.member, json_members<T>())>;
    using E = typename unwrap_optional<member_value_t<T, D>>::type::value_type;

    static constexpr unique_entry
    make() noexcept
    {
        unique_entry u{};
        u.count = rule.unique.count;
        for(std::size_t i = 0; i < u.count; ++i)
            u.json_names[i] = json_name_of<E>(rule.unique.names[i], json_members<E>());
        return u;
    }

    static constexpr unique_entry value = make();
};

// The rules across members of model T, with members as indices.
template<class T>
struct pairings_of
{
    static constexpr auto& rules = model_traits<T>::rules;

    static constexpr std::size_t
    count() noexcept
    {
        std::size_t n = 0;
        for(auto const& m : rules.members)
            n += m.has_pairing ? 1 : 0;
        return n;
    }

    static constexpr std::array<pairing_entry, count()>
    make() noexcept
    {
        std::array<pairing_entry, count()> a{};
        std::size_t n = 0;
        for(auto const& m : rules.members)
            if(m.has_pairing)
            {
                auto const& p = m.pairing;
                a[n++] = {member_position(m.member, json_members<T>()),
                    p.enum_member.empty() ? npos : member_position(p.enum_member, json_members<T>()),
                    p.enum_mask,
                    p.excluded_member.empty() ? npos : member_position(p.excluded_member, json_members<T>())};
            }
        return a;
    }

    static constexpr auto value = make();

    // The enum member the rules read: one per model.
    static constexpr std::size_t
    enum_member() noexcept
    {
        std::size_t e = npos;
        for(auto const& p : value)
            if(p.enum_member != npos)
            {
                if(e != npos && e != p.enum_member)
                    return npos - 1;
                e = p.enum_member;
            }
        return e;
    }

    static constexpr std::size_t enumerator_member = enum_member();
    static_assert(enumerator_member != npos - 1,
        "graphschema: the true_only_when() rules of a model must all name the same enum member");
};

template<class T, class D>
constexpr member_entry
make_member_entry() noexcept
{
    using V = typename unwrap_optional<member_value_t<T, D>>::type;
    constexpr auto& rules = model_traits<T>::rules;
    constexpr std::size_t r = find_rule(rules, D::name);
    member_entry e{};
    e.json_name = member_json_name<T, D>::value;
    e.type = &node_of<V>::value;
    e.versions = (1u << api_version_count) - 1;
    e.emplace = &member_access<T, D>::emplace;
    e.reset = &member_access<T, D>::reset;
    if constexpr(is_nullable<member_value_t<T, D>>::value)
        e.set_null = &member_access<T, D>::set_null;
    if constexpr(kind_of<V>() == value_kind::string)
        e.emplace_text = &member_access<T, D>::emplace_text;
    if constexpr(r != npos)
    {
        e.required = rules.members[r].required;
        e.required_in = rules.members[r].required_in;
        e.read_only = rules.members[r].read_only;
        e.versions = rules.members[r].versions;
        if(rules.members[r].has_items)
            e.items = &rules.members[r].items;
        if(rules.members[r].has_text)
        {
            e.text = &rules.members[r].text;
            if(e.text->allowed.restricts())
                e.allowed_bytes = allowed_bytes_of<T, r>::value.data();
            for(std::size_t i = 0; i < e.text->reserved_count; ++i)
                e.reserved_filter |= member_entry::filter_bit(e.text->reserved[i]);
        }
        if(rules.members[r].has_range)
            e.range = &rules.members[r].range;
        if constexpr(rules.members[r].has_unique)
            e.unique = &unique_entry_of<T, r>::value;
    }
    return e;
}

template<class T, class List>
struct member_entries;

template<class T, template<class...> class L, class... D>
struct member_entries<T, L<D...>>
{
    static constexpr std::array<member_entry, sizeof...(D)> value{{make_member_entry<T, D>()...}};
};

// The perfect hash of a model's JSON names and @odata.type, searched at
// compile time over a few table sizes and multipliers.
template<std::size_t N, std::array<std::string_view, N> const& names>
struct member_lookup_of
{
    struct parameters
    {
        std::uint32_t multiplier;
        unsigned shift;
        unsigned bits;
    };

    static constexpr std::string_view
    name(std::size_t i) noexcept
    {
        return i < N ? names[i] : std::string_view("@odata.type");
    }

    static constexpr bool
    separates(std::uint32_t multiplier, unsigned bits) noexcept
    {
        std::uint64_t used[(1u << max_bits) / 64] = {};
        for(std::size_t i = 0; i <= N; ++i)
        {
            auto const n = name(i);
            auto const s = member_lookup::slot(member_lookup::fingerprint(n.data(), n.size()), multiplier, 32 - bits);
            std::uint64_t const bit = std::uint64_t(1) << (s % 64);
            if(used[s / 64] & bit)
                return false;
            used[s / 64] |= bit;
        }
        return true;
    }

    static constexpr parameters
    search() noexcept
    {
        unsigned bits = 4;
        while((std::size_t(1) << bits) < 2 * (N + 1))
            ++bits;
        for(; bits <= max_bits; ++bits)
        {
            std::uint32_t m = 0x9e3779b1u;
            for(int attempt = 0; attempt < 64; ++attempt)
            {
                if(separates(m, bits))
                    return {m, 32 - bits, bits};
                m = m * 0x01000193u + 0x7f4a7c15u;
                m |= 1;
            }
        }
        return {0, 32 - max_bits, 0};
    }

    static constexpr unsigned max_bits = 9;
    static constexpr parameters hash = search();
    static constexpr bool found = hash.bits != 0;

    static constexpr std::array<std::uint8_t, (std::size_t(1) << (found ? hash.bits : 0))>
    make_slots() noexcept
    {
        std::array<std::uint8_t, (std::size_t(1) << (found ? hash.bits : 0))> t{};
        if(found)
            for(std::size_t i = 0; i <= N; ++i)
            {
                auto const n = name(i);
                t[member_lookup::slot(member_lookup::fingerprint(n.data(), n.size()), hash.multiplier,
                    hash.shift)] = static_cast<std::uint8_t>(i + 1);
            }
        return t;
    }

    static constexpr auto slots = make_slots();
};

template<class T>
preserved_members&
preserved_of(void* object)
{
    using D = boost::mp11::mp_front<preserved_descriptors<T>>;
    return static_cast<T*>(object)->*D::pointer;
}

template<class T>
struct model_table_of
{
    static_assert(model_checks<T>::value, "");

    using entries = member_entries<T, json_members<T>>;
    static constexpr auto& rules = model_traits<T>::rules;

    // Bit i for each member i that `pick` says yes to.
    template<class Pick>
    static constexpr std::uint64_t
    mask(Pick pick) noexcept
    {
        std::uint64_t m = 0;
        for(std::size_t i = 0; i < entries::value.size(); ++i)
            if(pick(entries::value[i]))
                m |= std::uint64_t(1) << i;
        return m;
    }

    static constexpr std::uint64_t
    required(operation op, api_version v) noexcept
    {
        return mask([&](member_entry const& e) { return required_in(e, op, v); });
    }

    static constexpr std::uint64_t
    read_only(operation op) noexcept
    {
        return mask([&](member_entry const& e) { return read_only_in(e, op); });
    }

    static constexpr std::uint64_t
    present(api_version v) noexcept
    {
        return mask([&](member_entry const& e) { return present_in(e, v); });
    }

    using lookup = member_lookup_of<json_name_list<T, json_members<T>>::value.size(),
        json_name_list<T, json_members<T>>::value>;

    static constexpr model_table value{
        rules.type_names.data(), rules.type_name_count, rules.open, rules.abstract, rules.dynamic,
        rules.written_name.data(),
        entries::value.data(), entries::value.size(), &preserved_of<T>,
        {{required(operation::create, api_version::v1_0), required(operation::create, api_version::beta)},
         {required(operation::update, api_version::v1_0), required(operation::update, api_version::beta)},
         {required(operation::read, api_version::v1_0), required(operation::read, api_version::beta)}},
        {read_only(operation::create), read_only(operation::update), read_only(operation::read)},
        {present(api_version::v1_0), present(api_version::beta)},
        {lookup::found ? lookup::hash.multiplier : 0, lookup::hash.shift,
            lookup::found ? lookup::slots.data() : nullptr},
        pairings_of<T>::value.data(), pairings_of<T>::value.size(), pairings_of<T>::enumerator_member};
};

} // detail

} // graphschema

#endif
