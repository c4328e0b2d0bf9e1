//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// graphschema itself: validate-only, decode into a new value, decode into
// a reused value, encode, and the copy of decoded values (a floor for
// decoding).

#include "checkers.hpp"

#include <graphschema/graphschema.hpp>

namespace bench {

namespace {

namespace gs = graphschema;
using connection = gs::graph::external_connection;

gs::decode_options
options_for(gs::operation op)
{
    gs::decode_options o;
    o.operation = op;
    return o;
}

class validate_checker final : public checker_base<validate_checker>
{
public:
    explicit validate_checker(gs::operation op) : options_(options_for(op)) {}

    bool check(std::string_view doc) { return gs::validate<connection>(doc, options_).ok(); }

private:
    gs::decode_options options_;
};

class decode_checker final : public checker_base<decode_checker>
{
public:
    explicit decode_checker(gs::operation op) : options_(options_for(op)) {}

    bool check(std::string_view doc) { return gs::decode<connection>(doc, options_).ok(); }

private:
    gs::decode_options options_;
};

class decode_reused_checker final : public checker_base<decode_reused_checker>
{
public:
    explicit decode_reused_checker(gs::operation op) : options_(options_for(op)) {}

    bool check(std::string_view doc) { return gs::decode(doc, value_, options_).ok(); }

private:
    gs::decode_options options_;
    connection value_;
};

template<class Checker>
std::unique_ptr<checker>
make(gs::operation op, paths const&)
{
    return std::make_unique<Checker>(op);
}

class connection_values final : public decoded_values
{
public:
    std::size_t
    encode_all() override
    {
        std::size_t bytes = 0;
        for(auto const& v : values_)
        {
            out_.clear();
            gs::encode(v, out_);
            bytes += out_.size();
        }
        return bytes;
    }

    std::size_t
    copy_all() override
    {
        std::size_t n = 0;
        for(auto const& v : values_)
        {
            connection const copy(v);
            n += copy.id.has_value();
        }
        return n;
    }

    std::size_t size() const override { return values_.size(); }

    std::vector<connection> values_;
    std::string out_;
};

} // namespace

std::vector<checker_kind>
graphschema_checkers()
{
    flaw_set const all = flaw_set::all();
    return {
        {"graphschema.validate", role::graphschema, all, "", &make<validate_checker>},
        {"graphschema.decode", role::graphschema, all, "", &make<decode_checker>},
        {"graphschema.decode_reused", role::graphschema, all, "", &make<decode_reused_checker>},
    };
}

std::unique_ptr<decoded_values>
decode_all(document_set const& set, std::string& failure)
{
    auto e = std::make_unique<connection_values>();
    auto const options = options_for(set.operation);
    for(auto const& d : set.documents)
    {
        connection c;
        if(!gs::decode(d.text, c, options).ok())
            continue;
        // The canonical form must decode to the same value.
        connection back;
        if(!gs::decode(gs::encode(c), back, options).ok() || !(back == c))
        {
            failure = "encoding does not round-trip: " + std::string(d.text.substr(0, 200));
            return nullptr;
        }
        e->values_.push_back(std::move(c));
    }
    return e;
}

} // bench
