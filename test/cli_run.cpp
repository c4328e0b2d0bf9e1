//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE cli_run
#include "test_support.hpp"

#include <graphschema/cli.hpp>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

// graphschema::cli::run in the test's own process: a user's models chosen
// by name, running out of memory at every allocation it makes, and a
// closed pipe.

namespace {

// Every allocation after the next `fail_after` ones fails, while armed.
std::atomic<bool> armed{false};
std::atomic<long> fail_after{0};

} // namespace

// Not inlined: g++ would see free() given what operator new returned.
[[gnu::noinline]] void*
operator new(std::size_t n)
{
    if(armed.load(std::memory_order_relaxed) && fail_after.fetch_sub(1, std::memory_order_relaxed) <= 0)
        throw std::bad_alloc();
    if(void* p = std::malloc(n ? n : 1))
        return p;
    throw std::bad_alloc();
}

[[gnu::noinline]] void* operator new[](std::size_t n) { return operator new(n); }
[[gnu::noinline]] void operator delete(void* p) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete(void* p, std::size_t) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete[](void* p) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
// The nothrow forms (std::stable_sort's buffer uses one), so that every
// allocation comes from malloc and fails in turn.
[[gnu::noinline]] void*
operator new(std::size_t n, std::nothrow_t const&) noexcept
{
    try
    {
        return operator new(n);
    }
    catch(std::bad_alloc const&)
    {
        return nullptr;
    }
}
[[gnu::noinline]] void* operator new[](std::size_t n, std::nothrow_t const& t) noexcept { return operator new(n, t); }
[[gnu::noinline]] void operator delete(void* p, std::nothrow_t const&) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete[](void* p, std::nothrow_t const&) noexcept { std::free(p); }

namespace contoso {

namespace gs = graphschema;

// A user's own model.
struct ticket
{
    std::optional<std::string> id;
    std::optional<std::string> title;
    gs::preserved_members more;
};

#if defined(__clang__)
# pragma clang diagnostic push
# pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif
BOOST_DESCRIBE_STRUCT(ticket, (), (id, title, more))
#if defined(__clang__)
# pragma clang diagnostic pop
#endif

constexpr auto
graphschema_model(gs::model_tag<ticket>)
{
    return gs::model("contoso.support.ticket")
        .member("id", gs::required(gs::operation::create), gs::length(3, 8))
        .member("title", gs::required(gs::operation::create));
}

namespace other {

// A second model whose short name is the same.
struct ticket
{
    std::optional<std::string> id;
    gs::preserved_members more;
};

#if defined(__clang__)
# pragma clang diagnostic push
# pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif
BOOST_DESCRIBE_STRUCT(ticket, (), (id, more))
#if defined(__clang__)
# pragma clang diagnostic pop
#endif

constexpr auto
graphschema_model(gs::model_tag<ticket>)
{
    return gs::model("contoso.sales.ticket");
}

} // other
} // contoso

namespace {

namespace gs = graphschema;

struct result
{
    int status;
    std::string out;
    std::string err;
};

class scratch
{
public:
    scratch()
    {
        char tmpl[] = "/tmp/graphschema-cli-run-XXXXXX";
        char* d = ::mkdtemp(tmpl);
        BOOST_REQUIRE(d != nullptr);
        dir_ = d;
    }

    ~scratch()
    {
        for(auto const& f : files_)
            ::unlink(f.c_str());
        ::rmdir(dir_.c_str());
    }

    std::string
    file(std::string const& name, std::string const& content)
    {
        std::string const path = dir_ + "/" + name;
        std::ofstream(path, std::ios::binary) << content;
        if(std::find(files_.begin(), files_.end(), path) == files_.end())
            files_.push_back(path);
        return path;
    }

private:
    std::string dir_;
    std::vector<std::string> files_;
};

// Standard output and error sent to files while `f` runs.
template<class F>
result
captured(scratch& s, F&& f)
{
    std::cout.flush();
    std::cerr.flush();
    auto const out_path = s.file("out", "");
    auto const err_path = s.file("err", "");
    int const saved_out = ::dup(1);
    int const saved_err = ::dup(2);
    int const out = ::open(out_path.c_str(), O_WRONLY | O_TRUNC);
    int const err = ::open(err_path.c_str(), O_WRONLY | O_TRUNC);
    ::dup2(out, 1);
    ::dup2(err, 2);
    ::close(out);
    ::close(err);
    int const status = f();
    ::dup2(saved_out, 1);
    ::dup2(saved_err, 2);
    ::close(saved_out);
    ::close(saved_err);
    return {status, test::read_file(out_path), test::read_file(err_path)};
}

template<class... Models>
result
run(scratch& s, std::vector<std::string> const& args, gs::cli::program const& info = {})
{
    std::vector<char const*> argv{"contoso-validate"};
    for(auto const& a : args)
        argv.push_back(a.c_str());
    return captured(s, [&] {
        return gs::cli::run<Models...>(static_cast<int>(argv.size()), argv.data(), info);
    });
}

} // namespace

