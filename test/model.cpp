//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE model
#include <graphschema/graphschema.hpp>
#include <graphschema/detail/naming.hpp>
#include <graphschema/detail/tables.hpp>

#include <boost/test/unit_test.hpp>

#include <string>

namespace gs = graphschema;
namespace graph = graphschema::graph;

// The rules language is constexpr: these hold at compile time.
static_assert((gs::operation::create | gs::operation::read).contains(gs::operation::read), "");
static_assert(!(gs::operation::create | gs::operation::read).contains(gs::operation::update), "");
static_assert(gs::operation_set().empty(), "");
static_assert(gs::charset("A-Za-z0-9").contains('q'), "");
static_assert(gs::charset("A-Za-z0-9").contains('7'), "");
static_assert(!gs::charset("A-Za-z0-9").contains('-'), "");
static_assert(!gs::charset("A-Za-z0-9").contains(0xC3), "");
static_assert(gs::charset("a-c_").contains('_') && !gs::charset("a-c_").contains('d'), "");
static_assert(gs::charset().contains('-') && !gs::charset().restricts(), "");
static_assert(gs::is_model_v<graph::external_connection>, "");
static_assert(gs::is_model_v<graph::configuration>, "");
static_assert(!gs::is_model_v<int>, "");
static_assert(!gs::is_model_v<graph::connection_state>, "");

static_assert(gs::detail::camel_case<gs::detail::camel_case_size("authorized_app_ids")>(
    "authorized_app_ids").view() == "authorizedAppIds", "");
static_assert(gs::detail::camel_case<gs::detail::camel_case_size("id")>("id").view() == "id", "");
static_assert(gs::detail::camel_case<gs::detail::camel_case_size("default_")>("default_").view() == "default", "");
static_assert(gs::detail::camel_case<gs::detail::camel_case_size("alreadyCamel")>("alreadyCamel").view() == "alreadyCamel", "");

namespace {

constexpr auto rules = graphschema_model(gs::model_tag<graph::external_connection>{});

std::string
json_names(gs::detail::model_table const& t)
{
    std::string s;
    for(std::size_t i = 0; i < t.member_count; ++i)
        s += std::string(t.members[i].json_name) + " ";
    return s;
}

} // namespace

BOOST_AUTO_TEST_CASE(the_external_connection_rules_are_those_of_rules_md)
{
    BOOST_TEST(rules.type_name_count == 2u);
    BOOST_TEST(rules.type_names[0] == "microsoft.graph.externalConnection");
    BOOST_TEST(rules.type_names[1] == "microsoft.graph.externalConnectors.externalConnection");
    BOOST_TEST(!rules.open);
    auto const& id = rules.members[0];
    BOOST_TEST(id.member == "id");
    BOOST_TEST(id.required.contains(gs::operation::create));
    BOOST_TEST(id.required.contains(gs::operation::read));
    BOOST_TEST(!id.required.contains(gs::operation::update));
    BOOST_TEST(id.read_only.contains(gs::operation::update));
    BOOST_TEST(id.text.min_length == 3u);
    BOOST_TEST(id.text.max_length == 32u);
    BOOST_TEST(id.text.allowed.spec() == "A-Za-z0-9");
    BOOST_TEST(id.text.forbidden_prefix == "Microsoft");
    BOOST_TEST(id.text.reserved_count == 16u);
    BOOST_TEST(rules.members[4].member == "state");
    BOOST_TEST(rules.members[4].read_only.contains(gs::operation::create));
    BOOST_TEST(!rules.members[4].read_only.contains(gs::operation::read));
}

BOOST_AUTO_TEST_CASE(tables_derive_json_names_and_masks)
{
    auto const& t = gs::detail::model_table_of<graph::external_connection>::value;
    BOOST_TEST(json_names(t) == "id name description configuration state activitySettings "
        "searchSettings connectorId contentCategory complianceSettings enabledContentExperiences "
        "ingestedItemsCount quota schema items operations groups ");
    auto required = [&](gs::operation op, gs::api_version v) {
        return t.required[static_cast<int>(op)][static_cast<int>(v)];
    };
    // create: id and name in both versions; description and configuration in beta too
    BOOST_TEST(required(gs::operation::create, gs::api_version::v1_0) == 0x3u);
    BOOST_TEST(required(gs::operation::create, gs::api_version::beta) == 0xFu);
    BOOST_TEST(required(gs::operation::update, gs::api_version::beta) == 0u);
    BOOST_TEST(required(gs::operation::read, gs::api_version::v1_0) == 1u);
    BOOST_TEST(required(gs::operation::read, gs::api_version::beta) == 1u);
    // state, ingestedItemsCount, quota and the navigation properties; id on update
    BOOST_TEST(t.read_only[static_cast<int>(gs::operation::create)] == 0x1F810u);
    BOOST_TEST(t.read_only[static_cast<int>(gs::operation::update)] == 0x1F811u);
    BOOST_TEST(t.read_only[static_cast<int>(gs::operation::read)] == 0u);
    // beta's complianceSettings, enabledContentExperiences, ingestedItemsCount, quota
    BOOST_TEST(t.present[static_cast<int>(gs::api_version::v1_0)] == 0x1E1FFu);
    BOOST_TEST(t.present[static_cast<int>(gs::api_version::beta)] == 0x1FFFFu);
    auto const& c = gs::detail::model_table_of<graph::configuration>::value;
    BOOST_TEST(json_names(c) == "authorizedApps authorizedAppIds ");
    BOOST_TEST(c.open);
    auto const& e = *t.members[4].type->enumeration;
    std::string names;
    for(std::size_t i = 0; i < e.count; ++i)
        names += std::string(e.names[i]) + " ";
    BOOST_TEST(names == "draft ready obsolete limitExceeded unknownFutureValue ");
}

BOOST_AUTO_TEST_CASE(reserved_ids_are_the_sixteen_of_rules_md)
{
    std::string all;
    for(auto w : graph::reserved_connection_ids)
        all += std::string(w) + ",";
    BOOST_TEST(all == "None,Directory,Exchange,ExchangeArchive,LinkedIn,Mailbox,"
        "OneDriveBusiness,SharePoint,Teams,Yammer,Connectors,TaskFabric,PowerBI,"
        "Assistant,TopicEngine,MSFT_All_Connectors,");
}
