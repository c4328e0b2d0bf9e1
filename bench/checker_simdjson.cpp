//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// simdjson's on-demand API touching the members RULES.md speaks of, with
// the hand-written checks: the fastest way a careful user would write it.
// On-demand is compiled for the instruction set the compiler targets (no
// runtime dispatch), so the build gives this one file -march=native.

#include "checkers.hpp"
#include "hand_checks.hpp"

#include <simdjson.h>

namespace bench {

namespace {

namespace od = simdjson::ondemand;

class simdjson_checker final : public checker_base<simdjson_checker>
{
public:
    explicit simdjson_checker(graphschema::operation op)
        : create_(op == graphschema::operation::create)
    {
    }

    bool
    check(std::string_view text)
    {
        // The corpus keeps SIMDJSON_PADDING readable bytes after every document.
        simdjson::padded_string_view in(text.data(), text.size(), text.size() + simdjson::SIMDJSON_PADDING);
        od::document doc;
        if(parser_.iterate(in).get(doc))
            return false;
        od::object root;
        if(doc.get_object().get(root))
            return false;
        unsigned seen = 0;
        for(auto field : root)
        {
            std::string_view key;
            od::value v;
            if(field.unescaped_key().get(key) || field.value().get(v))
                return false;
            if(!member(key, v, seen))
                return false;
        }
        // Nothing may follow the root object (3.0 has no document::at_end()).
        if(doc.current_location().error() != simdjson::OUT_OF_BOUNDS)
            return false;
        unsigned const required = create_ ? (id | name | description | configuration) : id;
        return (seen & required) == required;
    }

private:
    enum : unsigned
    {
        id = 1,
        name = 2,
        description = 4,
        configuration = 8,
        state = 16,
        odata_type = 32
    };

    static bool
    once(unsigned& seen, unsigned bit) noexcept
    {
        if(seen & bit)
            return false; // a duplicate
        seen |= bit;
        return true;
    }

    bool
    member(std::string_view key, od::value& v, unsigned& seen)
    {
        std::string_view s;
        if(key == "id")
            return once(seen, id) && !v.get_string().get(s) && (!create_ || hand::valid_id(s));
        if(key == "name")
            return once(seen, name) && !v.get_string().get(s) && (!create_ || hand::valid_name(s));
        if(key == "description")
            return once(seen, description) && !v.get_string().get(s);
        if(key == "configuration")
            return once(seen, configuration) && check_configuration(v);
        if(key == "state")
            return !create_ && once(seen, state) && !v.get_string().get(s) && hand::valid_state(s);
        if(key == "@odata.type")
            return once(seen, odata_type) && !v.get_string().get(s) &&
                hand::names_type(s, "externalConnection");
        return true; // kept, unchecked
    }

    static bool
    check_configuration(od::value& v)
    {
        od::object config;
        if(v.get_object().get(config))
            return false;
        for(auto field : config)
        {
            std::string_view key;
            od::value m;
            if(field.unescaped_key().get(key) || field.value().get(m))
                return false;
            if(key == "authorizedApps" || key == "authorizedAppIds")
            {
                od::array apps;
                if(m.get_array().get(apps))
                    return false;
                for(auto app : apps)
                {
                    std::string_view s;
                    if(app.get_string().get(s))
                        return false;
                }
            }
            else if(key == "@odata.type")
            {
                std::string_view s;
                if(m.get_string().get(s) || !hand::names_type(s, "configuration"))
                    return false;
            }
        }
        return true;
    }

    bool create_;
    od::parser parser_;
};

std::unique_ptr<checker>
make(graphschema::operation op, paths const&)
{
    return std::make_unique<simdjson_checker>(op);
}

} // namespace

std::vector<checker_kind>
simdjson_checkers()
{
    return {{"floor.simdjson_ondemand", role::floor,
        flaw_set::all().without({flaw::duplicate_unknown, flaw::too_deep}),
        "duplicates among members it skips, depth (its limit is 1024)",
        &make}};
}

} // bench