BOOST_AUTO_TEST_CASE(a_users_models_are_chosen_by_their_names)
{
    scratch s;
    auto const good = s.file("t.json", R"({"id":"T-1","title":"Printer on fire"})");
    auto const bad = s.file("b.json", R"({"id":"T"})");
    auto const r = run<contoso::ticket, gs::graph::configuration>(s, {good});
    BOOST_TEST(r.status == 0);
    BOOST_TEST(r.out == good + ": valid\n");
    auto const b = run<contoso::ticket, gs::graph::configuration>(s, {"--type", "ticket", bad});
    BOOST_TEST(b.status == 1);
    BOOST_TEST(b.out.find(bad + ":1:7: constraint_violation /id: ") != std::string::npos, b.out);
    auto const conf = s.file("c.json", R"({"authorizedApps":["a"]})");
    auto const c = run<contoso::ticket, gs::graph::configuration>(s,
        {"--type=microsoft.graph.configuration", conf});
    BOOST_TEST(c.status == 0);
    auto const u = run<contoso::ticket, gs::graph::configuration>(s, {"--type", "user", good});
    BOOST_TEST(u.status == 2);
    BOOST_TEST(u.err.find("contoso-validate: --type must be ticket or configuration, not 'user'") == 0u, u.err);
    auto const h = run<contoso::ticket, gs::graph::configuration>(s, {"--help"},
        {"ticket-check", "2.1", "Checks Contoso tickets."});
    BOOST_TEST(h.status == 0);
    BOOST_TEST(h.out.find("usage: ticket-check [options] [FILE ...]\n\nChecks Contoso tickets.\n") == 0u);
    BOOST_TEST(h.out.find("--type T          ticket (default), configuration") != std::string::npos);
    auto const v = run<contoso::ticket>(s, {"--version"}, {"ticket-check", "2.1", ""});
    BOOST_TEST(v.out == "ticket-check 2.1\n");
    auto const schema = run<contoso::ticket>(s, {"--schema"});
    BOOST_TEST(schema.status == 0);
    BOOST_TEST(schema.out.find("contoso.support.ticket") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(models_that_share_a_short_name_need_the_qualified_one)
{
    scratch s;
    auto const doc = s.file("t.json", R"({"id":"T-1"})");
    auto const a = run<contoso::ticket, contoso::other::ticket>(s, {"--type", "ticket", doc});
    BOOST_TEST(a.status == 2);
    BOOST_TEST(a.err.find("--type must be contoso.support.ticket or contoso.sales.ticket, not 'ticket'") !=
        std::string::npos, a.err);
    auto const b = run<contoso::ticket, contoso::other::ticket>(s, {"--type", "contoso.sales.ticket", doc});
    BOOST_TEST(b.status == 0, b.out);
}

namespace {

// Runs `args` with every allocation failing in turn (every `stride`th),
// and every one after it: each run ends with status 2 and the message, or
// as it would anyway; what it wrote before is whole lines of what it
// would have written.
template<class... Models>
void
every_allocation_fails_in_turn(scratch& s, std::vector<std::string> const& args, long stride)
{
    auto const full = run<Models...>(s, args);
    BOOST_REQUIRE(full.status == 1);
    long n = 0;
    std::vector<char const*> argv{"contoso-validate"};
    for(auto const& a : args)
        argv.push_back(a.c_str());
    for(;; n += stride)
    {
        // Armed only around the call: the capture allocates outside it.
        result const r = captured(s, [&] {
            fail_after = n;
            armed = true;
            int const status = gs::cli::run<Models...>(static_cast<int>(argv.size()), argv.data());
            armed = false;
            return status;
        });
        if(r.status != 2)
        {
            // No allocation failed: the whole run.
            BOOST_TEST(r.status == full.status);
            BOOST_TEST(r.out == full.out);
            break;
        }
        // The message last; before it, under --emit, part of the report.
        std::string const message = "contoso-validate: out of memory\n";
        BOOST_REQUIRE_MESSAGE(r.err.size() >= message.size() &&
            r.err.compare(r.err.size() - message.size(), message.size(), message) == 0, n << ": " << r.err);
        std::string const report = r.err.substr(0, r.err.size() - message.size());
        for(auto const& [part, whole] : {std::pair{&r.out, &full.out}, std::pair{&report, &full.err}})
        {
            BOOST_TEST((whole->compare(0, part->size(), *part) == 0), n);
            BOOST_TEST((part->empty() || part->back() == '\n'), n);
        }
        if(n > 20000)
        {
            BOOST_FAIL("a run that never completes");
            break;
        }
    }
    BOOST_TEST_MESSAGE("the run completes when its first " << n << " allocations succeed");
    BOOST_TEST(n > 0);
}

} // namespace

BOOST_AUTO_TEST_CASE(running_out_of_memory_anywhere_exits_with_two)
{
    // Every allocation of a run fails in turn, and every one after it:
    // each run ends with status 2 and the message, or as it would anyway;
    // what it wrote before is whole lines of what it would have written.
    scratch s;
    std::string stream;
    for(int i = 0; i < 40; ++i)
        stream += i % 3 ? R"({"id":"T-)" + std::to_string(i) + R"(","title":"t","x":[1, 2]})" "\n"
                        : R"({"id":"T","y":1})" "\n";
    auto const path = s.file("s.ndjson", stream);
    // Enough lines for several batches, so that --jobs starts its threads:
    // there, every 97th allocation fails in turn.
    std::string long_stream;
    for(int i = 0; i < 30; ++i)
        long_stream += stream;
    auto const long_path = s.file("long.ndjson", long_stream);
    auto const one = s.file("t.json", R"({"id":"T","title":"t"})");
    std::vector<std::pair<std::vector<std::string>, long>> const forms = {
        {{one}, 1},
        {{"--format", "json", one}, 1},
        {{"--emit", one}, 1},
        {{"--ndjson", "--jobs", "1", path}, 1},
        {{"--ndjson", "--jobs", "1", "--format", "json", path}, 1},
        {{"--ndjson", "--jobs", "1", "--emit", path}, 1},
        {{"--ndjson", "--jobs", "2", "--emit", path}, 1},
        {{"--ndjson", "--jobs", "2", "--emit", long_path}, 97},
        {{"--ndjson", "--jobs", "3", "--format", "json", long_path}, 97},
    };
    for(auto const& [args, stride] : forms)
    {
        std::string name;
        for(auto const& a : args)
            name += a.find('/') == std::string::npos ? a + " " : "";
        BOOST_TEST_CONTEXT(name)
        {
            every_allocation_fails_in_turn<contoso::ticket>(s, args, stride);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_closed_pipe_is_a_failed_write_and_the_process_lives_on)
{
    scratch s;
    std::string stream;
    for(int i = 0; i < 3000; ++i)
        stream += R"({"id":"T-1","title":"t"})" "\n";
    auto const path = s.file("s.ndjson", stream);
    int fds[2];
    BOOST_REQUIRE(::pipe(fds) == 0);
    ::close(fds[0]);
    auto const err_path = s.file("err", "");
    std::cout.flush();
    int const saved_out = ::dup(1);
    int const saved_err = ::dup(2);
    int const err = ::open(err_path.c_str(), O_WRONLY | O_TRUNC);
    ::dup2(fds[1], 1);
    ::dup2(err, 2);
    ::close(fds[1]);
    ::close(err);
    char const* argv[] = {"contoso-validate", "--ndjson", "--format", "json", path.c_str()};
    int const status = gs::cli::run<contoso::ticket>(5, argv);
    ::dup2(saved_out, 1);
    ::dup2(saved_err, 2);
    ::close(saved_out);
    ::close(saved_err);
    BOOST_TEST(status == 2);
    BOOST_TEST(test::read_file(err_path) == "contoso-validate: cannot write to standard output: Broken pipe\n");
    // Still here, SIGPIPE neither pending nor left blocked.
    sigset_t pending, mask;
    BOOST_REQUIRE(::sigpending(&pending) == 0);
    BOOST_TEST(sigismember(&pending, SIGPIPE) == 0);
    BOOST_REQUIRE(::pthread_sigmask(SIG_BLOCK, nullptr, &mask) == 0);
    BOOST_TEST(sigismember(&mask, SIGPIPE) == 0);
}

//------------------------------------------------------------------------------
// --against: an option of the validators that have graph::external_item
// among their models.

namespace {

char const* const item_schema =
    R"({"baseType":"microsoft.graph.externalItem","properties":[{"name":"title","type":"string"},)"
    R"({"name":"tags","type":"stringCollection"}]})";

std::string
item(std::string const& properties)
{
    return R"({"acl":[{"type":"everyone","value":"everyone","accessType":"grant"}],"properties":{)" + properties +
        "}}";
}

} // namespace

BOOST_AUTO_TEST_CASE(against_is_an_option_where_items_are_a_model)
{
    scratch s;
    auto const schema = s.file("schema.json", item_schema);
    auto const good = s.file("good.json", item(R"("title":"t")"));
    auto const stray = s.file("stray.json", item(R"("title":"t","owner":"me")"));
    auto const ticket = s.file("t.json", R"({"id":"T-1","title":"Printer on fire"})");

    // Without items among the models, --against is no option.
    auto const help = run<contoso::ticket>(s, {"--help"});
    BOOST_TEST(help.status == 0);
    BOOST_TEST(help.out.find("--against") == std::string::npos, help.out);
    BOOST_TEST(help.out.find("bad SCHEMA") == std::string::npos, help.out);
    auto const unknown = run<contoso::ticket>(s, {"--against", schema, ticket});
    BOOST_TEST(unknown.status == 2);
    BOOST_TEST(unknown.err.find("contoso-validate: unknown option '--against'") == 0u, unknown.err);
    BOOST_TEST(unknown.out.empty());

    // With them, it is, for items only.
    auto const with = run<contoso::ticket, gs::graph::external_item>(s, {"--help"});
    BOOST_TEST(with.out.find("--type T          ticket (default), externalItem") != std::string::npos, with.out);
    BOOST_TEST(with.out.find("  --against SCHEMA  with --type externalItem: check each item's\n") != std::string::npos,
        with.out);
    auto const a = run<contoso::ticket, gs::graph::external_item>(s, {"--type", "externalItem", "--against", schema, good});
    BOOST_TEST(a.status == 0, a.out << a.err);
    BOOST_TEST(a.out == good + ": valid\n");
    auto const b = run<contoso::ticket, gs::graph::external_item>(s,
        {"--type", "externalItem", "--against", schema, stray});
    BOOST_TEST(b.status == 1);
    BOOST_TEST(b.out.find(stray + ":1:96: unknown_property /properties/owner: ") != std::string::npos, b.out);
    auto const shape = run<contoso::ticket, gs::graph::external_item>(s, {"--type", "externalItem", stray});
    BOOST_TEST(shape.status == 0); // the item's shape alone
    auto const wrong = run<contoso::ticket, gs::graph::external_item>(s, {"--against", schema, ticket});
    BOOST_TEST(wrong.status == 2);
    BOOST_TEST(wrong.err.find("contoso-validate: --against is only for --type externalItem\n") == 0u, wrong.err);
}

// Every allocation of loading a schema may fail: the run ends with status
// 2 and "out of memory", never in std::terminate (moving a dynamic_schema
// allocates, so nothing on that path may be noexcept).
BOOST_AUTO_TEST_CASE(running_out_of_memory_with_a_schema_exits_with_two)
{
    // The schema is read, parsed and made into a validator under the same
    // failures as the items after it.
    scratch s;
    auto const schema = s.file("schema.json", item_schema);
    auto const bad = s.file("bad.json", item(R"("title":1,"tags":["a"])"));
    std::string stream;
    for(int i = 0; i < 40; ++i)
        stream += item(i % 3 ? R"j("title":"t","tags@odata.type":"Collection(String)","tags":["a","b"])j"
                             : R"("title":"t","owner":"me")") + "\n";
    auto const path = s.file("s.ndjson", stream);
    std::string long_stream;
    for(int i = 0; i < 30; ++i)
        long_stream += stream;
    auto const long_path = s.file("long.ndjson", long_stream);
    std::vector<std::pair<std::vector<std::string>, long>> const forms = {
        {{"--against", schema, bad}, 1},
        {{"--against", schema, "--emit", bad}, 1},
        {{"--against", schema, "--ndjson", "--jobs", "1", "--format", "json", path}, 1},
        {{"--against", schema, "--ndjson", "--jobs", "2", "--emit", long_path}, 97},
    };
    for(auto const& [args, stride] : forms)
    {
        std::string name;
        for(auto const& a : args)
            name += a.find('/') == std::string::npos ? a + " " : "";
        BOOST_TEST_CONTEXT(name)
        {
            // The item model first: the default --type.
            every_allocation_fails_in_turn<gs::graph::external_item, contoso::ticket>(s, args, stride);
        }
    }
}
