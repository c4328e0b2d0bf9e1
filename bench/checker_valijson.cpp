//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// valijson over RapidJSON's DOM (the fastest parser it adapts), against
// the same schemas as the RapidJSON peer.

#include "checkers.hpp"
#include "schema_file.hpp"

// valijson's adapter must come before RapidJSON's headers.
#include <valijson/adapters/rapidjson_adapter.hpp>
#include <rapidjson/document.h>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include <memory>
#include <stdexcept>

namespace bench {

namespace {

class valijson_checker final : public checker_base<valijson_checker>
{
public:
    explicit valijson_checker(std::string const& schema_text)
        : buffer_(new char[buffer_size])
    {
        rapidjson::Document d;
        if(d.Parse(schema_text.data(), schema_text.size()).HasParseError())
            throw std::runtime_error("RapidJSON cannot parse the schema");
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft4);
        valijson::adapters::RapidJsonAdapter adapter(d);
        parser.populateSchema(adapter, schema_);
    }

    bool
    check(std::string_view text)
    {
        // Each document in a fresh pool over one buffer: a reused Document
        // would keep growing its pool.
        rapidjson::MemoryPoolAllocator<> pool(buffer_.get(), buffer_size);
        rapidjson::Document d(&pool);
        d.Parse<rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
        if(d.HasParseError())
            return false;
        valijson::adapters::RapidJsonAdapter adapter(d);
        // No results object: it stops at the first failure.
        return validator_.validate(schema_, adapter, nullptr);
    }

private:
    static constexpr std::size_t buffer_size = 1u << 20;

    std::unique_ptr<char[]> buffer_;
    valijson::Schema schema_;
    valijson::Validator validator_; // keeps its compiled regexes
};

std::unique_ptr<checker>
make(graphschema::operation op, paths const& where)
{
    return std::make_unique<valijson_checker>(read_schema(where, op));
}

} // namespace

std::vector<checker_kind>
valijson_checkers()
{
    return {{"peer.valijson", role::peer,
        flaw_set::all().without({flaw::duplicate_member, flaw::duplicate_unknown, flaw::too_deep}),
        "duplicate keys, depth (JSON Schema cannot say them)", &make}};
}

} // bench
