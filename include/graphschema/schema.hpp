//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_SCHEMA_HPP
#define GRAPHSCHEMA_SCHEMA_HPP

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

/** What a schema is exported for.
*/
struct schema_options
{
    /// The operation the schema validates bodies for.
    graphschema::operation operation = graphschema::operation::create;

    /// What happens to members the model does not declare: `reject`
    /// forbids them (`"additionalProperties": false`), the other two
    /// policies accept them.
    unknown_policy unknown = unknown_policy::preserve;

    /// The start of the document's `$id`, followed by
    /// `TYPE.OPERATION.POLICY` (`microsoft.graph.externalConnection.create.preserve`).
    std::string id_base = "urn:graphschema:";
};

/** Returns the JSON Schema (draft 2020-12) of the model `T`.

    A document is valid against it exactly when `validate<T>` with the
    same operation and policy reports no issue, except for what JSON
    Schema cannot say: duplicate keys, syntax, depth and size limits
    (docs/schema.md lists them). Nested models are under `$defs`.
*/
template<class T>
boost::json::value
json_schema(schema_options const& opt = {})
{
    static_assert(is_model_v<T>, "graphschema: json_schema needs a model type");
    return detail::build_json_schema(detail::model_table_of<T>::value,
        opt.operation, opt.unknown, opt.id_base);
}

/** Returns an OpenAPI 3.1 fragment, `{"components":{"schemas":{...}}}`,
    with the same schemas as @ref json_schema.

    Each model reachable from `T` is one component, named by its OData
    type name and the operation (`microsoft.graph.externalConnection-create`),
    so that the fragments of the three operations merge into one document.
    `opt.id_base` is not used: components have no `$id`.
*/
template<class T>
boost::json::value
openapi_components(schema_options const& opt = {})
{
    static_assert(is_model_v<T>, "graphschema: openapi_components needs a model type");
    return detail::build_openapi_components(detail::model_table_of<T>::value,
        opt.operation, opt.unknown);
}

} // graphschema

#endif
