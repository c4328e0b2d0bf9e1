//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_MODEL_HPP
#define GRAPHSCHEMA_MODEL_HPP

#include <graphschema/options.hpp>

#include <boost/describe/enumerators.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>
#include <type_traits>

/*  How a described struct declares itself as a Graph model.

    A model is a struct described with BOOST_DESCRIBE_STRUCT plus one
    constexpr function, found by argument-dependent lookup, that returns its
    rules:

        constexpr auto graphschema_model(graphschema::model_tag<my_type>)
        {
            return graphschema::model("microsoft.graph.myType")
                .member("id", graphschema::required(graphschema::operation::create),
                              graphschema::length(1, 64));
        }

    Everything else (JSON names, kinds, which member keeps what is not
    declared) is derived from the description; see docs/adding-a-model.md.
*/

namespace graphschema {

/// The argument of a model's `graphschema_model` function.
template<class T>
struct model_tag
{
};

/** A set of operations, such as `operation::create | operation::read`.
*/
class operation_set
{
public:
    constexpr operation_set() noexcept = default;

    constexpr operation_set(operation op) noexcept // NOLINT: implicit on purpose
        : bits_(bit(op))
    {
    }

    constexpr bool contains(operation op) const noexcept { return (bits_ & bit(op)) != 0; }
    constexpr bool empty() const noexcept { return bits_ == 0; }

    friend constexpr operation_set
    operator|(operation_set a, operation_set b) noexcept
    {
        operation_set r;
        r.bits_ = static_cast<unsigned char>(a.bits_ | b.bits_);
        return r;
    }

    friend constexpr bool
    operator==(operation_set a, operation_set b) noexcept
    {
        return a.bits_ == b.bits_;
    }

    friend constexpr bool
    operator!=(operation_set a, operation_set b) noexcept
    {
        return a.bits_ != b.bits_;
    }

private:
    static constexpr unsigned char
    bit(operation op) noexcept
    {
        return static_cast<unsigned char>(1u << static_cast<unsigned>(op));
    }

    unsigned char bits_ = 0;
};

constexpr operation_set
operator|(operation a, operation b) noexcept
{
    return operation_set(a) | operation_set(b);
}

/** A set of ASCII characters, written as a regular-expression class body.

    `charset("A-Za-z0-9")` holds the letters and digits. Only ranges and
    single printable ASCII characters are accepted, so that the same text is
    a valid class in a JSON Schema `pattern`. A default-constructed set
    places no restriction.
*/
class charset
{
public:
    constexpr charset() noexcept = default;

    /** The set of every character but the ASCII control characters,
        ASCII whitespace and the characters of `spec` (each one by itself;
        no ranges), such as `charset::all_but(":;,")`. Characters beyond
        ASCII are in the set.
    */
    static constexpr charset
    all_but(std::string_view spec)
    {
        charset c;
        c.spec_ = spec;
        c.restricts_ = true;
        c.excludes_ = true;
        for(int b = 0x21; b < 0x7f; ++b)
            c.bits_[b / 64] |= std::uint64_t(1) << (b % 64);
        for(char ch : spec)
        {
            if(ch <= ' ' || ch >= 127)
                not_a_constant_expression();
            c.bits_[ch / 64] &= ~(std::uint64_t(1) << (ch % 64));
        }
        return c;
    }

    constexpr explicit charset(std::string_view spec)
        : spec_(spec), restricts_(true)
    {
        for(std::size_t i = 0; i < spec.size(); ++i)
        {
            char const lo = spec[i];
            char hi = lo;
            if(i + 2 < spec.size() && spec[i + 1] == '-')
            {
                hi = spec[i + 2];
                i += 2;
            }
            // A character outside printable ASCII, a backslash, a bracket
            // or a reversed range is not a set this library can export.
            if(!printable(lo) || !printable(hi) || hi < lo)
                not_a_constant_expression();
            for(int c = lo; c <= hi; ++c)
                bits_[c / 64] |= std::uint64_t(1) << (c % 64);
        }
    }

    /// True when the set restricts anything.
    constexpr bool restricts() const noexcept { return restricts_; }

