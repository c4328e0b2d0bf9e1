//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_MODEL_HPP
#define GRAPHSCHEMA_MODEL_HPP

#include <graphschema/options.hpp>

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
            return false;
        return (bits_[c / 64] >> (c % 64)) & 1;
    }

    /// The text the set was made from, such as `"A-Za-z0-9"`.
    constexpr std::string_view spec() const noexcept { return spec_; }

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

    constexpr bool
    empty() const noexcept
    {
        return min_length == 0 && max_length == static_cast<std::size_t>(-1) &&
            !allowed.restricts() && forbidden_prefix.empty() &&
            reserved_count == 0;
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
};

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
