//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_DETAIL_SCHEMA_BUILDER_HPP
#define GRAPHSCHEMA_DETAIL_SCHEMA_BUILDER_HPP

#include <graphschema/dynamic.hpp>
#include <graphschema/options.hpp>
#include <graphschema/detail/rules.hpp>
#include <graphschema/detail/tables.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/string.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

/*  Turns the decoder's tables into JSON Schema (draft 2020-12). One walk
    over the same model_table the handler walks, so that every keyword
    written here stands for one check the decoder makes, for the operation
    and unknown-property policy asked for. docs/schema.md says which
    keyword stands for which check, and what a schema cannot say.
*/

namespace graphschema {
namespace detail {

inline boost::json::string
to_json_string(std::string_view s)
{
    return boost::json::string(s.data(), s.size());
}

// A literal for an ECMA-262 pattern with the `u` flag: the syntax
// characters escaped, nothing else (`\-` is an error in that mode).
inline std::string
regex_literal(std::string_view s)
{
    std::string out;
    for(char c : s)
    {
        if(std::string_view("^$\\.*+?()[]{}|/").find(c) != std::string_view::npos)
            out.push_back('\\');
        out.push_back(c);
    }
    return out;
}

// Characters as members of an ECMA-262 class with the `u` flag.
inline std::string
class_literal(std::string_view s)
{
    std::string out;
    for(char c : s)
    {
        if(std::string_view("^$\\.*+?()[]{}|/-").find(c) != std::string_view::npos)
            out.push_back('\\');
        out.push_back(c);
    }
    return out;
}

// rules.hpp's is_date_time_offset as a pattern: months of 30, 31 and 28
// days, 29 February in leap years only, hours to 23, a leap second, a
// fraction, `Z` or an offset.
inline constexpr char const* date_time_offset_pattern =
    "^(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|"
    "02-(?:0[1-9]|1\\d|2[0-8]))|(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
    "-02-29)[Tt](?:[01]\\d|2[0-3]):[0-5]\\d:(?:[0-5]\\d|60)(?:\\.\\d+)?(?:[Zz]|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)$";

class schema_builder
{
public:
    // `ref_prefix` is what a reference to a named schema starts with;
    // `name_suffix` is added to every schema name (OpenAPI component names
    // carry the operation, so that the three can share one document).
    // `root_ref`, when not empty, is the reference to the root model (which
    // a JSON Schema document holds at its top, not under $defs).
    // `dynamic`, when not null, describes the objects of every model marked
    // dynamic_members(), as the walker checks them against it.
    schema_builder(operation op, unknown_policy unknown, api_version version, std::string ref_prefix,
        std::string name_suffix, std::string root_ref, dynamic_schema const* dynamic = nullptr)
        : op_(op)
        , unknown_(unknown)
        , version_(version)
        , ref_prefix_(std::move(ref_prefix))
        , name_suffix_(std::move(name_suffix))
        , root_ref_(std::move(root_ref))
        , dynamic_(dynamic)
    {
    }

    // Names `root` and every model reachable from it, root first.
    void
    collect(model_table const& root)
    {
        name_of(root);
        for(std::size_t i = 0; i < models_.size(); ++i)
        {
            model_table const& m = *models_[i].first;
            for(std::size_t j = 0; j < m.member_count; ++j)
                collect_type(*m.members[j].type);
            if(m.dynamic && dynamic_)
                for(std::size_t j = 0; j < dynamic_->size(); ++j)
                    collect_type(*dynamic_access::entry(*dynamic_, j).type);
        }
    }

    std::vector<std::pair<model_table const*, std::string>> const&
    models() const noexcept
    {
        return models_;
    }

