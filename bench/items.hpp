//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_BENCH_ITEMS_HPP
#define GRAPHSCHEMA_BENCH_ITEMS_HPP

#include "corpus.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace bench {

/*  The items corpus: a schema registration body (CONNECTORS.md §12, §13,
    §23.6) and external items (PUT bodies, §14 to §17) that conform to it
    (§22.5, §26), made from a seed like the rest of the corpus and from a
    stream of its own, so that the other sets stay what they were.

    The schema has 30 properties of every propertyType: string, int64,
    double, dateTime, boolean and the four collections; real JSON booleans,
    the enum's lowerCamelCase names, isSearchable only on string and
    stringCollection, isRefinable only on string and numeric types and
    never beside isSearchable, some labels (on retrievable properties of the
    label's type), aliases and descriptions; the names unique, ignoring
    ASCII case.

    Each item is about 1 KB: one to three acl entries, most of the schema's
    properties (collections with their "name@odata.type" annotation,
    dateTimes in ISO 8601, non-ASCII strings, some with their "String"
    annotation, escapes), and a text or html content that fills the item up
    to its drawn size (850 to 1,200 bytes).
*/

// What makes an item invalid against its registered schema.
enum class item_flaw : unsigned char
{
    none,
    unknown_property,    // a property the schema does not declare
    property_type,       // a value (or a collection's element) of the wrong JSON type for its propertyType
    date_time,           // a dateTime (or an element of a dateTimeCollection) not in ISO 8601
    missing_annotation,  // a collection without its name@odata.type
    wrong_annotation,    // a collection's annotation naming another type
    missing_acl,         // acl left out, or empty
    missing_properties,  // properties left out, or empty
    acl_enum,            // an acl type or accessType that is no member of its enum
    content_type,        // content.type that is no member of externalItemContentType
    duplicate_property,  // a declared property twice
    syntax,              // not JSON: truncated, trailing comma, missing colon
    count_
};

inline constexpr std::size_t item_flaw_count = static_cast<std::size_t>(item_flaw::count_);

char const* to_string(item_flaw f) noexcept;

// What a JSON Schema cannot express: duplicate keys (its data model has
// one value per key). The JSON Schema peer is checked on the rest.
constexpr bool
json_schema_sees(item_flaw f) noexcept
{
    return f != item_flaw::duplicate_property;
}

struct item_corpus
{
    std::string schema;      // the registration body: {"baseType":..,"properties":[..]}
    std::size_t properties = 0; // the schema's property count

    document_set items;      // valid items, one a line
    document_set invalid;    // items with one flaw each, every kind about as often
    std::vector<item_flaw> invalid_why; // the flaw of each of `invalid`'s documents
                             // (their document::why is flaw::none: that enum is the connection's)

    // The documents of `invalid` that a checker seeing only what `sees`
    // says it sees accepts.
    template<class Sees>
    std::size_t
    invalid_accepted_by(Sees sees) const
    {
        std::size_t n = 0;
        for(auto f : invalid_why)
            n += !sees(f);
        return n;
    }
};

// `items` valid items and `invalid` invalid ones.
item_corpus make_item_corpus(std::uint64_t seed, std::size_t items, std::size_t invalid);

// Every flaw's count in the invalid set, as "flaw=count, ..." (for the log).
std::string describe_flaws(item_corpus const& c);

} // bench

#endif
