//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// How much machine stack decoding takes per level of nesting, for
// test/hostile/measure.sh, which builds it with each compiler and set of
// flags: the least stack on which a thread decodes a document
// max_depth_limit (4,096) deep, from text and from a DOM that Boost.JSON
// parses; whether a thread with 8 MiB, the usual main thread, decodes it;
// and the deepest document a thread with 128 KiB (musl's default) decodes.

#include <graphschema/graphschema.hpp>

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>

#include <pthread.h>
#include <sys/wait.h>
#include <unistd.h>

namespace gs = graphschema;

namespace {

enum class path { validate_text, decode_text, decode_dom };

std::size_t depth;
path how;

void*
decode_nested(void*)
{
    std::string const doc = "{\"id\":\"abc\",\"x\":" + std::string(depth - 1, '[') +
        std::string(depth - 1, ']') + "}";
    gs::decode_options o;
    o.operation = gs::operation::read;
    o.max_depth = depth;
    bool ok = false;
    if(how == path::validate_text)
        ok = gs::validate<gs::graph::external_connection>(doc, o).ok();
    else if(how == path::decode_text)
        ok = gs::decode<gs::graph::external_connection>(doc, o).ok();
    else
    {
        boost::json::monotonic_resource mr;
        boost::json::parse_options po;
        po.max_depth = depth;
        auto const jv = boost::json::parse(doc, &mr, po);
        ok = gs::decode<gs::graph::external_connection>(jv, o).ok();
    }
    std::_Exit(ok ? 0 : 3);
}

// Decodes on a thread of `stack` bytes, in a child process, so that an
// overflow ends only the child: true when it worked.
bool
fits(std::size_t stack)
{
    pid_t const pid = ::fork();
    if(pid == 0)
    {
        pthread_attr_t a;
        ::pthread_attr_init(&a);
        ::pthread_attr_setstacksize(&a, stack);
        pthread_t t;
        if(::pthread_create(&t, &a, decode_nested, nullptr) != 0)
            std::_Exit(4);
        ::pthread_join(t, nullptr);
        std::_Exit(5);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// The deepest document, up to max_depth_limit, that a thread of `stack`
// bytes decodes.
std::size_t
deepest(std::size_t stack)
{
    std::size_t shallow = 1, deep = gs::max_depth_limit + 1;
    while(deep - shallow > 1)
    {
        depth = (shallow + deep) / 2;
        (fits(stack) ? shallow : deep) = depth;
    }
    return shallow;
}

} // namespace

int
main()
{
    struct
    {
        path p;
        char const* name;
    } const paths[] = {{path::validate_text, "validate, text"}, {path::decode_text, "decode, text"},
        {path::decode_dom, "parse + decode, DOM"}};
    for(auto const& p : paths)
    {
        how = p.p;
        depth = gs::max_depth_limit;
        std::size_t lo = 16384, hi = std::size_t(1) << 30;
        while(hi - lo > 4096)
        {
            std::size_t const mid = (lo + hi) / 2 / 4096 * 4096;
            (fits(mid) ? hi : lo) = mid;
        }
        std::printf("%-20s %6.0f KiB for %zu levels (%4.0f bytes a level)", p.name,
            static_cast<double>(hi) / 1024, depth, static_cast<double>(hi) / static_cast<double>(depth));
        depth = gs::max_depth_limit;
        std::printf("; 8 MiB: %s", fits(std::size_t(8) << 20) ? "fits" : "OVERFLOWS");
        std::printf("; 128 KiB: %zu levels\n", deepest(std::size_t(128) << 10));
    }
}
