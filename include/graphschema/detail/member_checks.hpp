//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_DETAIL_MEMBER_CHECKS_HPP
#define GRAPHSCHEMA_DETAIL_MEMBER_CHECKS_HPP

#include <graphschema/options.hpp>
#include <graphschema/report.hpp>
#include <graphschema/detail/inline_vector.hpp>
#include <graphschema/detail/key_store.hpp>
#include <graphschema/detail/tables.hpp>
#include <graphschema/detail/text.hpp>
#include <graphschema/detail/text_source.hpp>

#include <boost/config.hpp>
#include <boost/json/error.hpp>
#include <boost/json/string_view.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

// The decisions the handler and the quick pass share: which member a key
// names, whether a whole string passes a member's rules, whether a string
// names a model.

namespace graphschema {
namespace detail {

inline constexpr std::string_view odata_type_key = "@odata.type";

// The member `key` names: its index, member_count for @odata.type, or npos.
inline std::size_t
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

// The decision the handler's check_string() makes for a whole string,
// without its message: true when `text` breaks none of the member's rules.
inline bool
passes(member_entry const& m, std::string_view text) noexcept
{
    string_rules const& r = *m.text;
    std::size_t code_points = text.size();
    if(unsigned char const* allowed = m.allowed_bytes)
    {
        // The allowed characters are ASCII: one byte, one code point.
        unsigned char ok = 1;
        for(char c : text)
            ok &= allowed[static_cast<unsigned char>(c)];
        if(!ok)
            return false;
    }
    else
        code_points = count_code_points(text);
    if(code_points < r.min_length || code_points > r.max_length)
        return false;
    auto const& p = r.forbidden_prefix;
    if(!p.empty() && text.size() >= p.size() && same_bytes(text.substr(0, p.size()), p))
        return false;
    if(m.reserved_filter & member_entry::filter_bit(text))
        for(std::size_t i = 0; i < r.reserved_count; ++i)
            if(same_bytes(r.reserved[i], text))
                return false;
    return true;
}

// True when `value` names the model, as @odata.type must: one of its
// names, with or without one leading '#'.
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

} // detail
} // graphschema

#endif
