//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE server_routes
#include "../test_support.hpp"
#include "process.hpp"
#include "server_socket.hpp"

#include <graphschema/item_validator.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <cctype>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

// The example server, driven route by route with curl: every status it
// answers, the bodies, Graph's error shape, and bytes that are not HTTP.

namespace gs = graphschema;
namespace json = boost::json;

namespace {

struct reply
{
    int status = 0;
    std::map<std::string, std::string> headers; // names in lower case
    std::string body;

    std::string
    header(std::string const& name) const
    {
        auto const it = headers.find(name);
        return it == headers.end() ? std::string() : it->second;
    }

    json::value json() const { return json::parse(body); }
};

// curl -i prints every response it got (a 100 Continue, then the answer);
// the last one is the answer.
reply
parse_curl_output(std::string const& out)
{
    reply r;
    std::size_t pos = 0;
    for(;;)
    {
        auto const end = out.find("\r\n\r\n", pos);
        BOOST_REQUIRE_MESSAGE(end != std::string::npos, "a response head in: " << out);
        std::string const head = out.substr(pos, end - pos);
        pos = end + 4;
        BOOST_REQUIRE(head.compare(0, 5, "HTTP/") == 0);
        r.status = std::stoi(head.substr(head.find(' ') + 1));
        if(r.status >= 200)
        {
            std::size_t line = head.find("\r\n");
            while(line != std::string::npos)
            {
                auto const next = head.find("\r\n", line + 2);
                auto const field = head.substr(line + 2, next == std::string::npos ? next : next - line - 2);
                auto const colon = field.find(':');
                std::string name = field.substr(0, colon);
                for(auto& c : name)
                    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                r.headers[name] = field.substr(field.find_first_not_of(' ', colon + 1));
                line = next;
            }
            r.body = out.substr(pos);
            return r;
        }
    }
}

// A running server and curl to talk to it.
class fixture
{
public:
    explicit fixture(std::vector<std::string> options = {})
        : server_(std::make_unique<embedding::server>(std::move(options)))
    {
        char tmpl[] = "/tmp/graphschema-routes-XXXXXX";
        BOOST_REQUIRE(::mkdtemp(tmpl) != nullptr);
        dir_ = tmpl;
    }

    ~fixture()
    {
        ::unlink(body_file().c_str());
        ::rmdir(dir_.c_str());
        if(server_)
            BOOST_TEST(server_->stop() == 0, "the server exits cleanly on SIGTERM");
    }

    embedding::server& server() { return *server_; }

    // One request; `headers` are curl -H arguments ("Name: value"; "Name:"
    // removes one curl would send).
    reply
    send(std::string const& method, std::string const& path,
        std::optional<std::string> const& body = std::nullopt,
        std::vector<std::string> const& headers = {"Content-Type: application/json"})
    {
        std::vector<std::string> argv{"curl", "-sS", "--noproxy", "*", "--max-time", "60"};
        if(method == "HEAD")
            argv.push_back("--head"); // so that curl expects no body
        else
            argv.insert(argv.end(), {"-i", "-X", method});
        for(auto const& h : headers)
        {
            argv.push_back("-H");
            argv.push_back(h);
        }
        if(body)
        {
            std::ofstream(body_file(), std::ios::binary | std::ios::trunc) << *body;
            argv.push_back("--data-binary");
            argv.push_back("@" + body_file());
        }
        argv.push_back(server_->url(path));
        auto const r = embedding::run(argv);
        BOOST_REQUIRE_MESSAGE(r.status == 0, "curl " << method << ' ' << path << ": " << r.err);
        return parse_curl_output(r.out);
    }

    reply get(std::string const& path) { return send("GET", path); }
    reply post(std::string const& path, std::string const& body) { return send("POST", path, body); }
    reply patch(std::string const& path, std::string const& body) { return send("PATCH", path, body); }
    reply put(std::string const& path, std::string const& body) { return send("PUT", path, body); }
    reply remove(std::string const& path) { return send("DELETE", path); }

private:
    std::string body_file() const { return dir_ + "/body"; }

    std::unique_ptr<embedding::server> server_;
    std::string dir_;
};

std::string const beta = "/beta/external/connections";
std::string const v1 = "/v1.0/external/connections";

std::string
create_body(std::string const& id, std::string const& name = "Contoso HR")
{
    return R"({"id":")" + id + R"(","name":")" + name +
        R"(","description":"HR","configuration":{"authorizedAppIds":["a1"]}})";
}

// Graph's error body: code, message, details, innerError with the request
// id of the response and a date. Returns the error object.
json::object
check_error(reply const& r, int status, std::string const& code)
{
    BOOST_TEST(r.status == status);
    BOOST_TEST(r.header("content-type").compare(0, 16, "application/json") == 0);
    auto const body = r.json();
    auto const& e = body.at("error").as_object();
    BOOST_TEST(e.at("code").as_string() == code);
    BOOST_TEST(!e.at("message").as_string().empty());
    BOOST_TEST(e.at("details").is_array());
    auto const& inner = e.at("innerError").as_object();
    BOOST_TEST(inner.at("request-id").as_string() == r.header("request-id"));
    BOOST_TEST(std::regex_match(std::string(inner.at("date").as_string().c_str()),
        std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)")));
    return e;
}

// The (code, target) pairs of an error's details, order aside.
std::multiset<std::pair<std::string, std::string>>
detail_set(json::object const& error)
{
    std::multiset<std::pair<std::string, std::string>> s;
    for(auto const& d : error.at("details").as_array())
    {
        BOOST_TEST(!d.at("message").as_string().empty());
        s.insert({d.at("code").as_string().c_str(), d.at("target").as_string().c_str()});
    }
    return s;
}

// The document of an entity body, without the @odata.context the server
// puts first.
std::string
without_context(std::string const& body)
{
    auto const v = json::parse(body);
    auto const& context = v.at("@odata.context").as_string();
    std::string const prefix = "{\"@odata.context\":" + json::serialize(context) + ",";
    BOOST_REQUIRE(body.compare(0, prefix.size(), prefix) == 0);
    return "{" + body.substr(prefix.size());
}

} // namespace

BOOST_FIXTURE_TEST_CASE(post_creates_and_answers_the_read_body, fixture)
{
    for(auto const& [path, version] : {std::pair(beta, "beta"), std::pair(v1, "v1.0")})
    {
        std::string const id = std::string("hr") + (version[0] == 'b' ? "beta" : "v1");
        // An annotation the client sends is kept; its @odata.context is not.
        std::string const sent = R"({"@odata.context":"mine","id":")" + id +
            R"(","name":"Contoso HR","description":"","name@odata.type":"String",)"
            R"("configuration":{"authorizedApps":["a1"],"extra":1}})";
        auto const r = post(path, sent);
        BOOST_TEST(r.status == 201);
        BOOST_TEST(r.header("content-type").compare(0, 16, "application/json") == 0);
        BOOST_TEST(r.header("request-id").size() == 36u);

        // @odata.context first, then the canonical document, a draft.
        auto const body = r.json().as_object();
        BOOST_TEST(body.begin()->key() == "@odata.context");
        BOOST_TEST(body.at("@odata.context").as_string() ==
            server().url("/" + std::string(version) + "/$metadata#external/connections/$entity"));
        gs::decode_options read;
        read.operation = gs::operation::read;
        read.unknown = gs::unknown_policy::reject;
        auto const created = gs::decode<gs::graph::external_connection>(r.body, read);
        BOOST_TEST(created.ok(), test::summary(created.report()));
        BOOST_TEST((created->state == gs::graph::connection_state::draft));

        // The server computes the read-only members: beta's draft has
        // ingested nothing yet (null) and has its quota; v1.0 has neither.
        auto expected = *gs::decode<gs::graph::external_connection>(sent);
        expected.state = gs::graph::connection_state::draft;
        gs::encode_options written;
        if(version[0] == 'b')
        {
            expected.ingested_items_count = nullptr;
            expected.quota.emplace().items_remaining = 5000000;
        }
        else
            written.version = gs::api_version::v1_0;
        BOOST_REQUIRE(expected.unknown_properties.erase("@odata.context"));
        BOOST_TEST(without_context(r.body) == gs::encode(expected, written));
    }
}

BOOST_FIXTURE_TEST_CASE(post_an_existing_id_is_409, fixture)
{
    BOOST_TEST(post(beta, create_body("contosohr")).status == 201);
    auto const e = check_error(post(beta, create_body("contosohr", "Other")), 409, "nameAlreadyExists");
    BOOST_TEST(e.at("details").as_array().empty());
    // The first one stays as it was.
    BOOST_TEST(get(beta + "/contosohr").json().at("name") == "Contoso HR");
}

