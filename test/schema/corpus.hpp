//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_TEST_SCHEMA_CORPUS_HPP
#define GRAPHSCHEMA_TEST_SCHEMA_CORPUS_HPP

// The corpus of the schema differential: documents made from the public
// vectors and from a model's own tables by structured mutations, written
// out with random escapes, number spellings and whitespace. Seeded, and
// deterministic for a seed (no std:: distribution, whose results differ
// between standard libraries).

#include <graphschema/graphschema.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace corpus {

namespace gs = graphschema;
namespace json = boost::json;
using gs::detail::member_entry;
using gs::detail::model_table;
using gs::detail::type_node;
using gs::detail::value_kind;

// splitmix64: small, fast, and the same everywhere.
class random
{
public:
    explicit random(std::uint64_t seed) noexcept : state_(seed) {}

    std::uint64_t
    next() noexcept
    {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }

    // In [0, n), n > 0.
    std::size_t below(std::size_t n) noexcept { return static_cast<std::size_t>(next() % n); }

    // True with probability `percent` / 100.
    bool chance(unsigned percent) noexcept { return below(100) < percent; }

    template<class T>
    T const&
    pick(std::vector<T> const& v) noexcept
    {
        return v[below(v.size())];
    }

    template<class T, std::size_t N>
    T const&
    pick(T const (&a)[N]) noexcept
    {
        return a[below(N)];
    }

private:
    std::uint64_t state_;
};

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

// Decodes valid UTF-8 (what a json::string holds) into code points.
inline std::vector<char32_t>
code_points(std::string_view s)
{
    std::vector<char32_t> out;
    for(std::size_t i = 0; i < s.size();)
    {
        unsigned char const b = static_cast<unsigned char>(s[i]);
        std::size_t const n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        char32_t c = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
        for(std::size_t k = 1; k < n; ++k)
            c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.push_back(c);
        i += n;
    }
    return out;
}

// Code points of every width: ASCII, two, three and four UTF-8 bytes (the
// last two are one and two UTF-16 units: where code points and UTF-16
// lengths differ), and the line separators JavaScript treats specially.
inline constexpr char32_t text_alphabet[] = {
    'a', 'b', 'Z', '0', '9', ' ', '-', '_', '.', '"', '\\', '/', '\n', '\t', 0x01, 0x7F,
    0xE9, 0x3B1, 0x20AC, 0x2028, 0xFEFF, 0x1F600, 0x10FFFF};

constexpr std::int64_t exact_limit = std::int64_t(1) << 53; // doubles are exact below

//------------------------------------------------------------------------------

// Writes JSON text with the variations a parser must see through.
class writer
{
public:
    writer(random& r, bool escape_much, bool spaced) noexcept
        : r_(r), escape_much_(escape_much), spaced_(spaced)
    {
    }

    std::string
    write(json::value const& v)
    {
        out_.clear();
        value(v);
        return out_;
    }

private:
    void
    space()
    {
        if(!spaced_ || !r_.chance(40))
            return;
        static constexpr char const* blanks[] = {" ", "\n", "\t", "\r\n", "  "};
        out_ += r_.pick(blanks);
    }

    void
    value(json::value const& v)
    {
        space();
        switch(v.kind())
        {
        case json::kind::null: out_ += "null"; break;
        case json::kind::bool_: out_ += v.get_bool() ? "true" : "false"; break;
        case json::kind::int64: integer(v.get_int64()); break;
        case json::kind::uint64: out_ += std::to_string(v.get_uint64()); break;
        case json::kind::double_: number(v.get_double()); break;
        case json::kind::string: string(v.get_string()); break;
        case json::kind::array:
        {
            out_.push_back('[');
            bool first = true;
            for(auto const& e : v.get_array())
            {
                if(!first)
                    out_.push_back(',');
                first = false;
                value(e);
            }
            space();
            out_.push_back(']');
            break;
        }
        case json::kind::object:
        {
            out_.push_back('{');
            bool first = true;
            for(auto const& kv : v.get_object())
            {
                if(!first)
                    out_.push_back(',');
                first = false;
                space();
                string(kv.key());
                space();
                out_.push_back(':');
                value(kv.value());
            }
            space();
            out_.push_back('}');
            break;
        }
        }
        space();
    }

