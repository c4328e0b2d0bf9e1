//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_VALIDATE_HPP
#define GRAPHSCHEMA_VALIDATE_HPP

#include <graphschema/decode.hpp>
#include <graphschema/dynamic.hpp>
#include <graphschema/encode.hpp>
#include <graphschema/options.hpp>
#include <graphschema/report.hpp>
#include <graphschema/detail/engine.hpp>
#include <graphschema/detail/tables.hpp>

#include <boost/json/value.hpp>

#include <string_view>
#include <type_traits>

namespace graphschema {

/** Validates `text` as the model `T` without building anything.

    Gives exactly the report `decode` gives. Makes no allocation for a
    valid document of ordinary size.
*/
template<class T>
report
validate(std::string_view text, decode_options const& opt = {})
{
    static_assert(is_model_v<T>, "graphschema: validate needs a model type");
    return detail::text_report<false>(detail::node_of<T>::value, nullptr, text, opt, true);
}

/// Validates an existing JSON value as the model `T` (no positions).
template<class T, class Value, detail::if_json_value<Value> = 0>
report
validate(Value const& jv, decode_options const& opt = {})
{
    static_assert(is_model_v<T>, "graphschema: validate needs a model type");
    return detail::value_report<false>(detail::node_of<T>::value, nullptr, jv, opt);
}

/** Validates a value built in code, as the body it would encode to.

    For a client checking a request before sending it. The report is the
    one the encoded text gets; its issues have pointers, and no positions.
*/
template<class T, std::enable_if_t<is_model_v<T>, int> = 0>
report
validate(T const& value, decode_options const& opt = {})
{
    return detail::text_report<false>(detail::node_of<T>::value, nullptr, encode(value), opt, false);
}

/** True when `text` is a valid document of the model `T`.

    The verdict of @ref validate, without its report: the walk stops at
    the first issue and makes no pointer, position or message, so that an
    invalid document costs less than a valid one. Makes no allocation for
    a document of ordinary size.
*/
template<class T>
bool
is_valid(std::string_view text, decode_options const& opt = {})
{
    static_assert(is_model_v<T>, "graphschema: is_valid needs a model type");
    return detail::text_verdict<false>(detail::node_of<T>::value, nullptr, text, opt);
}

/// True when the JSON value is a valid document of the model `T`.
template<class T, class Value, detail::if_json_value<Value> = 0>
bool
is_valid(Value const& jv, decode_options const& opt = {})
{
    static_assert(is_model_v<T>, "graphschema: is_valid needs a model type");
    return detail::value_verdict<false>(detail::node_of<T>::value, nullptr, jv, opt);
}

/** Validates `text` as the model `T`, whose `dynamic_members()` models
    are checked against `members` (a schema known only at run time; see
    @ref dynamic_schema). `members` must outlive the call; it is only read.
*/
template<class T>
report
validate(std::string_view text, dynamic_schema const& members, decode_options const& opt = {})
{
    static_assert(is_model_v<T>, "graphschema: validate needs a model type");
    return detail::text_report<false>(detail::node_of<T>::value, nullptr, text, opt, true, &members);
}

/// The verdict of that validation alone (it stops at the first issue).
template<class T>
bool
is_valid(std::string_view text, dynamic_schema const& members, decode_options const& opt = {})
{
    static_assert(is_model_v<T>, "graphschema: is_valid needs a model type");
    return detail::text_verdict<false>(detail::node_of<T>::value, nullptr, text, opt, &members);
}

} // graphschema

#endif