    /// True when the byte `c` is in the set (always, for an unrestricted set).
    constexpr bool
    contains(unsigned char c) const noexcept
    {
        if(!restricts_)
            return true;
        if(c >= 128)
            return excludes_;
        return (bits_[c / 64] >> (c % 64)) & 1;
    }

    /// The text the set was made from, such as `"A-Za-z0-9"`; for a set
    /// made by @ref all_but, the characters it leaves out.
    constexpr std::string_view spec() const noexcept { return spec_; }

    /// True for a set made by @ref all_but.
    constexpr bool excludes() const noexcept { return excludes_; }

private:
    static constexpr bool
    printable(char c) noexcept
    {
        return c > ' ' && c < 127 && c != '\\' && c != '[' && c != ']' && c != '^';
    }

    // Not constexpr on purpose: reaching it in a constant expression is a
    // compile error that points at the bad character set.
    static void not_a_constant_expression() {}

    std::uint64_t bits_[2] = {};
    std::string_view spec_;
    bool restricts_ = false;
    bool excludes_ = false;
};

/// A format a string value must have.
enum class string_format : unsigned char
{
    none,
    /// An OData `DateTimeOffset` in ISO 8601 (RFC 3339):
    /// `2024-03-01T12:30:00Z`, `2024-03-01T12:30:00.125+01:00`.
    date_time_offset
};

/** Rules for a string value (`constraint_violation` when broken).

    Checked for `create` and `update`; a `read` body is accepted as the
    service sent it.
*/
struct string_rules
{
    /// Fewest Unicode code points.
    std::size_t min_length = 0;
    /// Most Unicode code points.
    std::size_t max_length = static_cast<std::size_t>(-1);
    /// The characters allowed.
    charset allowed;
    /// A prefix the value must not begin with (exact comparison); empty for none.
    std::string_view forbidden_prefix;
    /// Values the string must not be (exact comparison).
    std::string_view const* reserved = nullptr;
    std::size_t reserved_count = 0;
    /// The one value the string may have (exact comparison); empty for any.
    std::string_view only_value;
    /// The format the value must have.
    string_format format = string_format::none;

