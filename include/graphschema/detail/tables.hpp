//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_DETAIL_TABLES_HPP
#define GRAPHSCHEMA_DETAIL_TABLES_HPP

#include <graphschema/model.hpp>
#include <graphschema/preserved.hpp>
#include <graphschema/detail/naming.hpp>

#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/describe/modifiers.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

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

template<class T>
struct dependent_false : std::false_type
{
};

//------------------------------------------------------------------------------
// Type classification

template<class T> struct is_optional : std::false_type {};
template<class T> struct is_optional<std::optional<T>> : std::true_type {};

template<class T> struct is_vector : std::false_type {};
template<class T, class A> struct is_vector<std::vector<T, A>> : std::true_type {};

template<class T> struct unwrap_optional { using type = T; };
template<class T> struct unwrap_optional<std::optional<T>> { using type = T; };

enum class value_kind : unsigned char
{
    string,
    boolean,
    integer,
    number,
    enumeration,
    array,
    model,
    raw,
    unmapped
};

template<class V>
constexpr value_kind
kind_of() noexcept
{
    if constexpr(std::is_same<V, std::string>::value)
        return value_kind::string;
    else if constexpr(std::is_same<V, bool>::value)
        return value_kind::boolean;
    else if constexpr(std::is_integral<V>::value &&
        !std::is_same<V, char>::value && !std::is_same<V, wchar_t>::value &&
        !std::is_same<V, char16_t>::value && !std::is_same<V, char32_t>::value &&
        !(std::is_unsigned<V>::value && sizeof(V) >= 8))
        return value_kind::integer;
    else if constexpr(std::is_floating_point<V>::value)
        return value_kind::number;
    else if constexpr(boost::describe::has_describe_enumerators<V>::value)
        return value_kind::enumeration;
    else if constexpr(std::is_same<V, raw_json>::value)
        return value_kind::raw;
    else if constexpr(is_model<V>::value)
        return value_kind::model;
    else if constexpr(is_vector<V>::value)
    {
        using E = typename V::value_type;
        if constexpr(is_optional<E>::value || is_vector<E>::value ||
            kind_of<E>() == value_kind::unmapped)
            return value_kind::unmapped;
        else
            return value_kind::array;
    }
    else
        return value_kind::unmapped;
}

// The kind a member's string rules and range apply to: the value itself,
// or each element of an array.
template<class V>
constexpr value_kind
scalar_kind_of() noexcept
{
    if constexpr(is_vector<V>::value && kind_of<V>() == value_kind::array)
        return kind_of<typename V::value_type>();
    else
        return kind_of<V>();
}

//------------------------------------------------------------------------------
// Runtime tables

struct model_table;

struct enum_table
{
    std::string_view const* names;
    std::size_t count;
    void (*assign)(void* target, std::size_t index);
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
    // enumeration
    enum_table const* enumeration;
    // array: the element type, and how to add and drop an element
    type_node const& (*element)();
    void* (*append)(void* vector);
    void (*pop)(void* vector);
    // model
    model_table const& (*model)();
    // array of strings: adds an element holding `text`, built at its size
    void (*append_text)(void* vector, std::string_view text);
};

struct member_entry
{
    std::string_view json_name;
    type_node const* type;
    operation_set required;
    operation_set read_only;
    string_rules const* text;   // null when the member has none
    integer_rules const* range; // null when the member has none
    void* (*emplace)(void* object);
    void (*reset)(void* object);
    // For the decoder's quick decisions on text (derived from `text`):
    // 256 flags, 1 for each byte the rules allow (null when they allow
    // any), and a filter of the reserved words' sizes and first bytes, so
    // that most values compare with none of them.
    unsigned char const* allowed_bytes;
    std::uint64_t reserved_filter;
    // A string member: makes it hold `text`, built at its size (null for
    // other members).
    void (*emplace_text)(void* object, std::string_view text);
    // Whether any string is a valid value, without a look: bit 0 when the
    // text rules are checked (create, update), bit 1 when not (read).
    unsigned char any_string;

    static constexpr std::uint64_t
    filter_bit(std::string_view s) noexcept
    {
        std::size_t const first = s.empty() ? 0 : static_cast<unsigned char>(s[0]);
        return std::uint64_t(1) << ((s.size() * 31 + first) & 63);
    }
};

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
    member_entry const* members;
    std::size_t member_count;
    preserved_members& (*preserved)(void* object);
    std::uint64_t required[3];  // bit i: member i is required, per operation
    std::uint64_t read_only[3]; // bit i: member i is read-only, per operation
    member_lookup lookup;
    void (*clear)(void* object); // makes the object a default-constructed one
};