BOOST_FIXTURE_TEST_CASE(post_an_invalid_body_is_400_with_one_detail_per_issue, fixture)
{
    // Rules broken by a readable body: invalidRequest.
    std::string const broken = R"({"id":"x1","name":"","state":"ready"})";
    auto const e = check_error(post(beta, broken), 400, "invalidRequest");
    auto const& details = e.at("details").as_array();
    auto const report = gs::validate<gs::graph::external_connection>(broken);
    BOOST_TEST_REQUIRE(details.size() == 5u);
    BOOST_TEST_REQUIRE(report.size() == 5u);
    for(std::size_t i = 0; i < details.size(); ++i)
    {
        BOOST_TEST(details[i].at("code").as_string() == gs::to_string(report[i].code));
        BOOST_TEST(details[i].at("target").as_string() == report[i].pointer);
        BOOST_TEST(std::string(details[i].at("message").as_string().c_str())
            .find(report[i].message) == 0u);
    }
    BOOST_TEST(details[0].at("code") == "constraint_violation");
    BOOST_TEST(details[0].at("target") == "/id");
    BOOST_TEST(details[2].at("code") == "read_only_property");
    BOOST_TEST(details[4].at("target") == "/configuration");

    // A body the reader refuses: RequestBodyRead, as Graph answers.
    auto const syntax = check_error(post(beta, R"({"id":)"), 400, "RequestBodyRead");
    BOOST_TEST((detail_set(syntax) == std::multiset<std::pair<std::string, std::string>>{
        {"syntax_error", ""}}));
    // ingestedItemsCount is beta's, and the service's to compute: under
    // /beta/ a read-only member (invalidRequest), under /v1.0/ a member
    // the reader does not know (RequestBodyRead).
    std::string const counted = R"({"id":"abc","name":"n","description":"",)"
        R"("configuration":{},"ingestedItemsCount":7})";
    auto const read_only = check_error(post(beta, counted), 400, "invalidRequest");
    BOOST_TEST((detail_set(read_only) == std::multiset<std::pair<std::string, std::string>>{
        {"read_only_property", "/ingestedItemsCount"}}));
    auto const unknown = check_error(post(v1, counted), 400, "RequestBodyRead");
    BOOST_TEST((detail_set(unknown) == std::multiset<std::pair<std::string, std::string>>{
        {"unknown_property", "/ingestedItemsCount"}}));

    // Nothing was stored.
    BOOST_TEST(get(beta).json().at("value").as_array().empty());
}

BOOST_FIXTURE_TEST_CASE(not_json_is_415, fixture)
{
    auto const body = create_body("contosohr");
    check_error(send("POST", beta, body, {"Content-Type: text/plain"}), 415, "unsupportedMediaType");
    check_error(send("POST", beta, body, {"Content-Type:"}), 415, "unsupportedMediaType");
    check_error(send("POST", beta, body, {"Content-Type: application/jsonx"}), 415, "unsupportedMediaType");
    BOOST_TEST(get(beta).json().at("value").as_array().empty());
    // Parameters and case do not matter.
    BOOST_TEST(send("POST", beta, body, {"Content-Type: Application/JSON; charset=utf-8"}).status == 201);
    BOOST_TEST(send("PATCH", beta + "/contosohr", R"({"name":"n"})",
        {"Content-Type: application/json;odata.metadata=minimal"}).status == 204);
    check_error(send("PATCH", beta + "/contosohr", R"({"name":"m"})", {"Content-Type: text/json"}),
        415, "unsupportedMediaType");
    BOOST_TEST(get(beta + "/contosohr").json().at("name") == "n");
}

BOOST_AUTO_TEST_CASE(bodies_over_the_limit_are_413)
{
    fixture f({"--max-bytes", "1000"});
    // Exactly at the limit is accepted; one byte more is not.
    std::string at_limit = create_body("contosohr");
    at_limit.insert(1, 1000 - at_limit.size(), ' ');
    BOOST_REQUIRE(at_limit.size() == 1000u);
    BOOST_TEST(f.post(beta, at_limit).status == 201);

    std::string const over = " " + at_limit;
    check_error(f.post(beta, over), 413, "requestEntityTooLarge");
    BOOST_TEST(f.send("POST", beta, over).header("connection") == "close");
    // Without Expect: 100-continue the body arrives anyway, and is dropped.
    BOOST_TEST(f.send("POST", beta, over, {"Content-Type: application/json", "Expect:"}).status == 413);
    // A chunked body has no length to check first: it fails as it passes the limit.
    BOOST_TEST(f.send("POST", beta, over,
        {"Content-Type: application/json", "Transfer-Encoding: chunked"}).status == 413);
    BOOST_TEST(f.send("PATCH", beta + "/contosohr", over).status == 413);
    BOOST_TEST(f.get(beta + "/contosohr").status == 200);
}

BOOST_FIXTURE_TEST_CASE(the_default_limit_is_4_mib, fixture)
{
    std::string big = create_body("contosohr");
    big.insert(1, 4194304 - big.size() + 1, ' ');
    check_error(post(beta, big), 413, "requestEntityTooLarge");
    BOOST_TEST(get(beta).status == 200);
}

BOOST_FIXTURE_TEST_CASE(get_the_collection, fixture)
{
    auto const empty = get(beta);
    BOOST_TEST(empty.status == 200);
    BOOST_TEST(empty.body == R"({"@odata.context":")" +
        server().url("/beta/$metadata#external/connections") + R"(","value":[]})");

    BOOST_TEST(post(beta, create_body("zeta")).status == 201);
    BOOST_TEST(post(v1, create_body("alpha")).status == 201);
    auto const list = get(v1);
    BOOST_TEST(list.status == 200);
    auto const v = list.json();
    BOOST_TEST(v.at("@odata.context").as_string() == server().url("/v1.0/$metadata#external/connections"));
    auto const& value = v.at("value").as_array();
    BOOST_TEST_REQUIRE(value.size() == 2u);
    gs::decode_options read;
    read.operation = gs::operation::read;
    read.unknown = gs::unknown_policy::reject;
    // By id, each a read body.
    BOOST_TEST(value[0].at("id") == "alpha");
    BOOST_TEST(value[1].at("id") == "zeta");
    for(auto const& c : value)
        BOOST_TEST(gs::validate<gs::graph::external_connection>(c, read).ok());
}

BOOST_FIXTURE_TEST_CASE(get_one_is_200_or_404, fixture)
{
    BOOST_TEST(post(beta, create_body("contosohr")).status == 201);
    // beta and v1.0 are two views of one store, as in Graph.
    for(auto const& path : {beta, v1})
    {
        auto const r = get(path + "/contosohr");
        BOOST_TEST(r.status == 200);
        BOOST_TEST(r.json().at("id") == "contosohr");
        BOOST_TEST(r.json().at("state") == "draft");
        auto const copy = post(path, create_body("contosohr"));
        BOOST_TEST(copy.status == 409);
    }
    BOOST_TEST(get(v1 + "/contosohr").json().at("@odata.context").as_string() ==
        server().url("/v1.0/$metadata#external/connections/$entity"));
    // Query options do not change which resource is named.
    BOOST_TEST(get(beta + "/contosohr?$select=id").status == 200);
    auto const e = check_error(get(beta + "/contosoHR"), 404, "itemNotFound");
    BOOST_TEST(e.at("details").as_array().empty());
}

BOOST_FIXTURE_TEST_CASE(patch_is_204_and_changes_what_it_sends, fixture)
{
    BOOST_TEST(post(beta, create_body("contosohr")).status == 201);
    auto const before = get(beta + "/contosohr").json();

    auto const r = patch(beta + "/contosohr",
        R"({"description":"HR tickets","configuration":{"authorizedAppIds":["b2"]},"note@x.y":1})");
    BOOST_TEST(r.status == 204);
    BOOST_TEST(r.body.empty());
    BOOST_TEST(r.header("content-length").empty());
    BOOST_TEST(r.header("content-type").empty());
    auto after = get(v1 + "/contosohr").json().as_object();
    BOOST_TEST(after.at("description") == "HR tickets");
    BOOST_TEST(after.at("configuration").at("authorizedAppIds") == json::array{"b2"});
    BOOST_TEST(after.at("note@x.y") == 1);
    BOOST_TEST(after.at("name") == before.at("name"));
    BOOST_TEST(after.at("state") == "draft");

    // Sending an annotation again replaces it.
    BOOST_TEST(patch(beta + "/contosohr", R"({"note@x.y":2})").status == 204);
    BOOST_TEST(get(beta + "/contosohr").json().at("note@x.y") == 2);

    // Validated as an update: the key and the state are read-only.
    auto const e = check_error(patch(beta + "/contosohr", R"({"id":"other","state":"ready"})"),
        400, "invalidRequest");
    BOOST_TEST((detail_set(e) == std::multiset<std::pair<std::string, std::string>>{
        {"read_only_property", "/id"}, {"read_only_property", "/state"}}));
    check_error(patch(beta + "/contosohr", R"({"name":""})"), 400, "invalidRequest");
    check_error(patch(beta + "/contosohr", R"({"name":7})"), 400, "RequestBodyRead");
    check_error(patch(beta + "/missing1", R"({"name":"n"})"), 404, "itemNotFound");
    BOOST_TEST(get(beta + "/contosohr").json().at("description") == "HR tickets");
}

// A null in a PATCH body clears the member: 204, and a GET shows null.
BOOST_FIXTURE_TEST_CASE(patch_null_clears_a_member, fixture)
{
    for(auto const& path : {beta, v1})
    {
        BOOST_TEST_CONTEXT(path)
        {
            BOOST_TEST_REQUIRE(post(path, R"({"id":"contosohr","name":"HR","description":"HR tickets",)"
                R"("configuration":{"authorizedAppIds":["a1"]},"connectorId":"app1"})").status == 201);
            auto const r = patch(path + "/contosohr", R"({"description":null,"connectorId":null})");
            BOOST_TEST(r.status == 204);
            BOOST_TEST(r.body.empty());
            auto const after = get(path + "/contosohr").json().as_object();
            BOOST_TEST(after.at("description").is_null());
            BOOST_TEST(after.at("connectorId").is_null());
            // What the body left out is unchanged.
            BOOST_TEST(after.at("name") == "HR");
            BOOST_TEST(after.at("configuration").at("authorizedAppIds") == json::array{"a1"});
            // The other version sees it cleared too (one store).
            BOOST_TEST(get((path == beta ? v1 : beta) + "/contosohr").json().at("description").is_null());

            // A nullable object member is cleared the same way; a value
            // sets it again.
            BOOST_TEST(patch(path + "/contosohr", R"({"configuration":null})").status == 204);
            BOOST_TEST(get(path + "/contosohr").json().at("configuration").is_null());
            BOOST_TEST(patch(path + "/contosohr", R"({"description":"back"})").status == 204);
            BOOST_TEST(get(path + "/contosohr").json().at("description") == "back");

            // A collection is never null: [] is how it is emptied.
            auto const e = check_error(patch(path + "/contosohr",
                R"({"configuration":{"authorizedAppIds":null}})"), 400, "invalidRequest");
            BOOST_TEST((detail_set(e) == std::multiset<std::pair<std::string, std::string>>{
                {"null_not_allowed", "/configuration/authorizedAppIds"}}));
            BOOST_TEST(patch(path + "/contosohr", R"({"configuration":{"authorizedAppIds":[]}})").status == 204);
            BOOST_TEST(get(path + "/contosohr").json().at("configuration").at("authorizedAppIds") == json::array{});
            BOOST_TEST(remove(path + "/contosohr").status == 204);
        }
    }
}