    // The keywords of one model's object.
    boost::json::object
    model_schema(model_table const& m) const
    {
        if(m.dynamic && dynamic_)
            return dynamic_model_schema(m, *dynamic_);
        boost::json::object s;
        s["title"] = to_json_string(written_name(m, version_));
        if(m.open)
            s["description"] = "An OData open type: members it does not declare "
                "are dynamic properties, allowed under every policy.";
        s["type"] = "object";
        auto& props = s["properties"].emplace_object();
        props["@odata.type"] = odata_type_schema(m);
        boost::json::array required;
        for(std::size_t i = 0; i < m.member_count; ++i)
        {
            member_entry const& e = m.members[i];
            // A member of another version only: undeclared here, so the
            // unknown-property policy decides.
            if(!present_in(e, version_))
                continue;
            props[to_json_string(e.json_name)] = member_schema(e);
            if(required_in(e, op_, version_))
                required.emplace_back(to_json_string(e.json_name));
        }
        // Annotations are never an issue, under any policy.
        s["patternProperties"].emplace_object()["@"] = true;
        if(!required.empty())
            s["required"] = std::move(required);
        s["additionalProperties"] = m.open || unknown_ != unknown_policy::reject;
        if(checks_rules() && m.pairing_count != 0)
        {
            boost::json::array rules = pairing_schemas(m);
            if(!rules.empty())
                s["allOf"] = std::move(rules);
        }
        return s;
    }

    // The type name version `v` writes.
    static std::string_view
    written_name(model_table const& m, api_version v) noexcept
    {
        return m.type_names[m.written_name[index_of(v)]];
    }

private:
    bool checks_rules() const noexcept { return checks_constraints(op_); }

    std::string const&
    name_of(model_table const& m)
    {
        for(auto const& entry : models_)
            if(entry.first == &m)
                return entry.second;
        // Two models may share a type name; a schema name must be unique.
        std::string const base = std::string(m.type_names[0]);
        std::string name = base;
        for(int n = 2; taken(name + name_suffix_); ++n)
            name = base + "_" + std::to_string(n);
        models_.emplace_back(&m, name + name_suffix_);
        return models_.back().second;
    }

    bool
    taken(std::string const& name) const noexcept
    {
        for(auto const& entry : models_)
            if(entry.second == name)
                return true;
        return false;
    }

    void
    collect_type(type_node const& t)
    {
        if(t.kind == value_kind::model)
            name_of(t.model());
        else if(t.kind == value_kind::array)
            collect_type(t.element());
        else if(t.kind == value_kind::one_of)
            for(std::size_t i = 0; i <= t.alternatives->count; ++i)
                name_of(t.alternatives->models[i]());
    }

    std::string
    ref_to(model_table const& m) const
    {
        if(&m == models_.front().first && !root_ref_.empty())
            return root_ref_;
        for(auto const& entry : models_)
            if(entry.first == &m)
                return ref_prefix_ + entry.second;
        return {}; // unreachable: collect() named every model
    }

    // The values of @odata.type that name model `m` (names_model): each
    // of its names, with and without '#', in either version.
    static boost::json::array
    type_names_of(model_table const& m)
    {
        boost::json::array names;
        for(std::size_t i = 0; i < m.type_name_count; ++i)
        {
            names.emplace_back("#" + std::string(m.type_names[i]));
            names.emplace_back(to_json_string(m.type_names[i]));
        }
        return names;
    }

    static boost::json::object
    odata_type_schema(model_table const& m)
    {
        boost::json::object s;
        s["type"] = "string";
        s["enum"] = type_names_of(m);
        return s;
    }

    // An object whose @odata.type is there and is a string that `names`
    // says (any string when it is null): what an `if` asks.
    static boost::json::object
    typed_object(boost::json::value names)
    {
        boost::json::object type;
        type["type"] = "string";
        if(!names.is_null())
            type["enum"] = std::move(names);
        boost::json::object s;
        s["type"] = "object";
        s["required"] = boost::json::array{to_json_string(odata_type_key)};
        s["properties"].emplace_object()[to_json_string(odata_type_key)] = std::move(type);
        return s;
    }

    boost::json::value
    member_schema(member_entry const& e) const
    {
        if(read_only_in(e, op_))
        {
            boost::json::object s;
            s["description"] = std::string("Read-only: must not be sent in ") +
                (op_ == operation::update ? "an update" : op_ == operation::create ? "a create" : "a read") +
                " body.";
            s["readOnly"] = true;
            s["not"].emplace_object();
            return s;
        }
        boost::json::value s = value_schema(*e.type, e, null_allowed(e, op_, version_), true);
        // In a response, mark what no request may send.
        if(op_ == operation::read && read_only_in(e, operation::create) &&
            read_only_in(e, operation::update) && s.is_object())
            s.as_object()["readOnly"] = true;
        return s;
    }

