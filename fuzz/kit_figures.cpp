//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// The fuzzing kit's figures (docs/fuzzing.md), run by fuzz/measure_kit.sh:
//
//   kit_figures BODY...
//
// For each create body: 10,000 chained steps of graphschema::fuzz::mutate
// (each step mutates the previous output, max_size 4096 as libFuzzer's
// default -max_len), with the default options and with byte-level steps
// only; the share of outputs that are JSON and the share that are valid
// create bodies. Then, for each operation and API version, the share of
// generated documents that are valid at invalid_ratio 0 and invalid at 1,
// and 10,000 chained steps from a generated valid document with the
// default options for that operation and version: the share still JSON
// and still valid. Then how many documents generate writes per second.
//
// A plain program, not linked with libFuzzer: the byte-level steps are the
// kit's own byte mutator (LLVMFuzzerMutate is not there).

#include "fuzz_model.hpp"

#include <graphschema/fuzz.hpp>
#include <graphschema/graphschema.hpp>

#include <boost/json/parse.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

namespace gs = graphschema;
namespace fz = graphschema::fuzz;
using connection = gs::graph::external_connection;

constexpr int steps = 10000;
constexpr std::size_t max_size = 4096;

struct shares
{
    double json = 0;
    double valid = 0;
    double mean_size = 0;
};

shares
chain(std::string const& body, fz::mutate_options const& opt)
{
    std::vector<std::uint8_t> buf(max_size);
    std::size_t size = (std::min)(body.size(), max_size);
    std::memcpy(buf.data(), body.data(), size);
    int json = 0;
    int valid = 0;
    double bytes = 0;
    for(int i = 0; i < steps; ++i)
    {
        size = fz::mutate<connection>(buf.data(), size, max_size, static_cast<unsigned>(i), opt);
        std::string_view const text(reinterpret_cast<char const*>(buf.data()), size);
        boost::json::error_code ec;
        boost::json::parse(text, ec);
        json += ec ? 0 : 1;
        valid += gs::validate<connection>(text).ok() ? 1 : 0;
        bytes += static_cast<double>(size);
    }
    return {100.0 * json / steps, 100.0 * valid / steps, bytes / steps};
}

// Chained steps of mutate<T> under `opt`, validated under the same options.
template<class T>
shares
chain_for(fz::mutate_options const& opt, int n)
{
    std::vector<std::uint8_t> buf(max_size);
    fz::generate_options g = opt;
    g.invalid_ratio = 0;
    std::string const body = fz::generate<T>(1, g);
    std::size_t size = (std::min)(body.size(), max_size);
    std::memcpy(buf.data(), body.data(), size);
    gs::decode_options const d = fz::decode_options_for(opt);
    int json = 0;
    int valid = 0;
    double bytes = 0;
    for(int i = 0; i < n; ++i)
    {
        size = fz::mutate<T>(buf.data(), size, max_size, static_cast<unsigned>(i), opt);
        std::string_view const text(reinterpret_cast<char const*>(buf.data()), size);
        boost::json::error_code ec;
        boost::json::parse(text, ec);
        json += ec ? 0 : 1;
        valid += gs::validate<T>(text, d).ok() ? 1 : 0;
        bytes += static_cast<double>(size);
    }
    return {100.0 * json / n, 100.0 * valid / n, bytes / n};
}

// The share of `n` generated documents valid under their options.
template<class T>
double
valid_share(fz::generate_options const& o, int n)
{
    gs::decode_options const d = fz::decode_options_for(o);
    int valid = 0;
    for(int s = 0; s < n; ++s)
        valid += gs::validate<T>(fz::generate<T>(static_cast<std::uint64_t>(s), o), d).ok() ? 1 : 0;
    return 100.0 * valid / n;
}

template<class T>
void
by_operation_and_version(char const* name)
{
    constexpr gs::operation ops[] = {gs::operation::create, gs::operation::update, gs::operation::read};
    constexpr gs::api_version versions[] = {gs::api_version::v1_0, gs::api_version::beta};
    constexpr int documents = 2000;
    std::printf("%s: %d documents per row (policy reject), %d chained steps (default mutate_options)\n",
        name, documents, steps);
    for(auto op : ops)
        for(auto v : versions)
        {
            fz::mutate_options o;
            o.operation = op;
            o.version = v;
            o.unknown = gs::unknown_policy::reject;
            fz::generate_options g = o;
            g.invalid_ratio = 0;
            double const valid0 = valid_share<T>(g, documents);
            g.invalid_ratio = 1;
            double const valid1 = valid_share<T>(g, documents);
            auto const s = chain_for<T>(o, steps);
            std::printf("  %-6s %-4s  ratio 0: %5.1f%% valid  ratio 1: %5.1f%% invalid  "
                "chained: %5.1f%% JSON, %5.1f%% valid, %.0f bytes on average\n",
                std::string(gs::to_string(op)).c_str(), std::string(gs::to_string(v)).c_str(),
                valid0, 100.0 - valid1, s.json, s.valid, s.mean_size);
        }
}

template<class T>
void
speed(char const* name, double ratio)
{
    fz::generate_options o;
    o.invalid_ratio = ratio;
    std::uint64_t n = 0;
    std::size_t bytes = 0;
    auto const start = std::chrono::steady_clock::now();
    std::chrono::duration<double> elapsed{};
    do
    {
        for(int i = 0; i < 1000; ++i)
            bytes += fz::generate<T>(n++, o).size();
        elapsed = std::chrono::steady_clock::now() - start;
    } while(elapsed.count() < 2.0);
    std::printf("generate<%s>, invalid_ratio %.0f: %.0f documents/s, %.0f bytes each on average\n",
        name, ratio, static_cast<double>(n) / elapsed.count(), static_cast<double>(bytes) / static_cast<double>(n));
}

} // namespace

int
main(int argc, char** argv)
{
    if(argc < 2)
    {
        std::fprintf(stderr, "usage: kit_figures BODY...\n");
        return 2;
    }
    fz::mutate_options bytes_only;
    bytes_only.byte_ratio = 1;
    for(int a = 1; a < argc; ++a)
    {
        std::ifstream in(argv[a], std::ios::binary);
        std::string const body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if(!in.good() && !in.eof())
        {
            std::fprintf(stderr, "cannot read %s\n", argv[a]);
            return 2;
        }
        std::printf("%s (%s as a create body)\n", argv[a], gs::validate<connection>(body).ok() ? "valid" : "invalid");
        for(auto const& [label, opt] : {std::pair<char const*, fz::mutate_options>{"kit, default options", {}},
                                        std::pair<char const*, fz::mutate_options>{"byte-level steps only", bytes_only}})
        {
            auto const s = chain(body, opt);
            std::printf("  %-24s %d chained steps: %5.1f%% JSON, %5.1f%% valid create bodies, %.0f bytes on average\n",
                label, steps, s.json, s.valid, s.mean_size);
        }
    }
    by_operation_and_version<connection>("external_connection");
    by_operation_and_version<fuzz_model::item>("fuzz_model::item");
    speed<connection>("external_connection", 0);
    speed<connection>("external_connection", 1);
    speed<fuzz_model::item>("fuzz_model::item", 0);
    return 0;
}
