//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_DETAIL_MODEL_TRAITS_HPP
#define GRAPHSCHEMA_DETAIL_MODEL_TRAITS_HPP

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
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

/*  What the engine knows of a model at compile time: the kind of each
    member's type, its JSON name, the model's rules, and the checks that
    refuse a model the engine cannot serve. Each check is a static_assert
    in a class template whose arguments name the offending member (as
    `&widget::count`) or name (as `'c', 'o', 'u', 'n', 't'`), so that the
    compiler's "in instantiation of" line says where the mistake is;
    test/compile_fail shows every one.
*/

namespace graphschema {

template<class T> class nullable;
template<class E> class open_enum;
template<class E> class flags;
template<class Base, class... Derived> class one_of;

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

template<class T> struct is_nullable : std::false_type {};
template<class T> struct is_nullable<nullable<T>> : std::true_type {};

template<class T> struct is_open_enum : std::false_type {};
template<class E> struct is_open_enum<open_enum<E>> : std::true_type {};

template<class T> struct is_flags : std::false_type {};
template<class E> struct is_flags<flags<E>> : std::true_type {};

template<class T> struct is_one_of : std::false_type {};
template<class B, class... D> struct is_one_of<one_of<B, D...>>
    : std::integral_constant<bool, is_model<B>::value && (true && ... && is_model<D>::value)> {};

// What a member holds, without what says whether it is there (or null).
template<class T> struct unwrap_optional { using type = T; };
template<class T> struct unwrap_optional<std::optional<T>> { using type = T; };
template<class T> struct unwrap_optional<nullable<T>> { using type = T; };

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
    flags,       // flags<E>: names joined by commas, or an array of names
    one_of,      // one_of<Base, Derived...>: selected by @odata.type
    unmapped,
    // What the walker may expect instead of a member's value; never the
    // kind of a C++ type.
    odata_type, // the value of @odata.type
    annotation, // the value of a dynamic member's `name@odata.type`
    kept,       // a member kept verbatim (unknown, dynamic, annotation)
    skipped     // a value only read through (checked for syntax and duplicates)
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
    else if constexpr(is_open_enum<V>::value)
        return value_kind::enumeration;
    else if constexpr(is_flags<V>::value)
        return value_kind::flags;
    else if constexpr(is_one_of<V>::value)
        return value_kind::one_of;
    else if constexpr(std::is_same<V, raw_json>::value)
        return value_kind::raw;
    else if constexpr(is_model<V>::value)
        return value_kind::model;
    else if constexpr(is_vector<V>::value)
    {
        // Arrays of arrays too; an element is never optional (OData
        // collections hold no nulls, except where any JSON goes).
        using E = typename V::value_type;
        if constexpr(is_optional<E>::value || is_nullable<E>::value ||
            kind_of<E>() == value_kind::unmapped)
            return value_kind::unmapped;
        else
            return value_kind::array;
    }
    else
        return value_kind::unmapped;
}

// The kind a member's string rules and range apply to: the value itself,
// or each innermost element of an array.
template<class V>
constexpr value_kind
scalar_kind_of() noexcept
{
    if constexpr(is_vector<V>::value && kind_of<V>() == value_kind::array)
        return scalar_kind_of<typename V::value_type>();
    else
        return kind_of<V>();
}

//------------------------------------------------------------------------------
// Described members

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

// The members read from and written to JSON, in declaration order.
template<class T>
using json_members = boost::mp11::mp_copy_if_q<described_members<T>, is_json_member<T>>;

// The one member that keeps what the model does not declare.
template<class T>
using preserved_descriptors = boost::mp11::mp_copy_if_q<described_members<T>, is_preserved_member<T>>;

inline constexpr std::size_t npos = static_cast<std::size_t>(-1);

// The longest name the decoder compares (type names, enum names, reserved
// words): messages quote at most this much of a value.
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

template<class E, class List>
struct enum_values;

template<class E, template<class...> class L, class... D>
struct enum_values<E, L<D...>>
{
    static constexpr std::array<std::string_view, sizeof...(D)> names{{enumerator_json_name<D>::value...}};
    static constexpr std::array<E, sizeof...(D)> values{{D::value...}};
};

