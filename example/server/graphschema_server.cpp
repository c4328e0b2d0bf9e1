//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// graphschema-server: the connections resource of Microsoft Graph over
// HTTP/1.1, in memory, with every request body checked by graphschema.
//
//   graphschema-server [--max-bytes N] [--unknown POLICY]
//                      [--max-connections N] [--idle-timeout SECONDS]
//                      [--max-store-bytes N] [--items-quota N] PORT
//
// Binds 127.0.0.1:PORT (0: a free port), prints the address it listens on,
// and serves until SIGINT or SIGTERM. One thread, asynchronous: a slow
// client does not hold up the others. See docs/server.md.

#include "connections_service.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/buffers_range.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/optional/optional.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

struct server_options
{
    // Connections served at once; those beyond wait to be accepted.
    std::size_t max_connections = 128;

    // How long a connection may take to send a request's head, then its
    // body, and to take the answer; one that sends nothing for this long
    // after an answer is closed too.
    std::chrono::seconds idle_timeout{30};
};

// After refusing a request whose body is not read (413, malformed), what
// the client still sends is read and dropped for up to this long (or the
// idle timeout, if shorter), so that closing does not reset the connection
// before it has read the answer.
constexpr std::chrono::seconds linger_timeout{5};

// The most a connection buffers beyond what the parser has taken: a
// request's head (Beast's header limit, 8 KiB) fits, and so does a read of
// the body; a chunk header or trailer that does not fit (Beast does not
// bound them) fails with buffer_overflow instead of growing the buffer.
constexpr std::size_t buffer_limit = 64 * 1024;

// A request body as it arrives. Beast's string_body reserves the declared
// Content-Length before any of it has arrived, so that a thousand requests
// declaring 4 MiB each and sending nothing more take 4 GB of address space;
// this one grows with the bytes received, doubling, but never past the
// declared length nor `most` (--max-bytes). The parser's body limit has
// refused anything longer.
struct received_body
{
    struct value_type
    {
        std::string bytes;
        std::uint64_t most = std::numeric_limits<std::uint64_t>::max();
    };

    class reader
    {
    public:
        template<bool isRequest, class Fields>
        reader(http::header<isRequest, Fields>&, value_type& body) : body_(body)
        {
        }

        void
        init(boost::optional<std::uint64_t> const& length, beast::error_code& ec)
        {
            if(length)
                body_.most = std::min(body_.most, *length);
            ec = {};
        }

        template<class ConstBufferSequence>
        std::size_t
        put(ConstBufferSequence const& buffers, beast::error_code& ec)
        {
            auto& bytes = body_.bytes;
            std::size_t const n = beast::buffer_bytes(buffers);
            std::size_t const needed = bytes.size() + n;
            if(needed > bytes.capacity())
            {
                std::uint64_t const doubled = std::max<std::uint64_t>(needed, 2 * bytes.capacity());
                bytes.reserve(static_cast<std::size_t>(
                    std::min(doubled, std::max<std::uint64_t>(body_.most, needed))));
            }
            for(auto const b : beast::buffers_range_ref(buffers))
                bytes.append(static_cast<char const*>(b.data()), b.size());
            ec = {};
            return n;
        }

        void finish(beast::error_code& ec) { ec = {}; }

    private:
        value_type& body_;
    };
};

using received_request = http::request<received_body>;

// The service's request type, with the head of `r` copied: what the
// answers to a refused request are built from.
example::request
head_of(received_request const& r)
{
    return example::request(r.base());
}

class listener;

class session : public std::enable_shared_from_this<session>
{
public:
    session(tcp::socket socket, example::connections_service& service,
        server_options const& options, std::weak_ptr<listener> owner)
        : stream_(std::move(socket))
        , service_(service)
        , timeout_(options.idle_timeout)
        , buffer_(buffer_limit)
        , owner_(std::move(owner))
    {
    }

    ~session();

    void start() { read_header(); }

private:
    void
    read_header()
    {
        parser_.emplace();
        parser_->body_limit(service_.max_bytes());
        parser_->get().body().most = service_.max_bytes();
        stream_.expires_after(timeout_);
        http::async_read_header(stream_, buffer_, *parser_,
            beast::bind_front_handler(&session::on_header, shared_from_this()));
    }

    void
    on_header(beast::error_code ec, std::size_t)
    {
        // Content-Length over the limit fails here, before any of the body
        // is read.
        if(ec == http::error::body_limit)
            return refuse(service_.payload_too_large(head_of(parser_->get())));
        if(ec)
            return fail(ec);
        auto const& req = parser_->get();
        // No Host, say: refused before the body is read.
        if(auto refused = service_.check_head(head_of(req)))
            return refuse(std::move(*refused));
        if(req.version() >= 11 && beast::iequals(req[http::field::expect], "100-continue"))
        {
            // The client waits for this before sending the body (HTTP/1.0
            // has no 1xx answers).
            auto proceed = std::make_shared<http::response<http::empty_body>>(
                http::status::continue_, req.version());
            http::async_write(stream_, *proceed,
                [self = shared_from_this(), proceed](beast::error_code e, std::size_t) {
                    if(e)
                        return self->close();
                    self->read_body();
                });
            return;
        }
        read_body();
    }