    constexpr bool
    empty() const noexcept
    {
        return min_length == 0 && max_length == static_cast<std::size_t>(-1) &&
            !allowed.restricts() && forbidden_prefix.empty() &&
            reserved_count == 0 && only_value.empty() && format == string_format::none;
    }
};

/// Rules for an integer value.
struct integer_rules
{
    std::int64_t min = (std::numeric_limits<std::int64_t>::min)();
    std::int64_t max = (std::numeric_limits<std::int64_t>::max)();
};

/// How many elements an array may have (`constraint_violation`).
struct item_rules
{
    std::size_t min = 0;
    std::size_t max = static_cast<std::size_t>(-1);
};

/** A rule across the members of one object, kept by a boolean member: it
    may be `true` only when the enum member `enum_member` holds one of the
    enumerators of `enum_mask` (a bit per enumerator, in declaration
    order), and never together with the boolean member `excluded`.
    Broken, it is one `constraint_violation` at the boolean member.
*/
struct member_pairing
{
    std::string_view enum_member;     // empty: no such condition
    std::uint64_t enum_mask = 0;
    std::string_view excluded_member; // empty: none
};

/// The most element members an array's uniqueness rule may name.
inline constexpr std::size_t max_unique_names = 4;

/** A rule of an array of objects: the strings its elements hold in the
    members `names` (strings, or arrays of strings) are unique across the
    whole array, compared ignoring ASCII case. A repeat is one
    `constraint_violation`, at the later string.
*/
struct unique_rule
{
    std::array<std::string_view, max_unique_names> names{};
    std::size_t count = 0;
};

/** The rules of one member, named by its C++ name.
*/
struct member_rule
{
    std::string_view member;
    std::string_view json_name;
    /// Required in these operations, in every version.
    operation_set required;
    /// Required in these operations, in one version (indexed by api_version).
    std::array<operation_set, api_version_count> required_in{};
    operation_set read_only;
    string_rules text;
    bool has_text = false;
    integer_rules range;
    bool has_range = false;
    item_rules items;
    bool has_items = false;
    /// The versions the member exists in, a bit each (bit `api_version`).
    unsigned char versions = (1u << api_version_count) - 1;
    /// A rule across members (a boolean member's).
    member_pairing pairing;
    bool has_pairing = false;
    /// A uniqueness rule (an array member's).
    unique_rule unique;
    bool has_unique = false;
};

// The position of `e` among the enumerators `D...` of its enum (64 when
// it is none of them, or beyond the 64th: a rule's mask then fails to
// compile).
namespace detail {

template<class E, template<class...> class L, class... D>
constexpr std::size_t
enumerator_position(E e, L<D...>) noexcept
{
    std::size_t i = 0, at = 64;
    ((D::value == e && at == 64 ? (at = i) : 0, ++i), ...);
    return at;
}

} // detail

//------------------------------------------------------------------------------
// Member attributes, the arguments of model_rules::member()

/// The member must be present for these operations (`missing_required`).
struct required_attribute { operation_set ops; };

/// The member must not be sent for these operations (`read_only_property`).
struct read_only_attribute { operation_set ops; };

/// The member's JSON name, when it is not the C++ name turned lowerCamelCase.
struct json_name_attribute { std::string_view name; };

/// Required for these operations in one version only.
struct required_in_attribute { api_version version; operation_set ops; };

/// The member exists only in this version (elsewhere it is undeclared).
struct only_in_attribute { api_version version; };

/// Combines operations: `required(operation::create, operation::read)`.
template<class... Ops>
constexpr required_attribute
required(operation op, Ops... ops) noexcept
{
    return {(operation_set(op) | ... | operation_set(ops))};
}

template<class... Ops>
constexpr read_only_attribute
read_only(operation op, Ops... ops) noexcept
{
    return {(operation_set(op) | ... | operation_set(ops))};
}

constexpr json_name_attribute
json_name(std::string_view name) noexcept
{
    return {name};
}

/// `required_in(api_version::beta, operation::create)`: required in that
/// version only.
template<class... Ops>
constexpr required_in_attribute
required_in(api_version v, operation op, Ops... ops) noexcept
{
    return {v, (operation_set(op) | ... | operation_set(ops))};
}

/// `only_in(api_version::beta)`: a member of that version only.
constexpr only_in_attribute
only_in(api_version v) noexcept
{
    return {v};
}

/// Between `min` and `max` elements, for an array member.
constexpr item_rules
items(std::size_t min, std::size_t max) noexcept
{
    return {min, max};
}

/// Between `min` and `max` Unicode code points.
struct length_attribute { std::size_t min, max; };

constexpr length_attribute
length(std::size_t min, std::size_t max) noexcept
{
    return {min, max};
}

/// Only characters of the set, such as `allowed_chars("A-Za-z0-9")`.
struct allowed_chars_attribute { charset set; };

constexpr allowed_chars_attribute
allowed_chars(std::string_view spec)
{
    return {charset(spec)};
}

/// Only characters other than ASCII controls, ASCII whitespace and the
/// characters of `spec`: `forbidden_chars(":;,()")`.
constexpr allowed_chars_attribute
forbidden_chars(std::string_view spec)
{
    return {charset::all_but(spec)};
}

/// Must be exactly `value`.
struct only_value_attribute { std::string_view value; };

constexpr only_value_attribute
only_value(std::string_view value) noexcept
{
    return {value};
}

/// An OData `DateTimeOffset`: an ISO 8601 date and time with a zone
/// (RFC 3339's `date-time`).
constexpr string_format
date_time_offset() noexcept
{
    return string_format::date_time_offset;
}

/// A boolean member that may be `true` only when the enum member
/// `enum_member` (its C++ name) holds one of `values`:
/// `true_only_when("type", property_type::string_, property_type::string_collection)`.
template<class E, class... Es>
constexpr member_pairing
true_only_when(std::string_view enum_member, E value, Es... values) noexcept
{
    static_assert(std::is_enum<E>::value && (std::is_same<E, Es>::value && ...),
        "graphschema: true_only_when takes enumerators of one enum");
    member_pairing p;
    p.enum_member = enum_member;
    E const all[] = {value, values...};
    for(E e : all)
        p.enum_mask |= std::uint64_t(1) << detail::enumerator_position(e, boost::describe::describe_enumerators<E>());
    return p;
}

/// A boolean member that may not be `true` together with the boolean
/// member `other` (its C++ name).
constexpr member_pairing
never_true_with(std::string_view other) noexcept
{
    member_pairing p;
    p.excluded_member = other;
    return p;
}

/// An array of objects whose elements' strings in the members `names`
/// (C++ names of the element's members) are unique ignoring ASCII case.
template<class... Names>
constexpr unique_rule
unique_ignoring_case(std::string_view name, Names... names) noexcept
{
    static_assert(sizeof...(Names) < max_unique_names,
        "graphschema: unique_ignoring_case takes at most 4 member names");
    unique_rule u;
    std::string_view const all[] = {name, std::string_view(names)...};
    for(auto n : all)
        u.names[u.count++] = n;
    return u;
}

/// Must not begin with `prefix`.
struct forbidden_prefix_attribute { std::string_view prefix; };

constexpr forbidden_prefix_attribute
forbidden_prefix(std::string_view prefix) noexcept
{
    return {prefix};
}

/// Must not be one of `words` (an array with static storage duration).
struct reserved_words_attribute { std::string_view const* words; std::size_t count; };

template<std::size_t N>
constexpr reserved_words_attribute
reserved_words(std::string_view const (&words)[N]) noexcept
{
    return {words, N};
}

/// An integer between `min` and `max`.
constexpr integer_rules
range(std::int64_t min, std::int64_t max) noexcept
{
    return {min, max};
}

//------------------------------------------------------------------------------

/// The most names a model may answer to in `@odata.type`.
inline constexpr std::size_t max_type_names = 4;

/// The most members a model may describe (a bit each in the decoder).
inline constexpr std::size_t max_model_members = 64;

/** The rules of a model: its OData type names and per-member rules.

    Built with @ref model and `.member(...)`, in a constexpr function.
*/
template<std::size_t N>
struct model_rules
{
    std::array<std::string_view, max_type_names> type_names{};
    std::size_t type_name_count = 0;
    bool open = false;
    /// An abstract type: an object of it must name a derived type.
    bool abstract = false;
    /// Members given at run time (by a dynamic_schema), when there is one.
    bool dynamic = false;
    /// Which of `type_names` each version writes (indexed by api_version).
    std::array<std::size_t, api_version_count> written_name{};
    std::array<member_rule, N> members{};

