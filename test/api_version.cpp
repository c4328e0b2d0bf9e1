//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE api_version
#include "test_support.hpp"

#include <boost/json/parse.hpp>

#include <optional>
#include <sstream>
#include <string>

// API versions: members of one version only, required members that depend
// on the version as well as the operation, type names written per version.

namespace gs = graphschema;
namespace graph = graphschema::graph;
using test::summary;

namespace contoso {

namespace gs = graphschema;

struct widget
{
    std::optional<std::string> id;
    gs::nullable<std::string> note;
    gs::nullable<std::string> preview_flag;
    gs::preserved_members more;
};

#if defined(__clang__)
# pragma clang diagnostic push
# pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif
BOOST_DESCRIBE_STRUCT(widget, (), (id, note, preview_flag, more))
#if defined(__clang__)
# pragma clang diagnostic pop
#endif

constexpr auto
graphschema_model(gs::model_tag<widget>)
{
    return gs::model("contoso.widgets.widget", "contoso.widgets.v2.widget")
        .written_in(gs::api_version::v1_0, "contoso.widgets.v2.widget")
        .member("id", gs::required(gs::operation::create))
        .member("note", gs::required_in(gs::api_version::beta, gs::operation::create))
        .member("preview_flag", gs::only_in(gs::api_version::beta));
}

} // contoso

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

gs::encode_options
written(gs::api_version v)
{
    gs::encode_options o;
    o.version = v;
    return o;
}

} // namespace

BOOST_AUTO_TEST_CASE(names)
{
    BOOST_TEST(gs::to_string(gs::api_version::v1_0) == "v1.0");
    BOOST_TEST(gs::to_string(gs::api_version::beta) == "beta");
    BOOST_TEST((gs::api_version_from_string("v1.0") == gs::api_version::v1_0));
    BOOST_TEST((gs::api_version_from_string("beta") == gs::api_version::beta));
    BOOST_TEST(!gs::api_version_from_string("v1").has_value());
    BOOST_TEST(!gs::api_version_from_string("Beta").has_value());
    std::ostringstream os;
    os << gs::api_version::v1_0;
    BOOST_TEST(os.str() == "v1.0");
    BOOST_TEST((gs::decode_options{}.version == gs::api_version::beta));
}

BOOST_AUTO_TEST_CASE(required_depends_on_the_version)
{
    BOOST_TEST(summary(gs::validate<contoso::widget>(R"({"id":"w"})", options(gs::api_version::beta))) ==
        "missing_required /note");
    BOOST_TEST(gs::validate<contoso::widget>(R"({"id":"w"})", options(gs::api_version::v1_0)).ok());
    // And on the operation: beta's update requires nothing.
    BOOST_TEST(gs::validate<contoso::widget>(R"({})", options(gs::api_version::beta, gs::operation::update)).ok());
}

BOOST_AUTO_TEST_CASE(a_member_of_one_version_is_unknown_in_the_other)
{
    char const* const body = R"({"id":"w","previewFlag":"on"})";
    auto const v1 = options(gs::api_version::v1_0, gs::operation::read);
    auto const kept = gs::decode<contoso::widget>(body, v1);
    BOOST_REQUIRE(kept.ok());
    BOOST_TEST(kept->preview_flag.is_absent());
    BOOST_TEST(kept->more.contains("previewFlag"));

    auto const refused = gs::validate<contoso::widget>(body,
        options(gs::api_version::v1_0, gs::operation::read, gs::unknown_policy::reject));
    BOOST_TEST(summary(refused) == "unknown_property /previewFlag");

    auto const beta = gs::decode<contoso::widget>(body, options(gs::api_version::beta, gs::operation::read));
    BOOST_REQUIRE(beta.ok());
    BOOST_TEST(beta->preview_flag.value() == "on");
}