    // An integer, sometimes spelled as a number with a fraction or an
    // exponent: 1.0 and 1e3 are integers to JSON Schema and to the library.
    void
    integer(std::int64_t v)
    {
        if(v == 0 && r_.chance(20))
        {
            out_ += "-0";
            return;
        }
        if(v > -exact_limit && v < exact_limit && r_.chance(15))
        {
            number(static_cast<double>(v));
            return;
        }
        out_ += std::to_string(v);
    }

    void
    number(double d)
    {
        if(!std::isfinite(d))
        {
            // Only the public vectors hold one (1e400, kept verbatim).
            out_ += d < 0 ? "-1e400" : "1e400";
            return;
        }
        if(d == std::floor(d) && std::fabs(d) < 9007199254740992.0)
        {
            auto const i = static_cast<std::int64_t>(d);
            std::string digits = std::to_string(i < 0 ? -i : i);
            std::string const sign = i < 0 ? "-" : "";
            std::size_t zeros = 0;
            while(zeros + 1 < digits.size() && digits[digits.size() - 1 - zeros] == '0')
                ++zeros;
            switch(r_.below(4))
            {
            case 0: out_ += sign + digits + ".0"; return;
            case 1:
                out_ += sign + digits.substr(0, digits.size() - zeros) +
                    (r_.chance(50) ? "e" : "E+") + std::to_string(zeros);
                return;
            case 2: out_ += sign + digits + "E0"; return;
            default: out_ += sign + digits + ".00e0"; return;
            }
        }
        char buf[32];
        auto const res = std::to_chars(buf, buf + sizeof(buf), d);
        out_.append(buf, res.ptr);
    }

    void
    string(std::string_view s)
    {
        static constexpr char hex[] = "0123456789abcdef";
        auto escape = [&](char32_t c) {
            out_ += "\\u";
            for(int shift = 12; shift >= 0; shift -= 4)
                out_.push_back(hex[(c >> shift) & 15]);
        };
        out_.push_back('"');
        for(char32_t c : code_points(s))
        {
            bool const escaped = escape_much_ && r_.chance(30);
            if(c == '"' || c == '\\')
            {
                out_.push_back('\\');
                out_.push_back(static_cast<char>(c));
            }
            else if(c < 0x20)
            {
                if(c == '\n' && !escaped)
                    out_ += "\\n";
                else
                    escape(c);
            }
            else if(!escaped)
                append_utf8(out_, c);
            else if(c == '/')
                out_ += "\\/";
            else if(c < 0x10000)
                escape(c);
            else
            {
                char32_t const u = c - 0x10000;
                escape(0xD800 + (u >> 10));
                escape(0xDC00 + (u & 0x3FF));
            }
        }
        out_.push_back('"');
    }

    random& r_;
    bool escape_much_;
    bool spaced_;
    std::string out_;
};

//------------------------------------------------------------------------------

// A model object found in a document, with the table that describes it.
struct model_site
{
    json::object* object;
    model_table const* model;
    bool root;
};

class generator
{
public:
    explicit generator(std::uint64_t seed) : r_(seed) {}

    random& rng() noexcept { return r_; }

    // A document of the model, made for `intent` (required members
    // present, read-only ones left out), mostly valid.
    json::object
    make_object(model_table const& m, gs::operation intent, int depth = 0)
    {
        json::object o;
        if(r_.chance(25))
            o["@odata.type"] = odata_name(m);
        for(std::size_t i = 0; i < m.member_count; ++i)
        {
            member_entry const& e = m.members[i];
            if(e.read_only.contains(intent))
                continue;
            bool const wanted = e.required.contains(intent) ||
                e.required_in[gs::detail::index_of(gs::api_version::v1_0)].contains(intent) ||
                e.required_in[gs::detail::index_of(gs::api_version::beta)].contains(intent) ||
                r_.chance(depth == 0 ? 55 : 25);
            if(wanted)
                o[name(e)] = valid_value(*e.type, e, depth);
        }
        if(m.open && r_.chance(30))
            o[r_.pick(unknown_names)] = any_value(depth + 1);
        return o;
    }

