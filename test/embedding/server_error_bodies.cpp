//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE server_error_bodies
#include <boost/test/unit_test.hpp>

#include "process.hpp"
#include "server_socket.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <random>
#include <string>
#include <vector>

// Every error body of the example server is UTF-8 JSON, whatever bytes the
// request line, the target or the headers held: each answer below, to
// bytes that are not UTF-8, control characters and garbage sent over a
// raw socket, is read by Boost.JSON's parser, which refuses invalid UTF-8.

namespace json = boost::json;

namespace {

std::string const fffd = "\xEF\xBF\xBD"; // U+FFFD, the replacement character

// The answer's body read strictly: JSON, and UTF-8 throughout. A body
// with a raw control character in a string, or invalid UTF-8, fails.
json::value
strict_parse(embedding::answer const& a)
{
    json::error_code ec;
    auto v = json::parse(a.body, ec);
    BOOST_TEST(!ec, "the body of a " << a.status << " is not UTF-8 JSON (" << ec.message()
                                     << "): " << a.body.substr(0, 200));
    return v;
}

// Graph's error shape, with `code`; returns the error object.
json::object
graph_error(embedding::answer const& a, int status, std::string const& code)
{
    BOOST_TEST(a.status == status);
    BOOST_TEST(a.field("content-type").compare(0, 16, "application/json") == 0);
    auto const v = strict_parse(a);
    BOOST_TEST_REQUIRE(v.is_object());
    auto const& e = v.at("error").as_object();
    BOOST_TEST(e.at("code").as_string() == code);
    BOOST_TEST(!e.at("message").as_string().empty());
    BOOST_TEST(e.at("details").is_array());
    BOOST_TEST(e.at("innerError").at("request-id").as_string() == a.field("request-id"));
    return e;
}

std::string
message_of(json::object const& e)
{
    return std::string(e.at("message").as_string());
}

std::string
client_request_id_of(json::object const& e)
{
    return std::string(e.at("innerError").at("client-request-id").as_string());
}

embedding::answer
ask(embedding::server const& s, std::string const& request, bool head_request = false)
{
    auto a = embedding::exchange(s.port(), request, head_request);
    BOOST_REQUIRE_MESSAGE(a, "an answer to: " << request.substr(0, 80));
    return *a;
}

std::string
get(std::string const& target, std::string const& more_fields = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + more_fields +
        "Connection: close\r\n\r\n";
}

std::string const item = "/beta/external/connections/";

} // namespace

BOOST_AUTO_TEST_CASE(the_parser_the_tests_use_refuses_invalid_utf8)
{
    json::error_code ec;
    json::parse("{\"a\":\"\xff\"}", ec);
    BOOST_TEST(ec.failed());
    json::parse("{\"a\":\"\x01\"}", ec);
    BOOST_TEST(ec.failed());
}