BOOST_AUTO_TEST_CASE(a_struct_with_a_member_of_the_other_version)
{
    contoso::widget w;
    w.id = "w";
    w.preview_flag = std::string("on");
    auto const r = gs::validate(w, options(gs::api_version::v1_0, gs::operation::update,
        gs::unknown_policy::reject));
    BOOST_TEST(summary(r) == "unknown_property /previewFlag");
    // Encoding writes what the value holds, in either version (nothing is
    // dropped); the version names the type. validate says what v1.0 lacks.
    BOOST_TEST(gs::encode(w, written(gs::api_version::v1_0)) ==
        R"({"@odata.type":"#contoso.widgets.v2.widget","id":"w","previewFlag":"on"})");
    BOOST_TEST(gs::encode(w, written(gs::api_version::beta)) ==
        R"({"@odata.type":"#contoso.widgets.widget","id":"w","previewFlag":"on"})");
}

BOOST_AUTO_TEST_CASE(either_type_name_is_accepted_in_either_version)
{
    for(auto v : {gs::api_version::v1_0, gs::api_version::beta})
        for(char const* body : {R"({"@odata.type":"#contoso.widgets.widget","id":"w"})",
                R"({"@odata.type":"contoso.widgets.v2.widget","id":"w"})"})
            BOOST_TEST(gs::validate<contoso::widget>(body, options(v, gs::operation::read)).ok(), body);
}

BOOST_AUTO_TEST_CASE(graphs_connection_per_version)
{
    graph::external_connection c;
    c.id = "contosohr";
    BOOST_TEST(gs::encode(c, written(gs::api_version::v1_0)) ==
        R"({"@odata.type":"#microsoft.graph.externalConnectors.externalConnection","id":"contosohr"})");
    BOOST_TEST(gs::encode(c, written(gs::api_version::beta)) ==
        R"({"@odata.type":"#microsoft.graph.externalConnection","id":"contosohr"})");
    auto const create_v1 = options(gs::api_version::v1_0);
    BOOST_TEST(gs::validate<graph::external_connection>(R"({"id":"contosohr","name":"Contoso HR"})",
        create_v1).ok());
    BOOST_TEST(summary(gs::validate<graph::external_connection>(R"({"id":"contosohr","name":"Contoso HR"})",
        options(gs::api_version::beta))) == "missing_required /description; missing_required /configuration");
}

BOOST_AUTO_TEST_CASE(the_dom_agrees)
{
    for(auto v : {gs::api_version::v1_0, gs::api_version::beta})
        for(char const* body : {R"({"id":"w"})", R"({"id":"w","previewFlag":"x"})", R"({"previewFlag":null})"})
        {
            auto const o = options(v, gs::operation::create, gs::unknown_policy::reject);
            auto const text = gs::validate<contoso::widget>(body, o);
            auto const dom = gs::validate<contoso::widget>(boost::json::parse(body), o);
            BOOST_TEST(summary(text) == summary(dom), body);
        }
}

// A member required in every version's create but present in beta only is
// not missing in v1.0, where it is no member (found by review).
namespace contoso {

struct gadget
{
    gs::nullable<std::string> x;
    gs::preserved_members more;
};

#if defined(__clang__)
# pragma clang diagnostic push
# pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif
BOOST_DESCRIBE_STRUCT(gadget, (), (x, more))
#if defined(__clang__)
# pragma clang diagnostic pop
#endif

constexpr auto
graphschema_model(gs::model_tag<gadget>)
{
    return gs::model("contoso.widgets.gadget")
        .member("x", gs::required(gs::operation::create), gs::only_in(gs::api_version::beta));
}

} // contoso

BOOST_AUTO_TEST_CASE(a_required_member_of_one_version_is_not_missing_in_the_other)
{
    auto const v1 = options(gs::api_version::v1_0);
    BOOST_TEST(gs::validate<contoso::gadget>(R"({})", v1).ok());
    BOOST_TEST(gs::validate<contoso::gadget>(R"({"x":"a"})", v1).ok());
    BOOST_TEST(summary(gs::validate<contoso::gadget>(R"({})", options(gs::api_version::beta))) ==
        "missing_required /x");
    BOOST_TEST(gs::validate<contoso::gadget>(boost::json::parse("{}"), v1).ok());
}