namespace {

std::string const resolver =
    R"({"@odata.type":"#microsoft.graph.externalConnectors.itemIdResolver","priority":1,)"
    R"j("itemId":"{id}","urlMatchInfo":{"baseUrls":["https://contoso.com/"],"urlPattern":"/t/(?<id>[0-9]+)"}})j";
std::string const display =
    R"({"id":"t1","priority":0,"layout":{"type":"AdaptiveCard","body":[]},"rules":[)"
    R"({"property":"title","operation":"contains","values":["a"],"valuesJoinedBy":"or"}]})";

} // namespace

// Today's members are stored and returned; what only beta has is shown
// under /beta/ only, and each version writes its own type names.
BOOST_FIXTURE_TEST_CASE(new_members_are_stored_and_returned, fixture)
{
    std::string const body = R"({"id":"contosohr","name":"HR","description":"d","configuration":{},)"
        R"("activitySettings":{"urlToItemResolvers":[)" + resolver + R"(]},)"
        R"("searchSettings":{"searchResultTemplates":[)" + display + R"(]},)"
        R"("connectorId":"app1","contentCategory":"knowledgeBase",)"
        R"("complianceSettings":{"eDiscoveryResultTemplates":[)" + display + R"(]},)"
        R"("enabledContentExperiences":"search, compliance"})";
    auto const created = post(beta, body);
    BOOST_TEST_REQUIRE(created.status == 201, created.body);

    auto const b = get(beta + "/contosohr").json().as_object();
    BOOST_TEST(b.at("@odata.type") == "#microsoft.graph.externalConnection");
    BOOST_TEST(b.at("activitySettings").at("urlToItemResolvers").at(0).at("itemId") == "{id}");
    BOOST_TEST(b.at("activitySettings").at("urlToItemResolvers").at(0).at("@odata.type") ==
        "#microsoft.graph.externalConnectors.itemIdResolver");
    BOOST_TEST(b.at("searchSettings").at("searchResultTemplates").at(0).at("layout") ==
        json::parse(R"({"type":"AdaptiveCard","body":[]})"));
    BOOST_TEST(b.at("connectorId") == "app1");
    BOOST_TEST(b.at("contentCategory") == "knowledgeBase");
    BOOST_TEST(b.at("complianceSettings").at("eDiscoveryResultTemplates").at(0).at("id") == "t1");
    BOOST_TEST(b.at("enabledContentExperiences") == "search, compliance"); // in the form sent
    // Set by the server, never by the client.
    BOOST_TEST(b.at("state") == "draft");
    BOOST_TEST(b.at("ingestedItemsCount").is_null());
    BOOST_TEST(b.at("quota").at("itemsRemaining") == 5000000);
    gs::decode_options read;
    read.operation = gs::operation::read;
    read.unknown = gs::unknown_policy::reject;
    auto const beta_report = gs::validate<gs::graph::external_connection>(json::value(b), read);
    BOOST_TEST(beta_report.ok(), test::summary(beta_report));

    auto const v = get(v1 + "/contosohr").json().as_object();
    BOOST_TEST(v.at("@odata.type") == "#microsoft.graph.externalConnectors.externalConnection");
    BOOST_TEST(v.at("configuration").at("@odata.type") == "#microsoft.graph.externalConnectors.configuration");
    BOOST_TEST(v.at("contentCategory") == "knowledgeBase");
    BOOST_TEST(v.at("activitySettings") == b.at("activitySettings"));
    for(char const* beta_only : {"complianceSettings", "enabledContentExperiences", "ingestedItemsCount", "quota"})
        BOOST_TEST(!v.contains(beta_only), beta_only);
    read.version = gs::api_version::v1_0;
    auto const v1_report = gs::validate<gs::graph::external_connection>(json::value(v), read);
    BOOST_TEST(v1_report.ok(), test::summary(v1_report));
    auto const listed = get(v1).json().at("value").at(0).as_object();
    BOOST_TEST(!listed.contains("quota"));
    BOOST_TEST(listed.at("@odata.type") == "#microsoft.graph.externalConnectors.externalConnection");

    // A PATCH replaces a member object whole, and a v1.0 PATCH keeps
    // beta's members.
    BOOST_TEST(patch(v1 + "/contosohr", R"({"searchSettings":{"searchResultTemplates":[]},)"
        R"("contentCategory":"wikis"})").status == 204);
    auto const patched = get(beta + "/contosohr").json().as_object();
    BOOST_TEST(patched.at("searchSettings").at("searchResultTemplates") == json::array{});
    BOOST_TEST(patched.at("contentCategory") == "wikis");
    BOOST_TEST(patched.at("complianceSettings") == b.at("complianceSettings"));
    BOOST_TEST(patched.at("enabledContentExperiences") == "search, compliance");

    // The server's members are not the client's to send.
    for(auto const& sent : {R"({"state":"ready"})", R"({"ingestedItemsCount":5})", R"({"quota":{"itemsRemaining":1}})"})
    {
        auto const e = check_error(patch(beta + "/contosohr", sent), 400, "invalidRequest");
        BOOST_TEST(detail_set(e).begin()->first == "read_only_property", sent);
    }
    // An enum name the service does not know is no member in a request.
    auto const e = check_error(patch(beta + "/contosohr", R"({"contentCategory":"holograms"})"), 400,
        "RequestBodyRead");
    BOOST_TEST((detail_set(e) == std::multiset<std::pair<std::string, std::string>>{
        {"invalid_enum", "/contentCategory"}}));
    // Nor an object of a derived type it does not know.
    auto const derived = check_error(patch(beta + "/contosohr", R"({"activitySettings":{"urlToItemResolvers":[)"
        R"({"@odata.type":"#microsoft.graph.externalConnectors.futureResolver","priority":1}]}})"), 400,
        "RequestBodyRead");
    BOOST_TEST((detail_set(derived) == std::multiset<std::pair<std::string, std::string>>{
        {"odata_type_mismatch", "/activitySettings/urlToItemResolvers/0/@odata.type"}}));
    BOOST_TEST(get(beta + "/contosohr").json().at("contentCategory") == "wikis");
}

// Under /v1.0/ a beta-only member is unknown: rejected by default (as
// Graph does), dropped by a server run with --unknown ignore.
BOOST_FIXTURE_TEST_CASE(a_beta_only_member_under_v1_is_unknown, fixture)
{
    std::string const body = R"({"id":"contosohr","name":"HR","enabledContentExperiences":"search"})";
    auto const e = check_error(post(v1, body), 400, "RequestBodyRead");
    BOOST_TEST((detail_set(e) == std::multiset<std::pair<std::string, std::string>>{
        {"unknown_property", "/enabledContentExperiences"}}));
    BOOST_TEST(get(beta).json().at("value").as_array().empty());

    BOOST_TEST(post(v1, R"({"id":"contosohr","name":"HR"})").status == 201);
    auto const p = check_error(patch(v1 + "/contosohr", R"({"complianceSettings":null})"), 400, "RequestBodyRead");
    BOOST_TEST((detail_set(p) == std::multiset<std::pair<std::string, std::string>>{
        {"unknown_property", "/complianceSettings"}}));
    // The same under /beta/ is a member.
    BOOST_TEST(patch(beta + "/contosohr", R"({"enabledContentExperiences":"search"})").status == 204);
    BOOST_TEST(get(beta + "/contosohr").json().at("enabledContentExperiences") == "search");
}

BOOST_AUTO_TEST_CASE(a_beta_only_member_under_v1_is_dropped_when_ignored)
{
    fixture f({"--unknown", "ignore"});
    BOOST_TEST(f.post(v1, R"({"id":"contosohr","name":"HR","enabledContentExperiences":"search",)"
        R"("complianceSettings":{"eDiscoveryResultTemplates":[]}})").status == 201);
    auto const b = f.get(beta + "/contosohr").json().as_object();
    BOOST_TEST(!b.contains("enabledContentExperiences"));
    BOOST_TEST(!b.contains("complianceSettings"));
    BOOST_TEST(f.patch(v1 + "/contosohr", R"({"enabledContentExperiences":"search"})").status == 204);
    BOOST_TEST(!f.get(beta + "/contosohr").json().as_object().contains("enabledContentExperiences"));
}

// beta's create requires a description (and a configuration); v1.0's does not.
BOOST_FIXTURE_TEST_CASE(create_without_description_depends_on_the_version, fixture)
{
    std::string const body = R"({"id":"contosohr","name":"HR","configuration":{}})";
    auto const e = check_error(post(beta, body), 400, "invalidRequest");
    BOOST_TEST((detail_set(e) == std::multiset<std::pair<std::string, std::string>>{
        {"missing_required", "/description"}}));
    BOOST_TEST(get(beta).json().at("value").as_array().empty());
    auto const created = post(v1, body);
    BOOST_TEST(created.status == 201);
    BOOST_TEST(!created.json().as_object().contains("description"));
    BOOST_TEST(post(v1, R"({"id":"bare1","name":"HR"})").status == 201);
}

BOOST_FIXTURE_TEST_CASE(delete_is_204_then_404, fixture)
{
    BOOST_TEST(post(beta, create_body("contosohr")).status == 201);
    auto const r = remove(v1 + "/contosohr");
    BOOST_TEST(r.status == 204);
    BOOST_TEST(r.body.empty());
    check_error(get(beta + "/contosohr"), 404, "itemNotFound");
    check_error(remove(beta + "/contosohr"), 404, "itemNotFound");
    // The id is free again.
    BOOST_TEST(post(beta, create_body("contosohr")).status == 201);
}

BOOST_FIXTURE_TEST_CASE(unknown_routes_are_404_and_other_methods_405, fixture)
{
    for(std::string path : {"/", "/beta", "/beta/external", "/v2.0/external/connections",
            "/beta/external/connectionsX", "/beta/external/connections/", "/beta/external/connections/a/b",
            "/beta/external/connections/a/schema"})
        check_error(get(path), 404, "itemNotFound");

    check_error(send("PUT", beta, create_body("contosohr")), 405, "notAllowed");
    BOOST_TEST(send("DELETE", beta).header("allow") == "GET, HEAD, POST");
    BOOST_TEST(send("PUT", beta + "/contosohr", create_body("contosohr")).header("allow") ==
        "GET, HEAD, PATCH, DELETE");
    check_error(send("POST", beta + "/contosohr", create_body("contosohr")), 405, "notAllowed");
    check_error(send("BREW", v1, std::nullopt, {}), 405, "notAllowed");
    BOOST_TEST(get(beta).json().at("value").as_array().empty());
}

namespace {

// One request over a raw socket, with the bytes as given: what curl would
// normalise (escapes) or add (Host).
reply
raw(embedding::server const& s, std::string const& request, bool head_request = false)
{
    auto const a = embedding::exchange(s.port(), request, head_request);
    BOOST_REQUIRE_MESSAGE(a, "an answer to: " << request.substr(0, 80));
    reply r;
    r.status = a->status;
    r.headers = a->fields;
    r.body = a->body;
    return r;
}

std::string
request_for(std::string const& method, std::string const& target, std::string const& body = {})
{
    std::string r = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if(!body.empty())
        r += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
    return r + "\r\n" + body;
}

} // namespace

BOOST_FIXTURE_TEST_CASE(http11_without_host_is_400_http10_without_host_is_served, fixture)
{
    // curl removes its Host with "Host:".
    auto const e = check_error(send("GET", beta, std::nullopt, {"Host:"}), 400, "BadRequest");
    BOOST_TEST(std::string(e.at("message").as_string().c_str()).find("Host") != std::string::npos);
    BOOST_TEST(send("GET", beta, std::nullopt, {"Host:"}).header("connection") == "close");

    // Refused from the head: a body declared and never sent does not delay it.
    check_error(raw(server(), "POST " + beta + " HTTP/1.1\r\nContent-Type: application/json\r\n"
        "Content-Length: 100\r\n\r\n"), 400, "BadRequest");
    // Two Hosts, or one that is not a host, are refused whatever the version.
    for(std::string const version : {"1.0", "1.1"})
    {
        check_error(raw(server(), "GET " + beta + " HTTP/" + version + "\r\nHost: a\r\nHost: b\r\n\r\n"),
            400, "BadRequest");
        check_error(raw(server(), "GET " + beta + " HTTP/" + version + "\r\nHost: a b\r\n\r\n"),
            400, "BadRequest");
        check_error(raw(server(), "GET " + beta + " HTTP/" + version + "\r\nHost: a/b\r\n\r\n"),
            400, "BadRequest");
    }
    // Hosts as clients write them; an empty one is allowed (RFC 9112, 3.2).
    for(std::string const host : {"127.0.0.1:8080", "localhost", "[::1]:80", "graph.microsoft.com", ""})
        BOOST_TEST(raw(server(), "GET " + beta + " HTTP/1.1\r\nHost: " + host +
            "\r\nConnection: close\r\n\r\n").status == 200, host);

    // HTTP/1.0 has no Host requirement.
    auto const list = raw(server(), "GET " + beta + " HTTP/1.0\r\n\r\n");
    BOOST_TEST(list.status == 200);
    BOOST_TEST(list.json().at("value").as_array().empty());
    std::string const body = create_body("contosohr");
    BOOST_TEST(raw(server(), "POST " + beta + " HTTP/1.0\r\nContent-Type: application/json\r\n"
        "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body).status == 201);
    BOOST_TEST(send("GET", beta + "/contosohr", std::nullopt, {"Host:"}).status == 400);
    BOOST_TEST(get(beta + "/contosohr").status == 200);
}

BOOST_FIXTURE_TEST_CASE(head_answers_as_get_without_the_body, fixture)
{
    BOOST_TEST(post(beta, create_body("contosohr")).status == 201);
    // HEAD then GET on one connection: the HEAD's answer has the GET's
    // status and fields, Content-Length included, and no body (else the
    // GET's answer would not start where the HEAD's head ends).
    for(std::string const& path : {beta, v1 + "/contosohr", beta + "/missing1", std::string("/nothing")})
    {
        BOOST_TEST_CONTEXT(path)
        {
            auto c = embedding::connect_to(server().port());
            BOOST_REQUIRE(embedding::send_all(c,
                "HEAD " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
            std::string pending;
            auto const head = embedding::read_answer(c, pending, true);
            BOOST_TEST_REQUIRE(head.has_value());
            auto const got = embedding::read_answer(c, pending);
            BOOST_TEST_REQUIRE(got.has_value());
            BOOST_TEST(head->status == got->status);
            BOOST_TEST(head->body.empty());
            BOOST_TEST(!got->body.empty());
            BOOST_TEST(head->field("content-length") == std::to_string(got->body.size()));
            // The same fields, but for the GET's Connection: close; each
            // answer has ids of its own, and the date may tick.
            auto without_connection = got->fields;
            without_connection.erase("connection");
            BOOST_TEST(head->fields.size() == without_connection.size());
            for(auto const& [name, value] : without_connection)
            {
                BOOST_TEST(head->fields.count(name) == 1u, name);
                if(name != "request-id" && name != "client-request-id" && name != "date")
                    BOOST_TEST(head->field(name) == value, name);
            }
            BOOST_TEST(pending.empty());
        }
    }
    // curl agrees.
    auto const r = send("HEAD", v1 + "/contosohr", std::nullopt, {});
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body.empty());
    BOOST_TEST(std::stoul(r.header("content-length")) == get(v1 + "/contosohr").body.size());
    // HEAD changes nothing.
    BOOST_TEST(get(beta).json().at("value").as_array().size() == 1u);
}

BOOST_FIXTURE_TEST_CASE(percent_encoded_ids_are_decoded, fixture)
{
    BOOST_TEST(post(beta, create_body("contosoHR")).status == 201);
    for(std::string const& target : {beta + "/contoso%48R", beta + "/contoso%48%52", beta + "/%63ontosoHR",
            v1 + "/contoso%48R", std::string("/beta/%65xternal/connections/contosoHR")})
    {
        auto const r = raw(server(), request_for("GET", target));
        BOOST_TEST(r.status == 200, target);
        BOOST_TEST(r.json().at("id") == "contosoHR", target);
    }
    // A query's escapes are checked, and an escaped '/' in it is fine.
    BOOST_TEST(raw(server(), request_for("GET", beta + "/contoso%48R?$select=id%2Cname&$filter=a%2Fb")).status == 200);
    // Every method decodes.
    BOOST_TEST(raw(server(), request_for("PATCH", v1 + "/contoso%48R", R"({"name":"Renamed"})")).status == 204);
    BOOST_TEST(get(beta + "/contosoHR").json().at("name") == "Renamed");
    BOOST_TEST(raw(server(), request_for("POST", beta + "/contoso%48R", create_body("abc"))).status == 405);
    BOOST_TEST(raw(server(), request_for("DELETE", beta + "/%63ontoso%48R")).status == 204);
    check_error(get(beta + "/contosoHR"), 404, "itemNotFound");
    // The decoded id is the one named in a 404.
    auto const e = check_error(raw(server(), request_for("GET", beta + "/contoso%48R")), 404, "itemNotFound");
    BOOST_TEST(e.at("message") == "no connection with the id 'contosoHR'");
}

BOOST_FIXTURE_TEST_CASE(malformed_or_forbidden_escapes_are_400, fixture)
{
    BOOST_TEST(post(beta, create_body("contosohr")).status == 201);
    for(std::string const& target : {beta + "/contoso%4", beta + "/contoso%zz", beta + "/contosohr%",
            beta + "/contoso%4g", beta + "/%%41", beta + "/contosohr?$select=%zz", beta + "/contosohr?x=%4",
            beta + "/a%2Fb", beta + "/a%2fb", beta + "%2Fcontosohr", std::string("/beta%2Fexternal/connections"),
            beta + "/contosohr%00", beta + "/%00"})
    {
        auto const e = check_error(raw(server(), request_for("GET", target)), 400, "BadRequest");
        BOOST_TEST(!e.at("message").as_string().empty(), target);
    }
    // The request was whole: the connection carries on after the 400.
    auto c = embedding::connect_to(server().port());
    BOOST_REQUIRE(embedding::send_all(c, "GET " + beta + "/a%2Fb HTTP/1.1\r\nHost: x\r\n\r\n" +
        request_for("GET", beta + "/contosohr")));
    std::string pending;
    auto const refused = embedding::read_answer(c, pending);
    BOOST_TEST_REQUIRE(refused.has_value());
    BOOST_TEST(refused->status == 400);
    auto const next = embedding::read_answer(c, pending);
    BOOST_TEST_REQUIRE(next.has_value());
    BOOST_TEST(next->status == 200);
}

BOOST_FIXTURE_TEST_CASE(client_request_id_is_echoed, fixture)
{
    auto const r = send("GET", beta + "/nothere", std::nullopt, {"client-request-id: 7c5f-test"});
    BOOST_TEST(r.header("client-request-id") == "7c5f-test");
    BOOST_TEST(r.json().at("error").at("innerError").at("client-request-id") == "7c5f-test");
    BOOST_TEST(r.header("request-id") != "7c5f-test");
}

BOOST_FIXTURE_TEST_CASE(bytes_that_are_not_http_get_400_and_the_server_carries_on, fixture)
{
    // Each sent on a connection of its own, read until the server closes it.
    auto exchange = [&](std::string const& bytes, bool half_close) {
        embedding::descriptor s(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
        BOOST_REQUIRE(s.get() >= 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<std::uint16_t>(server().port()));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        BOOST_REQUIRE(::connect(s.get(), reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0);
        BOOST_REQUIRE(::send(s.get(), bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
            static_cast<ssize_t>(bytes.size()));
        if(half_close)
            ::shutdown(s.get(), SHUT_WR);
        std::string answer;
        char buf[4096];
        ssize_t n;
        while((n = ::recv(s.get(), buf, sizeof(buf), 0)) > 0)
            answer.append(buf, static_cast<std::size_t>(n));
        return answer;
    };
    auto status_of = [](std::string const& answer) {
        return answer.compare(0, 9, "HTTP/1.1 ") == 0 ? std::stoi(answer.substr(9, 3)) : 0;
    };
    for(std::string bytes : {std::string("GARBAGE\r\n\r\n"), std::string("GET / HTTP/9.9\r\n\r\n"),
            std::string("GET /beta/external/connections HTTP/1.1\r\nno colon\r\n\r\n"),
            std::string("POST /beta/external/connections HTTP/1.1\r\nContent-Length: x\r\n\r\n"),
            std::string("POST /beta/external/connections HTTP/1.1\r\nContent-Length: 1\r\n"
                        "Content-Length: 2\r\n\r\n"),
            std::string("POST /beta/external/connections HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                        "zz\r\n"),
            std::string("GET /beta/external/connections HTTP/1.1\r\nX: ") + std::string(20000, 'a') +
                "\r\n\r\n",
            std::string("\0\xff\xfe\r\n\r\n", 7)})
    {
        auto const answer = exchange(bytes, false);
        BOOST_TEST(status_of(answer) == 400, answer.substr(0, 60));
        BOOST_TEST(answer.find("\"code\":\"BadRequest\"") != std::string::npos);
    }
    // A peer that goes away mid-request gets nothing, and breaks nothing.
    BOOST_TEST(exchange("POST /beta/external/connections HTTP/1.1\r\nHost: x\r\n"
        "Content-Length: 100\r\n\r\n{\"id\"", true).empty());
    BOOST_TEST(exchange("GET /beta/exte", true).empty());
    // Two requests in one write are both answered, in order.
    auto const pipelined = exchange("GET /beta/external/connections HTTP/1.1\r\nHost: x\r\n\r\n"
        "GET /beta/external/connections/nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", false);
    BOOST_TEST(status_of(pipelined) == 200);
    BOOST_TEST(pipelined.find("HTTP/1.1 404 Not Found") != std::string::npos);

    BOOST_TEST(post(beta, create_body("contosohr")).status == 201);
}

BOOST_AUTO_TEST_CASE(the_vectors_over_http)
{
    // Every externalConnection create and update vector, posted to a server
    // that applies the vector's unknown-property policy.
    std::map<std::string, std::unique_ptr<fixture>> servers;
    int checked = 0;
    for(auto const& c : test::load_vectors())
    {
        if(c.type != "externalConnection" || c.options.operation == gs::operation::read)
            continue;
        auto& f = servers[c.unknown];
        if(!f)
            f = std::make_unique<fixture>(std::vector<std::string>{"--unknown", c.unknown});
        BOOST_TEST_CONTEXT(c.name)
        {
            // The path names the vector's version.
            std::string const& path = c.options.version == gs::api_version::v1_0 ? v1 : beta;
            reply r;
            if(c.options.operation == gs::operation::create)
                r = f->post(path, c.document);
            else
            {
                BOOST_TEST_REQUIRE(f->post(path, test::valid_create).status == 201);
                r = f->patch(path + "/contosohr", c.document);
            }
            if(c.valid)
                BOOST_TEST(r.status == (c.options.operation == gs::operation::create ? 201 : 204));
            else
            {
                BOOST_TEST(r.status == 400);
                BOOST_TEST((detail_set(r.json().at("error").as_object()) == c.errors));
            }
            // Leave the store empty for the next vector.
            auto const listed = f->get(beta).json();
            for(auto const& existing : listed.at("value").as_array())
                BOOST_TEST(f->remove(beta + "/" + existing.at("id").as_string().c_str()).status == 204);
            ++checked;
        }
    }
    BOOST_TEST(checked >= 30);
}

BOOST_AUTO_TEST_CASE(bad_command_lines_exit_2)
{
    auto const server = embedding::program("GRAPHSCHEMA_SERVER");
    for(std::vector<std::string> args : {std::vector<std::string>{}, {"port"}, {"70000"},
            {"--unknown", "keep", "0"}, {"--max-bytes", "0", "0"}, {"0", "0"},
            {"--max-connections", "0", "0"}, {"--max-connections", "x", "0"},
            {"--idle-timeout", "0", "0"}, {"--idle-timeout", "1.5", "0"}, {"--idle-timeout", "0"},
            {"--max-store-bytes", "0", "0"}, {"--max-store-bytes", "1k", "0"},
            {"--items-quota", "0", "0"}, {"--items-quota", "-1", "0"}, {"--items-quota", "0"}})
    {
        args.insert(args.begin(), server);
        auto const r = embedding::run(args);
        BOOST_TEST(r.status == 2);
        BOOST_TEST(r.err.find("usage:") != std::string::npos);
    }
    auto const help = embedding::run({server, "--help"});
    BOOST_TEST(help.status == 0);
    BOOST_TEST(help.out.find("usage: graphschema-server") == 0u);
}

// ---------------------------------------------------------------------------
// The routes a connector calls after creating its connection: the schema,
// its operation, items checked against it, groups and their members.

namespace {

// A schema registration body: one property of each kind an item is
// checked for.
std::string const schema_body = R"({"baseType":"microsoft.graph.externalItem","properties":[)"
    R"({"name":"title","type":"string","isSearchable":true,"isRetrievable":true,"labels":["title"]},)"
    R"({"name":"priority","type":"int64","isQueryable":true},)"
    R"({"name":"open","type":"boolean"},)"
    R"({"name":"due","type":"dateTime"},)"
    R"({"name":"tags","type":"stringCollection"}]})";

// An item of that schema with `properties` as given.
std::string
item_body(std::string const& properties, std::string const& more = {})
{
    return R"({)" + more + R"("acl":[{"type":"everyone","value":"c8a8e0b1","accessType":"grant"}],)"
        R"("properties":{)" + properties + R"(},"content":{"type":"text","value":"Error"}})";
}

std::string const valid_properties =
    R"("title":"Payment gateway","priority":1,"open":true,"due":"2026-03-01T12:30:00Z",)"
    R"j("tags@odata.type":"Collection(String)","tags":["pay","gw"])j";

gs::decode_options
create_options(std::string const& path)
{
    gs::decode_options o;
    o.operation = gs::operation::create;
    o.version = path == v1 ? gs::api_version::v1_0 : gs::api_version::beta;
    o.unknown = gs::unknown_policy::reject;
    return o;
}

// The details of an error body, in order, against a report of the same
// body: one per issue, with its code, pointer and message.
void
check_details(json::object const& error, gs::report const& report)
{
    auto const& details = error.at("details").as_array();
    BOOST_TEST_REQUIRE(details.size() == report.size());
    BOOST_TEST_REQUIRE(!report.ok());
    for(std::size_t i = 0; i < details.size(); ++i)
    {
        BOOST_TEST(details[i].at("code").as_string() == gs::to_string(report[i].code));
        BOOST_TEST(details[i].at("target").as_string() == report[i].pointer);
        BOOST_TEST(std::string(details[i].at("message").as_string().c_str())
            .find(report[i].message) == 0u);
    }
}

using details = std::multiset<std::pair<std::string, std::string>>;

} // namespace

BOOST_FIXTURE_TEST_CASE(a_schema_is_registered_with_202_and_an_operation, fixture)
{
    for(auto const& path : {beta, v1})
    {
        BOOST_TEST_CONTEXT(path)
        {
            std::string const version = path == v1 ? "v1.0" : "beta";
            std::string const c = path + "/contosohr";
            BOOST_TEST_REQUIRE(post(path, create_body("contosohr")).status == 201);
            auto const none = check_error(get(c + "/schema"), 404, "itemNotFound");
            BOOST_TEST(none.at("details").as_array().empty());

            auto const r = patch(c + "/schema", schema_body);
            BOOST_TEST(r.status == 202);
            BOOST_TEST(r.body.empty());
            BOOST_TEST(r.header("content-length") == "0");
            BOOST_TEST(r.header("content-type").empty());
            std::string const location = r.header("location");
            std::string const operations = server().url(c + "/operations/");
            BOOST_TEST_REQUIRE(location.compare(0, operations.size(), operations) == 0);
            std::string const op_id = location.substr(operations.size());
            BOOST_TEST(std::regex_match(op_id, std::regex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));

            // The operation: a connectionOperation, completed.
            auto const op = get(c + "/operations/" + op_id);
            BOOST_TEST(op.status == 200);
            BOOST_TEST(op.json() == json::parse(R"({"@odata.context":")" +
                server().url("/" + version + "/$metadata#external/connections('contosohr')/operations/$entity") +
                R"(","id":")" + op_id + R"(","status":"completed"})"));
            check_error(get(c + "/operations/" + op_id + "0"), 404, "itemNotFound");

            // The schema as stored: the canonical form of what was sent, in
            // the path's version.
            auto const got = get(c + "/schema");
            BOOST_TEST(got.status == 200);
            BOOST_TEST(got.json().at("@odata.context").as_string() ==
                server().url("/" + version + "/$metadata#external/connections('contosohr')/schema/$entity"));
            gs::encode_options written;
            written.version = create_options(path).version;
            BOOST_TEST(without_context(got.body) ==
                gs::encode(*gs::decode<gs::graph::schema>(schema_body), written));
            // HEAD: the GET's status and length, no body.
            auto const head = send("HEAD", c + "/schema");
            BOOST_TEST(head.status == 200);
            BOOST_TEST(head.header("content-length") == std::to_string(got.body.size()));

            // The connection is ready; beta counts its items (none yet).
            auto const conn = get(beta + "/contosohr").json();
            BOOST_TEST(conn.at("state") == "ready");
            BOOST_TEST(conn.at("ingestedItemsCount") == 0);
            BOOST_TEST(conn.at("quota").at("itemsRemaining") == 5000000);

            // A second registration replaces the first, with an operation
            // of its own; a connection remembers its latest 16.
            auto const second = patch(c + "/schema",
                R"({"baseType":"microsoft.graph.externalItem","properties":[{"name":"x","type":"string"}]})");
            BOOST_TEST(second.status == 202);
            BOOST_TEST(second.header("location") != location);
            BOOST_TEST(get(c + "/schema").json().at("properties").as_array().size() == 1u);
            BOOST_TEST(get(c + "/operations/" + op_id).status == 200);
            for(int i = 0; i < 15; ++i)
                BOOST_TEST_REQUIRE(patch(c + "/schema", schema_body).status == 202);
            check_error(get(c + "/operations/" + op_id), 404, "itemNotFound");
            auto const last = patch(c + "/schema", schema_body).header("location");
            BOOST_TEST(get(last.substr(last.find("/" + version + "/"))).status == 200);

            BOOST_TEST(remove(c).status == 204);
        }
    }
}

BOOST_FIXTURE_TEST_CASE(an_invalid_schema_is_400_with_a_detail_per_issue, fixture)
{
    BOOST_TEST_REQUIRE(post(beta, create_body("contosohr")).status == 201);
    std::string const c = beta + "/contosohr";
    // Rules: searchable only on strings, names unique ignoring case, a
    // name with a forbidden character, the base type.
    std::string const broken = R"({"baseType":"microsoft.graph.item","properties":[)"
        R"({"name":"title","type":"int64","isSearchable":true},)"
        R"({"name":"Title","type":"string"},{"name":"a:b","type":"string"}]})";
    auto const e = check_error(patch(c + "/schema", broken), 400, "invalidRequest");
    check_details(e, gs::validate<gs::graph::schema>(broken, create_options(beta)));
    BOOST_TEST((detail_set(e) == details{{"constraint_violation", "/baseType"},
        {"constraint_violation", "/properties/0/isSearchable"},
        {"constraint_violation", "/properties/1/name"},
        {"constraint_violation", "/properties/2/name"}}));
    BOOST_TEST(std::string(e.at("message").as_string().c_str()).find("not a valid schema for create") != std::string::npos);

    // The docs' own example sends "String" and "true": refused as the
    // decisions say.
    auto const docs = check_error(patch(c + "/schema", R"({"baseType":"microsoft.graph.externalItem",)"
        R"("properties":[{"name":"ticketTitle","type":"String","isSearchable":"true"}]})"),
        400, "RequestBodyRead");
    BOOST_TEST((detail_set(docs) == details{{"invalid_enum", "/properties/0/type"},
        {"type_mismatch", "/properties/0/isSearchable"}}));
    // No properties, or 129 of them.
    check_error(patch(c + "/schema", R"({"baseType":"microsoft.graph.externalItem","properties":[]})"),
        400, "invalidRequest");
    std::string many = R"({"baseType":"microsoft.graph.externalItem","properties":[)";
    for(int i = 0; i < 129; ++i)
        many += (i ? "," : "") + std::string(R"({"name":"p)") + std::to_string(i) + R"(","type":"string"})";
    check_error(patch(c + "/schema", many + "]}"), 400, "invalidRequest");
    // Under /v1.0, beta's rankingHint is a member v1.0 does not have.
    std::string const ranked = R"({"baseType":"microsoft.graph.externalItem","properties":[)"
        R"({"name":"t","type":"string","rankingHint":{"importanceScore":"high"}}]})";
    auto const v1_ranked = check_error(patch(v1 + "/contosohr/schema", ranked), 400, "RequestBodyRead");
    BOOST_TEST((detail_set(v1_ranked) == details{{"unknown_property", "/properties/0/rankingHint"}}));
    check_error(patch(c + "/schema", R"({"baseType":)"), 400, "RequestBodyRead");
    check_error(send("PATCH", c + "/schema", schema_body, {"Content-Type: text/plain"}),
        415, "unsupportedMediaType");
    check_error(patch(beta + "/missing1/schema", schema_body), 404, "itemNotFound");
    check_error(send("PUT", c + "/schema", schema_body), 405, "notAllowed");
    BOOST_TEST(send("DELETE", c + "/schema").header("allow") == "GET, HEAD, PATCH");
    BOOST_TEST(send("POST", c + "/operations/x", "{}").header("allow") == "GET, HEAD");

    // Nothing was registered: still a draft, and items are refused.
    check_error(get(c + "/schema"), 404, "itemNotFound");
    BOOST_TEST(get(c).json().at("state") == "draft");
    check_error(put(c + "/items/a1", item_body(valid_properties)), 409, "schemaNotRegistered");
    // The beta schema is fine under /beta.
    BOOST_TEST(patch(c + "/schema", ranked).status == 202);
}

BOOST_FIXTURE_TEST_CASE(an_item_before_any_schema_is_409, fixture)
{
    BOOST_TEST_REQUIRE(post(v1, create_body("contosohr")).status == 201);
    auto const e = check_error(put(v1 + "/contosohr/items/TSP228082938", item_body(valid_properties)),
        409, "schemaNotRegistered");
    BOOST_TEST(e.at("details").as_array().empty());
    BOOST_TEST(std::string(e.at("message").as_string().c_str()).find("has no schema yet") !=
        std::string::npos);
    check_error(get(v1 + "/contosohr/items/TSP228082938"), 404, "itemNotFound");
    // The unknown connection is a 404 first.
    check_error(put(v1 + "/missing1/items/a1", item_body(valid_properties)), 404, "itemNotFound");
}

BOOST_FIXTURE_TEST_CASE(items_are_checked_against_the_registered_schema, fixture)
{
    BOOST_TEST_REQUIRE(post(beta, create_body("contosohr")).status == 201);
    std::string const c = beta + "/contosohr";
    BOOST_TEST_REQUIRE(patch(c + "/schema", schema_body).status == 202);
    // The same validator, made here: the server's details are its report.
    gs::item_validator const validator(schema_body, create_options(beta));

    struct bad
    {
        char const* why;
        std::string body;
        char const* code;
        details expected;
    } const cases[] = {
        {"an undeclared property", item_body(R"("title":"t","severity":3)"), "RequestBodyRead",
            {{"unknown_property", "/properties/severity"}}},
        {"an int64 with a fraction", item_body(R"("priority":1.5)"), "RequestBodyRead",
            {{"type_mismatch", "/properties/priority"}}},
        {"a boolean as a string", item_body(R"("open":"true")"), "RequestBodyRead",
            {{"type_mismatch", "/properties/open"}}},
        {"a string for an int64", item_body(R"("priority":"1")"), "RequestBodyRead",
            {{"type_mismatch", "/properties/priority"}}},
        {"a dateTime that is not ISO 8601", item_body(R"("due":"03/01/2026")"), "invalidRequest",
            {{"constraint_violation", "/properties/due"}}},
        {"a date that does not exist", item_body(R"("due":"2026-02-30T00:00:00Z")"), "invalidRequest",
            {{"constraint_violation", "/properties/due"}}},
        {"a collection without its annotation", item_body(R"("tags":["a"])"), "invalidRequest",
            {{"missing_required", "/properties/tags@odata.type"}}},
        {"a collection with another type's annotation",
            item_body(R"j("tags@odata.type":"Collection(Int64)","tags":["a"])j"), "RequestBodyRead",
            {{"odata_type_mismatch", "/properties/tags@odata.type"}}},
        {"an element of the wrong type",
            item_body(R"j("tags@odata.type":"Collection(String)","tags":["a",2])j"), "RequestBodyRead",
            {{"type_mismatch", "/properties/tags/1"}}},
        {"empty properties", item_body(""), "invalidRequest", {{"constraint_violation", "/properties"}}},
        {"no acl", R"({"properties":{"title":"t"}})", "invalidRequest", {{"missing_required", "/acl"}}},
        {"an id that is not alphanumeric", item_body(R"("title":"t")", R"("id":"a-1",)"),
            "invalidRequest", {{"constraint_violation", "/id"}}},
        {"not JSON", R"({"acl":)", "RequestBodyRead", {{"syntax_error", ""}}},
        {"four at once", item_body(R"("title":7,"due":"soon","tags":[],"x":1)"), "RequestBodyRead",
            {{"type_mismatch", "/properties/title"}, {"constraint_violation", "/properties/due"},
             {"missing_required", "/properties/tags@odata.type"}, {"unknown_property", "/properties/x"}}},
    };
    for(auto const& b : cases)
    {
        BOOST_TEST_CONTEXT(b.why)
        {
            auto const e = check_error(put(c + "/items/a1", b.body), 400, b.code);
            BOOST_TEST(detail_set(e) == b.expected);
            check_details(e, validator.validate(b.body, create_options(beta)));
            BOOST_TEST(std::string(e.at("message").as_string().c_str())
                .find("the body is not a valid externalItem for create") == 0u);
        }
    }
    // None was stored.
    check_error(get(c + "/items/a1"), 404, "itemNotFound");
    BOOST_TEST(get(c).json().at("ingestedItemsCount") == 0);

    // A valid one: 200 without a body; then the canonical item, its
    // properties as sent, the path's id added.
    std::string const valid = item_body(valid_properties);
    auto const r = put(c + "/items/a1", valid);
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body.empty());
    BOOST_TEST(r.header("content-length") == "0");
    auto expected = validator.decode(valid, create_options(beta));
    BOOST_TEST_REQUIRE(expected.ok());
    expected->id = "a1";
    for(auto const& path : {beta, v1})
    {
        auto const got = get(path + "/contosohr/items/a1");
        BOOST_TEST(got.status == 200);
        gs::encode_options written;
        written.version = create_options(path).version;
        BOOST_TEST(without_context(got.body) == gs::encode(*expected, written));
        BOOST_TEST(got.json().at("@odata.context").as_string() == server().url("/" +
            std::string(path == v1 ? "v1.0" : "beta") + "/$metadata#external/connections('contosohr')/items/$entity"));
        BOOST_TEST(got.json().at("properties").at("tags") == json::array({"pay", "gw"}));
    }
    BOOST_TEST(get(c).json().at("ingestedItemsCount") == 1);
    BOOST_TEST(get(c).json().at("quota").at("itemsRemaining") == 4999999);

    // Overwritten by the next PUT of that id; the body's id may be sent
    // when it is the path's.
    BOOST_TEST(put(c + "/items/a1", item_body(R"("title":"Renamed")", R"("id":"a1",)")).status == 200);
    BOOST_TEST(get(c + "/items/a1").json().at("properties") ==
        json::parse(R"({"@odata.type":"#microsoft.graph.externalConnectors.properties","title":"Renamed"})"));
    BOOST_TEST(get(c).json().at("ingestedItemsCount") == 1);

    // Another id in the body: 400, pointing at /id; the item is unchanged.
    auto const mismatch = check_error(put(c + "/items/a1", item_body(R"("title":"x")", R"("id":"a2",)")),
        400, "invalidRequest");
    BOOST_TEST((detail_set(mismatch) == details{{"constraint_violation", "/id"}}));
    BOOST_TEST(get(c + "/items/a1").json().at("properties").at("title") == "Renamed");
    check_error(get(c + "/items/a2"), 404, "itemNotFound");

    // The id in the path: 1 to 128 ASCII letters or digits.
    BOOST_TEST(put(c + "/items/" + std::string(128, 'z'), valid).status == 200);
    for(std::string const& id : {std::string(129, 'z'), std::string("a-1"), std::string("a.b"),
            std::string("%C3%A9t%C3%A9"), std::string("a%20b")})
    {
        BOOST_TEST_CONTEXT(id)
        {
            auto const e = check_error(put(c + "/items/" + id, valid), 400, "invalidRequest");
            BOOST_TEST(e.at("details").as_array().empty());
            BOOST_TEST(std::string(e.at("message").as_string().c_str()).find("1 to 128 ASCII letters or digits") !=
                std::string::npos);
        }
    }
    check_error(send("PUT", c + "/items/a3", valid, {"Content-Type: text/plain"}), 415, "unsupportedMediaType");
    check_error(send("POST", c + "/items/a3", valid), 405, "notAllowed");
    BOOST_TEST(send("PATCH", c + "/items/a3", valid).header("allow") == "GET, HEAD, PUT, DELETE");
    // Items are reached one by one: the collection is no route.
    check_error(get(c + "/items"), 404, "itemNotFound");
    BOOST_TEST(get(c).json().at("ingestedItemsCount") == 2);

    // DELETE: 204, then 404.
    auto const gone = remove(c + "/items/a1");
    BOOST_TEST(gone.status == 204);
    BOOST_TEST(gone.body.empty());
    check_error(get(c + "/items/a1"), 404, "itemNotFound");
    check_error(remove(c + "/items/a1"), 404, "itemNotFound");
    check_error(remove(beta + "/missing1/items/a1"), 404, "itemNotFound");
    BOOST_TEST(get(c).json().at("ingestedItemsCount") == 1);
    BOOST_TEST(get(c).json().at("quota").at("itemsRemaining") == 4999999);

    // A new schema applies to the next items; those held stay.
    BOOST_TEST(patch(c + "/schema", R"({"baseType":"microsoft.graph.externalItem",)"
        R"("properties":[{"name":"severity","type":"int64"}]})").status == 202);
    BOOST_TEST(put(c + "/items/a4", item_body(R"("severity":3)")).status == 200);
    check_error(put(c + "/items/a5", item_body(R"("title":"t")")), 400, "RequestBodyRead");
    BOOST_TEST(get(c + "/items/" + std::string(128, 'z')).status == 200);
}

BOOST_FIXTURE_TEST_CASE(groups_and_members, fixture)
{
    BOOST_TEST_REQUIRE(post(v1, create_body("contosohr")).status == 201);
    std::string const c = v1 + "/contosohr";
    std::string const group = R"({"id":"31bea3d537902000","displayName":"Contoso Marketing",)"
        R"("description":"The product marketing team"})";
    auto const created = post(c + "/groups", group);
    BOOST_TEST(created.status == 201);
    BOOST_TEST(created.json().at("@odata.context").as_string() ==
        server().url("/v1.0/$metadata#external/connections('contosohr')/groups/$entity"));
    gs::encode_options written;
    written.version = gs::api_version::v1_0;
    BOOST_TEST(without_context(created.body) ==
        gs::encode(*gs::decode<gs::graph::external_group>(group), written));
    auto const got = get(beta + "/contosohr/groups/31bea3d537902000");
    BOOST_TEST(got.status == 200);
    BOOST_TEST(got.json().at("displayName") == "Contoso Marketing");
    BOOST_TEST(send("HEAD", c + "/groups/31bea3d537902000").status == 200);

    auto const twice = check_error(post(c + "/groups", group), 409, "nameAlreadyExists");
    BOOST_TEST(twice.at("details").as_array().empty());
    auto const bad_id = check_error(post(c + "/groups", R"({"id":"a-b","displayName":"x"})"),
        400, "invalidRequest");
    BOOST_TEST((detail_set(bad_id) == details{{"constraint_violation", "/id"}}));
    auto const no_id = check_error(post(c + "/groups", R"({"displayName":"x"})"), 400, "invalidRequest");
    BOOST_TEST((detail_set(no_id) == details{{"missing_required", "/id"}}));
    auto const members_sent = check_error(post(c + "/groups", R"({"id":"g2","members":[]})"),
        400, "invalidRequest");
    BOOST_TEST((detail_set(members_sent) == details{{"read_only_property", "/members"}}));
    check_error(get(c + "/groups/g2"), 404, "itemNotFound");
    check_error(send("POST", c + "/groups", group, {"Content-Type: text/plain"}), 415, "unsupportedMediaType");
    check_error(post(v1 + "/missing1/groups", group), 404, "itemNotFound");
    BOOST_TEST(send("GET", c + "/groups").header("allow") == "POST");
    BOOST_TEST(send("PATCH", c + "/groups/31bea3d537902000", "{}").header("allow") == "GET, HEAD, DELETE");

    // Members: an Entra user, a group, another external group.
    std::string const members = c + "/groups/31bea3d537902000/members";
    for(std::string const m : {R"({"id":"e811976d-83df-4cbd-8b9b-5215b18aa874","type":"user"})",
            R"({"id":"e5477431-1038-484e-bf69-1dfedb97a110","type":"group"})",
            R"({"id":"1431b9c38ee647f6a","type":"externalGroup"})"})
    {
        auto const r = post(members, m);
        BOOST_TEST(r.status == 201);
        BOOST_TEST(r.json().at("@odata.context").as_string() == server().url(
            "/v1.0/$metadata#external/connections('contosohr')/groups('31bea3d537902000')/members/$entity"));
        BOOST_TEST(without_context(r.body) == gs::encode(*gs::decode<gs::graph::identity>(m), written));
    }
    check_error(post(members, R"({"id":"1431b9c38ee647f6a","type":"externalGroup"})"), 409, "nameAlreadyExists");
    // The docs' example with a trailing comma, an unknown type, no type.
    check_error(post(members, R"({"id":"x1","type":"externalGroup",})"), 400, "RequestBodyRead");
    auto const robot = check_error(post(members, R"({"id":"x1","type":"robot"})"), 400, "RequestBodyRead");
    BOOST_TEST((detail_set(robot) == details{{"invalid_enum", "/type"}}));
    auto const untyped = check_error(post(members, R"({"id":"x1"})"), 400, "invalidRequest");
    BOOST_TEST((detail_set(untyped) == details{{"missing_required", "/type"}}));
    check_error(post(c + "/groups/nogroup/members", R"({"id":"x1","type":"user"})"), 404, "itemNotFound");
    check_error(send("POST", members, R"({"id":"x1","type":"user"})", {"Content-Type: text/xml"}),
        415, "unsupportedMediaType");
    BOOST_TEST(send("GET", members).header("allow") == "POST");
    BOOST_TEST(send("GET", members + "/1431b9c38ee647f6a").header("allow") == "DELETE");

    auto const removed = remove(members + "/1431b9c38ee647f6a");
    BOOST_TEST(removed.status == 204);
    check_error(remove(members + "/1431b9c38ee647f6a"), 404, "itemNotFound");
    BOOST_TEST(post(members, R"({"id":"1431b9c38ee647f6a","type":"externalGroup"})").status == 201);

    // Deleting the group deletes its members.
    BOOST_TEST(remove(c + "/groups/31bea3d537902000").status == 204);
    check_error(get(c + "/groups/31bea3d537902000"), 404, "itemNotFound");
    check_error(remove(c + "/groups/31bea3d537902000"), 404, "itemNotFound");
    check_error(remove(members + "/1431b9c38ee647f6a"), 404, "itemNotFound");
    BOOST_TEST(post(c + "/groups", group).status == 201);
    BOOST_TEST(post(members, R"({"id":"1431b9c38ee647f6a","type":"externalGroup"})").status == 201);
}

BOOST_FIXTURE_TEST_CASE(deleting_a_connection_deletes_what_it_held, fixture)
{
    std::string const c = beta + "/contosohr";
    BOOST_TEST_REQUIRE(post(beta, create_body("contosohr")).status == 201);
    BOOST_TEST_REQUIRE(patch(c + "/schema", schema_body).status == 202);
    BOOST_TEST_REQUIRE(put(c + "/items/a1", item_body(valid_properties)).status == 200);
    BOOST_TEST_REQUIRE(post(c + "/groups", R"({"id":"g1"})").status == 201);
    BOOST_TEST(remove(c).status == 204);
    check_error(get(c + "/items/a1"), 404, "itemNotFound");
    BOOST_TEST_REQUIRE(post(beta, create_body("contosohr")).status == 201);
    check_error(get(c + "/schema"), 404, "itemNotFound");
    check_error(get(c + "/items/a1"), 404, "itemNotFound");
    check_error(get(c + "/groups/g1"), 404, "itemNotFound");
    check_error(put(c + "/items/a1", item_body(valid_properties)), 409, "schemaNotRegistered");
}

BOOST_AUTO_TEST_CASE(the_store_is_bounded)
{
    {
        // Three items a connection; an overwrite is no new item.
        fixture f({"--items-quota", "3"});
        std::string const c = beta + "/contosohr";
        BOOST_TEST_REQUIRE(f.post(beta, create_body("contosohr")).status == 201);
        BOOST_TEST(f.get(c).json().at("quota").at("itemsRemaining") == 3);
        BOOST_TEST_REQUIRE(f.patch(c + "/schema", schema_body).status == 202);
        for(std::string const id : {"a1", "a2", "a3"})
            BOOST_TEST(f.put(c + "/items/" + id, item_body(valid_properties)).status == 200);
        BOOST_TEST(f.get(c).json().at("quota").at("itemsRemaining") == 0);
        auto const e = check_error(f.put(c + "/items/a4", item_body(valid_properties)), 507, "quotaLimitReached");
        BOOST_TEST(std::string(e.at("message").as_string().c_str()).find("quota of 3 items") != std::string::npos);
        BOOST_TEST(f.put(c + "/items/a3", item_body(R"("title":"again")")).status == 200);
        // Another connection has a quota of its own.
        BOOST_TEST_REQUIRE(f.post(beta, create_body("other")).status == 201);
        BOOST_TEST_REQUIRE(f.patch(beta + "/other/schema", schema_body).status == 202);
        BOOST_TEST(f.put(beta + "/other/items/a4", item_body(valid_properties)).status == 200);
        BOOST_TEST(f.remove(c + "/items/a1").status == 204);
        BOOST_TEST(f.put(c + "/items/a4", item_body(valid_properties)).status == 200);
    }
    {
        // 8,000 bytes for everything: a connection, its schema, items of
        // about 1 KB until the store is full.
        fixture f({"--max-store-bytes", "8000", "--max-bytes", "3000"});
        std::string const c = beta + "/contosohr";
        BOOST_TEST_REQUIRE(f.post(beta, create_body("contosohr")).status == 201);
        BOOST_TEST_REQUIRE(f.patch(c + "/schema", schema_body).status == 202);
        std::string const big = item_body(R"("title":")" + std::string(1000, 'x') + "\"");
        int stored = 0;
        reply r;
        for(; stored < 10; ++stored)
        {
            r = f.put(c + "/items/b" + std::to_string(stored), big);
            if(r.status != 200)
                break;
        }
        BOOST_TEST(stored >= 3);
        BOOST_TEST(stored < 10);
        auto const e = check_error(r, 507, "quotaLimitReached");
        BOOST_TEST(std::string(e.at("message").as_string().c_str()).find("the store is full") == 0u);
        // Nothing else of that size fits either: a connection, a group.
        std::string const d2000 = std::string(2000, 'd');
        check_error(f.post(beta, R"({"id":"other","name":"n","description":")" + d2000 +
            R"(","configuration":{}})"), 507, "quotaLimitReached");
        check_error(f.post(c + "/groups", R"({"id":"g1","description":")" + d2000 + "\"}"),
            507, "quotaLimitReached");
        // A body over --max-bytes is 413 first.
        check_error(f.put(c + "/items/b0", item_body(R"("title":")" + std::string(3000, 'x') + "\"")),
            413, "requestEntityTooLarge");
        // Deleting frees room: an item, or the whole connection.
        BOOST_TEST(f.remove(c + "/items/b0").status == 204);
        BOOST_TEST(f.put(c + "/items/b" + std::to_string(stored), big).status == 200);
        BOOST_TEST(f.remove(c).status == 204);
        BOOST_TEST(f.post(beta, create_body("other")).status == 201);
        BOOST_TEST(f.patch(beta + "/other/schema", schema_body).status == 202);
        BOOST_TEST(f.put(beta + "/other/items/b0", big).status == 200);
    }
}

// beta's members below the top (an acl entry's identitySource, a
// property's rankingHint and isExactMatchRequired) are left out of the
// v1.0 view, which is then a valid v1.0 read body; the beta view keeps them.
BOOST_FIXTURE_TEST_CASE(the_v1_view_of_a_schema_and_an_item_leaves_beta_members_out, fixture)
{
    std::string const c = "/external/connections/contosohr";
    BOOST_TEST_REQUIRE(post(beta, create_body("contosohr")).status == 201);
    BOOST_TEST_REQUIRE(patch("/beta" + c + "/schema", R"({"baseType":"microsoft.graph.externalItem",)"
        R"("properties":[{"name":"title","type":"string","rankingHint":{"importanceScore":"high"}},)"
        R"({"name":"code","type":"string","isExactMatchRequired":true}]})").status == 202);
    BOOST_TEST_REQUIRE(put("/beta" + c + "/items/a1", R"({"acl":[{"type":"group","value":"g",)"
        R"("accessType":"grant","identitySource":"external"}],"properties":{"title":"t"}})").status == 200);

    gs::decode_options read;
    read.operation = gs::operation::read;
    read.unknown = gs::unknown_policy::reject;
    auto const beta_schema = get("/beta" + c + "/schema").json();
    BOOST_TEST(beta_schema.at("properties").at(0).at("rankingHint").at("importanceScore") == "high");
    BOOST_TEST(beta_schema.at("properties").at(1).at("isExactMatchRequired") == true);
    BOOST_TEST(get("/beta" + c + "/items/a1").json().at("acl").at(0).at("identitySource") == "external");

    read.version = gs::api_version::v1_0;
    auto const v1_schema = get("/v1.0" + c + "/schema");
    BOOST_TEST(!v1_schema.json().at("properties").at(0).as_object().contains("rankingHint"));
    BOOST_TEST(!v1_schema.json().at("properties").at(1).as_object().contains("isExactMatchRequired"));
    BOOST_TEST(gs::validate<gs::graph::schema>(v1_schema.body, read).ok());
    auto const v1_item = get("/v1.0" + c + "/items/a1");
    BOOST_TEST(!v1_item.json().at("acl").at(0).as_object().contains("identitySource"));
    BOOST_TEST(gs::validate<gs::graph::external_item>(v1_item.body, read).ok());
    // Under /v1.0, a body that sends them is refused: v1.0 has no such members.
    auto const e = check_error(put("/v1.0" + c + "/items/a2", R"({"acl":[{"type":"group","value":"g",)"
        R"("accessType":"grant","identitySource":"external"}],"properties":{"title":"t"}})"), 400, "RequestBodyRead");
    BOOST_TEST((detail_set(e) == details{{"unknown_property", "/acl/0/identitySource"}}));
}
