//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_BENCH_CHECKERS_HPP
#define GRAPHSCHEMA_BENCH_CHECKERS_HPP

#include "corpus.hpp"

#include <graphschema/options.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace bench {

/*  One way of checking documents: graphschema's, a floor's or a peer's.
    Each lives in a file of its own, so that each library's headers are
    compiled alone, and runs its timed loop there, so that the loop calls
    it directly (no virtual call per document).
*/
class checker
{
public:
    virtual ~checker() = default;

    // The verdict on one document.
    virtual bool valid(std::string_view doc) = 0;

    // The number of valid documents of the set, in one pass: the timed loop.
    virtual std::size_t count_valid(document_set const& set) = 0;
};

// The timed loop, over the derived class's non-virtual check().
template<class Derived>
class checker_base : public checker
{
public:
    bool valid(std::string_view doc) final { return self().check(doc); }

    std::size_t
    count_valid(document_set const& set) final
    {
        std::size_t n = 0;
        for(auto const& d : set.documents)
            n += self().check(d.text);
        return n;
    }

private:
    Derived& self() noexcept { return static_cast<Derived&>(*this); }
};

// Where the benchmark finds its files and programs.
struct paths
{
    std::string source_dir; // bench/: the schemas, the ajv script, node_modules
    std::string cli;        // graphschema-validate
    std::string node;       // node
    std::string floor;      // graphschema-bench-floor
};

enum class role
{
    graphschema,
    floor,
    peer
};

struct checker_kind
{
    char const* name;
    role what;
    flaw_set seen; // the flaws it can see: it is checked on these
    char const* blind_spots; // what it cannot express, for the report
    std::unique_ptr<checker> (*make)(graphschema::operation op, paths const& where);
};

// Every in-process checker, graphschema's first.
std::vector<checker_kind> all_checkers();

// Each file's contribution to all_checkers().
std::vector<checker_kind> graphschema_checkers();
std::vector<checker_kind> boost_json_checkers();
std::vector<checker_kind> simdjson_checkers();
std::vector<checker_kind> rapidjson_checkers();
std::vector<checker_kind> valijson_checkers();
std::vector<checker_kind> nlohmann_checkers();

/*  The item validator (checker_items.cpp): external items checked against
    a registered schema, given as its registration body. Null, with
    `failure` said, when the validator refuses the schema.
*/
enum class item_check
{
    is_valid, // the verdict only, stopping at the first issue
    validate  // the full report: every issue, with pointer and position
};

std::unique_ptr<checker> make_item_checker(item_check what, std::string const& schema, std::string& failure);

// The JSON Schema (draft 2020-12) the item validator exports for an item
// body against `schema`, as text, for ajv; empty, with `failure` said, when
// it refuses the schema.
std::string item_json_schema(std::string const& schema, std::string& failure);

/*  The values decoding the valid documents of a set gives, for the cases
    that start from them: encoding (which has no verdict: it is checked once
    that decoding its output gives the same values back), and copying them,
    which makes exactly the allocations the values own (test/allocations.cpp
    counts them): the least any decoder into these structs must spend
    beyond parsing.
*/
class decoded_values
{
public:
    virtual ~decoded_values() = default;

    // Bytes written in one pass over every value: the timed loop.
    virtual std::size_t encode_all() = 0;

    // Copies every value (and destroys the copy); returns how many it copied.
    virtual std::size_t copy_all() = 0;

    // The number of values it holds (the valid documents of the set).
    virtual std::size_t size() const = 0;
};

// Decodes the valid documents of `set`; null, with `failure` said, when a
// round trip through encode fails.
std::unique_ptr<decoded_values> decode_all(document_set const& set, std::string& failure);

} // bench

#endif
