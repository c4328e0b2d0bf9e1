//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE client
#include "../test_support.hpp"
#include "process.hpp"

#include <string>

// graphschema-client against the example server: what it prints, what it
// sends, and that it sends nothing it has not validated.

namespace gs = graphschema;

namespace {

// What the server holds, fetched with curl.
std::string
held(embedding::server const& s, std::string const& path)
{
    auto const r = embedding::run({"curl", "-sS", "--noproxy", "*", "--max-time", "60",
        s.url(path)});
    BOOST_REQUIRE(r.status == 0);
    return r.out;
}

} // namespace

BOOST_AUTO_TEST_CASE(creates_a_connection_and_reads_the_answer)
{
    embedding::server server;
    auto const client = embedding::program("GRAPHSCHEMA_CLIENT");
    auto const port = std::to_string(server.port());
    auto const r = embedding::run({client, "127.0.0.1", port, "contosohr"});
    BOOST_TEST(r.status == 0, r.err);

    // The whole request: request line, headers, then the canonical body.
    auto const head_end = r.out.find("\r\n\r\n");
    BOOST_REQUIRE(head_end != std::string::npos);
    std::string const head = r.out.substr(0, head_end);
    BOOST_TEST(head.find("POST /beta/external/connections HTTP/1.1\r\n") == 0u);
    BOOST_TEST(head.find("\r\nHost: 127.0.0.1:" + port + "\r\n") != std::string::npos);
    BOOST_TEST(head.find("\r\nContent-Type: application/json\r\n") != std::string::npos);
    std::string const body = r.out.substr(head_end + 4, r.out.find('\n', head_end + 4) - head_end - 4);
    BOOST_TEST(head.find("\r\nContent-Length: " + std::to_string(body.size())) != std::string::npos);
    auto const sent = gs::decode<gs::graph::external_connection>(body);
    BOOST_TEST(sent.ok(), test::summary(sent.report()));
    BOOST_TEST(gs::encode(*sent) == body);
    BOOST_TEST(*sent->id == "contosohr");
    // Today's members, and beta's, checked before they were sent.
    BOOST_TEST(sent->activity_settings.has_value());
    BOOST_TEST(sent->search_settings.has_value());
    BOOST_TEST((sent->content_category == gs::graph::content_category::knowledge_base));
    BOOST_TEST(body.find(R"("enabledContentExperiences":"search")") != std::string::npos, body);
    BOOST_TEST(body.find(R"("@odata.type":"#microsoft.graph.externalConnectors.itemIdResolver")") !=
        std::string::npos, body);

    // Then the answer, decoded as a read body.
    BOOST_TEST(r.out.find("HTTP/1.1 201 Created\r\n") != std::string::npos);
    BOOST_TEST(r.out.find("created 'contosohr', state draft, 1 annotation(s) kept") != std::string::npos);

    // The server holds what was sent, as a draft.
    gs::decode_options read;
    read.operation = gs::operation::read;
    auto stored = gs::decode<gs::graph::external_connection>(held(server, "/beta/external/connections/contosohr"), read);
    BOOST_TEST_REQUIRE(stored.ok());
    BOOST_TEST((stored->state == gs::graph::connection_state::draft));
    stored->state.reset();
    stored->ingested_items_count.reset(); // the server's, as state is
    stored->quota.reset();
    BOOST_TEST(stored->unknown_properties.erase("@odata.context"));
    BOOST_TEST(gs::encode(*stored) == body);

    // Again: the id is taken, the server says 409 and the client exits 1.
    auto const again = embedding::run({client, "--version", "v1.0", "127.0.0.1", port, "contosohr"});
    BOOST_TEST(again.status == 1);
    BOOST_TEST(again.out.find("POST /v1.0/external/connections HTTP/1.1\r\n") == 0u);
    BOOST_TEST(again.out.find("HTTP/1.1 409 Conflict") != std::string::npos);
    BOOST_TEST(again.err.find("refused: 409") != std::string::npos);
    // For v1.0: v1.0's type names, and no member only beta has.
    auto const v1_body = again.out.substr(again.out.find("\r\n\r\n") + 4,
        again.out.find('\n', again.out.find("\r\n\r\n") + 4) - again.out.find("\r\n\r\n") - 4);
    BOOST_TEST(v1_body.find(R"({"@odata.type":"#microsoft.graph.externalConnectors.externalConnection",)") == 0u, v1_body);
    BOOST_TEST(v1_body.find("enabledContentExperiences") == std::string::npos, v1_body);
    gs::decode_options v1_create;
    v1_create.version = gs::api_version::v1_0;
    v1_create.unknown = gs::unknown_policy::reject;
    auto const v1_report = gs::validate<gs::graph::external_connection>(v1_body, v1_create);
    BOOST_TEST(v1_report.ok(), test::summary(v1_report));
    // And a new id under v1.0 is created.
    BOOST_TEST(embedding::run({client, "--version", "v1.0", "127.0.0.1", port, "contosov1"}).status == 0);
    BOOST_TEST(server.stop() == 0);
}

BOOST_AUTO_TEST_CASE(an_invalid_connection_is_never_sent)
{
    embedding::server server;
    auto const client = embedding::program("GRAPHSCHEMA_CLIENT");
    for(std::string id : {"Microsoft365", "ab", "SharePoint", "contoso-hr"})
    {
        auto const r = embedding::run({client, "127.0.0.1", std::to_string(server.port()), id});
        BOOST_TEST(r.status == 1);
        BOOST_TEST(r.out.empty(), "nothing printed, so no request: " << r.out);
        BOOST_TEST(r.err.find("constraint_violation /id") != std::string::npos, r.err);
    }
    BOOST_TEST(held(server, "/beta/external/connections").find("\"value\":[]") != std::string::npos);
    BOOST_TEST(server.stop() == 0);
}

BOOST_AUTO_TEST_CASE(usage_and_network_errors_exit_2)
{
    auto const client = embedding::program("GRAPHSCHEMA_CLIENT");
    BOOST_TEST(embedding::run({client}).status == 2);
    BOOST_TEST(embedding::run({client, "--version", "v2", "127.0.0.1", "1", "abc"}).status == 2);

    // A port nobody listens on: the one a stopped server had.
    embedding::server server;
    auto const port = std::to_string(server.port());
    BOOST_TEST(server.stop() == 0);
    auto const r = embedding::run({client, "127.0.0.1", port, "contosohr"});
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.err.find("graphschema-client:") != std::string::npos);
}
