//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE hostile_replay
#include "hostile_support.hpp"

#include "checks.hpp"
#include "cli_checks.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

// The fuzz targets' checks without libFuzzer: every file of
// fuzz/regressions/<target>/ through its target's check, so that what the
// fuzzers once found stays fixed, and the checks run under g++ as well.
// (The seed corpus, vectors included, goes through them in .ci/hostile.)

#ifndef GRAPHSCHEMA_FUZZ_DIR
#error "the build defines GRAPHSCHEMA_FUZZ_DIR, the fuzz/ folder"
#endif

namespace fs = std::filesystem;

namespace {

using check_function = std::string (*)(std::uint8_t const*, std::size_t);

struct target
{
    char const* name;
    check_function check;
};

constexpr target targets[] = {
    {"decode", &fuzz_checks::check_decode},
    {"validate_decode", &fuzz_checks::check_validate_decode},
    {"round_trip", &fuzz_checks::check_round_trip},
    {"text_dom", &fuzz_checks::check_text_dom},
    {"ndjson", &fuzz_checks::check_ndjson},
    {"cli_output", &fuzz_checks::check_cli_output},
};

std::string
run(check_function check, std::string const& input)
{
    return check(reinterpret_cast<std::uint8_t const*>(input.data()), input.size());
}

} // namespace

BOOST_AUTO_TEST_CASE(every_regression_file)
{
    std::size_t files = 0;
    for(auto const& t : targets)
    {
        fs::path const folder = fs::path(GRAPHSCHEMA_FUZZ_DIR) / "regressions" / t.name;
        BOOST_REQUIRE_MESSAGE(fs::is_directory(folder), folder << " holds " << t.name << "'s regressions");
        std::size_t here = 0;
        for(auto const& entry : fs::directory_iterator(folder))
        {
            auto const failure = run(t.check, test::read_file(entry.path().string()));
            BOOST_TEST(failure.empty(), entry.path().string() << ": " << failure);
            ++here;
        }
        BOOST_TEST(here > 0u, folder << " is empty");
        files += here;
    }
    BOOST_TEST_MESSAGE(files << " regression files replayed");
}
