//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// The schemas checked in under docs/schema/: writes them, or checks that
// the files there are exactly what the code generates.
//
//   schema-files --write DIR    regenerates DIR/*.json
//   schema-files --check DIR    exit 1, naming the files, when DIR differs

#include <graphschema/graphschema.hpp>
#include <graphschema/schema.hpp>

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

namespace {

namespace gs = graphschema;
namespace json = boost::json;

// Two-space indentation, one member or element a line: files that read
// well and diff well.
void
pretty(std::string& out, json::value const& v, std::size_t indent)
{
    std::string const pad(indent + 2, ' ');
    if(v.is_object() && !v.get_object().empty())
    {
        out += "{\n";
        bool first = true;
        for(auto const& kv : v.get_object())
        {
            if(!first)
                out += ",\n";
            first = false;
            out += pad + json::serialize(json::value(kv.key())) + ": ";
            pretty(out, kv.value(), indent + 2);
        }
        out += "\n" + std::string(indent, ' ') + "}";
    }
    else if(v.is_array() && !v.get_array().empty())
    {
        out += "[\n";
        bool first = true;
        for(auto const& e : v.get_array())
        {
            if(!first)
                out += ",\n";
            first = false;
            out += pad;
            pretty(out, e, indent + 2);
        }
        out += "\n" + std::string(indent, ' ') + "]";
    }
    else
        out += json::serialize(v);
}

std::string
pretty(json::value const& v)
{
    std::string out;
    pretty(out, v, 0);
    return out + "\n";
}

constexpr gs::operation operations[] = {
    gs::operation::create, gs::operation::update, gs::operation::read};
constexpr gs::unknown_policy policies[] = {
    gs::unknown_policy::preserve, gs::unknown_policy::ignore, gs::unknown_policy::reject};

constexpr gs::api_version versions[] = {gs::api_version::beta, gs::api_version::v1_0};

// The default version's files keep their names; another's carry it.
std::string
version_part(gs::api_version v)
{
    return v == gs::decode_options().version ? "." : "." + std::string(gs::to_string(v)) + ".";
}

template<class T>
void
add_schemas(std::map<std::string, std::string>& files, std::string const& name)
{
    for(auto v : versions)
        for(auto op : operations)
            for(auto p : policies)
            {
                gs::decode_options o;
                o.operation = op;
                o.unknown = p;
                o.version = v;
                files[name + version_part(v) + std::string(gs::to_string(op)) + "." +
                    std::string(gs::to_string(p)) + ".json"] = pretty(gs::json_schema<T>(o));
            }
}

// One OpenAPI fragment per version and policy, with the components of the three
// operations: what an API description of the connections endpoint uses.
void
add_openapi(std::map<std::string, std::string>& files)
{
    for(auto v : versions)
        for(auto p : policies)
        {
            json::object schemas;
            for(auto op : operations)
            {
                gs::decode_options o;
                o.operation = op;
                o.unknown = p;
                o.version = v;
                auto fragment = gs::openapi_components<gs::graph::external_connection>(o);
                for(auto& kv : fragment.at("components").at("schemas").as_object())
                    schemas[kv.key()] = kv.value();
            }
            json::object doc;
            doc["components"] = json::object{{"schemas", std::move(schemas)}};
            files["openapi" + version_part(v) + std::string(gs::to_string(p)) + ".json"] = pretty(doc);
        }
}

std::string
read_text(std::filesystem::path const& p)
{
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

int
main(int argc, char** argv)
{
    namespace fs = std::filesystem;
    std::string const mode = argc == 3 ? argv[1] : "";
    if(mode != "--write" && mode != "--check")
    {
        std::fputs("usage: schema-files --write DIR | --check DIR\n", stderr);
        return 2;
    }
    fs::path const dir = argv[2];
    std::map<std::string, std::string> files;
    add_schemas<gs::graph::external_connection>(files, "externalConnection");
    add_schemas<gs::graph::configuration>(files, "configuration");
    add_schemas<gs::graph::schema>(files, "schema");
    add_openapi(files);

    if(mode == "--write")
    {
        fs::create_directories(dir);
        for(auto const& entry : fs::directory_iterator(dir))
            if(entry.path().extension() == ".json" && !files.count(entry.path().filename().string()))
                fs::remove(entry.path());
        for(auto const& [name, text] : files)
            std::ofstream(dir / name, std::ios::binary) << text;
        std::cout << "wrote " << files.size() << " files to " << dir.string() << '\n';
        return 0;
    }

    int stale = 0;
    for(auto const& [name, text] : files)
    {
        fs::path const p = dir / name;
        if(!fs::exists(p))
            std::cout << "missing: " << p.string() << '\n', ++stale;
        else if(read_text(p) != text)
            std::cout << "differs from what the code generates: " << p.string() << '\n', ++stale;
    }
    if(fs::is_directory(dir))
        for(auto const& entry : fs::directory_iterator(dir))
            if(entry.path().extension() == ".json" && !files.count(entry.path().filename().string()))
                std::cout << "not generated by the code: " << entry.path().string() << '\n', ++stale;
    if(stale != 0)
    {
        std::cout << stale << " stale files; regenerate them with 'schema-files --write "
            << dir.string() << "' (docs/schema.md says where the program is)\n";
        return 1;
    }
    std::cout << files.size() << " files match what the code generates\n";
    return 0;
}