//------------------------------------------------------------------------------
// Model traits: the rules, checked at compile time

template<class T>
using described_members = boost::describe::describe_members<T, boost::describe::mod_public>;

template<class T, class D>
using member_value_t = std::remove_cv_t<std::remove_reference_t<
    decltype(std::declval<T&>().*D::pointer)>>;

template<class T>
struct is_preserved_member
{
    template<class D>
    using fn = std::is_same<member_value_t<T, D>, preserved_members>;
};

template<class T>
struct is_json_member
{
    template<class D>
    using fn = std::integral_constant<bool, !is_preserved_member<T>::template fn<D>::value>;
};

template<class T>
using json_members = boost::mp11::mp_copy_if_q<described_members<T>, is_json_member<T>>;

template<class T>
using preserved_descriptors = boost::mp11::mp_copy_if_q<described_members<T>, is_preserved_member<T>>;

inline constexpr std::size_t npos = static_cast<std::size_t>(-1);

// The longest name the decoder compares in place (type names, enum names,
// reserved words); longer strings are read through without buffering.
inline constexpr std::size_t max_compared_size = 127;

template<std::size_t N>
constexpr std::size_t
find_rule(model_rules<N> const& rules, std::string_view member) noexcept
{
    for(std::size_t i = 0; i < N; ++i)
        if(rules.members[i].member == member)
            return i;
    return npos;
}

template<class List>
struct cpp_names;

template<template<class...> class L, class... D>
struct cpp_names<L<D...>>
{
    static constexpr std::array<std::string_view, sizeof...(D)> value{{std::string_view(D::name)...}};
};

template<class T, bool = is_model<T>::value>
struct model_traits
{
    static_assert(dependent_false<T>::value,
        "graphschema: this type has no OData type name: declare it a model "
        "with constexpr auto graphschema_model(graphschema::model_tag<T>) "
        "returning graphschema::model(\"namespace.TypeName\")");
    static constexpr model_rules<0> rules{};
};

template<class T>
struct model_traits<T, true>
{
    static_assert(boost::describe::has_describe_members<T>::value,
        "graphschema: a model must be described with BOOST_DESCRIBE_STRUCT");

    static constexpr auto rules = graphschema_model(model_tag<T>{});
};

//------------------------------------------------------------------------------
// Names

template<class T, class D>
struct member_json_name
{
    static constexpr auto& rules = model_traits<T>::rules;
    static constexpr std::size_t rule = find_rule(rules, D::name);
    static constexpr auto derived = camel_case<camel_case_size(D::name)>(D::name);
    static constexpr std::string_view value =
        (rule != npos && !rules.members[rule == npos ? 0 : rule].json_name.empty())
            ? rules.members[rule == npos ? 0 : rule].json_name
            : derived.view();
};

template<class T, class List>
struct json_name_list;

template<class T, template<class...> class L, class... D>
struct json_name_list<T, L<D...>>
{
    static constexpr std::array<std::string_view, sizeof...(D)> value{{member_json_name<T, D>::value...}};
};

template<class D>
struct enumerator_json_name
{
    static constexpr auto storage = camel_case<camel_case_size(D::name)>(D::name);
    static constexpr std::string_view value = storage.view();
};

//------------------------------------------------------------------------------
// Compile-time checks of a model. Each failure is a static_assert whose
// message names the mistake; test/compile_fail shows every one.

template<class T, class List>
struct member_kinds;

template<class T, template<class...> class L, class... D>
struct member_kinds<T, L<D...>>
{
    static constexpr std::array<value_kind, sizeof...(D)> kind{{
        kind_of<typename unwrap_optional<member_value_t<T, D>>::type>()...}};
    static constexpr std::array<value_kind, sizeof...(D)> scalar{{
        scalar_kind_of<typename unwrap_optional<member_value_t<T, D>>::type>()...}};
};

template<class T>
struct model_checks
{
    using traits = model_traits<T>;
    static constexpr auto& rules = traits::rules;
    using members = json_members<T>;
    static constexpr std::size_t count = boost::mp11::mp_size<members>::value;
    static constexpr auto& names = cpp_names<members>::value;
    static constexpr auto& json = json_name_list<T, members>::value;
    using kinds = member_kinds<T, members>;

