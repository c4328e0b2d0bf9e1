//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// The item validator: external items checked against a registered schema
// (CONNECTORS.md §22.5, §26), made once from the registration body, then
// is_valid (the verdict) or validate (the full report) per item; and the
// JSON Schema it exports for ajv. Every call into the item validator's
// API is in this file.

#include "checkers.hpp"

#include <graphschema/item_validator.hpp>
#include <graphschema/report.hpp>

#include <boost/json/serialize.hpp>

#include <optional>
#include <utility>

namespace bench {

namespace {

namespace gs = graphschema;

gs::decode_options
item_options()
{
    gs::decode_options o;
    o.operation = gs::operation::create; // a PUT body
    return o;
}

// The validator for `schema`, or nullopt with the first issues said.
std::optional<gs::item_validator>
make_validator(std::string const& schema, std::string& failure)
{
    gs::report why;
    std::optional<gs::item_validator> v = gs::item_validator::make(schema, why, item_options());
    if(!v)
    {
        failure = "the item validator refuses the registration body:";
        std::size_t n = 0;
        for(auto const& i : why)
        {
            if(++n > 5)
                break;
            failure += " " + i.pointer + " (" + i.message + ");";
        }
    }
    return v;
}

class item_is_valid_checker final : public checker_base<item_is_valid_checker>
{
public:
    explicit item_is_valid_checker(gs::item_validator v) : v_(std::move(v)) {}

    bool check(std::string_view doc) { return v_.is_valid(doc); }

private:
    gs::item_validator v_;
};

class item_validate_checker final : public checker_base<item_validate_checker>
{
public:
    explicit item_validate_checker(gs::item_validator v) : v_(std::move(v)) {}

    bool check(std::string_view doc) { return v_.validate(doc).ok(); }

private:
    gs::item_validator v_;
};

} // namespace

std::unique_ptr<checker>
make_item_checker(item_check what, std::string const& schema, std::string& failure)
{
    auto v = make_validator(schema, failure);
    if(!v)
        return nullptr;
    if(what == item_check::is_valid)
        return std::make_unique<item_is_valid_checker>(std::move(*v));
    return std::make_unique<item_validate_checker>(std::move(*v));
}

std::string
item_json_schema(std::string const& schema, std::string& failure)
{
    auto v = make_validator(schema, failure);
    if(!v)
        return {};
    return boost::json::serialize(v->json_schema());
}

} // bench
