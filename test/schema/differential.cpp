//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// The schema differential: a generated corpus, validated by the library
// and by ajv against the exported JSON Schemas (and OpenAPI fragments) of
// every operation and policy. The verdicts must be equal on every
// document, and ajv's errors must point where the library's issues do.
//
// One node process handles the whole corpus (differential.js): this
// program writes the schemas and the corpus to a folder, runs it, and
// compares. GRAPHSCHEMA_SCHEMA_SEED=N picks another seed.

#define BOOST_TEST_MODULE schema_differential
#include "../test_support.hpp"

#include "corpus.hpp"
#include "sample_model.hpp"

#include <graphschema/item_validator.hpp>
#include <graphschema/schema.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <unistd.h>

#ifndef GRAPHSCHEMA_NODE
#error "the build defines GRAPHSCHEMA_NODE, the Node.js program (empty when none was found)"
#endif
#ifndef GRAPHSCHEMA_SCHEMA_SCRIPT
#error "the build defines GRAPHSCHEMA_SCHEMA_SCRIPT, the path of differential.js"
#endif

namespace {

namespace gs = graphschema;
namespace json = boost::json;

constexpr gs::operation operations[] = {
    gs::operation::create, gs::operation::update, gs::operation::read};
constexpr gs::unknown_policy policies[] = {
    gs::unknown_policy::preserve, gs::unknown_policy::ignore, gs::unknown_policy::reject};

constexpr gs::api_version versions[] = {gs::api_version::v1_0, gs::api_version::beta};

// Main-corpus documents per model; 26,600 in all, each checked for every
// operation, policy and version. The externalConnection and widget counts
// gave 2,000 to the connector models, to keep the run near its time.
constexpr std::size_t external_connection_documents = 8000;
constexpr std::size_t configuration_documents = 2000;
constexpr std::size_t activity_settings_documents = 2500;
constexpr std::size_t search_settings_documents = 2500;
constexpr std::size_t widget_documents = 5000;
// The connector models (issue 13), and items against three registered
// schemas (item_validator).
constexpr std::size_t schema_documents = 2000;
constexpr std::size_t external_item_documents = 600;
constexpr std::size_t external_group_documents = 500;
constexpr std::size_t add_activities_documents = 500;
constexpr std::size_t item_documents = 1000; // per registered schema

struct model
{
    std::string name;
    gs::detail::type_node const* root;
    std::function<gs::report(std::string_view, gs::decode_options const&)> validate;
    std::function<json::value(gs::decode_options const&)> schema;
    std::function<json::value(gs::decode_options const&)> openapi;
    std::vector<json::value> seeds;
    std::size_t documents;
    // Items: a document made and mutated by the item generator instead.
    std::function<json::value(corpus::generator&)> make_document;
};

template<class T>
model
make_model(std::string name, std::size_t documents)
{
    model m;
    m.name = std::move(name);
    m.root = &gs::detail::node_of<T>::value;
    m.validate = [](std::string_view text, gs::decode_options const& o) { return gs::validate<T>(text, o); };
    m.schema = [](gs::decode_options const& o) { return gs::json_schema<T>(o); };
    m.openapi = [](gs::decode_options const& o) { return gs::openapi_components<T>(o); };
    m.documents = documents;
    return m;
}

//------------------------------------------------------------------------------
// Items against a registered schema: the item rules (decision 26), each
// broken in turn.

class item_generator
{
public:
    item_generator(gs::dynamic_schema const& d) : d_(d) {}

    json::value
    make(corpus::generator& g)
    {
        auto& r = g.rng();
        static constexpr gs::operation ops[] = {gs::operation::create, gs::operation::update, gs::operation::read};
        json::object o = g.make_object(gs::detail::model_ref<gs::graph::external_item>(), r.pick(ops));
        o["properties"] = properties(g);
        std::size_t const breaks = r.chance(30) ? 0 : 1 + r.below(3);
        for(std::size_t i = 0; i < breaks; ++i)
            if(auto* p = o.if_contains("properties"))
                break_rule(g, *p);
        json::value doc = std::move(o);
        if(r.chance(15))
            g.mutate(doc, gs::detail::node_ref<gs::graph::external_item>(), 1);
        return doc;
    }

private:
    json::value
    one_value(corpus::generator& g, std::size_t i)
    {
        auto& r = g.rng();
        switch(d_[i].type)
        {
        case gs::dynamic_type::string: return json::string(g.text(r.below(6)));
        case gs::dynamic_type::int64:
        {
            static constexpr std::int64_t v[] = {0, 1, -5, 1000, 9007199254740991, -9007199254740991, 42};
            return r.pick(v);
        }
        case gs::dynamic_type::double_: return r.chance(70) ? json::value(r.pick(g.some_doubles)) : json::value(7);
        case gs::dynamic_type::date_time_offset: return json::string(g.date_time(true));
        case gs::dynamic_type::boolean: return r.chance(50);
        case gs::dynamic_type::object:
            return g.make_object(gs::detail::model_ref<gs::graph::principal>(), gs::operation::create, 1);
        }
        return nullptr;
    }

    json::value
    value(corpus::generator& g, std::size_t i)
    {
        auto& r = g.rng();
        if(!d_[i].collection)
            return r.chance(10) ? json::value(nullptr) : one_value(g, i);
        json::array a;
        for(std::size_t n = r.below(4); n > 0; --n)
            a.push_back(one_value(g, i));
        return a;
    }

    // An annotation naming member i's type in one of the accepted spellings.
    std::string
    annotation(corpus::generator& g, std::size_t i)
    {
        auto& r = g.rng();
        std::string inner;
        if(d_[i].type == gs::dynamic_type::object)
            inner = "microsoft.graph.externalConnectors.principal"; // its one name
        else
            inner = (r.chance(30) ? "Edm." : "") + std::string(gs::dynamic_schema::primitive_name(d_[i].type));
        if(d_[i].collection)
            inner = "Collection(" + inner + ")";
        return (r.chance(30) ? "#" : "") + inner;
    }

