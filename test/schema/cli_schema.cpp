//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// graphschema-validate --schema, run as a process: one JSON document on
// standard output, the schema json_schema<T>() gives for the same type,
// operation and policy, and exit status 0.

#define BOOST_TEST_MODULE schema_cli
#include "../test_support.hpp"

#include <graphschema/schema.hpp>

#include <boost/json/parse.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>

#include <sys/wait.h>

namespace {

namespace gs = graphschema;

struct result
{
    int status;
    std::string out;
};

result
run(std::string const& args)
{
    char const* exe = std::getenv("GRAPHSCHEMA_VALIDATE");
    BOOST_TEST_REQUIRE(exe != nullptr, "GRAPHSCHEMA_VALIDATE names the built validator");
    std::string const command = std::string("'") + exe + "' " + args + " 2>/dev/null </dev/null";
    FILE* p = ::popen(command.c_str(), "r");
    BOOST_TEST_REQUIRE(p != nullptr);
    result r{0, {}};
    char buf[4096];
    for(std::size_t n; (n = std::fread(buf, 1, sizeof(buf), p)) > 0;)
        r.out.append(buf, n);
    int const status = ::pclose(p);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

} // namespace

BOOST_AUTO_TEST_CASE(prints_the_schema_of_each_type_operation_and_policy)
{
    for(auto op : {gs::operation::create, gs::operation::update, gs::operation::read})
        for(auto p : {gs::unknown_policy::preserve, gs::unknown_policy::ignore, gs::unknown_policy::reject})
            for(std::string type : {"externalConnection", "configuration"})
            {
                auto const r = run("--schema --type " + type + " --operation " +
                    std::string(gs::to_string(op)) + " --unknown=" + std::string(gs::to_string(p)));
                BOOST_TEST(r.status == 0);
                BOOST_TEST_REQUIRE(!r.out.empty());
                BOOST_TEST(r.out.back() == '\n');
                BOOST_TEST(r.out.find('\n') == r.out.size() - 1, "one line");
                gs::decode_options o;
                o.operation = op;
                o.unknown = p;
                auto const expected = type == "configuration"
                    ? gs::json_schema<gs::graph::configuration>(o)
                    : gs::json_schema<gs::graph::external_connection>(o);
                BOOST_TEST(boost::json::parse(r.out) == expected, type << ' ' << op << ' ' << p);
            }
}

BOOST_AUTO_TEST_CASE(defaults_and_usage)
{
    auto const r = run("--schema");
    BOOST_TEST(r.status == 0);
    BOOST_TEST(boost::json::parse(r.out) == gs::json_schema<gs::graph::external_connection>());
    BOOST_TEST(run("--schema payload.json").status == 2);
    BOOST_TEST(run("--schema=yes").status == 2);
    BOOST_TEST(run("--help").out.find("--schema") != std::string::npos);
}
