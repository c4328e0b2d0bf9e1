//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_FUZZ_CHECKS_HPP
#define GRAPHSCHEMA_FUZZ_CHECKS_HPP

// What the fuzz targets check, one function per target. The libFuzzer
// entry points (fuzz/*.cpp) abort on a failure; test/hostile/replay.cpp
// runs the same functions over fuzz/regressions/ in the ordinary suite.
//
// Each check returns the empty string when every property holds, else a
// short description of the first one that failed.
//
// The input of the decoding targets is a 4-byte header, then the document:
//
//   byte 0   model = b % 3 (externalConnection, configuration, fuzz item)
//            when b < 54, else the connector models by b / 54 (1 schema,
//            2 externalItem, 3 externalGroup, 4 addActivities: with the
//            options of b % 54 below 40 only),
//            operation = b / 3 % 3 (create, update, read),
//            unknown policy = b / 9 % 3 (preserve, ignore, reject),
//            version = b / 27 % 2 (beta, v1.0)
//   byte 1   max_depth, from depth_choices[b % 16]
//   byte 2   max_bytes, from byte_choices[b % 16]
//   byte 3   max_issues, from issue_choices[b % 8]
//
// Byte value 0 gives the default of each option, so that a seed is the
// header 'H 0 0 0' (H from its model, operation and policy) and the text.
// fuzz/make_corpus.py writes seeds in this form.

#include "fuzz_model.hpp"

