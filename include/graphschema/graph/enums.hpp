//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_GRAPH_ENUMS_HPP
#define GRAPHSCHEMA_GRAPH_ENUMS_HPP

#include <graphschema/graph/connection_state.hpp>

#include <boost/describe/enum.hpp>

/*  The enums of the connector types (namespace
    microsoft.graph.externalConnectors unless said), in Graph's order. JSON
    spells each enumerator in lowerCamelCase (`knowledge_base` is
    `knowledgeBase`; a trailing underscore, there to dodge a C++ keyword,
    is dropped: `or_` is `or`). Those that end with `unknown_future_value`
    evolve: a member holds them as open_enum<E>, and on read a name that
    comes after that sentinel in a newer service is kept.
*/

namespace graphschema {
namespace graph {

/// `contentCategory`: what kind of content a connection holds.
enum class content_category
{
    uncategorized,
    knowledge_base,
    wikis,
    file_repository,
    qna,
    crm,
    dashboard,
    people,
    media,
    email,
    messaging,
    meeting_transcripts,
    task_management,
    learning_management,
    unknown_future_value
};
BOOST_DESCRIBE_ENUM(content_category, uncategorized, knowledge_base, wikis, file_repository,
    qna, crm, dashboard, people, media, email, messaging, meeting_transcripts, task_management,
    learning_management, unknown_future_value)

/// `contentExperienceType` (beta): a flags enum, sent as `"search, compliance"`.
enum class content_experience_type
{
    search,
    compliance,
    unknown_future_value
};
BOOST_DESCRIBE_ENUM(content_experience_type, search, compliance, unknown_future_value)

/// `ruleOperation`: how a display template's rule compares; `null_` is
/// the member Graph names `null` (the string, not JSON's null).
enum class rule_operation
{
    null_,
    equals,
    not_equals,
    contains,
    not_contains,
    less_than,
    greater_than,
    starts_with,
    unknown_future_value
};
BOOST_DESCRIBE_ENUM(rule_operation, null_, equals, not_equals, contains, not_contains,
    less_than, greater_than, starts_with, unknown_future_value)

/// `microsoft.graph.binaryOperator`: how a rule's values combine. It does
/// not evolve (no `unknownFutureValue`).
enum class binary_operator
{
    or_,
    and_
};
BOOST_DESCRIBE_ENUM(binary_operator, or_, and_)

/// `propertyType`: the type of a schema property's values. `string_` and
/// `double_` are the members Graph names `string` and `double`;
/// `principal` and `principal_collection` come after the sentinel (a
/// service sends them only to a client that asks).
enum class property_type
{
    string_,
    int64,
    double_,
    date_time,
    boolean,
    string_collection,
    int64_collection,
    double_collection,
    date_time_collection,
    unknown_future_value,
    principal,
    principal_collection
};
BOOST_DESCRIBE_ENUM(property_type, string_, int64, double_, date_time, boolean,
    string_collection, int64_collection, double_collection, date_time_collection,
    unknown_future_value, principal, principal_collection)

/// `label`: the semantic labels a schema property may carry. The members
/// after `unknown_future_value` are CSDL v1.0's (GO-beta has the same).
enum class label
{
    title,
    url,
    created_by,
    last_modified_by,
    authors,
    created_date_time,
    last_modified_date_time,
    file_name,
    file_extension,
    unknown_future_value,
    container_name,
    container_url,
    icon_url,
    assigned_to_people,
    closed_by,
    closed_date,
    priority,
    sprint_name,
    tags,
    severity,
    state,
    due_date,
    item_parent_id,
    item_path,
    item_type,
    number_of_reactions,
    parent_url,
    priority_normalized,
    reported_by,
    secondary_id,
    person_emails,
    person_addresses,
    person_anniversaries,
    person_name,
    person_note,
    person_phones,
    person_current_position,
    person_web_accounts,
    person_web_site,
    person_skills,
    person_projects,
    person_account,
    person_awards,
    person_certifications,
    person_assistants,
    person_colleagues,
    person_manager,
    person_alternate_contacts,
    person_emergency_contacts,
    person_educational_activities,
    person_interests,
    person_languages,
    person_publications,
    person_patents,
    person_work_positions
};
// 55 members: more than BOOST_DESCRIBE_ENUM takes (52), so the
// description is spelled out with the macros it is made of.
BOOST_DESCRIBE_MAYBE_UNUSED BOOST_DESCRIBE_ENUM_BEGIN(label)
    BOOST_DESCRIBE_ENUM_ENTRY(label, title)
    BOOST_DESCRIBE_ENUM_ENTRY(label, url)
    BOOST_DESCRIBE_ENUM_ENTRY(label, created_by)
    BOOST_DESCRIBE_ENUM_ENTRY(label, last_modified_by)
    BOOST_DESCRIBE_ENUM_ENTRY(label, authors)
    BOOST_DESCRIBE_ENUM_ENTRY(label, created_date_time)
    BOOST_DESCRIBE_ENUM_ENTRY(label, last_modified_date_time)
    BOOST_DESCRIBE_ENUM_ENTRY(label, file_name)
    BOOST_DESCRIBE_ENUM_ENTRY(label, file_extension)
    BOOST_DESCRIBE_ENUM_ENTRY(label, unknown_future_value)
    BOOST_DESCRIBE_ENUM_ENTRY(label, container_name)
    BOOST_DESCRIBE_ENUM_ENTRY(label, container_url)
    BOOST_DESCRIBE_ENUM_ENTRY(label, icon_url)
    BOOST_DESCRIBE_ENUM_ENTRY(label, assigned_to_people)
    BOOST_DESCRIBE_ENUM_ENTRY(label, closed_by)
    BOOST_DESCRIBE_ENUM_ENTRY(label, closed_date)
    BOOST_DESCRIBE_ENUM_ENTRY(label, priority)
    BOOST_DESCRIBE_ENUM_ENTRY(label, sprint_name)
    BOOST_DESCRIBE_ENUM_ENTRY(label, tags)
    BOOST_DESCRIBE_ENUM_ENTRY(label, severity)
    BOOST_DESCRIBE_ENUM_ENTRY(label, state)
    BOOST_DESCRIBE_ENUM_ENTRY(label, due_date)
    BOOST_DESCRIBE_ENUM_ENTRY(label, item_parent_id)
    BOOST_DESCRIBE_ENUM_ENTRY(label, item_path)
    BOOST_DESCRIBE_ENUM_ENTRY(label, item_type)
    BOOST_DESCRIBE_ENUM_ENTRY(label, number_of_reactions)
    BOOST_DESCRIBE_ENUM_ENTRY(label, parent_url)
    BOOST_DESCRIBE_ENUM_ENTRY(label, priority_normalized)
    BOOST_DESCRIBE_ENUM_ENTRY(label, reported_by)
    BOOST_DESCRIBE_ENUM_ENTRY(label, secondary_id)
    BOOST_DESCRIBE_ENUM_ENTRY(label, person_emails)
    BOOST_DESCRIBE_ENUM_ENTRY(label, person_addresses)
    BOOST_DESCRIBE_ENUM_ENTRY(label, person_anniversaries)
    BOOST_DESCRIBE_ENUM_ENTRY(label, person_name)
    BOOST_DESCRIBE_ENUM_ENTRY(label, person_note)
    BOOST_DESCRIBE_ENUM_ENTRY(label, person_phones)
    BOOST_DESCRIBE_ENUM_ENTRY(label, person_current_position)
    BOOST_DESCRIBE_ENUM_ENTRY(label, person_web_accounts)
    BOOST_DESCRIBE_ENUM_ENTRY(label, person_web_site)
    BOOST_DESCRIBE_ENUM_ENTRY(label, person_skills)
    BOOST_DESCRIBE_ENUM_ENTRY(label, person_projects)
    BOOST_DESCRIBE_ENUM_ENTRY(label, person_account)
    BOOST_DESCRIBE_ENUM_ENTRY(label, person_awards)
    BOOST_DESCRIBE_ENUM_ENTRY(label, person_certifications)
    BOOST_DESCRIBE_ENUM_ENTRY(label, person_assistants)
    BOOST_DESCRIBE_ENUM_ENTRY(label, person_colleagues)
    BOOST_DESCRIBE_ENUM_ENTRY(label, person_manager)
    BOOST_DESCRIBE_ENUM_ENTRY(label, person_alternate_contacts)
    BOOST_DESCRIBE_ENUM_ENTRY(label, person_emergency_contacts)
    BOOST_DESCRIBE_ENUM_ENTRY(label, person_educational_activities)
    BOOST_DESCRIBE_ENUM_ENTRY(label, person_interests)
    BOOST_DESCRIBE_ENUM_ENTRY(label, person_languages)
    BOOST_DESCRIBE_ENUM_ENTRY(label, person_publications)
    BOOST_DESCRIBE_ENUM_ENTRY(label, person_patents)
    BOOST_DESCRIBE_ENUM_ENTRY(label, person_work_positions)
BOOST_DESCRIBE_ENUM_END(label)

/// `importanceScore` (beta): how much a property weighs in ranking.
enum class importance_score
{
    low,
    medium,
    high,
    very_high,
    unknown_future_value
};
BOOST_DESCRIBE_ENUM(importance_score, low, medium, high, very_high, unknown_future_value)

/// `aclType`: whom an access control entry names.
enum class acl_type
{
    user,
    group,
    everyone,
    everyone_except_guests,
    external_group,
    unknown_future_value
};
BOOST_DESCRIBE_ENUM(acl_type, user, group, everyone, everyone_except_guests, external_group,
    unknown_future_value)

/// `accessType`: what an access control entry does (`deny` wins over `grant`).
enum class access_type
{
    grant,
    deny,
    unknown_future_value
};
BOOST_DESCRIBE_ENUM(access_type, grant, deny, unknown_future_value)

/// `identitySourceType` (beta, legacy): where an `acl`'s identity lives.
enum class identity_source_type
{
    azure_active_directory,
    external,
    unknown_future_value
};
BOOST_DESCRIBE_ENUM(identity_source_type, azure_active_directory, external, unknown_future_value)

/// `externalItemContentType`: how an item's content is written.
enum class external_item_content_type
{
    text,
    html,
    unknown_future_value
};
BOOST_DESCRIBE_ENUM(external_item_content_type, text, html, unknown_future_value)

/// `identityType`: what a member of an external group (or the performer
/// of an activity) is.
enum class identity_type
{
    user,
    group,
    external_group,
    unknown_future_value
};
BOOST_DESCRIBE_ENUM(identity_type, user, group, external_group, unknown_future_value)

/// `externalActivityType`: what was done to an item.
enum class external_activity_type
{
    viewed,
    modified,
    created,
    commented,
    unknown_future_value
};
BOOST_DESCRIBE_ENUM(external_activity_type, viewed, modified, created, commented,
    unknown_future_value)

} // graph
} // graphschema

#endif