    // Applies `count` structured mutations to `doc`, a document of `root`.
    void
    mutate(json::value& doc, type_node const& root, std::size_t count)
    {
        for(std::size_t i = 0; i < count; ++i)
        {
            std::vector<model_site> sites;
            find_sites(doc, root, true, sites);
            if(sites.empty() || r_.chance(2))
            {
                // The document itself retyped (or brought back to an object).
                doc = r_.chance(50) ? json::value(json::object()) : wrong_value(root, 0);
                continue;
            }
            mutate_site(r_.pick(sites));
        }
    }

    // A random JSON value of any type.
    json::value
    any_value(int depth)
    {
        switch(r_.below(depth > 2 ? 6 : 8))
        {
        case 0: return nullptr;
        case 1: return r_.chance(50);
        case 2: return static_cast<std::int64_t>(r_.below(2001)) - 1000;
        case 3: return r_.pick(some_doubles);
        case 4:
        case 5: return json::string(text(r_.below(6)));
        case 6:
        {
            json::array a;
            for(std::size_t n = r_.below(4); n > 0; --n)
                a.push_back(any_value(depth + 1));
            return a;
        }
        default:
        {
            json::object o;
            for(std::size_t n = r_.below(4); n > 0; --n)
                o[r_.pick(unknown_names)] = any_value(depth + 1);
            return o;
        }
        }
    }

    std::string
    text(std::size_t length)
    {
        std::string s;
        for(std::size_t i = 0; i < length; ++i)
            append_utf8(s, r_.pick(text_alphabet));
        return s;
    }

    // Keys no model declares: with the characters a JSON Pointer escapes,
    // non-ASCII, empty, near misses of declared names.
    std::vector<std::string> const unknown_names = {
        "extra", "ID", "Id", "names", "a/b", "~0", "x~1y", "", " ", "\xD0\xBA\xD0\xBB\xD1\x8E\xD1\x87",
        "\xF0\x9F\x98\x80", "id ", "\n", "state2", "ingestedItemsCount", "odata.type", "#",
        "configuration2", "\xC4\xB1" "d", "authorizedapps", "__proto__", "constructor"};

    std::vector<std::string> const annotation_names = {
        "@odata.context", "@odata.etag", "@odata.id", "name@odata.type", "@microsoft.graph.foo",
        "id@odata.type", "@", "x@y", "@odata.type@odata.type", "configuration@odata.count",
        "@odata.Type", "@Odata.type"};

    std::vector<double> const some_doubles = {0.5, -2.25, 1e-3, 12345.678, 1e300, -1e-300,
        3.0, -0.0, 6.02e23, 0.1};

private:
    static std::string
    name(member_entry const& e)
    {
        return std::string(e.json_name);
    }

    std::string
    odata_name(model_table const& m)
    {
        std::string n(m.type_names[r_.below(m.type_name_count)]);
        return r_.chance(50) ? "#" + n : n;
    }

    std::string
    odata_variant(model_table const& m)
    {
        std::string n(m.type_names[r_.below(m.type_name_count)]);
        switch(r_.below(12))
        {
        case 0: return "##" + n;
        case 1: return n + " ";
        case 2: return " #" + n;
        case 3: { std::string u = n; u[0] = static_cast<char>(u[0] - 'a' + 'A'); return u; }
        case 4: { std::string u = "#" + n; u.back() = static_cast<char>(u.back() ^ 0x20); return u; }
        case 5: return "";
        case 6: return "#";
        case 7: return r_.pick(other_type_names);
        case 8: return "microsoft.graph.configuration";
        case 9: return "#contoso.widgets.tag";
        case 10: return n.substr(0, n.rfind('.'));
        default: return odata_name(m);
        }
    }

    // The model of a one_of an object is, as its @odata.type selects it;
    // null for a type name none of them has.
    static model_table const*
    selected(json::object const& o, gs::detail::one_of_table const& a)
    {
        auto const* name = o.if_contains("@odata.type");
        if(!name || !name->is_string())
            return &a.models[0]();
        std::size_t const i = gs::detail::select_alternative(a, name->get_string());
        return i == gs::detail::npos ? nullptr : &a.models[i]();
    }

