//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_BENCH_RATIOS_HPP
#define GRAPHSCHEMA_BENCH_RATIOS_HPP

#include <benchmark/benchmark.h>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace bench {

// The console output, plus every repetition's rates kept by case name,
// so that the ratios come from the run that printed them.
class collecting_reporter : public benchmark::ConsoleReporter
{
public:
    struct rates
    {
        std::vector<double> docs;  // documents per second, one per repetition
        std::vector<double> bytes; // bytes per second
        double median_docs = 0;    // the median aggregate, when only aggregates are reported
        double median_bytes = 0;
    };

    void ReportRuns(std::vector<Run> const& runs) override;

    std::size_t errors() const noexcept { return errors_; }

    // The median documents (or bytes) per second of a case; 0 when it did not run.
    double docs_per_second(std::string const& name) const;
    double bytes_per_second(std::string const& name) const;

    // The spread of a case's repetitions, (max - min) / median.
    double spread(std::string const& name) const;

    std::map<std::string, rates> const& all() const noexcept { return rates_; }

private:
    std::map<std::string, rates> rates_;
    std::size_t errors_ = 0;
};

// Prints every target's ratio and verdict; writes them as JSON to `file`
// when it is not empty.
void print_ratios(collecting_reporter const& r, std::string const& file);

} // bench

#endif
