//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#include "corpus.hpp"
#include "rng.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <utility>

namespace bench {

namespace {

// The separators of one document: compact, or the seed's ", " and ": ".
struct style
{
    char const* comma;
    char const* colon;
};

constexpr style compact{",", ":"};
constexpr style spaced{", ", ": "};

// An object under construction: keys and values as JSON text.
struct object
{
    std::vector<std::pair<std::string, std::string>> members;

    void add(std::string key, std::string value) { members.emplace_back(std::move(key), std::move(value)); }

    std::string*
    find(std::string_view key)
    {
        for(auto& m : members)
            if(m.first == key)
                return &m.second;
        return nullptr;
    }

    bool
    erase(std::string_view key)
    {
        for(auto it = members.begin(); it != members.end(); ++it)
            if(it->first == key)
            {
                members.erase(it);
                return true;
            }
        return false;
    }

    std::string
    write(style s) const
    {
        std::string out = "{";
        for(std::size_t i = 0; i < members.size(); ++i)
        {
            if(i != 0)
                out += s.comma;
            out += members[i].first;
            out += s.colon;
            out += members[i].second;
        }
        out += "}";
        return out;
    }
};

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

std::string
array_of(std::vector<std::string> const& values, style s)
{
    std::string out = "[";
    for(std::size_t i = 0; i < values.size(); ++i)
    {
        if(i != 0)
            out += s.comma;
        out += values[i];
    }
    out += "]";
    return out;
}

constexpr char const* reserved_ids[] = {"None", "Directory", "Exchange", "ExchangeArchive",
    "LinkedIn", "Mailbox", "OneDriveBusiness", "SharePoint", "Teams", "Yammer", "Connectors",
    "TaskFabric", "PowerBI", "Assistant", "TopicEngine", "MSFT_All_Connectors"};

constexpr char alnum[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

// Words of names and descriptions, with their code point counts: some are
// not ASCII, so that byte and code point lengths differ.
struct word
{
    char const* text;
    std::size_t code_points;
};

constexpr word words[] = {{"Contoso", 7}, {"HR", 2}, {"Payroll", 7}, {"Wiki", 4},
    {"Tickets", 7}, {"Fabrikam", 8}, {"Docs", 4}, {"Connector", 9}, {"Search", 6},
    {"Files", 5}, {"Team", 4}, {"North", 5}, {"Europe", 6}, {"Archive", 7}, {"Sales", 5},
    {"\xc3\x89quipe", 6}, {"Donn\xc3\xa9" "es", 7}, {"\xc3\x9c" "berblick", 9},
    {"\xe6\x95\xb0\xe6\x8d\xae", 2}, {"\xe6\xa4\x9c\xe7\xb4\xa2", 2}, {"\xf0\x9f\x93\x81", 1}};

std::string
alnum_string(rng& r, std::size_t n)
{
    std::string s;
    for(std::size_t i = 0; i < n; ++i)
        s += alnum[r.below(sizeof(alnum) - 1)];
    return s;
}

bool
acceptable_id(std::string const& id)
{
    if(id.compare(0, 9, "Microsoft") == 0)
        return false;
    for(auto w : reserved_ids)
        if(id == w)
            return false;
    return true;
}

// A valid id as JSON text: 3 to 32 letters or digits, sometimes spelled
// with an escape or close to a rule without breaking it.
std::string
valid_id(rng& r)
{
    std::string id;
    switch(r.below(20))
    {
    case 0: id = "microsoft" + alnum_string(r, r.between(0, 8)); break; // the prefix rule is case-sensitive
    case 1: id = r.percent(50) ? "sharepoint" : "teams"; break;        // so are the reserved ids
    case 2: id = alnum_string(r, r.percent(50) ? 3 : 32); break;        // the length bounds
    default:
        do
            id = alnum_string(r, r.between(6, 16));
        while(!acceptable_id(id));
    }
    if(!acceptable_id(id))
        id = "contoso" + alnum_string(r, 4);
    if(r.percent(5))
    {
        // The same id with one letter escaped: rules apply after unescaping.
        std::size_t const at = r.below(id.size());
        char buf[8];
        std::snprintf(buf, sizeof(buf), "\\u%04x", static_cast<unsigned>(id[at]));
        return "\"" + id.substr(0, at) + buf + id.substr(at + 1) + "\"";
    }
    return quote(id);
}

// Words joined by spaces, between `lo` and `hi` code points.
std::string
words_between(rng& r, std::size_t lo, std::size_t hi, std::size_t* code_points = nullptr)
{
    std::string s;
    std::size_t n = 0;
    std::size_t const target = r.between(lo, hi);
    while(n < target)
    {
        word const& w = r.pick(words);
        std::size_t const extra = (s.empty() ? 0 : 1) + w.code_points;
        if(n + extra > hi)
            break;
        if(!s.empty())
            s += ' ';
        s += w.text;
        n += extra;
    }
    while(n < lo)
    {
        s += 'x';
        ++n;
    }
    if(code_points)
        *code_points = n;
    return s;
}

std::string
valid_name(rng& r)
{
    if(r.percent(5))
        return quote(words_between(r, 110, 128)); // often more than 128 bytes
    std::string text = quote(words_between(r, 4, 24));
    if(r.percent(5))
        text.insert(1, "\\u00c9 "); // two more code points, spelled as an escape
    return text;
}

std::string
description(rng& r)
{
    if(r.percent(10))
        return "\"\"";
    std::string text = quote("Connection to index the " + words_between(r, 4, 40) + " system");
    if(r.percent(5))
        text.insert(text.size() - 1, "\\n\\\"quoted\\\"");
    return text;
}

std::string
guid(rng& r)
{
    static constexpr char hex[] = "0123456789abcdef";
    std::string g = "\"";
    for(int group : {8, 4, 4, 4, 12})
    {
        if(g.size() > 1)
            g += '-';
        for(int i = 0; i < group; ++i)
            g += hex[r.below(16)];
    }
    g += '"';
    return g;
}

std::vector<std::string>
guids(rng& r, std::size_t n)
{
    std::vector<std::string> v;
    v.reserve(n);
    for(std::size_t i = 0; i < n; ++i)
        v.push_back(guid(r));
    return v;
}

constexpr char const* connection_type_names[] = {"#microsoft.graph.externalConnection",
    "microsoft.graph.externalConnection", "#microsoft.graph.externalConnectors.externalConnection",
    "microsoft.graph.externalConnectors.externalConnection"};

constexpr char const* configuration_type_names[] = {"#microsoft.graph.configuration",
    "microsoft.graph.configuration", "#microsoft.graph.externalConnectors.configuration",
    "microsoft.graph.externalConnectors.configuration"};

constexpr char const* states[] = {"draft", "ready", "obsolete", "limitExceeded", "unknownFutureValue"};

// A create body and its configuration, as members, before any flaw.
struct create_body
{
    object root;
    object configuration;
    std::vector<std::string> apps;
    style s = compact;

    // Fills in the placeholders of the configuration and of its apps,
    // unless a flaw replaced them.
    std::string
    write()
    {
        if(auto* v = configuration.find("\"authorizedApps\""); v && *v == "[]")
            *v = array_of(apps, s);
        if(auto* v = root.find("\"configuration\""); v && *v == "{}")
            *v = configuration.write(s);
        return root.write(s);
    }
};

create_body
valid_create_body(rng& r)
{
    create_body b;
    b.s = r.percent(50) ? compact : spaced;
    b.apps = guids(r, r.between(1, 2));
    if(r.percent(50))
        b.configuration.add("\"@odata.type\"", quote(r.pick(configuration_type_names)));
    b.configuration.add("\"authorizedApps\"", "[]");
    if(r.percent(25))
        b.configuration.add("\"authorizedAppIds\"", array_of(b.apps, b.s));
    if(r.percent(60))
        b.root.add("\"@odata.type\"", quote(r.pick(connection_type_names)));
    b.root.add("\"id\"", valid_id(r));
    b.root.add("\"name\"", valid_name(r));
    b.root.add("\"description\"", description(r));
    b.root.add("\"configuration\"", "{}");
    if(r.percent(20))
        b.root.add("\"@odata.context\"",
            "\"https://graph.microsoft.com/beta/$metadata#external/connections/$entity\"");
    if(r.percent(10))
        b.root.add("\"contentCategory\"", "\"knowledgeBase\"");
    if(r.percent(5))
        b.root.add("\"name@odata.type\"", "\"#String\"");
    if(r.percent(30))
    {
        // Members in any order: OData does not fix it.
        auto& m = b.root.members;
        for(std::size_t i = m.size(); i > 1; --i)
            std::swap(m[i - 1], m[r.below(i)]);
    }
    return b;
}

// A valid create body as a connector sends it today: the members of the
// 2019 body and some of activitySettings (1 to 3 resolvers), searchSettings
// (1 or 2 templates, each with an Adaptive Card layout and rules),
// contentCategory, connectorId and enabledContentExperiences.
std::string
current_create_body(rng& r)
{
    create_body b = valid_create_body(r);
    style const s = b.s;
    auto field = [&](char const* k, std::string v) { return quote(k) + s.colon + v; };
    if(r.percent(70))
    {
        std::vector<std::string> resolvers;
        std::size_t const n = r.between(1, 3);
        for(std::size_t i = 0; i < n; ++i)
        {
            object match;
            match.add(quote("baseUrls"), array_of({quote("https://contoso.com"), quote("https://www.contoso.com")}, s));
            match.add(quote("urlPattern"), quote("/items/(?<itemId>[0-9]+)"));
            object res;
            res.add(quote("@odata.type"), quote("#microsoft.graph.externalConnectors.itemIdResolver"));
            res.add(quote("itemId"), quote("{itemId}"));
            res.add(quote("priority"), std::to_string(i + 1));
            res.add(quote("urlMatchInfo"), match.write(s));
            resolvers.push_back(res.write(s));
        }
        b.root.add(quote("activitySettings"), "{" + field("urlToItemResolvers", array_of(resolvers, s)) + "}");
    }
    if(r.percent(70))
    {
        std::vector<std::string> templates;
        std::size_t const n = r.between(1, 2);
        for(std::size_t i = 0; i < n; ++i)
        {
            object rule;
            rule.add(quote("property"), quote(r.percent(50) ? "title" : "description"));
            rule.add(quote("operation"), quote(r.percent(50) ? "contains" : "startsWith"));
            rule.add(quote("valuesJoinedBy"), quote(r.percent(50) ? "or" : "and"));
            rule.add(quote("values"), array_of({quote("contoso"), quote("ticket")}, s));
            object t;
            t.add(quote("id"), quote("tpl" + std::to_string(i)));
            t.add(quote("priority"), std::to_string(i));
            t.add(quote("layout"), R"({"type":"AdaptiveCard","version":"1.3","body":[{"type":"TextBlock","text":"${title}","weight":"bolder"}]})");
            t.add(quote("rules"), array_of({rule.write(s)}, s));
            templates.push_back(t.write(s));
        }
        b.root.add(quote("searchSettings"), "{" + field("searchResultTemplates", array_of(templates, s)) + "}");
    }
    if(r.percent(60) && !b.root.find(quote("contentCategory")))
        b.root.add(quote("contentCategory"), quote(r.percent(50) ? "wikis" : "crm"));
    if(r.percent(40))
        b.root.add(quote("connectorId"), guid(r));
    if(r.percent(40))
        b.root.add(quote("enabledContentExperiences"), quote(r.percent(50) ? "search" : "search, compliance"));
    return b.write();
}

constexpr char const* required_members[] = {"\"id\"", "\"name\"", "\"description\"", "\"configuration\""};

// Gives a valid body one flaw.
std::string
flawed(rng& r, create_body b, flaw f)
{
    auto& root = b.root;
    auto set = [&](char const* key, std::string value) { *root.find(key) = std::move(value); };
    switch(f)
    {
    case flaw::none:
        break;
    case flaw::missing_required:
        root.erase(r.pick(required_members));
        break;
    case flaw::id_length:
        set("\"id\"", quote(alnum_string(r, r.percent(50) ? r.between(1, 2) : r.between(33, 48))));
        break;
    case flaw::id_characters:
    {
        static constexpr char const* bad[] = {"-", "_", " ", ".", "\xc3\xa9", "!"};
        std::string id = alnum_string(r, r.between(6, 16));
        id.insert(r.between(1, id.size() - 1), r.pick(bad));
        set("\"id\"", quote(id));
        break;
    }
    case flaw::id_prefix:
        set("\"id\"", quote("Microsoft" + alnum_string(r, r.between(0, 12))));
        break;
    case flaw::id_reserved:
        set("\"id\"", quote(r.pick(reserved_ids)));
        break;
    case flaw::name_length:
        set("\"name\"", r.percent(30) ? std::string("\"\"") : quote(words_between(r, 129, 180)));
        break;
    case flaw::member_type:
        switch(r.below(7))
        {
        case 0: set("\"id\"", "42"); break;
        case 1: set("\"name\"", "true"); break;
        case 2: set("\"description\"", "{\"text\":\"x\"}"); break;
        case 3: set("\"configuration\"", "[\"x\"]"); break;
        case 4: set("\"configuration\"", "\"none\""); break;
        case 5: *b.configuration.find("\"authorizedApps\"") = b.apps[0]; b.apps.clear(); break;
        default: b.apps.push_back("123"); break;
        }
        break;
    case flaw::odata_type_type:
    {
        static constexpr char const* values[] = {"12", "null", "true", "[\"#microsoft.graph.externalConnection\"]"};
        object& o = r.percent(50) ? root : b.configuration;
        if(auto* v = o.find("\"@odata.type\""))
            *v = r.pick(values);
        else
            o.add("\"@odata.type\"", r.pick(values));
        break;
    }
    case flaw::null_required:
        set(r.pick(required_members), "null");
        break;
    case flaw::null_element:
        b.apps.insert(b.apps.begin() + static_cast<std::ptrdiff_t>(r.below(b.apps.size() + 1)), "null");
        break;
    case flaw::read_only:
        root.add("\"state\"", quote(r.pick(states)));
        break;
    case flaw::odata_type_name:
    {
        static constexpr char const* wrong_root[] = {"#microsoft.graph.externalItem",
            "#Microsoft.Graph.ExternalConnection", "externalConnection",
            "#microsoft.graph.configuration", "##microsoft.graph.externalConnection"};
        static constexpr char const* wrong_configuration[] = {"#microsoft.graph.externalConnection",
            "#microsoft.graph.Configuration", "configuration"};
        bool const at_root = r.percent(50);
        object& o = at_root ? root : b.configuration;
        std::string const v = quote(at_root ? r.pick(wrong_root) : r.pick(wrong_configuration));
        if(auto* p = o.find("\"@odata.type\""))
            *p = v;
        else
            o.add("\"@odata.type\"", v);
        break;
    }
    case flaw::duplicate_member:
        if(r.percent(50))
            root.add("\"name\"", valid_name(r));
        else
            root.add("\"description\"", description(r));
        break;
    case flaw::duplicate_unknown:
        if(r.percent(50))
        {
            root.add("\"connectorId\"", "\"a\"");
            root.add("\"connectorId\"", "\"b\"");
        }
        else
            root.add("\"searchSettings\"", "{\"k\":1,\"k\":2}");
        break;
    case flaw::syntax:
    {
        std::string text = b.write();
        switch(r.below(3))
        {
        case 0: text.resize(r.between(1, text.size() - 1)); break;
        case 1: text.insert(text.size() - 1, ","); break;
        default: text.erase(text.find(':'), 1); break;
        }
        return text;
    }
    case flaw::invalid_utf8:
    {
        static constexpr char const* bad[] = {"\xff", "\xc3\x28", "\x80", "\xc0\xaf"};
        std::string d = "\"Connection";
        d += r.pick(bad);
        d += "to the archive\"";
        set("\"description\"", d);
        break;
    }
    case flaw::too_deep:
        root.add("\"searchSettings\"", std::string(70, '[') + std::string(70, ']'));
        break;
    case flaw::count_:
        break;
    }
    return b.write();
}

// A read body of about `target` bytes: the service's answer, with
// app ids and large kept members in the same proportion at every size.
std::string
read_body(rng& r, std::size_t target)
{
    style const s = r.percent(50) ? compact : spaced;
    bool const tiny = target < 1024;
    object root;
    if(!tiny)
        root.add("\"@odata.context\"", "\"https://graph.microsoft.com/beta/$metadata#external/connections/$entity\"");
    root.add("\"@odata.type\"", "\"#microsoft.graph.externalConnectors.externalConnection\"");
    root.add("\"id\"", valid_id(r));
    root.add("\"name\"", tiny ? quote(words_between(r, 4, 12)) : valid_name(r));
    root.add("\"description\"", tiny ? quote(words_between(r, 4, 20)) : description(r));
    root.add("\"state\"", quote(r.pick(states)));
    std::size_t const header = root.write(s).size() + 64;
    std::size_t const budget = target > header ? target - header : 0;
    // About 55% of the bytes are app ids (40 bytes each), the rest kept members.
    std::size_t const ids = std::max<std::size_t>(1, budget * 55 / 100 / 40);
    std::vector<std::string> app_ids = guids(r, ids);
    std::vector<std::string> apps(app_ids.begin(), app_ids.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(ids, 3)));
    object configuration;
    configuration.add("\"authorizedAppIds\"", array_of(app_ids, s));
    configuration.add("\"authorizedApps\"", array_of(apps, s));
    root.add("\"configuration\"", configuration.write(s));

    std::size_t const rest = target > root.write(s).size() ? target - root.write(s).size() : 0;
    std::vector<std::string> templates;
    std::size_t used = 0;
    while(!tiny && (templates.empty() || used + 200 < rest))
    {
        object layout;
        layout.add("\"type\"", "\"TextBlock\"");
        layout.add("\"text\"", quote(words_between(r, 10, 40)));
        layout.add("\"wrap\"", "true");
        object t;
        t.add("\"id\"", quote(alnum_string(r, 12)));
        t.add("\"priority\"", std::to_string(r.between(1, 1000)));
        t.add("\"layout\"", layout.write(s));
        t.add("\"values\"", array_of({quote(r.pick(words).text), quote(r.pick(words).text)}, s));
        t.add("\"score\"", r.percent(50) ? "0.75" : "1e-3");
        t.add("\"enabled\"", r.percent(50) ? "true" : "false");
        t.add("\"owner\"", "null");
        templates.push_back(t.write(s));
        used += templates.back().size() + 2;
    }
    if(!tiny)
        root.add("\"searchSettings\"", "{\"searchResultTemplates\":" + array_of(templates, s) + "}");
    root.add("\"ingestedItemsCount\"", std::to_string(r.between(0, 10000000)));
    return root.write(s);
}

} // namespace

// Lays the documents out one a line, with the padding after the last.
void
store(document_set& set, std::vector<std::pair<std::string, flaw>> const& docs)
{
    std::size_t total = 0;
    for(auto const& d : docs)
        total += d.first.size() + 1;
    set.storage.reserve(total + 64);
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    for(auto const& d : docs)
    {
        spans.emplace_back(set.storage.size(), d.first.size());
        set.storage += d.first;
        set.storage += '\n';
        set.bytes += d.first.size();
    }
    set.ndjson_size = set.storage.size();
    set.storage.append(64, ' ');
    for(std::size_t i = 0; i < docs.size(); ++i)
        set.documents.push_back({{set.storage.data() + spans[i].first, spans[i].second}, docs[i].second});
}

char const*
to_string(flaw f) noexcept
{
    switch(f)
    {
    case flaw::none: return "none";
    case flaw::missing_required: return "missing_required";
    case flaw::id_length: return "id_length";
    case flaw::id_characters: return "id_characters";
    case flaw::id_prefix: return "id_prefix";
    case flaw::id_reserved: return "id_reserved";
    case flaw::name_length: return "name_length";
    case flaw::member_type: return "member_type";
    case flaw::odata_type_type: return "odata_type_type";
    case flaw::null_required: return "null_required";
    case flaw::null_element: return "null_element";
    case flaw::read_only: return "read_only";
    case flaw::odata_type_name: return "odata_type_name";
    case flaw::duplicate_member: return "duplicate_member";
    case flaw::duplicate_unknown: return "duplicate_unknown";
    case flaw::syntax: return "syntax";
    case flaw::invalid_utf8: return "invalid_utf8";
    case flaw::too_deep: return "too_deep";
    case flaw::count_: break;
    }
    return "?";
}

std::size_t
document_set::valid_for(flaw_set seen) const noexcept
{
    std::size_t n = 0;
    for(auto const& d : documents)
        n += !seen.contains(d.why);
    return n;
}

std::string
describe_flaws(document_set const& s)
{
    std::array<std::size_t, flaw_count> counts{};
    for(auto const& d : s.documents)
        ++counts[static_cast<std::size_t>(d.why)];
    std::string out;
    for(std::size_t i = 0; i < flaw_count; ++i)
    {
        if(counts[i] == 0)
            continue;
        if(!out.empty())
            out += ", ";
        out += to_string(static_cast<flaw>(i));
        out += '=';
        out += std::to_string(counts[i]);
    }
    return out;
}

corpus
make_corpus(std::uint64_t seed, corpus_scale const& scale)
{
    corpus c;
    rng r(seed);
    std::vector<std::pair<std::string, flaw>> docs;

    c.small.name = "small";
    c.small.operation = graphschema::operation::create;
    for(std::size_t i = 0; i < scale.small; ++i)
        docs.emplace_back(valid_create_body(r).write(), flaw::none);
    store(c.small, docs);

    docs.clear();
    c.large.name = "large";
    c.large.operation = graphschema::operation::read;
    for(std::size_t i = 0; i < scale.large; ++i)
        docs.emplace_back(read_body(r, r.between(20000, 60000)), flaw::none);
    store(c.large, docs);

    docs.clear();
    c.stream.name = "stream";
    c.stream.operation = graphschema::operation::create;
    for(std::size_t i = 0; i < scale.stream; ++i)
    {
        // One in ten has a flaw, every kind about as often.
        flaw const f = r.percent(10) ? static_cast<flaw>(1 + r.below(flaw_count - 1)) : flaw::none;
        docs.emplace_back(flawed(r, valid_create_body(r), f), f);
    }
    store(c.stream, docs);

    for(std::size_t size = 300; size <= scale.sweep_max; size = size < 1024 ? 1024 : size * 4)
    {
        docs.clear();
        document_set set;
        set.name = "sweep/" + std::to_string(size);
        set.operation = graphschema::operation::read;
        // The largest stays under graphschema's default limit of 4 MiB.
        std::size_t const target = std::min<std::size_t>(size, (4u << 20) - 4096);
        std::size_t const count = std::max<std::size_t>(2, scale.sweep_bytes / size);
        for(std::size_t i = 0; i < count; ++i)
            docs.emplace_back(read_body(r, target), flaw::none);
        store(set, docs);
        c.sweep.push_back(std::move(set));
    }

    // Last, so that the sets before it are the same as before it existed.
    docs.clear();
    c.current.name = "current";
    c.current.operation = graphschema::operation::create;
    for(std::size_t i = 0; i < scale.current; ++i)
        docs.emplace_back(current_create_body(r), flaw::none);
    store(c.current, docs);
    return c;
}

} // bench