    void
    find_sites(json::value& v, type_node const& t, bool root, std::vector<model_site>& out)
    {
        if((t.kind == value_kind::model || t.kind == value_kind::one_of) && v.is_object())
        {
            model_table const* selected_model =
                t.kind == value_kind::model ? &t.model() : selected(v.get_object(), *t.alternatives);
            if(!selected_model)
                return;
            model_table const& m = *selected_model;
            json::object& o = v.get_object();
            out.push_back({&o, &m, root});
            for(std::size_t i = 0; i < m.member_count; ++i)
                if(auto* child = o.if_contains(m.members[i].json_name))
                    find_sites(*child, *m.members[i].type, false, out);
        }
        else if(t.kind == value_kind::array && v.is_array())
            for(auto& e : v.get_array())
                find_sites(e, t.element(), false, out);
    }

    member_entry const&
    some_member(model_table const& m)
    {
        return m.members[r_.below(m.member_count)];
    }

    std::string
    some_key(json::object const& o)
    {
        auto it = o.begin();
        std::advance(it, static_cast<std::ptrdiff_t>(r_.below(o.size())));
        return std::string(it->key());
    }

    void
    mutate_site(model_site const& site)
    {
        json::object& o = *site.object;
        model_table const& m = *site.model;
        if(m.member_count == 0)
        {
            o[r_.pick(unknown_names)] = any_value(1);
            return;
        }
        member_entry const& e = some_member(m);
        switch(r_.below(15))
        {
        case 0: // drop
            if(!o.empty())
                o.erase(some_key(o));
            break;
        case 1: // add or replace a declared member, valid for its type
            o[name(e)] = valid_value(*e.type, e, 1);
            break;
        case 2: // retype
            o[name(e)] = wrong_value(*e.type, 1);
            break;
        case 3: // null
            o[name(e)] = nullptr;
            break;
        case 4: // rename
            if(!o.empty())
            {
                std::string const key = some_key(o);
                json::value v = o[key];
                o.erase(key);
                o[renamed(key, m)] = std::move(v);
            }
            break;
        case 5: // duplicate: a value under another name, an element, the object
            duplicate(o, m);
            break;
        case 6: // boundary values of the member's rules
            o[name(e)] = boundary_value(*e.type, e);
            break;
        case 7:
            if(r_.chance(70))
                o["@odata.type"] = odata_variant(m);
            else
                o["@odata.type"] = r_.chance(30) ? json::value(nullptr) : any_value(2);
            break;
        case 8:
            o[r_.pick(unknown_names)] = any_value(1);
            break;
        case 9:
            o[r_.pick(annotation_names)] = any_value(1);
            break;
        case 10: // an element of an array member
            mutate_element(o, e);
            break;
        case 11: // the whole object made for another operation
        {
            static constexpr gs::operation ops[] = {
                gs::operation::create, gs::operation::update, gs::operation::read};
            o = make_object(m, r_.pick(ops), site.root ? 0 : 1);
            break;
        }
        case 12: // a read-only member sent anyway
            for(std::size_t i = 0; i < m.member_count; ++i)
                if(!m.members[i].read_only.empty() && r_.chance(60))
                    o[name(m.members[i])] = valid_value(*m.members[i].type, m.members[i], 1);
            break;
        case 13: // every required member dropped
            for(std::size_t i = 0; i < m.member_count; ++i)
                if(!m.members[i].required.empty() && r_.chance(50))
                    o.erase(m.members[i].json_name);
            break;
        default: // text with every kind of character in a string member
            if(e.type->kind == value_kind::string)
                o[name(e)] = json::string(text(r_.below(10)));
            else
                o[name(e)] = valid_value(*e.type, e, 1);
            break;
        }
    }

    std::string
    renamed(std::string const& key, model_table const& m)
    {
        switch(r_.below(7))
        {
        case 0: if(!key.empty() && key[0] >= 'a' && key[0] <= 'z') return char(key[0] - 32) + key.substr(1); return key + "x";
        case 1: return key + "s";
        case 2: return key + "@odata.type";
        case 3: return "@" + key;
        case 4: return name(some_member(m));
        case 5: return key.empty() ? "x" : key.substr(0, key.size() - 1);
        default: return r_.pick(unknown_names);
        }
    }

