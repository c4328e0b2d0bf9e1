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
// that never ends, more connections than the cap, a connection held open
// without sending anything. Deadlines are generous (the suite also runs
// under valgrind); no time is asserted but the server's own timeout.

namespace {

using namespace std::chrono_literals;

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
    embedding::server s({"--max-connections", "200"});
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

BOOST_AUTO_TEST_CASE(connections_beyond_the_cap_wait_until_one_closes)
{
    // Two at once: a third is not accepted (it waits in the listen queue)
    // until one of the two closes.
    embedding::server s({"--max-connections", "2", "--idle-timeout", "600"});
    std::string const keep_alive =
        "GET " + collection + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    auto ask = [&](embedding::descriptor const& c, std::string& pending) {
        BOOST_REQUIRE(embedding::send_all(c, keep_alive));
        auto const a = embedding::read_answer(c, pending);
        return a && a->status == 200;
    };
    auto a = embedding::connect_to(s.port());
    auto b = embedding::connect_to(s.port());
    std::string pending_a, pending_b, pending_c, pending_d;
    BOOST_TEST(ask(a, pending_a));
    BOOST_TEST(ask(b, pending_b));

    // The third connects (the kernel queues it) and asks: no answer while
    // the two are open, and they are still served.
    auto c = embedding::connect_to(s.port());
    BOOST_REQUIRE(embedding::send_all(c, keep_alive));
    BOOST_TEST(!embedding::read_answer(c, pending_c, false, 1000ms).has_value());
    BOOST_TEST(ask(a, pending_a));
    BOOST_TEST(!embedding::read_answer(c, pending_c, false, 500ms).has_value());

    // One closes: the third is accepted and answered.
    a.reset();
    auto const answer_c = embedding::read_answer(c, pending_c);
    BOOST_TEST_REQUIRE(answer_c.has_value());
    BOOST_TEST(answer_c->status == 200);

    // Full again (b and c): a fourth waits, until c closes.
    auto d = embedding::connect_to(s.port());
    BOOST_REQUIRE(embedding::send_all(d, keep_alive));
    BOOST_TEST(!embedding::read_answer(d, pending_d, false, 1000ms).has_value());
    c.reset();
    auto const answer_d = embedding::read_answer(d, pending_d);
    BOOST_TEST_REQUIRE(answer_d.has_value());
    BOOST_TEST(answer_d->status == 200);
    BOOST_TEST(ask(b, pending_b));
    BOOST_TEST(s.stop() == 0);
}

BOOST_AUTO_TEST_CASE(idle_and_stalled_connections_are_closed_after_the_timeout)
{
    embedding::server s({"--idle-timeout", "1"});
    // Each kind of silence on a connection of its own, all at once.
    auto silent = embedding::connect_to(s.port());
    auto mid_head = embedding::connect_to(s.port());
    BOOST_REQUIRE(embedding::send_all(mid_head, "GET " + collection + " HTTP/1.1\r\nHo"));
    auto mid_body = embedding::connect_to(s.port());
    BOOST_REQUIRE(embedding::send_all(mid_body, post_head("100") + R"({"id")"));
    auto after_answer = embedding::connect_to(s.port());
    BOOST_REQUIRE(embedding::send_all(after_answer,
        "GET " + collection + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    std::string pending;
    auto const served = embedding::read_answer(after_answer, pending);
    BOOST_TEST_REQUIRE(served.has_value());
    BOOST_TEST(served->status == 200);

    // Closed without an answer (the request was never whole).
    for(auto* c : {&silent, &mid_head, &mid_body, &after_answer})
    {
        auto const r = embedding::read_until_close(*c);
        BOOST_TEST(r.closed);
        BOOST_TEST(r.bytes.empty(), r.bytes.substr(0, 40));
    }

    // A byte every 50 ms keeps no connection open: the timeout bounds the
    // whole head, not the wait for each byte.
    auto trickle = embedding::connect_to(s.port());
    BOOST_REQUIRE(embedding::send_all(trickle, "GET " + collection + " HTTP/1.1\r\nX-Pad: "));
    bool closed = false;
    auto const deadline = std::chrono::steady_clock::now() + embedding::patience;
    std::string ignored;
    while(!closed && std::chrono::steady_clock::now() < deadline)
    {
        closed = !embedding::send_all(trickle, "a") ||
            embedding::read_some(trickle, ignored, 50ms) == embedding::read_result::closed;
    }
    BOOST_TEST(closed);
    check_serving(s);
    BOOST_TEST(s.stop() == 0);
}
