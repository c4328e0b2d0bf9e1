//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// graphschema itself: validate-only, decode into a new value, decode into
// a reused value, encode; and two floors made of its parts: the copy of
// decoded values (for decoding) and the parser with only the member
// lookup (for validating).

#include "checkers.hpp"

#include <graphschema/graphschema.hpp>
#include <graphschema/detail/rules.hpp>

#include <boost/json/basic_parser_impl.hpp>

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

class is_valid_checker final : public checker_base<is_valid_checker>
{
public:
    explicit is_valid_checker(gs::operation op) : options_(options_for(op)) {}

    bool check(std::string_view doc) { return gs::is_valid<connection>(doc, options_); }

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

/*  A second floor, for what bounds validate-only: Boost.JSON's parser with
    a handler that does the least any validating handler must, finding which
    member each key names (graphschema's own lookup), and nothing else: no
    check, no state beyond the current model.
*/
struct lookup_handler
{
    static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);

    using error_code = boost::json::error_code;
    using string_view = boost::json::string_view;

    gs::detail::model_table const* model = &gs::detail::model_table_of<connection>::value;
    std::uint64_t seen = 0;

    bool on_document_begin(error_code&) { return true; }
    bool on_document_end(error_code&) { return true; }
    bool on_object_begin(error_code&) { return true; }
    bool on_object_end(std::size_t, error_code&) { return true; }
    bool on_array_begin(error_code&) { return true; }
    bool on_array_end(std::size_t, error_code&) { return true; }
    bool on_key_part(string_view, std::size_t, error_code&) { return true; }

    bool
    on_key(string_view s, std::size_t, error_code&)
    {
        std::size_t const i = gs::detail::find_member(*model, {s.data(), s.size()});
        seen |= i < model->member_count ? std::uint64_t(1) << i : 0;
        return true;
    }

    bool on_string_part(string_view, std::size_t, error_code&) { return true; }
    bool on_string(string_view, std::size_t, error_code&) { return true; }
    bool on_number_part(string_view, error_code&) { return true; }
    bool on_int64(std::int64_t, string_view, error_code&) { return true; }
    bool on_uint64(std::uint64_t, string_view, error_code&) { return true; }
    bool on_double(double, string_view, error_code&) { return true; }
    bool on_bool(bool, error_code&) { return true; }
    bool on_null(error_code&) { return true; }
    bool on_comment_part(string_view, error_code&) { return true; }
    bool on_comment(string_view, error_code&) { return true; }
};

class lookup_checker final : public checker_base<lookup_checker>
{
public:
    explicit lookup_checker(gs::operation)
        : parser_(parse_options())
    {
    }

    bool
    check(std::string_view doc)
    {
        parser_.reset();
        boost::json::error_code ec;
        std::size_t const n = parser_.write_some(false, doc.data(), doc.size(), ec);
        // The members seen decide nothing; reading them keeps the lookups.
        return !ec && n == doc.size() && parser_.handler().seen != ~std::uint64_t(0);
    }

private:
    static boost::json::parse_options
    parse_options() noexcept
    {
        boost::json::parse_options o;
        o.max_depth = 64;
        return o;
    }

    boost::json::basic_parser<lookup_handler> parser_;
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
        {"graphschema.is_valid", role::graphschema, all, "", &make<is_valid_checker>},
        {"graphschema.decode", role::graphschema, all, "", &make<decode_checker>},
        {"graphschema.decode_reused", role::graphschema, all, "", &make<decode_reused_checker>},
        {"floor.basic_parser_lookup", role::floor, {flaw::syntax, flaw::invalid_utf8, flaw::too_deep},
            "every rule: syntax only, and each key's member looked up", &make<lookup_checker>},
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