    void
    duplicate(json::object& o, model_table const& m)
    {
        if(o.empty())
            return;
        std::string const key = some_key(o);
        json::value copy = o[key];
        switch(r_.below(3))
        {
        case 0:
            o[name(some_member(m))] = std::move(copy);
            break;
        case 1:
            if(copy.is_array() && !copy.get_array().empty())
            {
                auto& a = o[key].get_array();
                json::value element = a[r_.below(a.size())];
                a.push_back(std::move(element));
            }
            else
                o[key + "Copy"] = std::move(copy);
            break;
        default:
        {
            json::value whole = o;
            o[r_.pick(unknown_names)] = std::move(whole);
            break;
        }
        }
    }

    void
    mutate_element(json::object& o, member_entry const& e)
    {
        if(e.type->kind != value_kind::array)
        {
            o[name(e)] = json::array{valid_value(*e.type, e, 1)};
            return;
        }
        auto* v = o.if_contains(e.json_name);
        if(!v || !v->is_array())
        {
            o[name(e)] = valid_value(*e.type, e, 1);
            return;
        }
        json::array& a = v->get_array();
        type_node const& element = e.type->element();
        json::value replacement;
        switch(r_.below(5))
        {
        case 0: replacement = nullptr; break;
        case 1: replacement = wrong_value(element, 2); break;
        case 2: replacement = json::array{valid_value(element, e, 2)}; break;
        case 3: replacement = boundary_value(element, e); break;
        default: replacement = valid_value(element, e, 2); break;
        }
        if(a.empty() || r_.chance(40))
            a.push_back(std::move(replacement));
        else
            a[r_.below(a.size())] = std::move(replacement);
    }

    //--------------------------------------------------------------------------
    // Values

    // Names no enum has: a newer service's member, near misses.
    std::vector<std::string> const future_names = {
        "someFutureMember", "Search", "search ", "", "unknown", "knowledge_base", "a,b"};

    // Type names of other models, and of a type no model has (a newer
    // service's derived type).
    std::vector<std::string> const other_type_names = {
        "#microsoft.graph.externalConnection", "#microsoft.graph.externalConnectors.futureResolver",
        "microsoft.graph.externalConnectors.itemIdResolver",
        "#microsoft.graph.externalConnectors.urlToItemResolverBase", "#microsoft.graph.entity"};

    json::value
    flags_value(type_node const& t, bool valid)
    {
        gs::detail::enum_table const& en = *t.enumeration;
        std::vector<std::string> names;
        for(std::size_t n = valid ? r_.below(4) : 1 + r_.below(3); n > 0; --n)
            names.push_back(valid || r_.chance(50) ? std::string(en.names[r_.below(en.count)])
                                                   : r_.pick(future_names));
        if(r_.chance(40))
        {
            json::array a;
            for(auto const& n : names)
                a.push_back(json::string(n));
            return a;
        }
        static constexpr char const* separators[] = {",", ", ", " , ", ",  ", ",\t", ";", " ,"};
        std::string text = r_.chance(20) ? " " : "";
        for(std::size_t i = 0; i < names.size(); ++i)
            text += (i == 0 ? "" : (valid ? separators[r_.below(5)] : r_.pick(separators))) + names[i];
        if(r_.chance(15))
            text += r_.chance(50) ? " " : ",";
        return json::string(text);
    }