    void
    read_body()
    {
        stream_.expires_after(timeout_);
        http::async_read(stream_, buffer_, *parser_,
            beast::bind_front_handler(&session::on_body, shared_from_this()));
    }

    void
    on_body(beast::error_code ec, std::size_t)
    {
        // A chunked body passing the limit fails here.
        if(ec == http::error::body_limit)
            return refuse(service_.payload_too_large(head_of(parser_->get())));
        if(ec)
            return fail(ec);
        auto received = parser_->release();
        parser_.reset();
        example::request req(std::move(received.base()), std::move(received.body().bytes));
        respond(service_.handle(req), false);
    }

    // A read error: the peer went away or was too slow (the stream has
    // closed the socket), or it sent something that is not HTTP, which
    // gets a 400 before the connection closes.
    void
    fail(beast::error_code ec)
    {
        bool const parse_error =
            ec.category() == http::make_error_code(http::error::end_of_stream).category() &&
            ec != http::error::end_of_stream && ec != http::error::partial_message;
        if(!parse_error)
            return close();
        if(ec == http::error::buffer_overflow)
            return refuse(service_.malformed(head_of(parser_->get()),
                "a chunk header or trailer longer than " + std::to_string(buffer_limit) + " bytes"));
        refuse(service_.malformed(head_of(parser_->get()), ec.message()));
    }

    void
    refuse(example::response res)
    {
        res.keep_alive(false);
        respond(std::move(res), true);
    }

    void
    respond(example::response res, bool linger)
    {
        response_ = std::move(res);
        stream_.expires_after(timeout_);
        http::async_write(stream_, *response_,
            [self = shared_from_this(), linger](beast::error_code ec, std::size_t) {
                self->on_write(ec, linger);
            });
    }

    void
    on_write(beast::error_code ec, bool linger)
    {
        bool const keep_alive = response_->keep_alive();
        response_.reset();
        if(ec)
            return close();
        if(linger)
            return drain();
        if(!keep_alive)
            return close();
        read_header();
    }

    void
    drain()
    {
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
        stream_.expires_after(std::min<std::chrono::steady_clock::duration>(linger_timeout, timeout_));
        drain_more();
    }

    void
    drain_more()
    {
        stream_.async_read_some(net::buffer(discard_),
            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                if(ec)
                    return self->close();
                self->drain_more();
            });
    }

    void
    close()
    {
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
        stream_.socket().close(ignored);
    }

    beast::tcp_stream stream_;
    example::connections_service& service_;
    std::chrono::seconds timeout_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<received_body>> parser_;
    std::optional<example::response> response_;
    std::array<char, 4096> discard_;
    std::weak_ptr<listener> owner_;
};

// Accepts connections while fewer than --max-connections are open; at the
// cap it stops accepting, so that the next ones wait in the kernel's
// listen queue, and starts again as soon as one closes.
class listener : public std::enable_shared_from_this<listener>
{
public:
    listener(tcp::acceptor acceptor, example::connections_service& service,
        server_options const& options)
        : acceptor_(std::move(acceptor))
        , retry_(acceptor_.get_executor())
        , service_(service)
        , options_(options)
    {
    }

    void start() { accept_if_room(); }

    void
    stop()
    {
        stopped_ = true;
        beast::error_code ignored;
        acceptor_.close(ignored);
        retry_.cancel();
    }

    // A session has ended: its place is free.
    void
    release()
    {
        --open_;
        accept_if_room();
    }

private:
    void
    accept_if_room()
    {
        if(accepting_ || stopped_ || open_ >= options_.max_connections)
            return;
        accepting_ = true;
        acceptor_.async_accept(
            [self = shared_from_this()](beast::error_code ec, tcp::socket socket) {
                self->on_accept(ec, std::move(socket));
            });
    }

    void
    on_accept(beast::error_code ec, tcp::socket socket)
    {
        if(ec == net::error::operation_aborted || stopped_)
        {
            accepting_ = false;
            return;
        }
        if(ec)
        {
            // Out of descriptors, say: wait a little instead of spinning.
            // Still "accepting", so that a session ending meanwhile does
            // not start a second accept.
            std::cerr << "accept: " << ec.message() << "\n";
            retry_.expires_after(std::chrono::milliseconds(100));
            retry_.async_wait([self = shared_from_this()](beast::error_code) {
                self->accepting_ = false;
                self->accept_if_room();
            });
            return;
        }
        accepting_ = false;
        try
        {
            auto s = std::make_shared<session>(std::move(socket), service_, options_,
                weak_from_this());
            ++open_; // the session's destructor gives it back
            s->start();
        }
        catch(std::exception const& e)
        {
            // Out of memory: this connection is dropped, not the listener.
            std::cerr << "graphschema-server: " << e.what() << "\n";
        }
        accept_if_room();
    }

