//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_SCHEMA_HPP
#define GRAPHSCHEMA_SCHEMA_HPP

#include <graphschema/dynamic.hpp>
#include <graphschema/options.hpp>
#include <graphschema/detail/schema_builder.hpp>
#include <graphschema/detail/tables.hpp>

#include <boost/json/value.hpp>

#include <string>

/*  JSON Schema export: the rules of a model, as the decoder applies them,
    written as a JSON Schema (draft 2020-12) document or as OpenAPI 3.1
    components. Generated from the same tables the decoder walks, so a
    rule is still written once. See docs/schema.md.
*/

namespace graphschema {

/** How a schema document is named. What it validates for (operation,
    unknown-property policy) is the `decode_options` it is exported for.
*/
struct schema_options
{
    /// The start of the document's `$id`, followed by
    /// `TYPE.OPERATION.POLICY` (`microsoft.graph.externalConnection.create.preserve`),
    /// and `.VERSION` for a version other than the default
    /// (`microsoft.graph.externalConnection.create.preserve.v1.0`).
    std::string id_base = "urn:graphschema:";
};

/** Returns the JSON Schema (draft 2020-12) of the model `T`.

    A document is valid against it exactly when `validate<T>(text, rules)`
    reports no issue, except for what JSON Schema cannot say: duplicate
    keys, syntax, and the limits of `rules` (depth, size, issues), which
    the schema leaves out (docs/schema.md lists them). Nested models are
    under `$defs`.
*/
template<class T>
boost::json::value
json_schema(decode_options const& rules = {}, schema_options const& opt = {})
{
    static_assert(is_model_v<T>, "graphschema: json_schema needs a model type");
    return detail::build_json_schema(detail::model_table_of<T>::value,
        rules.operation, rules.unknown, rules.version, opt.id_base);
}

/** Returns the JSON Schema of the model `T` with the objects of its
    `dynamic_members()` models (an external item's `properties`) as the
    run-time schema `dynamic` describes them.

    A document is valid against it exactly when the validation given
    `dynamic` (@ref item_validator for `graph::external_item`) reports no
    issue, with the exceptions of the overload without `dynamic`: each
    declared member is typed (a single value may be `null`, a collection
    may not), its `name@odata.type` annotation is one of the spellings
    accepted, any other key but an annotation is rejected under every
    policy; in `create` and `update`, a collection of a primitive type
    requires its annotation (`dependentRequired`) and at least one
    declared member must be present.
*/
template<class T>
boost::json::value
json_schema(decode_options const& rules, schema_options const& opt, dynamic_schema const& dynamic)
{
    static_assert(is_model_v<T>, "graphschema: json_schema needs a model type");
    return detail::build_json_schema(detail::model_table_of<T>::value,
        rules.operation, rules.unknown, rules.version, opt.id_base, &dynamic);
}

/** Returns an OpenAPI 3.1 fragment, `{"components":{"schemas":{...}}}`,
    with the same schemas as @ref json_schema.

    Each model reachable from `T` is one component, named by its OData
    type name and the operation (`microsoft.graph.externalConnection-create`),
    so that the fragments of the three operations merge into one document.
*/
template<class T>
boost::json::value
openapi_components(decode_options const& rules = {})
{
    static_assert(is_model_v<T>, "graphschema: openapi_components needs a model type");
    return detail::build_openapi_components(detail::model_table_of<T>::value,
        rules.operation, rules.unknown, rules.version);
}

} // graphschema

#endif
