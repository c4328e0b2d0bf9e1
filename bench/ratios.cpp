//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#include "ratios.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>

namespace bench {

namespace {

double
median(std::vector<double> v)
{
    if(v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    std::size_t const n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// A ratio of two cases' documents per second, and what it must reach.
struct target
{
    char const* label;
    char const* numerator;
    char const* denominator;
    double goal;  // 0: for information
    bool ahead;   // the ratio must exceed the goal, not only reach it
};

constexpr target targets[] = {
    {"validate-only vs do-nothing basic_parser, small", "graphschema.validate/small", "floor.basic_parser_null/small", 0.8, false},
    {"validate-only vs do-nothing basic_parser, large", "graphschema.validate/large", "floor.basic_parser_null/large", 0, false},
    {"decode vs parse + value_to, small", "graphschema.decode/small", "peer.boost_value_to/small", 2, false},
    {"decode (reused value) vs parse + value_to, small", "graphschema.decode_reused/small", "peer.boost_value_to/small", 2, false},
    {"decode vs parse + value_to, large", "graphschema.decode/large", "peer.boost_value_to/large", 2, false},
    {"decode (reused value) vs parse + value_to, large", "graphschema.decode_reused/large", "peer.boost_value_to/large", 2, false},
    {"validate-only vs RapidJSON SchemaValidator, small", "graphschema.validate/small", "peer.rapidjson_schema/small", 3, false},
    {"validate-only vs valijson, small", "graphschema.validate/small", "peer.valijson/small", 10, false},
    {"validate-only vs RapidJSON SchemaValidator, large", "graphschema.validate/large", "peer.rapidjson_schema/large", 1, true},
    {"validate-only vs valijson, large", "graphschema.validate/large", "peer.valijson/large", 1, true},
    {"CLI vs ajv, NDJSON stream, whole process", "process.graphschema_validate/stream", "process.ajv/stream", 3, false},
    {"CLI, text, vs do-nothing basic_parser, NDJSON stream, whole process", "process.graphschema_validate/stream", "process.floor_basic_parser/stream", 0.6, false},
    {"CLI, JSON output, vs do-nothing basic_parser, NDJSON stream, whole process", "process.graphschema_validate_json/stream", "process.floor_basic_parser/stream", 0.6, false},
    {"CLI, text, whole process, vs RapidJSON SchemaValidator in process, stream", "process.graphschema_validate/stream", "peer.rapidjson_schema/stream", 2, false},
    {"CLI, JSON output, whole process, vs RapidJSON SchemaValidator in process, stream", "process.graphschema_validate_json/stream", "peer.rapidjson_schema/stream", 2, false},
    {"CLI --jobs 2 vs --jobs 1, text, NDJSON stream, wall time", "process.graphschema_validate_jobs2/stream", "process.graphschema_validate/stream", 0, false},
    {"basic_parser with only the member lookup vs do-nothing, small", "floor.basic_parser_lookup/small", "floor.basic_parser_null/small", 0, false},
    {"validate-only vs basic_parser with only the member lookup, small", "graphschema.validate/small", "floor.basic_parser_lookup/small", 0, false},
    {"validate-only vs boost::json::parse, small", "graphschema.validate/small", "floor.boost_parse/small", 0, false},
    {"validate-only vs simdjson on-demand + checks, small", "graphschema.validate/small", "floor.simdjson_ondemand/small", 0, false},
    {"validate-only vs nlohmann + checks, small", "graphschema.validate/small", "peer.nlohmann/small", 0, false},
    {"validate-only vs simdjson on-demand + checks, large", "graphschema.validate/large", "floor.simdjson_ondemand/large", 0, false},
    {"validate-only vs nlohmann + checks, large", "graphschema.validate/large", "peer.nlohmann/large", 0, false},
    // Items against a registered schema of 30 properties (issue 13).
    {"item validator is_valid vs do-nothing basic_parser, items", "graphschema.item_is_valid/items", "floor.basic_parser_null/items", 0.6, false},
    {"item validator validate vs do-nothing basic_parser, items", "graphschema.item_validate/items", "floor.basic_parser_null/items", 0.6, false},
    {"CLI --type externalItem vs do-nothing basic_parser, items NDJSON, whole process", "process.graphschema_validate/items", "process.floor_basic_parser/items", 0.6, false},
    {"CLI --type externalItem vs ajv, items NDJSON, whole process", "process.graphschema_validate/items", "process.ajv/items", 0, false},
    {"item validator validate vs is_valid, items", "graphschema.item_validate/items", "graphschema.item_is_valid/items", 0, false},
    {"item validator is_valid vs do-nothing basic_parser, invalid items", "graphschema.item_is_valid/items_invalid", "floor.basic_parser_null/items_invalid", 0, false},
    {"item validator validate vs do-nothing basic_parser, invalid items", "graphschema.item_validate/items_invalid", "floor.basic_parser_null/items_invalid", 0, false},
};

// Time per byte over the size sweep of one case: the largest over the smallest.
struct linearity
{
    char const* label;
    char const* prefix;
    double goal; // at most
};

constexpr linearity sweeps[] = {
    {"validate-only time per byte, largest / smallest over the sizes", "sweep.graphschema.validate/", 1.5},
    {"decode (reused value) time per byte, largest / smallest", "sweep.graphschema.decode_reused/", 1.5},
    {"do-nothing basic_parser time per byte, largest / smallest", "sweep.floor.basic_parser_null/", 0},
};

std::string
quoted(std::string const& s)
{
    std::string out = "\"";
    for(char c : s)
    {
        if(c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "\"";
}

} // namespace

void
collecting_reporter::ReportRuns(std::vector<Run> const& runs)
{
    for(auto const& r : runs)
    {
        if(r.error_occurred)
        {
            ++errors_;
            continue;
        }
        bool const median_aggregate = r.run_type == Run::RT_Aggregate && r.aggregate_name == "median";
        if(r.run_type != Run::RT_Iteration && !median_aggregate)
            continue;
        auto& v = rates_[r.run_name.function_name];
        auto const docs = r.counters.find("docs/s");
        auto const bytes = r.counters.find("bytes_per_second");
        double const d = docs != r.counters.end() ? docs->second.value : 0;
        double const b = bytes != r.counters.end() ? bytes->second.value : 0;
        if(median_aggregate)
        {
            v.median_docs = d;
            v.median_bytes = b;
        }
        else
        {
            v.docs.push_back(d);
            v.bytes.push_back(b);
        }
    }
    ConsoleReporter::ReportRuns(runs);
}

double
collecting_reporter::docs_per_second(std::string const& name) const
{
    auto const it = rates_.find(name);
    if(it == rates_.end())
        return 0;
    return it->second.docs.empty() ? it->second.median_docs : median(it->second.docs);
}

double
collecting_reporter::bytes_per_second(std::string const& name) const
{
    auto const it = rates_.find(name);
    if(it == rates_.end())
        return 0;
    return it->second.bytes.empty() ? it->second.median_bytes : median(it->second.bytes);
}

double
collecting_reporter::spread(std::string const& name) const
{
    auto const it = rates_.find(name);
    if(it == rates_.end() || it->second.docs.empty())
        return 0;
    auto const& v = it->second.docs;
    auto const [lo, hi] = std::minmax_element(v.begin(), v.end());
    return (*hi - *lo) / median(v);
}

void
print_ratios(collecting_reporter const& r, std::string const& file)
{
    std::string json = "{\n  \"ratios\": [";
    bool first = true;
    auto emit = [&](std::string const& label, double value, double goal, char const* kind, bool met,
                    std::string const& detail) {
        char const* verdict = goal == 0 ? "" : value == 0 ? "NOT RUN" : met ? "met" : "MISSED";
        std::printf("  %-72s %8.2f  %s%-5.4g %s\n", label.c_str(), value,
            goal == 0 ? "     " : (std::string(kind) == "at_most" ? "<=  " : ">=  "), goal, verdict);
        json += first ? "\n" : ",\n";
        first = false;
        json += "    {\"label\": " + quoted(label) + ", \"value\": " + std::to_string(value) +
            ", \"goal\": " + std::to_string(goal) + ", \"kind\": \"" + (goal == 0 ? "info" : kind) +
            "\", \"met\": " + (goal == 0 || value == 0 ? "null" : met ? "true" : "false") + detail + "}";
    };

    std::printf("\nratios of the medians of this run (documents per second):\n");
    for(auto const& t : targets)
    {
        double const a = r.docs_per_second(t.numerator);
        double const b = r.docs_per_second(t.denominator);
        double const v = a > 0 && b > 0 ? a / b : 0;
        emit(t.label, v, t.goal, "at_least", t.ahead ? v > t.goal : v >= t.goal,
            ", \"numerator\": " + quoted(t.numerator) + ", \"denominator\": " + quoted(t.denominator));
    }
    // What decoding into these structs cannot beat: parsing (the do-nothing
    // parser) plus the allocations and copies the values own (copying them).
    for(char const* set : {"small", "large"})
    {
        double const parse = r.docs_per_second(std::string("floor.basic_parser_null/") + set);
        double const copy = r.docs_per_second(std::string("floor.struct_copy/") + set);
        double const peer = r.docs_per_second(std::string("peer.boost_value_to/") + set);
        double const bound = parse > 0 && copy > 0 && peer > 0 ? (1 / peer) / (1 / parse + 1 / copy) : 0;
        emit(std::string("bound on decode vs parse + value_to (parse floor + struct copy), ") + set, bound, 0,
            "info", false, "");
    }
    for(auto const& s : sweeps)
    {
        double lo = 0, hi = 0;
        std::string points;
        for(auto const& [name, rates] : r.all())
        {
            if(name.compare(0, std::string(s.prefix).size(), s.prefix) != 0 || r.bytes_per_second(name) == 0)
                continue;
            double const ns_per_byte = 1e9 / r.bytes_per_second(name);
            lo = lo == 0 ? ns_per_byte : std::min(lo, ns_per_byte);
            hi = std::max(hi, ns_per_byte);
            points += (points.empty() ? "" : ", ") + std::string("[") + name.substr(std::string(s.prefix).size()) +
                ", " + std::to_string(ns_per_byte) + "]";
        }
        double const v = lo > 0 ? hi / lo : 0;
        emit(s.label, v, s.goal, "at_most", v <= s.goal, ", \"ns_per_byte\": [" + points + "]");
    }
    std::printf("\nspread of the repetitions, (max - min) / median of documents per second:\n");
    json += "\n  ],\n  \"spread\": {";
    first = true;
    for(auto const& [name, rates] : r.all())
    {
        double const sp = r.spread(name);
        std::printf("  %-52s %5.1f%% (%zu runs)\n", name.c_str(), 100 * sp, rates.docs.size());
        json += (first ? "\n    " : ",\n    ") + quoted(name) + ": " + std::to_string(sp);
        first = false;
    }
    json += "\n  }\n}\n";
    if(!file.empty())
        std::ofstream(file, std::ios::binary) << json;
}

} // bench
