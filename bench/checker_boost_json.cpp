//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// Boost.JSON alone: the two floors (the syntax-only basic_parser with a
// handler that does nothing, and parse into a value) and the peer that
// decodes with value_to.

#include "checkers.hpp"

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>
#include <boost/describe/members.hpp>
#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parser.hpp>
#include <boost/json/value_to.hpp>
#include <boost/mp11/algorithm.hpp>

#include <memory>
#include <string>
#include <vector>

namespace bench {

namespace {

namespace json = boost::json;

json::parse_options
parse_options() noexcept
{
    json::parse_options o;
    o.max_depth = 64; // graphschema's default (Boost.JSON's is 32)
    return o;
}

// Syntax only: every event is ignored.
struct null_handler
{
    static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);

    using error_code = json::error_code;
    using string_view = json::string_view;

    bool on_document_begin(error_code&) { return true; }
    bool on_document_end(error_code&) { return true; }
    bool on_object_begin(error_code&) { return true; }
    bool on_object_end(std::size_t, error_code&) { return true; }
    bool on_array_begin(error_code&) { return true; }
    bool on_array_end(std::size_t, error_code&) { return true; }
    bool on_key_part(string_view, std::size_t, error_code&) { return true; }
    bool on_key(string_view, std::size_t, error_code&) { return true; }
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

class null_parser_checker final : public checker_base<null_parser_checker>
{
public:
    null_parser_checker() : parser_(parse_options()) {}

    bool
    check(std::string_view doc)
    {
        parser_.reset();
        json::error_code ec;
        std::size_t const n = parser_.write_some(false, doc.data(), doc.size(), ec);
        return !ec && n == doc.size();
    }

private:
    json::basic_parser<null_handler> parser_;
};

/*  json::parse's best form: a parser reused (its stack keeps its memory),
    each value built in a fresh monotonic_resource over one fixed buffer.
    (Reusing one monotonic_resource with release() would keep its grown
    block size in Boost 1.81, and end in bad_alloc over large documents.)
*/
class value_parser
{
public:
    value_parser()
        : buffer_(new unsigned char[buffer_size])
        , parser_(json::storage_ptr(), parse_options(), stack_, sizeof(stack_))
    {
    }

    // Calls f(value const&) when `doc` parses; returns f's result, or false.
    template<class F>
    bool
    parse(std::string_view doc, F const& f)
    {
        json::monotonic_resource mr(buffer_.get(), buffer_size);
        parser_.reset(json::storage_ptr(&mr));
        json::error_code ec;
        parser_.write(doc.data(), doc.size(), ec);
        if(ec)
            return false;
        json::value const jv = parser_.release();
        return f(jv);
    }

private:
    static constexpr std::size_t buffer_size = 1u << 20;

    std::unique_ptr<unsigned char[]> buffer_;
    unsigned char stack_[4096];
    json::parser parser_;
};

class parse_checker final : public checker_base<parse_checker>
{
public:
    bool
    check(std::string_view doc)
    {
        return parser_.parse(doc, [](json::value const&) { return true; });
    }

private:
    value_parser parser_;
};

} // namespace

// The value_to peer's model: what Boost.JSON 1.81 can convert. Its
// described-class conversion needs the object to have exactly the described
// members (extra members, such as @odata.type, are error::size_mismatch) and
// knows no std::optional, so members are plain values and convert() below
// walks the described members itself: each present member goes through
// value_to, and an absent one must not be required.
namespace value_to_model {

enum class connection_state
{
    draft,
    ready,
    obsolete,
    limitExceeded,
    unknownFutureValue
};

BOOST_DESCRIBE_ENUM(connection_state, draft, ready, obsolete, limitExceeded, unknownFutureValue)

struct configuration_body
{
    std::vector<std::string> authorizedApps;
    std::vector<std::string> authorizedAppIds;
};

struct connection
{
    std::string id;
    std::string name;
    std::string description;
    configuration_body configuration;
    connection_state state = connection_state::draft;
};

// Clang's -Wpedantic in C++17 flags the empty base list; the code is valid.
#if defined(__clang__)
# pragma clang diagnostic push
# pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif
BOOST_DESCRIBE_STRUCT(configuration_body, (), (authorizedApps, authorizedAppIds))
BOOST_DESCRIBE_STRUCT(connection, (), (id, name, description, configuration, state))
#if defined(__clang__)
# pragma clang diagnostic pop
#endif

} // value_to_model

namespace {

using names = std::vector<std::string_view>;

bool
listed(names const& required, std::string_view name) noexcept
{
    for(auto n : required)
        if(n == name)
            return true;
    return false;
}

template<class T>
bool
convert(json::value const& jv, T& out, names const& required)
{
    auto const* obj = jv.if_object();
    if(!obj)
        return false;
    bool ok = true;
    boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
        [&](auto d) {
            if(!ok)
                return;
            auto const* v = obj->if_contains(d.name);
            if(!v)
            {
                ok = !listed(required, d.name);
                return;
            }
            auto& member = out.*d.pointer;
            using M = std::remove_reference_t<decltype(member)>;
            if constexpr(boost::describe::has_describe_members<M>::value)
                ok = convert(*v, member, names());
            else
            {
                auto r = json::try_value_to<M>(*v);
                if(!r)
                    ok = false;
                else
                    member = std::move(*r);
            }
        });
    return ok;
}

class value_to_checker final : public checker_base<value_to_checker>
{
public:
    explicit value_to_checker(graphschema::operation op)
        : required_(op == graphschema::operation::create
              ? names{"id", "name", "description", "configuration"}
              : names{"id"})
    {
    }

    bool
    check(std::string_view doc)
    {
        return parser_.parse(doc, [&](json::value const& jv) {
            value_to_model::connection c;
            return convert(jv, c, required_);
        });
    }

private:
    names required_;
    value_parser parser_;
};

template<class Checker>
std::unique_ptr<checker>
make(graphschema::operation, paths const&)
{
    return std::make_unique<Checker>();
}

std::unique_ptr<checker>
make_value_to(graphschema::operation op, paths const&)
{
    return std::make_unique<value_to_checker>(op);
}

} // namespace

std::vector<checker_kind>
boost_json_checkers()
{
    flaw_set const syntax{flaw::syntax, flaw::invalid_utf8, flaw::too_deep};
    return {
        {"floor.basic_parser_null", role::floor, syntax,
            "every rule: syntax only, every event ignored", &make<null_parser_checker>},
        {"floor.boost_parse", role::floor, syntax,
            "every rule: syntax only, builds a value and looks at nothing",
            &make<parse_checker>},
        {"peer.boost_value_to", role::peer,
            {flaw::syntax, flaw::invalid_utf8, flaw::too_deep, flaw::missing_required,
                flaw::member_type, flaw::null_required, flaw::null_element},
            "lengths, characters, prefix, reserved ids, read-only, @odata.type, "
            "duplicates: conversion sees only required members and types",
            &make_value_to},
    };
}

} // bench