    static boost::json::value
    type_keyword(char const* name, bool nullable)
    {
        if(!nullable)
            return boost::json::string(name);
        return boost::json::array{name, "null"};
    }

    // The schema of a value of type `t`, the value of member `e` (`own`)
    // or one of its elements (string rules and ranges apply to both; the
    // items() rule to the member's own array).
    boost::json::value
    value_schema(type_node const& t, member_entry const& e, bool nullable, bool own) const
    {
        boost::json::object s;
        switch(t.kind)
        {
        case value_kind::string:
            s["type"] = type_keyword("string", nullable);
            if(checks_rules() && e.text)
                add_string_rules(s, *e.text, nullable);
            break;
        case value_kind::boolean:
            s["type"] = type_keyword("boolean", nullable);
            break;
        case value_kind::integer:
        {
            s["type"] = type_keyword("integer", nullable);
            integer_bounds const b = bounds_of(t, &e, op_);
            s["minimum"] = b.min;
            s["maximum"] = b.max;
            break;
        }
        case value_kind::number:
            s["type"] = type_keyword("number", nullable);
            break;
        case value_kind::enumeration:
        {
            s["type"] = type_keyword("string", nullable);
            // An enum that evolves, on read: any name.
            if(keeps_unknown_names(t, op_))
                break;
            auto& names = s["enum"].emplace_array();
            enum_table const& en = *t.enumeration;
            for(std::size_t i = 0; i < en.count; ++i)
                names.emplace_back(to_json_string(en.names[i]));
            if(nullable)
                names.emplace_back(nullptr);
            break;
        }
        case value_kind::flags:
            return flags_schema(t, nullable);
        case value_kind::array:
        {
            s["type"] = type_keyword("array", nullable);
            type_node const& element = t.element();
            if(item_rules const* r = own ? items_rule(&e, op_) : nullptr)
            {
                if(r->min != 0)
                    s["minItems"] = r->min;
                if(r->max != static_cast<std::size_t>(-1))
                    s["maxItems"] = r->max;
            }
            s["items"] = value_schema(element, e, null_allowed(element), false);
            break;
        }
        case value_kind::one_of:
        {
            boost::json::value v = one_of_schema(*t.alternatives);
            if(!nullable)
                return v;
            auto& any = s["anyOf"].emplace_array();
            any.emplace_back(std::move(v));
            any.emplace_back(boost::json::object{{"type", "null"}});
            break;
        }
        case value_kind::model:
        {
            boost::json::object ref;
            ref["$ref"] = ref_to(t.model());
            if(!nullable)
                return ref;
            auto& any = s["anyOf"].emplace_array();
            any.emplace_back(std::move(ref));
            any.emplace_back(boost::json::object{{"type", "null"}});
            break;
        }
        case value_kind::raw:
            if(nullable)
                return true;
            s["not"].emplace_object()["type"] = "null";
            break;
        default:
            break; // model_checks rejects unmapped members at compile time
        }
        return s;
    }

    /*  A flags value: a string of names joined by commas, spaces around
        each name allowed (for_each_flag), or an array of names, one a
        string. An `if` tells the two forms apart, so that each error
        points at the value or the element the library names. Where any
        name is kept (keeps_unknown_names: read), any string does.
    */
    boost::json::object
    flags_schema(type_node const& t, bool nullable) const
    {
        bool const any_name = keeps_unknown_names(t, op_);
        boost::json::object name;
        name["type"] = "string";
        std::string alternatives;
        if(!any_name)
        {
            auto& names = name["enum"].emplace_array();
            enum_table const& en = *t.enumeration;
            for(std::size_t i = 0; i < en.count; ++i)
            {
                names.emplace_back(to_json_string(en.names[i]));
                alternatives += (i == 0 ? "" : "|") + regex_literal(en.names[i]);
            }
        }
        boost::json::object text;
        text["type"] = type_keyword("string", nullable);
        if(!any_name)
        {
            // A blank string is the empty set (for_each_flag).
            std::string const one = " *(?:" + alternatives + ") *";
            text["pattern"] = "^(?: *|" + one + "(?:," + one + ")*)$";
        }
        boost::json::object list;
        list["type"] = "array";
        list["items"] = std::move(name);
        boost::json::object s;
        s["if"].emplace_object()["type"] = "array";
        s["then"] = std::move(list);
        s["else"] = std::move(text);
        return s;
    }