    // Mostly valid properties: some of the declared members, with the
    // annotations collections need, some on single values.
    json::value
    properties(corpus::generator& g)
    {
        auto& r = g.rng();
        json::object o;
        std::size_t const first = r.below(d_.size());
        for(std::size_t i = 0; i < d_.size(); ++i)
        {
            if(i != first && !r.chance(50))
                continue;
            bool const annotate = d_.annotation_required(i) ? r.chance(95) : r.chance(25);
            bool const before = r.chance(50);
            if(annotate && before)
                o[d_.annotation_key(i)] = json::string(annotation(g, i));
            o[d_[i].name] = value(g, i);
            if(annotate && !before)
                o[d_.annotation_key(i)] = json::string(annotation(g, i));
        }
        if(r.chance(10))
            o["@odata.type"] = r.chance(50) ? "#microsoft.graph.externalConnectors.properties" : "microsoft.graph.properties";
        return o;
    }

    std::size_t
    some_member(corpus::generator& g) const
    {
        return g.rng().below(d_.size());
    }

    // A value of a JSON type member i does not take, or a string that is
    // no date-time for a date-time.
    json::value
    wrong_value(corpus::generator& g, std::size_t i)
    {
        auto& r = g.rng();
        bool const collection = d_[i].collection;
        if(collection && r.chance(40))
        {
            // The collection: a single value, or an element wrong.
            if(r.chance(30))
                return one_value(g, i);
            json::array a;
            a.push_back(one_value(g, i));
            json::value bad = r.chance(25) ? json::value(nullptr) : wrong_scalar(g, d_[i].type);
            a.insert(a.begin() + static_cast<std::ptrdiff_t>(r.below(2)), std::move(bad));
            return a;
        }
        return wrong_scalar(g, d_[i].type);
    }

    json::value
    wrong_scalar(corpus::generator& g, gs::dynamic_type t)
    {
        auto& r = g.rng();
        switch(t)
        {
        case gs::dynamic_type::string: { json::value v[] = {5, true, json::array{"a"}, json::object{}}; return r.pick(v); }
        case gs::dynamic_type::int64: { json::value v[] = {1.5, -0.25, "1", true, 1e19, json::array{}}; return r.pick(v); }
        case gs::dynamic_type::double_: { json::value v[] = {"1.5", false, json::object{}}; return r.pick(v); }
        case gs::dynamic_type::boolean: { json::value v[] = {"true", 1, 0, "false"}; return r.pick(v); }
        case gs::dynamic_type::date_time_offset:
            if(r.chance(75))
                return json::string(g.date_time(false));
            return 20240301;
        case gs::dynamic_type::object: { json::value v[] = {"x", 1, json::array{}, true}; return r.pick(v); }
        }
        return nullptr;
    }

    std::string
    wrong_annotation(corpus::generator& g, std::size_t i)
    {
        auto& r = g.rng();
        std::string const right = annotation(g, i);
        switch(r.below(10))
        {
        case 0: return "Collection(Int64)";
        case 1: return "String";
        case 2: return d_[i].collection ? right.substr(right.find('(') + 1, right.size() - right.find('(') - 2) : "Collection(" + right + ")";
        case 3: return "#" + right + " ";
        case 4: return "##" + right;
        case 5: { std::string u = right; for(char& c : u) if(c >= 'a' && c <= 'z') { c = static_cast<char>(c - 32); break; } return u; }
        case 6: return "Edm." + right;
        case 7: return "";
        case 8: return "Collection(DateTime)";
        default: return "Collection(microsoft.graph.principal)";
        }
    }

    void
    break_rule(corpus::generator& g, json::value& v)
    {
        auto& r = g.rng();
        if(!v.is_object())
            return;
        json::object& o = v.get_object();
        std::size_t const i = some_member(g);
        std::string const& name = d_[i].name;
        switch(r.below(13))
        {
        case 0: // undeclared member
        {
            static constexpr char const* names[] = {"undeclared", "Title", "TITLE", "", "a/b", "~1", "x y"};
            o[r.chance(60) ? std::string(r.pick(names)) : name + "s"] = one_value(g, i);
            break;
        }
        case 1: // wrong JSON type
        case 2:
            o[name] = wrong_value(g, i);
            break;
        case 3: // a collection without its annotation
            o[name] = value(g, i);
            o.erase(d_.annotation_key(i));
            break;
        case 4: // an annotation naming another type
            o[d_.annotation_key(i)] = json::string(wrong_annotation(g, i));
            if(r.chance(70))
                o[name] = value(g, i);
            break;
        case 5: // an annotation that is no string
        {
            json::value bad[] = {nullptr, 1, json::array{}, true};
            o[d_.annotation_key(i)] = r.pick(bad);
            break;
        }
        case 6: // an annotation of an undeclared member
            o[r.chance(50) ? "undeclared@odata.type" : "Title@odata.type"] = "String";
            break;
        case 7: // other annotations: read through
        {
            static constexpr char const* keys[] = {"@odata.etag", "x@y", "title@odata.count",
                "@x@odata.type", "a@b@odata.type", "@", "tags@odata.type2"};
            o[r.pick(keys)] = g.any_value(1);
            break;
        }
        case 8: // null: a single value may be, a collection may not
            o[name] = nullptr;
            break;
        case 9: // no declared member
            if(r.chance(50))
                o.clear();
            else
                for(std::size_t k = 0; k < d_.size(); ++k)
                    o.erase(d_[k].name);
            break;
        case 10: // the object's own @odata.type
        {
            static constexpr char const* names[] = {"#microsoft.graph.externalConnectors.properties",
                "microsoft.graph.properties", "#microsoft.graph.externalItem", "properties", ""};
            o["@odata.type"] = r.pick(names);
            break;
        }
        case 11: // an invalid date-time, where there is one
            for(std::size_t k = 0; k < d_.size(); ++k)
                if(d_[k].type == gs::dynamic_type::date_time_offset)
                {
                    json::value bad = json::string(g.date_time(false));
                    if(d_[k].collection)
                        bad = json::array{json::string(g.date_time(true)), std::move(bad)};
                    o[d_[k].name] = std::move(bad);
                    break;
                }
            break;
        default: // not an object at all
        {
            json::value bad[] = {nullptr, json::array{}, "x", 1};
            v = r.pick(bad);
            break;
        }
        }
    }