    json::value
    valid_value(type_node const& t, member_entry const& e, int depth)
    {
        switch(t.kind)
        {
        case value_kind::flags: return flags_value(t, true);
        case value_kind::one_of:
        {
            auto const& a = *t.alternatives;
            std::size_t const i = r_.below(a.count + 1);
            model_table const& m = a.models[i]();
            json::object o = make_object(m, depth > 2 ? gs::operation::read
                : r_.chance(50) ? gs::operation::create : gs::operation::update, depth + 1);
            if(i != 0 || m.abstract || r_.chance(50))
                o["@odata.type"] = odata_name(m);
            else
                o.erase("@odata.type");
            return o;
        }
        case value_kind::string: return valid_string(e.text);
        case value_kind::boolean: return r_.chance(50);
        case value_kind::integer:
        {
            auto [lo, hi] = integer_bounds(t, e);
            std::int64_t const candidates[] = {lo, hi, lo + (hi - lo) / 2, 0, 1};
            std::int64_t v = r_.pick(candidates);
            return v < lo || v > hi ? lo : v;
        }
        case value_kind::number: return r_.pick(some_doubles);
        case value_kind::enumeration:
            return json::string(t.enumeration->names[r_.below(t.enumeration->count)]);
        case value_kind::array:
        {
            json::array a;
            std::size_t count = r_.below(depth > 2 ? 1 : 4);
            if(e.items && count > e.items->max)
                count = e.items->max;
            for(std::size_t n = count; n > 0; --n)
                a.push_back(valid_value(t.element(), e, depth + 1));
            return a;
        }
        case value_kind::model:
            if(depth > 2)
                return make_object(t.model(), gs::operation::read, depth + 1);
            return make_object(t.model(), r_.chance(50) ? gs::operation::create : gs::operation::update, depth + 1);
        case value_kind::raw: return any_value(depth + 1);
        default: break; // no member has another kind
        }
        return nullptr;
    }

    // A value of some JSON type the member's type does not take.
    json::value
    wrong_value(type_node const& t, int depth)
    {
        for(int attempt = 0;; ++attempt)
        {
            if(attempt == 100)
                return json::value(0.5); // no type takes both strings and numbers
            json::value v = r_.chance(25) ? json::value(r_.pick(some_doubles)) : any_value(depth + 1);
            if(v.is_null())
                continue;
            bool const fits =
                (t.kind == value_kind::string || t.kind == value_kind::enumeration) ? v.is_string() :
                t.kind == value_kind::boolean ? v.is_bool() :
                t.kind == value_kind::number ? v.is_number() :
                t.kind == value_kind::integer ? v.is_int64() :
                t.kind == value_kind::array ? v.is_array() :
                t.kind == value_kind::flags ? v.is_string() || v.is_array() :
                (t.kind == value_kind::model || t.kind == value_kind::one_of) ? v.is_object() : true;
            if(!fits || t.kind == value_kind::raw)
                return v;
        }
    }

    std::pair<std::int64_t, std::int64_t>
    integer_bounds(type_node const& t, member_entry const& e) const noexcept
    {
        std::int64_t lo = t.min_value > -exact_limit ? t.min_value : -exact_limit;
        std::int64_t hi = t.max_value < exact_limit ? t.max_value : exact_limit;
        if(e.range)
        {
            lo = e.range->min > lo ? e.range->min : lo;
            hi = e.range->max < hi ? e.range->max : hi;
        }
        return {lo, hi};
    }

