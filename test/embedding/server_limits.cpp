//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE server_limits
#include <boost/test/unit_test.hpp>

#include "process.hpp"
#include "server_socket.hpp"

#include <boost/json/parse.hpp>

#include <chrono>
#include <iostream>
#include <string>
#include <vector>

// What a client cannot make the example server spend, over real sockets:
// memory for a body it declares and does not send, a buffer for a line
// that never ends. Deadlines are generous (the suite also runs
// under valgrind); no time is asserted.

namespace {

std::string const collection = "/beta/external/connections";

std::string
post_head(std::string const& length, std::string const& more = {})
{
    return "POST " + collection + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/json\r\nContent-Length: " + length + "\r\n" + more + "\r\n";
}

std::string const list_request =
    "GET " + collection + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";

// The server's memory, in KiB: address space, peak resident, resident.
struct memory
{
    long size = 0;
    long peak = 0;
    long resident = 0;

    explicit memory(pid_t pid)
        : size(embedding::status_kib(pid, "VmSize"))
        , peak(embedding::status_kib(pid, "VmHWM"))
        , resident(embedding::status_kib(pid, "VmRSS"))
    {
    }
};

// A 200 to a GET of the collection, on a connection of its own: the server
// is serving (and has read what was sent before it).
void
check_serving(embedding::server const& s)
{
    auto const a = embedding::exchange(s.port(), list_request);
    BOOST_TEST_REQUIRE(a.has_value());
    BOOST_TEST(a->status == 200);
}

void
check_error(embedding::answer const& a, int status, std::string const& code)
{
    BOOST_TEST(a.status == status);
    auto const v = boost::json::parse(a.body);
    BOOST_TEST(v.at("error").at("code").as_string() == code);
}

} // namespace

BOOST_AUTO_TEST_CASE(declared_lengths_are_not_reserved_before_the_bytes_arrive)
{
    // 100 connections each declare the largest body, 4 MiB, and send 7
    // bytes of it: 400 MiB declared. Beast's string_body reserved it all
    // (address space; the pages are only touched as bytes arrive).
    constexpr int connections = 100;
    constexpr long declared_mib = 4;
    embedding::server s;
    check_serving(s);
    memory const before(s.pid());

    std::vector<embedding::descriptor> open;
    for(int i = 0; i < connections; ++i)
    {
        open.push_back(embedding::connect_to(s.port()));
        BOOST_REQUIRE(embedding::send_all(open.back(), post_head("4194304") + R"({"id":")"));
    }
    // Loopback delivers as it sends, and the server reads ready sockets in
    // turn: two answers later it has read what each of the 100 sent.
    check_serving(s);
    check_serving(s);
    memory const after(s.pid());
    std::cout << "declared: " << connections << " connections declaring " << declared_mib
              << " MiB each; server VmSize " << before.size << " -> " << after.size
              << " KiB, VmHWM " << before.peak << " -> " << after.peak << " KiB, VmRSS "
              << before.resident << " -> " << after.resident << " KiB" << std::endl;
    long const bound = 64 * 1024; // KiB, a sixth of what was declared
    BOOST_TEST(after.size - before.size < bound,
        "the address space grew by " << after.size - before.size << " KiB");
    BOOST_TEST(after.peak - before.peak < bound,
        "the peak resident set grew by " << after.peak - before.peak << " KiB");

    // A body sent in full still arrives whole: the rest of the first one,
    // a valid connection padded to exactly 4 MiB.
    std::string rest = R"(big","name":"n","description":"","configuration":{}})";
    rest.append(4194304 - 7 - rest.size(), ' ');
    BOOST_REQUIRE(embedding::send_all(open.front(), rest));
    std::string pending;
    auto const created = embedding::read_answer(open.front(), pending);
    BOOST_TEST_REQUIRE(created.has_value());
    BOOST_TEST(created->status == 201);
    BOOST_TEST(boost::json::parse(created->body).at("id") == "big");

    open.clear();
    check_serving(s);
    BOOST_TEST(s.stop() == 0);
}

BOOST_AUTO_TEST_CASE(a_body_sent_in_small_pieces_is_read_whole)
{
    embedding::server s;
    std::string const body =
        R"({"id":"pieces","name":"Contoso HR","description":"","configuration":{"authorizedAppIds":["a"]}})";
    auto c = embedding::connect_to(s.port());
    BOOST_REQUIRE(embedding::send_all(c, post_head(std::to_string(body.size()))));
    for(std::size_t i = 0; i < body.size(); i += 7)
        BOOST_REQUIRE(embedding::send_all(c, body.substr(i, 7)));
    std::string pending;
    auto const a = embedding::read_answer(c, pending);
    BOOST_TEST_REQUIRE(a.has_value());
    BOOST_TEST(a->status == 201);
    BOOST_TEST(boost::json::parse(a->body).at("id") == "pieces");
    BOOST_TEST(s.stop() == 0);
}

BOOST_AUTO_TEST_CASE(an_over_limit_declared_length_is_413_before_the_body)
{
    embedding::server s;
    // No byte of the body is sent: the answer comes from the head alone.
    for(std::string const length : {"4194305", "18446744073709551615"})
    {
        auto c = embedding::connect_to(s.port());
        BOOST_REQUIRE(embedding::send_all(c, post_head(length)));
        std::string pending;
        auto const a = embedding::read_answer(c, pending);
        BOOST_TEST_REQUIRE(a.has_value());
        check_error(*a, 413, "requestEntityTooLarge");
        BOOST_TEST(a->field("connection") == "close");
        // Then the server closes its side.
        BOOST_TEST(embedding::read_until_close(c).closed);
    }
    // Asked first, it refuses instead of inviting the body.
    auto c = embedding::connect_to(s.port());
    BOOST_REQUIRE(embedding::send_all(c, post_head("4194305", "Expect: 100-continue\r\n")));
    auto const answer = embedding::read_until_close(c);
    BOOST_TEST(answer.bytes.compare(0, 13, "HTTP/1.1 413 ") == 0, answer.bytes.substr(0, 40));
    // A length no integer holds is not HTTP.
    auto const huge = embedding::exchange(s.port(), post_head("99999999999999999999999"));
    BOOST_TEST_REQUIRE(huge.has_value());
    check_error(*huge, 400, "BadRequest");

    embedding::server small({"--max-bytes", "1000"});
    auto const over = embedding::exchange(small.port(), post_head("1001"));
    BOOST_TEST_REQUIRE(over.has_value());
    check_error(*over, 413, "requestEntityTooLarge");
    BOOST_TEST(s.stop() == 0);
    BOOST_TEST(small.stop() == 0);
}

BOOST_AUTO_TEST_CASE(a_chunk_header_that_never_ends_is_400_not_buffered)
{
    // Beast buffers a chunk header until its end of line, however long;
    // the server's buffer is bounded (64 KiB), so 256 KiB of chunk
    // extension is refused instead of held.
    embedding::server s;
    auto c = embedding::connect_to(s.port());
    BOOST_REQUIRE(embedding::send_all(c, "POST " + collection + " HTTP/1.1\r\nHost: x\r\n"
        "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n1;"));
    std::string const piece(16 * 1024, 'a');
    for(int i = 0; i < 16 && embedding::send_all(c, piece); ++i)
    {
    }
    std::string pending;
    auto const a = embedding::read_answer(c, pending);
    BOOST_TEST_REQUIRE(a.has_value());
    check_error(*a, 400, "BadRequest");
    check_serving(s);
    BOOST_TEST(s.stop() == 0);
}
