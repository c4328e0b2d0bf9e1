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

} // graph
} // graphschema

#endif