    tcp::acceptor acceptor_;
    net::steady_timer retry_;
    example::connections_service& service_;
    server_options options_;
    std::size_t open_ = 0;
    bool accepting_ = false;
    bool stopped_ = false;
};

session::~session()
{
    // The listener is gone when the io_context destroys what is left at exit.
    if(auto const l = owner_.lock())
        l->release();
}

constexpr char const* usage_text =
    "usage: graphschema-server [--max-bytes N] [--unknown POLICY]\n"
    "                          [--max-connections N] [--idle-timeout SECONDS]\n"
    "                          [--max-store-bytes N] [--items-quota N] PORT\n"
    "\n"
    "Serves /beta/external/connections and /v1.0/external/connections (with\n"
    "each connection's schema, items, groups and members) in memory on\n"
    "127.0.0.1:PORT (0: any free port), checking every body with graphschema\n"
    "for the version its path names, and every item against its connection's\n"
    "schema. Prints the address, then serves until SIGINT or SIGTERM.\n"
    "\n"
    "  --max-bytes N          largest request body accepted (default 4194304)\n"
    "  --unknown POLICY       members externalConnection does not declare (and,\n"
    "                         under /v1.0, beta's): reject (default, as Graph),\n"
    "                         preserve or ignore\n"
    "  --max-connections N    connections served at once (default 128); the\n"
    "                         next ones wait until one closes\n"
    "  --idle-timeout SECONDS time a connection has to send a request's head,\n"
    "                         then its body, and to take the answer; silence\n"
    "                         after an answer closes it too (default 30)\n"
    "  --max-store-bytes N    most the store holds: connections, schemas, items,\n"
    "                         groups, members, as JSON plus 256 bytes each\n"
    "                         (default 268435456); beyond it, 507\n"
    "  --items-quota N        items one connection may hold (default 5000000);\n"
    "                         beyond it, 507\n";

template<class Int>
bool
parse_number(std::string_view text, Int& out)
{
    auto const r = std::from_chars(text.data(), text.data() + text.size(), out);
    return r.ec == std::errc() && r.ptr == text.data() + text.size();
}

} // namespace

int
main(int argc, char** argv)
{
    example::service_options options;
    server_options limits;
    std::optional<unsigned short> port;
    for(int i = 1; i < argc; ++i)
    {
        std::string_view const arg = argv[i];
        bool const has_value = i + 1 < argc;
        if(arg == "--help")
        {
            std::cout << usage_text;
            return 0;
        }
        if(arg == "--max-bytes" && has_value && parse_number(argv[i + 1], options.max_bytes) &&
            options.max_bytes > 0)
            ++i;
        else if(arg == "--unknown" && has_value && graphschema::unknown_policy_from_string(argv[i + 1]))
            options.unknown = *graphschema::unknown_policy_from_string(argv[++i]);
        else if(arg == "--max-connections" && has_value &&
            parse_number(argv[i + 1], limits.max_connections) && limits.max_connections > 0)
            ++i;
        else if(unsigned seconds = 0; arg == "--idle-timeout" && has_value &&
            parse_number(argv[i + 1], seconds) && seconds > 0 && seconds <= 86400)
        {
            limits.idle_timeout = std::chrono::seconds(seconds);
            ++i;
        }
        else if(arg == "--max-store-bytes" && has_value &&
            parse_number(argv[i + 1], options.max_store_bytes) && options.max_store_bytes > 0)
            ++i;
        else if(arg == "--items-quota" && has_value &&
            parse_number(argv[i + 1], options.items_quota) && options.items_quota > 0)
            ++i;
        else if(unsigned short p = 0; !port && parse_number(arg, p))
            port = p;
        else
        {
            std::cerr << "graphschema-server: bad argument '" << arg << "'\n" << usage_text;
            return 2;
        }
    }
    if(!port)
    {
        std::cerr << usage_text;
        return 2;
    }

    try
    {
        net::io_context io;
        tcp::acceptor acceptor(io, {net::ip::make_address("127.0.0.1"), *port});
        options.service_root = "http://127.0.0.1:" + std::to_string(acceptor.local_endpoint().port());
        example::connections_service service(options);
        auto const server = std::make_shared<listener>(std::move(acceptor), service, limits);
        server->start();

        net::signal_set signals(io, SIGINT, SIGTERM);
        signals.async_wait([&](beast::error_code, int) {
            server->stop();
            io.stop();
        });

        // The tests read this line to find the port.
        std::cout << "listening on " << options.service_root << std::endl;

        for(;;)
        {
            try
            {
                io.run();
                break;
            }
            catch(std::exception const& e)
            {
                // Out of memory in one request, say: that connection is
                // dropped (its handler is gone), the others carry on.
                std::cerr << "graphschema-server: " << e.what() << "\n";
            }
        }
    }
    catch(std::exception const& e)
    {
        std::cerr << "graphschema-server: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
