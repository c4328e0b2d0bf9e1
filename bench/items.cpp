//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#include "items.hpp"
#include "rng.hpp"

#include <array>
#include <cctype>
#include <cstdio>
#include <initializer_list>
#include <iterator>
#include <set>
#include <string_view>
#include <utility>

namespace bench {

namespace {

enum class ptype : unsigned char
{
    string,
    int64,
    double_,
    date_time,
    boolean,
    string_collection,
    int64_collection,
    double_collection,
    date_time_collection
};

// The propertyType names (lowerCamelCase, as the enum spells them).
char const*
type_name(ptype t) noexcept
{
    switch(t)
    {
    case ptype::string: return "string";
    case ptype::int64: return "int64";
    case ptype::double_: return "double";
    case ptype::date_time: return "dateTime";
    case ptype::boolean: return "boolean";
    case ptype::string_collection: return "stringCollection";
    case ptype::int64_collection: return "int64Collection";
    case ptype::double_collection: return "doubleCollection";
    case ptype::date_time_collection: return "dateTimeCollection";
    }
    return "?";
}

bool
is_collection(ptype t) noexcept
{
    return t >= ptype::string_collection;
}

// The annotation a collection needs (§22.5).
char const*
annotation(ptype t) noexcept
{
    switch(t)
    {
    case ptype::string_collection: return "Collection(String)";
    case ptype::int64_collection: return "Collection(Int64)";
    case ptype::double_collection: return "Collection(Double)";
    case ptype::date_time_collection: return "Collection(DateTimeOffset)";
    default: return "";
    }
}

ptype
element_type(ptype t) noexcept
{
    switch(t)
    {
    case ptype::string_collection: return ptype::string;
    case ptype::int64_collection: return ptype::int64;
    case ptype::double_collection: return ptype::double_;
    case ptype::date_time_collection: return ptype::date_time;
    default: return t;
    }
}

// The schema's make-up: 30 properties, every type.
constexpr std::pair<ptype, std::size_t> type_counts[] = {
    {ptype::string, 6}, {ptype::int64, 3}, {ptype::double_, 3}, {ptype::date_time, 4},
    {ptype::boolean, 3}, {ptype::string_collection, 4}, {ptype::int64_collection, 2},
    {ptype::double_collection, 2}, {ptype::date_time_collection, 3}};

constexpr char const* prefixes[] = {"ticket", "customer", "order", "project", "asset", "invoice",
    "incident", "release", "vendor", "contract", "shipment", "article"};

// Nouns that say the type, for a readable schema.
char const* const* nouns(ptype t, std::size_t& n) noexcept
{
    static constexpr char const* strings[] = {"Title", "Owner", "Status", "Summary", "Url", "Category", "Author", "Region"};
    static constexpr char const* ints[] = {"Count", "Number", "Size", "Views", "Rank"};
    static constexpr char const* doubles[] = {"Score", "Ratio", "Amount", "Weight"};
    static constexpr char const* dates[] = {"CreatedAt", "ModifiedAt", "DueAt", "ClosedAt"};
    static constexpr char const* bools[] = {"Archived", "Flagged", "Public", "Locked"};
    static constexpr char const* string_lists[] = {"Tags", "Labels", "Owners", "Keywords"};
    static constexpr char const* int_lists[] = {"Counts", "Ids", "Sizes"};
    static constexpr char const* double_lists[] = {"Scores", "Ratios", "Weights"};
    static constexpr char const* date_lists[] = {"Dates", "Reminders", "Milestones"};
    switch(t)
    {
    case ptype::string: n = std::size(strings); return strings;
    case ptype::int64: n = std::size(ints); return ints;
    case ptype::double_: n = std::size(doubles); return doubles;
    case ptype::date_time: n = std::size(dates); return dates;
    case ptype::boolean: n = std::size(bools); return bools;
    case ptype::string_collection: n = std::size(string_lists); return string_lists;
    case ptype::int64_collection: n = std::size(int_lists); return int_lists;
    case ptype::double_collection: n = std::size(double_lists); return double_lists;
    case ptype::date_time_collection: n = std::size(date_lists); return date_lists;
    }
    n = 0;
    return nullptr;
}

struct property
{
    std::string name;
    ptype type;
};

std::string
lower(std::string s)
{
    for(auto& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string
quote(std::string_view raw)
{
    std::string out = "\"";
    for(char c : raw)
    {
        if(c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '"';
    return out;
}

// Members as JSON text, written with the item's separators.
struct object
{
    std::vector<std::pair<std::string, std::string>> members;

    void add(std::string key, std::string value) { members.emplace_back(quote(key), std::move(value)); }

    std::string
    write(char const* comma, char const* colon) const
    {
        std::string out = "{";
        for(std::size_t i = 0; i < members.size(); ++i)
        {
            if(i != 0)
                out += comma;
            out += members[i].first;
            out += colon;
            out += members[i].second;
        }
        return out + "}";
    }
};

template<class T>
void
shuffle(rng& r, std::vector<T>& v)
{
    for(std::size_t i = v.size(); i > 1; --i)
        std::swap(v[i - 1], v[r.below(i)]);
}

// The registration body and the properties it declares.
std::string
make_schema(rng& r, std::vector<property>& props)
{
    std::vector<ptype> types;
    for(auto const& [t, n] : type_counts)
        types.insert(types.end(), n, t);
    shuffle(r, types);
    std::set<std::string> taken; // lower-cased: names are unique ignoring ASCII case
    for(ptype t : types)
    {
        std::size_t n = 0;
        char const* const* list = nouns(t, n);
        std::string name;
        do
        {
            name = r.pick(prefixes); // drawn before the noun: the order of +'s operands is unspecified
            name += list[r.below(n)];
        } while(!taken.insert(lower(name)).second);
        props.push_back({name, t});
    }

    // One of each label, on a retrievable property of the label's type.
    struct label_of
    {
        char const* label;
        ptype type;
        bool used;
    };
    label_of labels[] = {{"title", ptype::string, false}, {"url", ptype::string, false},
        {"createdBy", ptype::string, false}, {"createdDateTime", ptype::date_time, false},
        {"lastModifiedDateTime", ptype::date_time, false}, {"authors", ptype::string_collection, false}};

    std::string out = "{\n  \"baseType\": \"microsoft.graph.externalItem\",\n  \"properties\": [";
    std::size_t aliases = 0, descriptions = 0;
    for(std::size_t i = 0; i < props.size(); ++i)
    {
        auto const& p = props[i];
        bool const text = p.type == ptype::string || p.type == ptype::string_collection;
        bool const numeric = p.type == ptype::int64 || p.type == ptype::double_ ||
            p.type == ptype::int64_collection || p.type == ptype::double_collection;
        char const* label = nullptr;
        for(auto& l : labels)
            if(!l.used && l.type == p.type)
            {
                l.used = true;
                label = l.label;
                break;
            }
        bool const searchable = text && r.percent(60);
        std::string m = "\n    {\"name\": " + quote(p.name) + ", \"type\": " + quote(type_name(p.type));
        if(text)
            m += searchable ? ", \"isSearchable\": true" : ", \"isSearchable\": false";
        if(r.percent(50))
            m += ", \"isQueryable\": true";
        else if(r.percent(30))
            m += ", \"isQueryable\": false";
        if(label || r.percent(70))
            m += ", \"isRetrievable\": true";
        if(!searchable && (text || numeric) && r.percent(35))
            m += ", \"isRefinable\": true";
        if(label)
            m += std::string(", \"labels\": [\"") + label + "\"]";
        if(aliases < 2 && r.percent(15))
        {
            // An alias unique among the names and the other aliases.
            std::string alias = "alt" + p.name;
            alias[3] = static_cast<char>(std::toupper(static_cast<unsigned char>(alias[3])));
            if(alias.size() <= 32 && taken.insert(lower(alias)).second)
            {
                m += ", \"aliases\": [" + quote(alias) + "]";
                ++aliases;
            }
        }
        if(descriptions < 3 && r.percent(15))
        {
            m += ", \"description\": " + quote("The " + p.name + " of the item, as the source system has it");
            ++descriptions;
        }
        m += "}";
        out += m;
        if(i + 1 != props.size())
            out += ",";
    }
    out += "\n  ]\n}\n";
    return out;
}

// Words of strings and of the content: some not ASCII.
constexpr char const* words[] = {"payment", "gateway", "error", "invoice", "Contoso", "Fabrikam",
    "north", "region", "release", "shipment", "delayed", "customer", "ticket", "escalated", "review",
    "pending", "approved", "\xc3\x84pfel", "Kandierte", "\xc3\xa9quipe", "donn\xc3\xa9" "es",
    "\xe6\x95\xb0\xe6\x8d\xae", "\xe6\xa4\x9c\xe7\xb4\xa2", "\xc3\xbc" "berblick", "\xf0\x9f\x93\x81"};

std::string
words_text(rng& r, std::size_t lo, std::size_t hi, bool* non_ascii = nullptr)
{
    std::string s;
    std::size_t const target = r.between(lo, hi);
    while(s.size() < target)
    {
        if(!s.empty())
            s += ' ';
        s += r.pick(words);
    }
    if(non_ascii)
    {
        *non_ascii = false;
        for(char c : s)
            if(static_cast<unsigned char>(c) >= 0x80)
                *non_ascii = true;
    }
    return s;
}

std::string
guid(rng& r)
{
    static constexpr char hex[] = "0123456789abcdef";
    std::string g;
    for(int group : {8, 4, 4, 4, 12})
    {
        if(!g.empty())
            g += '-';
        for(int i = 0; i < group; ++i)
            g += hex[r.below(16)];
    }
    return g;
}

// A string value as JSON text, sometimes with escapes.
std::string
string_value(rng& r, bool* non_ascii)
{
    std::string s = quote(words_text(r, 4, 28, non_ascii));
    switch(r.below(40))
    {
    case 0: s.insert(1, "\\\"quoted\\\" "); break;
    case 1: s.insert(s.size() - 1, "\\nsecond line"); break;
    case 2: s.insert(1, "\\u00c9t\\u00e9 "); *non_ascii = true; break;
    default: break;
    }
    return s;
}

std::string
int64_value(rng& r)
{
    switch(r.below(20))
    {
    case 0: return "0";
    case 1: return "-" + std::to_string(r.between(1, 1000000));
    case 2: return "9223372036854775807";
    case 3: return "-9223372036854775808";
    case 4: return std::to_string(r.next() >> 12); // beyond 2^32
    default: return std::to_string(r.between(1, 100000));
    }
}

std::string
double_value(rng& r)
{
    char buf[48];
    switch(r.below(20))
    {
    case 0: return "0.0";
    case 1: return "-0.5";
    case 2: return "1e-3";
    case 3: return "6.02214076E23";
    case 4: return std::to_string(r.between(1, 500)); // an integer is a double too
    default:
    {
        // One draw a statement: the order of a call's arguments is unspecified.
        std::size_t const whole = r.between(0, 99999);
        std::size_t const cents = r.below(100);
        std::snprintf(buf, sizeof(buf), "%zu.%02zu", whole, cents);
        return buf;
    }
    }
}

// ISO 8601 (RFC 3339): mostly UTC, sometimes fractional seconds or an offset.
std::string
date_time_value(rng& r)
{
    // One draw a statement, so that every compiler makes the same corpus:
    // the order of a call's arguments is unspecified.
    std::size_t f[6];
    f[0] = r.between(2015, 2026);
    f[1] = r.between(1, 12);
    f[2] = r.between(1, 28);
    f[3] = r.between(0, 23);
    f[4] = r.between(0, 59);
    f[5] = r.between(0, 59);
    char buf[64];
    int const n = std::snprintf(buf, sizeof(buf), "\"%04zu-%02zu-%02zuT%02zu:%02zu:%02zu", f[0], f[1], f[2], f[3],
        f[4], f[5]);
    std::string s(buf, static_cast<std::size_t>(n));
    if(r.percent(20))
        s += "." + std::to_string(r.between(100, 999));
    switch(r.below(10))
    {
    case 0: s += "+02:00"; break;
    case 1: s += "-05:30"; break;
    default: s += "Z"; break;
    }
    return s + "\"";
}

struct item_writer
{
    std::vector<property> const& props;
    char const* comma = ",";
    char const* colon = ":";

    std::string
    array(std::vector<std::string> const& v) const
    {
        std::string out = "[";
        for(std::size_t i = 0; i < v.size(); ++i)
        {
            if(i != 0)
                out += comma;
            out += v[i];
        }
        return out + "]";
    }

    // A conforming value of a type; `non_ascii` set for a string that has some.
    std::string
    value(rng& r, ptype t, bool& non_ascii) const
    {
        non_ascii = false;
        switch(t)
        {
        case ptype::string: return string_value(r, &non_ascii);
        case ptype::int64: return int64_value(r);
        case ptype::double_: return double_value(r);
        case ptype::date_time: return date_time_value(r);
        case ptype::boolean: return r.percent(50) ? "true" : "false";
        default:
        {
            std::vector<std::string> v;
            std::size_t const n = r.between(1, 3);
            bool unused = false;
            for(std::size_t i = 0; i < n; ++i)
                v.push_back(t == ptype::string_collection ? quote(words_text(r, 3, 14)) : value(r, element_type(t), unused));
            return array(v);
        }
        }
    }
};

constexpr char const* acl_types[] = {"user", "group", "everyone", "everyoneExceptGuests", "externalGroup"};

// A valid item, as members of the root and of properties, before any flaw.
struct item
{
    object root;
    object properties;
    std::string content_type = "\"text\"";
    bool content_first = false;  // "value" before "type" in content
    std::size_t target = 0;      // the drawn size in bytes
    char const* comma = ",";
    char const* colon = ":";

    std::string
    write_without_content() const
    {
        object r = root;
        for(auto& m : r.members)
            if(m.first == "\"properties\"")
                m.second = properties.write(comma, colon);
        return r.write(comma, colon);
    }

    // The content value filling the item up to its drawn size.
    std::string
    write(rng& r)
    {
        std::size_t const so_far = write_without_content().size() + 40;
        std::size_t const fill = target > so_far + 40 ? target - so_far : 40;
        bool const html = content_type == "\"html\"";
        std::string text = words_text(r, fill - (html ? 7 : 0), fill - (html ? 7 : 0));
        if(html)
            text = "<p>" + text + "</p>";
        object content;
        if(content_first)
            content.add("value", quote(text));
        content.add("type", content_type);
        if(!content_first)
            content.add("value", quote(text));
        for(auto& m : root.members)
            if(m.first == "\"content\"")
                m.second = content.write(comma, colon);
        return write_without_content();
    }
};

item
valid_item(rng& r, std::vector<property> const& props)
{
    item it;
    if(r.percent(20))
    {
        it.comma = ", ";
        it.colon = ": ";
    }
    it.target = r.between(850, 1200);
    item_writer const w{props, it.comma, it.colon};

    std::vector<std::string> acl;
    std::size_t const entries = r.percent(60) ? 1 : r.between(2, 3);
    for(std::size_t i = 0; i < entries; ++i)
    {
        object e;
        char const* type = i == 0 ? "user" : r.pick(acl_types);
        e.add("type", quote(type));
        e.add("value", quote(std::string(type) == "externalGroup" ? "14m1b9c38qe" + guid(r).substr(0, 6) : guid(r)));
        e.add("accessType", quote(i == 0 || r.percent(80) ? "grant" : "deny"));
        acl.push_back(e.write(it.comma, it.colon));
    }

    std::vector<std::size_t> order;
    for(std::size_t i = 0; i < props.size(); ++i)
        if(r.percent(35))
            order.push_back(i);
    if(order.empty())
        order.push_back(r.below(props.size()));
    if(r.percent(30))
        shuffle(r, order);
    for(std::size_t i : order)
    {
        auto const& p = props[i];
        bool non_ascii = false;
        std::string v = w.value(r, p.type, non_ascii);
        bool const annotated = is_collection(p.type) || (non_ascii && r.percent(30));
        std::string const a = is_collection(p.type) ? annotation(p.type) : "String";
        bool const after = r.percent(20);
        if(annotated && !after)
            it.properties.add(p.name + "@odata.type", quote(a));
        it.properties.add(p.name, std::move(v));
        if(annotated && after)
            it.properties.add(p.name + "@odata.type", quote(a));
    }

    it.content_type = r.percent(90) ? "\"text\"" : "\"html\"";
    it.content_first = r.percent(30);
    it.root.add("acl", w.array(acl));
    it.root.add("properties", "{}");
    it.root.add("content", "{}");
    if(r.percent(30))
        shuffle(r, it.root.members);
    return it;
}

// The index in `it.properties` of a member for a property of a type among
// `types`, added with a valid value when the item has none.
std::size_t
member_of(rng& r, item& it, std::vector<property> const& props, std::initializer_list<ptype> types)
{
    for(std::size_t i = 0; i < it.properties.members.size(); ++i)
        for(auto const& p : props)
            if(it.properties.members[i].first == quote(p.name))
                for(ptype t : types)
                    if(p.type == t)
                        return i;
    std::vector<property const*> fit;
    for(auto const& p : props)
        for(ptype t : types)
            if(p.type == t)
                fit.push_back(&p);
    property const& p = *fit[r.below(fit.size())];
    item_writer const w{props, it.comma, it.colon};
    bool unused = false;
    if(is_collection(p.type))
        it.properties.add(p.name + "@odata.type", quote(annotation(p.type)));
    it.properties.add(p.name, w.value(r, p.type, unused));
    return it.properties.members.size() - 1;
}

std::string*
root_member(item& it, char const* key)
{
    for(auto& m : it.root.members)
        if(m.first == quote(key))
            return &m.second;
    return nullptr;
}

// Gives a valid item one flaw.
std::string
flawed(rng& r, item it, std::vector<property> const& props, item_flaw f)
{
    item_writer const w{props, it.comma, it.colon};
    auto& members = it.properties.members;
    switch(f)
    {
    case item_flaw::none:
    case item_flaw::count_:
        break;
    case item_flaw::unknown_property:
    {
        static constexpr char const* unknown[] = {"ticketColour", "undeclared", "customerNickname", "x"};
        std::string name = r.pick(unknown); // before the value: the order of arguments is unspecified
        it.properties.add(std::move(name), quote(words_text(r, 5, 20)));
        break;
    }
    case item_flaw::property_type:
    {
        auto& m = members[member_of(r, it, props, {ptype::string, ptype::int64, ptype::double_,
            ptype::date_time, ptype::boolean, ptype::string_collection, ptype::int64_collection,
            ptype::double_collection, ptype::date_time_collection})];
        ptype t = ptype::string;
        for(auto const& p : props)
            if(m.first == quote(p.name))
                t = p.type;
        switch(t)
        {
        case ptype::string: m.second = r.percent(50) ? "42" : "[\"a\"]"; break;
        case ptype::int64: m.second = r.percent(50) ? "\"42\"" : "4.5"; break;
        case ptype::double_: m.second = r.percent(50) ? "\"3.5\"" : "true"; break;
        case ptype::date_time: m.second = "1709296200"; break;
        case ptype::boolean: m.second = r.percent(50) ? "\"true\"" : "1"; break;
        case ptype::string_collection: m.second = r.percent(50) ? "\"red\"" : w.array({"\"red\"", "7"}); break;
        case ptype::int64_collection: m.second = r.percent(50) ? "12" : w.array({"1", "\"2\""}); break;
        case ptype::double_collection: m.second = w.array({"0.5", "\"1.5\""}); break;
        case ptype::date_time_collection: m.second = w.array({"\"2024-03-01T12:30:00Z\"", "20240301"}); break;
        }
        break;
    }
    case item_flaw::date_time:
    {
        static constexpr char const* bad[] = {"\"March 1, 2024\"", "\"2024/03/01T12:30:00Z\"",
            "\"12:30 01-03-2024\"", "\"yesterday\"", "\"\""};
        auto& m = members[member_of(r, it, props, {ptype::date_time, ptype::date_time_collection})];
        m.second = m.second[0] == '[' ? w.array({"\"2024-03-01T12:30:00Z\"", r.pick(bad)}) : r.pick(bad);
        break;
    }
    case item_flaw::missing_annotation:
    case item_flaw::wrong_annotation:
    {
        std::size_t const at = member_of(r, it, props, {ptype::string_collection, ptype::int64_collection,
            ptype::double_collection, ptype::date_time_collection});
        std::string const key = members[at].first.substr(0, members[at].first.size() - 1) + "@odata.type\"";
        for(std::size_t i = 0; i < members.size(); ++i)
            if(members[i].first == key)
            {
                if(f == item_flaw::missing_annotation)
                    members.erase(members.begin() + static_cast<std::ptrdiff_t>(i));
                else
                {
                    static constexpr char const* others[] = {"\"Collection(String)\"", "\"Collection(Int64)\"",
                        "\"Collection(Double)\"", "\"Collection(DateTimeOffset)\"", "\"Collection(DateTime)\"",
                        "\"String\""};
                    std::string v;
                    do
                        v = r.pick(others);
                    while(v == members[i].second);
                    members[i].second = v;
                }
                break;
            }
        break;
    }
    case item_flaw::missing_acl:
        if(r.percent(50))
            *root_member(it, "acl") = "[]";
        else
            for(auto i = it.root.members.begin(); i != it.root.members.end(); ++i)
                if(i->first == "\"acl\"")
                {
                    it.root.members.erase(i);
                    break;
                }
        break;
    case item_flaw::missing_properties:
        members.clear();
        if(r.percent(50))
            for(auto i = it.root.members.begin(); i != it.root.members.end(); ++i)
                if(i->first == "\"properties\"")
                {
                    it.root.members.erase(i);
                    break;
                }
        break;
    case item_flaw::acl_enum:
    {
        object e;
        bool const bad_type = r.percent(50);
        e.add("type", quote(bad_type ? (r.percent(50) ? "users" : "User") : "group"));
        e.add("value", quote(guid(r)));
        e.add("accessType", quote(bad_type ? "grant" : (r.percent(50) ? "allow" : "Deny")));
        std::string& acl = *root_member(it, "acl");
        acl.insert(acl.size() - 1, it.comma + e.write(it.comma, it.colon));
        break;
    }
    case item_flaw::content_type:
        it.content_type = r.percent(50) ? "\"pdf\"" : "\"Text\"";
        break;
    case item_flaw::duplicate_property:
    {
        auto const m = members[member_of(r, it, props, {ptype::string, ptype::int64, ptype::boolean})];
        members.push_back(m);
        break;
    }
    case item_flaw::syntax:
    {
        std::string text = it.write(r);
        switch(r.below(3))
        {
        case 0: text.resize(r.between(1, text.size() - 1)); break;
        case 1: text.insert(text.size() - 1, ","); break;
        default: text.erase(text.find(':'), 1); break;
        }
        return text;
    }
    }
    return it.write(r);
}

} // namespace

char const*
to_string(item_flaw f) noexcept
{
    switch(f)
    {
    case item_flaw::none: return "none";
    case item_flaw::unknown_property: return "unknown_property";
    case item_flaw::property_type: return "property_type";
    case item_flaw::date_time: return "date_time";
    case item_flaw::missing_annotation: return "missing_annotation";
    case item_flaw::wrong_annotation: return "wrong_annotation";
    case item_flaw::missing_acl: return "missing_acl";
    case item_flaw::missing_properties: return "missing_properties";
    case item_flaw::acl_enum: return "acl_enum";
    case item_flaw::content_type: return "content_type";
    case item_flaw::duplicate_property: return "duplicate_property";
    case item_flaw::syntax: return "syntax";
    case item_flaw::count_: break;
    }
    return "?";
}

item_corpus
make_item_corpus(std::uint64_t seed, std::size_t items, std::size_t invalid)
{
    item_corpus c;
    // A stream of its own: the connection sets stay the same bytes.
    rng r(seed ^ 0x6974656d73ULL); // "items"
    std::vector<property> props;
    c.schema = make_schema(r, props);
    c.properties = props.size();

    std::vector<std::pair<std::string, flaw>> docs;
    docs.reserve(items);
    c.items.name = "items";
    for(std::size_t i = 0; i < items; ++i)
        docs.emplace_back(valid_item(r, props).write(r), flaw::none);
    store(c.items, docs);

    docs.clear();
    c.invalid.name = "items_invalid";
    for(std::size_t i = 0; i < invalid; ++i)
    {
        // Every kind in turn: as often as each other, whatever the count.
        auto const f = static_cast<item_flaw>(1 + i % (item_flaw_count - 1));
        docs.emplace_back(flawed(r, valid_item(r, props), props, f), flaw::none);
        c.invalid_why.push_back(f);
    }
    store(c.invalid, docs);
    return c;
}

std::string
describe_flaws(item_corpus const& c)
{
    std::array<std::size_t, item_flaw_count> counts{};
    for(auto f : c.invalid_why)
        ++counts[static_cast<std::size_t>(f)];
    std::string out;
    for(std::size_t i = 1; i < item_flaw_count; ++i)
    {
        if(counts[i] == 0)
            continue;
        if(!out.empty())
            out += ", ";
        out += to_string(static_cast<item_flaw>(i));
        out += '=';
        out += std::to_string(counts[i]);
    }
    return out;
}

} // bench