template<class E>
using enum_values_of = enum_values<E, boost::describe::describe_enumerators<E>>;

//------------------------------------------------------------------------------
// Compile-time checks

// A name as a type, so that a compiler shows it: named<'c','o','u','n','t'>.
template<char... C>
struct named
{
};

template<std::string_view const& S, std::size_t... I>
constexpr named<S[I]...>
name_type(std::index_sequence<I...>) noexcept
{
    return {};
}

// The checks of one member, named by its pointer.
template<auto Member, bool Ok>
struct member_has_a_json_mapping
{
    static_assert(Ok,
        "graphschema: a described member has a type with no JSON mapping "
        "(use std::string, bool, an integer, a floating-point type, a described "
        "enum, a model, graphschema::raw_json, or std::vector / std::optional of those)");
    static constexpr bool value = Ok;
};

template<auto Member, bool Ok>
struct member_is_not_named_odata_type
{
    static_assert(Ok,
        "graphschema: two members map to the same JSON name (or a member maps "
        "to @odata.type, which the engine handles itself)");
    static constexpr bool value = Ok;
};

template<auto Member, auto Other, bool Ok>
struct members_have_distinct_json_names
{
    static_assert(Ok,
        "graphschema: two members map to the same JSON name (or a member maps "
        "to @odata.type, which the engine handles itself)");
    static constexpr bool value = Ok;
};

template<auto Member, bool Ok>
struct string_rules_only_on_strings
{
    static_assert(Ok,
        "graphschema: length, allowed_chars, forbidden_prefix and "
        "reserved_words apply only to string members (or arrays of strings)");
    static constexpr bool value = Ok;
};

template<auto Member, bool Ok>
struct ranges_only_on_integers
{
    static_assert(Ok,
        "graphschema: range() applies only to integer members (or arrays of integers)");
    static constexpr bool value = Ok;
};

template<auto Member, bool Ok>
struct items_only_on_arrays
{
    static_assert(Ok, "graphschema: items() applies only to array members");
    static constexpr bool value = Ok;
};

template<auto Member, bool Ok>
struct pairings_only_on_booleans
{
    static_assert(Ok, "graphschema: true_only_when() and never_true_with() apply only to boolean members");
    static constexpr bool value = Ok;
};

template<auto Member, bool Ok>
struct pairing_names_members_of_the_model
{
    static_assert(Ok, "graphschema: true_only_when() must name an enum member, and never_true_with() "
        "a boolean member, of the same model (by C++ name)");
    static constexpr bool value = Ok;
};

template<auto Member, bool Ok>
struct unique_only_on_arrays_of_models
{
    static_assert(Ok, "graphschema: unique_ignoring_case() applies only to an array of models, and "
        "must name members of the element model (by C++ name)");
    static constexpr bool value = Ok;
};

template<auto Member, bool Ok>
struct collections_are_not_nullable
{
    static_assert(Ok,
        "graphschema: a collection is never null: use std::optional<std::vector<T>>, not nullable");
    static constexpr bool value = Ok;
};

template<auto Member, bool Ok>
struct not_required_and_read_only
{
    static_assert(Ok,
        "graphschema: a member is both required and read-only for one operation");
    static constexpr bool value = Ok;
};

template<auto Member, bool Ok>
struct reserved_words_are_short
{
    static_assert(Ok, "graphschema: a reserved word may be at most 127 bytes long");
    static constexpr bool value = Ok;
};

// The checks of one rule, named by the C++ name it gives.
template<class Name, bool Ok>
struct required_names_a_member
{
    static_assert(Ok,
        "graphschema: a member marked required() is not a described member of the struct");
    static constexpr bool value = Ok;
};

template<class Name, bool Ok>
struct rule_names_a_member
{
    static_assert(Ok,
        "graphschema: a rule names a member that the struct does not describe");
    static constexpr bool value = Ok;
};

template<class Name, bool Ok>
struct one_rule_per_member
{
    static_assert(Ok,
        "graphschema: a member has two member() entries; give all of its "
        "attributes in one");
    static constexpr bool value = Ok;
};

