//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_EXAMPLE_CONNECTIONS_SERVICE_HPP
#define GRAPHSCHEMA_EXAMPLE_CONNECTIONS_SERVICE_HPP

// The connections resource of Microsoft Graph, in memory: what the example
// server answers, with no sockets in sight. graphschema_server.cpp feeds it
// parsed requests and writes back what it returns; see docs/server.md.

#include <graphschema/graphschema.hpp>
#include <graphschema/item_validator.hpp>

#include <boost/beast/core/string.hpp>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <ctime>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace example {

namespace gs = graphschema;
namespace http = boost::beast::http;
namespace json = boost::json;

using request = http::request<http::string_body>;
using response = http::response<http::string_body>;

/// `text` with every ill-formed UTF-8 sequence replaced by U+FFFD, one
/// replacement per maximal ill-formed subpart (Unicode's recommended
/// practice, as WHATWG's decoder does). Request bytes quoted in a JSON body
/// go through it: Boost.JSON writes the bytes of a string as they are, and
/// a body must be UTF-8 (RFC 8259, 8.1).
inline std::string
valid_utf8(std::string_view text)
{
    static constexpr std::string_view replacement = "\xEF\xBF\xBD";
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while(i < text.size())
    {
        auto const lead = static_cast<unsigned char>(text[i]);
        if(lead < 0x80)
        {
            out += text[i++];
            continue;
        }
        // How many continuation bytes follow the lead, and the range of
        // the first one (narrower after E0, ED, F0, F4: no overlong forms,
        // no surrogates, nothing past U+10FFFF).
        std::size_t trail = 0;
        unsigned char low = 0x80, high = 0xBF;
        if(lead >= 0xC2 && lead <= 0xDF)
            trail = 1;
        else if(lead >= 0xE0 && lead <= 0xEF)
        {
            trail = 2;
            low = lead == 0xE0 ? 0xA0 : 0x80;
            high = lead == 0xED ? 0x9F : 0xBF;
        }
        else if(lead >= 0xF0 && lead <= 0xF4)
        {
            trail = 3;
            low = lead == 0xF0 ? 0x90 : 0x80;
            high = lead == 0xF4 ? 0x8F : 0xBF;
        }
        std::size_t n = 1; // the lead and the continuation bytes that fit
        while(trail != 0 && n <= trail && i + n < text.size())
        {
            auto const b = static_cast<unsigned char>(text[i + n]);
            if(b < (n == 1 ? low : 0x80) || b > (n == 1 ? high : 0xBF))
                break;
            ++n;
        }
        if(trail != 0 && n == trail + 1)
            out.append(text.substr(i, n));
        else
            out += replacement;
        i += n;
    }
    return out;
}

/// Every string of `v`, recursively, made valid UTF-8 (keys are left
/// alone: the service's are its own).
inline void
make_valid_utf8(json::value& v)
{
    if(auto* s = v.if_string())
    {
        std::string_view const text = *s;
        std::string fixed = valid_utf8(text);
        if(fixed != text)
            *s = fixed;
    }
    else if(auto* a = v.if_array())
    {
        for(auto& e : *a)
            make_valid_utf8(e);
    }
    else if(auto* o = v.if_object())
    {
        for(auto& m : *o)
            make_valid_utf8(m.value());
    }
}

struct service_options
{
    /// Where the service answers, such as `http://127.0.0.1:8080`: the
    /// base of every `@odata.context`.
    std::string service_root;

    /// The largest request body accepted (413 above it); also the
    /// decoder's `max_bytes`.
    std::size_t max_bytes = gs::decode_options().max_bytes;

    /// Members externalConnection does not declare. Graph itself refuses
    /// them (400 RequestBodyRead), hence `reject`. Under `/v1.0/` a member
    /// only beta has is one of them.
    gs::unknown_policy unknown = gs::unknown_policy::reject;

    /// The most items one connection may hold: a `PUT` of a new item
    /// beyond it is refused (507). Beta's `quota.itemsRemaining` is this
    /// less the items held.
    std::int64_t items_quota = 5000000;

    /// The most the store may hold, in bytes: each connection, schema,
    /// item, group and member counts as its canonical JSON plus
    /// `entry_overhead`. What would pass it is refused (507).
    std::size_t max_store_bytes = 256 * 1024 * 1024;

    /// What each stored document counts beyond its JSON: the containers'
    /// own bookkeeping, roughly.
    static constexpr std::size_t entry_overhead = 256;
};

template<class T> struct is_nullable : std::false_type {};
template<class T> struct is_nullable<gs::nullable<T>> : std::true_type {};
template<class T> struct is_optional : std::false_type {};
template<class T> struct is_optional<std::optional<T>> : std::true_type {};
template<class T> struct is_vector : std::false_type {};
template<class T, class A> struct is_vector<std::vector<T, A>> : std::true_type {};

template<class T> void leave_out_members(T& c, unsigned version_bit);

// The models within a member (its value, the elements of an array), with
// the members their version does not have left out.
template<class M>
void
leave_out_within(M& m, unsigned version_bit)
{
    if constexpr(is_optional<M>::value || is_nullable<M>::value)
    {
        if(m)
            leave_out_within(*m, version_bit);
    }
    else if constexpr(is_vector<M>::value)
    {
        for(auto& e : m)
            leave_out_within(e, version_bit);
    }
    else if constexpr(std::is_class_v<M> && boost::describe::has_describe_members<M>::value)
        leave_out_members(m, version_bit);
}