    static constexpr bool
    type_names_valid() noexcept
    {
        if(rules.type_name_count == 0)
            return false;
        for(std::size_t i = 0; i < rules.type_name_count; ++i)
        {
            auto const n = rules.type_names[i];
            auto const dot = n.rfind('.');
            if(n.empty() || n.size() > max_compared_size - 1 || n[0] == '#' ||
                dot == std::string_view::npos || dot == 0 || dot + 1 == n.size())
                return false;
        }
        return true;
    }

    static constexpr bool
    all_mapped() noexcept
    {
        for(std::size_t i = 0; i < count; ++i)
            if(kinds::kind[i] == value_kind::unmapped)
                return false;
        return true;
    }

    static constexpr std::size_t
    member_index(std::string_view cpp) noexcept
    {
        for(std::size_t i = 0; i < count; ++i)
            if(names[i] == cpp)
                return i;
        return npos;
    }

    static constexpr bool
    required_exist() noexcept
    {
        for(auto const& r : rules.members)
            if(!r.required.empty() && member_index(r.member) == npos)
                return false;
        return true;
    }

    static constexpr bool
    rules_name_members() noexcept
    {
        for(auto const& r : rules.members)
            if(member_index(r.member) == npos)
                return false;
        return true;
    }

    static constexpr bool
    one_rule_per_member() noexcept
    {
        for(std::size_t i = 0; i < rules.members.size(); ++i)
            for(std::size_t j = i + 1; j < rules.members.size(); ++j)
                if(rules.members[i].member == rules.members[j].member)
                    return false;
        return true;
    }

    static constexpr bool
    json_names_unique() noexcept
    {
        for(std::size_t i = 0; i < count; ++i)
        {
            if(json[i].empty() || json[i] == "@odata.type")
                return false;
            for(std::size_t j = i + 1; j < count; ++j)
                if(json[i] == json[j])
                    return false;
        }
        return true;
    }

    static constexpr bool
    rules_fit_kinds() noexcept
    {
        for(auto const& r : rules.members)
        {
            auto const i = member_index(r.member);
            if(i == npos)
                continue;
            if(r.has_text && kinds::scalar[i] != value_kind::string)
                return false;
        }
        return true;
    }

    static constexpr bool
    ranges_fit_kinds() noexcept
    {
        for(auto const& r : rules.members)
        {
            auto const i = member_index(r.member);
            if(i == npos)
                continue;
            if(r.has_range && kinds::scalar[i] != value_kind::integer)
                return false;
        }
        return true;
    }

    static constexpr bool
    required_not_read_only() noexcept
    {
        for(auto const& r : rules.members)
            for(auto op : {operation::create, operation::update, operation::read})
                if(r.required.contains(op) && r.read_only.contains(op))
                    return false;
        return true;
    }

    static constexpr bool
    reserved_words_short() noexcept
    {
        for(auto const& r : rules.members)
            for(std::size_t i = 0; i < r.text.reserved_count; ++i)
                if(r.text.reserved[i].size() > max_compared_size)
                    return false;
        return true;
    }

    static_assert(type_names_valid(),
        "graphschema: an OData type name must be qualified (namespace.Name), "
        "without '#', and at most 126 characters long");
    static_assert(count <= max_model_members,
        "graphschema: a model may describe at most 64 members");
    static_assert(boost::mp11::mp_size<preserved_descriptors<T>>::value != 0,
        "graphschema: a model needs one graphschema::preserved_members member "
        "to keep unknown properties and annotations");
    static_assert(boost::mp11::mp_size<preserved_descriptors<T>>::value <= 1,
        "graphschema: a model may have only one graphschema::preserved_members member");
    static_assert(all_mapped(),
        "graphschema: a described member has a type with no JSON mapping "
        "(use std::string, bool, an integer, a floating-point type, a described "
        "enum, a model, graphschema::raw_json, or std::vector / std::optional of those)");
    static_assert(required_exist(),
        "graphschema: a member marked required() is not a described member of the struct");
    static_assert(rules_name_members(),
        "graphschema: a rule names a member that the struct does not describe");
    static_assert(one_rule_per_member(),
        "graphschema: a member has two member() entries; give all of its "
        "attributes in one");
    static_assert(json_names_unique(),
        "graphschema: two members map to the same JSON name (or a member maps "
        "to @odata.type, which the engine handles itself)");
    static_assert(rules_fit_kinds(),
        "graphschema: length, allowed_chars, forbidden_prefix and "
        "reserved_words apply only to string members (or arrays of strings)");
    static_assert(ranges_fit_kinds(),
        "graphschema: range() applies only to integer members (or arrays of integers)");
    static_assert(required_not_read_only(),
        "graphschema: a member is both required and read-only for one operation");
    static_assert(reserved_words_short(),
        "graphschema: a reserved word may be at most 127 bytes long");