// The checks of the model as a whole, named by the model.
template<class T, class Name, bool Ok>
struct type_name_is_qualified
{
    static_assert(Ok,
        "graphschema: an OData type name must be qualified (namespace.Name), "
        "without '#', and at most 126 characters long");
    static constexpr bool value = Ok;
};

template<class T, bool Ok>
struct at_most_64_members
{
    static_assert(Ok, "graphschema: a model may describe at most 64 members");
    static constexpr bool value = Ok;
};

template<class T, std::size_t Count>
struct one_preserved_members
{
    static_assert(Count != 0,
        "graphschema: a model needs one graphschema::preserved_members member "
        "to keep unknown properties and annotations");
    static_assert(Count <= 1,
        "graphschema: a model may have only one graphschema::preserved_members member");
    static constexpr bool value = Count == 1;
};

template<class T>
struct model_checks
{
    static constexpr auto& rules = model_traits<T>::rules;
    using members = json_members<T>;
    static constexpr std::size_t count = boost::mp11::mp_size<members>::value;
    static constexpr std::size_t rule_count = rules.members.size();

    // The rule of the member named `cpp`, or npos.
    static constexpr std::size_t rule_of(std::string_view cpp) noexcept { return find_rule(rules, cpp); }

    template<class D>
    static constexpr member_rule
    rule_for() noexcept
    {
        constexpr std::size_t r = rule_of(D::name);
        if constexpr(r == npos)
            return member_rule{};
        else
            return rules.members[r];
    }

    template<class D>
    static constexpr bool
    member_ok() noexcept
    {
        using V = typename unwrap_optional<member_value_t<T, D>>::type;
        constexpr member_rule r = rule_for<D>();
        constexpr bool mapped = kind_of<V>() != value_kind::unmapped;
        constexpr auto json = member_json_name<T, D>::value;
        bool distinct = true;
        boost::mp11::mp_for_each<members>([&](auto other) {
            using O = decltype(other);
            if constexpr(!std::is_same<O, D>::value && member_json_name<T, O>::value == json)
                distinct = distinct && members_have_distinct_json_names<D::pointer, O::pointer, false>::value;
        });
        return member_has_a_json_mapping<D::pointer, mapped>::value &&
            member_is_not_named_odata_type<D::pointer, !json.empty() && json != "@odata.type">::value &&
            distinct &&
            string_rules_only_on_strings<D::pointer, !r.has_text || scalar_kind_of<V>() == value_kind::string>::value &&
            ranges_only_on_integers<D::pointer, !r.has_range || scalar_kind_of<V>() == value_kind::integer>::value &&
            items_only_on_arrays<D::pointer, !r.has_items || kind_of<V>() == value_kind::array>::value &&
            collections_are_not_nullable<D::pointer,
                !is_nullable<member_value_t<T, D>>::value || kind_of<V>() != value_kind::array>::value &&
            not_required_and_read_only<D::pointer, required_and_read_only_apart(r)>::value &&
            reserved_words_are_short<D::pointer, reserved_words_short(r)>::value &&
            pairings_only_on_booleans<D::pointer, !r.has_pairing || scalar_kind_of<V>() == value_kind::boolean>::value &&
            pairing_names_members_of_the_model<D::pointer, !r.has_pairing || pairing_named_ok(r.pairing)>::value &&
            unique_only_on_arrays_of_models<D::pointer, !r.has_unique || unique_ok<V>(r.unique)>::value;
    }

    // The kind of the member `cpp` (its C++ name) holds, optional and
    // nullable aside; unmapped when the model has no such member.
    static constexpr value_kind
    kind_of_member(std::string_view cpp) noexcept
    {
        value_kind k = value_kind::unmapped;
        boost::mp11::mp_for_each<members>([&](auto d) {
            using O = decltype(d);
            if(cpp == O::name)
                k = scalar_kind_of<typename unwrap_optional<member_value_t<T, O>>::type>();
        });
        return k;
    }