template<class T>
void
leave_out_members(T& c, unsigned version_bit)
{
    constexpr auto rules = graphschema_model(gs::model_tag<T>{});
    using members = boost::describe::describe_members<T, boost::describe::mod_public>;
    boost::mp11::mp_for_each<members>([&](auto d) {
        auto& member = c.*decltype(d)::pointer;
        bool kept = true;
        for(auto const& m : rules.members)
            if(m.member == d.name && (m.versions & version_bit) == 0)
                kept = false;
        if(kept)
            leave_out_within(member, version_bit);
        else
            member = std::remove_reference_t<decltype(member)>();
    });
}

/// `c` as `version` shows it: the members the version does not have (beta's
/// `complianceSettings`, `quota`, ... under v1.0; in an item's `acl`,
/// `identitySource`; in a schema's property, `rankingHint`), at any depth,
/// left out. The model says which, through `only_in`.
template<class T>
T
as_seen_in(T c, gs::api_version version)
{
    leave_out_members(c, 1u << static_cast<unsigned>(version));
    return c;
}


/// Applies a PATCH body to what is held: each member the body sends
/// replaces the held one, and a `null` clears it (a `nullable` member holds
/// null afterwards, and reads back as `null`); what the body leaves out is
/// unchanged. Unknown members and annotations are left to the caller.
template<class T>
void
apply_update(T& held, T&& patch)
{
    using members = boost::describe::describe_members<T, boost::describe::mod_public>;
    boost::mp11::mp_for_each<members>([&](auto d) {
        using D = decltype(d);
        auto& sent = patch.*D::pointer;
        using M = std::remove_reference_t<decltype(sent)>;
        if constexpr(std::is_same_v<M, gs::preserved_members>)
            return;
        else if constexpr(is_nullable<M>::value)
        {
            if(!sent.is_absent())
                held.*D::pointer = std::move(sent);
        }
        else
        {
            if(sent)
                held.*D::pointer = std::move(sent);
        }
    });
}

class connections_service
{
public:
    explicit connections_service(service_options options)
        : options_(std::move(options))
        , random_(std::random_device{}())
    {
    }

    /// Answers one complete request.
    response
    handle(request const& req)
    {
        if(auto refused = check_head(req))
            return std::move(*refused);
        std::string path;
        if(auto const why = decode_path(req.target(), path))
            return bad_request(req, *why);
        auto const route = parse_route(path);
        if(!route.known)
            return error(req, http::status::not_found, "itemNotFound",
                "no resource at '" + path + "'");
        // HEAD is GET without the body (RFC 9110, 9.3.2).
        bool const read = req.method() == http::verb::get || req.method() == http::verb::head;
        if(route.what == resource::collection)
        {
            if(read)
                return list(req, route);
            if(req.method() == http::verb::post)
                return create(req, route);
            return method_not_allowed(req, "GET, HEAD, POST");
        }
        if(route.what == resource::connection)
        {
            if(read)
                return get(req, route);
            if(req.method() == http::verb::patch)
                return update(req, route);
            if(req.method() == http::verb::delete_)
                return remove(req, route);
            return method_not_allowed(req, "GET, HEAD, PATCH, DELETE");
        }
        return handle_part(req, route, read);
    }

    /// What the head of a request alone refuses: a 400 unless it names
    /// one host (RFC 9112, 3.2: an HTTP/1.1 request without `Host`, any
    /// request with two, or a value that is not a host and port). The
    /// server asks before it reads the body; `handle` asks again.
    std::optional<response>
    check_head(request const& req)
    {
        auto const hosts = req.count(http::field::host);
        if(hosts == 0 && req.version() >= 11)
            return bad_request(req, "an HTTP/1.1 request must have a Host header");
        if(hosts > 1)
            return bad_request(req, "a request may have only one Host header");
        if(hosts == 1 && !is_host(req[http::field::host]))
            return bad_request(req, "the Host header is not a host with an optional port");
        return std::nullopt;
    }

    /// The answer to a request whose body is over the limit; the server
    /// sends it before reading the body.
    response
    payload_too_large(request const& req)
    {
        return error(req, http::status::payload_too_large, "requestEntityTooLarge",
            "the request body is larger than the limit of " +
                std::to_string(options_.max_bytes) + " bytes");
    }

    /// The answer to bytes that are not an HTTP/1.1 request.
    response
    malformed(request const& req, std::string_view why)
    {
        return bad_request(req, "the request is not valid HTTP: " + std::string(why));
    }

    /// A 400 `BadRequest` with `message`: a request that is HTTP, but not
    /// one the service can read.
    response
    bad_request(request const& req, std::string message)
    {
        return error(req, http::status::bad_request, "BadRequest", std::move(message));
    }

    std::size_t max_bytes() const noexcept { return options_.max_bytes; }

private:
    // What a connector has sent to one connection, and what each part
    // counts against `max_store_bytes` (its canonical JSON, beta's, plus
    // the overhead).
    struct stored_item
    {
        gs::graph::external_item item;
        std::size_t bytes = 0;
    };

    struct stored_member
    {
        gs::graph::identity member;
        std::size_t bytes = 0;
    };

