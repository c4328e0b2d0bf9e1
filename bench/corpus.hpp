//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_BENCH_CORPUS_HPP
#define GRAPHSCHEMA_BENCH_CORPUS_HPP

#include <graphschema/options.hpp>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bench {

/*  The benchmark's own inputs, made from a seed: every run of the same
    binary with the same seed measures the same bytes. Each document says
    what is wrong with it (one flaw at most), so that every case can be
    checked against the verdicts, peers included: a peer that cannot
    express a rule is checked on the rules it can.
*/

// What makes a document invalid under RULES.md.
enum class flaw : unsigned char
{
    none,
    missing_required,   // a required member left out
    id_length,          // id shorter than 3 or longer than 32
    id_characters,      // id with a character outside A-Za-z0-9
    id_prefix,          // id beginning with Microsoft
    id_reserved,        // id one of the reserved values
    name_length,        // name empty or longer than 128 code points
    member_type,        // a declared member (or an array element) of the wrong JSON type
    odata_type_type,    // @odata.type that is not a string
    null_required,      // a required member sent as null
    null_element,       // null inside authorizedApps
    read_only,          // state sent in a create body
    odata_type_name,    // @odata.type naming another type (or in the wrong case)
    duplicate_member,   // a declared member twice
    duplicate_unknown,  // an undeclared member twice
    syntax,             // not JSON: truncated, trailing comma, missing colon
    invalid_utf8,       // a byte sequence that is not UTF-8, inside a string
    too_deep,           // nesting deeper than the limit of 64, in a kept member
    count_
};

inline constexpr std::size_t flaw_count = static_cast<std::size_t>(flaw::count_);

char const* to_string(flaw f) noexcept;

// A set of flaws, as the flaws a validator is able to see.
class flaw_set
{
public:
    constexpr flaw_set() noexcept = default;

    constexpr flaw_set(std::initializer_list<flaw> fs) noexcept
    {
        for(auto f : fs)
            bits_ |= bit(f);
    }

    static constexpr flaw_set
    all() noexcept
    {
        flaw_set s;
        s.bits_ = ((std::uint32_t(1) << flaw_count) - 1) & ~bit(flaw::none);
        return s;
    }

    constexpr bool contains(flaw f) const noexcept { return (bits_ & bit(f)) != 0; }

    constexpr flaw_set
    without(flaw_set other) const noexcept
    {
        flaw_set s;
        s.bits_ = bits_ & ~other.bits_;
        return s;
    }

private:
    static constexpr std::uint32_t bit(flaw f) noexcept { return std::uint32_t(1) << static_cast<unsigned>(f); }

    std::uint32_t bits_ = 0;
};

struct document
{
    std::string_view text;
    flaw why;
};

/*  A set of documents stored one a line in one buffer: the buffer is the
    NDJSON text of the set, followed by 64 bytes of spaces, so that every
    document is readable past its end (simdjson's padding).
*/
struct document_set
{
    std::string name;
    graphschema::operation operation = graphschema::operation::create;
    std::string storage;
    std::vector<document> documents;
    std::size_t bytes = 0; // the documents' bytes, newlines excluded

    std::size_t size() const noexcept { return documents.size(); }

    // The documents a validator blind to every flaw outside `seen` accepts.
    std::size_t valid_for(flaw_set seen) const noexcept;

    // The NDJSON text: every document and its newline.
    std::string_view ndjson() const noexcept { return {storage.data(), ndjson_size}; }

    std::size_t ndjson_size = 0;
};

struct corpus_scale
{
    std::size_t small = 1000;     // distinct small create bodies
    std::size_t current = 1000;   // distinct create bodies with today's members
    std::size_t large = 40;       // distinct large read bodies
    std::size_t stream = 100000;  // NDJSON stream length
    std::size_t sweep_max = 4u << 20;   // the largest document of the size sweep
    std::size_t sweep_bytes = 4u << 20; // bytes of documents per sweep size
};

struct corpus
{
    document_set small;  // create bodies of about 300 bytes, all valid
    document_set current; // create bodies with today's members (activitySettings, searchSettings, ...), all valid
    document_set large;  // read bodies of 20 to 60 KB, all valid
    document_set stream; // create bodies, about 10% of them with a flaw
    std::vector<document_set> sweep; // read bodies from 300 B to 4 MiB, all valid
};

corpus make_corpus(std::uint64_t seed, corpus_scale const& scale);

// Lays documents out in `set`, one a line, with the padding after the last.
void store(document_set& set, std::vector<std::pair<std::string, flaw>> const& docs);

// Every flaw's count in a set, as "flaw=count, ..." (for the log).
std::string describe_flaws(document_set const& s);

} // bench

#endif
