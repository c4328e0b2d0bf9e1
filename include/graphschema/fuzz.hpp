//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_FUZZ_HPP
#define GRAPHSCHEMA_FUZZ_HPP

/*  A fuzzing kit for code that takes Graph payloads: model-aware
    generation, a libFuzzer custom mutator and a cross-over.

    Byte-level mutation rarely gets a body past JSON parsing and the first
    required-member check, so the code behind them is seldom reached. The
    kit knows each model's members, types, rules and type names (the tables
    the decoder walks), so it writes documents that are valid for an
    operation, or that break exactly one rule, and mutates a document the
    way the model allows. See docs/fuzzing.md.

    Not included by <graphschema/graphschema.hpp>: only fuzz targets and
    their tests need it.

    How it works: a document is a small tree (`detail::jvalue`) built from
    the model's tables, or parsed from the input by Boost.JSON; mutations
    and flaws change the tree; a writer prints it with varied whitespace,
    escapes and number spellings. The one place that reads the engine's
    tables is the adapter section below.
*/

#include <graphschema/decode.hpp>
#include <graphschema/encode.hpp>
#include <graphschema/error.hpp>
#include <graphschema/model.hpp>
#include <graphschema/options.hpp>
#include <graphschema/report.hpp>
#include <graphschema/validate.hpp>
#include <graphschema/detail/rules.hpp>
#include <graphschema/detail/tables.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/parse_options.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// libFuzzer's own byte-level mutator, when the program is linked with
// libFuzzer; declared weak so that the kit links without it (the address
// is then null, and the kit uses a small byte mutator of its own).
#if defined(__GNUC__) || defined(__clang__)
extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size)
    __attribute__((weak));
# define GRAPHSCHEMA_FUZZ_HAS_LLVM_MUTATE 1
#else
# define GRAPHSCHEMA_FUZZ_HAS_LLVM_MUTATE 0
#endif

namespace graphschema {
namespace fuzz {

/** What @ref generate writes.

    The limits are those of the `decode_options` the documents are meant
    for (see @ref decode_options_for): a valid document stays within them,
    and the depth and size flaws go one step past them.
*/
struct generate_options
{
    /// What the documents are for: a valid one is valid for this operation.
    graphschema::operation operation = graphschema::operation::create;

    /// The Graph version the documents are for: a valid one has only the
    /// members of that version and those it requires; a member of the
    /// other version is an unknown member (a flaw under `reject`).
    api_version version = api_version::beta;

    /// The policy the documents are validated under: with `reject`, a
    /// valid document has no unknown member in a closed model, and an
    /// unknown member is one of the flaws.
    unknown_policy unknown = unknown_policy::preserve;

    /// The share of documents that break something, from 0 (every
    /// document valid) to 1 (every document invalid).
    double invalid_ratio = 0;

    /// The decoder's `max_depth`: a valid document nests no deeper (when
    /// its required members allow), the depth flaw one level deeper.
    std::size_t max_depth = 64;

    /// The decoder's `max_bytes`: a valid document is no longer (when its
    /// required members allow); the size flaw is one byte longer, chosen
    /// only when that is under `max_size`.
    std::size_t max_bytes = 4194304;

    /// The longest document to write, in bytes: a soft bound (a valid
    /// document whose required members need more is written anyway).
    std::size_t max_size = 65536;

    /// The deepest nesting of what a valid document has beyond its
    /// required members (nested models, arrays, values of raw, unknown and
    /// annotation members); never more than `max_depth`.
    std::size_t max_nesting = 6;

    /// The most elements in a generated array, and the most annotations
    /// and unknown members added to one object.
    std::size_t max_elements = 4;
};

/** What @ref mutate and @ref cross_over do: the options of @ref generate
    (used for fallback documents and new values), with `invalid_ratio`
    meaning the share of steps on a valid document that break one rule
    (0.1 by default), plus the share of byte-level steps.
*/
struct mutate_options : generate_options
{
    mutate_options() noexcept
    {
        invalid_ratio = 0.1;
    }

    /// The share of steps that mutate bytes rather than the model's
    /// values: through `LLVMFuzzerMutate` when linked with libFuzzer, else
    /// with the kit's own byte mutator. Reaches the parser's edges.
    double byte_ratio = 1.0 / 16;
};

/// The `decode_options` the documents of `opt` are valid (or invalid) for.
inline decode_options
decode_options_for(generate_options const& opt) noexcept
{
    decode_options d;
    d.operation = opt.operation;
    d.version = opt.version;
    d.unknown = opt.unknown;
    d.max_depth = opt.max_depth;
    d.max_bytes = opt.max_bytes;
    return d;
}

namespace detail {

//==============================================================================
// Adapter: the kit's only view of the engine's tables (graphschema::detail).
// When the engine changes how it stores a model, this section changes, and
// nothing below it.

namespace engine = ::graphschema::detail;

/// The kinds of value the kit generates.
enum class kind : unsigned char
{
    string,
    boolean,
    integer,
    number,
    enumeration, // E or open_enum<E>
    flags,       // flags<E>: a string of names, or an array of them
    array,
    model,
    one_of,      // one_of<Base, Derived...>: selected by @odata.type
    raw
};

class model_ref;

/// A member's or element's type.
class type_ref
{
public:
    explicit type_ref(engine::type_node const& n) noexcept
        : n_(&n)
    {
    }

    kind
    get() const noexcept
    {
        switch(n_->kind)
        {
        case engine::value_kind::string:      return kind::string;
        case engine::value_kind::boolean:     return kind::boolean;
        case engine::value_kind::integer:     return kind::integer;
        case engine::value_kind::number:      return kind::number;
        case engine::value_kind::enumeration: return kind::enumeration;
        case engine::value_kind::flags:       return kind::flags;
        case engine::value_kind::array:       return kind::array;
        case engine::value_kind::model:       return kind::model;
        case engine::value_kind::one_of:      return kind::one_of;
        default:                              return kind::raw;
        }
    }

    /// The C++ type's range (integers).
    std::int64_t min_value() const noexcept { return n_->min_value; }
    std::int64_t max_value() const noexcept { return n_->max_value; }

    /// The JSON names of the enumerators (enumerations, flags).
    std::size_t enumerator_count() const noexcept { return n_->enumeration->count; }
    std::string_view enumerator(std::size_t i) const noexcept { return n_->enumeration->names[i]; }

    /// Whether a name no enumerator has is kept (open_enum, flags) in `op`.
    bool
    unknown_name_valid(operation op) const noexcept
    {
        return n_->enumeration && engine::check_enum(*n_, "\x01", op).verdict == engine::enum_check::future;
    }

    /// Whether `name` is a valid enumerator name (or a kept unknown one) in `op`.
    bool
    name_valid(std::string_view name, operation op) const noexcept
    {
        return engine::check_enum(*n_, name, op).verdict != engine::enum_check::invalid;
    }

    /// The models of a one_of: 0 the base, 1 to `derived_count()` the
    /// derived ones.
    std::size_t derived_count() const noexcept { return n_->alternatives->count; }
    model_ref alternative(std::size_t i) const noexcept;

    /// Whether an object whose @odata.type names no model of the one_of
    /// is kept verbatim (on read; a request checks it as the base).
    static bool unknown_type_kept(operation op) noexcept { return op == operation::read; }

    /// The alternative whose names `type_name` is (with or without '#'),
    /// or npos.
    std::size_t
    select(std::string_view type_name) const noexcept
    {
        return engine::select_alternative(*n_->alternatives, type_name);
    }

    /// The element type (arrays).
    type_ref element() const noexcept { return type_ref(n_->element()); }

    /// The model (models).
    model_ref model() const noexcept;

private:
    engine::type_node const* n_;
};

/// One declared member of a model.
class member_ref
{
public:
    explicit member_ref(engine::member_entry const& e) noexcept
        : e_(&e)
    {
    }

    std::string_view json_name() const noexcept { return e_->json_name; }
    type_ref type() const noexcept { return type_ref(*e_->type); }
    bool required(operation op, api_version v) const noexcept { return engine::required_in(*e_, op, v); }
    bool read_only(operation op) const noexcept { return engine::read_only_in(*e_, op); }

    /// Whether the member exists in version `v` (else its name is an
    /// unknown member there).
    bool present(api_version v) const noexcept { return engine::present_in(*e_, v); }

    /// The string rules of the value (each element, for an array), or null.
    string_rules const* text() const noexcept { return e_->text; }

    /// The integer range of the value (each element, for an array), or null.
    integer_rules const* range() const noexcept { return e_->range; }

    /// The element count rule of an array, or null.
    item_rules const* items() const noexcept { return e_->items; }

    /// Whether `count` elements keep the items() rule in `op`.
    bool
    count_valid(std::size_t count, operation op) const noexcept
    {
        return engine::items_within(e_, count, op);
    }

    /// Whether `null` is valid for the member: a nullable<T> or raw JSON
    /// member that is not required (never a collection, nor a
    /// std::optional<T>), as the engine decides.
    bool
    null_allowed(operation op, api_version v) const noexcept
    {
        return engine::null_allowed(*e_, op, v);
    }

private:
    engine::member_entry const* e_;
};

/// A model: its type names, whether it is open, its members.
class model_ref
{
public:
    explicit model_ref(engine::model_table const& t) noexcept
        : t_(&t)
    {
    }

    std::size_t type_name_count() const noexcept { return t_->type_name_count; }
    std::string_view type_name(std::size_t i) const noexcept { return t_->type_names[i]; }
    bool open() const noexcept { return t_->open; }
    bool abstract() const noexcept { return t_->abstract; }

    /// Whether an object of the model held by a one_of must name its type.
    bool type_name_required() const noexcept { return engine::type_name_required(*t_, true); }
    std::size_t member_count() const noexcept { return t_->member_count; }
    member_ref member(std::size_t i) const noexcept { return member_ref(t_->members[i]); }

    /// The index of the member named `json_name`, or `member_count()`.
    std::size_t
    find(std::string_view json_name) const noexcept
    {
        for(std::size_t i = 0; i < t_->member_count; ++i)
            if(t_->members[i].json_name == json_name)
                return i;
        return t_->member_count;
    }

    /// The engine's table (the rules across members, uniqueness).
    engine::model_table const& table() const noexcept { return *t_; }

private:
    engine::model_table const* t_;
};

inline model_ref
type_ref::model() const noexcept
{
    return model_ref(n_->model());
}

inline model_ref
type_ref::alternative(std::size_t i) const noexcept
{
    return model_ref(n_->alternatives->models[i]());
}

template<class T>
model_ref
root_model() noexcept
{
    return model_ref(engine::node_of<T>::value.model());
}

/// Whether an element may be null: only a raw JSON element (any JSON).
inline bool
null_element_allowed(type_ref element) noexcept
{
    return element.get() == kind::raw;
}

/// Whether length, character, prefix, reserved-word and range rules are
/// checked for an operation.
inline bool
rules_checked(operation op) noexcept
{
    return op != operation::read;
}

inline constexpr std::string_view odata_type_key = "@odata.type";

/// An annotation: a key containing `@` other than `@odata.type`; valid
/// in every object under every policy.
inline bool
is_annotation(std::string_view key) noexcept
{
    return key.find('@') != std::string_view::npos && key != odata_type_key;
}

// End of the adapter.
//==============================================================================

inline constexpr std::size_t npos = static_cast<std::size_t>(-1);

//------------------------------------------------------------------------------
// Random numbers: splitmix64, the same sequence on every platform.

// Two draws in one expression (two arguments of one call) would come in an
// order the compiler chooses: each draw in the kit is a statement of its
// own, so that a seed gives the same document with every compiler.
class rng
{
public:
    explicit rng(std::uint64_t seed) noexcept
        : state_(seed)
    {
    }

    std::uint64_t
    next() noexcept
    {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }

    /// From 0 to n - 1 (0 when n is 0).
    std::size_t
    below(std::size_t n) noexcept
    {
        return n == 0 ? 0 : static_cast<std::size_t>(next() % n);
    }

    bool one_in(std::size_t n) noexcept { return below(n) == 0; }

    bool
    chance(double p) noexcept
    {
        if(!(p > 0))
            return false;
        if(p >= 1)
            return true;
        return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0) < p;
    }

    /// From lo to hi, both included.
    std::int64_t
    between(std::int64_t lo, std::int64_t hi) noexcept
    {
        if(hi <= lo)
            return lo;
        std::uint64_t const span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
        std::uint64_t const offset = span == (std::numeric_limits<std::uint64_t>::max)()
            ? next() : next() % (span + 1);
        return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + offset);
    }