BOOST_AUTO_TEST_CASE(invalid_utf8_in_the_target_is_replaced_in_the_error_body)
{
    embedding::server s;
    // One U+FFFD per maximal ill-formed subpart, as Unicode recommends.
    struct
    {
        std::string id;
        std::string shown;
    } const cases[] = {
        {"ab\xff\xfe" "cd", "ab" + fffd + fffd + "cd"},
        {"\xc0\xaf", fffd + fffd},                          // overlong '/'
        {"\xed\xa0\x80", fffd + fffd + fffd},               // a surrogate
        {"\xf4\x90\x80\x80", fffd + fffd + fffd + fffd},    // past U+10FFFF
        {"x\xe2\x82", "x" + fffd},                          // cut short
        {"\xf0\x9f\x98\x80" "\xc3\xa9", "\xf0\x9f\x98\x80" "\xc3\xa9"}, // valid: kept
        {"%ffx%C3%A9", fffd + "x\xc3\xa9"},                 // escaped, then decoded
    };
    for(auto const& c : cases)
    {
        auto const e = graph_error(ask(s, get(item + c.id)), 404, "itemNotFound");
        BOOST_TEST(message_of(e) == "no connection with the id '" + c.shown + "'");
    }
    auto const route = graph_error(ask(s, get("/\xff\xfe/external")), 404, "itemNotFound");
    BOOST_TEST(message_of(route) == "no resource at '/" + fffd + fffd + "/external'");
    BOOST_TEST(s.stop() == 0);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_in_the_ids_below_a_connection_is_replaced)
{
    embedding::server s;
    std::string const body = R"({"id":"contosohr","name":"HR","description":"","configuration":{}})";
    auto send = [&](std::string const& method, std::string const& target, std::string const& b) {
        return ask(s, method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Content-Type: application/json\r\nContent-Length: " + std::to_string(b.size()) +
            "\r\nConnection: close\r\n\r\n" + b);
    };
    BOOST_TEST_REQUIRE(send("POST", "/beta/external/connections", body).status == 201);
    std::string const c = item + "contosohr";
    BOOST_TEST_REQUIRE(send("PATCH", c + "/schema", R"({"baseType":"microsoft.graph.externalItem",)"
        R"("properties":[{"name":"title","type":"string"}]})").status == 202);
    // An item id that is no id, raw and escaped: quoted in the 400.
    for(std::string const& id : {std::string("ab\xff\xfe" "cd"), std::string("ab%ff%fecd")})
    {
        auto const e = graph_error(send("PUT", c + "/items/" + id,
            R"({"acl":[{"type":"everyone","value":"v","accessType":"grant"}],"properties":{"title":"t"}})"),
            400, "invalidRequest");
        BOOST_TEST(message_of(e) == "the item id 'ab" + fffd + fffd +
            "cd' in the path is not 1 to 128 ASCII letters or digits");
    }
    // Ids of things that are not there: an item, a group, a member, an
    // operation; and control characters, escaped.
    auto const i = graph_error(ask(s, get(c + "/items/x\xe2\x82")), 404, "itemNotFound");
    BOOST_TEST(message_of(i) == "the connection 'contosohr' has no item with the id 'x" + fffd + "'");
    auto const g = graph_error(ask(s, get(c + "/groups/%C0%AF")), 404, "itemNotFound");
    BOOST_TEST(message_of(g) == "the connection 'contosohr' has no group with the id '" + fffd + fffd + "'");
    BOOST_TEST_REQUIRE(send("POST", c + "/groups", R"({"id":"g1"})").status == 201);
    auto const m = graph_error(send("DELETE", c + "/groups/g1/members/\xed\xa0\x80%0A", ""),
        404, "itemNotFound");
    BOOST_TEST(message_of(m) == "the group 'g1' has no member with the id '" + fffd + fffd + fffd + "\n'");
    auto const o = graph_error(ask(s, get(c + "/operations/%1B[2J\xf4\x90\x80\x80")), 404, "itemNotFound");
    BOOST_TEST(message_of(o) == "no operation '\x1b[2J" + fffd + fffd + fffd + fffd +
        "' on the connection 'contosohr'");
    // A member id with ill-formed UTF-8 in a body: the detail is UTF-8
    // too (the body is refused before any of it is stored).
    auto const bad = graph_error(send("POST", c + "/groups/g1/members", "{\"id\":\"a\xff\",\"type\":\"user\"}"),
        400, "RequestBodyRead");
    BOOST_TEST(!bad.at("details").as_array().empty());
    BOOST_TEST(s.stop() == 0);
}

BOOST_AUTO_TEST_CASE(control_characters_are_escaped_in_the_error_body)
{
    embedding::server s;
    // Escaped in the target, decoded into the id: a line break, a terminal
    // escape, a quote and a backslash; JSON escapes them, and they read
    // back as sent.
    auto const a = ask(s, get(item + "a%01%1B[31m%0A%22%5Cz%7F"));
    BOOST_TEST(a.body.find('\n') == std::string::npos);
    BOOST_TEST(a.body.find('\x1b') == std::string::npos);
    auto const e = graph_error(a, 404, "itemNotFound");
    BOOST_TEST(message_of(e) == "no connection with the id 'a\x01\x1b[31m\n\"\\z\x7f'");
    BOOST_TEST(s.stop() == 0);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_in_headers_is_replaced_in_the_error_body)
{
    embedding::server s;
    // client-request-id is echoed: as received in the header, made UTF-8 in
    // the body.
    auto const a = ask(s, get(item + "missing", "client-request-id: a\xff\tb\xc3\r\n"));
    auto const e = graph_error(a, 404, "itemNotFound");
    BOOST_TEST(client_request_id_of(e) == "a" + fffd + "\tb" + fffd);
    BOOST_TEST(a.field("client-request-id") == "a\xff\tb\xc3");

    // Refused before the route: a bad header after it, no Host, a body
    // over the limit, the wrong content type, another method.
    std::string const id = "client-request-id: \xfe\xff" "end\r\n";
    auto const broken = graph_error(ask(s, "GET " + item + " HTTP/1.1\r\nHost: x\r\n" + id +
        "no colon here\r\n\r\n"), 400, "BadRequest");
    BOOST_TEST(client_request_id_of(broken) == fffd + fffd + "end");
    auto const no_host = graph_error(ask(s, "GET " + item + "\xff HTTP/1.1\r\n" + id + "\r\n"),
        400, "BadRequest");
    BOOST_TEST(client_request_id_of(no_host) == fffd + fffd + "end");
    auto const large = graph_error(ask(s, "POST /beta/external/connections HTTP/1.1\r\nHost: x\r\n" +
        id + "Content-Length: 99999999\r\n\r\n"), 413, "requestEntityTooLarge");
    BOOST_TEST(client_request_id_of(large) == fffd + fffd + "end");
    auto const type = graph_error(ask(s, "POST /beta/external/connections HTTP/1.1\r\nHost: x\r\n" +
        id + "Content-Type: text/\xff\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"),
        415, "unsupportedMediaType");
    BOOST_TEST(client_request_id_of(type) == fffd + fffd + "end");
    auto const method = graph_error(ask(s, "BR!EW /beta/external/connections HTTP/1.1\r\n"
        "Host: x\r\n" + id + "Connection: close\r\n\r\n"), 405, "notAllowed");
    BOOST_TEST(message_of(method).find("BR!EW is not allowed here") == 0u);
    BOOST_TEST(s.stop() == 0);
}

