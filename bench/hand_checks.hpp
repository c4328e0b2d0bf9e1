//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_BENCH_HAND_CHECKS_HPP
#define GRAPHSCHEMA_BENCH_HAND_CHECKS_HPP

#include <cstddef>
#include <string_view>

/*  RULES.md written out by hand, as a user of a plain JSON library would:
    the checks the nlohmann and simdjson peers apply to the strings they
    find. Lengths are in code points, comparisons exact.
*/

namespace bench {
namespace hand {

inline std::size_t
code_points(std::string_view s) noexcept
{
    std::size_t n = 0;
    for(char c : s)
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

inline bool
valid_id(std::string_view id) noexcept
{
    if(id.size() < 3 || id.size() > 32)
        return false;
    for(char c : id)
        if(!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            return false;
    if(id.substr(0, 9) == "Microsoft")
        return false;
    static constexpr std::string_view reserved[] = {"None", "Directory", "Exchange",
        "ExchangeArchive", "LinkedIn", "Mailbox", "OneDriveBusiness", "SharePoint", "Teams",
        "Yammer", "Connectors", "TaskFabric", "PowerBI", "Assistant", "TopicEngine",
        "MSFT_All_Connectors"};
    for(auto r : reserved)
        if(id == r)
            return false;
    return true;
}

inline bool
valid_name(std::string_view name) noexcept
{
    std::size_t const n = code_points(name);
    return n >= 1 && n <= 128;
}

// `@odata.type`: the qualified name, with or without one '#', in either namespace.
inline bool
names_type(std::string_view value, std::string_view type) noexcept
{
    if(!value.empty() && value[0] == '#')
        value.remove_prefix(1);
    constexpr std::string_view graph = "microsoft.graph.";
    constexpr std::string_view connectors = "microsoft.graph.externalConnectors.";
    return (value.size() == connectors.size() + type.size() && value.substr(0, connectors.size()) == connectors &&
               value.substr(connectors.size()) == type) ||
        (value.size() == graph.size() + type.size() && value.substr(0, graph.size()) == graph &&
            value.substr(graph.size()) == type);
}

inline bool
valid_state(std::string_view s) noexcept
{
    return s == "draft" || s == "ready" || s == "obsolete" || s == "limitExceeded" ||
        s == "unknownFutureValue";
}

} // hand
} // bench

#endif
