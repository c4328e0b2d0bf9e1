//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// Built with -fno-exceptions: the non-throwing API (decode, validate,
// encode, reports, preserved members) works without exceptions. Boost then
// reports what it would have thrown through boost::throw_exception, which
// the program must define; here it aborts, so that reaching it fails.

#include <graphschema/graphschema.hpp>

#include <boost/throw_exception.hpp>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#ifndef BOOST_NO_EXCEPTIONS
#error "this program is built with -fno-exceptions"
#endif

namespace boost {

void
throw_exception(std::exception const& e)
{
    std::fprintf(stderr, "boost::throw_exception: %s\n", e.what());
    std::abort();
}

void
throw_exception(std::exception const& e, boost::source_location const& where)
{
    std::fprintf(stderr, "boost::throw_exception at %s:%u: %s\n", where.file_name(),
        static_cast<unsigned>(where.line()), e.what());
    std::abort();
}

} // boost

namespace {

int failures = 0;

void
check(bool ok, char const* what)
{
    if(!ok)
    {
        std::fprintf(stderr, "failed: %s\n", what);
        ++failures;
    }
}

} // namespace

int
main()
{
    namespace gs = graphschema;

    auto r = gs::decode<gs::graph::external_connection>(
        R"({"id":"contosohr","name":"Contoso HR","description":"","configuration":{"x":1e400}})");
    check(r.ok(), "a valid body decodes");
    check(*r->id == "contosohr", "the id");
    check(gs::encode(*r) ==
        R"({"@odata.type":"#microsoft.graph.externalConnection","id":"contosohr","name":"Contoso HR",)"
        R"("description":"","configuration":{"@odata.type":"#microsoft.graph.configuration","x":1e400}})",
        "the canonical form");

    gs::decode_options update;
    update.operation = gs::operation::update;
    auto const bad = gs::validate<gs::graph::external_connection>(R"({"id":"x","name":7})", update);
    check(bad.size() == 2 && bad[0].code == gs::error::read_only_property &&
        bad[1].code == gs::error::type_mismatch, "an invalid body's report");
    check(gs::validate<gs::graph::external_connection>("{\"id\":").contains(gs::error::syntax_error),
        "a syntax error is an issue, not an exception");

    gs::graph::external_connection built;
    built.id = "Microsoft1";
    check(gs::validate(built).contains(gs::error::constraint_violation), "a value built in code");

    gs::preserved_members kept;
    check(kept.insert_raw("a", "[1,") == gs::error::syntax_error, "insert_raw refuses broken JSON");
    check(!kept.insert_raw("a", "[1]") && kept.insert_raw("a", "2") == gs::error::duplicate_property,
        "insert_raw refuses a second key");

    boost::system::error_code const ec = gs::error::missing_required;
    check(ec.message() == "missing_required", "the error category");

    if(failures == 0)
        std::puts("the non-throwing API works without exceptions");
    return failures == 0 ? 0 : 1;
}