    struct stored_group
    {
        gs::graph::external_group group;
        std::size_t bytes = 0; // the group's own
        std::map<std::string, stored_member, std::less<>> members;
    };

    struct stored_connection
    {
        gs::graph::external_connection connection;
        std::size_t connection_bytes = 0;
        std::optional<gs::graph::schema> schema;
        std::size_t schema_bytes = 0;
        // Made from the registered schema, for the items that follow.
        std::optional<gs::item_validator> validator;
        std::map<std::string, stored_item, std::less<>> items;
        std::map<std::string, stored_group, std::less<>> groups;
        // The ids of the latest schema registrations, oldest first.
        std::deque<std::string> operations;
        // The connection and all of the above: what deleting it frees.
        std::size_t bytes = 0;
    };

    // The operations a connection remembers (schema registrations); the
    // oldest is forgotten (404) when one more comes.
    static constexpr std::size_t max_operations = 16;

    // What a path names, under /{version}/external/connections.
    enum class resource
    {
        collection, // the connections
        connection, // /{id}
        schema,     // /{id}/schema
        operation,  // /{id}/operations/{part}
        item,       // /{id}/items/{part}
        groups,     // /{id}/groups
        group,      // /{id}/groups/{part}
        members,    // /{id}/groups/{part}/members
        member,     // /{id}/groups/{part}/members/{member}
    };

    struct route
    {
        bool known = false;
        std::string_view version; // "beta" or "v1.0"
        resource what = resource::collection;
        std::string_view id;      // the connection's; empty for the collection
        std::string_view part;    // the operation's, item's or group's id
        std::string_view member;  // the member's id
    };

    // The path of `target`, its percent-escapes decoded (RFC 3986, 2.1), in
    // `path`; or why it cannot be: a malformed escape anywhere in the target
    // (`%4`, `%zz`), or, in the path, an escaped `/` (it would split or join
    // segments) or NUL. Query options ($select, ...) do not change which
    // resource is named: they are checked, not decoded.
    static std::optional<std::string>
    decode_path(std::string_view target, std::string& path)
    {
        auto const path_end = std::min(target.find('?'), target.size());
        path.reserve(path_end);
        for(std::size_t i = 0; i < target.size(); ++i)
        {
            char const c = target[i];
            if(c != '%')
            {
                if(i < path_end)
                    path += c;
                continue;
            }
            auto const escape = std::string(target.substr(i, 3));
            int const high = i + 2 < target.size() ? hex_digit(target[i + 1]) : -1;
            int const low = high >= 0 ? hex_digit(target[i + 2]) : -1;
            if(low < 0)
                return "the target has a malformed percent-escape '" + escape + "'";
            if(i < path_end)
            {
                char const decoded = static_cast<char>(high * 16 + low);
                if(decoded == '/')
                    return "the path has an escaped '/' (" + escape + "), which is not accepted";
                if(decoded == '\0')
                    return "the path has an escaped NUL (" + escape + "), which is not accepted";
                path += decoded;
            }
            i += 2;
        }
        return std::nullopt;
    }