    static constexpr bool value = true;
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

template<class E, class List>
struct enum_values;

template<class E, template<class...> class L, class... D>
struct enum_values<E, L<D...>>
{
    static constexpr std::array<std::string_view, sizeof...(D)> names{{enumerator_json_name<D>::value...}};
    static constexpr std::array<E, sizeof...(D)> values{{D::value...}};
};

template<class E>
void
assign_enum(void* target, std::size_t index)
{
    using values = enum_values<E, boost::describe::describe_enumerators<E>>;
    *static_cast<E*>(target) = values::values[index];
}

template<class E>
struct enum_table_of
{
    using values = enum_values<E, boost::describe::describe_enumerators<E>>;

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

    static constexpr enum_table value{
        values::names.data(), values::names.size(), &assign_enum<E>};
};

constexpr type_node
make_node(value_kind k) noexcept
{
    return {k, 0, 0, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr};
}

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
        n.enumeration = &enum_table_of<V>::value;
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

    static void*
    emplace(void* object)
    {
        auto& m = static_cast<T*>(object)->*D::pointer;
        if constexpr(is_optional<M>::value)
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
        if constexpr(is_optional<M>::value)
            m.reset();
        else
            m = M();
    }

    static void
    emplace_text(void* object, std::string_view text)
    {
        auto& m = static_cast<T*>(object)->*D::pointer;
        if constexpr(is_optional<M>::value)
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

template<class T, class D>
constexpr member_entry
make_member_entry() noexcept
{
    using V = typename unwrap_optional<member_value_t<T, D>>::type;
    constexpr auto& rules = model_traits<T>::rules;
    constexpr std::size_t r = find_rule(rules, D::name);
    member_entry e{member_json_name<T, D>::value, &node_of<V>::value,
        {}, {}, nullptr, nullptr,
        &member_access<T, D>::emplace, &member_access<T, D>::reset, nullptr, 0, nullptr, 0};
    if constexpr(kind_of<V>() == value_kind::string)
        e.emplace_text = &member_access<T, D>::emplace_text;
    if constexpr(kind_of<V>() == value_kind::raw)
        e.any_string = 3;
    else if constexpr(kind_of<V>() == value_kind::string)
        e.any_string = r != npos && rules.members[r == npos ? 0 : r].has_text ? 2 : 3;
    if constexpr(r != npos)
    {
        e.required = rules.members[r].required;
        e.read_only = rules.members[r].read_only;
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
        bool used[1u << max_bits] = {};
        for(std::size_t i = 0; i <= N; ++i)
        {
            auto const n = name(i);
            auto const s = member_lookup::slot(member_lookup::fingerprint(n.data(), n.size()), multiplier, 32 - bits);
            if(used[s])
                return false;
            used[s] = true;
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
void
clear_object(void* object)
{
    *static_cast<T*>(object) = T();
}

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

    static constexpr std::uint64_t
    mask(operation op, bool required) noexcept
    {
        std::uint64_t m = 0;
        for(std::size_t i = 0; i < entries::value.size(); ++i)
        {
            auto const& set = required ? entries::value[i].required : entries::value[i].read_only;
            if(set.contains(op))
                m |= std::uint64_t(1) << i;
        }
        return m;
    }

    using lookup = member_lookup_of<json_name_list<T, json_members<T>>::value.size(),
        json_name_list<T, json_members<T>>::value>;

    static constexpr model_table value{
        rules.type_names.data(), rules.type_name_count, rules.open,
        entries::value.data(), entries::value.size(), &preserved_of<T>,
        {mask(operation::create, true), mask(operation::update, true), mask(operation::read, true)},
        {mask(operation::create, false), mask(operation::update, false), mask(operation::read, false)},
        {lookup::found ? lookup::hash.multiplier : 0, lookup::hash.shift,
            lookup::found ? lookup::slots.data() : nullptr},
        &clear_object<T>};
};

} // detail

} // graphschema

#endif
