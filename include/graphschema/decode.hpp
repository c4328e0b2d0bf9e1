//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_DECODE_HPP
#define GRAPHSCHEMA_DECODE_HPP

#include <graphschema/options.hpp>
#include <graphschema/report.hpp>
#include <graphschema/detail/engine.hpp>
#include <graphschema/detail/tables.hpp>

#include <boost/json/value.hpp>

#include <string_view>
#include <type_traits>
#include <utility>

namespace graphschema {

/** A decoded value and the report of its document.

    Like `boost::system::result`, but it always holds both: when the report
    is not ok, the value holds what decoded cleanly (members whose values
    had an issue are left absent) and is meant for diagnostics only.
*/
template<class T>
class decode_result
{
public:
    decode_result(T value, graphschema::report r)
        : value_(std::move(value))
        , report_(std::move(r))
    {
    }

    /// True when the document is valid.
    bool ok() const noexcept { return report_.ok(); }

    explicit operator bool() const noexcept { return ok(); }

    /// Every issue of the document.
    graphschema::report const& report() const noexcept { return report_; }

    /// The value; throws @ref validation_error when the document is invalid.
    T&
    value() &
    {
        report_.throw_if_invalid();
        return value_;
    }

    T const&
    value() const&
    {
        report_.throw_if_invalid();
        return value_;
    }

    T&&
    value() &&
    {
        report_.throw_if_invalid();
        return std::move(value_);
    }

    /// The value, whatever the verdict.
    T& operator*() noexcept { return value_; }
    T const& operator*() const noexcept { return value_; }
    T* operator->() noexcept { return &value_; }
    T const* operator->() const noexcept { return &value_; }

private:
    T value_;
    graphschema::report report_;
};

namespace detail {

template<class Value>
using if_json_value = std::enable_if_t<std::is_same<Value, boost::json::value>::value, int>;

} // detail

/** Decodes `text` into `out` in one pass, validating as it parses.

    `out` is reset first. Every issue of the document is reported, in
    document order, with positions. Does not throw, except `std::bad_alloc`.
*/
template<class T>
report
decode(std::string_view text, T& out, decode_options const& opt = {})
{
    static_assert(is_model_v<T>, "graphschema: decode needs a model type");
    out = T();
    return detail::text_report<true>(detail::node_of<T>::value, &out, text, opt, true);
}

/// Decodes `text` into a new value of the model `T`.
template<class T>
decode_result<T>
decode(std::string_view text, decode_options const& opt = {})
{
    T value;
    auto r = decode(text, value, opt);
    return {std::move(value), std::move(r)};
}

/** Decodes an existing JSON value into `out`.

    The same checks as from text, except those the value cannot show:
    syntax, duplicate keys (an object holds one of each) and size. Issues
    have pointers but no positions (line and column are 0).
*/
template<class T, class Value, detail::if_json_value<Value> = 0>
report
decode(Value const& jv, T& out, decode_options const& opt = {})
{
    static_assert(is_model_v<T>, "graphschema: decode needs a model type");
    out = T();
    return detail::value_report<true>(detail::node_of<T>::value, &out, jv, opt);
}

/// Decodes an existing JSON value into a new value of the model `T`.
template<class T, class Value, detail::if_json_value<Value> = 0>
decode_result<T>
decode(Value const& jv, decode_options const& opt = {})
{
    T value;
    auto r = decode(jv, value, opt);
    return {std::move(value), std::move(r)};
}

} // graphschema

#endif