    template<class C>
    auto const&
    pick(C const& c) noexcept
    {
        return c[below(std::size(c))];
    }

private:
    std::uint64_t state_;
};

inline std::uint64_t
mix(std::uint64_t a, std::uint64_t b) noexcept
{
    rng r(a ^ (b * 0xff51afd7ed558ccdull));
    return r.next();
}

//------------------------------------------------------------------------------
// UTF-8

inline void
append_utf8(std::string& out, char32_t c)
{
    if(c < 0x80)
        out.push_back(static_cast<char>(c));
    else if(c < 0x800)
    {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
    else if(c < 0x10000)
    {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
    else
    {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

// The code point at `i`, advancing `i`; a byte that starts no valid
// sequence comes back alone, as a value above 0x10FFFF (written raw).
inline char32_t
next_code_point(std::string_view s, std::size_t& i) noexcept
{
    auto const b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char const c = b(i);
    if(c < 0x80)
    {
        ++i;
        return c;
    }
    std::size_t n = 0;
    char32_t v = 0;
    char32_t least = 0;
    if((c & 0xE0) == 0xC0) { n = 1; v = c & 0x1F; least = 0x80; }
    else if((c & 0xF0) == 0xE0) { n = 2; v = c & 0x0F; least = 0x800; }
    else if((c & 0xF8) == 0xF0) { n = 3; v = c & 0x07; least = 0x10000; }
    bool ok = n != 0 && s.size() - i > n;
    for(std::size_t k = 1; ok && k <= n; ++k)
    {
        ok = (b(i + k) & 0xC0) == 0x80;
        v = (v << 6) | (b(i + k) & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if(!ok || v < least || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
    {
        ++i;
        return 0x110000u + c;
    }
    i += n + 1;
    return v;
}

inline std::size_t
code_point_count(std::string_view s) noexcept
{
    std::size_t n = 0;
    for(std::size_t i = 0; i < s.size(); ++n)
        next_code_point(s, i);
    return n;
}

//------------------------------------------------------------------------------
// The document tree

struct jvalue;

/// An object's key: its text, and how to write it (empty: as the writer
/// chooses; else the JSON text to write, quotes included).
struct jkey
{
    std::string name;
    std::string spelling;
};

struct jvalue
{
    enum class type : unsigned char
    {
        null,
        boolean,
        number,   // text: the number as written
        string,   // text: the value, UTF-8
        array,
        object,
        verbatim  // text: written as it is (the flaws' broken JSON)
    };

    type t = type::null;
    bool flag = false;
    std::string text;
    std::vector<jvalue> items;  // array elements, or object member values
    std::vector<jkey> keys;     // object keys, parallel to items

    static jvalue make(type t) { jvalue v; v.t = t; return v; }
    static jvalue boolean(bool b) { jvalue v; v.t = type::boolean; v.flag = b; return v; }
    static jvalue number(std::string s) { jvalue v; v.t = type::number; v.text = std::move(s); return v; }
    static jvalue string(std::string s) { jvalue v; v.t = type::string; v.text = std::move(s); return v; }
    static jvalue verbatim(std::string s) { jvalue v; v.t = type::verbatim; v.text = std::move(s); return v; }

    bool is_object() const noexcept { return t == type::object; }
    bool is_array() const noexcept { return t == type::array; }

    std::size_t
    find(std::string_view key) const noexcept
    {
        for(std::size_t i = 0; i < keys.size(); ++i)
            if(keys[i].name == key)
                return i;
        return npos;
    }

    void
    add(std::string key, jvalue v)
    {
        keys.push_back({std::move(key), {}});
        items.push_back(std::move(v));
    }

    /// Replaces the value of `key`, or adds it.
    void
    set(std::string_view key, jvalue v)
    {
        auto const i = find(key);
        if(i == npos)
            add(std::string(key), std::move(v));
        else
            items[i] = std::move(v);
    }

    void
    erase(std::size_t i)
    {
        items.erase(items.begin() + static_cast<std::ptrdiff_t>(i));
        if(t == type::object)
            keys.erase(keys.begin() + static_cast<std::ptrdiff_t>(i));
    }
};

// Inserts `v` (drawn before this call) at a random place of `items`.
inline void
insert_somewhere(rng& r, std::vector<jvalue>& items, jvalue v)
{
    std::size_t const at = r.below(items.size() + 1);
    items.insert(items.begin() + static_cast<std::ptrdiff_t>(at), std::move(v));
}

inline std::string
number_text(double d)
{
    if(std::isnan(d))
        return "0";
    if(std::isinf(d))
        return d > 0 ? "1e400" : "-1e400";
    char buf[32];
    auto const r = std::to_chars(buf, buf + sizeof(buf), d);
    return std::string(buf, r.ptr);
}

template<class I>
std::string
integer_text(I v)
{
    char buf[24];
    auto const r = std::to_chars(buf, buf + sizeof(buf), v);
    return std::string(buf, r.ptr);
}

// Boost.JSON's DOM as a tree. Its depth is bounded by the parse.
inline jvalue
from_json(boost::json::value const& v)
{
    switch(v.kind())
    {
    case boost::json::kind::null: return jvalue::make(jvalue::type::null);
    case boost::json::kind::bool_: return jvalue::boolean(v.get_bool());
    case boost::json::kind::int64: return jvalue::number(integer_text(v.get_int64()));
    case boost::json::kind::uint64: return jvalue::number(integer_text(v.get_uint64()));
    case boost::json::kind::double_: return jvalue::number(number_text(v.get_double()));
    case boost::json::kind::string: return jvalue::string(std::string(v.get_string()));
    case boost::json::kind::array:
    {
        jvalue a = jvalue::make(jvalue::type::array);
        a.items.reserve(v.get_array().size());
        for(auto const& e : v.get_array())
            a.items.push_back(from_json(e));
        return a;
    }
    case boost::json::kind::object:
    {
        jvalue o = jvalue::make(jvalue::type::object);
        for(auto const& m : v.get_object())
            o.add(std::string(m.key()), from_json(m.value()));
        return o;
    }
    }
    return {};
}

// Parses `text` as an object; false when it is not JSON, not an object,
// deeper than `max_depth` or longer than `max_bytes`.
inline bool
parse_object(std::string_view text, std::size_t max_depth, std::size_t max_bytes, jvalue& out)
{
    if(text.size() > max_bytes || text.empty())
        return false;
    boost::json::parse_options po;
    po.max_depth = (std::max)(std::size_t(1), (std::min)(max_depth, max_depth_limit));
    boost::json::error_code ec;
    boost::json::value const v = boost::json::parse(text, ec, {}, po);
    if(ec || !v.is_object())
        return false;
    out = from_json(v);
    return true;
}

//------------------------------------------------------------------------------
// The writer: whitespace, escapes and number spellings vary, the value
// does not.

struct style
{
    unsigned char space = 0;   // 0 compact, 1 spaced, 2 indented, 3 random
    unsigned char escape = 0;  // 0 as needed, 1 some, 2 every non-ASCII character
    bool respell = false;      // integers also as 1.0, 1e0, ...
};

inline style
random_style(rng& r)
{
    style s;
    std::size_t const a = r.below(20);
    s.space = static_cast<unsigned char>(a < 10 ? 0 : a < 14 ? 1 : a < 17 ? 2 : 3);
    std::size_t const b = r.below(20);
    s.escape = static_cast<unsigned char>(b < 10 ? 0 : b < 17 ? 1 : 2);
    s.respell = r.one_in(4);
    return s;
}

class writer
{
public:
    writer(std::string& out, style s, rng& r) noexcept
        : out_(out), s_(s), r_(r)
    {
    }

    void
    document(jvalue const& v)
    {
        if(s_.space == 3)
            blank();
        value(v, 0);
        if(s_.space >= 2)
            out_.push_back('\n');
    }

    void
    value(jvalue const& v, std::size_t depth)
    {
        switch(v.t)
        {
        case jvalue::type::null: out_ += "null"; break;
        case jvalue::type::boolean: out_ += v.flag ? "true" : "false"; break;
        case jvalue::type::number: number(v.text); break;
        case jvalue::type::string: string(v.text); break;
        case jvalue::type::verbatim: out_ += v.text; break;
        case jvalue::type::array:
            out_.push_back('[');
            for(std::size_t i = 0; i < v.items.size(); ++i)
            {
                if(i != 0)
                    out_.push_back(',');
                line(depth + 1);
                value(v.items[i], depth + 1);
            }
            if(!v.items.empty())
                line(depth);
            out_.push_back(']');
            break;
        case jvalue::type::object:
            out_.push_back('{');
            for(std::size_t i = 0; i < v.items.size(); ++i)
            {
                if(i != 0)
                    out_.push_back(',');
                line(depth + 1);
                if(v.keys[i].spelling.empty())
                    string(v.keys[i].name);
                else
                    out_ += v.keys[i].spelling;
                if(s_.space == 3)
                    blank();
                out_.push_back(':');
                if(s_.space == 1 || s_.space == 2)
                    out_.push_back(' ');
                else if(s_.space == 3)
                    blank();
                value(v.items[i], depth + 1);
            }
            if(!v.items.empty())
                line(depth);
            out_.push_back('}');
            break;
        }
    }

    void
    string(std::string_view s)
    {
        out_.push_back('"');
        for(std::size_t i = 0; i < s.size();)
            code_point(next_code_point(s, i));
        out_.push_back('"');
    }

    /// Every character as \uXXXX (so that a key is the same key to a
    /// reader that unescapes, and another to one that does not).
    static std::string
    escaped_all(std::string_view s)
    {
        std::string out = "\"";
        for(std::size_t i = 0; i < s.size();)
        {
            char32_t const c = next_code_point(s, i);
            if(c >= 0x110000)
                out.push_back(static_cast<char>(c - 0x110000));
            else
                unicode_escape(out, c, false);
        }
        out.push_back('"');
        return out;
    }

private:
    static void
    hex4(std::string& out, unsigned v, bool upper)
    {
        char const* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        out += "\\u";
        for(int shift = 12; shift >= 0; shift -= 4)
            out.push_back(digits[(v >> shift) & 15]);
    }

    static void
    unicode_escape(std::string& out, char32_t c, bool upper)
    {
        if(c >= 0x10000)
        {
            char32_t const v = c - 0x10000;
            hex4(out, static_cast<unsigned>(0xD800 + (v >> 10)), upper);
            hex4(out, static_cast<unsigned>(0xDC00 + (v & 0x3FF)), upper);
        }
        else
            hex4(out, static_cast<unsigned>(c), upper);
    }

    void
    code_point(char32_t c)
    {
        if(c >= 0x110000) // a byte of invalid UTF-8: as it is
        {
            out_.push_back(static_cast<char>(c - 0x110000));
            return;
        }
        bool const escape =
            c < 0x20 || c == '"' || c == '\\' ||
            (s_.escape == 1 && r_.one_in(c < 0x80 ? 12 : 3)) ||
            (s_.escape == 2 && (c >= 0x80 || r_.one_in(8)));
        if(!escape)
        {
            if(c == '/' && s_.escape != 0 && r_.one_in(2))
                out_ += "\\/";
            else
                append_utf8(out_, c);
            return;
        }
        char shorthand = 0;
        switch(c)
        {
        case '"': shorthand = '"'; break;
        case '\\': shorthand = '\\'; break;
        case '\b': shorthand = 'b'; break;
        case '\f': shorthand = 'f'; break;
        case '\n': shorthand = 'n'; break;
        case '\r': shorthand = 'r'; break;
        case '\t': shorthand = 't'; break;
        default: break;
        }
        if(shorthand != 0 && !r_.one_in(4))
        {
            out_.push_back('\\');
            out_.push_back(shorthand);
        }
        else
            unicode_escape(out_, c, r_.one_in(2));
    }

    void
    number(std::string_view text)
    {
        out_ += text;
        if(!s_.respell || !r_.one_in(3))
            return;
        // An integer written as another spelling of the same number: an
        // integer member reads 1.0 and 1e0 as 1 (docs/rules.md). At most
        // 15 digits, which a double holds exactly: the mutator reads its
        // input through Boost.JSON's DOM, which keeps 1.0 as a double.
        std::size_t i = text.substr(0, 1) == "-" ? 1 : 0;
        if(i >= text.size() || text.size() - i > 15)
            return;
        for(std::size_t k = i; k < text.size(); ++k)
            if(text[k] < '0' || text[k] > '9')
                return;
        static constexpr std::string_view tails[] = {".0", ".000", "e0", "E+0", ".0e-0", "e00"};
        out_ += r_.pick(tails);
    }

    void
    line(std::size_t depth)
    {
        if(s_.space == 2)
        {
            out_.push_back('\n');
            out_.append(2 * depth, ' ');
        }
        else if(s_.space == 3)
            blank();
    }

    void
    blank()
    {
        static constexpr char spaces[] = {' ', '\t', '\n', '\r'};
        for(std::size_t n = r_.below(3); n != 0; --n)
            out_.push_back(r_.pick(spaces));
    }

    std::string& out_;
    style s_;
    rng& r_;
};

inline std::string
write(jvalue const& v, style s, rng& r)
{
    std::string out;
    writer(out, s, r).document(v);
    return out;
}

//------------------------------------------------------------------------------
// Values

// Characters that test a string handler: quotes, escapes, controls, and
// non-ASCII of each UTF-8 length.
inline constexpr char32_t tricky_ascii[] = {
    '"', '\\', '/', '\n', '\t', '\r', 0x00, 0x01, 0x1F, 0x7F, ' ', '\'', '<', '&', '@', '#', '~', '%'};
inline constexpr char32_t wide_code_points[] = {
    0x80, 0xE9, 0xFC, 0x7FF, 0x800, 0x416, 0x4E2D, 0x2028, 0xFEFF, 0xFFFD, 0xFFFF,
    0x10000, 0x1F600, 0x10FFFF};
inline constexpr std::string_view alphanumerics =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

// Numbers at the edges of what a double, a float and a DOM hold.
inline constexpr std::string_view edge_numbers[] = {
    "0", "-0", "-0.0", "0.5", "-1.5", "1e308", "-1.7976931348623157e308", "5e-324",
    "2.2250738585072014e-308", "3.4028234663852886e38", "1e39", "1e400", "-1e400", "1E-400",
    "123456789012345678901234567890", "9007199254740993", "0.1", "1e-7", "6.02214076e+23",
    "18446744073709551615", "-9223372036854775808"};

struct context
{
    generate_options const& opt;
    rng& r;
    std::size_t nesting;   // the deepest a generated optional part goes
    bool lean = false;     // fewer optional parts (a retry for size)
    bool minimal = false;  // required members only, at their shortest
};

inline std::size_t
effective_max_depth(generate_options const& opt) noexcept
{
    return (std::max)(std::size_t(1), (std::min)(opt.max_depth, max_depth_limit));
}

inline std::size_t
small_count(context& c, std::size_t most)
{
    if(c.minimal || most == 0)
        return 0;
    if(c.lean)
        return c.r.below((std::min)(most, std::size_t(1)) + 1);
    // Mostly few, sometimes the most.
    return c.r.one_in(6) ? most : c.r.below((std::min)(most, std::size_t(3)) + 1);
}

inline std::string
free_text(context& c)
{
    std::size_t n;
    if(c.minimal)
        n = 0;
    else
    {
        std::size_t const a = c.r.below(16);
        n = a < 2 ? 0 : a < 12 ? 1 + c.r.below(8) : a < 15 ? 9 + c.r.below(32) : 41 + c.r.below(200);
        if(c.lean)
            n = (std::min)(n, std::size_t(8));
    }
    std::string s;
    std::size_t const mode = c.r.below(4); // 0, 1: mostly ASCII; 2: tricky; 3: wide
    for(std::size_t i = 0; i < n; ++i)
    {
        std::size_t const k = c.r.below(8);
        if(mode <= 1 || k < 4)
            s.push_back(c.r.pick(alphanumerics));
        else if(mode == 2 || k < 6)
            append_utf8(s, c.r.pick(tricky_ascii));
        else
            append_utf8(s, c.r.pick(wide_code_points));
    }
    return s;
}

inline bool
allowed(string_rules const& s, char32_t c) noexcept
{
    if(!s.allowed.restricts())
        return true;
    // A deny-list (charset::all_but) lists ASCII only: the rest is in.
    if(c >= 0x80)
        return s.allowed.excludes();
    return s.allowed.contains(static_cast<unsigned char>(c));
}

/// Whether `text` keeps every string rule of `s` (as the engine counts:
/// code points after unescaping, exact comparisons).
inline bool
satisfies(string_rules const& s, std::string_view text) noexcept
{
    std::size_t n = 0;
    for(std::size_t i = 0; i < text.size(); ++n)
    {
        char32_t const c = next_code_point(text, i);
        if(c >= 0x110000 || !allowed(s, c))
            return false;
    }
    if(n < s.min_length || n > s.max_length)
        return false;
    if(!s.forbidden_prefix.empty() && text.substr(0, s.forbidden_prefix.size()) == s.forbidden_prefix)
        return false;
    for(std::size_t i = 0; i < s.reserved_count; ++i)
        if(text == s.reserved[i])
            return false;
    if(!s.only_value.empty() && text != s.only_value)
        return false;
    if(s.format == string_format::date_time_offset && !engine::is_date_time_offset(text))
        return false;
    return true;
}

/// An ISO 8601 date-time as is_date_time_offset reads it: a date that
/// exists (29 February of leap years), `T` or `t`, a leap second now and
/// then, an optional fraction, `Z`, `z` or an offset.
inline std::string
date_time_text(context& c)
{
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    auto two = [](std::string& out, std::size_t v) {
        out.push_back(static_cast<char>('0' + v / 10));
        out.push_back(static_cast<char>('0' + v % 10));
    };
    std::string t;
    std::size_t year, month, day;
    if(!c.minimal && c.r.one_in(8))
    {
        // 29 February of a leap year, the centuries' rule included.
        static constexpr std::size_t leap[] = {2000, 2024, 1996, 2400, 4};
        year = c.r.pick(leap);
        month = 2;
        day = 29;
    }
    else
    {
        year = c.minimal ? 2024 : c.r.one_in(4) ? c.r.below(10000) : 1970 + c.r.below(100);
        month = c.minimal ? 1 : 1 + c.r.below(12);
        day = c.minimal ? 1 : 1 + c.r.below(static_cast<std::size_t>(days[month - 1]));
    }
    two(t, year / 100);
    two(t, year % 100);
    t.push_back('-');
    two(t, month);
    t.push_back('-');
    two(t, day);
    t.push_back(!c.minimal && c.r.one_in(10) ? 't' : 'T');
    two(t, c.minimal ? 0 : c.r.below(24));
    t.push_back(':');
    two(t, c.minimal ? 0 : c.r.below(60));
    t.push_back(':');
    two(t, c.minimal ? 0 : c.r.one_in(20) ? 60 : c.r.below(60));
    if(!c.minimal && c.r.one_in(3))
    {
        t.push_back('.');
        for(std::size_t n = 1 + c.r.below(9); n != 0; --n)
            t.push_back(static_cast<char>('0' + c.r.below(10)));
    }
    std::size_t const zone = c.minimal ? 0 : c.r.below(4);
    if(zone == 0)
        t.push_back('Z');
    else if(zone == 1)
        t.push_back('z');
    else
    {
        t.push_back(zone == 2 ? '+' : '-');
        two(t, c.r.below(24));
        t.push_back(':');
        two(t, c.r.below(60));
    }
    return t;
}

// A string that is not a date-time, though close to one.
inline std::string
broken_date_time(context& c)
{
    static constexpr std::string_view misses[] = {"2023-02-29T00:00:00Z", "1900-02-29T12:00:00Z",
        "2024-04-31T00:00:00Z", "2024-13-01T00:00:00Z", "2024-00-01T00:00:00Z", "2024-01-01T24:00:00Z",
        "2024-01-01T00:60:00Z", "2024-01-01T00:00:61Z", "2024-01-01T00:00:00", "2024-01-01",
        "2024-01-01 00:00:00Z", "2024-01-01T00:00:00.Z", "2024-01-01T00:00:00+24:00",
        "2024-01-01T00:00:00+0100", "24-01-01T00:00:00Z", "2024-1-1T00:00:00Z", "2024-01-01T00:00Z",
        "2024-01-01T00:00:00Z ", "", "2024-01-01T00:00:00\xEF\xBC\xBA"};
    if(c.r.one_in(3))
    {
        // A valid one with one character changed.
        std::string t = date_time_text(c);
        std::size_t const at = c.r.below(t.size());
        static constexpr char swaps[] = {'x', '9', '-', ':', ' ', '/'};
        t[at] = c.r.pick(swaps);
        if(!engine::is_date_time_offset(t))
            return t;
    }
    return std::string(c.r.pick(misses));
}

// The ASCII characters the rules allow (every printable one, and a few
// others, when they do not restrict).
inline std::string
allowed_ascii(string_rules const& s)
{
    std::string out;
    for(int c = 0x20; c < 0x7F; ++c)
        if(allowed(s, static_cast<char32_t>(c)))
            out.push_back(static_cast<char>(c));
    return out;
}

inline char32_t
allowed_character(context& c, string_rules const& s, std::string const& ascii)
{
    // A deny-list keeps every character beyond ASCII.
    if(s.allowed.excludes() && c.r.one_in(6))
        return c.r.pick(wide_code_points);
    if(!s.allowed.restricts())
    {
        std::size_t const k = c.r.below(8);
        if(k < 5)
            return static_cast<char32_t>(c.r.pick(alphanumerics));
        if(k < 7)
            return c.r.pick(tricky_ascii);
        return c.r.pick(wide_code_points);
    }
    return ascii.empty() ? U'a' : static_cast<char32_t>(static_cast<unsigned char>(ascii[c.r.below(ascii.size())]));
}

inline std::size_t
ruled_length(context& c, string_rules const& s)
{
    std::size_t const lo = s.min_length;
    std::size_t const cap = c.lean || c.minimal ? 8 : c.r.one_in(8) ? 300 : 40;
    std::size_t const hi = (std::max)(lo, s.max_length - lo > cap ? lo + cap : s.max_length);
    if(c.minimal)
        return lo;
    switch(c.r.below(5))
    {
    case 0: return lo;
    case 1: return hi;
    case 2: return lo < hi ? lo + 1 : lo;
    case 3: return lo < hi ? hi - 1 : hi;
    default: return lo + c.r.below(hi - lo + 1);
    }
}

// A near miss of a rule: a reserved word or the forbidden prefix with one
// letter's case changed (comparisons are exact, so it is valid).
inline std::string
near_miss(context& c, string_rules const& s, std::string const& ascii)
{
    std::string base;
    if(s.reserved_count != 0 && (s.forbidden_prefix.empty() || c.r.one_in(2)))
        base = std::string(s.reserved[c.r.below(s.reserved_count)]);
    else
        base = std::string(s.forbidden_prefix);
    std::vector<std::size_t> letters;
    for(std::size_t i = 0; i < base.size(); ++i)
        if((base[i] >= 'a' && base[i] <= 'z') || (base[i] >= 'A' && base[i] <= 'Z'))
            letters.push_back(i);
    if(!letters.empty())
        base[c.r.pick(letters)] ^= 0x20;
    else if(!base.empty())
        base.pop_back();
    if(!s.reserved_count || c.r.one_in(2))
        while(code_point_count(base) < s.min_length + c.r.below(3))
            append_utf8(base, allowed_character(c, s, ascii));
    return base;
}

/// A string keeping the rules `s` (best effort; the rules of a model
/// always leave some string valid in practice).
inline std::string
ruled_text(context& c, string_rules const& s)
{
    if(!s.only_value.empty())
        return std::string(s.only_value);
    if(s.format == string_format::date_time_offset)
        return date_time_text(c);
    std::string const ascii = allowed_ascii(s);
    for(int attempt = 0; attempt < 24; ++attempt)
    {
        std::string t;
        if(attempt < 12 && (!s.forbidden_prefix.empty() || s.reserved_count != 0) && c.r.one_in(6))
            t = near_miss(c, s, ascii);
        else
            for(std::size_t n = ruled_length(c, s); n != 0; --n)
                append_utf8(t, allowed_character(c, s, ascii));
        if(satisfies(s, t))
            return t;
    }
    // Every character of the set in turn: some string of the shortest
    // length avoids one prefix and a few words.
    for(std::size_t first = 0; first < (std::max)(ascii.size(), std::size_t(1)); ++first)
    {
        std::string t;
        for(std::size_t n = 0; n < (std::max)(s.min_length, std::size_t(1)); ++n)
            t.push_back(ascii.empty() ? 'a' : ascii[(first + n) % ascii.size()]);
        if(satisfies(s, t))
            return t;
    }
    return std::string(s.min_length, ascii.empty() ? 'a' : ascii[0]);
}

inline std::int64_t
ruled_integer(context& c, std::int64_t lo, std::int64_t hi)
{
    if(c.minimal)
        return lo <= 0 && 0 <= hi ? 0 : lo;
    switch(c.r.below(8))
    {
    case 0: return lo;
    case 1: return hi;
    case 2: return lo < hi ? lo + 1 : lo;
    case 3: return lo < hi ? hi - 1 : hi;
    case 4: return lo <= 0 && 0 <= hi ? 0 : lo;
    case 5: return c.r.between((std::max)(lo, std::int64_t(-100)), (std::min)(hi, std::int64_t(100)));
    default: return c.r.between(lo, hi);
    }
}

inline jvalue any_value(context& c, std::size_t depth);

inline jvalue model_object(context& c, model_ref m, std::size_t depth, bool name_type = false);

// A name no enumerator has, kept on read by an open enum or flags.
inline std::string
future_name(context& c, type_ref t)
{
    static constexpr std::string_view pool[] = {"futureValue", "unknownFutureValue2", "newKind", "x"};
    for(int attempt = 0; attempt < 8; ++attempt)
    {
        std::string s(c.r.pick(pool));
        if(c.r.one_in(2))
            s += integer_text(c.r.below(100));
        bool known = false;
        for(std::size_t i = 0; i < t.enumerator_count(); ++i)
            known = known || t.enumerator(i) == s;
        if(!known)
            return s;
    }
    return "futureValue0x";
}

// A flags value: names joined by ", " or "," (the two forms OData
// writes), or an array of names; on read, now and then a name no
// enumerator has.
inline jvalue
flags_value(context& c, type_ref t)
{
    operation const op = c.opt.operation;
    std::size_t const count = t.enumerator_count();
    std::vector<std::string> names;
    std::size_t const form = c.minimal ? 0 : c.r.below(3);
    std::size_t n = c.minimal ? 1 : 1 + c.r.below((std::min)(count, std::size_t(3)));
    if(form == 2 && !c.minimal && c.r.one_in(6))
        n = 0; // an empty set, as an array
    for(; n != 0; --n)
    {
        if(t.unknown_name_valid(op) && c.r.one_in(6))
            names.push_back(future_name(c, t));
        else
            names.emplace_back(t.enumerator(c.minimal ? 0 : c.r.below(count)));
    }
    if(form == 2)
    {
        jvalue a = jvalue::make(jvalue::type::array);
        for(auto& x : names)
            a.items.push_back(jvalue::string(std::move(x)));
        return a;
    }
    std::string text;
    for(std::size_t i = 0; i < names.size(); ++i)
    {
        if(i != 0)
            text += form == 0 ? ", " : ",";
        // Spaces around a name are left out by the reader.
        if(!c.minimal && c.r.one_in(12))
            text += ' ';
        text += names[i];
    }
    return jvalue::string(std::move(text));
}

// An object of a type no model of the one_of `t` has: kept verbatim on read.
inline jvalue
unknown_type_object(context& c, type_ref t, std::size_t depth)
{
    static constexpr std::string_view pool[] = {
        "#microsoft.graph.externalConnectors.futureResolver", "microsoft.graph.fuzz.newType", "#x.y"};
    jvalue o = jvalue::make(jvalue::type::object);
    std::string name(c.r.pick(pool));
    if(t.select(name) != npos)
        name += "2";
    o.add(std::string(odata_type_key), jvalue::string(std::move(name)));
    jvalue more = any_value(c, depth);
    if(more.is_object())
        for(std::size_t i = 0; i < more.keys.size(); ++i)
            if(o.find(more.keys[i].name) == npos)
                o.add(more.keys[i].name, std::move(more.items[i]));
    return o;
}

/// A valid value of type `t` under the member's rules (`text`, `range`,
/// `items`), for a value at `depth` (an array or object there is that deep).
inline jvalue
valid_value(context& c, type_ref t, string_rules const* text, integer_rules const* range,
    std::size_t depth, item_rules const* items = nullptr)
{
    operation const op = c.opt.operation;
    switch(t.get())
    {
    case kind::string:
        if(text && rules_checked(op))
            return jvalue::string(ruled_text(c, *text));
        return jvalue::string(free_text(c));
    case kind::boolean:
        return jvalue::boolean(c.r.one_in(2));
    case kind::integer:
    {
        std::int64_t lo = t.min_value();
        std::int64_t hi = t.max_value();
        if(range && rules_checked(op))
        {
            lo = (std::max)(lo, range->min);
            hi = (std::min)(hi, range->max);
        }
        return jvalue::number(integer_text(ruled_integer(c, lo, hi)));
    }
    case kind::number:
    {
        if(c.minimal)
            return jvalue::number("0");
        if(c.r.one_in(2))
            return jvalue::number(std::string(c.r.pick(edge_numbers)));
        double const numerator = static_cast<double>(c.r.between(-1000000, 1000000));
        double const denominator = static_cast<double>(1 + c.r.below(1000));
        return jvalue::number(number_text(numerator / denominator));
    }
    case kind::enumeration:
        if(!c.minimal && t.unknown_name_valid(op) && c.r.one_in(8))
            return jvalue::string(future_name(c, t));
        return jvalue::string(std::string(t.enumerator(c.minimal ? 0 : c.r.below(t.enumerator_count()))));
    case kind::flags:
        return flags_value(c, t);
    case kind::array:
    {
        jvalue a = jvalue::make(jvalue::type::array);
        type_ref const e = t.element();
        bool const nested = e.get() == kind::array || e.get() == kind::model || e.get() == kind::raw ||
            e.get() == kind::one_of;
        // The count an items() rule allows (only requests are checked).
        std::size_t least = 0;
        std::size_t most = c.opt.max_elements;
        if(items && rules_checked(op))
        {
            least = items->min;
            most = (std::max)(least, (std::min)(most, items->max));
        }
        std::size_t n = least;
        if(!(nested && depth + 1 > c.nesting))
            n += small_count(c, most - least);
        for(; n != 0; --n)
            a.items.push_back(valid_value(c, e, text, range, depth + 1));
        return a;
    }
    case kind::model:
        return model_object(c, t.model(), depth);
    case kind::one_of:
    {
        if(!c.minimal && t.unknown_type_kept(op) && c.r.one_in(8))
            return unknown_type_object(c, t, depth);
        // An abstract base is never the value: one of its derived types.
        bool const abstract = t.alternative(0).type_name_required() && t.derived_count() != 0;
        std::size_t const i = abstract ? 1 + c.r.below(t.derived_count())
            : c.minimal ? 0 : c.r.below(t.derived_count() + 1);
        return model_object(c, t.alternative(i), depth, i != 0 || abstract);
    }
    case kind::raw:
        return any_value(c, depth);
    }
    return {};
}

inline jvalue
member_value(context& c, member_ref m, std::size_t depth)
{
    jvalue v = valid_value(c, m.type(), m.text(), m.range(), depth, m.items());
    // A raw JSON member takes any value, but null only where null is allowed.
    while(v.t == jvalue::type::null && !m.null_allowed(c.opt.operation, c.opt.version))
        v = valid_value(c, m.type(), m.text(), m.range(), depth, m.items());
    return v;
}

// A key for a member the model does not declare: near misses of declared
// names (the comparison is exact), non-ASCII, quotes, the empty key.
inline std::string
unknown_key(context& c, model_ref m, jvalue const& object)
{
    static constexpr std::string_view pool[] = {
        "extra", "ingestedItemsCount", "x", "", "\xC3\xBCnicode\xE2\x80\xA8key", "a\"b\\c",
        "tab\there", "\xF0\x9F\x98\x80", "0", "odata.type", "@", "displayName"};
    for(int attempt = 0; attempt < 8; ++attempt)
    {
        std::string k;
        if(m.member_count() != 0 && c.r.one_in(3))
        {
            k = std::string(m.member(c.r.below(m.member_count())).json_name());
            if(!k.empty() && c.r.one_in(2))
                k[0] = static_cast<char>(k[0] ^ 0x20);
            else
                k += c.r.one_in(2) ? " " : "s";
        }
        else
            k = std::string(c.r.pick(pool));
        if(k.find('@') != std::string::npos)
            k.erase(k.find('@'), 1);
        if(c.r.one_in(4))
            k += integer_text(c.r.below(100));
        if(m.find(k) == m.member_count() && object.find(k) == npos && k != odata_type_key)
            return k;
    }
    return {};
}

inline std::string
annotation_key(context& c, model_ref m, jvalue const& object)
{
    static constexpr std::string_view pool[] = {
        "@odata.context", "@odata.etag", "@odata.id", "@odata.nextLink", "@microsoft.graph.tips",
        "@x", "a@b", "@", "@odata.Type", "#@"};
    for(int attempt = 0; attempt < 8; ++attempt)
    {
        std::string k;
        if(m.member_count() != 0 && c.r.one_in(3))
        {
            k = std::string(m.member(c.r.below(m.member_count())).json_name());
            k += c.r.one_in(2) ? "@odata.type" : "@odata.count";
        }
        else
            k = std::string(c.r.pick(pool));
        if(object.find(k) == npos && is_annotation(k))
            return k;
    }
    return {};
}

inline std::string
type_name_spelling(context& c, model_ref m)
{
    std::string name(m.type_name(c.minimal ? 0 : c.r.below(m.type_name_count())));
    if(!c.r.one_in(3))
        name.insert(name.begin(), '#');
    return name;
}

/// Whether an undeclared key is kept (or dropped) rather than rejected.
inline bool
unknown_kept(generate_options const& opt, model_ref m) noexcept
{
    return m.open() || opt.unknown != unknown_policy::reject;
}

/// A valid object of model `m` at `depth` for the operation and version;
/// `name_type`: with its @odata.type (a derived type in a one_of, or an
/// abstract base's).
/*  Keeps an object of `m` within the rules that span its members, which
    valid values chosen one by one may break: a boolean true only while
    the enum member holds an enumerator its rule lists and never together
    with the member it excludes (else it is made false), and the strings
    unique_ignoring_case() names unique across an array's elements (a
    repeat is written again from its rules, a few times at most). Only
    where the engine checks them (create, update).
*/
inline void
keep_model_rules(context& c, model_ref m, jvalue& o)
{
    engine::model_table const& t = m.table();
    if(!rules_checked(c.opt.operation) || !o.is_object())
        return;
    auto is_true = [&](std::size_t member) {
        std::size_t const at = member == npos ? npos : o.find(t.members[member].json_name);
        return at != npos && o.items[at].t == jvalue::type::boolean && o.items[at].flag;
    };
    for(std::size_t k = 0; k < t.pairing_count; ++k)
    {
        engine::pairing_entry const& p = t.pairings[k];
        std::size_t const b = o.find(t.members[p.member].json_name);
        if(!is_true(p.member))
            continue;
        bool bad = is_true(p.excluded);
        if(p.enum_member != npos)
        {
            std::size_t const e = o.find(t.members[p.enum_member].json_name);
            if(e != npos && o.items[e].t == jvalue::type::string)
            {
                auto const v = engine::check_enum(*t.members[p.enum_member].type, o.items[e].text,
                    c.opt.operation);
                bad = bad || (v.verdict == engine::enum_check::member && v.index < 64 &&
                    !((p.enum_mask >> v.index) & 1));
            }
        }
        if(bad)
            o.items[b].flag = false;
    }
    for(std::size_t i = 0; i < t.member_count; ++i)
    {
        engine::member_entry const& e = t.members[i];
        std::size_t const at = e.unique ? o.find(e.json_name) : npos;
        if(at == npos || !o.items[at].is_array() || e.type->kind != engine::value_kind::array ||
            e.type->element().kind != engine::value_kind::model)
            continue;
        engine::model_table const& element = e.type->element().model();
        std::vector<std::string> seen;
        auto fresh = [&](std::string const& text) {
            std::string folded;
            engine::fold_ascii_case(text, folded);
            for(auto const& x : seen)
                if(x == folded)
                    return false;
            seen.push_back(std::move(folded));
            return true;
        };
        auto keep = [&](engine::member_entry const& named, jvalue& v) {
            if(v.t != jvalue::type::string || !named.text || !satisfies(*named.text, v.text))
                return; // the engine checks only strings that keep their rules
            for(int attempt = 0; attempt < 8 && !fresh(v.text); ++attempt)
                v.text = ruled_text(c, *named.text);
        };
        for(jvalue& el : o.items[at].items)
        {
            if(!el.is_object())
                continue;
            for(std::size_t k = 0; k < el.items.size(); ++k)
            {
                std::string_view const key = el.keys[k].name;
                if(!e.unique->names(key))
                    continue;
                std::size_t const j = model_ref(element).find(key);
                if(j == element.member_count)
                    continue;
                if(el.items[k].is_array())
                    for(jvalue& s : el.items[k].items)
                        keep(element.members[j], s);
                else
                    keep(element.members[j], el.items[k]);
            }
        }
    }
}

inline jvalue
model_object(context& c, model_ref m, std::size_t depth, bool name_type)
{
    operation const op = c.opt.operation;
    api_version const v = c.opt.version;
    jvalue o = jvalue::make(jvalue::type::object);
    if(name_type || (!c.minimal && c.r.one_in(3)))
        o.add(std::string(odata_type_key), jvalue::string(type_name_spelling(c, m)));
    for(std::size_t i = 0; i < m.member_count(); ++i)
    {
        member_ref const mb = m.member(i);
        if(mb.read_only(op))
            continue;
        kind const k = mb.type().get();
        bool const container = k == kind::array || k == kind::model || k == kind::raw ||
            k == kind::one_of;
        if(!mb.present(v))
        {
            // A member of the other version: unknown here, valid where
            // unknown members are kept.
            if(!c.minimal && !c.lean && unknown_kept(c.opt, m) && c.r.one_in(8) &&
                !(container && depth + 1 > c.nesting))
                o.add(std::string(mb.json_name()), member_value(c, mb, depth + 1));
            continue;
        }
        if(mb.required(op, v))
        {
            o.add(std::string(mb.json_name()), member_value(c, mb, depth + 1));
            continue;
        }
        if(c.minimal)
            continue;
        std::size_t const roll = c.r.below(c.lean ? 16 : 10);
        // Nested parts thin out with depth, so that documents stay small.
        bool const thin = container && depth > 2 && !c.r.one_in(depth - 1);
        if(roll < 4 && !thin && !(container && depth + 1 > c.nesting))
            o.add(std::string(mb.json_name()), member_value(c, mb, depth + 1));
        else if(roll == 4 && mb.null_allowed(op, v))
            o.add(std::string(mb.json_name()), jvalue::make(jvalue::type::null));
    }
    if(!c.minimal && !c.lean && c.r.one_in(4))
        for(std::size_t n = 1 + c.r.below((std::max)(c.opt.max_elements, std::size_t(1))); n != 0; --n)
        {
            std::string k = annotation_key(c, m, o);
            if(!k.empty())
                o.add(std::move(k), any_value(c, depth + 1));
        }
    if(!c.minimal && !c.lean && unknown_kept(c.opt, m) && c.r.one_in(4))
        for(std::size_t n = 1 + c.r.below((std::max)(c.opt.max_elements, std::size_t(1))); n != 0; --n)
        {
            std::string k = unknown_key(c, m, o);
            if(!k.empty() || (o.find("") == npos && m.find("") == m.member_count()))
                o.add(std::move(k), any_value(c, depth + 1));
        }
    keep_model_rules(c, m, o);
    if(!c.minimal && c.r.one_in(2))
        for(std::size_t i = o.items.size(); i > 1; --i)
        {
            std::size_t const j = c.r.below(i);
            std::swap(o.items[i - 1], o.items[j]);
            std::swap(o.keys[i - 1], o.keys[j]);
        }
    return o;
}

/// Any JSON value (for raw members, annotations, unknown members).
inline jvalue
any_value(context& c, std::size_t depth)
{
    bool const deeper = depth + 1 <= c.nesting && !c.minimal;
    switch(c.r.below(deeper ? 9 : 6))
    {
    case 0: return jvalue::make(jvalue::type::null);
    case 1: return jvalue::boolean(c.r.one_in(2));
    case 2:
    case 3: return jvalue::number(std::string(c.r.pick(edge_numbers)));
    case 4:
    case 5: return jvalue::string(free_text(c));
    case 6:
    case 7:
    {
        jvalue a = jvalue::make(jvalue::type::array);
        for(std::size_t n = small_count(c, c.opt.max_elements); n != 0; --n)
            a.items.push_back(any_value(c, depth + 1));
        return a;
    }
    default:
    {
        jvalue o = jvalue::make(jvalue::type::object);
        for(std::size_t n = small_count(c, c.opt.max_elements); n != 0; --n)
        {
            std::string k = free_text(c);
            if(o.find(k) == npos && k != odata_type_key)
                o.add(std::move(k), any_value(c, depth + 1));
        }
        return o;
    }
    }
}

//------------------------------------------------------------------------------
// Where a flaw or a mutation can go: each object of a model in the tree.

struct site
{
    jvalue* object;
    model_ref model;
    std::size_t depth;
    std::optional<type_ref> one_of = std::nullopt; // the one_of holding the object
    bool needs_type_name = false; // its @odata.type selects it, or is required
};

/// The model an object held by the one_of `t` is read as: the one its
/// @odata.type names (the base when it has none), or none when the name
/// is no model's and the object is kept verbatim (read).
inline std::optional<model_ref>
alternative_of(type_ref t, jvalue const& o, operation op)
{
    std::size_t const at = o.find(odata_type_key);
    if(at == npos || o.items[at].t != jvalue::type::string)
        return t.alternative(0);
    std::size_t const i = t.select(o.items[at].text);
    if(i == npos)
    {
        if(type_ref::unknown_type_kept(op))
            return std::nullopt;
        return t.alternative(0);
    }
    return t.alternative(i);
}

inline void
collect_sites(jvalue& o, model_ref m, std::size_t depth, std::vector<site>& out, operation op,
    std::optional<type_ref> held = std::nullopt)
{
    bool needs = false;
    if(held)
    {
        std::size_t const at = o.find(odata_type_key);
        needs = held->alternative(0).type_name_required() ||
            (at != npos && o.items[at].t == jvalue::type::string && held->select(o.items[at].text) != 0);
    }
    out.push_back({&o, m, depth, held, needs});
    for(std::size_t i = 0; i < o.keys.size(); ++i)
    {
        std::size_t const k = m.find(o.keys[i].name);
        if(k == m.member_count())
            continue;
        type_ref const t = m.member(k).type();
        jvalue& v = o.items[i];
        if(t.get() == kind::model && v.is_object())
            collect_sites(v, t.model(), depth + 1, out, op);
        else if(t.get() == kind::one_of && v.is_object())
        {
            if(auto const a = alternative_of(t, v, op))
                collect_sites(v, *a, depth + 1, out, op, t);
        }
        else if(t.get() == kind::array && t.element().get() == kind::model && v.is_array())
        {
            for(auto& e : v.items)
                if(e.is_object())
                    collect_sites(e, t.element().model(), depth + 2, out, op);
        }
        else if(t.get() == kind::array && t.element().get() == kind::one_of && v.is_array())
        {
            for(auto& e : v.items)
                if(e.is_object())
                    if(auto const a = alternative_of(t.element(), e, op))
                        collect_sites(e, *a, depth + 2, out, op, t.element());
        }
    }
}

inline std::vector<site>
sites_of(jvalue& root, model_ref m, operation op)
{
    std::vector<site> s;
    collect_sites(root, m, 1, s, op);
    return s;
}

//------------------------------------------------------------------------------
// Flaws: each breaks one rule, so that a document is invalid for a known
// reason.

enum class flaw : unsigned char
{
    syntax,
    depth,
    size,
    duplicate,
    wrong_type,
    constraint,
    bad_enum,
    missing,
    read_only,
    null_value,
    unknown,
    type_name,
    count
};

// Ways to break the string rules `s`.
enum class text_break : unsigned char { too_short, too_long, character, prefix, reserved, value, format };

inline std::vector<text_break>
text_breaks(string_rules const& s)
{
    std::vector<text_break> b;
    if(s.min_length > 0 && s.min_length < 100000)
        b.push_back(text_break::too_short);
    if(s.max_length < 100000)
        b.push_back(text_break::too_long);
    if(s.allowed.restricts() && s.max_length > 0)
        b.push_back(text_break::character);
    if(!s.forbidden_prefix.empty())
        b.push_back(text_break::prefix);
    if(s.reserved_count != 0)
        b.push_back(text_break::reserved);
    if(!s.only_value.empty())
        b.push_back(text_break::value);
    if(s.format == string_format::date_time_offset)
        b.push_back(text_break::format);
    return b;
}

inline std::string
broken_text(context& c, string_rules const& s)
{
    auto const breaks = text_breaks(s);
    std::string const ascii = allowed_ascii(s);
    auto fill = [&](std::string& t, std::size_t n) {
        while(code_point_count(t) < n)
            append_utf8(t, allowed_character(c, s, ascii));
    };
    std::string t;
    switch(c.r.pick(breaks))
    {
    case text_break::too_short:
        fill(t, s.min_length - 1);
        break;
    case text_break::too_long:
        fill(t, s.max_length + 1);
        break;
    case text_break::character:
    {
        fill(t, (std::max)(s.min_length, std::size_t(1)));
        static constexpr char32_t outside[] = {' ', '!', '-', '.', '_', '~', '/', 0xE9, 0x4E2D, '\n', 0x1F600, '"', 'A', 'z', '0'};
        std::vector<char32_t> bad;
        for(char32_t x : outside)
            if(!allowed(s, x))
                bad.push_back(x);
        std::string with;
        std::size_t const at = c.r.below(code_point_count(t));
        std::size_t i = 0;
        for(std::size_t n = 0; i < t.size(); ++n)
        {
            char32_t const x = next_code_point(t, i);
            append_utf8(with, n == at && !bad.empty() ? c.r.pick(bad) : x);
        }
        t = std::move(with);
        break;
    }
    case text_break::prefix:
        t = std::string(s.forbidden_prefix);
        fill(t, s.min_length);
        break;
    case text_break::reserved:
        t = std::string(s.reserved[c.r.below(s.reserved_count)]);
        break;
    case text_break::value:
    {
        // The one value with a letter's case changed, cut or extended.
        t = std::string(s.only_value);
        std::size_t const at = c.r.below(t.size());
        switch(c.r.below(3))
        {
        case 0: t[at] = static_cast<char>(t[at] ^ 0x20); break;
        case 1: t.erase(at, 1); break;
        default: t.insert(at, 1, 'x'); break;
        }
        if(t == s.only_value)
            t += "x";
        break;
    }
    case text_break::format:
        t = broken_date_time(c);
        break;
    }
    return t;
}

// The integer just outside `range`, within the C++ type (else a
// type_mismatch, not a constraint_violation).
inline std::optional<std::int64_t>
broken_integer(context& c, type_ref t, integer_rules const& range)
{
    std::vector<std::int64_t> v;
    if(range.min > t.min_value())
        v.push_back(range.min - 1);
    if(range.max < t.max_value())
        v.push_back(range.max + 1);
    if(v.empty())
        return std::nullopt;
    return c.r.pick(v);
}

// Whether the element count rule of `m` can be broken with a small array.
inline bool
count_breakable(member_ref m, operation op)
{
    item_rules const* r = m.items();
    return r && !m.read_only(op) && m.type().get() == kind::array &&
        ((r->min > 0 && !m.count_valid(r->min - 1, op)) ||
         (r->max < 256 && !m.count_valid(r->max + 1, op)));
}

inline bool
breakable(member_ref m, operation op)
{
    if(m.read_only(op) || !rules_checked(op))
        return false;
    if(count_breakable(m, op))
        return true;
    type_ref t = m.type();
    if(t.get() == kind::array)
        t = t.element();
    if(t.get() == kind::string && m.text())
        return !text_breaks(*m.text()).empty();
    if(t.get() == kind::integer && m.range())
        return m.range()->min > t.min_value() || m.range()->max < t.max_value();
    return false;
}

inline jvalue
broken_value(context& c, member_ref m, std::size_t depth)
{
    type_ref const t = m.type();
    if(count_breakable(m, c.opt.operation))
    {
        item_rules const& r = *m.items();
        bool const fewer = r.min > 0 && !m.count_valid(r.min - 1, c.opt.operation);
        bool const more = r.max < 256 && !m.count_valid(r.max + 1, c.opt.operation);
        bool const text_too = t.get() == kind::array &&
            ((t.element().get() == kind::string && m.text() && !text_breaks(*m.text()).empty()) ||
             (t.element().get() == kind::integer && m.range() &&
                 broken_integer(c, t.element(), *m.range())));
        if(!text_too || c.r.one_in(2))
        {
            // One element too few or too many (valid elements).
            std::size_t const n = fewer && (!more || c.r.one_in(2)) ? r.min - 1 : r.max + 1;
            jvalue a = jvalue::make(jvalue::type::array);
            context lean = c;
            lean.lean = true;
            for(std::size_t k = 0; k < n; ++k)
                a.items.push_back(valid_value(lean, t.element(), m.text(), m.range(), depth + 1));
            return a;
        }
    }
    type_ref const scalar = t.get() == kind::array ? t.element() : t;
    jvalue bad;
    if(scalar.get() == kind::string)
        bad = jvalue::string(broken_text(c, *m.text()));
    else
        bad = jvalue::number(integer_text(*broken_integer(c, scalar, *m.range())));
    if(t.get() != kind::array)
        return bad;
    jvalue a = valid_value(c, t, m.text(), m.range(), depth, m.items());
    if(!a.items.empty() && m.items() && !m.count_valid(a.items.size() + 1, c.opt.operation))
        a.items.pop_back(); // the count stays valid: one rule broken
    insert_somewhere(c.r, a.items, std::move(bad));
    return a;
}

// Whether some enumerator name is invalid in `op` (an open enum and
// flags keep any name on read).
inline bool
enum_breakable(type_ref t, operation op)
{
    if(t.get() == kind::array)
        t = t.element();
    return (t.get() == kind::enumeration || t.get() == kind::flags) && !t.unknown_name_valid(op);
}

// A name the enum `e` refuses in `op`; for flags, one with no comma or
// space around it, which the reader would split or trim.
inline std::string
bad_enumerator(context& c, type_ref e, operation op)
{
    bool const flags = e.get() == kind::flags;
    for(int attempt = 0; attempt < 8; ++attempt)
    {
        std::string s(e.enumerator(c.r.below(e.enumerator_count())));
        switch(c.r.below(flags ? 4 : 5))
        {
        case 0: if(!s.empty()) s[0] = static_cast<char>(s[0] ^ 0x20); break;
        case 1: s = ""; break;
        case 2: s = "unknownValue" + integer_text(c.r.below(1000)); break;
        case 3: s.insert(0, "#"); break;
        default: s += ' '; break;
        }
        if(!e.name_valid(s, op))
            return s;
    }
    return "\x01notAnEnumerator";
}

// A flags value with one name `op` refuses, in one of the forms.
inline jvalue
bad_flags(context& c, type_ref t, std::size_t depth)
{
    jvalue v = valid_value(c, t, nullptr, nullptr, depth);
    std::string const bad = bad_enumerator(c, t, c.opt.operation);
    if(v.is_array())
        insert_somewhere(c.r, v.items, jvalue::string(bad));
    else if(v.text.empty() || c.r.one_in(3))
        v.text = bad + (v.text.empty() ? "" : ", " + v.text);
    else
        v.text += (c.r.one_in(2) ? ", " : ",") + bad;
    return v;
}

// A value of another JSON type than `t` takes (never null, which has its
// own rules).
inline jvalue
wrong_type_value(context& c, type_ref t)
{
    std::vector<jvalue> v;
    auto const object = [] { return jvalue::make(jvalue::type::object); };
    auto const array = [] { return jvalue::make(jvalue::type::array); };
    switch(t.get())
    {
    case kind::string:
    case kind::enumeration:
        v = {jvalue::number("1"), jvalue::boolean(false), object(), array()};
        break;
    case kind::flags: // a string or an array of strings
        v = {jvalue::number("1"), jvalue::boolean(false), object()};
        break;
    case kind::boolean:
        v = {jvalue::string("true"), jvalue::number("0"), object(), array()};
        break;
    case kind::integer:
        v = {jvalue::string("1"), jvalue::number("1.5"), jvalue::number("-0.25e1"), jvalue::boolean(true), array(), object(),
            jvalue::number(t.max_value() < (std::numeric_limits<std::int64_t>::max)()
                ? integer_text(t.max_value() + 1) : std::string("9223372036854775808")),
            jvalue::number(t.min_value() > (std::numeric_limits<std::int64_t>::min)()
                ? integer_text(t.min_value() - 1) : std::string("-9223372036854775809"))};
        break;
    case kind::number:
        v = {jvalue::string("1.5"), jvalue::string("NaN"), jvalue::boolean(true), array(), object()};
        break;
    case kind::array:
        v = {object(), jvalue::string("[]"), jvalue::number("0"), jvalue::boolean(false)};
        break;
    case kind::model:
    case kind::one_of:
        v = {array(), jvalue::string("{}"), jvalue::number("1"), jvalue::boolean(true)};
        break;
    case kind::raw:
        break;
    }
    if(v.empty())
        return jvalue::make(jvalue::type::array);
    return std::move(v[c.r.below(v.size())]);
}

// A @odata.type value that names neither `m` nor, for an object in a
// one_of, any model of it.
inline std::string
bad_type_name(context& c, model_ref m, std::optional<type_ref> held = std::nullopt)
{
    std::string const name(m.type_name(c.r.below(m.type_name_count())));
    for(int attempt = 0; attempt < 8; ++attempt)
    {
        std::string s;
        switch(c.r.below(8))
        {
        case 0: s = "#microsoft.graph.user"; break;
        case 1: s = "##" + name; break;
        case 2: s = "#" + name + " "; break;
        case 3: s = name.substr(name.rfind('.') + 1); break;
        case 4: s = ""; break;
        case 5: s = name; s[s.rfind('.') + 1] = static_cast<char>(s[s.rfind('.') + 1] ^ 0x20); break;
        case 6: s = name + "s"; break;
        default: s = "#"; break;
        }
        bool known = held && held->select(s) != npos;
        for(std::size_t i = 0; i < m.type_name_count(); ++i)
            known = known || s == m.type_name(i) || s == "#" + std::string(m.type_name(i));
        if(!known)
            return s;
    }
    return "#not.a.type";
}

// The members of a site that a predicate picks.
template<class Pred>
std::vector<std::pair<std::size_t, std::size_t>>
members_where(std::vector<site> const& sites, Pred p)
{
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for(std::size_t s = 0; s < sites.size(); ++s)
        for(std::size_t i = 0; i < sites[s].model.member_count(); ++i)
            if(p(sites[s], sites[s].model.member(i)))
                out.push_back({s, i});
    return out;
}

/// A deep value: `n` levels of arrays and objects.
inline std::string
deep_text(context& c, std::size_t n)
{
    std::string open;
    std::string close;
    bool const objects = c.r.one_in(3);
    for(std::size_t i = 0; i < n; ++i)
    {
        if(objects && i % 2 == 1)
        {
            open += "{\"a\":";
            close += '}';
        }
        else
        {
            open += '[';
            close += ']';
        }
    }
    std::reverse(close.begin(), close.end());
    return open + close;
}

// Breaks the text `s` of an object document so that it is not JSON.
inline void
break_syntax_text(context& c, std::string& s)
{
    switch(c.r.below(6))
    {
    case 0: // truncated: the root's closing brace at least is lost
    {
        std::size_t const end = s.rfind('}');
        s.resize(c.r.below((end == std::string::npos ? s.size() : end) + 1));
        break;
    }
    case 1:
    {
        static constexpr std::string_view tails[] = {"x", ",", "}", "{}", "]", " 1", "\"", "nul", "\x00"};
        auto const t = c.r.pick(tails);
        s.append(t.empty() ? std::string_view("\0", 1) : t);
        break;
    }
    case 2: // a byte order mark: valid UTF-8, not allowed
        s.insert(0, "\xEF\xBB\xBF");
        break;
    case 3: // a trailing comma
    {
        std::size_t const end = s.rfind('}');
        s.insert(end == std::string::npos ? s.size() : end, ",");
        break;
    }
    case 4:
        s = c.r.one_in(2) ? "" : " \n\t";
        break;
    default: // a comment
    {
        std::size_t const begin = s.find('{');
        s.insert(begin == std::string::npos ? 0 : begin + 1, c.r.one_in(2) ? "/**/" : "//\n");
        break;
    }
    }
}

// JSON that is broken inside: bad UTF-8, lone surrogates, bad literals.
inline std::string
broken_token(context& c)
{
    static constexpr std::string_view tokens[] = {
        "\"a\xFF" "b\"", "\"\xC3\"", "\"\xED\xA0\x80\"", "\"\xC0\xAF\"", "\"\xF4\x90\x80\x80\"",
        "\"\\ud800\"", "\"\\udc00x\"", "\"\\ud83d\\u0041\"", "\"\\x41\"", "\"\\u12\"",
        "tru", "nul", "NaN", "Infinity", "01", "1.", ".5", "+1", "'x'", "1e", "--1", "0x10",
        "1e9999999999", "\"\x01\"", "[1,]", "{\"a\"}", "{\"a\":1,}", "[,]", "\"", "{", "[1 2]"};
    return std::string(c.r.pick(tokens));
}

// The members each flaw can break, and the sites it can change.
struct flaw_targets
{
    generate_options const& opt;
    std::vector<site> const& sites;

    operation op() const noexcept { return opt.operation; }
    api_version version() const noexcept { return opt.version; }

    // A declared member of this version, not read-only.
    bool
    writable(member_ref m) const noexcept
    {
        return m.present(version()) && !m.read_only(op());
    }

    auto constraint() const { return members_where(sites, [&](site const&, member_ref m) {
        return m.present(version()) && breakable(m, op()); }); }
    auto bad_enum() const { return members_where(sites, [&](site const&, member_ref m) {
        return writable(m) && enum_breakable(m.type(), op()); }); }
    auto missing() const { return members_where(sites, [&](site const&, member_ref m) {
        return m.present(version()) && m.required(op(), version()); }); }
    auto read_only() const { return members_where(sites, [&](site const&, member_ref m) {
        return m.present(version()) && m.read_only(op()); }); }
    auto wrong_type() const { return members_where(sites, [&](site const&, member_ref m) {
        return writable(m) && m.type().get() != kind::raw; }); }
    // null where the engine refuses it: a required member, a collection,
    // a std::optional single value; or a null element of an array.
    auto null_value() const { return members_where(sites, [&](site const&, member_ref m) {
        return m.present(version()) && !m.read_only(op()) &&
            (!m.null_allowed(op(), version()) ||
             (m.type().get() == kind::array && !null_element_allowed(m.type().element())));
    }); }
    // Members of the other version, in objects that refuse unknown ones.
    auto other_version() const { return members_where(sites, [&](site const& s, member_ref m) {
        return !m.present(version()) && !unknown_kept(opt, s.model); }); }

    // Objects whose @odata.type is required (an abstract base in a one_of).
    std::vector<std::size_t>
    type_name_needed() const
    {
        std::vector<std::size_t> v;
        for(std::size_t i = 0; i < sites.size(); ++i)
            if(sites[i].one_of && sites[i].one_of->alternative(0).type_name_required() &&
                sites[i].object->find(odata_type_key) != npos)
                v.push_back(i);
        return v;
    }

    // Objects where a @odata.type naming no model is an error: all but
    // those in a one_of on read (kept verbatim there).
    std::vector<std::size_t>
    type_name_checked() const
    {
        std::vector<std::size_t> v;
        for(std::size_t i = 0; i < sites.size(); ++i)
            if(!sites[i].one_of || !type_ref::unknown_type_kept(op()))
                v.push_back(i);
        return v;
    }
};

inline bool
flaw_available(flaw f, flaw_targets const& t)
{
    generate_options const& opt = t.opt;
    switch(f)
    {
    case flaw::syntax:
    case flaw::depth:
    case flaw::duplicate:
    case flaw::wrong_type:
        return true;
    case flaw::type_name:
        return !t.type_name_checked().empty();
    case flaw::size:
        return opt.max_bytes < opt.max_size;
    case flaw::constraint:
        return !t.constraint().empty();
    case flaw::bad_enum:
        return !t.bad_enum().empty();
    case flaw::missing:
        return !t.missing().empty() || !t.type_name_needed().empty();
    case flaw::read_only:
        return !t.read_only().empty();
    case flaw::null_value:
        return !t.null_value().empty();
    case flaw::unknown:
        if(opt.unknown != unknown_policy::reject)
            return false;
        for(auto const& s : t.sites)
            if(!s.model.open())
                return true;
        return false;
    case flaw::count:
        break;
    }
    return false;
}

/// Breaks one rule of the valid document `root` (of model `m`) and
/// writes it.
inline std::string
flawed(context& c, jvalue root, model_ref m)
{
    generate_options const& opt = c.opt;
    operation const op = opt.operation;
    api_version const ver = opt.version;
    auto sites = sites_of(root, m, op);
    flaw_targets const targets{opt, sites};
    std::vector<flaw> choices;
    for(std::size_t i = 0; i < static_cast<std::size_t>(flaw::count); ++i)
        if(flaw_available(static_cast<flaw>(i), targets))
            choices.push_back(static_cast<flaw>(i));
    flaw const f = c.r.pick(choices);
    site const& s = sites[c.r.below(sites.size())];
    jvalue& o = *s.object;
    struct target
    {
        jvalue& object;
        member_ref member;
        std::size_t depth;
    };
    auto const pick_member = [&](std::vector<std::pair<std::size_t, std::size_t>> const& among) {
        auto const chosen = c.r.pick(among);
        site const& at = sites[chosen.first];
        return target{*at.object, at.model.member(chosen.second), at.depth};
    };
    style const st = random_style(c.r);
    switch(f)
    {
    case flaw::syntax:
    {
        if(c.r.one_in(3))
        {
            std::string text = write(root, st, c.r);
            break_syntax_text(c, text);
            return text;
        }
        std::string k = annotation_key(c, s.model, o);
        std::string const token = broken_token(c);
        if(k.empty() || c.r.one_in(4))
        {
            // a broken key
            o.add("k", jvalue::make(jvalue::type::null));
            o.keys.back().spelling = c.r.one_in(2) ? "\"k\xFF\"" : "\"\\ud800\"";
        }
        else
            o.add(std::move(k), jvalue::verbatim(token));
        break;
    }
    case flaw::depth:
    {
        std::size_t const limit = effective_max_depth(opt);
        std::size_t const at = s.depth <= limit ? s.depth : 1;
        jvalue& target = at == s.depth ? o : root;
        std::string k = annotation_key(c, m, target);
        if(k.empty())
            k = "@deep" + integer_text(target.items.size());
        target.add(std::move(k), jvalue::verbatim(deep_text(c, limit + 1 - at)));
        break;
    }
    case flaw::size:
    {
        std::string text = write(root, st, c.r);
        if(text.size() <= opt.max_bytes)
        {
            std::size_t const at = c.r.one_in(2) ? 0 : text.size();
            char const pad = c.r.one_in(2) ? ' ' : '\n';
            text.insert(at, opt.max_bytes + 1 - text.size(), pad);
        }
        return text;
    }
    case flaw::duplicate:
    {
        if(o.items.empty() || c.r.one_in(4))
        {
            std::string k = annotation_key(c, s.model, o);
            if(k.empty())
                k = "@dup";
            o.add(k, jvalue::number("1"));
            o.add(k, jvalue::number("2"));
        }
        else
        {
            std::size_t const i = c.r.below(o.items.size());
            std::string const k = o.keys[i].name;
            jvalue v = c.r.one_in(2) ? o.items[i] : any_value(c, s.depth + 1);
            o.add(k, std::move(v));
            // Equal after unescaping, not before.
            if(c.r.one_in(2))
                o.keys.back().spelling = writer::escaped_all(k);
        }
        break;
    }
    case flaw::wrong_type:
    {
        std::size_t const way = c.r.below(8);
        if(way == 0)
        {
            // The root is not an object.
            static constexpr std::string_view roots[] = {"[]", "[{}]", "\"{}\"", "0", "true", "null", "-1.5"};
            jvalue const r = jvalue::verbatim(std::string(c.r.pick(roots)));
            return write(r, st, c.r);
        }
        if(way == 1)
        {
            static constexpr std::string_view values[] = {"null", "1", "true", "[]", "{}", "[\"#x.y\"]"};
            o.set(odata_type_key, jvalue::verbatim(std::string(c.r.pick(values))));
            break;
        }
        auto const candidates = targets.wrong_type();
        if(candidates.empty())
        {
            o.set(odata_type_key, jvalue::number("1"));
            break;
        }
        auto const chosen = c.r.pick(candidates);
        site const& at = sites[chosen.first];
        member_ref const mb = at.model.member(chosen.second);
        type_ref const t = mb.type();
        if(t.get() == kind::array && t.element().get() != kind::raw && c.r.one_in(2))
        {
            // One element of the wrong type.
            jvalue a = member_value(c, mb, at.depth + 1);
            insert_somewhere(c.r, a.items, wrong_type_value(c, t.element()));
            at.object->set(mb.json_name(), std::move(a));
        }
        else
            at.object->set(mb.json_name(), wrong_type_value(c, t));
        break;
    }
    case flaw::constraint:
    {
        auto p = pick_member(targets.constraint());
        p.object.set(p.member.json_name(), broken_value(c, p.member, p.depth + 1));
        break;
    }
    case flaw::bad_enum:
    {
        auto p = pick_member(targets.bad_enum());
        member_ref const mb = p.member;
        if(mb.type().get() == kind::array)
        {
            jvalue a = member_value(c, mb, p.depth + 1);
            if(!a.items.empty() && !mb.count_valid(a.items.size() + 1, op))
                a.items.pop_back();
            insert_somewhere(c.r, a.items, jvalue::string(bad_enumerator(c, mb.type().element(), op)));
            p.object.set(mb.json_name(), std::move(a));
        }
        else if(mb.type().get() == kind::flags)
            p.object.set(mb.json_name(), bad_flags(c, mb.type(), p.depth + 1));
        else
            p.object.set(mb.json_name(), jvalue::string(bad_enumerator(c, mb.type(), op)));
        break;
    }
    case flaw::missing:
    {
        auto const members = targets.missing();
        auto const typed = targets.type_name_needed();
        if(!typed.empty() && (members.empty() || c.r.one_in(2)))
        {
            // An abstract base's object without its @odata.type.
            jvalue& t = *sites[c.r.pick(typed)].object;
            t.erase(t.find(odata_type_key));
            break;
        }
        auto p = pick_member(members);
        std::size_t const i = p.object.find(p.member.json_name());
        if(i != npos)
            p.object.erase(i);
        break;
    }
    case flaw::read_only:
    {
        auto p = pick_member(targets.read_only());
        p.object.set(p.member.json_name(), member_value(c, p.member, p.depth + 1));
        break;
    }
    case flaw::null_value:
    {
        auto p = pick_member(targets.null_value());
        member_ref const mb = p.member;
        bool const element = mb.type().get() == kind::array && !null_element_allowed(mb.type().element());
        if(element && (mb.null_allowed(op, ver) || c.r.one_in(2)))
        {
            jvalue a = member_value(c, mb, p.depth + 1);
            if(!a.items.empty() && !mb.count_valid(a.items.size() + 1, op))
                a.items.pop_back();
            insert_somewhere(c.r, a.items, jvalue::make(jvalue::type::null));
            p.object.set(mb.json_name(), std::move(a));
        }
        else
            p.object.set(mb.json_name(), jvalue::make(jvalue::type::null));
        break;
    }
    case flaw::unknown:
    {
        auto const other = targets.other_version();
        if(!other.empty() && c.r.one_in(2))
        {
            // A member of the other version: unknown in this one.
            auto p = pick_member(other);
            p.object.set(p.member.json_name(), member_value(c, p.member, p.depth + 1));
            break;
        }
        std::vector<site const*> closed;
        for(auto const& x : sites)
            if(!x.model.open())
                closed.push_back(&x);
        site const& at = *c.r.pick(closed);
        std::string k = unknown_key(c, at.model, *at.object);
        if(k.empty())
            k = "unknown" + integer_text(at.object->items.size());
        at.object->add(std::move(k), any_value(c, at.depth + 1));
        break;
    }
    case flaw::type_name:
    {
        site const& at = sites[c.r.pick(targets.type_name_checked())];
        at.object->set(odata_type_key, jvalue::string(bad_type_name(c, at.model, at.one_of)));
        break;
    }
    case flaw::count:
        break;
    }
    return write(root, st, c.r);
}

/// A valid document of model `m`, within the size bounds when it can be.
inline jvalue
valid_document(context& c, model_ref m, std::string& text)
{
    std::size_t const bound = (std::min)(c.opt.max_size, c.opt.max_bytes);
    jvalue doc;
    for(int attempt = 0; attempt < 3; ++attempt)
    {
        c.lean = attempt >= 1;
        c.minimal = attempt >= 2;
        doc = model_object(c, m, 1);
        text = write(doc, c.minimal ? style{} : random_style(c.r), c.r);
        if(text.size() <= bound)
            break;
    }
    c.lean = c.minimal = false;
    return doc;
}

inline context
make_context(generate_options const& opt, rng& r)
{
    std::size_t const depth = effective_max_depth(opt);
    return context{opt, r, (std::max)(std::size_t(1), (std::min)(opt.max_nesting, depth))};
}

inline std::string
generate(model_ref m, std::uint64_t seed, generate_options const& opt)
{
    rng r(mix(seed, 0x67656e6572617465ull));
    context c = make_context(opt, r);
    bool const invalid = r.chance(opt.invalid_ratio);
    std::string text;
    jvalue doc = valid_document(c, m, text);
    if(!invalid)
        return text;
    return flawed(c, std::move(doc), m);
}

//------------------------------------------------------------------------------
// Mutation

// Where a JSON Pointer of a report leads in the tree, and what the model
// expects there.
struct place
{
    jvalue* parent = nullptr;             // the object or array holding the value
    std::size_t index = npos;             // the value's position in it (npos: absent)
    std::string key;                      // its key, in an object
    std::optional<model_ref> model;       // the parent is an object of this model
    std::optional<member_ref> array_of;   // the parent is this member's array
    std::optional<type_ref> one_of;       // the parent is an object this one_of holds
    std::size_t depth = 0;                // the parent's depth
};

inline bool
locate(jvalue& root, model_ref m, std::string_view pointer, place& out, operation op)
{
    if(pointer.empty() || pointer[0] != '/')
        return false;
    jvalue* cur = &root;
    std::optional<model_ref> cur_model = m;
    std::optional<member_ref> cur_array;
    std::optional<type_ref> cur_one_of;
    std::size_t depth = 1;
    std::size_t pos = 1;
    for(;;)
    {
        std::size_t const slash = pointer.find('/', pos);
        std::string_view const raw = pointer.substr(pos, slash == std::string_view::npos ? std::string_view::npos : slash - pos);
        std::string token;
        for(std::size_t i = 0; i < raw.size(); ++i)
        {
            if(raw[i] == '~' && i + 1 < raw.size())
            {
                token.push_back(raw[i + 1] == '1' ? '/' : '~');
                ++i;
            }
            else
                token.push_back(raw[i]);
        }
        bool const last = slash == std::string_view::npos;
        std::size_t index = npos;
        std::optional<model_ref> next_model;
        std::optional<member_ref> next_array;
        std::optional<type_ref> next_one_of;
        // An object a one_of holds is of the model its @odata.type names.
        auto const held = [&](type_ref t, std::size_t i) {
            if(i != npos && cur->items[i].is_object())
            {
                next_model = alternative_of(t, cur->items[i], op);
                next_one_of = t;
            }
        };
        if(cur->is_object())
        {
            index = cur->find(token);
            if(cur_model)
            {
                std::size_t const k = cur_model->find(token);
                if(k != cur_model->member_count())
                {
                    member_ref const mb = cur_model->member(k);
                    if(mb.type().get() == kind::model)
                        next_model = mb.type().model();
                    else if(mb.type().get() == kind::one_of)
                        held(mb.type(), index);
                    else if(mb.type().get() == kind::array)
                        next_array = mb;
                }
            }
        }
        else if(cur->is_array())
        {
            std::size_t v = 0;
            auto const r = std::from_chars(token.data(), token.data() + token.size(), v);
            if(r.ec != std::errc() || r.ptr != token.data() + token.size() || v >= cur->items.size())
                return false;
            index = v;
            if(cur_array && cur_array->type().element().get() == kind::model)
                next_model = cur_array->type().element().model();
            else if(cur_array && cur_array->type().element().get() == kind::one_of)
                held(cur_array->type().element(), index);
        }
        else
            return false;
        if(last)
        {
            out.parent = cur;
            out.index = index;
            out.key = std::move(token);
            out.model = cur->is_object() ? cur_model : std::nullopt;
            out.array_of = cur->is_array() ? cur_array : std::nullopt;
            out.one_of = cur->is_object() ? cur_one_of : std::nullopt;
            out.depth = depth;
            return true;
        }
        if(index == npos)
            return false;
        cur = &cur->items[index];
        cur_model = next_model;
        cur_array = next_array;
        cur_one_of = next_one_of;
        ++depth;
        pos = slash + 1;
    }
}

// Fixes the value an issue points at: a valid value, or none.
inline void
repair(context& c, jvalue& root, model_ref m, issue const& i)
{
    operation const op = c.opt.operation;
    api_version const ver = c.opt.version;
    place p;
    if(!locate(root, m, i.pointer, p, op))
        return;
    jvalue& parent = *p.parent;
    switch(i.code)
    {
    case error::missing_required:
        if(p.key == odata_type_key && p.one_of)
        {
            // An abstract base's object: named as one of the derived types.
            type_ref const t = *p.one_of;
            std::size_t const a = t.derived_count() == 0 ? 0 : 1 + c.r.below(t.derived_count());
            parent.set(odata_type_key, jvalue::string(type_name_spelling(c, t.alternative(a))));
        }
        else if(p.model)
        {
            std::size_t const k = p.model->find(p.key);
            if(k != p.model->member_count())
                parent.set(p.key, member_value(c, p.model->member(k), p.depth + 1));
        }
        return;
    case error::read_only_property:
    case error::unknown_property:
        if(p.index != npos && parent.is_object())
            parent.erase(p.index);
        return;
    case error::type_mismatch:
    case error::constraint_violation:
    case error::invalid_enum:
    case error::null_not_allowed:
    case error::odata_type_mismatch:
        break;
    default:
        return;
    }
    if(p.index == npos)
        return;
    if(parent.is_object())
    {
        std::size_t const k = p.model ? p.model->find(p.key) : 0;
        bool const declared = p.model && k != p.model->member_count();
        if(p.key == odata_type_key && p.model && c.r.one_in(2))
            parent.items[p.index] = jvalue::string(type_name_spelling(c, *p.model));
        else if(declared && p.model->member(k).present(ver) &&
            (p.model->member(k).required(op, ver) || c.r.one_in(2)))
            parent.items[p.index] = member_value(c, p.model->member(k), p.depth + 1);
        else
            parent.erase(p.index);
    }
    else if(p.array_of && (c.r.one_in(2) || !p.array_of->count_valid(parent.items.size() - 1, op)))
        parent.items[p.index] = valid_value(c, p.array_of->type().element(), p.array_of->text(),
            p.array_of->range(), p.depth + 1);
    else
        parent.erase(p.index);
}

inline bool
editable(member_ref mb, operation op, api_version v)
{
    return mb.present(v) && !mb.read_only(op);
}

/// One change the model allows to a valid document.
inline void
mutate_valid(context& c, jvalue& root, model_ref m)
{
    operation const op = c.opt.operation;
    api_version const ver = c.opt.version;
    auto sites = sites_of(root, m, op);
    site const& s = sites[c.r.below(sites.size())];
    jvalue& o = *s.object;
    std::vector<std::size_t> editable_members;
    for(std::size_t i = 0; i < s.model.member_count(); ++i)
        if(editable(s.model.member(i), op, ver))
            editable_members.push_back(i);
    auto const regenerate = [&] {
        if(editable_members.empty())
            return;
        member_ref const mb = s.model.member(c.r.pick(editable_members));
        o.set(mb.json_name(), member_value(c, mb, s.depth + 1));
    };
    switch(c.r.below(10))
    {
    case 0:
    case 1:
        regenerate();
        return;
    case 2: // remove what may be absent
    {
        std::vector<std::size_t> removable;
        for(std::size_t i = 0; i < o.keys.size(); ++i)
        {
            std::size_t const k = s.model.find(o.keys[i].name);
            if(o.keys[i].name == odata_type_key ? !s.needs_type_name
                : k == s.model.member_count() || !s.model.member(k).required(op, ver))
                removable.push_back(i);
        }
        if(removable.empty())
            regenerate();
        else
            o.erase(c.r.pick(removable));
        return;
    }
    case 3: // a member absent, or null where null is allowed
    {
        std::vector<std::size_t> absent;
        for(auto i : editable_members)
            if(o.find(s.model.member(i).json_name()) == npos)
                absent.push_back(i);
        if(absent.empty())
        {
            regenerate();
            return;
        }
        member_ref const mb = s.model.member(c.r.pick(absent));
        if(mb.null_allowed(op, ver) && c.r.one_in(4))
            o.set(mb.json_name(), jvalue::make(jvalue::type::null));
        else
            o.set(mb.json_name(), member_value(c, mb, s.depth + 1));
        return;
    }
    case 4: // an array: add, remove, repeat or swap elements
    {
        std::vector<std::size_t> arrays;
        for(std::size_t i = 0; i < o.keys.size(); ++i)
        {
            std::size_t const k = s.model.find(o.keys[i].name);
            if(k != s.model.member_count() && o.items[i].is_array() &&
                s.model.member(k).type().get() == kind::array && editable(s.model.member(k), op, ver))
                arrays.push_back(i);
        }
        if(arrays.empty())
        {
            regenerate();
            return;
        }
        std::size_t const i = c.r.pick(arrays);
        member_ref const mb = s.model.member(s.model.find(o.keys[i].name));
        auto& items = o.items[i].items;
        std::size_t const way = items.empty() ? 0 : c.r.below(4);
        // Within the count its items() rule allows.
        bool const more = items.size() < 64 && mb.count_valid(items.size() + 1, op);
        bool const fewer = !items.empty() && mb.count_valid(items.size() - 1, op);
        if(way == 0 && more)
            insert_somewhere(c.r, items, valid_value(c, mb.type().element(), mb.text(), mb.range(), s.depth + 2));
        else if(way == 1 && fewer)
            items.erase(items.begin() + static_cast<std::ptrdiff_t>(c.r.below(items.size())));
        else if(way == 2 && more)
            items.push_back(items[c.r.below(items.size())]);
        else if(!items.empty())
        {
            std::size_t const i1 = c.r.below(items.size());
            std::size_t const i2 = c.r.below(items.size());
            std::swap(items[i1], items[i2]);
        }
        return;
    }
    case 5: // an annotation
    {
        std::string k = annotation_key(c, s.model, o);
        if(!k.empty())
            o.add(std::move(k), any_value(c, s.depth + 1));
        return;
    }
    case 6: // an unknown member, where the policy keeps it
    {
        if(!s.model.open() && c.opt.unknown == unknown_policy::reject)
        {
            regenerate();
            return;
        }
        // Now and then a member of the other version, unknown in this one.
        std::vector<std::size_t> other;
        for(std::size_t i = 0; i < s.model.member_count(); ++i)
            if(!s.model.member(i).present(ver) && o.find(s.model.member(i).json_name()) == npos)
                other.push_back(i);
        if(!other.empty() && c.r.one_in(3))
        {
            member_ref const mb = s.model.member(c.r.pick(other));
            o.add(std::string(mb.json_name()), member_value(c, mb, s.depth + 1));
            return;
        }
        std::string k = unknown_key(c, s.model, o);
        if(!k.empty())
            o.add(std::move(k), any_value(c, s.depth + 1));
        return;
    }
    case 7: // the type name, spelled another valid way, or gone
        if(c.r.one_in(3) && !s.needs_type_name)
        {
            std::size_t const i = o.find(odata_type_key);
            if(i != npos)
                o.erase(i);
        }
        else
            o.set(odata_type_key, jvalue::string(type_name_spelling(c, s.model)));
        return;
    default: // the members in another order
        for(std::size_t i = o.items.size(); i > 1; --i)
        {
            std::size_t const j = c.r.below(i);
            std::swap(o.items[i - 1], o.items[j]);
            std::swap(o.keys[i - 1], o.keys[j]);
        }
        return;
    }
}

// Drops what may go, largest first, until the text fits (or nothing can go).
inline bool
shrink_to(context& c, jvalue& root, model_ref m, std::size_t limit, std::string& text)
{
    operation const op = c.opt.operation;
    for(int round = 0; round < 64; ++round)
    {
        text = write(root, style{}, c.r);
        if(text.size() <= limit)
            return true;
        auto sites = sites_of(root, m, op);
        jvalue* best_parent = nullptr;
        std::size_t best = npos;
        std::size_t best_size = 0;
        for(auto const& s : sites)
            for(std::size_t i = 0; i < s.object->keys.size(); ++i)
            {
                std::size_t const k = s.model.find(s.object->keys[i].name);
                if(k != s.model.member_count() && s.model.member(k).required(op, c.opt.version))
                    continue;
                if(s.object->keys[i].name == odata_type_key && s.needs_type_name)
                    continue;
                std::size_t const size = write(s.object->items[i], style{}, c.r).size();
                if(best == npos || size > best_size)
                {
                    best_parent = s.object;
                    best = i;
                    best_size = size;
                }
            }
        if(best == npos)
            return false;
        best_parent->erase(best);
    }
    return false;
}

// Byte-level mutation without libFuzzer.
inline std::size_t
mutate_bytes(rng& r, std::uint8_t* data, std::size_t size, std::size_t max_size)
{
    static constexpr std::string_view tokens[] = {
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u0000", "\\ud800", "null", "true", "1e400", "-0",
        "@odata.type", "#", "\xFF", "\xC3\xA9", " ", "\n", "0", "9223372036854775808", "\"\":"};
    std::size_t const way = size == 0 ? 2 : r.below(6);
    switch(way)
    {
    case 0: // a bit
    {
        std::size_t const at = r.below(size);
        data[at] ^= static_cast<std::uint8_t>(1u << r.below(8));
    }
        return size;
    case 1: // a byte
    {
        std::size_t const at = r.below(size);
        data[at] = static_cast<std::uint8_t>(r.next());
    }
        return size;
    case 2: // a token inserted
    {
        auto const t = r.pick(tokens);
        if(size + t.size() > max_size)
            return size;
        std::size_t const at = r.below(size + 1);
        std::memmove(data + at + t.size(), data + at, size - at);
        std::memcpy(data + at, t.data(), t.size());
        return size + t.size();
    }
    case 3: // a range erased
    {
        std::size_t const at = r.below(size);
        std::size_t const n = 1 + r.below((std::min)(size - at, std::size_t(16)));
        std::memmove(data + at, data + at + n, size - at - n);
        return size - n;
    }
    case 4: // a range repeated
    {
        std::size_t const at = r.below(size);
        std::size_t const n = 1 + r.below((std::min)(size - at, std::size_t(32)));
        if(size + n > max_size)
            return size;
        std::memmove(data + at + n, data + at, size - at);
        return size + n;
    }
    default: // truncated
        return r.below(size);
    }
}

inline std::size_t
store(std::string const& text, std::uint8_t* data, std::size_t max_size)
{
    if(text.size() > max_size)
        return npos;
    if(!text.empty())
        std::memcpy(data, text.data(), text.size());
    return text.size();
}

template<class T>
std::string
canonical(std::string const& text, decode_options const& d, rng& r)
{
    auto const decoded = graphschema::decode<T>(text, d);
    if(!decoded.ok())
        return text;
    encode_options e;
    static constexpr odata_type_scope scopes[] = {
        odata_type_scope::everywhere, odata_type_scope::root, odata_type_scope::nowhere};
    e.odata_type = scopes[r.below(3)];
    e.version = d.version;
    return graphschema::encode(*decoded, e);
}

template<class T>
std::size_t
mutate(std::uint8_t* data, std::size_t size, std::size_t max_size, unsigned int seed,
    mutate_options const& opt)
{
    if(max_size == 0)
        return 0;
    rng r(mix(seed, 0x6d7574617465ull ^ size));
    model_ref const m = root_model<T>();
    // Now and then, bytes: the parser's edges.
    if(size != 0 && size <= max_size && r.chance(opt.byte_ratio))
    {
#if GRAPHSCHEMA_FUZZ_HAS_LLVM_MUTATE
        if(&LLVMFuzzerMutate != nullptr)
            return LLVMFuzzerMutate(data, size, max_size);
#endif
        return mutate_bytes(r, data, size, max_size);
    }
    generate_options g = opt;
    g.max_size = (std::min)(opt.max_size, max_size);
    context c = make_context(g, r);
    decode_options const d = decode_options_for(opt);
    std::string const input(reinterpret_cast<char const*>(data), size);
    jvalue root;
    std::string text;
    bool written = true; // false: nothing that fits yet
    if(!parse_object(input, effective_max_depth(opt), (std::min)(opt.max_bytes, max_size), root))
    {
        // Not an object that Boost.JSON reads: a document of the model instead.
        jvalue doc = valid_document(c, m, text);
        if(r.chance(opt.invalid_ratio))
            text = flawed(c, std::move(doc), m);
    }
    else
    {
        auto const rep = graphschema::validate<T>(input, d);
        bool const valid = rep.ok();
        if(!valid && !r.one_in(4))
        {
            // Fix what the report names, last first (the pointers before
            // an erased element stay right).
            for(std::size_t i = rep.size(); i != 0; --i)
                repair(c, root, m, rep[i - 1]);
            text = write(root, random_style(r), r);
        }
        else if(valid && r.chance(opt.invalid_ratio))
        {
            // Room for the flaw first: shrinking after it could drop it.
            std::string compact;
            shrink_to(c, root, m, max_size - max_size / 4, compact);
            text = flawed(c, root, m);
            written = text.size() <= max_size;
        }
        else if(valid && r.one_in(10))
            text = canonical<T>(input, d, r);
        else
        {
            for(std::size_t n = r.one_in(4) ? 2 : 1; n != 0; --n)
                mutate_valid(c, root, m);
            text = write(root, random_style(r), r);
        }
        if(written && text.size() > max_size)
            written = shrink_to(c, root, m, max_size, text);
    }
    std::size_t n = written ? store(text, data, max_size) : npos;
    if(n != npos)
        return n;
    // What fits: the shortest valid document, else the input cut.
    context lean = make_context(g, r);
    lean.minimal = true;
    n = store(write(model_object(lean, m, 1), style{}, r), data, max_size);
    if(n != npos)
        return n;
    return (std::min)(size, max_size);
}

// Members of `from` put into `into`, where both are objects of model `m`
// (and, at a nested model member present in both, members of that).
inline void
cross_objects(rng& r, jvalue& into, jvalue const& from, model_ref m, std::size_t depth)
{
    for(std::size_t i = 0; i < from.keys.size(); ++i)
    {
        if(!r.one_in(2))
            continue;
        std::string const& key = from.keys[i].name;
        std::size_t const mine = into.find(key);
        std::size_t const k = m.find(key);
        if(mine != npos && k != m.member_count() && depth < 16 &&
            m.member(k).type().get() == kind::model &&
            into.items[mine].is_object() && from.items[i].is_object() && r.one_in(2))
            cross_objects(r, into.items[mine], from.items[i], m.member(k).type().model(), depth + 1);
        else
            into.set(key, from.items[i]);
    }
}

template<class T>
std::size_t
cross_over(std::uint8_t const* data1, std::size_t size1, std::uint8_t const* data2,
    std::size_t size2, std::uint8_t* out, std::size_t max_out_size, unsigned int seed,
    mutate_options const& opt)
{
    if(max_out_size == 0)
        return 0;
    rng r(mix(seed, 0x63726f7373ull ^ size1 ^ (size2 << 20)));
    model_ref const m = root_model<T>();
    std::string_view const a(reinterpret_cast<char const*>(data1), size1);
    std::string_view const b(reinterpret_cast<char const*>(data2), size2);
    std::size_t const depth = effective_max_depth(opt);
    // Inputs up to twice the output's room: members may be dropped to fit.
    std::size_t const bytes = max_out_size > opt.max_bytes / 2 ? opt.max_bytes : 2 * max_out_size;
    jvalue x;
    jvalue y;
    if(parse_object(a, depth, bytes, x) && parse_object(b, depth, bytes, y))
    {
        cross_objects(r, x, y, m, 1);
        std::string text = write(x, random_style(r), r);
        context c = make_context(opt, r);
        if(text.size() > max_out_size && !shrink_to(c, x, m, max_out_size, text))
            text.clear();
        if(!text.empty() && store(text, out, max_out_size) != npos)
            return text.size();
    }
    // Not two objects: the head of one and the tail of the other.
    std::size_t const head = r.below(size1 + 1);
    std::size_t const tail = r.below(size2 + 1);
    std::size_t n = 0;
    for(std::size_t i = 0; i < head && n < max_out_size; ++i)
        out[n++] = data1[i];
    for(std::size_t i = tail; i < size2 && n < max_out_size; ++i)
        out[n++] = data2[i];
    return n;
}

} // detail

/** A document of model `T`, the same for the same seed and options.

    With `opt.invalid_ratio` 0 every document is valid for
    `decode_options_for(opt)` (its operation, policy and API version) and
    varied: members present or absent (or null where that is allowed),
    lengths, numbers and element counts at the edges of their rules,
    non-ASCII text, escapes in strings and keys, `@odata.type` in each of
    the model's names with and without `#`, derived types of a `one_of`,
    flags in each form, unknown enum names and types where `read` keeps
    them, annotations, unknown members (and members of the other version)
    where the policy keeps them, whitespace and number spellings.
    With 1 every document breaks one rule, chosen among those the model
    and options can break: syntax, depth, size, a duplicate key (equal
    after unescaping), a wrong JSON type, each string, range and items
    rule, an enum or flags name, a missing required member or `@odata.type`
    of an abstract base, a present read-only member, null where it is not
    allowed, an unknown member or one of the other version under `reject`,
    a wrong `@odata.type`.
*/
template<class T>
std::string
generate(std::uint64_t seed, generate_options const& opt = {})
{
    static_assert(is_model_v<T>, "graphschema::fuzz::generate needs a model type");
    return detail::generate(detail::root_model<T>(), seed, opt);
}

/** One step of a libFuzzer custom mutator for documents of model `T`.

    Reads `data[0, size)`: when it is not a JSON object, writes a
    generated document instead; when it is valid for the options, changes
    it the way the model allows (a member added, removed or given another
    valid value, array elements, annotations, unknown members, the type
    name, the order, the canonical form through `decode` and `encode`), or,
    `opt.invalid_ratio` of the time, breaks one rule; when it is invalid,
    mostly fixes what `validate` reports. `opt.byte_ratio` of the steps
    mutate bytes instead (`LLVMFuzzerMutate` when linked with libFuzzer).

    Writes at most `max_size` bytes to `data` (which must hold that many)
    and returns how many. The same input and seed give the same output.
*/
template<class T>
std::size_t
mutate(std::uint8_t* data, std::size_t size, std::size_t max_size, unsigned int seed,
    mutate_options const& opt = {})
{
    static_assert(is_model_v<T>, "graphschema::fuzz::mutate needs a model type");
    return detail::mutate<T>(data, size, max_size, seed, opt);
}

/** A libFuzzer cross-over for documents of model `T`: the first document
    with members of the second (replacing or added, and, in a nested model
    both have, members of that), written to `out`.

    When either is not a JSON object, the head of one and the tail of the
    other. Writes at most `max_out_size` bytes and returns how many.
*/
template<class T>
std::size_t
cross_over(std::uint8_t const* data1, std::size_t size1, std::uint8_t const* data2,
    std::size_t size2, std::uint8_t* out, std::size_t max_out_size, unsigned int seed,
    mutate_options const& opt = {})
{
    static_assert(is_model_v<T>, "graphschema::fuzz::cross_over needs a model type");
    return detail::cross_over<T>(data1, size1, data2, size2, out, max_out_size, seed, opt);
}

} // fuzz
} // graphschema

/** Defines `LLVMFuzzerCustomMutator` and `LLVMFuzzerCustomCrossOver` for
    documents of `Model`, at namespace scope in a fuzz target:

        GRAPHSCHEMA_FUZZ_MUTATOR(graphschema::graph::external_connection);
*/
#define GRAPHSCHEMA_FUZZ_MUTATOR(Model) \
    GRAPHSCHEMA_FUZZ_MUTATOR_WITH(Model, ::graphschema::fuzz::mutate_options())

/// The same with `options`, an expression giving the `mutate_options`
/// (evaluated at each call).
#define GRAPHSCHEMA_FUZZ_MUTATOR_WITH(Model, options) \
    extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, \
        std::size_t max_size, unsigned int seed) \
    { \
        return ::graphschema::fuzz::mutate<Model>(data, size, max_size, seed, (options)); \
    } \
    extern "C" std::size_t LLVMFuzzerCustomCrossOver(std::uint8_t const* data1, std::size_t size1, \
        std::uint8_t const* data2, std::size_t size2, std::uint8_t* out, std::size_t max_out_size, \
        unsigned int seed) \
    { \
        return ::graphschema::fuzz::cross_over<Model>(data1, size1, data2, size2, out, max_out_size, \
            seed, (options)); \
    } \
    static_assert(true, "")

#endif
