//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// A libFuzzer target for the example server's request handling, in
// process (no sockets), with bodies from <graphschema/fuzz.hpp>: the way a
// team fuzzes its own Graph-facing code (docs/fuzzing.md).
//
// Each input is the body of POST /beta/external/connections, given to a
// fresh connections_service. When the service creates the connection, the
// target goes on through the code behind validation: a second POST (409),
// GET in the other API version, PATCH (in the body's own) with the body
// less its key (204),
// PATCH with the key (400), the list, DELETE, GET (404). It checks what the
// service promises (docs/server.md) and aborts when a promise is broken:
//
//   - a body is refused (400, with a Graph error body and details) exactly
//     when graphschema::validate refuses it as a create body under the
//     service's options;
//   - what the service returns for a connection is a valid read body,
//     holding what was sent.
//
// Built with GRAPHSCHEMA_FUZZ_SERVER_BYTES defined, the same target uses
// libFuzzer's own mutator (fuzz/measure_kit.sh compares the two). With
// GRAPHSCHEMA_FUZZ_SERVER_STATS set in the environment, it prints at exit
// how many inputs it ran and how many were created.

#include "../server/connections_service.hpp"

#include <graphschema/fuzz.hpp>

#include <boost/json/parse.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#ifndef GRAPHSCHEMA_FUZZ_SERVER_BYTES
GRAPHSCHEMA_FUZZ_MUTATOR(graphschema::graph::external_connection);
#endif

namespace {

namespace gs = graphschema;
namespace http = boost::beast::http;
namespace json = boost::json;
using connection = gs::graph::external_connection;

constexpr std::string_view collection = "/beta/external/connections";

// The share of inputs that get past validation, for fuzz/measure_kit.sh.
struct counters
{
    std::uint64_t inputs = 0;
    std::uint64_t created = 0;

    ~counters()
    {
        if(std::getenv("GRAPHSCHEMA_FUZZ_SERVER_STATS") != nullptr)
            std::fprintf(stderr, "fuzz_server: %llu inputs, %llu created\n",
                static_cast<unsigned long long>(inputs), static_cast<unsigned long long>(created));
    }
} stats;

[[noreturn]] void
fail(char const* what, std::string_view detail = {})
{
    std::fprintf(stderr, "fuzz_server: %s%s%.*s\n", what, detail.empty() ? "" : ": ",
        static_cast<int>((std::min)(detail.size(), std::size_t(2000))), detail.data());
    std::abort();
}

example::request
make(http::verb method, std::string const& target, std::string body = {})
{
    example::request req(method, target, 11);
    req.set(http::field::host, "localhost");
    if(method == http::verb::post || method == http::verb::patch)
        req.set(http::field::content_type, "application/json");
    req.body() = std::move(body);
    req.prepare_payload();
    return req;
}

void
expect_status(example::response const& res, http::status status, char const* what)
{
    if(res.result() != status)
        fail(what, res.body());
}

// A Graph error body with the code and details the service promises.
void
expect_error_body(example::response const& res)
{
    json::error_code ec;
    json::value const v = json::parse(res.body(), ec);  // the service's error body: shallow
    if(ec || !v.is_object() || !v.as_object().contains("error"))
        fail("a 400 without a Graph error body", res.body());
    auto const& e = v.at("error").as_object();
    auto const code = e.at("code").as_string();
    if(code != "RequestBodyRead" && code != "invalidRequest")
        fail("a 400 with an unexpected error code", res.body());
    if(e.at("details").as_array().empty())
        fail("a 400 with no details", res.body());
}

// A connection body as the service returns it: a valid read body.
connection
read_body(example::response const& res, char const* what)
{
    gs::decode_options read;
    read.operation = gs::operation::read;
    auto r = gs::decode<connection>(res.body(), read);
    if(!r.ok())
        fail(what, res.body());
    return std::move(*r);
}

bool
same_connection(connection const& a, connection const& b)
{
    return a.id == b.id && a.name == b.name && a.description == b.description &&
        a.configuration == b.configuration && a.state == b.state;
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    example::service_options options;
    options.service_root = "http://localhost";
    example::connections_service service(options);
    std::string const body(reinterpret_cast<char const*>(data), size);
    ++stats.inputs;

    gs::decode_options create;
    create.operation = gs::operation::create;
    create.unknown = options.unknown;
    create.max_bytes = options.max_bytes;
    bool const valid = gs::validate<connection>(body, create).ok();

    auto const created = service.handle(make(http::verb::post, std::string(collection), body));
    if(!valid)
    {
        expect_status(created, http::status::bad_request, "an invalid body was not refused");
        expect_error_body(created);
        return 0;
    }
    expect_status(created, http::status::created, "a valid body was refused");
    ++stats.created;

    // Behind validation.
    connection const stored = read_body(created, "the 201 body is not a valid read body");
    connection without_key = *gs::decode<connection>(body, create);
    connection sent = without_key;
    sent.state = gs::graph::connection_state::draft;
    if(!same_connection(stored, sent))
        fail("the 201 body does not hold what was sent", created.body());
    // Read in the other API version; changed in the body's own (beta): a
    // beta body sent to /v1.0 may hold members v1.0 does not have.
    std::string const item = "/v1.0/external/connections/" + *stored.id;
    std::string const beta_item = "/beta/external/connections/" + *stored.id;

    expect_status(service.handle(make(http::verb::post, std::string(collection), body)),
        http::status::conflict, "a second create of one id was not a conflict");

    auto const got = service.handle(make(http::verb::get, item));
    expect_status(got, http::status::ok, "GET of a created connection");
    if(!same_connection(read_body(got, "the GET body is not a valid read body"), stored))
        fail("GET does not return what was created", got.body());

    // The body less its key, through the library, is a valid update: it
    // changes nothing.
    without_key.id.reset();
    expect_status(service.handle(make(http::verb::patch, beta_item, gs::encode(without_key))),
        http::status::no_content, "PATCH with the body less its key");
    auto const after = service.handle(make(http::verb::get, item));
    if(!same_connection(read_body(after, "the GET body after PATCH is not a valid read body"), stored))
        fail("PATCH with the same values changed the connection", after.body());

    // The key must not be sent in an update.
    auto const with_key = service.handle(make(http::verb::patch, beta_item, body));
    expect_status(with_key, http::status::bad_request, "PATCH with the key was not refused");
    expect_error_body(with_key);

    auto const list = service.handle(make(http::verb::get, std::string(collection)));
    expect_status(list, http::status::ok, "GET of the collection");
    json::error_code ec;
    json::parse_options deep;
    deep.max_depth = gs::max_depth_limit;
    json::value const all = json::parse(list.body(), ec, {}, deep);
    if(ec || !all.is_object() || !all.as_object().contains("value") ||
        all.at("value").as_array().size() != 1)
        fail("the collection does not list the one connection", list.body());

    expect_status(service.handle(make(http::verb::delete_, item)), http::status::no_content, "DELETE");
    expect_status(service.handle(make(http::verb::get, item)), http::status::not_found, "GET after DELETE");
    return 0;
}