    /*  A one_of<Base, Derived...>: the model its @odata.type names
        (select_alternative: the base first, then each derived one), as an
        if/then/else chain on that name that JSON Schema validators check
        (the OpenAPI `discriminator` cannot: it has no "none of them").
        Without a string @odata.type it is the base, whose name an abstract
        base requires (type_name_required). A name of none of them is the
        base, whose @odata.type rejects it, except where such objects are
        kept unchecked (keeps_unknown_types: read).
    */
    boost::json::object
    one_of_schema(one_of_table const& a) const
    {
        model_table const& base = a.models[0]();
        boost::json::object fallback;
        if(keeps_unknown_types(op_))
        {
            // Past the names of every model: a string @odata.type names
            // none of them, and anything goes.
            fallback["if"] = typed_object(nullptr);
            fallback["else"] = boost::json::object{{"$ref", ref_to(base)}};
        }
        else
            fallback["$ref"] = ref_to(base);
        // The derived ones, the last innermost.
        for(std::size_t i = a.count; i >= 1; --i)
        {
            model_table const& d = a.models[i]();
            boost::json::object step;
            step["if"] = typed_object(type_names_of(d));
            step["then"] = boost::json::object{{"$ref", ref_to(d)}};
            step["else"] = std::move(fallback);
            fallback = std::move(step);
        }
        // The base's names select it before any derived one's.
        boost::json::object s;
        s["type"] = "object";
        if(type_name_required(base, true))
            s["required"] = boost::json::array{to_json_string(odata_type_key)};
        if(a.count != 0)
        {
            s["if"] = typed_object(type_names_of(base));
            s["then"] = boost::json::object{{"$ref", ref_to(base)}};
            s["else"] = std::move(fallback);
        }
        else
            s["allOf"] = boost::json::array{std::move(fallback)};
        return s;
    }

    /*  The rules across members (check_pairing), one if/then each, so
        that the error points at the boolean member as the library's does:
        true while the enum member holds an enumerator the rule does not
        list (absent, null or no enumerator: nothing to say), and true
        together with the member it excludes.
    */
    boost::json::array
    pairing_schemas(model_table const& m) const
    {
        boost::json::array out;
        auto here = [&](std::size_t i) {
            return i != npos && present_in(m.members[i], version_) && !read_only_in(m.members[i], op_);
        };
        for(std::size_t k = 0; k < m.pairing_count; ++k)
        {
            pairing_entry const& p = m.pairings[k];
            if(!here(p.member))
                continue;
            boost::json::string const name = to_json_string(m.members[p.member].json_name);
            boost::json::object not_true;
            not_true["type"] = "object";
            not_true["properties"].emplace_object()[name] =
                boost::json::object{{"not", boost::json::object{{"const", true}}}};
            if(here(p.enum_member))
            {
                member_entry const& e = m.members[p.enum_member];
                enum_table const& en = *e.type->enumeration;
                boost::json::array others;
                for(std::size_t i = 0; i < en.count && i < 64; ++i)
                    if(!((p.enum_mask >> i) & 1))
                        others.emplace_back(to_json_string(en.names[i]));
                if(!others.empty())
                {
                    boost::json::object cond;
                    cond["type"] = "object";
                    cond["required"] = boost::json::array{to_json_string(e.json_name)};
                    cond["properties"].emplace_object()[to_json_string(e.json_name)] =
                        boost::json::object{{"enum", std::move(others)}};
                    out.emplace_back(boost::json::object{{"if", std::move(cond)}, {"then", not_true}});
                }
            }
            if(here(p.excluded))
            {
                boost::json::string const other = to_json_string(m.members[p.excluded].json_name);
                boost::json::object cond;
                cond["type"] = "object";
                cond["required"] = boost::json::array{name, other};
                auto& props = cond["properties"].emplace_object();
                props[name] = boost::json::object{{"const", true}};
                props[other] = boost::json::object{{"const", true}};
                out.emplace_back(boost::json::object{{"if", std::move(cond)}, {"then", std::move(not_true)}});
            }
        }
        return out;
    }

