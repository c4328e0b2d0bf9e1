//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#include "checkers.hpp"

namespace bench {

std::vector<checker_kind>
all_checkers()
{
    std::vector<checker_kind> all;
    for(auto part : {graphschema_checkers, boost_json_checkers, simdjson_checkers,
             rapidjson_checkers, valijson_checkers, nlohmann_checkers})
        for(auto& k : part())
            all.push_back(k);
    return all;
}

} // bench