    /// The rules of the member `name` (its C++ name), from attributes.
    template<class... Attributes>
    constexpr model_rules<N + 1>
    member(std::string_view name, Attributes const&... attributes) const
    {
        model_rules<N + 1> r;
        r.type_names = type_names;
        r.type_name_count = type_name_count;
        r.open = open;
        r.abstract = abstract;
        r.dynamic = dynamic;
        r.written_name = written_name;
        for(std::size_t i = 0; i < N; ++i)
            r.members[i] = members[i];
        member_rule m;
        m.member = name;
        (apply(m, attributes), ...);
        r.members[N] = m;
        return r;
    }

    /// Marks the model as an OData open type: undeclared members are
    /// dynamic properties, always kept, never `unknown_property`.
    constexpr model_rules
    open_type() const noexcept
    {
        model_rules r = *this;
        r.open = true;
        return r;
    }

    /// Marks the model as an OData abstract type: a member of a type
    /// derived from it (`one_of<Base, Derived...>`) must say which
    /// derived type it holds in `@odata.type`.
    constexpr model_rules
    abstract_type() const noexcept
    {
        model_rules r = *this;
        r.abstract = true;
        return r;
    }

    /** Marks an open type whose members a schema known only at run time
        describes (a @ref dynamic_schema, such as the one an
        item_validator makes from a registered Graph schema). Validated
        with one, a member it does not declare is `unknown_property` and
        each member it declares is checked against its type; without one,
        the model is an open type like any other.
    */
    constexpr model_rules
    dynamic_members() const noexcept
    {
        model_rules r = *this;
        r.open = true;
        r.dynamic = true;
        return r;
    }