#include <graphschema/graphschema.hpp>
#include <graphschema/item_validator.hpp>
#include <graphschema/ndjson.hpp>

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace fuzz_checks {

namespace gs = graphschema;

inline constexpr std::size_t unlimited = static_cast<std::size_t>(-1);

inline constexpr std::size_t depth_choices[16] = {
    64, 0, 1, 2, 3, 4, 5, 8, 16, 32, 64, 100, 1000, gs::max_depth_limit,
    gs::max_depth_limit + 1, unlimited};

inline constexpr std::size_t byte_choices[16] = {
    4194304, 0, 1, 2, 3, 8, 16, 32, 64, 128, 256, 1024, 4096, 65536, 4194304, unlimited};

inline constexpr std::size_t issue_choices[8] = {100, 0, 1, 2, 3, 5, 10, unlimited};

// The longest message an issue may carry: values are quoted cut to about
// 60 bytes, so a message never grows with the document.
inline constexpr std::size_t max_message_size = 1024;

enum class model_kind
{
    external_connection,
    configuration,
    item,
    // The connector models (issue 13): byte 0 of 54 and more.
    schema,
    external_item,
    external_group,
    add_activities
};

struct decode_input
{
    model_kind model = model_kind::external_connection;
    gs::decode_options options;
    std::string_view document;
};

inline decode_input
split_decode_input(std::uint8_t const* data, std::size_t size)
{
    decode_input in;
    auto byte = [&](std::size_t i) -> unsigned { return i < size ? data[i] : 0u; };
    unsigned const b0 = byte(0);
    in.model = b0 < 54 ? static_cast<model_kind>(b0 % 3) : static_cast<model_kind>(2 + b0 / 54);
    in.options.operation = static_cast<gs::operation>(b0 / 3 % 3);
    in.options.unknown = static_cast<gs::unknown_policy>(b0 / 9 % 3);
    in.options.version = b0 / 27 % 2 == 0 ? gs::api_version::beta : gs::api_version::v1_0;
    in.options.max_depth = depth_choices[byte(1) % 16];
    in.options.max_bytes = byte_choices[byte(2) % 16];
    in.options.max_issues = issue_choices[byte(3) % 8];
    if(size > 4)
        in.document = std::string_view(reinterpret_cast<char const*>(data) + 4, size - 4);
    return in;
}

// Calls f(T{}) with the model the input names.
template<class F>
decltype(auto)
with_model(model_kind m, F&& f)
{
    switch(m)
    {
    case model_kind::configuration: return f(gs::graph::configuration{});
    case model_kind::item: return f(fuzz_model::item{});
    case model_kind::schema: return f(gs::graph::schema{});
    case model_kind::external_item: return f(gs::graph::external_item{});
    case model_kind::external_group: return f(gs::graph::external_group{});
    case model_kind::add_activities: return f(gs::graph::add_activities{});
    case model_kind::external_connection: break;
    }
    return f(gs::graph::external_connection{});
}

// Collects the first failed property.
class findings
{
public:
    void
    expect(bool ok, char const* what)
    {
        if(!ok && failure_.empty())
            failure_ = what;
    }

    std::string
    take() &&
    {
        return std::move(failure_);
    }

private:
    std::string failure_;
};

inline bool
is_document_error(gs::error e) noexcept
{
    return e == gs::error::syntax_error || e == gs::error::depth_exceeded ||
        e == gs::error::size_exceeded;
}

// An RFC 6901 pointer: empty, or '/'-separated tokens in which '~' is
// always followed by '0' or '1'.
inline bool
is_json_pointer(std::string_view p) noexcept
{
    if(!p.empty() && p[0] != '/')
        return false;
    for(std::size_t i = 0; i < p.size(); ++i)
        if(p[i] == '~' && (i + 1 == p.size() || (p[i + 1] != '0' && p[i + 1] != '1')))
            return false;
    return true;
}

// What every report must be, whatever the document. `text` is null when
// the report comes from a DOM (no positions then).
inline void
check_report(findings& f, gs::report const& r, gs::decode_options const& opt,
    std::string_view const* text)
{
    f.expect(r.size() <= opt.max_issues, "a report keeps more issues than max_issues");
    f.expect(r.found() >= r.size(), "found() is less than the issues kept");
    f.expect(r.truncated() == (r.found() > r.size()), "truncated() disagrees with found()");
    f.expect(r.ok() == (r.found() == 0), "ok() disagrees with found()");
    // A report keeps issues until max_issues, or until their pointers would
    // pass max_bytes in all, the first issue aside, which is always kept
    // (check_validate_decode checks which exactly).
    std::size_t pointer_bytes = 0;
    for(auto const& i : r)
        pointer_bytes += i.pointer.size();
    f.expect(r.size() <= 1 || pointer_bytes <= opt.max_bytes, "the kept pointers hold more than max_bytes");
    f.expect(r.ok() || opt.max_issues == 0 || r.size() != 0, "an invalid document's report keeps no issue");
    std::size_t newlines = 0;
    if(text)
        for(char c : *text)
            newlines += c == '\n';
    for(auto const& i : r)
    {
        f.expect(!gs::to_string(i.code).empty(), "an issue has a code that is not a code");
        f.expect(is_json_pointer(i.pointer), "an issue's pointer is not an RFC 6901 pointer");
        f.expect(!i.message.empty(), "an issue has no message");
        f.expect(i.message.size() <= max_message_size, "an issue's message grows with the input");
        if(is_document_error(i.code))
        {
            f.expect(r.found() == 1, "a document-level issue does not come alone");
            f.expect(i.pointer.empty(), "a document-level issue has a pointer");
        }
        if(text)
        {
            f.expect(i.line >= 1 && i.column >= 1, "an issue from text has no position");
            f.expect(i.line <= newlines + 1, "an issue's line is past the end of the text");
            f.expect(i.column <= text->size() + 1, "an issue's column is past the end of the text");
        }
        else
            f.expect(i.line == 0 && i.column == 0, "an issue from a DOM has a position");
    }
    if(text && text->size() > opt.max_bytes)
    {
        f.expect(r.found() == 1, "a document over max_bytes is not rejected alone");
        if(!r.empty())
            f.expect(r[0].code == gs::error::size_exceeded && r[0].line == 1 && r[0].column == 1,
                "a document over max_bytes is not size_exceeded at 1:1");
    }
}

// A value the decoder must overwrite completely: decoding into it must
// give what decoding into a fresh value gives.
template<class T>
T
dirty_value()
{
    T v;
    char const* doc = nullptr;
    if constexpr(std::is_same<T, gs::graph::external_connection>::value)
        doc = R"({"id":"old","name":"n","description":"d","state":"ready","x":[1],)"
              R"("configuration":{"authorizedApps":["a"],"y":2}})";
    else if constexpr(std::is_same<T, gs::graph::configuration>::value)
        doc = R"({"authorizedApps":["a"],"authorizedAppIds":["b"],"d":{}})";
    else if constexpr(std::is_same<T, gs::graph::schema>::value)
        doc = R"({"baseType":"microsoft.graph.externalItem","id":"s","x":1,"properties":[{"name":"a",)"
              R"("type":"string","aliases":["b"],"isSearchable":true,"labels":["title"],"z":[]}]})";
    else if constexpr(std::is_same<T, gs::graph::external_item>::value)
        doc = R"({"id":"i1","acl":[{"type":"everyone","value":"v","accessType":"grant"}],)"
              R"("properties":{"title":"t","n@odata.type":"Int64","n":1},"content":{"type":"text","value":"c"}})";
    else if constexpr(std::is_same<T, gs::graph::external_group>::value)
        doc = R"({"id":"g1","displayName":"d","description":"x","members":[{"id":"u","type":"user"}],"q":2})";
    else if constexpr(std::is_same<T, gs::graph::add_activities>::value)
        doc = R"({"activities":[{"@odata.type":"#microsoft.graph.externalConnectors.externalActivity",)"
              R"("type":"created","startDateTime":"2024-01-01T00:00:00Z","performedBy":{"id":"u"}}]})";
    else
        doc = R"({"id":"old","title":"t","active":true,"bigNumber":5,"tiny":3,"level":2,)"
              R"("ratio":0.5,"weight":2,"colour":"red","mainPart":{"label":"l","counts":[1],"z":1},)"
              R"("parts":[{}],"tags":["a"],"palette":["darkGreen"],"payload":{"k":[]},"blobs":[1],"u":0,)"
              R"("note":null,"mood":"later","hue":"red","features":"red,darkGreen","extras":["red"],)"
              R"("shapes":[{"@odata.type":"#fuzz.square","sides":[1,2,3,4],"fill":"soon"},)"
              R"({"@odata.type":"#fuzz.future","q":1}],"pick":{"radius":2,"name":"n"},)"
              R"("spare":{"label":"s"},"betaTags":["b"]})";
    gs::decode_options read;
    read.operation = gs::operation::read;
    (void)gs::decode(doc, v, read);
    return v;
}

//------------------------------------------------------------------------------
// 1. Decoding from text: any input, any options.

inline std::string
check_decode(std::uint8_t const* data, std::size_t size)
{
    auto const in = split_decode_input(data, size);
    findings f;
    with_model(in.model, [&](auto tag) {
        using T = decltype(tag);
        // The non-throwing API: an exception escaping it ends the fuzzer.
        auto d = gs::decode<T>(in.document, in.options);
        check_report(f, d.report(), in.options, &in.document);
        bool threw = false;
        try
        {
            (void)d.value();
        }
        catch(gs::validation_error const& e)
        {
            threw = true;
            f.expect(e.report() == d.report(), "validation_error carries another report");
            if(!d.report().empty())
                f.expect(e.code() == d.report()[0].code, "validation_error's code is not the first issue's");
        }
        f.expect(threw == !d.ok(), "value() throws for a valid document, or not for an invalid one");

        T reused = dirty_value<T>();
        auto const again = gs::decode(in.document, reused, in.options);
        f.expect(again == d.report(), "decoding into a used value gives another report");
        f.expect(reused == *d, "decoding into a used value gives another value");
    });
    return std::move(f).take();
}

//------------------------------------------------------------------------------
// 2. Validating and decoding agree, the fail-fast and full reporters agree,
//    and the limits on the report change nothing but how many issues are
//    kept.

// The report `full` (every issue, no limit) becomes under `opt`: the
// issues in order while fewer than max_issues are kept and their pointers
// hold at most max_bytes in all; from the first one past that budget, none.
// The first issue is kept whatever its pointer.
inline std::size_t
expected_kept(gs::report const& full, gs::decode_options const& opt)
{
    std::size_t kept = 0, budget = opt.max_bytes;
    for(auto const& i : full)
    {
        if(kept == opt.max_issues || (kept != 0 && i.pointer.size() > budget))
            break;
        budget -= (std::min)(i.pointer.size(), budget);
        ++kept;
    }
    return kept;
}

inline std::string
check_validate_decode(std::uint8_t const* data, std::size_t size)
{
    auto const in = split_decode_input(data, size);
    findings f;
    with_model(in.model, [&](auto tag) {
        using T = decltype(tag);
        auto const v = gs::validate<T>(in.document, in.options);
        auto const d = gs::decode<T>(in.document, in.options);
        check_report(f, v, in.options, &in.document);
        f.expect(v == d.report(), "validate and decode give different reports");
        f.expect(v.ok() == d.ok(), "validate and decode give different verdicts");

        // The fail-fast reporter (is_valid) gives the full report's
        // verdict, building or not, and when valid builds the same value,
        // bytes included (-0.0 equals 0.0, an encoding tells them apart).
        auto const& node = gs::detail::node_of<T>::value;
        T built;
        bool const verdict = gs::detail::text_verdict<true>(node, &built, in.document, in.options);
        f.expect(verdict == v.ok(), "the fail-fast and full reporters give different verdicts");
        f.expect(gs::is_valid<T>(in.document, in.options) == v.ok(),
            "the fail-fast reporter gives another verdict when it builds nothing");
        if(verdict)
        {
            f.expect(built == *d, "the fail-fast and full reporters build different values");
            f.expect(gs::encode(built) == gs::encode(*d),
                "the fail-fast and full reporters build values that encode differently");
        }

        if(in.document.size() > in.options.max_bytes)
            return; // size_exceeded alone: check_report
        gs::decode_options all = in.options;
        all.max_issues = unlimited;
        all.max_bytes = unlimited;
        auto const full = gs::validate<T>(in.document, all);
        f.expect(!full.truncated(), "a report without limits is truncated");
        f.expect(full.found() == v.found(), "the limits on the report change the number of issues found");
        f.expect(v.size() == expected_kept(full, in.options),
            "a report keeps other issues than max_issues and the pointers' budget allow");
        for(std::size_t i = 0; i < v.size() && i < full.size(); ++i)
            f.expect(full[i] == v[i], "the limits on the report change which issues come first");
    });
    return std::move(f).take();
}

//------------------------------------------------------------------------------
// 3. Round trip: a valid document encodes to one that decodes to an equal
//    value and encodes to the same bytes.

inline std::string
check_round_trip(std::uint8_t const* data, std::size_t size)
{
    auto const in = split_decode_input(data, size);
    findings f;
    with_model(in.model, [&](auto tag) {
        using T = decltype(tag);
        auto const d = gs::decode<T>(in.document, in.options);
        if(!d.ok())
            return;
        // The canonical form may be longer than the input (@odata.type),
        // and deeper (a member the input left out, such as a vector, is
        // written empty).
        gs::decode_options again = in.options;
        again.max_bytes = unlimited;
        again.max_depth = gs::max_depth_limit;
        // Written for the version read (its type names; the members of
        // the other version are unknown ones, kept or not).
        gs::encode_options written;
        written.version = in.options.version;
        std::string const first = gs::encode(*d, written);
        auto const back = gs::decode<T>(first, again);
        f.expect(back.ok(), "the encoding of a valid document is not valid");
        f.expect(*back == *d, "decoding the encoding gives another value");
        f.expect(gs::encode(*back, written) == first, "encoding twice gives other bytes");
        f.expect(gs::validate(*d, again).ok(), "validate(value) rejects a decoded valid value");

        gs::encode_options bare = written;
        bare.odata_type = gs::odata_type_scope::nowhere;
        auto const plain = gs::decode<T>(gs::encode(*d, bare), again);
        f.expect(plain.ok() && *plain == *d, "the encoding without @odata.type does not round-trip");
        gs::encode_options root_only = written;
        root_only.odata_type = gs::odata_type_scope::root;
        auto const rooted = gs::decode<T>(gs::encode(*d, root_only), again);
        f.expect(rooted.ok() && *rooted == *d, "the encoding with @odata.type on the root only does not round-trip");

        // The encoding is JSON for any parser: Boost.JSON's DOM of it is
        // valid too (its numbers may be a unit in the last place away).
        boost::json::parse_options po;
        po.max_depth = gs::max_depth_limit + 1;
        boost::json::error_code ec;
        auto const jv = boost::json::parse(first, ec, {}, po);
        f.expect(!ec, "the encoding of a valid document does not parse");
        if(!ec)
            f.expect(gs::validate<T>(jv, again).ok(), "the DOM of the encoding of a valid document is not valid");

        // No document decodes to a NaN; one built in code is written as
        // the string "NaN", which validate(value) refuses.
        if constexpr(std::is_same<T, fuzz_model::item>::value)
        {
            T nan = *d;
            nan.weight = std::numeric_limits<double>::quiet_NaN();
            nan.ratio = std::numeric_limits<float>::quiet_NaN();
            std::string const text = gs::encode(nan);
            f.expect(text.find("\"ratio\":\"NaN\"") != std::string::npos &&
                    text.find("\"weight\":\"NaN\"") != std::string::npos,
                "a NaN is not written as \"NaN\"");
            gs::decode_options every = again;
            every.max_issues = unlimited;
            gs::report const r = gs::validate(nan, every);
            std::size_t mismatches = 0;
            for(auto const& i : r)
                mismatches += i.code == gs::error::type_mismatch &&
                    (i.pointer == "/weight" || i.pointer == "/ratio");
            f.expect(mismatches == 2, "validate(value) does not report a NaN");
        }
    });
    return std::move(f).take();
}

//------------------------------------------------------------------------------
// 4. Text and DOM agree, where the DOM can see the problem.

// What the text says that a parsed value does not: how many keys it has,
// duplicates included (more than the value holds means duplicates, which
// a DOM cannot see), and the text of each number read as a double.
class text_facts
{
public:
    static constexpr std::size_t max_object_size = unlimited;
    static constexpr std::size_t max_array_size = unlimited;
    static constexpr std::size_t max_key_size = unlimited;
    static constexpr std::size_t max_string_size = unlimited;

    using ec_t = boost::json::error_code;
    using sv_t = boost::json::string_view;

    std::size_t keys = 0;
    std::vector<std::string_view> doubles;

    bool on_document_begin(ec_t&) { return true; }
    bool on_document_end(ec_t&) { return true; }
    bool on_object_begin(ec_t&) { return true; }
    bool on_object_end(std::size_t, ec_t&) { return true; }
    bool on_array_begin(ec_t&) { return true; }
    bool on_array_end(std::size_t, ec_t&) { return true; }
    bool on_key_part(sv_t, std::size_t, ec_t&) { return true; }
    bool on_key(sv_t, std::size_t, ec_t&) { ++keys; return true; }
    bool on_string_part(sv_t, std::size_t, ec_t&) { return true; }
    bool on_string(sv_t, std::size_t, ec_t&) { return true; }
    bool on_number_part(sv_t, ec_t&) { return true; }
    bool on_int64(std::int64_t, sv_t, ec_t&) { return true; }
    bool on_uint64(std::uint64_t, sv_t, ec_t&) { return true; }
    bool on_double(double, sv_t s, ec_t&) { doubles.emplace_back(s.data(), s.size()); return true; }
    bool on_bool(bool, ec_t&) { return true; }
    bool on_null(ec_t&) { return true; }
    bool on_comment_part(sv_t, ec_t&) { return true; }
    bool on_comment(sv_t, ec_t&) { return true; }
};

// Calls f on every value of `root` (objects' members in order), depth first
// in document order, without recursion.
template<class F>
void
for_each_value(boost::json::value& root, F&& f)
{
    std::vector<boost::json::value*> todo{&root};
    while(!todo.empty())
    {
        boost::json::value* v = todo.back();
        todo.pop_back();
        f(*v);
        if(auto* o = v->if_object())
            for(auto it = o->end(); it != o->begin();)
                todo.push_back(&(--it)->value());
        else if(auto* a = v->if_array())
            for(auto it = a->end(); it != a->begin();)
                todo.push_back(&*--it);
    }
}

// A number's text as a decimal: 0.digits times 10 to the power exp, the
// digits without leading or trailing zeros (none for zero). Read
// independently of the library, to say what a number's text is exactly.
struct decimal
{
    bool negative = false;
    std::string digits;
    long long exp = 0;

    bool
    is_zero() const noexcept
    {
        return digits.empty();
    }

    friend bool
    operator==(decimal const& a, decimal const& b) noexcept
    {
        return (a.is_zero() && b.is_zero()) ||
            (a.negative == b.negative && a.digits == b.digits && a.exp == b.exp);
    }
};

// Reads a JSON number the parser has accepted.
inline decimal
read_decimal(std::string_view t)
{
    decimal d;
    std::size_t i = 0;
    d.negative = i < t.size() && t[i] == '-';
    i += d.negative;
    std::string all;
    long long point = 0;
    for(; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i, ++point)
        all += t[i];
    if(i < t.size() && t[i] == '.')
        for(++i; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i)
            all += t[i];
    long long e = 0;
    if(i < t.size() && (t[i] == 'e' || t[i] == 'E'))
    {
        ++i;
        bool const minus = i < t.size() && t[i] == '-';
        i += i < t.size() && (t[i] == '-' || t[i] == '+');
        for(; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i)
            e = std::min(e * 10 + (t[i] - '0'), 1000000000000LL);
        e = minus ? -e : e;
    }
    std::size_t const first = all.find_first_not_of('0');
    if(first == std::string::npos)
        return d;
    std::size_t const last = all.find_last_not_of('0');
    d.digits = all.substr(first, last - first + 1);
    d.exp = point - static_cast<long long>(first) + e;
    return d;
}

// The integer a decimal is, when it is one in int64's range.
inline bool
int64_of(decimal const& d, std::int64_t& out)
{
    if(d.is_zero())
    {
        out = 0;
        return true;
    }
    if(d.exp < static_cast<long long>(d.digits.size()) || d.exp > 19)
        return false;
    std::uint64_t m = 0;
    for(long long k = 0; k < d.exp; ++k)
        m = m * 10 + static_cast<unsigned>(k < static_cast<long long>(d.digits.size()) ? d.digits[k] - '0' : 0);
    constexpr std::uint64_t two63 = std::uint64_t(1) << 63;
    if(m > two63 || (m == two63 && !d.negative))
        return false;
    out = d.negative ? static_cast<std::int64_t>(0 - m) : static_cast<std::int64_t>(m);
    return true;
}

/*  Reads each double of `jv`, parsed from `text`, again from its text with
    std::from_chars: Boost.JSON 1.81 does not round every number correctly
    (and parses 0e400 as NaN), so its DOM may not hold the number the text
    says, and no decoder could see a fraction it lost. Numbers out of a
    double's range keep Boost's infinity (or zero).

    A double that is an integer may still not be what the text says, for
    an integer member: 9007199254740993.0 and 9223372036854775807.0 are
    integers that the nearest double is not, and -9223372036854775809 (out
    of int64's range) and 1e-400 (a fraction) read as doubles that are
    integers in range. The first kind becomes the int64 the text says,
    which the decoder reads as the text would be read, into any member; the
    second kind no DOM holds: `lost` is then set.

    Returns the number of keys in the text, duplicates included.
*/
inline std::size_t
make_precise(boost::json::value& jv, std::string_view text, boost::json::parse_options const& po,
    bool* lost = nullptr)
{
    boost::json::basic_parser<text_facts> p(po);
    boost::json::error_code ec;
    p.write_some(false, text.data(), text.size(), ec);
    auto const& doubles = p.handler().doubles;
    std::size_t next = 0;
    for_each_value(jv, [&](boost::json::value& v) {
        if(!v.is_double() || next >= doubles.size())
            return;
        auto const t = doubles[next++];
        double d = 0;
        auto const r = std::from_chars(t.data(), t.data() + t.size(), d);
        if(r.ec == std::errc() && r.ptr == t.data() + t.size())
            v = d;
        else
            d = v.get_double();
        constexpr double two63 = 9223372036854775808.0;
        if(!(std::isfinite(d) && d == std::floor(d) && std::fabs(d) <= two63))
            return;
        decimal const said = read_decimal(t);
        std::uint64_t const m = std::fabs(d) == two63 ? std::uint64_t(1) << 63
                                                      : static_cast<std::uint64_t>(std::fabs(d));
        decimal held = read_decimal(std::to_string(m));
        held.negative = d < 0;
        if(said == held)
            return;
        std::int64_t i = 0;
        if(int64_of(said, i))
            v = i;
        else if(lost)
            *lost = true;
    });
    return p.handler().keys;
}

// The members of every object of a value.
inline std::size_t
count_dom_keys(boost::json::value& root)
{
    std::size_t n = 0;
    for_each_value(root, [&](boost::json::value const& v) {
        if(auto const* o = v.if_object())
            n += o->size();
    });
    return n;
}

// The canonical form of a decoded value as a DOM: kept members compare by
// value, since the DOM path re-serializes them. Sets `json` to false when
// the encoding is not JSON.
template<class T>
boost::json::value
normalized(T const& v, boost::json::storage_ptr sp, bool& json)
{
    boost::json::parse_options po;
    po.max_depth = gs::max_depth_limit + 1;
    boost::json::error_code ec;
    auto const text = gs::encode(v);
    auto jv = boost::json::parse(text, ec, std::move(sp), po);
    json = !ec;
    if(json)
        make_precise(jv, text, po);
    return jv;
}

inline std::string
check_text_dom(std::uint8_t const* data, std::size_t size)
{
    auto in = split_decode_input(data, size);
    // A DOM has no size: compare the rest.
    in.options.max_bytes = unlimited;
    findings f;
    with_model(in.model, [&](auto tag) {
        using T = decltype(tag);
        auto const text = gs::decode<T>(in.document, in.options);
        auto const& tr = text.report();
        bool const doc_error = !tr.ok() && !tr.empty() && is_document_error(tr[0].code);

        // The DOM is allowed the deepest nesting the decoder accepts, so
        // that depth is the decoder's to judge on both paths.
        boost::json::monotonic_resource mr;
        boost::json::parse_options po;
        po.max_depth = gs::max_depth_limit;
        boost::json::error_code ec;
        boost::json::value const raw = boost::json::parse(in.document, ec, &mr, po);
        if(ec)
        {
            f.expect(tr.found() == 1, "text the DOM parser rejects is not one document issue");
            if(!tr.empty())
            {
                f.expect(doc_error, "text the DOM parser rejects is not a document issue");
                if(ec == boost::json::error::too_deep)
                    f.expect(tr[0].code == gs::error::depth_exceeded,
                        "text too deep for the DOM parser is not depth_exceeded");
            }
            return;
        }
        if(!tr.empty())
            f.expect(tr[0].code != gs::error::syntax_error, "text the DOM parser accepts is a syntax_error");

        // Boost's DOM, numbers as it parsed them: whatever they are, what it
        // decodes to must encode to JSON.
        auto const from_raw = gs::decode<T>(raw, in.options);
        check_report(f, from_raw.report(), in.options, nullptr);
        bool raw_json = false;
        (void)normalized(*from_raw, &mr, raw_json);
        f.expect(raw_json, "a value decoded from a DOM encodes to text that is not JSON");

        // The same DOM with the numbers the text says, for the comparison.
        boost::json::value jv(raw, &mr);
        bool lost = false;
        std::size_t const text_keys = make_precise(jv, in.document, po, &lost);
        auto const dom = gs::decode<T>(jv, in.options);
        auto const& dr = dom.report();

        if(text_keys != count_dom_keys(jv))
        {
            // Duplicate keys: the DOM kept one of each, the text must say so.
            gs::decode_options all = in.options;
            all.max_issues = unlimited;
            auto const full = gs::validate<T>(in.document, all);
            if(!(full.found() == 1 && is_document_error(full[0].code)))
                f.expect(full.contains(gs::error::duplicate_property),
                    "text with duplicate keys has no duplicate_property");
            return;
        }
        // A number no double holds, which only the text can judge in an
        // integer member.
        if(lost)
            return;

        f.expect(tr.found() == dr.found(), "text and DOM find different numbers of issues");
        f.expect(tr.size() == dr.size(), "text and DOM keep different numbers of issues");
        for(std::size_t i = 0; i < tr.size() && i < dr.size(); ++i)
        {
            f.expect(tr[i].code == dr[i].code, "text and DOM give different codes");
            f.expect(tr[i].pointer == dr[i].pointer, "text and DOM give different pointers");
            f.expect(tr[i].message == dr[i].message, "text and DOM give different messages");
        }
        if(!doc_error)
        {
            bool text_json = false, dom_json = false;
            auto const a = normalized(*text, &mr, text_json);
            auto const b = normalized(*dom, &mr, dom_json);
            f.expect(text_json, "a value decoded from text encodes to text that is not JSON");
            f.expect(dom_json, "a value decoded from a DOM encodes to text that is not JSON");
            f.expect(a == b, "text and DOM decode to different values");
        }
    });
    return std::move(f).take();
}

//------------------------------------------------------------------------------
// 5. The NDJSON splitter: any chunking gives the same lines, within the
//    memory limit, with oversized lines reported with their size.

// The program's heap in use, kept by the replacement of operator new in
// fuzz/heap_meter.cpp, which every program calling check_ndjson links.
struct heap_meter
{
    // Bytes allocated with operator new and not yet freed.
    static std::size_t live() noexcept;
    // The most live bytes since the last call of restart_peak().
    static std::size_t peak() noexcept;
    static void restart_peak() noexcept;
};

inline constexpr std::size_t line_choices[16] = {
    0, 1, 2, 3, 4, 5, 8, 13, 16, 31, 64, 100, 256, 1000, 4096, 65536};

struct expected_line
{
    std::string_view text;
    std::size_t number;
    bool oversized;
    std::size_t size;
};

// The lines as the splitter's contract states them, computed directly.
inline std::vector<expected_line>
reference_lines(std::string_view stream, std::size_t max, std::size_t& completed)
{
    std::vector<expected_line> out;
    completed = 0;
    std::size_t number = 1;
    while(!stream.empty())
    {
        auto const nl = stream.find('\n');
        auto const line = stream.substr(0, nl);
        bool const oversized = line.size() > max;
        if(nl != std::string_view::npos || !line.empty())
        {
            if(oversized || line.find_first_not_of(" \t\r") != std::string_view::npos)
                out.push_back({oversized ? std::string_view() : line, number, oversized, line.size()});
            ++number;
            ++completed;
        }
        if(nl == std::string_view::npos)
            break;
        stream.remove_prefix(nl + 1);
    }
    return out;
}

// A small deterministic generator for chunk sizes.
class xorshift
{
public:
    explicit xorshift(std::uint32_t seed) noexcept : s_(seed ? seed : 0x9e3779b9u) {}

    std::uint32_t
    next() noexcept
    {
        s_ ^= s_ << 13;
        s_ ^= s_ >> 17;
        s_ ^= s_ << 5;
        return s_;
    }

private:
    std::uint32_t s_;
};

inline std::string
check_ndjson(std::uint8_t const* data, std::size_t size)
{
    auto byte = [&](std::size_t i) -> std::uint32_t { return i < size ? data[i] : 0u; };
    std::size_t const max = line_choices[byte(0) % 16];
    std::uint32_t const seed = byte(1) | byte(2) << 8 | byte(3) << 16 | byte(4) << 24;
    std::string_view const stream = size > 5
        ? std::string_view(reinterpret_cast<char const*>(data) + 5, size - 5)
        : std::string_view();

    std::size_t completed = 0;
    auto const expected = reference_lines(stream, max, completed);
    findings f;

    // Splits the stream in chunks of the sizes `next_size` gives; the
    // callback compares as it goes, allocating nothing, so that the heap
    // measured is the splitter's own.
    auto split = [&](auto next_size, bool whole_stream) {
        std::size_t seen = 0;
        bool same = true, in_chunk = true, oversized_empty = true;
        std::size_t const before = heap_meter::live();
        std::size_t held = 0;
        heap_meter::restart_peak();
        std::string_view chunk;
        auto on_line = [&](gs::ndjson_splitter::line const& l) {
            if(seen >= expected.size())
            {
                same = false;
                return;
            }
            auto const& e = expected[seen++];
            same = same && l.number == e.number && l.oversized == e.oversized &&
                l.size == e.size && l.text == e.text;
            oversized_empty = oversized_empty && (!l.oversized || l.text.empty());
            // A line that lies whole in one chunk is a view into it.
            if(whole_stream && !l.oversized && !l.text.empty() && !chunk.empty())
                in_chunk = in_chunk && l.text.data() >= chunk.data() &&
                    l.text.data() + l.text.size() <= chunk.data() + chunk.size();
        };
        {
            gs::ndjson_splitter splitter(max);
            std::string_view rest = stream;
            while(!rest.empty())
            {
                std::size_t n = next_size();
                if(n > rest.size())
                    n = rest.size();
                chunk = rest.substr(0, n);
                splitter.write(chunk, on_line);
                rest.remove_prefix(n);
                held = std::max(held, heap_meter::live() - before);
            }
            chunk = {};
            splitter.finish(on_line);
            f.expect(splitter.lines() == completed, "lines() is not the number of lines completed");
        }
        std::size_t const peak = heap_meter::peak() - before;
        f.expect(same && seen == expected.size(), "a chunking changes the lines");
        f.expect(oversized_empty, "an oversized line comes with text");
        f.expect(in_chunk, "a line whole in one chunk is copied");
        // Between calls the splitter holds at most the limit; within one,
        // growing its buffer holds the old block and the new for a moment,
        // each within the limit. The slack is the allocator's rounding of a
        // block (malloc_usable_size: at most 24 bytes more than asked).
        std::size_t const slack = 32;
        f.expect(held <= max + slack, "the splitter holds more than the line limit");
        f.expect(peak <= 2 * (max + slack), "the splitter's heap peaks above twice the line limit");
    };

    split([&] { return stream.size(); }, true);
    split([] { return std::size_t(1); }, false);
    xorshift rng(seed);
    split([&] { return std::size_t(1 + rng.next() % (2 * max + 3)); }, false);
    split([&] { return std::size_t(1 + rng.next() % 64); }, false);
    return std::move(f).take();
}

//------------------------------------------------------------------------------
// 7. item_validator: items against one registered schema, made once (every
// property type, collections and principals). The header is the decoding
// targets' (its model part unused); the document is an item.

// The registration body of the fuzzed validator.
inline constexpr std::string_view item_schema_body =
    R"({"baseType":"microsoft.graph.externalItem","properties":[)"
    R"({"name":"title","type":"string","isSearchable":true},{"name":"count","type":"int64"},)"
    R"({"name":"score","type":"double"},{"name":"created","type":"dateTime"},)"
    R"({"name":"done","type":"boolean"},{"name":"tags","type":"stringCollection"},)"
    R"({"name":"sizes","type":"int64Collection"},{"name":"weights","type":"doubleCollection"},)"
    R"({"name":"dates","type":"dateTimeCollection"},{"name":"owner","type":"principal"},)"
    R"({"name":"editors","type":"principalCollection"}]})";

inline gs::item_validator const&
fuzzed_item_validator()
{
    static gs::item_validator const v{item_schema_body};
    return v;
}

inline std::string
check_item_validator(std::uint8_t const* data, std::size_t size)
{
    auto in = split_decode_input(data, size);
    gs::item_validator const& v = fuzzed_item_validator();
    findings f;
    auto const tr = v.validate(in.document, in.options);
    check_report(f, tr, in.options, &in.document);
    f.expect(v.is_valid(in.document, in.options) == tr.ok(), "is_valid and validate disagree on an item");
    auto const decoded = v.decode(in.document, in.options);
    f.expect(decoded.report().ok() == tr.ok(), "decode and validate disagree on an item's verdict");

    // The same item as a DOM: the same issues (a DOM has no size).
    in.options.max_bytes = unlimited;
    auto const text = v.validate(in.document, in.options);
    bool const doc_error = !text.ok() && !text.empty() && is_document_error(text[0].code);
    boost::json::monotonic_resource mr;
    boost::json::parse_options po;
    po.max_depth = gs::max_depth_limit;
    boost::json::error_code ec;
    boost::json::value const raw = boost::json::parse(in.document, ec, &mr, po);
    if(ec)
    {
        f.expect(text.found() == 1 && (text.empty() || doc_error),
            "an item the DOM parser rejects is not one document issue");
        return std::move(f).take();
    }
    boost::json::value jv(raw, &mr);
    bool lost = false;
    std::size_t const text_keys = make_precise(jv, in.document, po, &lost);
    if(text_keys != count_dom_keys(jv) || lost)
        return std::move(f).take(); // duplicates, or a number only the text can judge
    auto const dom = v.validate(jv, in.options);
    f.expect(v.is_valid(jv, in.options) == dom.ok(), "is_valid and validate disagree on an item's DOM");
    f.expect(text.found() == dom.found(), "an item's text and DOM find different numbers of issues");
    f.expect(text.size() == dom.size(), "an item's text and DOM keep different numbers of issues");
    for(std::size_t i = 0; i < text.size() && i < dom.size(); ++i)
    {
        f.expect(text[i].code == dom[i].code, "an item's text and DOM give different codes");
        f.expect(text[i].pointer == dom[i].pointer, "an item's text and DOM give different pointers");
        f.expect(text[i].message == dom[i].message, "an item's text and DOM give different messages");
    }
    return std::move(f).take();
}

} // fuzz_checks

#endif
