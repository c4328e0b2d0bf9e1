//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// nlohmann::json: parse into its DOM, then the hand-written checks.

#include "checkers.hpp"
#include "hand_checks.hpp"

#include <nlohmann/json.hpp>

namespace bench {

namespace {

using json = nlohmann::json;

class nlohmann_checker final : public checker_base<nlohmann_checker>
{
public:
    explicit nlohmann_checker(graphschema::operation op)
        : create_(op == graphschema::operation::create)
    {
    }

    bool
    check(std::string_view text)
    {
        json const j = json::parse(text.begin(), text.end(), nullptr, false);
        if(j.is_discarded() || !j.is_object())
            return false;
        if(!string_member(j, "id", true, create_ ? &hand::valid_id : nullptr) ||
            !string_member(j, "name", create_, create_ ? &hand::valid_name : nullptr) ||
            !string_member(j, "description", create_, nullptr))
            return false;
        if(!odata_type(j, "externalConnection"))
            return false;
        auto const state = j.find("state");
        if(state != j.end() &&
            (create_ || !state->is_string() || !hand::valid_state(state->get_ref<std::string const&>())))
            return false;
        auto const config = j.find("configuration");
        if(config == j.end())
            return !create_;
        if(!config->is_object() || !odata_type(*config, "configuration"))
            return false;
        for(char const* apps : {"authorizedApps", "authorizedAppIds"})
        {
            auto const a = config->find(apps);
            if(a == config->end())
                continue;
            if(!a->is_array())
                return false;
            for(auto const& e : *a)
                if(!e.is_string())
                    return false;
        }
        return true;
    }

private:
    static bool
    string_member(json const& j, char const* key, bool required, bool (*rule)(std::string_view) noexcept)
    {
        auto const it = j.find(key);
        if(it == j.end())
            return !required;
        if(!it->is_string())
            return false;
        return !rule || rule(it->get_ref<std::string const&>());
    }

    static bool
    odata_type(json const& j, std::string_view type)
    {
        auto const it = j.find("@odata.type");
        if(it == j.end())
            return true;
        return it->is_string() && hand::names_type(it->get_ref<std::string const&>(), type);
    }

    bool create_;
};

std::unique_ptr<checker>
make(graphschema::operation op, paths const&)
{
    return std::make_unique<nlohmann_checker>(op);
}

} // namespace

std::vector<checker_kind>
nlohmann_checkers()
{
    return {{"peer.nlohmann", role::peer,
        flaw_set::all().without({flaw::duplicate_member, flaw::duplicate_unknown, flaw::too_deep}),
        "duplicate keys (its DOM keeps one of them), depth",
        &make}};
}

} // bench