    /// The type name written on output for version `v`: one of the names
    /// given to `model(...)` (the first, unless said otherwise).
    constexpr model_rules
    written_in(api_version v, std::string_view name) const
    {
        model_rules r = *this;
        std::size_t i = 0;
        while(i < type_name_count && type_names[i] != name)
            ++i;
        if(i == type_name_count)
            not_a_type_name();
        r.written_name[static_cast<std::size_t>(v)] = i;
        return r;
    }

private:
    // Not constexpr on purpose: reaching it in a constant expression is a
    // compile error at written_in() with a name the model does not have.
    static void not_a_type_name() {}

    static constexpr void apply(member_rule& m, required_attribute a) noexcept { m.required = m.required | a.ops; }

    static constexpr void
    apply(member_rule& m, required_in_attribute a) noexcept
    {
        auto& set = m.required_in[static_cast<std::size_t>(a.version)];
        set = set | a.ops;
    }

    static constexpr void
    apply(member_rule& m, only_in_attribute a) noexcept
    {
        m.versions = static_cast<unsigned char>(1u << static_cast<unsigned>(a.version));
    }

    static constexpr void
    apply(member_rule& m, item_rules r) noexcept
    {
        m.items = r;
        m.has_items = true;
    }
    static constexpr void apply(member_rule& m, read_only_attribute a) noexcept { m.read_only = m.read_only | a.ops; }
    static constexpr void apply(member_rule& m, json_name_attribute a) noexcept { m.json_name = a.name; }

    static constexpr void
    apply(member_rule& m, length_attribute a) noexcept
    {
        m.text.min_length = a.min;
        m.text.max_length = a.max;
        m.has_text = true;
    }

    static constexpr void
    apply(member_rule& m, allowed_chars_attribute a) noexcept
    {
        m.text.allowed = a.set;
        m.has_text = true;
    }

    static constexpr void
    apply(member_rule& m, forbidden_prefix_attribute a) noexcept
    {
        m.text.forbidden_prefix = a.prefix;
        m.has_text = true;
    }

    static constexpr void
    apply(member_rule& m, reserved_words_attribute a) noexcept
    {
        m.text.reserved = a.words;
        m.text.reserved_count = a.count;
        m.has_text = true;
    }

    static constexpr void
    apply(member_rule& m, string_rules const& s) noexcept
    {
        m.text = s;
        m.has_text = true;
    }

    static constexpr void
    apply(member_rule& m, only_value_attribute a) noexcept
    {
        m.text.only_value = a.value;
        m.has_text = true;
    }

    static constexpr void
    apply(member_rule& m, string_format f) noexcept
    {
        m.text.format = f;
        m.has_text = true;
    }

    static constexpr void
    apply(member_rule& m, member_pairing const& p) noexcept
    {
        if(!p.enum_member.empty())
        {
            m.pairing.enum_member = p.enum_member;
            m.pairing.enum_mask = p.enum_mask;
        }
        if(!p.excluded_member.empty())
            m.pairing.excluded_member = p.excluded_member;
        m.has_pairing = true;
    }

    static constexpr void
    apply(member_rule& m, unique_rule const& u) noexcept
    {
        m.unique = u;
        m.has_unique = true;
    }

    static constexpr void
    apply(member_rule& m, integer_rules r) noexcept
    {
        m.range = r;
        m.has_range = true;
    }
};

/** Starts the rules of a model: its qualified OData type name, then any
    other names it answers to in `@odata.type` (such as the same type in a
    later namespace).

    The first name is the canonical one, written on output.
*/
template<class... Aliases>
constexpr model_rules<0>
model(std::string_view name, Aliases... aliases) noexcept
{
    static_assert(sizeof...(Aliases) < max_type_names,
        "graphschema: a model may have at most 4 OData type names");
    model_rules<0> r;
    std::string_view const all[] = {name, std::string_view(aliases)...};
    for(auto n : all)
        r.type_names[r.type_name_count++] = n;
    return r;
}

/// True when `T` is a model: a `graphschema_model(model_tag<T>)` is found
/// for it (by argument-dependent lookup, in `T`'s namespace).
template<class T, class = void>
struct is_model : std::false_type
{
};

template<class T>
struct is_model<T, std::void_t<decltype(graphschema_model(model_tag<T>{}))>>
    : std::true_type
{
};

template<class T>
inline constexpr bool is_model_v = is_model<T>::value;

} // graphschema

#endif
