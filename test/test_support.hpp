//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_TEST_SUPPORT_HPP
#define GRAPHSCHEMA_TEST_SUPPORT_HPP

// What several tests share: the public vectors, and short ways to state
// an expected report.

#include <graphschema/graphschema.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#ifndef GRAPHSCHEMA_SHARED_DIR
#error "the build defines GRAPHSCHEMA_SHARED_DIR, the folder with vectors/ and JSONTestSuite/"
#endif

namespace test {

namespace gs = graphschema;

inline std::string
shared_path(std::string const& relative)
{
    return std::string(GRAPHSCHEMA_SHARED_DIR) + "/" + relative;
}

inline std::string
read_file(std::string const& path)
{
    std::ifstream in(path, std::ios::binary);
    if(!in)
        throw std::runtime_error("cannot read " + path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// One line of vectors/cases.jsonl.
struct vector_case
{
    std::string name;
    std::string type;
    gs::decode_options options;
    std::string operation;
    std::string unknown;
    std::string document;
    bool valid = false;
    std::multiset<std::pair<std::string, std::string>> errors;
    bool has_emit = false;
    std::string emit;
};

/*  Two public vectors were written for the contract before its revision
    of 2026-12-04, which they contradict; the revision is the contract.
    Each is checked against what the revision says instead, and says why:

    - "state not a member of the enum": on read, a name that is no member
      of an enum that evolves (connectionState ends with
      unknownFutureValue) is kept as sent, not invalid_enum;
    - "beta get with ingestedItemsCount rejected": ingestedItemsCount is a
      declared member of beta's externalConnection now, so rejecting
      unknown members leaves it be (for v1.0 it is still unknown: the
      vector's expectation holds there, and is checked there).
*/
struct revision
{
    char const* name;
    bool valid;
    std::vector<std::pair<std::string, std::string>> errors;
    char const* version; // the version the original expectation still holds in, or null
};

inline std::vector<revision> const&
revisions()
{
    static std::vector<revision> const r{
        {"state not a member of the enum", true, {}, nullptr},
        {"beta get with ingestedItemsCount rejected", true, {}, "v1.0"},
    };
    return r;
}

// The cases of one .jsonl file of vectors, one case a line. A case may
// name its API version ("api_version" or "version"); the two public
// vectors the revision supersedes are rewritten as revisions() says.
inline std::vector<vector_case>
load_vector_file(std::string const& path)
{
    std::ifstream in(path);
    if(!in)
        throw std::runtime_error("cannot read " + path + " (set GRAPHSCHEMA_SHARED_DIR)");
    std::vector<vector_case> out;
    std::string line;
    while(std::getline(in, line))
    {
        if(line.empty())
            continue;
        auto const jv = boost::json::parse(line);
        auto const& o = jv.as_object();
        vector_case c;
        c.name = o.at("name").as_string().c_str();
        c.type = o.at("type").as_string().c_str();
        c.operation = o.at("operation").as_string().c_str();
        c.unknown = o.at("unknown").as_string().c_str();
        c.options.operation = gs::operation_from_string(c.operation).value();
        c.options.unknown = gs::unknown_policy_from_string(c.unknown).value();
        c.document = o.at("document").as_string().c_str();
        c.valid = o.at("valid").as_bool();
        for(auto const& e : o.at("errors").as_array())
            c.errors.insert({e.at("code").as_string().c_str(), e.at("pointer").as_string().c_str()});
        if(auto const* e = o.if_contains("emit"))
        {
            c.has_emit = true;
            c.emit = e->as_string().c_str();
        }
        for(char const* key : {"api_version", "version"})
            if(auto const* v = o.if_contains(key))
                c.options.version = gs::api_version_from_string(v->as_string().c_str()).value();
        for(auto const& r : revisions())
        {
            if(c.name != r.name)
                continue;
            if(r.version)
            {
                // The original expectation, where it still holds.
                vector_case original = c;
                original.name += " (" + std::string(r.version) + ")";
                original.options.version = gs::api_version_from_string(r.version).value();
                out.push_back(std::move(original));
            }
            c.valid = r.valid;
            c.errors.clear();
            for(auto const& e : r.errors)
                c.errors.insert(e);
        }
        out.push_back(std::move(c));
    }
    return out;
}

// The public vectors, ../shared/vectors/cases.jsonl.
inline std::vector<vector_case>
load_vectors()
{
    return load_vector_file(shared_path("vectors/cases.jsonl"));
}

#ifdef GRAPHSCHEMA_TEST_DIR
// The project's own vectors, test/vectors/*.jsonl, in file name order.
inline std::vector<vector_case>
load_project_vectors()
{
    std::vector<std::string> files;
    for(auto const& e : std::filesystem::directory_iterator(std::string(GRAPHSCHEMA_TEST_DIR) + "/vectors"))
        if(e.path().extension() == ".jsonl")
            files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    std::vector<vector_case> out;
    for(auto const& f : files)
        for(auto& c : load_vector_file(f))
            out.push_back(std::move(c));
    return out;
}
#endif

template<class T>
struct type_tag
{
    using type = T;
};

// Calls f(type_tag<T>{}) for the Graph model named `type` as Graph names
// it ("externalConnection", "itemIdResolver", ...); false if none is.
template<class F>
bool
with_graph_model(std::string const& type, F&& f)
{
    namespace graph = gs::graph;
    if(type == "externalConnection") return f(type_tag<graph::external_connection>{}), true;
    if(type == "configuration") return f(type_tag<graph::configuration>{}), true;
    if(type == "activitySettings") return f(type_tag<graph::activity_settings>{}), true;
    if(type == "itemIdResolver") return f(type_tag<graph::item_id_resolver>{}), true;
    if(type == "urlMatchInfo") return f(type_tag<graph::url_match_info>{}), true;
    if(type == "searchSettings") return f(type_tag<graph::search_settings>{}), true;
    if(type == "complianceSettings") return f(type_tag<graph::compliance_settings>{}), true;
    if(type == "displayTemplate") return f(type_tag<graph::display_template>{}), true;
    if(type == "propertyRule") return f(type_tag<graph::property_rule>{}), true;
    if(type == "connectionQuota") return f(type_tag<graph::connection_quota>{}), true;
    if(type == "schema") return f(type_tag<graph::schema>{}), true;
    if(type == "property") return f(type_tag<graph::property>{}), true;
    if(type == "rankingHint") return f(type_tag<graph::ranking_hint>{}), true;
    if(type == "externalItem") return f(type_tag<graph::external_item>{}), true;
    if(type == "acl") return f(type_tag<graph::acl>{}), true;
    if(type == "externalItemContent") return f(type_tag<graph::external_item_content>{}), true;
    if(type == "externalGroup") return f(type_tag<graph::external_group>{}), true;
    if(type == "identity") return f(type_tag<graph::identity>{}), true;
    if(type == "externalActivity") return f(type_tag<graph::external_activity>{}), true;
    if(type == "addActivities") return f(type_tag<graph::add_activities>{}), true;
    return false;
}

// The (code, pointer) pairs of a report, order aside.
inline std::multiset<std::pair<std::string, std::string>>
error_set(gs::report const& r)
{
    std::multiset<std::pair<std::string, std::string>> s;
    for(auto const& i : r)
        s.insert({std::string(gs::to_string(i.code)), i.pointer});
    return s;
}

// "code pointer; code pointer; ..." in report order, for exact checks.
inline std::string
summary(gs::report const& r)
{
    std::string s;
    for(auto const& i : r)
    {
        if(!s.empty())
            s += "; ";
        s += gs::to_string(i.code);
        s += ' ';
        s += i.pointer;
    }
    return s;
}

inline std::string
positions(gs::report const& r)
{
    std::string s;
    for(auto const& i : r)
    {
        if(!s.empty())
            s += "; ";
        s += std::to_string(i.line) + ":" + std::to_string(i.column);
    }
    return s;
}

// Options for one operation, the rest default.
inline gs::decode_options
for_op(gs::operation op)
{
    gs::decode_options o;
    o.operation = op;
    return o;
}

// Encoding without type names, so that expected texts stay short.
inline gs::encode_options
untyped()
{
    gs::encode_options o;
    o.odata_type = gs::odata_type_scope::nowhere;
    return o;
}

// A valid create body, the base of many tests.
inline constexpr char const* valid_create =
    R"({"id":"contosohr","name":"Contoso HR","description":"d",)"
    R"("configuration":{"authorizedApps":["a1"]}})";

} // test

#endif
