//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// RapidJSON's SchemaValidator fed by its SAX Reader: validation while
// parsing, with no DOM, against bench/schema/{create,read}.json.

#include "checkers.hpp"
#include "schema_file.hpp"

#include <rapidjson/document.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>
#include <rapidjson/schema.h>

#include <stdexcept>

namespace bench {

namespace {

class rapidjson_checker final : public checker_base<rapidjson_checker>
{
public:
    explicit rapidjson_checker(rapidjson::Document const& schema)
        : schema_(schema)
        , validator_(schema_)
    {
    }

    bool
    check(std::string_view text)
    {
        validator_.Reset();
        rapidjson::MemoryStream in(text.data(), text.size());
        // Without the flag, RapidJSON passes invalid UTF-8 through.
        auto const r = reader_.Parse<rapidjson::kParseValidateEncodingFlag>(in, validator_);
        return !r.IsError() && validator_.IsValid();
    }

private:
    rapidjson::SchemaDocument schema_;
    rapidjson::SchemaValidator validator_;
    rapidjson::Reader reader_;
};

std::unique_ptr<checker>
make(graphschema::operation op, paths const& where)
{
    std::string const text = read_schema(where, op);
    rapidjson::Document d;
    if(d.Parse(text.data(), text.size()).HasParseError())
        throw std::runtime_error("RapidJSON cannot parse the schema");
    return std::make_unique<rapidjson_checker>(d);
}

} // namespace

std::vector<checker_kind>
rapidjson_checkers()
{
    return {{"peer.rapidjson_schema", role::peer,
        flaw_set::all().without({flaw::duplicate_member, flaw::duplicate_unknown, flaw::too_deep}),
        "duplicate keys, depth (JSON Schema cannot say them)", &make}};
}

} // bench