    json::value
    boundary_value(type_node const& t, member_entry const& e)
    {
        if(t.kind == value_kind::array && e.items && r_.chance(50))
        {
            // Just within and just beyond the items() rule.
            std::vector<std::size_t> counts = {e.items->min, e.items->min + 1};
            if(e.items->max != static_cast<std::size_t>(-1)) // no upper bound: none to cross
            {
                counts.push_back(e.items->max);
                counts.push_back(e.items->max + 1);
            }
            if(e.items->min > 0)
                counts.push_back(e.items->min - 1);
            json::array a;
            for(std::size_t n = r_.pick(counts); n > 0; --n)
                a.push_back(valid_value(t.element(), e, 3));
            return a;
        }
        if(t.kind == value_kind::array)
            return json::array{boundary_value(t.element(), e), valid_value(t.element(), e, 2)};
        if(t.kind == value_kind::flags)
            return flags_value(t, false);
        if(t.kind == value_kind::one_of)
        {
            json::value v = valid_value(t, e, 2);
            json::object& o = v.get_object();
            switch(r_.below(3))
            {
            case 0: o.erase("@odata.type"); break;
            case 1: o["@odata.type"] = r_.pick(other_type_names); break;
            default: o["@odata.type"] = odata_variant(t.alternatives->models[r_.below(t.alternatives->count + 1)]()); break;
            }
            return v;
        }
        if(t.kind == value_kind::string)
            return boundary_string(e.text);
        if(t.kind == value_kind::integer)
        {
            // The type's range and the rule's, each side, just in and just out.
            std::int64_t const tlo = t.min_value > -exact_limit ? t.min_value : -exact_limit;
            std::int64_t const thi = t.max_value < exact_limit ? t.max_value : exact_limit;
            std::vector<std::int64_t> v = {tlo, thi, 0};
            if(t.min_value > -exact_limit)
                v.push_back(t.min_value - 1);
            if(t.max_value < exact_limit)
                v.push_back(t.max_value + 1);
            if(e.range)
                for(std::int64_t b : {e.range->min, e.range->max})
                    if(b > -exact_limit && b < exact_limit)
                        for(std::int64_t d : {-1, 0, 1})
                            v.push_back(b + d);
            switch(r_.below(8))
            {
            case 0: return r_.pick(some_doubles);
            case 1: return 1e19;                              // past int64, as a double
            case 2: return std::uint64_t(18446744073709551615ull); // uint64
            case 3: return static_cast<double>(r_.pick(v)) + 0.5;
            default: return r_.pick(v);
            }
        }
        if(t.kind == value_kind::enumeration)
        {
            std::string n(t.enumeration->names[r_.below(t.enumeration->count)]);
            switch(r_.below(5))
            {
            case 0: n[0] = static_cast<char>(n[0] - 32); return json::string(n);
            case 1: return json::string(n + " ");
            case 2: return json::string("");
            case 3: return json::string(r_.pick(future_names));
            default: return json::string(n);
            }
        }
        return valid_value(t, e, 2);
    }

public:
    /*  An ISO 8601 date-time (is_date_time_offset): with a fraction, `Z`
        or an offset, lower-case `t` and `z`, 29 February of a leap year, a
        leap second; or (`valid` false) a near miss: a date that does not
        exist, a field out of range, a part missing or extra.
    */
    std::string
    date_time(bool valid)
    {
        static constexpr char const* good[] = {"2024-03-01T12:30:00Z", "2024-02-29T00:00:00Z",
            "2000-02-29T23:59:60+14:00", "1999-12-31t23:59:59.125z", "2024-04-30T08:00:00.1-05:30",
            "0001-01-01T00:00:00+00:00", "9999-12-31T23:59:59.999999999Z", "2024-11-30T10:10:10.5+01:00"};
        static constexpr char const* bad[] = {"2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z",
            "2024-04-31T00:00:00Z", "2024-13-01T00:00:00Z", "2024-00-10T00:00:00Z", "2024-03-01T24:00:00Z",
            "2024-03-01T12:60:00Z", "2024-03-01T12:30:61Z", "2024-03-01T12:30:00", "2024-03-01",
            "2024-03-01 12:30:00Z", "2024-03-01T12:30:00.Z", "2024-03-01T12:30:00+24:00",
            "2024-03-01T12:30:00+0100", "24-03-01T12:30:00Z", "2024-3-1T12:30:00Z", "2024-03-01T12:30Z",
            "2024-03-01T12:30:00Z ", "", "2024-03-01T12:30:00\xC5\xBB",
            "\xEF\xBC\x92\x30\x32\x34-03-01T12:30:00Z", "2024-03-01T12:30:00.\xD9\xA1Z"};
        if(valid)
        {
            if(r_.chance(50))
                return r_.pick(good);
            // A random date that exists.
            static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
            int const year = 1 + static_cast<int>(r_.below(9999));
            int const month = 1 + static_cast<int>(r_.below(12));
            int const day = 1 + static_cast<int>(r_.below(static_cast<std::size_t>(days[month - 1])));
            char buf[64];
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%s", year, month, day,
                static_cast<int>(r_.below(24)), static_cast<int>(r_.below(60)), static_cast<int>(r_.below(61)),
                r_.chance(50) ? "Z" : "-08:00");
            return buf;
        }
        return r_.pick(bad);
    }