    gs::dynamic_schema const& d_;
};

model
make_item_model(std::string name, std::string const& registration, std::size_t documents)
{
    gs::report why;
    auto made = gs::item_validator::make(registration, why);
    if(!made)
        throw std::logic_error("the registration of " + name + " is not valid: " + test::summary(why));
    auto v = std::make_shared<gs::item_validator const>(std::move(*made));
    model m;
    m.name = std::move(name);
    m.root = &gs::detail::node_of<gs::graph::external_item>::value;
    m.validate = [v](std::string_view text, gs::decode_options const& o) { return v->validate(text, o); };
    m.schema = [v](gs::decode_options const& o) { return v->json_schema(o); };
    m.openapi = [v](gs::decode_options const& o) {
        return gs::detail::build_openapi_components(gs::detail::model_ref<gs::graph::external_item>(),
            o.operation, o.unknown, o.version, &v->properties());
    };
    m.documents = documents;
    auto gen = std::make_shared<item_generator>(v->properties());
    m.make_document = [v, gen](corpus::generator& g) { return gen->make(g); };
    return m;
}

// Three registered schemas: every primitive type, every collection and
// principals, and one property alone (where "at least one" is sharpest).
char const* const registration_scalars = R"({"baseType":"microsoft.graph.externalItem","properties":[
    {"name":"title","type":"string","isSearchable":true},{"name":"count","type":"int64","isRefinable":true},
    {"name":"score","type":"double"},{"name":"created","type":"dateTime"},{"name":"done","type":"boolean"}]})";
char const* const registration_collections = R"({"baseType":"microsoft.graph.externalItem","properties":[
    {"name":"tags","type":"stringCollection"},{"name":"sizes","type":"int64Collection"},
    {"name":"weights","type":"doubleCollection"},{"name":"dates","type":"dateTimeCollection"},
    {"name":"owner","type":"principal"},{"name":"editors","type":"principalCollection"},
    {"name":"title","type":"string"}]})";
char const* const registration_one = R"({"baseType":"microsoft.graph.externalItem","properties":[
    {"name":"x","type":"string"}]})";

//------------------------------------------------------------------------------
// The uniqueness rule of a schema's properties (unique_ignoring_case on
// names and aliases), which JSON Schema cannot say: the pointer of the
// first string that repeats another ignoring ASCII case, as the walker
// meets them (strings that pass their own rules, in document order), or
// empty.
std::string
repeated_name(json::value const& doc)
{
    auto const* o = doc.if_object();
    auto const* props = o ? o->if_contains("properties") : nullptr;
    if(!props || !props->is_array())
        return {};
    auto const& m = gs::detail::model_ref<gs::graph::property>();
    auto entry = [&](std::string_view name) -> gs::detail::member_entry const& {
        for(std::size_t i = 0; i < m.member_count; ++i)
            if(m.members[i].json_name == name)
                return m.members[i];
        throw std::logic_error("property has no member " + std::string(name));
    };
    auto const& name_entry = entry("name");
    auto const& aliases_entry = entry("aliases");
    std::set<std::string> seen;
    auto repeats = [&](gs::detail::member_entry const& e, json::string const& s) {
        std::string_view const text(s.data(), s.size());
        if(gs::detail::check_string(e, text).verdict != gs::detail::string_check::ok)
            return false;
        std::string folded;
        gs::detail::fold_ascii_case(text, folded);
        return !seen.insert(folded).second;
    };
    auto const& a = props->get_array();
    for(std::size_t i = 0; i < a.size(); ++i)
    {
        auto const* element = a[i].if_object();
        if(!element)
            continue;
        for(auto const& kv : *element)
        {
            std::string const at = "/properties/" + std::to_string(i) + "/" + std::string(kv.key());
            if(kv.key() == "name" && kv.value().is_string() && repeats(name_entry, kv.value().get_string()))
                return at;
            if(kv.key() == "aliases" && kv.value().is_array())
            {
                auto const& aliases = kv.value().get_array();
                for(std::size_t j = 0; j < aliases.size(); ++j)
                    if(aliases[j].is_string() && repeats(aliases_entry, aliases[j].get_string()))
                        return at + "/" + std::to_string(j);
            }
        }
    }
    return {};
}

// The public vectors that are JSON objects without duplicate keys: the
// root documents, and each configuration found in them.
void
load_seeds(model& connection, model& configuration)
{
    for(auto const& c : test::load_vectors())
    {
        boost::system::error_code ec;
        json::value jv = json::parse(c.document, ec);
        if(ec || !jv.is_object())
            continue;
        gs::decode_options o = c.options;
        auto const r = c.type == "configuration"
            ? gs::validate<gs::graph::configuration>(c.document, o)
            : gs::validate<gs::graph::external_connection>(c.document, o);
        bool duplicated = false;
        for(auto const& i : r)
            duplicated |= i.code == gs::error::duplicate_property;
        if(duplicated)
            continue;
        if(c.type == "configuration")
            configuration.seeds.push_back(jv);
        else
        {
            if(auto const* cfg = jv.as_object().if_contains("configuration"))
                if(cfg->is_object())
                    configuration.seeds.push_back(*cfg);
            connection.seeds.push_back(std::move(jv));
        }
    }
}

struct combination
{
    std::size_t model;
    gs::operation op;
    gs::unknown_policy policy;
    gs::api_version version;
    json::value schema;
    std::string key; // MODEL.OPERATION.POLICY.VERSION

    gs::decode_options
    options() const
    {
        gs::decode_options o;
        o.operation = op;
        o.unknown = policy;
        o.version = version;
        return o;
    }
};

// A document and what it is for.
struct document
{
    std::string text;
    std::size_t model;
    // Set for the documents outside the differential.
    std::string excluded;
    std::size_t max_bytes = gs::decode_options{}.max_bytes;
    bool read_operation_only = false; // checked for the read operation only
    // Excluded from create and update only (a rule only requests check):
    // compared on read like any other.
    bool excluded_from_requests = false;
    std::string at = {}; // the pointer the library must report, when known
};