    /*  An object of a dynamic_members() model as the walker checks it
        against a dynamic_schema (walker::dynamic_key, end_dynamic): each
        declared member by its type (a single value may be null, a
        collection never), its `name@odata.type` annotation as one of the
        spellings annotation_matches() accepts, the model's @odata.type;
        other annotations allowed, any other key rejected under every
        policy. In requests, a collection of a primitive type needs its
        annotation, and at least one declared member must be there.
    */
    boost::json::object
    dynamic_model_schema(model_table const& m, dynamic_schema const& d) const
    {
        boost::json::object s;
        s["title"] = to_json_string(written_name(m, version_));
        s["description"] = "Members declared at run time: each has the type the registered "
            "schema gives it, and any other key but an annotation is rejected.";
        s["type"] = "object";
        auto& props = s["properties"].emplace_object();
        props["@odata.type"] = odata_type_schema(m);
        boost::json::object dependent;
        for(std::size_t i = 0; i < d.size(); ++i)
        {
            member_entry const& e = dynamic_access::entry(d, i);
            bool const collection = d[i].collection;
            props[to_json_string(e.json_name)] = value_schema(*e.type, e, !collection, true);
            props[to_json_string(dynamic_access::annotation_key(d, i))] = annotation_schema(d, i);
            if(checks_rules() && d.annotation_required(i))
                dependent[to_json_string(e.json_name)] =
                    boost::json::array{to_json_string(dynamic_access::annotation_key(d, i))};
        }
        // Keys with an '@' are annotations, read through, except
        // `name@odata.type` (the first '@' starts "@odata.type"), which
        // only a declared name may carry (those are under properties).
        s["patternProperties"].emplace_object()["^(?![^@]+@odata\\.type$)[^@]*@"] = true;
        s["additionalProperties"] = false;
        if(!dependent.empty())
            s["dependentRequired"] = std::move(dependent);
        if(checks_rules())
        {
            // At least one member, declared or not (an undeclared one is
            // an issue of its own): not every key is an annotation.
            boost::json::object keys;
            keys["type"] = "object";
            keys["propertyNames"].emplace_object()["pattern"] = "@";
            s["not"] = std::move(keys);
        }
        return s;
    }

    // The values annotation_matches() accepts for member `i`'s annotation.
    static boost::json::object
    annotation_schema(dynamic_schema const& d, std::size_t i)
    {
        dynamic_schema::property const& p = d[i];
        std::vector<std::string> inner;
        if(p.type == dynamic_type::object)
        {
            detail::type_node const& t = *dynamic_access::model_node(d, i);
            model_table const& mt = p.collection ? t.element().model() : t.model();
            for(std::size_t n = 0; n < mt.type_name_count; ++n)
                inner.emplace_back(mt.type_names[n]);
        }
        else
        {
            std::string const name(dynamic_schema::primitive_name(p.type));
            inner.push_back(name);
            inner.push_back("Edm." + name);
        }
        boost::json::array spellings;
        for(char const* hash : {"", "#"})
            for(auto const& n : inner)
                spellings.emplace_back(std::string(hash) + (p.collection ? "Collection(" + n + ")" : n));
        boost::json::object s;
        s["type"] = "string";
        s["enum"] = std::move(spellings);
        return s;
    }