    static int
    hex_digit(char c) noexcept
    {
        if(c >= '0' && c <= '9')
            return c - '0';
        if(c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if(c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    // uri-host [":" port] (RFC 3986, 3.2.2): a reg-name, an IPv4 address
    // or an IP literal in brackets, by their characters; empty is allowed
    // (RFC 9112, 3.2).
    static bool
    is_host(std::string_view value) noexcept
    {
        static constexpr std::string_view others = "-._~%!$&'()*+,;=:[]";
        for(char const c : value)
        {
            bool const alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                (c >= 'A' && c <= 'Z');
            if(!alnum && others.find(c) == std::string_view::npos)
                return false;
        }
        return true;
    }

    // The route of a decoded path. A segment is never empty: a trailing
    // or doubled `/` names no resource.
    static route
    parse_route(std::string_view path) noexcept
    {
        static constexpr std::string_view collections[] = {
            "/beta/external/connections", "/v1.0/external/connections"};
        route r;
        for(std::string_view const collection : collections)
        {
            if(path.substr(0, collection.size()) != collection)
                continue;
            r.version = collection.substr(1, collection.find('/', 1) - 1);
            auto rest = path.substr(collection.size());
            if(rest.empty())
            {
                r.known = true;
                return r;
            }
            if(rest[0] != '/')
                return r;
            // Up to five segments: {id}/groups/{gid}/members/{mid}.
            std::array<std::string_view, 5> seg;
            std::size_t n = 0;
            rest.remove_prefix(1);
            for(;;)
            {
                auto const slash = rest.find('/');
                auto const s = rest.substr(0, slash);
                if(s.empty() || n == seg.size())
                    return r;
                seg[n++] = s;
                if(slash == std::string_view::npos)
                    break;
                rest.remove_prefix(slash + 1);
            }
            r.id = seg[0];
            r.part = seg[2];
            r.member = seg[4];
            if(n == 1)
                r.what = resource::connection;
            else if(n == 2 && seg[1] == "schema")
                r.what = resource::schema;
            else if(n == 3 && seg[1] == "operations")
                r.what = resource::operation;
            else if(n == 3 && seg[1] == "items")
                r.what = resource::item;
            else if(n == 2 && seg[1] == "groups")
                r.what = resource::groups;
            else if(n == 3 && seg[1] == "groups")
                r.what = resource::group;
            else if(n == 4 && seg[1] == "groups" && seg[3] == "members")
                r.what = resource::members;
            else if(n == 5 && seg[1] == "groups" && seg[3] == "members")
                r.what = resource::member;
            else
                return r;
            r.known = true;
            return r;
        }
        return r;
    }

    std::string
    context(route const& r, bool entity) const
    {
        return options_.service_root + "/" + std::string(r.version) +
            "/$metadata#external/connections" + (entity ? "/$entity" : "");
    }

    // The read body of one connection: @odata.context first, as Graph
    // writes it, then the canonical document.
    std::string
    entity_body(route const& r, gs::graph::external_connection const& c) const
    {
        std::string const document = encode(r, c);
        return "{\"@odata.context\":" + json::serialize(json::string(context(r, true))) +
            "," + document.substr(1);
    }

    static gs::api_version
    version_of(route const& r) noexcept
    {
        return r.version == "v1.0" ? gs::api_version::v1_0 : gs::api_version::beta;
    }

    // The canonical document of `c` as the route's version has it: its
    // members, its type names.
    static std::string
    encode(route const& r, gs::graph::external_connection const& c)
    {
        gs::encode_options o;
        o.version = version_of(r);
        return gs::encode(as_seen_in(c, o.version), o);
    }

    response
    list(request const& req, route const& r)
    {
        std::string body = "{\"@odata.context\":" +
            json::serialize(json::string(context(r, false))) + ",\"value\":[";
        bool first = true;
        for(auto const& entry : store_)
        {
            if(!first)
                body += ',';
            first = false;
            body += encode(r, entry.second.connection);
        }
        body += "]}";
        return reply(req, http::status::ok, std::move(body));
    }

    response
    get(request const& req, route const& r)
    {
        auto const it = store_.find(r.id);
        if(it == store_.end())
            return not_found(req, r);
        return reply(req, http::status::ok, entity_body(r, it->second.connection));
    }

    response
    create(request const& req, route const& r)
    {
        if(!is_json(req))
            return unsupported_media_type(req);
        auto decoded = gs::decode<gs::graph::external_connection>(req.body(),
            decode_options(gs::operation::create, r));
        if(!decoded.ok())
            return invalid_body(req, decoded.report(), gs::operation::create, "externalConnection");
        auto& c = *decoded;
        if(store_.count(*c.id) != 0)
            return error(req, http::status::conflict, "nameAlreadyExists",
                "a connection with the id '" + *c.id + "' already exists");
        // The service computes the read-only members (the body may not send
        // them): a new connection is a draft, which has ingested nothing
        // yet (null, as Graph says of a draft), and has its whole quota.
        c.state = gs::graph::connection_state::draft;
        c.ingested_items_count = nullptr;
        c.quota.emplace().items_remaining = options_.items_quota;
        c.unknown_properties = without_control_information(c.unknown_properties);
        std::size_t const bytes = size_of(c);
        if(!fits(0, bytes))
            return store_full(req);
        auto& stored = store_.emplace(*c.id, stored_connection{}).first->second;
        stored.connection = std::move(c);
        account(stored, stored.connection_bytes, bytes);
        return reply(req, http::status::created, entity_body(r, stored.connection));
    }

    response
    update(request const& req, route const& r)
    {
        auto const it = store_.find(r.id);
        if(it == store_.end())
            return not_found(req, r);
        if(!is_json(req))
            return unsupported_media_type(req);
        auto patch = gs::decode<gs::graph::external_connection>(req.body(),
            decode_options(gs::operation::update, r));
        if(!patch.ok())
            return invalid_body(req, patch.report(), gs::operation::update, "externalConnection");
        // The members sent replace those held, and a null clears one. The
        // read-only ones (the key, state, ingestedItemsCount, quota) cannot
        // be among them: the update was refused above if they were. Made
        // on a copy, which replaces the held one if the store has room.
        auto& stored = it->second;
        auto c = stored.connection;
        auto sent_unknown = without_control_information(patch->unknown_properties);
        apply_update(c, std::move(*patch));
        c.unknown_properties = merged(c.unknown_properties, sent_unknown);
        std::size_t const bytes = size_of(c);
        if(!fits(stored.connection_bytes, bytes))
            return store_full(req);
        stored.connection = std::move(c);
        account(stored, stored.connection_bytes, bytes);
        return reply(req, http::status::no_content, {});
    }

    response
    remove(request const& req, route const& r)
    {
        auto const it = store_.find(r.id);
        if(it == store_.end())
            return not_found(req, r);
        // With its schema, items, groups and members.
        stored_bytes_ -= it->second.bytes;
        store_.erase(it);
        return reply(req, http::status::no_content, {});
    }

    // The routes below a connection: its schema, operations, items,
    // groups and members. The method is checked first (405), then that
    // the connection exists (404), as for the connection itself.
    response
    handle_part(request const& req, route const& r, bool read)
    {
        auto const m = req.method();
        char const* allowed = nullptr;
        switch(r.what)
        {
        case resource::schema:
            if(!read && m != http::verb::patch)
                allowed = "GET, HEAD, PATCH";
            break;
        case resource::operation:
            if(!read)
                allowed = "GET, HEAD";
            break;
        case resource::item:
            if(!read && m != http::verb::put && m != http::verb::delete_)
                allowed = "GET, HEAD, PUT, DELETE";
            break;
        case resource::groups:
        case resource::members:
            if(m != http::verb::post)
                allowed = "POST";
            break;
        case resource::group:
            if(!read && m != http::verb::delete_)
                allowed = "GET, HEAD, DELETE";
            break;
        default: // resource::member
            if(m != http::verb::delete_)
                allowed = "DELETE";
            break;
        }
        if(allowed)
            return method_not_allowed(req, allowed);
        auto const it = store_.find(r.id);
        if(it == store_.end())
            return not_found(req, r);
        auto& sc = it->second;
        switch(r.what)
        {
        case resource::schema:
            return read ? get_schema(req, r, sc) : register_schema(req, r, sc);
        case resource::operation:
            return get_operation(req, r, sc);
        case resource::item:
            if(read)
                return get_item(req, r, sc);
            if(m == http::verb::put)
                return put_item(req, r, sc);
            return remove_item(req, r, sc);
        case resource::groups:
            return create_group(req, r, sc);
        case resource::group:
            return read ? get_group(req, r, sc) : remove_group(req, r, sc);
        case resource::members:
            return add_member(req, r, sc);
        default: // resource::member
            return remove_member(req, r, sc);
        }
    }

    // PATCH .../schema: the body is checked as a schema (create), and an
    // item validator made from it; the schema replaces any held before
    // (the items already held stay). The registration is done at once:
    // 202 with the Location of its operation, which is already completed,
    // and the connection is ready for items.
    response
    register_schema(request const& req, route const& r, stored_connection& sc)
    {
        if(!is_json(req))
            return unsupported_media_type(req);
        auto const o = decode_options(gs::operation::create, r);
        gs::report why;
        auto validator = gs::item_validator::make(req.body(), why, o);
        if(!validator)
            return invalid_body(req, why, gs::operation::create, "schema");
        auto decoded = gs::decode<gs::graph::schema>(req.body(), o);
        if(!decoded.ok()) // not reached: make() validated the same text
            return invalid_body(req, decoded.report(), gs::operation::create, "schema");
        auto& s = *decoded;
        s.additional_data = without_control_information(s.additional_data);
        std::size_t const bytes = size_of(s);
        if(!fits(sc.schema_bytes, bytes))
            return store_full(req);
        sc.schema = std::move(s);
        sc.validator = std::move(validator);
        account(sc, sc.schema_bytes, bytes);
        sc.connection.state = gs::graph::connection_state::ready;
        count_items(sc);
        if(sc.operations.size() == max_operations)
            sc.operations.pop_front();
        sc.operations.push_back(new_request_id());
        auto res = reply(req, http::status::accepted, {});
        res.set(http::field::location, options_.service_root + "/" + std::string(r.version) +
            "/external/connections/" + std::string(r.id) + "/operations/" + sc.operations.back());
        return res;
    }

    response
    get_schema(request const& req, route const& r, stored_connection const& sc)
    {
        if(!sc.schema)
            return error(req, http::status::not_found, "itemNotFound",
                "the connection '" + std::string(r.id) + "' has no schema");
        return reply(req, http::status::ok,
            with_context(part_context(r, "schema"), encode_for(r, *sc.schema)));
    }

    // A connectionOperation: every registration is completed when it is
    // answered, so no operation is in progress or failed.
    response
    get_operation(request const& req, route const& r, stored_connection const& sc)
    {
        auto const& ops = sc.operations;
        if(std::find(ops.begin(), ops.end(), r.part) == ops.end())
            return error(req, http::status::not_found, "itemNotFound",
                "no operation '" + std::string(r.part) + "' on the connection '" +
                    std::string(r.id) + "'");
        json::object op;
        op["@odata.context"] = part_context(r, "operations");
        op["id"] = r.part;
        op["status"] = "completed";
        return reply(req, http::status::ok, json::serialize(op));
    }

    // An item's id (in the path and in a body): 1 to 128 ASCII letters or
    // digits.
    static bool
    is_item_id(std::string_view id) noexcept
    {
        if(id.empty() || id.size() > 128)
            return false;
        for(char const c : id)
            if(!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
                return false;
        return true;
    }

    // PUT .../items/{itemId}: checked against the registered schema,
    // stored (replacing any item of that id), 200 without a body.
    response
    put_item(request const& req, route const& r, stored_connection& sc)
    {
        if(!is_item_id(r.part))
            return error(req, http::status::bad_request, "invalidRequest",
                "the item id '" + std::string(r.part) +
                    "' in the path is not 1 to 128 ASCII letters or digits");
        if(!is_json(req))
            return unsupported_media_type(req);
        if(!sc.validator)
            return error(req, http::status::conflict, "schemaNotRegistered",
                "the connection '" + std::string(r.id) + "' has no schema yet: register one "
                "(PATCH /" + std::string(r.version) + "/external/connections/" +
                    std::string(r.id) + "/schema) before pushing items");
        auto decoded = sc.validator->decode(req.body(), decode_options(gs::operation::create, r));
        if(!decoded.ok())
            return invalid_body(req, decoded.report(), gs::operation::create, "externalItem");
        auto& item = *decoded;
        if(item.id && *item.id != r.part)
        {
            json::object d;
            d["code"] = gs::to_string(gs::error::constraint_violation);
            d["message"] = "the body's id '" + *item.id + "' is not the item id in the path, '" +
                std::string(r.part) + "'";
            d["target"] = "/id";
            return error(req, http::status::bad_request, "invalidRequest",
                "the body is not a valid externalItem for this path: 1 issue", json::array{d});
        }
        item.id = std::string(r.part);
        item.unknown_properties = without_control_information(item.unknown_properties);
        std::size_t const bytes = size_of(item);
        auto held = sc.items.find(r.part);
        if(held == sc.items.end() &&
            static_cast<std::int64_t>(sc.items.size()) >= options_.items_quota)
            return error(req, http::status::insufficient_storage, "quotaLimitReached",
                "the connection '" + std::string(r.id) + "' holds its quota of " +
                    std::to_string(options_.items_quota) + " items");
        if(!fits(held == sc.items.end() ? 0 : held->second.bytes, bytes))
            return store_full(req);
        if(held == sc.items.end())
            held = sc.items.emplace(std::string(r.part), stored_item{}).first;
        held->second.item = std::move(item);
        account(sc, held->second.bytes, bytes);
        count_items(sc);
        return reply(req, http::status::ok, {});
    }

    response
    get_item(request const& req, route const& r, stored_connection const& sc)
    {
        auto const it = sc.items.find(r.part);
        if(it == sc.items.end())
            return part_not_found(req, r, "item", r.part);
        return reply(req, http::status::ok,
            with_context(part_context(r, "items"), encode_for(r, it->second.item)));
    }

    response
    remove_item(request const& req, route const& r, stored_connection& sc)
    {
        auto const it = sc.items.find(r.part);
        if(it == sc.items.end())
            return part_not_found(req, r, "item", r.part);
        release(sc, it->second.bytes);
        sc.items.erase(it);
        count_items(sc);
        return reply(req, http::status::no_content, {});
    }

    // POST .../groups: 201 with the group as stored; 409 for an id the
    // connection has.
    response
    create_group(request const& req, route const& r, stored_connection& sc)
    {
        if(!is_json(req))
            return unsupported_media_type(req);
        auto decoded = gs::decode<gs::graph::external_group>(req.body(),
            decode_options(gs::operation::create, r));
        if(!decoded.ok())
            return invalid_body(req, decoded.report(), gs::operation::create, "externalGroup");
        auto& g = *decoded;
        if(sc.groups.count(*g.id) != 0)
            return error(req, http::status::conflict, "nameAlreadyExists",
                "the connection '" + std::string(r.id) + "' has a group with the id '" + *g.id + "'");
        g.unknown_properties = without_control_information(g.unknown_properties);
        std::size_t const bytes = size_of(g);
        if(!fits(0, bytes))
            return store_full(req);
        auto& held = sc.groups.emplace(*g.id, stored_group{}).first->second;
        held.group = std::move(g);
        account(sc, held.bytes, bytes);
        return reply(req, http::status::created,
            with_context(part_context(r, "groups"), encode_for(r, held.group)));
    }

    response
    get_group(request const& req, route const& r, stored_connection const& sc)
    {
        auto const it = sc.groups.find(r.part);
        if(it == sc.groups.end())
            return part_not_found(req, r, "group", r.part);
        return reply(req, http::status::ok,
            with_context(part_context(r, "groups"), encode_for(r, it->second.group)));
    }

    // DELETE .../groups/{gid}: with its members.
    response
    remove_group(request const& req, route const& r, stored_connection& sc)
    {
        auto const it = sc.groups.find(r.part);
        if(it == sc.groups.end())
            return part_not_found(req, r, "group", r.part);
        for(auto& m : it->second.members)
            release(sc, m.second.bytes);
        release(sc, it->second.bytes);
        sc.groups.erase(it);
        return reply(req, http::status::no_content, {});
    }

    // POST .../groups/{gid}/members: 201 with the member as stored; 409
    // for an id the group has.
    response
    add_member(request const& req, route const& r, stored_connection& sc)
    {
        auto const group = sc.groups.find(r.part);
        if(group == sc.groups.end())
            return part_not_found(req, r, "group", r.part);
        if(!is_json(req))
            return unsupported_media_type(req);
        auto decoded = gs::decode<gs::graph::identity>(req.body(),
            decode_options(gs::operation::create, r));
        if(!decoded.ok())
            return invalid_body(req, decoded.report(), gs::operation::create, "identity");
        auto& m = *decoded;
        auto& members = group->second.members;
        if(members.count(*m.id) != 0)
            return error(req, http::status::conflict, "nameAlreadyExists",
                "the group '" + std::string(r.part) + "' has a member with the id '" + *m.id + "'");
        m.additional_data = without_control_information(m.additional_data);
        std::size_t const bytes = size_of(m);
        if(!fits(0, bytes))
            return store_full(req);
        auto& held = members.emplace(*m.id, stored_member{}).first->second;
        held.member = std::move(m);
        account(sc, held.bytes, bytes);
        return reply(req, http::status::created,
            with_context(part_context(r, "groups('" + std::string(r.part) + "')/members"),
                encode_for(r, held.member)));
    }

    response
    remove_member(request const& req, route const& r, stored_connection& sc)
    {
        auto const group = sc.groups.find(r.part);
        if(group == sc.groups.end())
            return part_not_found(req, r, "group", r.part);
        auto& members = group->second.members;
        auto const it = members.find(r.member);
        if(it == members.end())
            return error(req, http::status::not_found, "itemNotFound",
                "the group '" + std::string(r.part) + "' has no member with the id '" +
                    std::string(r.member) + "'");
        release(sc, it->second.bytes);
        members.erase(it);
        return reply(req, http::status::no_content, {});
    }

    response
    part_not_found(request const& req, route const& r, char const* what, std::string_view id)
    {
        return error(req, http::status::not_found, "itemNotFound",
            "the connection '" + std::string(r.id) + "' has no " + what + " with the id '" +
                std::string(id) + "'");
    }

    // Once the connection is ready (a schema is registered), beta's
    // ingestedItemsCount is the items held and quota.itemsRemaining what
    // the quota leaves.
    void
    count_items(stored_connection& sc) const
    {
        auto const n = static_cast<std::int64_t>(sc.items.size());
        sc.connection.ingested_items_count = n;
        sc.connection.quota.emplace().items_remaining = options_.items_quota - n;
    }

    // What `v` counts against the store's limit.
    template<class T>
    static std::size_t
    size_of(T const& v)
    {
        return gs::encode(v).size() + service_options::entry_overhead;
    }

    // Whether the store has room for `now` bytes in the place of `before`.
    bool
    fits(std::size_t before, std::size_t now) const noexcept
    {
        return stored_bytes_ - before + now <= options_.max_store_bytes;
    }

    // `held` (a part of `sc`) now counts `now` bytes.
    void
    account(stored_connection& sc, std::size_t& held, std::size_t now) noexcept
    {
        stored_bytes_ = stored_bytes_ - held + now;
        sc.bytes = sc.bytes - held + now;
        held = now;
    }

    void
    release(stored_connection& sc, std::size_t& held) noexcept
    {
        account(sc, held, 0);
    }

    response
    store_full(request const& req)
    {
        return error(req, http::status::insufficient_storage, "quotaLimitReached",
            "the store is full: it may hold " + std::to_string(options_.max_store_bytes) +
                " bytes, and holds " + std::to_string(stored_bytes_));
    }

    // The @odata.context of a part of the route's connection: `segment`
    // is "schema", "items", "groups", ...
    std::string
    part_context(route const& r, std::string const& segment) const
    {
        return options_.service_root + "/" + std::string(r.version) +
            "/$metadata#external/connections('" + std::string(r.id) + "')/" + segment + "/$entity";
    }

    // `document` (an object) with @odata.context first.
    static std::string
    with_context(std::string const& context, std::string const& document)
    {
        std::string out = "{\"@odata.context\":" + json::serialize(json::string(context));
        if(document.size() > 2)
            out += "," + document.substr(1);
        else
            out += "}";
        return out;
    }

    // The canonical document of `v` in the route's version.
    template<class T>
    static std::string
    encode_for(route const& r, T const& v)
    {
        gs::encode_options o;
        o.version = version_of(r);
        return gs::encode(as_seen_in(v, o.version), o);
    }

    // The options a body is checked with: the operation, and the version
    // its path names (so that a beta-only member is unknown under /v1.0/).
    gs::decode_options
    decode_options(gs::operation op, route const& r) const noexcept
    {
        gs::decode_options o;
        o.operation = op;
        o.version = version_of(r);
        o.unknown = options_.unknown;
        o.max_bytes = options_.max_bytes;
        return o;
    }

    // application/json, with or without parameters (charset, odata.metadata).
    static bool
    is_json(request const& req)
    {
        std::string_view type = req[http::field::content_type];
        type = type.substr(0, type.find(';'));
        while(!type.empty() && (type.back() == ' ' || type.back() == '\t'))
            type.remove_suffix(1);
        return boost::beast::iequals(type, "application/json");
    }

    // Control information (@odata.context, @odata.etag, ...) describes a
    // payload, not the connection: it is not stored.
    static gs::preserved_members
    without_control_information(gs::preserved_members const& members)
    {
        gs::preserved_members kept;
        for(auto const m : members)
            if(m.key.substr(0, 7) != "@odata.")
                kept.insert_raw(m.key, m.json);
        return kept;
    }

    // Rebuilt rather than erased in place, so that repeated updates do not
    // grow the held buffer.
    static gs::preserved_members
    merged(gs::preserved_members const& held, gs::preserved_members const& sent)
    {
        gs::preserved_members out;
        for(auto const m : held)
        {
            auto const replacement = sent.find(m.key);
            out.insert_raw(m.key, replacement ? replacement->json : m.json);
        }
        for(auto const m : sent)
            if(!held.contains(m.key))
                out.insert_raw(m.key, m.json);
        return out;
    }

    // Issues of a body the OData reader itself refuses (not JSON, the wrong
    // shape, members it does not know) versus rules broken by a readable body.
    static bool
    is_read_failure(gs::error code) noexcept
    {
        switch(code)
        {
        case gs::error::syntax_error:
        case gs::error::depth_exceeded:
        case gs::error::size_exceeded:
        case gs::error::duplicate_property:
        case gs::error::type_mismatch:
        case gs::error::invalid_enum:
        case gs::error::unknown_property:
        case gs::error::odata_type_mismatch:
            return true;
        default:
            return false;
        }
    }

    response
    invalid_body(request const& req, gs::report const& report, gs::operation op,
        char const* type_name)
    {
        json::array details;
        bool read_failure = false;
        for(auto const& i : report)
        {
            read_failure = read_failure || is_read_failure(i.code);
            json::object d;
            d["code"] = gs::to_string(i.code);
            d["message"] = i.message + ", at line " + std::to_string(i.line) +
                ", column " + std::to_string(i.column);
            d["target"] = i.pointer;
            details.push_back(std::move(d));
        }
        std::string message = "the body is not a valid " + std::string(type_name) + " for " +
            std::string(gs::to_string(op)) + ": " + std::to_string(report.found()) +
            (report.found() == 1 ? " issue" : " issues");
        if(report.truncated())
            message += ", the first " + std::to_string(report.size()) + " listed";
        return error(req, http::status::bad_request,
            read_failure ? "RequestBodyRead" : "invalidRequest", message, std::move(details));
    }

    response
    not_found(request const& req, route const& r)
    {
        return error(req, http::status::not_found, "itemNotFound",
            "no connection with the id '" + std::string(r.id) + "'");
    }

    response
    unsupported_media_type(request const& req)
    {
        return error(req, http::status::unsupported_media_type, "unsupportedMediaType",
            "the body must be application/json");
    }

    response
    method_not_allowed(request const& req, char const* allowed)
    {
        auto res = error(req, http::status::method_not_allowed, "notAllowed",
            std::string(std::string_view(req.method_string())) + " is not allowed here; allowed: " + allowed);
        res.set(http::field::allow, allowed);
        return res;
    }

    // Graph's error body: code, message, details, innerError.
    response
    error(request const& req, http::status status, char const* code, std::string message,
        json::array details = {})
    {
        std::string const request_id = new_request_id();
        json::object inner;
        inner["date"] = timestamp("%Y-%m-%dT%H:%M:%S");
        inner["request-id"] = request_id;
        inner["client-request-id"] = client_request_id(req, request_id);
        json::object e;
        e["code"] = code;
        e["message"] = std::move(message);
        e["details"] = std::move(details);
        e["innerError"] = std::move(inner);
        json::object wrapper;
        wrapper["error"] = std::move(e);
        json::value body(std::move(wrapper));
        // The path, the id, the method, the client's request id and the
        // body's keys are the client's bytes: whatever they held, the
        // body is UTF-8 (Boost.JSON escapes the control characters).
        make_valid_utf8(body);
        return reply(req, status, json::serialize(body), request_id);
    }

    response
    reply(request const& req, http::status status, std::string body,
        std::string request_id = {})
    {
        if(request_id.empty())
            request_id = new_request_id();
        response res(status, req.version());
        res.set(http::field::server, "graphschema-example");
        res.set(http::field::date, timestamp("%a, %d %b %Y %H:%M:%S GMT"));
        res.set("request-id", request_id);
        res.set("client-request-id", client_request_id(req, request_id));
        res.keep_alive(req.keep_alive());
        // A 204 has neither a body nor a Content-Length (RFC 9110, 8.6).
        if(status == http::status::no_content)
            return res;
        // Other answers without a body (a 200 to PUT, a 202) have
        // Content-Length 0 and no Content-Type.
        if(body.empty())
        {
            res.content_length(0);
            return res;
        }
        res.set(http::field::content_type,
            "application/json;odata.metadata=minimal;odata.streaming=true;"
            "IEEE754Compatible=false;charset=utf-8");
        res.body() = std::move(body);
        res.prepare_payload();
        // The answer to a HEAD has the headers the GET would have,
        // Content-Length included, and no body.
        if(req.method() == http::verb::head)
            res.body().clear();
        return res;
    }

    // Graph echoes the caller's client-request-id, or uses its own id. The
    // header carries it as received (Beast has checked it is a field
    // value); the error body, made valid UTF-8.
    static std::string
    client_request_id(request const& req, std::string const& request_id)
    {
        std::string_view const sent = req["client-request-id"];
        return sent.empty() ? request_id : std::string(sent);
    }

    std::string
    new_request_id()
    {
        // A version 4 UUID, as Graph's request ids are.
        std::array<std::uint8_t, 16> b;
        for(std::size_t i = 0; i < b.size(); i += 8)
        {
            auto v = random_();
            for(std::size_t j = 0; j < 8; ++j, v >>= 8)
                b[i + j] = static_cast<std::uint8_t>(v);
        }
        b[6] = static_cast<std::uint8_t>((b[6] & 0x0f) | 0x40);
        b[8] = static_cast<std::uint8_t>((b[8] & 0x3f) | 0x80);
        static constexpr char hex[] = "0123456789abcdef";
        std::string s;
        for(std::size_t i = 0; i < b.size(); ++i)
        {
            if(i == 4 || i == 6 || i == 8 || i == 10)
                s += '-';
            s += hex[b[i] >> 4];
            s += hex[b[i] & 15];
        }
        return s;
    }

    static std::string
    timestamp(char const* format)
    {
        std::time_t const now = std::time(nullptr);
        std::tm utc{};
        gmtime_r(&now, &utc);
        char buf[64];
        return {buf, std::strftime(buf, sizeof(buf), format, &utc)};
    }

    service_options options_;
    std::mt19937_64 random_;
    std::map<std::string, stored_connection, std::less<>> store_;
    // The sum of every stored_connection's `bytes`.
    std::size_t stored_bytes_ = 0;
};

} // example

#endif