    static constexpr bool
    pairing_named_ok(member_pairing const& p) noexcept
    {
        return (p.enum_member.empty() || kind_of_member(p.enum_member) == value_kind::enumeration) &&
            (p.excluded_member.empty() || kind_of_member(p.excluded_member) == value_kind::boolean);
    }

    template<class V>
    static constexpr bool
    unique_ok(unique_rule const& u) noexcept
    {
        if constexpr(kind_of<V>() != value_kind::array)
            return false;
        else
        {
            using E = typename V::value_type;
            if constexpr(kind_of<E>() != value_kind::model)
                return false;
            else
            {
                for(std::size_t i = 0; i < u.count; ++i)
                    if(!model_checks<E>::names_a_member(u.names[i]))
                        return false;
                return true;
            }
        }
    }

    static constexpr bool
    required_and_read_only_apart(member_rule const& r) noexcept
    {
        for(auto op : {operation::create, operation::update, operation::read})
            for(auto const& in : r.required_in)
                if((r.required.contains(op) || in.contains(op)) && r.read_only.contains(op))
                    return false;
        return true;
    }

    static constexpr bool
    reserved_words_short(member_rule const& r) noexcept
    {
        for(std::size_t i = 0; i < r.text.reserved_count; ++i)
            if(r.text.reserved[i].size() > max_compared_size)
                return false;
        return true;
    }

    static constexpr bool
    names_a_member(std::string_view cpp) noexcept
    {
        bool found = false;
        boost::mp11::mp_for_each<members>([&](auto d) { found = found || cpp == decltype(d)::name; });
        return found;
    }

    template<std::size_t I>
    struct rule_name
    {
        static constexpr std::string_view value = rules.members[I].member;
        using type = decltype(name_type<value>(std::make_index_sequence<value.size()>()));
    };

    template<std::size_t I>
    static constexpr bool
    rule_ok() noexcept
    {
        using name = typename rule_name<I>::type;
        constexpr auto& r = rules.members[I];
        constexpr bool named_member = names_a_member(r.member);
        constexpr bool unique = find_rule(rules, r.member) == I;
        return required_names_a_member<name, named_member || r.required.empty()>::value &&
            rule_names_a_member<name, named_member || !r.required.empty()>::value &&
            one_rule_per_member<name, unique>::value;
    }

    template<std::size_t I>
    struct type_name
    {
        static constexpr std::string_view value = rules.type_names[I];
        using type = decltype(name_type<value>(std::make_index_sequence<value.size()>()));
    };

    template<std::size_t I>
    static constexpr bool
    type_name_ok() noexcept
    {
        constexpr auto n = rules.type_names[I];
        constexpr auto dot = n.rfind('.');
        constexpr bool ok = !n.empty() && n.size() <= max_compared_size - 1 && n[0] != '#' &&
            dot != std::string_view::npos && dot != 0 && dot + 1 != n.size();
        return type_name_is_qualified<T, typename type_name<I>::type, ok>::value;
    }

    template<std::size_t... I>
    static constexpr bool
    all_rules_ok(std::index_sequence<I...>) noexcept
    {
        return (true && ... && rule_ok<I>());
    }

    template<std::size_t... I>
    static constexpr bool
    all_type_names_ok(std::index_sequence<I...>) noexcept
    {
        return rules.type_name_count != 0 && (true && ... && type_name_ok<I>());
    }

    template<class... D>
    static constexpr bool
    all_members_ok(boost::mp11::mp_list<D...>) noexcept
    {
        return (true && ... && member_ok<D>());
    }

    static constexpr bool
    check() noexcept
    {
        return type_name_is_qualified<T, named<>, rules.type_name_count != 0>::value &&
            all_type_names_ok(std::make_index_sequence<rules.type_name_count>()) &&
            at_most_64_members<T, count <= max_model_members>::value &&
            one_preserved_members<T, boost::mp11::mp_size<preserved_descriptors<T>>::value>::value &&
            all_members_ok(boost::mp11::mp_rename<members, boost::mp11::mp_list>()) &&
            all_rules_ok(std::make_index_sequence<rule_count>());
    }

    static constexpr bool value = check();
};

} // detail
} // graphschema

#endif
