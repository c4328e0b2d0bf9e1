//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE hostile_cli
#include "hostile_support.hpp"

#include <boost/json/parse.hpp>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

// graphschema-validate as a process, without a shell: a 100 MB file and a
// 100 MB pipe are rejected at the limit without being held in memory;
// every JSONTestSuite file is read and reported, with exit status 0 or 1,
// never 2 or a signal, and every n_ file is invalid; deep nesting at and past the depth limit.
//
// Memory is compared with the child's peak for a small document, so that
// the bound holds under sanitizers and valgrind too: what the child takes
// beyond that stays under a quarter of the input. (It holds the 4 MiB limit
// and its growth; test/hostile/measure.sh gives the figures.)

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
    BOOST_TEST(r.max_rss_kib - baseline < hundred_mb_kib / 4);
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
    BOOST_TEST(r.max_rss_kib - baseline < hundred_mb_kib / 4);
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
        "-: 2 documents, 1 valid, 1 invalid\n");
    BOOST_TEST(r.max_rss_kib - baseline < hundred_mb_kib / 4);
}

BOOST_AUTO_TEST_CASE(every_json_test_suite_file)
{
    // All the files in one run per model, one report line each: a file
    // that crashed the validator would end the run with a signal, one it
    // could not read would make it exit with 2. (One run, not 318, so that
    // the suite stays affordable under valgrind, where every run of the
    // validator is a valgrind run too.)
    hostile::scratch_dir dir;
    fs::path const folder = test::shared_path("JSONTestSuite/test_parsing");
    BOOST_REQUIRE(fs::is_directory(folder));
    std::vector<std::string> paths;
    for(auto const& entry : fs::directory_iterator(folder))
        paths.push_back(entry.path().string());
    BOOST_REQUIRE(paths.size() == 318u);
    for(char const* type : {"externalConnection", "configuration"})
    {
        BOOST_TEST_CONTEXT(type)
        {
            std::vector<std::string> args = {"--type", type, "--operation", "read", "--format", "json"};
            args.insert(args.end(), paths.begin(), paths.end());
            auto const r = hostile::run_validator(dir, args);
            BOOST_TEST(r.exited, "killed by signal " << r.signal);
            // Some n_ file is invalid, so the run as a whole is.
            BOOST_TEST(r.status == 1);
            BOOST_TEST(r.err.empty());
            std::size_t lines = 0, n_files = 0, n_invalid = 0;
            std::istringstream out(r.out);
            for(std::string line; std::getline(out, line); ++lines)
            {
                auto const report = boost::json::parse(line).as_object();
                std::string const source(report.at("source").as_string());
                BOOST_REQUIRE(lines < paths.size());
                BOOST_TEST(source == paths[lines]);
                auto const name = fs::path(source).filename().string();
                bool const valid = report.at("valid").as_bool();
                auto const& errors = report.at("errors").as_array();
                BOOST_TEST(valid == errors.empty(), name);
                if(name[0] == 'n')
                {
                    ++n_files;
                    n_invalid += !valid;
                    BOOST_REQUIRE_MESSAGE(errors.size() == 1u, name);
                    auto const code = errors[0].at("code").as_string();
                    BOOST_TEST((code == "syntax_error" || code == "depth_exceeded"), name << ": " << code);
                }
                if(name[0] == 'y')
                    for(auto const& e : errors)
                        BOOST_TEST(e.at("code").as_string() != "syntax_error", name);
            }
            BOOST_TEST(lines == paths.size());
            BOOST_TEST(n_files == 188u);
            BOOST_TEST(n_invalid == n_files);
        }
    }
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
