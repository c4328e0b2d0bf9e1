//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE hostile_cli
#include "hostile_support.hpp"

#include <boost/json/parse.hpp>

#include <filesystem>
#include <string>

#include <fcntl.h>
#include <unistd.h>

// graphschema-validate as a process, without a shell: a 100 MB file and a
// 100 MB pipe are rejected at the limit without being held in memory;
// every JSONTestSuite file exits with 0 or 1, never 2 or a signal, and
// every n_ file is invalid; deep nesting at and past the depth limit.
//
// Memory is compared with the child's peak for a small document, so that
// the bounds hold under sanitizers and valgrind too: they hold the child's
// memory beyond the program's own.

namespace gs = graphschema;
namespace fs = std::filesystem;

namespace {

constexpr std::size_t hundred_mb = 100000000;
constexpr long hundred_mb_kib = 100000000 / 1024;

// The child's peak memory for a small document.
long
baseline_rss_kib(hostile::scratch_dir& dir)
{
    auto const small = dir.write("small.json", test::valid_create);
    auto const r = hostile::run_validator(dir, {small});
    BOOST_REQUIRE(r.exited && r.status == 0);
    return r.max_rss_kib;
}

boost::json::object
json_report(hostile::process_result const& r)
{
    boost::json::error_code ec;
    auto const jv = boost::json::parse(r.out, ec);
    BOOST_REQUIRE_MESSAGE(!ec, "not one JSON report: " << r.out.substr(0, 200));
    return jv.as_object();
}

} // namespace

BOOST_AUTO_TEST_CASE(a_hundred_megabyte_file_is_rejected_from_its_size)
{
    hostile::scratch_dir dir;
    long const baseline = baseline_rss_kib(dir);
    // Sparse: 100 MB long, no disk used, and never read.
    auto const path = dir.file("big.json");
    int const fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    BOOST_REQUIRE(fd >= 0);
    BOOST_REQUIRE(::ftruncate(fd, static_cast<off_t>(hundred_mb)) == 0);
    ::close(fd);

    auto const r = hostile::run_validator(dir, {"--format", "json", path});
    BOOST_REQUIRE(r.exited);
    BOOST_TEST(r.status == 1);
    auto const report = json_report(r);
    auto const& e = report.at("errors").at(0);
    BOOST_TEST(e.at("code").as_string() == "size_exceeded");
    BOOST_TEST(e.at("message").as_string() ==
        "the document is 100000000 bytes, more than the limit of 4194304");
    BOOST_TEST(r.max_rss_kib - baseline < hundred_mb_kib / 10);
}

BOOST_AUTO_TEST_CASE(a_hundred_megabyte_pipe_is_read_only_to_the_limit)
{
    hostile::scratch_dir dir;
    long const baseline = baseline_rss_kib(dir);
    std::size_t written = 0;
    auto const r = hostile::run_validator(dir, {"--operation", "read", "--format", "json"}, "",
        [&](int fd) { written = hostile::write_stream(fd, R"({"id":"abc","x":")", "a", hundred_mb); });
    BOOST_REQUIRE(r.exited);
    BOOST_TEST(r.status == 1);
    auto const report = json_report(r);
    auto const& e = report.at("errors").at(0);
    BOOST_TEST(e.at("code").as_string() == "size_exceeded");
    BOOST_TEST(e.at("message").as_string() == "the document is larger than the limit of 4194304 bytes");
    // It stopped reading: the rest of the stream was never taken.
    BOOST_TEST(written < hundred_mb);
    BOOST_TEST(r.max_rss_kib - baseline < hundred_mb_kib / 10);
}

BOOST_AUTO_TEST_CASE(a_hundred_megabyte_ndjson_line)
{
    // One oversized line is reported with its size, not held; the next is read.
    hostile::scratch_dir dir;
    long const baseline = baseline_rss_kib(dir);
    std::string const next = "\n{\"id\":\"abc\"}\n";
    auto const r = hostile::run_validator(dir, {"--ndjson", "--operation", "read"}, "", [&](int fd) {
        hostile::write_stream(fd, "{\"id\":\"abc\",\"x\":\"", "a", hundred_mb);
        hostile::write_stream(fd, next, "", next.size());
    });
    BOOST_REQUIRE(r.exited);
    BOOST_TEST(r.status == 1);
    BOOST_TEST(r.out == "-:1: invalid (1 issue)\n"
        "-:1:1: size_exceeded (document): the document is 100000000 bytes, more than the limit of 4194304\n"
        "-:2: valid\n");
    BOOST_TEST(r.max_rss_kib - baseline < hundred_mb_kib / 10);
}

BOOST_AUTO_TEST_CASE(every_json_test_suite_file)
{
    hostile::scratch_dir dir;
    fs::path const folder = test::shared_path("JSONTestSuite/test_parsing");
    BOOST_REQUIRE(fs::is_directory(folder));
    std::size_t files = 0, invalid_n = 0, n_files = 0;
    for(auto const& entry : fs::directory_iterator(folder))
    {
        auto const name = entry.path().filename().string();
        auto const path = entry.path().string();
        BOOST_TEST_CONTEXT(name)
        {
            for(char const* type : {"externalConnection", "configuration"})
            {
                auto const r = hostile::run_validator(dir,
                    {"--type", type, "--operation", "read", "--format", "json", path});
                BOOST_TEST(r.exited, "killed by signal " << r.signal);
                BOOST_TEST((r.status == 0 || r.status == 1), "exit status " << r.status);
                BOOST_TEST(r.err.empty());
                if(!r.exited || r.status > 1)
                    continue;
                auto const report = json_report(r);
                bool const valid = report.at("valid").as_bool();
                BOOST_TEST(valid == (r.status == 0));
                if(name[0] == 'n')
                {
                    BOOST_TEST(!valid);
                    auto const& errors = report.at("errors").as_array();
                    BOOST_REQUIRE(errors.size() == 1u);
                    auto const code = errors[0].at("code").as_string();
                    BOOST_TEST((code == "syntax_error" || code == "depth_exceeded"), code);
                    invalid_n += !valid;
                    ++n_files;
                }
                if(name[0] == 'y')
                    for(auto const& e : report.at("errors").as_array())
                        BOOST_TEST(e.at("code").as_string() != "syntax_error");
            }
            ++files;
        }
    }
    BOOST_TEST(files == 318u);
    BOOST_TEST(n_files == 2 * 188u);
    BOOST_TEST(invalid_n == n_files);
}

BOOST_AUTO_TEST_CASE(nesting_at_and_past_the_limit)
{
    hostile::scratch_dir dir;
    std::size_t const limit = gs::max_depth_limit;
    auto const at = dir.write("at.json", hostile::read_body_with(hostile::nested(limit - 1, "[", "", "]")));
    auto const past = dir.write("past.json", hostile::read_body_with(hostile::nested(100000, "{\"a\":", "1", "}")));
    auto const ok = hostile::run_validator(dir,
        {"--operation", "read", "--max-depth", std::to_string(limit), at});
    BOOST_TEST(ok.exited);
    BOOST_TEST(ok.status == 0, ok.out);
    auto const deep = hostile::run_validator(dir,
        {"--operation", "read", "--max-depth", std::to_string(limit), "--format", "json", past});
    BOOST_REQUIRE(deep.exited);
    BOOST_TEST(deep.status == 1);
    auto const report = json_report(deep);
    BOOST_TEST(report.at("errors").at(0).at("code").as_string() == "depth_exceeded");
}