// The tallies of one model, operation and policy.
struct tally
{
    std::size_t documents = 0;
    std::size_t valid = 0;
    std::size_t errors_exact = 0;
    std::size_t errors_context = 0;
    std::size_t verdicts_differ = 0;
    std::size_t locations_differ = 0;
};

std::string
escape_token(std::string_view s)
{
    std::string out;
    gs::detail::append_pointer_token(out, s);
    return out;
}

bool
is_ancestor_or_self(std::string const& a, std::string const& p)
{
    return p.compare(0, a.size(), a) == 0 && (p.size() == a.size() || p[a.size()] == '/');
}

std::string
read_text(std::filesystem::path const& p)
{
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

class differential
{
public:
    differential()
    {
        models_.push_back(make_model<gs::graph::external_connection>(
            "externalConnection", external_connection_documents));
        models_.push_back(make_model<gs::graph::configuration>("configuration", configuration_documents));
        models_.push_back(make_model<gs::graph::activity_settings>(
            "activitySettings", activity_settings_documents));
        models_.push_back(make_model<gs::graph::search_settings>(
            "searchSettings", search_settings_documents));
        models_.push_back(make_model<sample::widget>("widget", widget_documents));
        models_.push_back(make_model<gs::graph::schema>("schema", schema_documents));
        models_.push_back(make_model<gs::graph::external_item>("externalItem", external_item_documents));
        models_.push_back(make_model<gs::graph::external_group>("externalGroup", external_group_documents));
        models_.push_back(make_model<gs::graph::add_activities>("addActivities", add_activities_documents));
        models_.push_back(make_item_model("item.scalars", registration_scalars, item_documents));
        models_.push_back(make_item_model("item.collections", registration_collections, item_documents));
        models_.push_back(make_item_model("item.one", registration_one, item_documents));
        load_seeds(models_[0], models_[1]);
        for(std::size_t m = 0; m < models_.size(); ++m)
            for(auto op : operations)
                for(auto v : versions)
                    for(auto p : policies)
                    {
                        combination c{m, op, p, v, {}, models_[m].name + "." +
                            std::string(gs::to_string(op)) + "." + std::string(gs::to_string(p)) +
                            "." + std::string(gs::to_string(v))};
                        c.schema = models_[m].schema(c.options());
                        combinations_.push_back(std::move(c));
                    }
    }

    std::vector<model> const& models() const noexcept { return models_; }
    std::vector<combination> const& combinations() const noexcept { return combinations_; }

    void
    generate(std::uint64_t seed)
    {
        corpus::generator g(seed);
        auto& r = g.rng();
        for(std::size_t m = 0; m < models_.size(); ++m)
        {
            model const& md = models_[m];
            auto const& table = md.root->model();
            for(std::size_t i = 0; i < md.documents; ++i)
            {
                json::value doc;
                if(md.make_document)
                    doc = md.make_document(g);
                else
                {
                    if(!md.seeds.empty() && r.chance(35))
                        doc = r.pick(md.seeds);
                    else
                        doc = g.make_object(table, r.pick(operations));
                    g.mutate(doc, *md.root, r.chance(25) ? 0 : 1 + r.below(3));
                }
                corpus::writer w(r, r.chance(15), r.chance(15));
                documents_.push_back({w.write(doc), m, {}});
                exclude_repeated_names(doc, md);
            }
            generate_excluded(g, m);
        }
    }

    // A schema whose names or aliases repeat ignoring case: JSON Schema
    // cannot say it (uniqueItems compares whole values, exactly); compared
    // on read only, where the rule is not checked.
    void
    exclude_repeated_names(json::value const& doc, model const& md)
    {
        if(md.name != "schema")
            return;
        std::string at = repeated_name(doc);
        if(at.empty())
            return;
        document& d = documents_.back();
        d.excluded = "names repeated ignoring case";
        d.excluded_from_requests = true;
        d.at = std::move(at);
    }

    // What JSON Schema cannot say, generated apart: the library's verdict
    // is checked against what it must be, ajv's is only counted.
    void
    generate_excluded(corpus::generator& g, std::size_t m)
    {
        auto& r = g.rng();
        model const& md = models_[m];
        auto const& table = md.root->model();
        // A document without `member`, so that one can be put in front.
        auto base = [&](char const* member = "") {
            json::object o = g.make_object(table, r.pick(operations));
            o.erase(member);
            corpus::writer w(r, false, false);
            return w.write(o);
        };
        auto prepend = [](std::string& t, std::string const& member) {
            t.insert(1, t == "{}" ? member : member + ",");
        };
        auto add = [&](std::string text, char const* why) -> document& {
            documents_.push_back({std::move(text), m, why});
            return documents_.back();
        };
        for(int i = 0; i < 150; ++i)
        {
            // Duplicate keys: JSON.parse keeps the last, the library reports.
            std::string t = base();
            std::string key = "k" + std::to_string(r.below(3));
            if(t.size() > 2 && r.chance(50))
            {
                json::value parsed = json::parse(t);
                if(!parsed.as_object().empty())
                    key = std::string(parsed.as_object().begin()->key());
            }
            corpus::writer w(r, r.chance(30), false);
            std::string const member = w.write(json::string(key)) + ":" + w.write(g.any_value(1));
            t.insert(t.size() - 1, (t.size() > 2 ? "," : "") + member + "," + member);
            add(t, "duplicate key");
        }
        for(int i = 0; i < 150; ++i)
        {
            std::string t = base();
            switch(r.below(6))
            {
            case 0: t.resize(r.below(t.size())); break;
            case 1: t += r.chance(50) ? " x" : "}"; break;
            case 2: prepend(t, "\"bad\":\"\xFF\""); break;
            case 3: prepend(t, "\"lone\":\"\\ud800\""); break;
            case 4: t = r.chance(50) ? "" : " \n"; break;
            default: t.insert(t.size() - 1, t.size() > 2 ? "," : ",\"x\":1,"); break;
            }
            add(t, "syntax");
        }
        for(int i = 0; i < 40; ++i)
        {
            std::string t = base();
            std::size_t const n = 64 + r.below(200);
            prepend(t, "\"deep\":" + std::string(n, '[') + std::string(n, ']'));
            add(t, "depth");
        }
        for(int i = 0; i < 40; ++i)
        {
            std::string t = base();
            std::size_t const limit = r.below(t.size());
            add(t, "size").max_bytes = limit;
        }
        if(md.name == "schema")
        {
            for(int i = 0; i < 150; ++i)
            {
                // Two properties (or a property and an alias) whose names
                // differ only in ASCII case.
                json::value doc = g.make_object(table, gs::operation::create);
                json::array props;
                static constexpr char const* pairs[][2] = {{"title", "Title"}, {"Size", "SIZE"},
                    {"a", "A"}, {"x_1", "X_1"}, {"\xC3\xA9t\xC3\xA9", "\xC3\xA9T\xC3\xA9"}, {"same", "same"}};
                auto const& pr = r.pick(pairs);
                props.push_back(json::object{{"name", pr[0]}, {"type", "string"}});
                if(r.chance(50))
                    props.push_back(json::object{{"name", pr[1]}, {"type", "int64"}});
                else
                    props.push_back(json::object{{"name", "other"}, {"type", "int64"},
                        {"aliases", json::array{"o", pr[1]}}});
                doc.as_object()["properties"] = std::move(props);
                if(r.chance(30))
                    g.mutate(doc, *md.root, 1);
                corpus::writer w(r, r.chance(15), false);
                documents_.push_back({w.write(doc), m, {}});
                exclude_repeated_names(doc, md);
            }
            return;
        }
        if(md.name != "widget")
            return;
        for(int i = 0; i < 60; ++i)
        {
            // Beyond what a double holds: JavaScript reads them as ±Infinity.
            std::string t = base("ratio");
            prepend(t, r.chance(50) ? "\"ratio\":1e400" : "\"ratio\":-1e400");
            add(t, "number beyond double");
        }
        for(int i = 0; i < 60; ++i)
        {
            // Integers a double cannot tell apart from the int64 bounds.
            static constexpr char const* values[] = {"9223372036854775807", "9223372036854775808",
                "-9223372036854775808", "9007199254740993"};
            std::string t = base("total");
            prepend(t, std::string("\"total\":") + r.pick(values));
            add(t, "integer beyond 2^53").read_operation_only = true;
        }
    }

    // Cases every run must hold, whatever the seed, with the library's
    // verdict for create: lengths in code points where UTF-16 counts
    // differently, escapes, the id rules, integers spelled as numbers.
    void
    add_fixed()
    {
        auto repeat = [](std::string const& s, std::size_t n) {
            std::string out;
            for(std::size_t i = 0; i < n; ++i)
                out += s;
            return out;
        };
        std::string const smile = "\xF0\x9F\x98\x80";
        auto connection = [&](std::string const& id, std::string const& name) {
            return R"({"id":")" + id + R"(","name":")" + name +
                R"(","description":"","configuration":{}})";
        };
        auto add = [&](std::size_t m, std::string text, bool valid) {
            documents_.push_back({std::move(text), m, {}});
            fixed_.push_back({documents_.size() - 1, valid});
        };
        add(0, connection("contosohr", repeat(smile, 128)), true);
        add(0, connection("contosohr", repeat(smile, 129)), false);
        add(0, connection("contosohr", repeat("\\ud83d\\ude00", 128)), true);
        add(0, connection("contosohr", repeat("\\ud83d\\ude00", 129)), false);
        add(0, connection("contosohr", repeat("\xE2\x82\xAC", 128)), true);
        add(0, connection("contosohr", repeat("a", 127) + smile), true);
        add(0, connection("contosohr", ""), false);
        add(0, connection("c\\u006Fntosohr", "x"), true);
        add(0, connection("MicrosoftHR", "x"), false);
        add(0, connection("microsoftHR", "x"), true);
        add(0, connection("Microsof", "x"), true);
        add(0, connection("SharePoint", "x"), false);
        add(0, connection("Share\\u0050oint", "x"), false);
        add(0, connection("sharepoint", "x"), true);
        add(0, connection("abc\xC3\xA9", "x"), false);
        add(0, connection("ab", "x"), false);
        add(0, connection(repeat("a", 32), "x"), true);
        add(0, connection(repeat("a", 33), "x"), false);
        add(0, R"({"i\u0064":"contosohr","name":"x","description":"","configuration":{},"state":"draft"})", false);
        add(0, R"({"@odata.type":"microsoft.graph.externalConnectors.externalConnection","id":"contosohr","name":"x","description":"","configuration":{"@odata.type":"#microsoft.graph.configuration"}})", true);
        add(0, R"({"@odata.type":"#Microsoft.graph.externalConnection","id":"contosohr","name":"x","description":"","configuration":{}})", false);
        std::size_t const widgets = model_index("widget");
        std::string const widget = R"({"code":"ab","enabled":true,"payload":0,"port":)";
        for(char const* port : {"1.0", "1e3", "1E+3", "10.24e2", "0.5e1", "1024"})
            add(widgets, widget + port + "}", true);
        for(char const* port : {"1.5", "0", "-0", "1025", "1e400", "65536", "\"1\""})
            add(widgets, widget + port + "}", false);

        // The new kinds, in create for beta: null kept apart from absent,
        // enums that evolve, flags in both forms, derived types, items().
        std::string const base = R"({"id":"contosohr","name":"x","description":"","configuration":{})";
        auto with = [&](std::string const& members) { return base + "," + members + "}"; };
        add(0, with(R"("connectorId":null,"contentCategory":null,"activitySettings":null)"), true);
        add(0, R"({"id":"contosohr","name":null,"description":"","configuration":{}})", false);
        add(0, with(R"("activitySettings":{"urlToItemResolvers":null})"), false);
        add(0, with(R"("contentCategory":"knowledgeBase")"), true);
        add(0, with(R"("contentCategory":"someFutureCategory")"), false);
        add(0, with(R"("enabledContentExperiences":"search, compliance")"), true);
        add(0, with(R"("enabledContentExperiences":"search,compliance")"), true);
        add(0, with(R"("enabledContentExperiences":["search","compliance"])"), true);
        add(0, with(R"("enabledContentExperiences":"search;compliance")"), false);
        add(0, with(R"("enabledContentExperiences":["search, compliance"])"), false);
        add(0, with(R"("enabledContentExperiences":"")"), true);  // the empty set
        add(0, with(R"("enabledContentExperiences":"search,")"), false);
        add(0, with(R"("enabledContentExperiences":null)"), true);
        std::string const resolver =
            R"("priority":1,"itemId":"x","urlMatchInfo":{"baseUrls":[],"urlPattern":"p"})";
        auto resolvers = [&](std::string const& elements) {
            return with(R"("activitySettings":{"urlToItemResolvers":[)" + elements + "]}");
        };
        add(0, resolvers(R"({"@odata.type":"#microsoft.graph.externalConnectors.itemIdResolver",)" + resolver + "}"), true);
        add(0, resolvers("{" + resolver + "}"), false); // abstract base: the name is required
        add(0, resolvers(R"({"@odata.type":"#microsoft.graph.externalConnectors.futureResolver"})"), false);
        add(0, resolvers(R"({"@odata.type":"microsoft.graph.externalConnectors.urlToItemResolverBase","priority":3})"), true);
        add(0, resolvers(R"({"@odata.type":"#microsoft.graph.externalConnectors.itemIdResolver","priority":9})"), false);
        std::string nine;
        for(int i = 0; i < 9; ++i)
            nine += std::string(i == 0 ? "" : ",") +
                R"({"@odata.type":"#microsoft.graph.externalConnectors.urlToItemResolverBase"})";
        add(0, resolvers(nine), false); // items(0, 8)
        add(0, resolvers(nine.substr(nine.find(',') + 1)), true);

        // The schema registration: the rules across members, the one
        // baseType, the deny-list characters (ASCII only).
        std::size_t const schemas = model_index("schema");
        auto registration = [&](std::string const& property) {
            return R"({"baseType":"microsoft.graph.externalItem","properties":[)" + property + "]}";
        };
        add(schemas, registration(R"({"name":"a","type":"string","isSearchable":true})"), true);
        add(schemas, registration(R"({"name":"a","type":"int64","isSearchable":true})"), false);
        add(schemas, registration(R"({"name":"a","type":"int64","isSearchable":false})"), true);
        add(schemas, registration(R"({"isSearchable":true,"name":"a"})"), false); // no type: required
        add(schemas, registration(R"({"name":"a","type":"int64","isRefinable":true})"), true);
        add(schemas, registration(R"({"name":"a","type":"dateTime","isRefinable":true})"), false);
        add(schemas, registration(R"({"name":"a","type":"string","isRefinable":true,"isSearchable":true})"), false);
        add(schemas, registration(R"({"name":"a","type":"string","isRefinable":true,"isSearchable":false})"), true);
        add(schemas, registration(R"({"name":"a","type":"string","isExactMatchRequired":true})"), true);
        add(schemas, registration(R"({"name":"a","type":"string","isExactMatchRequired":true,"isSearchable":true})"), false);
        add(schemas, registration(R"({"name":"a","type":"boolean","isExactMatchRequired":true})"), false);
        add(schemas, registration(R"({"name":"a:b","type":"string"})"), false);
        add(schemas, registration(R"({"name":"a b","type":"string"})"), false);
        add(schemas, registration("{\"name\":\"\xC3\xA9\xC2\xA0x\",\"type\":\"string\"}"), true);
        add(schemas, registration(R"({"name":"a","type":"string","aliases":["b","c~"]})"), false);
        add(schemas, registration(R"({"name":"a","type":"string","aliases":["b","c"]})"), true);
        add(schemas, R"({"baseType":"microsoft.graph.externalitem","properties":[{"name":"a","type":"string"}]})", false);
        add(schemas, R"({"baseType":"microsoft.graph.externalItem","properties":[]})", false);

        // Items against registered schemas: the item rules.
        std::string const acl = R"("acl":[{"type":"everyone","value":"x","accessType":"grant"}])";
        auto item = [&](std::string const& properties) {
            return "{\"id\":\"a1\"," + acl + ",\"properties\":" + properties + "}";
        };
        std::size_t const scalars = model_index("item.scalars");
        add(scalars, item(R"({"title":"x"})"), true);
        add(scalars, item(R"({})"), false);
        add(scalars, item(R"({"title@odata.type":"String"})"), false);
        add(scalars, item(R"({"@odata.etag":"1","title":null})"), true);
        add(scalars, item(R"({"count":1.0,"score":1})"), true);
        add(scalars, item(R"({"count":1.5})"), false);
        add(scalars, item(R"({"count":9223372036854775807})"), true);
        add(scalars, item(R"({"created":"2024-02-29T10:00:00.5+01:00"})"), true);
        add(scalars, item(R"({"created":"2023-02-29T10:00:00Z"})"), false);
        add(scalars, item(R"({"done":"true"})"), false);
        add(scalars, item(R"({"title":"x","subtitle":"y"})"), false);
        add(scalars, item(R"({"title":"x","title@odata.type":"#Edm.String"})"), true);
        add(scalars, item(R"({"title":"x","title@odata.type":"Edm.String "})"), false);
        add(scalars, item(R"({"title":"x","count@odata.type":"Int64"})"), true);
        add(scalars, item(R"({"title":"x","nope@odata.type":"String"})"), false);
        add(scalars, item(R"({"title":"x","a@b@odata.type":"String","@x":1})"), true);
        std::size_t const collections = model_index("item.collections");
        add(collections, item(R"({"tags":["a"]})"), false);
        add(collections, item(R"j({"tags":["a"],"tags@odata.type":"Collection(Edm.String)"})j"), true);
        add(collections, item(R"j({"tags@odata.type":"#Collection(String)","tags":[]})j"), true);
        add(collections, item(R"({"tags":["a"],"tags@odata.type":"String"})"), false);
        add(collections, item(R"j({"dates":["2024-01-01T00:00:00Z"],"dates@odata.type":"Collection(DateTime)"})j"), false);
        add(collections, item(R"j({"dates":["2024-01-01T00:00:00Z"],"dates@odata.type":"Collection(DateTimeOffset)"})j"), true);
        add(collections, item(R"({"owner":null})"), true);
        add(collections, item(R"({"owner":{"upn":"a@b"}})"), true);
        add(collections, item(R"j({"editors":null,"editors@odata.type":"Collection(microsoft.graph.principal)"})j"), false);
        add(collections, item(R"j({"editors":[{}],"editors@odata.type":"#Collection(microsoft.graph.externalConnectors.principal)"})j"), true);
        add(collections, item(R"({"editors":[{}]})"), true); // a collection of a model needs no annotation
        add(collections, item(R"j({"sizes":[1,null],"sizes@odata.type":"Collection(Int64)"})j"), false);
        std::size_t const one = model_index("item.one");
        add(one, item(R"({"x":"1"})"), true);
        add(one, item(R"({"x@odata.type":"String","@odata.type":"#microsoft.graph.properties"})"), false);
        add(one, item(R"({"X":"1"})"), false);
    }

    std::size_t
    model_index(std::string const& name) const
    {
        for(std::size_t m = 0; m < models_.size(); ++m)
            if(models_[m].name == name)
                return m;
        throw std::logic_error("no model " + name);
    }

    // Each fixed document's index, and its verdict for create.
    std::vector<std::pair<std::size_t, bool>> const& fixed() const noexcept { return fixed_; }

    std::vector<document> const& documents() const noexcept { return documents_; }

private:
    std::vector<model> models_;
    std::vector<combination> combinations_;
    std::vector<document> documents_;
    std::vector<std::pair<std::size_t, bool>> fixed_;
};

// The library's verdict on an excluded document, as it must be.
std::string
check_excluded(document const& d, gs::report const& r)
{
    if(d.excluded == "names repeated ignoring case")
    {
        for(auto const& i : r)
            if(i.code == gs::error::constraint_violation && i.pointer == d.at)
                return "";
        return "no constraint_violation at " + d.at;
    }
    auto has = [&](gs::error code) {
        for(auto const& i : r)
            if(i.code == code)
                return true;
        return false;
    };
    auto alone = [&](gs::error code) { return r.size() == 1 && r[0].code == code; };
    if(d.excluded == "duplicate key")
        return has(gs::error::duplicate_property) ? "" : "no duplicate_property";
    if(d.excluded == "syntax")
        return alone(gs::error::syntax_error) ? "" : "not syntax_error alone";
    if(d.excluded == "depth")
        return alone(gs::error::depth_exceeded) ? "" : "not depth_exceeded alone";
    if(d.excluded == "size")
        return alone(gs::error::size_exceeded) ? "" : "not size_exceeded alone";
    if(d.excluded == "number beyond double")
    {
        for(auto const& i : r)
            if(i.pointer == "/ratio")
                return "an issue at /ratio";
        return "";
    }
    if(d.excluded == "integer beyond 2^53")
    {
        bool const out_of_range = d.text.find("\"total\":9223372036854775808") != std::string::npos;
        bool flagged = false;
        for(auto const& i : r)
            flagged |= i.pointer == "/total";
        return flagged == out_of_range ? "" : "wrong verdict at /total";
    }
    return "unknown category";
}

std::string
shell_quote(std::string const& s)
{
    std::string q = "'";
    for(char c : s)
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

} // namespace

BOOST_AUTO_TEST_CASE(library_and_ajv_agree)
{
    std::string const node = GRAPHSCHEMA_NODE;
    BOOST_TEST_REQUIRE(!node.empty(),
        "Node.js was not found when the build was configured: install the "
        "nodejs package (.ci/debian-packages lists it), then configure again");

    std::uint64_t seed = 20260401;
    if(char const* s = std::getenv("GRAPHSCHEMA_SCHEMA_SEED"))
        seed = std::strtoull(s, nullptr, 10);

    auto const started = std::chrono::steady_clock::now();
    auto seconds_since = [](std::chrono::steady_clock::time_point t) {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
    };
    differential diff;
    diff.add_fixed();
    diff.generate(seed);
    for(auto const& [index, valid] : diff.fixed())
    {
        auto const& d = diff.documents()[index];
        BOOST_TEST(diff.models()[d.model].validate(d.text, {}).ok() == valid, d.text);
    }
    auto const& combos = diff.combinations();
    auto const& docs = diff.documents();

    namespace fs = std::filesystem;
    fs::path const dir = fs::temp_directory_path() /
        ("graphschema-schema-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    {
        json::array schemas;
        for(auto const& c : combos)
        {
            json::value openapi = diff.models()[c.model].openapi(c.options());
            std::string const component(
                openapi.at("components").at("schemas").as_object().begin()->key());
            schemas.push_back(json::object{{"key", c.key}, {"schema", c.schema},
                {"openapi", std::move(openapi)}, {"component", component}});
        }
        std::ofstream(dir / "schemas.json") << json::serialize(schemas);
        std::ofstream corpus(dir / "corpus.ndjson", std::ios::binary);
        for(auto const& d : docs)
        {
            json::array indices;
            for(std::size_t i = 0; i < combos.size(); ++i)
                if(combos[i].model == d.model)
                    indices.push_back(i);
            corpus << json::serialize(json::object{{"text", d.text}, {"schemas", indices}}) << '\n';
        }
    }
    std::string const command = shell_quote(node) + " " + shell_quote(GRAPHSCHEMA_SCHEMA_SCRIPT) +
        " " + shell_quote((dir / "schemas.json").string()) + " " +
        shell_quote((dir / "corpus.ndjson").string()) + " " +
        shell_quote((dir / "results.ndjson").string());
    auto const ajv_started = std::chrono::steady_clock::now();
    int const status = std::system(command.c_str());
    double const ajv_seconds = seconds_since(ajv_started);
    BOOST_TEST_REQUIRE(status == 0, "'" << command << "' failed (status " << status
        << "): see its message above; the corpus is in " << dir.string());

    std::istringstream results(read_text(dir / "results.ndjson"));
    std::map<std::string, tally> tallies;
    std::map<std::string, std::map<std::string, std::size_t>> excluded;
    std::size_t shown = 0;
    std::size_t failures = 0;
    std::string line;
    for(auto const& d : docs)
    {
        BOOST_TEST_REQUIRE(static_cast<bool>(std::getline(results, line)), "results.ndjson is short");
        json::value const res = json::parse(line);
        std::size_t slot = 0;
        for(std::size_t ci = 0; ci < combos.size(); ++ci)
        {
            auto const& c = combos[ci];
            if(c.model != d.model)
                continue;
            if(d.read_operation_only && c.op != gs::operation::read)
            {
                ++slot;
                continue;
            }
            gs::decode_options o = c.options();
            o.max_bytes = d.max_bytes;
            o.max_issues = 100000;
            gs::report const r = diff.models()[c.model].validate(d.text, o);
            if(!d.excluded.empty() && !(d.excluded_from_requests && c.op == gs::operation::read))
            {
                auto const wrong = check_excluded(d, r);
                BOOST_TEST(wrong.empty(), d.excluded << " (" << c.key << "): " << wrong
                    << " in " << d.text.substr(0, 300) << ": " << test::summary(r));
                auto& counts = excluded[d.excluded];
                ++counts["documents checked"];
                if(res.is_null())
                    ++counts["JSON.parse refuses"];
                else
                {
                    bool const ajv_valid = res.as_array()[slot].as_array()[0].as_bool();
                    ++counts[ajv_valid == r.ok() ? "ajv's verdict is the library's"
                                                 : "ajv's verdict differs"];
                }
                ++slot;
                continue;
            }
            tally& t = tallies[c.key];
            ++t.documents;
            t.valid += r.ok();
            BOOST_TEST_REQUIRE(!res.is_null(), "JSON.parse refused a corpus document: " << d.text);
            auto const& entry = res.as_array()[slot++].as_array();
            bool const ajv_valid = entry[0].as_bool();
            bool const openapi_valid = entry[1].as_bool();

            std::multiset<std::string> library;
            for(auto const& i : r)
                library.insert(i.pointer);
            std::vector<std::string> problems;
            std::set<std::string> exact;
            for(auto const& e : entry[2].as_array())
            {
                auto const& err = e.as_array();
                std::string pointer(err[0].as_string());
                std::string const keyword(err[1].as_string());
                auto const& params = err[2].as_object();
                if(keyword == "required" || keyword == "dependentRequired")
                    pointer += escape_token(params.at("missingProperty").as_string());
                else if(keyword == "additionalProperties")
                    pointer += escape_token(params.at("additionalProperty").as_string());
                // The alternatives of a nullable value: `anyOf` and its null
                // branch point at the value whose alternatives all failed;
                // `if` (flags' forms, a derived type's name) at the value
                // whose selected branch failed.
                bool const context = keyword == "anyOf" || keyword == "if" ||
                    (keyword == "type" && params.at("type") == "null");
                if(context)
                {
                    ++t.errors_context;
                    bool inside = false;
                    for(auto const& p : library)
                        inside |= is_ancestor_or_self(pointer, p);
                    if(!inside)
                        problems.push_back("ajv " + keyword + " at '" + pointer +
                            "' is above no library issue");
                }
                else
                {
                    ++t.errors_exact;
                    exact.insert(pointer);
                    if(library.count(pointer) == 0)
                        problems.push_back("ajv " + keyword + " at '" + pointer +
                            "' is no library issue's pointer");
                }
            }
            for(auto const& p : library)
                if(exact.count(p) == 0)
                    problems.push_back("library issue at '" + p + "' has no ajv error");
            bool const verdict_differs = ajv_valid != r.ok() || openapi_valid != ajv_valid;
            t.verdicts_differ += verdict_differs;
            t.locations_differ += !problems.empty();
            if(verdict_differs || !problems.empty())
            {
                ++failures;
                if(shown++ < 20)
                {
                    std::string why;
                    for(auto const& p : problems)
                        why += "\n    " + p;
                    BOOST_ERROR(c.key << ": library " << (r.ok() ? "valid" : "invalid") << " ["
                        << test::summary(r) << "], ajv " << (ajv_valid ? "valid" : "invalid")
                        << ", OpenAPI " << (openapi_valid ? "valid" : "invalid") << why
                        << "\n  document: " << d.text << "\n  ajv: " << json::serialize(entry[2]));
                }
            }
        }
    }

    std::cout << "schema differential, seed " << seed << ": " << docs.size() << " documents\n"
        << std::left << std::setw(44) << "schema" << std::right << std::setw(8) << "docs"
        << std::setw(8) << "valid" << std::setw(9) << "invalid" << std::setw(8) << "exact"
        << std::setw(9) << "context" << std::setw(10) << "differ" << '\n';
    std::size_t main_documents = 0;
    std::size_t compared = 0;
    for(auto const& c : combos)
    {
        tally const& t = tallies[c.key];
        compared += t.documents;
        std::cout << std::left << std::setw(44) << c.key << std::right << std::setw(8) << t.documents
            << std::setw(8) << t.valid << std::setw(9) << t.documents - t.valid << std::setw(8)
            << t.errors_exact << std::setw(9) << t.errors_context << std::setw(10)
            << t.verdicts_differ + t.locations_differ << '\n';
        // Every combination must see both verdicts, or it proves little.
        BOOST_TEST(t.valid > 0, c.key << " has no valid document");
        BOOST_TEST(t.valid < t.documents, c.key << " has no invalid document");
    }
    for(auto const& d : docs)
        main_documents += d.excluded.empty();
    std::cout << "excluded from the differential (JSON Schema cannot say it):\n";
    for(auto const& [category, counts] : excluded)
    {
        std::cout << "  " << category << ":";
        for(auto const& [what, n] : counts)
            std::cout << ' ' << what << ' ' << n << ';';
        std::cout << '\n';
    }
    std::cout << main_documents << " documents, " << compared << " verdicts compared, "
        << failures << " disagreements; " << std::fixed << std::setprecision(1)
        << seconds_since(started) << " s in all, " << ajv_seconds << " s of them in ajv\n";
    BOOST_TEST(main_documents >= 20000u);
    BOOST_TEST(failures == 0u);
    if(failures == 0)
        fs::remove_all(dir);
    else
        std::cout << "the corpus, the schemas and ajv's results are in " << dir.string() << '\n';
}
