//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_DETAIL_MESSAGES_HPP
#define GRAPHSCHEMA_DETAIL_MESSAGES_HPP

#include <graphschema/error.hpp>
#include <graphschema/options.hpp>
#include <graphschema/detail/rules.hpp>
#include <graphschema/detail/tables.hpp>
#include <graphschema/detail/text.hpp>

#include <boost/json/error.hpp>

#include <cstddef>
#include <string>
#include <string_view>

/*  The one-line message of every issue, one function per code. Messages
    quote what the document holds escaped and cut short (append_quoted),
    so that a hostile value cannot make one long or multi-line. Their
    wording may change between versions; codes and pointers do not.
*/

namespace graphschema {
namespace detail {
namespace messages {

//------------------------------------------------------------------------------
// Document-level codes

// What the parser's error `ec`, `consumed` bytes into `text`, is (`ec`
// clear: the document ended before the text did).
inline void
syntax_error(std::string& m, std::string_view text, boost::json::error_code const& ec,
    std::size_t consumed)
{
    namespace json = boost::json;
    if(!ec)
        m += "unexpected text after the document";
    else if(ec == json::error::incomplete)
        m += text.find_first_not_of(" \t\r\n") == std::string_view::npos
            ? "the document is empty" : "the document ends before it is complete";
    else if(ec == json::error::syntax && consumed == 0 && text.substr(0, 3) == "\xEF\xBB\xBF")
        m += "a UTF-8 byte order mark (EF BB BF) before the document: JSON text must not begin with one";
    else if(ec == json::error::syntax && consumed < text.size() &&
        (static_cast<unsigned char>(text[consumed]) & 0x80))
        m += "invalid UTF-8";
    else if(ec == json::error::exponent_overflow)
        m += "a number's exponent is too large";
    else if(ec == json::error::illegal_leading_surrogate ||
        ec == json::error::illegal_trailing_surrogate)
        m += "invalid \\u escape: unpaired UTF-16 surrogate";
    else
        m += "invalid JSON: " + ec.message();
}

inline void
size_exceeded(std::string& m, std::size_t size, std::size_t limit)
{
    m += "the document is " + std::to_string(size) + " bytes, more than the limit of " +
        std::to_string(limit);
}

inline void
depth_exceeded(std::string& m, std::size_t limit)
{
    m += "nesting is deeper than the limit of " + std::to_string(limit);
}

//------------------------------------------------------------------------------
// type_mismatch

inline char const*
expected(type_node const& t) noexcept
{
    switch(t.kind)
    {
    case value_kind::string: return "a string";
    case value_kind::boolean: return "a boolean";
    case value_kind::integer: return "an integer";
    case value_kind::number: return "a number";
    case value_kind::enumeration: return "a string (an enum member)";
    case value_kind::flags: return "a string of enum members (or an array of them)";
    case value_kind::array: return "an array";
    case value_kind::model: return "an object";
    case value_kind::one_of: return "";
    default: return "a value";
    }
}

// A value of type `t` was expected; `found` says what came ("an array").
inline void
type_mismatch(std::string& m, type_node const& t, char const* found)
{
    if(t.kind == value_kind::odata_type || t.kind == value_kind::annotation)
    {
        m += "@odata.type must be a string, found ";
        m += found;
        return;
    }
    m += "expected ";
    m += expected(t);
    if(t.kind == value_kind::model)
    {
        m += " (";
        m += t.model().type_names[0];
        m += ")";
    }
    else if(t.kind == value_kind::one_of)
    {
        m += "an object (";
        m += t.alternatives->models[0]().type_names[0];
        m += " or a type derived from it)";
    }
    m += ", found ";
    m += found;
}

// An integer member's value that is no integer of its type.
inline void
type_mismatch(std::string& m, integer_check const& c, type_node const& t)
{
    if(c.verdict == integer_check::fraction)
        m += "expected an integer, found a number with a fraction";
    else
        m += "expected an integer from " + std::to_string(t.min_value) + " to " +
            std::to_string(t.max_value) + ", found one out of range";
}

//------------------------------------------------------------------------------
// constraint_violation

inline void
constraint_violation(std::string& m, string_check const& c, string_rules const& r,
    std::string_view value)
{
    switch(c.verdict)
    {
    case string_check::length:
        m += "must be ";
        if(r.max_length == static_cast<std::size_t>(-1))
            m += "at least " + std::to_string(r.min_length);
        else if(r.min_length == r.max_length)
            m += std::to_string(r.min_length);
        else
            m += std::to_string(r.min_length) + " to " + std::to_string(r.max_length);
        m += " characters long (found ";
        m += std::to_string(c.code_points);
        m += ")";
        return;
    case string_check::characters:
        if(r.allowed.excludes())
        {
            m += "must contain no control character, no whitespace and none of ";
            m += r.allowed.spec();
            m += ", found ";
        }
        else
        {
            m += "must contain only the characters [";
            m += r.allowed.spec();
            m += "], found ";
        }
        append_quoted(m, value);
        return;
    case string_check::value:
        m += "must be ";
        append_quoted(m, r.only_value);
        m += ", found ";
        append_quoted(m, value);
        return;
    case string_check::format:
        m += "must be an ISO 8601 date and time with a zone, such as \"2024-03-01T12:30:00Z\", found ";
        append_quoted(m, value);
        return;
    case string_check::prefix:
        m += "must not begin with ";
        append_quoted(m, r.forbidden_prefix);
        return;
    case string_check::reserved:
        append_quoted(m, value);
        m += " is a reserved value";
        return;
    case string_check::ok:
        return;
    }
}

// A dynamic member's type annotation that names another type.
inline void
annotation_mismatch(std::string& m, std::string_view found, std::string_view expected, std::string_view member)
{
    m += "must be ";
    append_quoted(m, expected);
    m += " (the type of ";
    append_quoted(m, member);
    m += " in the schema), found ";
    append_quoted(m, found);
}

// A dynamic member the schema does not declare.
inline void
undeclared_dynamic(std::string& m, std::string_view key)
{
    append_quoted(m, key);
    m += " is not a property of the registered schema";
}

// A dynamic object with none of its schema's members.
inline void
no_dynamic_members(std::string& m)
{
    m += "must hold at least one property of the registered schema";
}

// A boolean member that breaks a rule across members (check_pairing).
inline void
pairing_violation(std::string& m, pairing_check c, model_table const& t, pairing_entry const& p)
{
    append_quoted(m, t.members[p.member].json_name);
    if(c == pairing_check::wrong_kind)
    {
        m += " may be true only when ";
        append_quoted(m, t.members[p.enum_member].json_name);
        m += " is ";
        enum_table const& e = *t.members[p.enum_member].type->enumeration;
        bool first = true;
        for(std::size_t i = 0; i < e.count && i < 64; ++i)
            if((p.enum_mask >> i) & 1)
            {
                if(!first)
                    m += " or ";
                first = false;
                append_quoted(m, e.names[i]);
            }
    }
    else
    {
        m += " may not be true together with ";
        append_quoted(m, t.members[p.excluded].json_name);
    }
}

// A string that repeats an earlier one under a uniqueness rule.
inline void
not_unique(std::string& m, std::string_view value)
{
    append_quoted(m, value);
    m += " repeats an earlier name or alias of the array (compared ignoring ASCII case)";
}

// An array with fewer or more elements than items() allows.
inline void
constraint_violation(std::string& m, item_rules const& r, std::size_t count)
{
    m += "must have ";
    if(r.max == static_cast<std::size_t>(-1))
        m += "at least " + std::to_string(r.min);
    else if(r.min == 0)
        m += "at most " + std::to_string(r.max);
    else if(r.min == r.max)
        m += std::to_string(r.min);
    else
        m += std::to_string(r.min) + " to " + std::to_string(r.max);
    m += r.max == 1 ? " element" : " elements";
    m += " (found " + std::to_string(count) + ")";
}

inline void
constraint_violation(std::string& m, integer_check const& c, integer_bounds const& b)
{
    m += "must be from " + std::to_string(b.min) + " to " + std::to_string(b.max) +
        " (found " + std::to_string(c.value) + ")";
}

//------------------------------------------------------------------------------
// The other codes

inline void
invalid_enum(std::string& m, std::string_view value, enum_table const& e)
{
    append_quoted(m, value);
    m += " is not one of ";
    // Enough names to see what is meant, not all of a long enum's.
    constexpr std::size_t shown = 8;
    for(std::size_t i = 0; i < e.count && i < shown; ++i)
    {
        if(i != 0)
            m += ", ";
        m += e.names[i];
    }
    if(e.count > shown)
        m += ", ... (" + std::to_string(e.count) + " in all)";
}

inline void
odata_type_mismatch(std::string& m, std::string_view value, model_table const& t)
{
    append_quoted(m, value);
    m += " does not name ";
    m += t.type_names[0];
    if(t.type_name_count > 1)
    {
        m += " (nor ";
        for(std::size_t i = 1; i < t.type_name_count; ++i)
        {
            if(i != 1)
                m += ", ";
            m += t.type_names[i];
        }
        m += ")";
    }
}

inline void
duplicate_property(std::string& m, std::string_view key)
{
    m += "duplicate property ";
    append_quoted(m, key);
    m += "; the first occurrence is the one used";
}

inline void
read_only_property(std::string& m, std::string_view name, operation op)
{
    m += "'";
    m += name;
    m += "' is read-only and must not be sent in ";
    m += op == operation::update ? "an update" : op == operation::create ? "a create" : "a read";
    m += " body";
}

inline void
missing_required(std::string& m, std::string_view name)
{
    m += "required property '";
    m += name;
    m += "' is missing";
}

// A member sent as null where it cannot be (`member` not null; `required`
// says whether it is required here), or an array element.
inline void
null_not_allowed(std::string& m, member_entry const* member, bool required)
{
    if(!member)
    {
        m += "array elements must not be null";
        return;
    }
    m += "'";
    m += member->json_name;
    if(required)
        m += "' is required and must not be null";
    else if(member->type->kind == value_kind::array)
        m += "' is a collection and is never null (send [] to empty it)";
    else
        m += "' must not be null";
}

inline void
unknown_property(std::string& m, std::string_view key)
{
    m += "unknown property ";
    append_quoted(m, key);
    m += " (unknown properties are rejected)";
}

} // messages
} // detail
} // graphschema

#endif
