//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// A Graph type the library does not ship, described with its engine:
// the external groups of a Graph connector
// (POST /external/connections/{id}/groups, and the body of
// POST .../groups/{id}/members, an identity). The same description
// validates, decodes, encodes and exports a JSON Schema.
//
// Prints what it does; exits 0 only when every result is the expected one.

#include <graphschema/graphschema.hpp>
#include <graphschema/schema.hpp>

#include <boost/json/serialize.hpp>

#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contoso {

namespace gs = graphschema;

// microsoft.graph.externalConnectors.identityType; JSON names in
// lowerCamelCase: "user", "group", "externalGroup", "unknownFutureValue".
enum class identity_type
{
    user,
    group,
    external_group,
    unknown_future_value
};
BOOST_DESCRIBE_ENUM(identity_type, user, group, external_group, unknown_future_value)

// A member of a group: a user, a group of the directory, or another
// external group.
struct identity
{
    std::optional<std::string> id;
    std::optional<identity_type> type;
    gs::preserved_members additional_data;
};

struct external_group
{
    std::optional<std::string> id;
    std::optional<std::string> display_name; // JSON: displayName
    std::optional<std::string> description;
    gs::preserved_members additional_data;
};

// Clang's -Wpedantic in C++17 flags the empty base list that every
// BOOST_DESCRIBE_STRUCT without bases passes on; the code is valid.
#if defined(__clang__)
# pragma clang diagnostic push
# pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif
BOOST_DESCRIBE_STRUCT(identity, (), (id, type, additional_data))
BOOST_DESCRIBE_STRUCT(external_group, (), (id, display_name, description, additional_data))
#if defined(__clang__)
# pragma clang diagnostic pop
#endif

constexpr auto
graphschema_model(gs::model_tag<identity>)
{
    return gs::model("microsoft.graph.externalConnectors.identity")
        .member("id", gs::required(gs::operation::create, gs::operation::read), gs::length(1, 128))
        .member("type", gs::required(gs::operation::create, gs::operation::read));
}

constexpr auto
graphschema_model(gs::model_tag<external_group>)
{
    // Graph: the id is alphanumeric, at most 128 characters, and is the
    // key (it cannot change). The bounds on the two texts are Contoso's own.
    return gs::model("microsoft.graph.externalConnectors.externalGroup")
        .member("id",
            gs::required(gs::operation::create, gs::operation::read),
            gs::read_only(gs::operation::update),
            gs::length(1, 128),
            gs::allowed_chars("A-Za-z0-9"))
        .member("display_name", gs::length(1, 256))
        .member("description", gs::length(0, 1024));
}

// Lets boost::json::value_from and value_to find the conversions.
using graphschema::tag_invoke;

} // contoso

namespace {

namespace gs = graphschema;
namespace json = boost::json;

int failures = 0;

void
expect(bool ok, char const* what)
{
    if(!ok)
    {
        std::cerr << "unexpected: " << what << '\n';
        ++failures;
    }
}

void
print(std::string_view title, gs::report const& r)
{
    std::cout << title << ": " << (r.ok() ? "valid" : "invalid") << '\n';
    for(auto const& i : r)
    {
        std::cout << "  ";
        if(i.line != 0) // a value built in code has no positions
            std::cout << i.line << ':' << i.column << ' ';
        std::cout << i.code << ' ' << i.pointer << ": " << i.message << '\n';
    }
}

} // namespace

int
main()
{
    // 1. A create body with three mistakes, all reported with where they are.
    char const* const bad = R"({
  "id": "hr-team",
  "displayName": "",
  "@odata.type": "#microsoft.graph.externalConnectors.externalItem"
})";
    auto const bad_report = gs::validate<contoso::external_group>(bad);
    print("bad create body", bad_report);
    expect(bad_report.size() == 3, "three issues");
    expect(bad_report.size() == 3 &&
        bad_report[0].code == gs::error::constraint_violation && bad_report[0].pointer == "/id" &&
        bad_report[0].line == 2 && bad_report[0].column == 9,
        "the hyphen in the id, at 2:9");
    expect(bad_report.size() == 3 &&
        bad_report[1].code == gs::error::constraint_violation && bad_report[1].pointer == "/displayName",
        "the empty displayName");
    expect(bad_report.size() == 3 &&
        bad_report[2].code == gs::error::odata_type_mismatch && bad_report[2].pointer == "/@odata.type",
        "the wrong @odata.type");

    // 2. The id is the key: an update must not send it.
    gs::decode_options update;
    update.operation = gs::operation::update;
    auto const renamed = gs::validate<contoso::external_group>(R"({"id":"hrteam","displayName":"HR"})", update);
    print("update sending the id", renamed);
    expect(renamed.size() == 1 && renamed[0].code == gs::error::read_only_property,
        "read_only_property for the id of an update");

    // 3. A valid body decodes; what the model does not declare is kept and
    //    written back after the declared members.
    auto group = gs::decode<contoso::external_group>(
        R"({"id":"hrteam","displayName":"HR team","members@odata.count":2,"owner":"ops"})");
    print("good create body", group.report());
    expect(group.ok() && *group->display_name == "HR team", "the decoded displayName");
    std::string const encoded = gs::encode(*group);
    std::cout << "encoded: " << encoded << '\n';
    expect(encoded ==
        R"({"@odata.type":"#microsoft.graph.externalConnectors.externalGroup","id":"hrteam",)"
        R"("displayName":"HR team","members@odata.count":2,"owner":"ops"})",
        "the canonical form");
    expect(gs::encode(*gs::decode<contoso::external_group>(encoded)) == encoded,
        "encoding what was decoded gives the same bytes");

    // 4. A member to add, built in code and checked before it is sent.
    contoso::identity member;
    member.id = "e811976d-83df-4cbd-8b9b-5215b18aa874";
    member.type = contoso::identity_type::user;
    auto const member_report = gs::validate(member);
    print("identity built in code", member_report);
    expect(member_report.ok(), "the identity is a valid create body");
    std::cout << "encoded: " << gs::encode(member) << '\n';
    expect(gs::encode(member) ==
        R"({"@odata.type":"#microsoft.graph.externalConnectors.identity",)"
        R"("id":"e811976d-83df-4cbd-8b9b-5215b18aa874","type":"user"})",
        "the identity's canonical form");
    contoso::identity nobody;
    nobody.type = contoso::identity_type::external_group;
    auto const nobody_report = gs::validate(nobody);
    print("identity without an id", nobody_report);
    expect(nobody_report.size() == 1 && nobody_report[0].code == gs::error::missing_required &&
        nobody_report[0].pointer == "/id", "missing_required /id");

    // 5. The same rules as a JSON Schema, for tools in other languages.
    json::value const schema = gs::json_schema<contoso::external_group>();
    std::cout << "JSON Schema (create): " << json::serialize(schema) << '\n';
    auto const& root = schema.as_object();
    auto const& id = root.at("properties").at("id").as_object();
    expect(root.at("required") == json::array{"id"}, "the schema requires the id");
    expect(id.at("maxLength") == 128 && id.at("minLength") == 1, "the id's length");
    expect(root.at("properties").at("displayName").at("maxLength") == 256, "the displayName's length");

    std::cout << (failures == 0 ? "all as expected\n" : "FAILED\n");
    return failures == 0 ? 0 : 1;
}
