//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// graphschema-client: creates a connection the way a Graph client does.
//
//   graphschema-client [--version beta|v1.0] HOST PORT ID
//
// Builds an externalConnection in code, with today's members (and, for
// beta, beta's), validates it as a create body for the version before
// anything is sent (an invalid one is never sent), prints the whole HTTP
// request, posts it, and decodes a 201 answer as a read body.
//
// Exit status: 0 created, 1 refused (invalid body, or the server said no),
// 2 usage or network error.

#include <graphschema/graphschema.hpp>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/describe/enum_to_string.hpp>
#include <boost/json/value.hpp>

#include <chrono>
#include <exception>
#include <iostream>
#include <string>
#include <string_view>

namespace {

namespace gs = graphschema;
namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

constexpr char const* usage_text =
    "usage: graphschema-client [--version beta|v1.0] HOST PORT ID\n";

// The connection to create: what a connector's setup code would build.
gs::graph::external_connection
new_connection(std::string id, gs::api_version version)
{
    namespace g = gs::graph;
    g::external_connection c;
    c.id = std::move(id);
    c.name = "Contoso HR";
    c.description = "Connection to index Contoso HR system";
    c.configuration.emplace().authorized_app_ids = {"d310d35d-72ec-47dd-92f2-fb9c40936555"};
    c.connector_id = "d310d35d-72ec-47dd-92f2-fb9c40936555";
    c.content_category = g::content_category::knowledge_base;

    // Shared links to https://contoso.com/hr/{id} are activities on item {id}.
    g::item_id_resolver resolver;
    resolver.priority = 1;
    resolver.item_id = "{id}";
    auto& match = resolver.url_match_info.emplace();
    match.base_urls = {"https://contoso.com/hr/"};
    match.url_pattern = "/hr/(?<id>[0-9]+)";
    c.activity_settings.emplace().url_to_item_resolvers = {g::url_to_item_resolver(resolver)};

    // One result template, an Adaptive Card, for every item.
    g::display_template card;
    card.id = "hrCard";
    card.priority = 0;
    card.layout = gs::raw_json(boost::json::value{{"type", "AdaptiveCard"}, {"version", "1.3"}});
    c.search_settings.emplace().search_result_templates = {card};

    if(version == gs::api_version::beta) // members v1.0 does not have
        c.enabled_content_experiences = gs::flags<g::content_experience_type>{g::content_experience_type::search};
    return c;
}

void
print_issues(gs::report const& r)
{
    for(auto const& i : r)
        std::cerr << "  " << i.code << ' ' << i.pointer << ": " << i.message << '\n';
}

} // namespace

int
main(int argc, char** argv)
{
    std::string version = "beta";
    int first = 1;
    if(argc > 2 && std::string_view(argv[1]) == "--version")
    {
        version = argv[2];
        first = 3;
    }
    if(argc - first != 3 || (version != "beta" && version != "v1.0"))
    {
        std::cerr << usage_text;
        return 2;
    }
    std::string const host = argv[first];
    std::string const port = argv[first + 1];

    gs::decode_options create;
    create.version = *gs::api_version_from_string(version);
    auto const connection = new_connection(argv[first + 2], create.version);
    // Checked before sending, for the version it goes to: a body the
    // service would refuse never leaves.
    gs::report const check = gs::validate(connection, create);
    if(!check.ok())
    {
        std::cerr << "not sent: the connection is not a valid create body\n";
        print_issues(check);
        return 1;
    }

    http::request<http::string_body> req(http::verb::post,
        "/" + version + "/external/connections", 11);
    req.set(http::field::host, host + ":" + port);
    req.set(http::field::content_type, "application/json");
    req.set(http::field::accept, "application/json");
    req.set(http::field::user_agent, "graphschema-client");
    gs::encode_options written;
    written.version = create.version; // the type names the version uses
    req.body() = gs::encode(connection, written);
    req.prepare_payload();
    std::cout << req << "\n\n" << std::flush;

    try
    {
        net::io_context io;
        beast::tcp_stream stream(io);
        stream.expires_after(std::chrono::seconds(30));
        stream.connect(tcp::resolver(io).resolve(host, port));
        http::write(stream, req);
        beast::flat_buffer buffer;
        http::response<http::string_body> res;
        http::read(stream, buffer, res);
        beast::error_code ignored;
        stream.socket().shutdown(tcp::socket::shutdown_both, ignored);

        std::cout << res << "\n\n";
        if(res.result() != http::status::created)
        {
            std::cerr << "refused: " << res.result_int() << ' ' << res.reason() << '\n';
            return 1;
        }
        gs::decode_options read = create;
        read.operation = gs::operation::read;
        auto created = gs::decode<gs::graph::external_connection>(res.body(), read);
        if(!created.ok())
        {
            std::cerr << "the 201 body is not a valid externalConnection\n";
            print_issues(created.report());
            return 1;
        }
        std::cout << "created '" << *created->id << "', state "
                  << (created->state ? created->state->name() : std::string_view("absent"))
                  << ", " << created->unknown_properties.size() << " annotation(s) kept\n";
        return 0;
    }
    catch(std::exception const& e)
    {
        std::cerr << "graphschema-client: " << e.what() << '\n';
        return 2;
    }
}
