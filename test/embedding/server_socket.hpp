//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_TEST_EMBEDDING_SERVER_SOCKET_HPP
#define GRAPHSCHEMA_TEST_EMBEDDING_SERVER_SOCKET_HPP

// Raw sockets to the example server, for the requests curl will not send
// (bytes that are not UTF-8, no Host, malformed escapes, a body that never
// comes): connect, send bytes as they are, read answers with a deadline;
// and the server's memory from /proc.

#include "process.hpp"

#include <boost/test/unit_test.hpp>

#include <cctype>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace embedding {

/// Deadlines generous enough for a server under valgrind on a busy machine.
constexpr std::chrono::seconds patience{60};

/// A connection to 127.0.0.1:port.
inline descriptor
connect_to(int port)
{
    descriptor s(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    BOOST_REQUIRE(s.get() >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    BOOST_REQUIRE(::connect(s.get(), reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0);
    return s;
}

/// Sends all of `bytes`; false when the peer has closed or reset.
inline bool
send_all(descriptor const& s, std::string_view bytes)
{
    while(!bytes.empty())
    {
        ssize_t const n = ::send(s.get(), bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if(n < 0 && errno == EINTR)
            continue;
        if(n <= 0)
            return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

/// What one read brought: bytes, the end of the stream, or nothing yet.
enum class read_result { data, closed, timeout };

/// Appends what arrives within `wait` to `into`.
inline read_result
read_some(descriptor const& s, std::string& into, std::chrono::milliseconds wait)
{
    pollfd p{s.get(), POLLIN, 0};
    int const ready = ::poll(&p, 1, static_cast<int>(wait.count()));
    if(ready < 0 && errno == EINTR)
        return read_result::timeout;
    BOOST_REQUIRE(ready >= 0);
    if(ready == 0)
        return read_result::timeout;
    char buf[16384];
    ssize_t const n = ::recv(s.get(), buf, sizeof(buf), 0);
    if(n > 0)
    {
        into.append(buf, static_cast<std::size_t>(n));
        return read_result::data;
    }
    if(n < 0 && errno == EINTR)
        return read_result::timeout;
    return read_result::closed; // end of stream, or reset
}

/// Reads until the server closes the connection (or `wait` passes: then
/// `closed` is false).
struct until_close
{
    std::string bytes;
    bool closed = false;
};

inline until_close
read_until_close(descriptor const& s, std::chrono::milliseconds wait = patience)
{
    until_close r;
    auto const deadline = std::chrono::steady_clock::now() + wait;
    while(std::chrono::steady_clock::now() < deadline)
    {
        auto const left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        auto const got = read_some(s, r.bytes, std::max(left, std::chrono::milliseconds(1)));
        if(got == read_result::closed)
        {
            r.closed = true;
            break;
        }
    }
    return r;
}

/// One answer: the status line's code, the fields (names in lower case)
/// and the body.
struct answer
{
    int status = 0;
    std::string head;
    std::map<std::string, std::string> fields;
    std::string body;

    std::string
    field(std::string const& name) const
    {
        auto const it = fields.find(name);
        return it == fields.end() ? std::string() : it->second;
    }
};

/// Takes the first complete answer off the front of `bytes`: the head,
/// then Content-Length bytes of body (none when `head_request`, for a 1xx,
/// 204 or 304). Interim 1xx answers are skipped. Nothing when `bytes` does
/// not hold a whole answer yet.
inline std::optional<answer>
take_answer(std::string& bytes, bool head_request = false)
{
    for(;;)
    {
        auto const end = bytes.find("\r\n\r\n");
        if(end == std::string::npos)
            return std::nullopt;
        answer a;
        a.head = bytes.substr(0, end);
        if(a.head.compare(0, 5, "HTTP/") != 0 || a.head.size() < 12)
            return std::nullopt;
        a.status = std::stoi(a.head.substr(9, 3));
        for(std::size_t line = a.head.find("\r\n"); line != std::string::npos;)
        {
            auto const next = a.head.find("\r\n", line + 2);
            auto const field = a.head.substr(line + 2,
                next == std::string::npos ? std::string::npos : next - line - 2);
            auto const colon = field.find(':');
            std::string name = field.substr(0, colon);
            for(auto& c : name)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            auto const value = field.find_first_not_of(' ', colon + 1);
            a.fields[name] = value == std::string::npos ? std::string() : field.substr(value);
            line = next;
        }
        std::size_t length = 0;
        bool const bodiless = head_request || a.status < 200 || a.status == 204 || a.status == 304;
        if(!bodiless && !a.field("content-length").empty())
            length = std::stoul(a.field("content-length"));
        if(bytes.size() < end + 4 + length)
            return std::nullopt;
        a.body = bytes.substr(end + 4, length);
        bytes.erase(0, end + 4 + length);
        if(a.status >= 200)
            return a;
    }
}

/// Reads the next answer on `s`, keeping what follows it in `pending`;
/// nothing when the connection closes or `wait` passes first.
inline std::optional<answer>
read_answer(descriptor const& s, std::string& pending, bool head_request = false,
    std::chrono::milliseconds wait = patience)
{
    auto const deadline = std::chrono::steady_clock::now() + wait;
    for(;;)
    {
        if(auto a = take_answer(pending, head_request))
            return a;
        auto const now = std::chrono::steady_clock::now();
        if(now >= deadline)
            return std::nullopt;
        auto const got = read_some(s, pending,
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now) +
                std::chrono::milliseconds(1));
        if(got == read_result::closed)
            return take_answer(pending, head_request);
    }
}

/// Sends `request` on a new connection and reads one answer.
inline std::optional<answer>
exchange(int port, std::string_view request, bool head_request = false)
{
    auto s = connect_to(port);
    BOOST_REQUIRE(send_all(s, request));
    std::string pending;
    return read_answer(s, pending, head_request);
}

/// A field of /proc/PID/status, in KiB (VmRSS, VmHWM, VmSize, ...).
inline long
status_kib(pid_t pid, std::string const& name)
{
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while(std::getline(status, line))
        if(line.compare(0, name.size() + 1, name + ":") == 0)
            return std::stol(line.substr(name.size() + 1));
    BOOST_FAIL("no " << name << " in /proc/" << pid << "/status");
    return -1;
}

} // embedding

#endif
