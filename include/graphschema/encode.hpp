//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_ENCODE_HPP
#define GRAPHSCHEMA_ENCODE_HPP

#include <graphschema/decode.hpp>
#include <graphschema/options.hpp>
#include <graphschema/preserved.hpp>
#include <graphschema/detail/rules.hpp>
#include <graphschema/detail/tables.hpp>
#include <graphschema/detail/text.hpp>

#include <boost/describe/enumerators.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/system/result.hpp>

#include <charconv>
#include <cmath>
#include <string>
#include <type_traits>
#include <variant>

namespace graphschema {
namespace detail {

// `typed`: the object's @odata.type is written whatever opt says (a value
// of a derived type: the name selects the type).
template<class T>
void encode_model(std::string& out, T const& v, encode_options const& opt, bool root = false,
    bool typed = false);

template<class E>
void
encode_enumerator(std::string& out, E v)
{
    using values = enum_values_of<E>;
    for(std::size_t i = 0; i < values::values.size(); ++i)
    {
        if(values::values[i] == v)
        {
            append_json_string(out, values::names[i]);
            return;
        }
    }
    // Not an enumerator: written as its number, which no decoder
    // accepts, so the mistake shows instead of vanishing.
    char buf[24];
    auto const r = std::to_chars(buf, buf + sizeof(buf), static_cast<long long>(v));
    out.append(buf, r.ptr);
}

template<class V>
void
encode_value(std::string& out, V const& v, encode_options const& opt)
{
    constexpr value_kind k = kind_of<V>();
    if constexpr(k == value_kind::string)
        append_json_string(out, v);
    else if constexpr(k == value_kind::boolean)
        out += v ? "true" : "false";
    else if constexpr(k == value_kind::integer)
    {
        char buf[24];
        auto const r = std::to_chars(buf, buf + sizeof(buf), v);
        out.append(buf, r.ptr);
    }
    else if constexpr(k == value_kind::number)
    {
        // JSON has no infinity or NaN. An infinity is written as a number
        // too large for a double, which reads back as the same infinity
        // (1e400 decodes to one), so that decoded values round-trip. No
        // document decodes to NaN: one set in code is written as OData
        // spells it, the string "NaN", which a number member refuses
        // (type_mismatch), so that validate(value) reports it.
        if(std::isnan(v))
        {
            out += "\"NaN\"";
            return;
        }
        if(std::isinf(v))
        {
            out += v > 0 ? "1e99999" : "-1e99999";
            return;
        }
        // "-0" would read back as the integer 0: keep the sign with a fraction.
        if(v == 0 && std::signbit(v))
        {
            out += "-0.0";
            return;
        }
        char buf[32];
        auto const r = std::to_chars(buf, buf + sizeof(buf), static_cast<double>(v));
        out.append(buf, r.ptr);
    }
    else if constexpr(k == value_kind::enumeration)
    {
        if constexpr(is_open_enum<V>::value)
        {
            if(auto const known = v.known())
                encode_enumerator(out, *known);
            else
                append_json_string(out, v.name()); // as it was sent
        }
        else
            encode_enumerator(out, v);
    }
    else if constexpr(k == value_kind::flags)
    {
        if(v.written_as == V::form::array)
        {
            out.push_back('[');
            for(std::size_t i = 0; i < v.items.size(); ++i)
            {
                if(i != 0)
                    out.push_back(',');
                encode_value(out, v.items[i], opt);
            }
            out.push_back(']');
            return;
        }
        std::string names;
        for(std::size_t i = 0; i < v.items.size(); ++i)
        {
            if(i != 0)
                names += v.written_as == V::form::compact_string ? "," : ", ";
            names += v.items[i].name();
        }
        append_json_string(out, names);
    }
    else if constexpr(k == value_kind::one_of)
    {
        std::visit([&](auto const& alternative) {
            using A = std::decay_t<decltype(alternative)>;
            if constexpr(std::is_same<A, raw_json>::value)
                out += alternative.text();
            else
                // A derived type is named whatever the scope says: the name
                // selects it; so is an abstract base, whose name a reader
                // requires (type_name_required). A concrete base is written
                // as any object is.
                encode_model(out, alternative, opt, false,
                    !std::is_same<A, typename V::base_type>::value ||
                        type_name_required(model_ref<typename V::base_type>(), true));
        }, v.as_variant());
    }
    else if constexpr(k == value_kind::raw)
        out += v.text();
    else if constexpr(k == value_kind::model)
        encode_model(out, v, opt);
    else if constexpr(k == value_kind::array)
    {
        out.push_back('[');
        bool first = true;
        for(auto const& e : v)
        {
            if(!first)
                out.push_back(',');
            first = false;
            encode_value(out, e, opt);
        }
        out.push_back(']');
    }
    else
        static_assert(dependent_false<V>::value, "graphschema: no JSON mapping");
}

template<class T>
void
encode_model(std::string& out, T const& v, encode_options const& opt, bool root, bool typed)
{
    static_assert(model_checks<T>::value, "");
    constexpr auto& rules = model_traits<T>::rules;
    out.push_back('{');
    bool first = true;
    if(typed || opt.odata_type == odata_type_scope::everywhere ||
        (root && opt.odata_type == odata_type_scope::root))
    {
        // The name the chosen version writes.
        out += "\"@odata.type\":\"#";
        out += rules.type_names[rules.written_name[static_cast<std::size_t>(opt.version)]];
        out.push_back('"');
        first = false;
    }
    boost::mp11::mp_for_each<json_members<T>>([&](auto d) {
        using D = decltype(d);
        auto const& m = v.*D::pointer;
        using M = std::remove_cv_t<std::remove_reference_t<decltype(m)>>;
        if constexpr(is_optional<M>::value)
        {
            if(!m)
                return;
        }
        else if constexpr(is_nullable<M>::value)
        {
            if(m.is_absent())
                return;
        }
        if(!first)
            out.push_back(',');
        first = false;
        append_json_string(out, member_json_name<T, D>::value);
        out.push_back(':');
        if constexpr(is_optional<M>::value)
            encode_value(out, *m, opt);
        else if constexpr(is_nullable<M>::value)
        {
            if(m.is_null())
                out += "null";
            else
                encode_value(out, *m, opt);
        }
        else
            encode_value(out, m, opt);
    });
    using P = boost::mp11::mp_front<preserved_descriptors<T>>;
    for(auto const m : v.*P::pointer)
    {
        if(!first)
            out.push_back(',');
        first = false;
        append_json_string(out, m.key);
        out.push_back(':');
        out += m.json;
    }
    out.push_back('}');
}

} // detail

/** Appends the canonical JSON text of `value` to `out`.

    The canonical form: `@odata.type` first in every object of a
    described type (or only in the root, or nowhere: see
    `encode_options::odata_type`), then the declared members in
    declaration order with absent optionals left out, then the preserved
    members in input order, each value's tokens byte for byte; no
    insignificant whitespace, so always one line; strings escaped as
    Boost.JSON's serializer does.
*/
template<class T>
void
encode(T const& value, std::string& out, encode_options const& opt = {})
{
    static_assert(is_model_v<T>, "graphschema: encode needs a model type");
    detail::encode_model(out, value, opt, true);
}

/// Returns the canonical JSON text of `value`.
template<class T>
std::string
encode(T const& value, encode_options const& opt = {})
{
    std::string out;
    encode(value, out, opt);
    return out;
}

/** `boost::json::value_from` for models: the canonical form as a value.

    Going through the canonical text keeps one definition of the output;
    numbers kept verbatim (such as `1e400`) become what Boost.JSON parses
    them to.
*/
template<class T, std::enable_if_t<is_model_v<T>, int> = 0>
void
tag_invoke(boost::json::value_from_tag, boost::json::value& jv, T const& value)
{
    jv = boost::json::parse(encode(value), jv.storage());
}

/// `boost::json::value_to` for models: decode with default options; throws
/// @ref validation_error when the value is invalid.
template<class T, std::enable_if_t<is_model_v<T>, int> = 0>
T
tag_invoke(boost::json::value_to_tag<T>, boost::json::value const& jv)
{
    return decode<T>(jv).value();
}

/// `boost::json::try_value_to` for models: the first issue's code on failure.
template<class T, std::enable_if_t<is_model_v<T>, int> = 0>
boost::system::result<T>
tag_invoke(boost::json::try_value_to_tag<T>, boost::json::value const& jv)
{
    auto r = decode<T>(jv);
    if(!r.ok())
    {
        boost::system::error_code ec = r.report().empty()
            ? boost::system::error_code(error::syntax_error)
            : boost::system::error_code(r.report()[0].code);
        return ec;
    }
    return std::move(*r);
}

namespace graph {

// Argument-dependent lookup for the Graph models finds the conversions here.
using graphschema::tag_invoke;

} // graph

} // graphschema

#endif
