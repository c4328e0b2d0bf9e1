//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE graph_external_activity
#include "test_support.hpp"

#include <string>
#include <variant>

// graph/external_activity.hpp: activities on an item, their results, and
// the body of addActivities. The docs' example is CONNECTORS.md 23.11.

namespace gs = graphschema;
namespace graph = graphschema::graph;
using test::summary;

namespace {

gs::decode_options
options(gs::api_version v, gs::operation op = gs::operation::create,
    gs::unknown_policy u = gs::unknown_policy::preserve)
{
    gs::decode_options o;
    o.version = v;
    o.operation = op;
    o.unknown = u;
    return o;
}

// 23.11, verbatim.
char const* const add_activities = R"({
  "activities": [
    {
      "@odata.type": "#microsoft.graph.externalConnectors.externalActivity",
      "type": "created",
      "startDateTime": "2021-04-06T18:04:31.033Z",
      "performedBy": {
        "type": "user",
        "id": "1f0c997e-99f7-43f1-8cca-086f8d42be8d"
      }
    }
  ]
})";

// An element of the 23.11 response's "value".
char const* const result = R"({
      "@odata.type": "#microsoft.graph.externalConnectors.externalActivityResult",
      "type": "created",
      "startDateTime": "2021-04-06T18:04:31.033Z",
      "error": null
    })";

} // namespace

BOOST_AUTO_TEST_CASE(the_example_is_valid)
{
    auto const o = options(gs::api_version::v1_0, gs::operation::create, gs::unknown_policy::reject);
    auto const r = gs::decode<graph::add_activities>(add_activities, o);
    BOOST_REQUIRE_MESSAGE(r.ok(), summary(r.report()));
    BOOST_REQUIRE(r->activities->size() == 1u);
    auto const* a = std::get_if<graph::external_activity>(&r->activities->at(0).as_variant());
    BOOST_REQUIRE(a != nullptr);
    BOOST_TEST((a->type.value() == graph::external_activity_type::created));
    BOOST_TEST(a->start_date_time.value() == "2021-04-06T18:04:31.033Z");
    BOOST_TEST((a->performed_by.value().type.value() == graph::identity_type::user));

    gs::encode_options e;
    e.version = gs::api_version::v1_0;
    auto const text = gs::encode(*r, e);
    auto const again = gs::decode<graph::add_activities>(text, o);
    BOOST_REQUIRE(again.ok());
    BOOST_TEST((*again == *r));
    BOOST_TEST(gs::encode(*again, e) == text);
}

BOOST_AUTO_TEST_CASE(a_result)
{
    auto const read = options(gs::api_version::v1_0, gs::operation::read, gs::unknown_policy::reject);
    auto const r = gs::decode<graph::external_activity_result>(result, read);
    BOOST_REQUIRE_MESSAGE(r.ok(), summary(r.report()));
    BOOST_TEST(r->error.is_null());
    BOOST_TEST(gs::encode(*r, test::untyped()) ==
        R"({"startDateTime":"2021-04-06T18:04:31.033Z","type":"created","error":null})");
    // The error is the service's, kept as its JSON.
    auto const failed = gs::decode<graph::external_activity_result>(
        R"({"type":"viewed","startDateTime":"2021-04-06T18:04:31Z","error":{"code":"badRequest","message":"m"}})", read);
    BOOST_REQUIRE(failed.ok());
    BOOST_TEST(failed->error.value().text() == R"({"code":"badRequest","message":"m"})");
    // Not something to send.
    BOOST_TEST(summary(gs::validate<graph::external_activity_result>(result, options(gs::api_version::v1_0))) ==
        "read_only_property /error");
}

BOOST_AUTO_TEST_CASE(the_type_name_selects_the_activity_or_the_result)
{
    std::string const body = std::string(R"({"activities":[)") + result + "]}";
    auto const r = gs::decode<graph::add_activities>(body, options(gs::api_version::v1_0, gs::operation::read));
    BOOST_REQUIRE_MESSAGE(r.ok(), summary(r.report()));
    BOOST_TEST(std::holds_alternative<graph::external_activity_result>(r->activities->at(0).as_variant()));
    // Without one, an activity (the base is not abstract).
    auto const plain = gs::decode<graph::add_activities>(
        R"({"activities":[{"type":"viewed","startDateTime":"2021-04-06T18:04:31Z"}]})", options(gs::api_version::v1_0));
    BOOST_REQUIRE(plain.ok());
    BOOST_TEST(std::holds_alternative<graph::external_activity>(plain->activities->at(0).as_variant()));
}

BOOST_AUTO_TEST_CASE(what_a_request_requires)
{
    auto const o = options(gs::api_version::v1_0);
    BOOST_TEST(summary(gs::validate<graph::add_activities>(R"({})", o)) == "missing_required /activities");
    BOOST_TEST(summary(gs::validate<graph::add_activities>(R"({"activities":[]})", o)) ==
        "constraint_violation /activities");
    BOOST_TEST(summary(gs::validate<graph::add_activities>(
        R"({"activities":[{"performedBy":{"type":"robot"}}]})", o)) ==
        "invalid_enum /activities/0/performedBy/type; missing_required /activities/0/performedBy/id; "
        "missing_required /activities/0/startDateTime; missing_required /activities/0/type");
    BOOST_TEST(summary(gs::validate<graph::external_activity>(R"({"type":"shared","startDateTime":"2021-04-06T18:04:31Z"})", o)) ==
        "invalid_enum /type");
}