private:
    // A string that satisfies `r` (any string when there is no rule).
    json::value
    valid_string(gs::string_rules const* r)
    {
        if(!r)
            return json::string(text(r_.below(8)));
        if(!r->only_value.empty())
            return json::string(std::string(r->only_value));
        if(r->format == gs::string_format::date_time_offset)
            return json::string(date_time(true));
        std::string s;
        for(int attempt = 0; attempt < 100; ++attempt)
        {
            std::size_t const span = r->max_length - r->min_length;
            std::size_t const length = r->min_length + r_.below(span < 10 ? span + 1 : 10);
            s = rule_text(*r, length, false);
            if(!violates_word_rules(*r, s))
                break;
        }
        return json::string(s);
    }

    static bool
    violates_word_rules(gs::string_rules const& r, std::string const& s)
    {
        if(!r.forbidden_prefix.empty() && s.compare(0, r.forbidden_prefix.size(), r.forbidden_prefix) == 0)
            return true;
        for(std::size_t i = 0; i < r.reserved_count; ++i)
            if(r.reserved[i] == s)
                return true;
        return false;
    }

    // `length` code points from the allowed set (one outside it when
    // `stray`), or from the whole alphabet when the set is unrestricted.
    std::string
    rule_text(gs::string_rules const& r, std::size_t length, bool stray)
    {
        std::vector<char32_t> allowed;
        if(r.allowed.restricts())
        {
            for(char32_t c = 0; c < 128; ++c)
                if(r.allowed.contains(static_cast<unsigned char>(c)))
                    allowed.push_back(c);
        }
        else
            allowed.assign(std::begin(text_alphabet), std::end(text_alphabet));
        std::string s;
        std::size_t const bad = stray && length > 0 ? r_.below(length) : length;
        for(std::size_t i = 0; i < length; ++i)
        {
            if(i == bad)
            {
                static constexpr char32_t strays[] = {' ', '~', 0xE9, 0x1F600, '-', 'A', '\\'};
                append_utf8(s, r_.pick(strays));
            }
            else
                append_utf8(s, r_.pick(allowed));
        }
        return s;
    }

    json::value
    boundary_string(gs::string_rules const* r)
    {
        if(!r)
            return json::string(text(r_.chance(50) ? 0 : 1 + r_.below(200)));
        if(!r->only_value.empty() && r_.chance(80))
        {
            // The one value, or nearly it.
            std::string s(r->only_value);
            switch(r_.below(5))
            {
            case 0: s[0] = static_cast<char>(s[0] ^ 0x20); break;
            case 1: s += " "; break;
            case 2: s.pop_back(); break;
            case 3: s = "#" + s; break;
            default: break;
            }
            return json::string(s);
        }
        if(r->format == gs::string_format::date_time_offset)
            return json::string(date_time(r_.chance(30)));
        std::vector<std::size_t> lengths = {r->min_length};
        if(r->min_length > 0)
            lengths.push_back(r->min_length - 1);
        if(r->max_length != static_cast<std::size_t>(-1))
        {
            lengths.push_back(r->max_length);
            lengths.push_back(r->max_length + 1);
        }
        switch(r_.below(6))
        {
        case 0:
            if(!r->forbidden_prefix.empty())
            {
                std::string s(r->forbidden_prefix);
                // The prefix alone, with more, or nearly it.
                switch(r_.below(3))
                {
                case 0: return json::string(s);
                case 1: return json::string(s + rule_text(*r, 1 + r_.below(4), false));
                default: s.back() = static_cast<char>(s.back() ^ 0x20); return json::string(s);
                }
            }
            break;
        case 1:
            if(r->reserved_count != 0)
            {
                std::string s(r->reserved[r_.below(r->reserved_count)]);
                switch(r_.below(4))
                {
                case 0: s[0] = static_cast<char>(s[0] ^ 0x20); break;
                case 1: s += "1"; break;
                default: break;
                }
                return json::string(s);
            }
            break;
        case 2:
            return json::string(rule_text(*r, r_.pick(lengths), true));
        default:
            break;
        }
        return json::string(rule_text(*r, r_.pick(lengths), false));
    }

    random r_;
};

} // corpus

#endif