    static void
    add_string_rules(boost::json::object& s, string_rules const& r, bool nullable)
    {
        if(r.min_length != 0)
            s["minLength"] = r.min_length;
        if(r.max_length != static_cast<std::size_t>(-1))
            s["maxLength"] = r.max_length;
        if(r.allowed.excludes())
            s["pattern"] = "^[^\\x00-\\x20\\x7f" + class_literal(r.allowed.spec()) + "]*$";
        else if(r.allowed.restricts())
            s["pattern"] = "^[" + std::string(r.allowed.spec()) + "]*$";
        // The one value, or null where null is allowed (const would
        // refuse it).
        if(!r.only_value.empty() && !nullable)
            s["const"] = to_json_string(r.only_value);
        else if(!r.only_value.empty())
            s["enum"] = boost::json::array{to_json_string(r.only_value), nullptr};
        if(r.format == string_format::date_time_offset)
        {
            // is_date_time_offset as a pattern: the format, and the date
            // must exist (so "format": "date-time" is not needed).
            s["pattern"] = date_time_offset_pattern;
        }
        // The prefix and reserved words are what the value must not be;
        // `"type": "string"` keeps null (allowed when optional) out of them.
        boost::json::array forbidden;
        if(!r.forbidden_prefix.empty())
            forbidden.emplace_back(boost::json::object{
                {"pattern", "^" + regex_literal(r.forbidden_prefix)}});
        if(r.reserved_count != 0)
        {
            boost::json::array words;
            for(std::size_t i = 0; i < r.reserved_count; ++i)
                words.emplace_back(to_json_string(r.reserved[i]));
            forbidden.emplace_back(boost::json::object{{"enum", std::move(words)}});
        }
        if(forbidden.empty())
            return;
        boost::json::object no;
        no["type"] = "string";
        if(forbidden.size() == 1)
            for(auto& kv : forbidden[0].as_object())
                no[kv.key()] = std::move(kv.value());
        else
            no["anyOf"] = std::move(forbidden);
        s["not"] = std::move(no);
    }

    operation op_;
    unknown_policy unknown_;
    api_version version_;
    std::string ref_prefix_;
    std::string name_suffix_;
    std::string root_ref_;
    dynamic_schema const* dynamic_;
    std::vector<std::pair<model_table const*, std::string>> models_;
};

inline boost::json::value
build_json_schema(model_table const& root, operation op, unknown_policy unknown, api_version version,
    std::string const& id_base, dynamic_schema const* dynamic = nullptr)
{
    schema_builder b(op, unknown, version, "#/$defs/", "", "#", dynamic);
    b.collect(root);
    boost::json::object body = b.model_schema(root);
    boost::json::object doc;
    doc["$schema"] = "https://json-schema.org/draft/2020-12/schema";
    // The default version's documents keep the names they always had.
    doc["$id"] = id_base + std::string(root.type_names[0]) + "." +
        std::string(to_string(op)) + "." + std::string(to_string(unknown)) +
        (version == decode_options().version ? std::string() : "." + std::string(to_string(version)));
    doc["title"] = std::move(body["title"]);
    std::string description = std::string(schema_builder::written_name(root, version)) +
        " as graphschema validates it for the " + std::string(to_string(op)) +
        " operation of API version " + std::string(to_string(version)) + ", unknown properties " +
        (unknown == unknown_policy::reject ? "rejected" :
         unknown == unknown_policy::ignore ? "ignored" : "preserved") + ".";
    if(auto const* open = body.if_contains("description"))
        description += " " + std::string(open->as_string());
    doc["description"] = description;
    for(auto& kv : body)
        if(kv.key() != "title" && kv.key() != "description")
            doc[kv.key()] = std::move(kv.value());
    auto const& models = b.models();
    if(models.size() > 1)
    {
        auto& defs = doc["$defs"].emplace_object();
        for(std::size_t i = 1; i < models.size(); ++i)
            defs[models[i].second] = b.model_schema(*models[i].first);
    }
    return doc;
}

inline boost::json::value
build_openapi_components(model_table const& root, operation op, unknown_policy unknown, api_version version,
    dynamic_schema const* dynamic = nullptr)
{
    schema_builder b(op, unknown, version, "#/components/schemas/", "-" + std::string(to_string(op)), "",
        dynamic);
    b.collect(root);
    boost::json::object schemas;
    for(auto const& entry : b.models())
        schemas[entry.second] = b.model_schema(*entry.first);
    boost::json::object components;
    components["schemas"] = std::move(schemas);
    boost::json::object doc;
    doc["components"] = std::move(components);
    return doc;
}

} // detail
} // graphschema

#endif