BOOST_AUTO_TEST_CASE(garbage_request_lines_get_utf8_error_bodies)
{
    embedding::server s;
    for(std::string const& bytes : {std::string("\xff\xfe /beta HTTP/1.1\r\n\r\n"),
            std::string("GET /beta/\x01 HTTP/1.1\r\nHost: x\r\n\r\n"),
            std::string("GET /beta/\x7f HTTP/1.1\r\nHost: x\r\n\r\n"),
            std::string("GET /beta/a%\xff\xff HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
            std::string("GET /beta HTTP/\xc3\xa9\r\n\r\n"),
            std::string("GET /beta HTTP/1.1\r\nHost: \xff\r\n\r\n"),
            std::string("GET /beta HTTP/1.1\r\n\xff: x\r\n\r\n"),
            std::string("GET /beta HTTP/1.1\r\nX: \x1b[2J\r\n\r\n")})
    {
        BOOST_TEST_CONTEXT(bytes)
        graph_error(ask(s, bytes), 400, "BadRequest");
    }
    BOOST_TEST(s.stop() == 0);
}

BOOST_AUTO_TEST_CASE(random_bytes_in_requests_always_get_utf8_json_bodies)
{
    // Requests built from random bytes (no NUL, CR or LF, so that each is
    // one request) in the method, target, query, Host, client-request-id
    // and body: every answer with a body is UTF-8 JSON, every error has
    // Graph's shape.
    embedding::server s({"--idle-timeout", "20"});
    // A connection with a schema and a group, so that random ids below it
    // reach the item, group and member routes.
    for(auto const& [target, body] : {
            std::pair<std::string, std::string>{"/beta/external/connections",
                R"({"id":"contosohr","name":"HR","description":"","configuration":{}})"},
            {"/beta/external/connections/contosohr/schema",
                R"({"baseType":"microsoft.graph.externalItem","properties":[{"name":"t","type":"string"}]})"},
            {"/beta/external/connections/contosohr/groups", R"({"id":"g1"})"}})
    {
        auto const method = target.find("schema") != std::string::npos ? "PATCH " : "POST ";
        auto const a = ask(s, method + target + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        BOOST_TEST_REQUIRE(a.status / 100 == 2);
    }
    std::mt19937 random(14);
    auto byte = [&]() {
        for(;;)
        {
            auto const c = static_cast<char>(std::uniform_int_distribution<int>(1, 255)(random));
            if(c != '\r' && c != '\n')
                return c;
        }
    };
    auto bytes = [&](int most) {
        std::string out;
        for(int n = std::uniform_int_distribution<int>(0, most)(random); n > 0; --n)
            out += byte();
        return out;
    };
    auto pick = [&](std::vector<std::string> const& from) {
        return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(random)];
    };
    int answered = 0;
    int errors = 0;
    for(int i = 0; i < 120; ++i)
    {
        std::string const method = pick({"GET", "HEAD", "POST", "PATCH", "DELETE", "BREW", bytes(4)});
        std::string const body = i % 3 == 0 ? R"({"id":")" + bytes(12) + R"(",")" + bytes(6) +
            R"(":1,"name":")" + bytes(8) + "\"}" : std::string();
        std::string const request = method + " " +
            pick({"/beta/external/connections/", "/v1.0/external/connections", "/",
                "/beta/external/connections/contosohr/items/", "/v1.0/external/connections/contosohr/groups/",
                "/beta/external/connections/contosohr/groups/g1/members/"}) + bytes(10) +
            (i % 2 == 0 ? "?$select=" + bytes(6) : std::string()) + " HTTP/1.1\r\n" +
            "Host: " + pick({"127.0.0.1", "x:1", bytes(3)}) + "\r\n" +
            "client-request-id: " + bytes(12) + "\r\n" +
            "Content-Type: application/json\r\n" +
            "Content-Length: " + std::to_string(body.size()) + "\r\n" +
            "Connection: close\r\n\r\n" + body;
        BOOST_TEST_CONTEXT("request " << i << ": " << request)
        {
            auto const a = embedding::exchange(s.port(), request, method == "HEAD");
            BOOST_TEST_REQUIRE(a.has_value());
            ++answered;
            if(a->body.empty())
                continue;
            auto const v = strict_parse(*a);
            if(a->status >= 400 && v.is_object())
            {
                ++errors;
                BOOST_TEST(v.at("error").at("code").is_string());
                BOOST_TEST(v.at("error").at("message").is_string());
            }
        }
    }
    BOOST_TEST(answered == 120);
    BOOST_TEST(errors > 60);
    BOOST_TEST(s.stop() == 0);
}
