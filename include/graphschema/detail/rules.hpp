//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_DETAIL_RULES_HPP
#define GRAPHSCHEMA_DETAIL_RULES_HPP

#include <graphschema/options.hpp>
#include <graphschema/detail/numbers.hpp>
#include <graphschema/detail/tables.hpp>
#include <graphschema/detail/text.hpp>

#include <boost/config.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

/*  Every decision of the contract, once, as a small pure function of the
    model's tables, the options and the value. The walker calls these from
    text and from a boost::json::value alike; the JSON Schema export reads
    the same functions, so the three cannot disagree. A rule changed here
    is changed everywhere; docs/adding-a-model.md says which file a new
    rule touches.
*/

namespace graphschema {
namespace detail {

inline constexpr std::string_view odata_type_key = "@odata.type";

//------------------------------------------------------------------------------
// Operations

// Length, character, prefix, reserved-word and range rules
// (`constraint_violation`) bind requests only: a client accepts what the
// service returns.
constexpr bool
checks_constraints(operation op) noexcept
{
    return op != operation::read;
}

// index_of, required_in, present_in and read_only_in, the rules of a
// member's presence per operation and version, stand beside member_entry
// in tables.hpp: the tables' bit masks (model_table::required, read_only,
// present) are made from them at compile time.

//------------------------------------------------------------------------------
// Keys

// The member `key` names: its index, member_count for @odata.type, or npos.
BOOST_FORCEINLINE std::size_t
find_member(model_table const& m, std::string_view key) noexcept
{
    if(key.empty())
        return npos;
    member_lookup const& l = m.lookup;
    if(l.slots)
    {
        std::size_t const s = l.slots[member_lookup::slot(
            member_lookup::fingerprint(key.data(), key.size()), l.multiplier, l.shift)];
        if(s == 0)
            return npos;
        std::size_t const i = s - 1;
        return same_bytes(i < m.member_count ? m.members[i].json_name : odata_type_key, key)
            ? i : npos;
    }
    for(std::size_t i = 0; i < m.member_count; ++i)
        if(same_bytes(m.members[i].json_name, key))
            return i;
    return same_bytes(odata_type_key, key) ? m.member_count : npos;
}

// What a key the model declares (found by find_member) means here.
enum class declared_key
{
    value,      // the member's value follows: check it
    duplicate,  // seen before in this object (`duplicate_property`)
    read_only,  // not allowed in this operation (`read_only_property`)
    undeclared  // a member of another version: as if the model had none
};

// `i` is a member's index, or member_count for @odata.type; `seen` has a
// bit per member already seen in the object.
inline declared_key
classify_declared(model_table const& m, std::size_t i, std::uint64_t seen,
    bool odata_type_seen, operation op, api_version v) noexcept
{
    if(i == m.member_count)
        return odata_type_seen ? declared_key::duplicate : declared_key::value;
    std::uint64_t const bit = std::uint64_t(1) << i;
    if(!(m.present[index_of(v)] & bit))
        return declared_key::undeclared;
    if(seen & bit)
        return declared_key::duplicate;
    if(m.read_only[index_of(op)] & bit)
        return declared_key::read_only;
    return declared_key::value;
}

// What a key the model does not declare means (its duplicates aside).
enum class undeclared_key
{
    keep,   // kept verbatim: a dynamic property, an annotation, or preserved
    drop,   // read through and dropped (`unknown_policy::ignore`)
    reject  // `unknown_property`
};

inline undeclared_key
classify_undeclared(model_table const& m, std::string_view key, unknown_policy policy) noexcept
{
    // Dynamic properties of open types and annotations (any key with '@')
    // are never unknown.
    if(m.open || key.find('@') != std::string_view::npos)
        return undeclared_key::keep;
    switch(policy)
    {
    case unknown_policy::preserve: return undeclared_key::keep;
    case unknown_policy::ignore: return undeclared_key::drop;
    case unknown_policy::reject: return undeclared_key::reject;
    }
    return undeclared_key::keep;
}

// The members required and missing, given those seen: a bit per member.
inline std::uint64_t
missing_members(model_table const& m, std::uint64_t seen, operation op, api_version v) noexcept
{
    // A member of the other version only is no member here: never missing.
    return m.required[index_of(op)][index_of(v)] & m.present[index_of(v)] & ~seen;
}

// Whether an object of model `m` must name its type: an abstract base
// held by a one_of, whose @odata.type selects the derived type.
inline bool
type_name_required(model_table const& m, bool held_by_one_of) noexcept
{
    return held_by_one_of && m.abstract;
}

//------------------------------------------------------------------------------
// Nulls

// What `null` is where a member's value goes.
enum class null_member
{
    null,        // a nullable<T> member: it holds null
    json,        // a raw_json member: it holds the JSON null
    not_allowed  // `null_not_allowed`: a required member, or one whose type
                 // cannot hold null (std::optional<T>, and a collection,
                 // which OData never makes null: [] clears it)
};

inline null_member
null_for(member_entry const& m, operation op, api_version v) noexcept
{
    if(required_in(m, op, v))
        return null_member::not_allowed;
    // A nullable<raw_json> holds null as null, so that it reads back as
    // it was written; a plain raw_json holds it as JSON.
    if(m.set_null && m.type->kind != value_kind::array)
        return null_member::null;
    if(m.type->kind == value_kind::raw)
        return null_member::json;
    return null_member::not_allowed;
}

// Whether `null` may be a member's value, for the schema export.
inline bool
null_allowed(member_entry const& m, operation op, api_version v) noexcept
{
    return null_for(m, op, v) != null_member::not_allowed;
}

// What `null` is for an array element: only where any JSON goes.
inline bool
null_allowed(type_node const& element) noexcept
{
    return element.kind == value_kind::raw;
}

//------------------------------------------------------------------------------
// Arrays

// The items() rule member `m` (null for none) keeps in `op`, or null
// when none applies.
inline item_rules const*
items_rule(member_entry const* m, operation op) noexcept
{
    return checks_constraints(op) && m ? m->items : nullptr;
}

// Whether `count` elements keep member `m`'s items() rule in `op`.
inline bool
items_within(member_entry const* m, std::size_t count, operation op) noexcept
{
    item_rules const* r = items_rule(m, op);
    return !r || (count >= r->min && count <= r->max);
}

//------------------------------------------------------------------------------
// Numbers

// A number as the parser (or a DOM) gives it.
struct number
{
    enum kind_t : unsigned char { signed_integer, unsigned_integer, floating } kind;
    std::int64_t i;
    double d;
    std::string_view text; // empty from a DOM
};

struct integer_check
{
    enum verdict_t : unsigned char
    {
        ok,
        fraction,     // not an integer (`type_mismatch`)
        out_of_type,  // beyond the C++ type (`type_mismatch`)
        out_of_rule   // beyond the member's range() (`constraint_violation`)
    } verdict;
    std::int64_t value;
};

// The bounds an integer of type `t` must keep for member `m` (null for
// none) in `op`: the type's, narrowed by the member's range() where
// constraints apply.
struct integer_bounds
{
    std::int64_t type_min, type_max; // the C++ type's
    std::int64_t min, max;           // and with the rule
};

inline integer_bounds
bounds_of(type_node const& t, member_entry const* m, operation op) noexcept
{
    integer_bounds b{t.min_value, t.max_value, t.min_value, t.max_value};
    if(checks_constraints(op) && m && m->range)
    {
        b.min = m->range->min > b.min ? m->range->min : b.min;
        b.max = m->range->max < b.max ? m->range->max : b.max;
    }
    return b;
}

inline integer_check
check_integer(number const& n, type_node const& t, member_entry const* m, operation op) noexcept
{
    std::int64_t v = n.i;
    integer_text kind = integer_text::integer;
    if(n.kind == number::unsigned_integer)
        kind = integer_text::out_of_range;
    else if(n.kind == number::floating)
    {
        // 1.0 and 1e3 are integers to JSON Schema; accept them alike,
        // read from the text, which a double may not hold exactly.
        if(!n.text.empty())
            kind = integer_from_text(n.text, v);
        else if(n.d < -9223372036854775808.0 || n.d >= 9223372036854775808.0)
            kind = integer_text::out_of_range;
        else if(!(n.d == std::floor(n.d))) // NaN too
            kind = integer_text::fraction;
        else
            v = static_cast<std::int64_t>(n.d); // a DOM's double is exact
    }
    if(kind == integer_text::fraction)
        return {integer_check::fraction, 0};
    if(kind == integer_text::out_of_range || v < t.min_value || v > t.max_value)
        return {integer_check::out_of_type, 0};
    integer_bounds const b = bounds_of(t, m, op);
    if(v < b.min || v > b.max)
        return {integer_check::out_of_rule, v};
    return {integer_check::ok, v};
}

//------------------------------------------------------------------------------
// Names

// The enumerator `text` names, or npos.
inline std::size_t
find_enumerator(enum_table const& e, std::string_view text) noexcept
{
    for(std::size_t i = 0; i < e.count; ++i)
        if(same_bytes(e.names[i], text))
            return i;
    return npos;
}

// What a name is for an enum of node `t` (E, open_enum<E>, flags<E>).
struct enum_check
{
    enum verdict_t : unsigned char
    {
        member,  // `index` names it
        future,  // no member, kept as sent: an enum that evolves, on read
        invalid  // `invalid_enum`
    } verdict;
    std::size_t index;
};

// Whether a name that is no enumerator of node `t` is kept in `op`: a
// newer service may send members this version does not know; a request
// must use the known ones.
inline bool
keeps_unknown_names(type_node const& t, operation op) noexcept
{
    return t.open && op == operation::read;
}

inline enum_check
check_enum(type_node const& t, std::string_view name, operation op) noexcept
{
    std::size_t const i = find_enumerator(*t.enumeration, name);
    if(i != npos)
        return {enum_check::member, i};
    if(keeps_unknown_names(t, op))
        return {enum_check::future, npos};
    return {enum_check::invalid, npos};
}

// The names of an OData flags value, `"search, compliance"`: split at
// commas, spaces around each name left out. Calls `f(name)` for each.
template<class F>
void
for_each_flag(std::string_view text, F&& f)
{
    // No name at all (an empty or blank string) is the empty set, as an
    // empty set is written.
    if(text.find_first_not_of(' ') == std::string_view::npos)
        return;
    std::size_t start = 0;
    for(;;)
    {
        std::size_t const comma = text.find(',', start);
        std::string_view name = text.substr(start, comma == std::string_view::npos ? text.npos : comma - start);
        while(!name.empty() && name.front() == ' ')
            name.remove_prefix(1);
        while(!name.empty() && name.back() == ' ')
            name.remove_suffix(1);
        f(name);
        if(comma == std::string_view::npos)
            return;
        start = comma + 1;
    }
}

// The form a flags string was written in (flags<E>::form): with a space
// after its commas, or without.
inline unsigned char
flags_form(std::string_view text) noexcept
{
    std::size_t const comma = text.find(',');
    return comma != std::string_view::npos && comma + 1 < text.size() && text[comma + 1] != ' ' ? 1 : 0;
}

// True when `value` names the model, as @odata.type must: one of its
// names, with or without one leading '#' (OData 4.01), compared exactly.
inline bool
names_model(model_table const& m, std::string_view value) noexcept
{
    if(!value.empty() && value[0] == '#')
        value.remove_prefix(1);
    for(std::size_t i = 0; i < m.type_name_count; ++i)
        if(same_bytes(m.type_names[i], value))
            return true;
    return false;
}

// Whether an object of a one_of whose @odata.type names none of its
// models is kept verbatim, unchecked, in `op` (elsewhere it is checked as
// the base, whose names it is not: `odata_type_mismatch`).
constexpr bool
keeps_unknown_types(operation op) noexcept
{
    return op == operation::read;
}

// Which model of a one_of an object is, by the name its @odata.type
// gives: 0 for the base, i for the i-th derived model, npos for a name
// that is none of them.
inline std::size_t
select_alternative(one_of_table const& t, std::string_view name) noexcept
{
    for(std::size_t i = 0; i <= t.count; ++i)
        if(names_model(t.models[i](), name))
            return i;
    return npos;
}

//------------------------------------------------------------------------------
// Strings

// True when `s` is an OData DateTimeOffset as ISO 8601 writes it (RFC
// 3339's date-time): `YYYY-MM-DDThh:mm:ss`, an optional fraction of a
// second, then `Z` or an offset `+hh:mm` / `-hh:mm`. `T` and `Z` may be
// lower case (RFC 3339, 5.6); the date must exist (leap years counted);
// a leap second (`:60`) is accepted, as RFC 3339 does.
inline bool
is_date_time_offset(std::string_view s) noexcept
{
    auto digits = [&](std::size_t at, std::size_t n, int& v) {
        if(at + n > s.size())
            return false;
        v = 0;
        for(std::size_t i = at; i < at + n; ++i)
        {
            if(s[i] < '0' || s[i] > '9')
                return false;
            v = v * 10 + (s[i] - '0');
        }
        return true;
    };
    int year, month, day, hour, minute, second;
    if(!digits(0, 4, year) || s.size() < 20 || s[4] != '-' || !digits(5, 2, month) || s[7] != '-' ||
        !digits(8, 2, day) || (s[10] != 'T' && s[10] != 't') || !digits(11, 2, hour) || s[13] != ':' ||
        !digits(14, 2, minute) || s[16] != ':' || !digits(17, 2, second))
        return false;
    static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if(month < 1 || month > 12 || day < 1 || day > days[month - 1])
        return false;
    bool const leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if(month == 2 && day == 29 && !leap)
        return false;
    if(hour > 23 || minute > 59 || second > 60)
        return false;
    std::size_t i = 19;
    if(s[i] == '.')
    {
        std::size_t const first = ++i;
        while(i < s.size() && s[i] >= '0' && s[i] <= '9')
            ++i;
        if(i == first)
            return false;
    }
    if(i == s.size())
        return false;
    if(s[i] == 'Z' || s[i] == 'z')
        return i + 1 == s.size();
    int oh, om;
    return (s[i] == '+' || s[i] == '-') && i + 6 == s.size() && digits(i + 1, 2, oh) &&
        s[i + 3] == ':' && digits(i + 4, 2, om) && oh <= 23 && om <= 59;
}

struct string_check
{
    enum verdict_t : unsigned char
    {
        ok,
        length,      // fewer or more code points than the rule allows
        characters,  // a character outside the allowed set
        prefix,      // begins with the forbidden prefix
        reserved,    // one of the reserved words
        value,       // not the one value allowed
        format       // not of the format (a date and time)
    } verdict;
    std::size_t code_points;
};

// The string rules of member `m` (which has some) on a whole value, in
// the order they are reported: one constraint_violation per value.
inline string_check
check_string(member_entry const& m, std::string_view text) noexcept
{
    string_rules const& r = *m.text;
    std::size_t code_points;
    bool bad_char = false;
    if(unsigned char const* allowed = m.allowed_bytes)
    {
        // The allowed characters are ASCII: a value made of them has one
        // byte per code point.
        auto const* b = reinterpret_cast<unsigned char const*>(text.data());
        std::size_t const n = text.size();
        unsigned char ok = 1;
        std::size_t i = 0;
        for(; i + 4 <= n; i += 4)
            ok &= allowed[b[i]] & allowed[b[i + 1]] & allowed[b[i + 2]] & allowed[b[i + 3]];
        for(; i < n; ++i)
            ok &= allowed[b[i]];
        bad_char = !ok;
        // A set that admits bytes beyond ASCII counts code points.
        code_points = ok && !r.allowed.excludes() ? text.size() : count_code_points(text);
    }
    else
        code_points = count_code_points(text);
    if(code_points < r.min_length || code_points > r.max_length)
        return {string_check::length, code_points};
    if(bad_char)
        return {string_check::characters, code_points};
    auto const& p = r.forbidden_prefix;
    if(!p.empty() && text.size() >= p.size() && same_bytes(text.substr(0, p.size()), p))
        return {string_check::prefix, code_points};
    if(m.reserved_filter & member_entry::filter_bit(text))
        for(std::size_t i = 0; i < r.reserved_count; ++i)
            if(same_bytes(r.reserved[i], text))
                return {string_check::reserved, code_points};
    if(!r.only_value.empty() && !(text.size() == r.only_value.size() && same_bytes(text, r.only_value)))
        return {string_check::value, code_points};
    if(r.format == string_format::date_time_offset && !is_date_time_offset(text))
        return {string_check::format, code_points};
    return {string_check::ok, code_points};
}

//------------------------------------------------------------------------------
// Rules across members

// What a boolean member's pairing rule says of an object, given the
// boolean members that were true (`truths`, a bit per member) and the
// enumerator the rule's enum member holds (`enumerator`: its position, or
// npos when it is absent, null or no known member: then the rule has
// nothing to say).
enum class pairing_check : unsigned char
{
    ok,
    wrong_kind, // true, but the enum member holds another enumerator
    together    // true together with the member it excludes
};

inline pairing_check
check_pairing(pairing_entry const& p, std::uint64_t truths, std::size_t enumerator) noexcept
{
    if(!((truths >> p.member) & 1))
        return pairing_check::ok;
    if(p.enum_member != npos && enumerator != npos && enumerator < 64 &&
        !((p.enum_mask >> enumerator) & 1))
        return pairing_check::wrong_kind;
    if(p.excluded != npos && ((truths >> p.excluded) & 1))
        return pairing_check::together;
    return pairing_check::ok;
}

// ASCII letters folded to lower case, for names compared ignoring case.
inline void
fold_ascii_case(std::string_view s, std::string& out)
{
    out.assign(s.data(), s.size());
    for(char& c : out)
        if(c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
}

} // detail
} // graphschema

#endif
