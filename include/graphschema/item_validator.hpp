//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_ITEM_VALIDATOR_HPP
#define GRAPHSCHEMA_ITEM_VALIDATOR_HPP

#include <graphschema/decode.hpp>
#include <graphschema/dynamic.hpp>
#include <graphschema/encode.hpp>
#include <graphschema/options.hpp>
#include <graphschema/report.hpp>
#include <graphschema/schema.hpp>
#include <graphschema/validate.hpp>
#include <graphschema/detail/engine.hpp>
#include <graphschema/graph/external_item.hpp>
#include <graphschema/graph/schema.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace graphschema {

/** Checks external items (the bodies of
    `PUT /external/connections/{id}/items/{itemId}`) against the schema a
    connection registered, known only at run time.

    Made once from a schema registration body (the body of
    `PATCH /external/connections/{id}/schema`), then used for item after
    item. An item is checked as `graph::external_item` (its `id`, `acl`,
    `content`, ...) and its `properties` against the registered schema: a
    property the schema does not declare is `unknown_property`; a value of
    the wrong JSON type for its `propertyType` (an `int64` with a
    fraction, a boolean sent as a string) is `type_mismatch`; a `dateTime`
    that is not ISO 8601 is `constraint_violation`; a collection without
    its `name@odata.type` annotation is `missing_required` at that
    annotation's pointer, and one naming another type is
    `odata_type_mismatch` (docs/connectors.md).

    An item_validator does not change once made: one may be shared by any
    number of threads validating at the same time.
*/
class item_validator
{
public:
    /** Makes a validator from a schema registration body.

        The body is validated first as `graph::schema` with `opt` (by
        default for `create`, in `beta`); when it has issues, or a property
        whose type no item value can have (`unknownFutureValue`, or a
        type this library does not know), returns nothing and `why` holds
        the issues. Does not throw, except `std::bad_alloc`.
    */
    static std::optional<item_validator>
    make(std::string_view schema_json, report& why, decode_options const& opt = {})
    {
        why = graphschema::validate<graph::schema>(schema_json, opt);
        if(!why.ok())
            return std::nullopt;
        boost::json::error_code ec;
        boost::json::value const jv = boost::json::parse(schema_json, ec);
        if(ec || !jv.is_object())
        {
            // Not reached: the text was validated.
            refuse(why, {}, "the schema body could not be read");
            return std::nullopt;
        }
        return from_value(jv, why);
    }

    /// Makes a validator from a schema built in code (validated as the
    /// body it encodes to).
    static std::optional<item_validator>
    make(graph::schema const& s, report& why, decode_options const& opt = {})
    {
        encode_options eo;
        eo.version = opt.version;
        std::string const body = encode(s, eo);
        return make(body, why, opt);
    }

    /// Makes a validator from a schema registration body; throws
    /// @ref validation_error when it cannot (see the non-throwing @ref make).
    explicit item_validator(std::string_view schema_json, decode_options const& opt = {})
    {
        report why;
        auto v = make(schema_json, why, opt);
        why.throw_if_invalid();
        *this = std::move(*v);
    }

    /// Makes a validator from a declaration of the properties themselves.
    explicit item_validator(dynamic_schema properties) noexcept
        : properties_(std::move(properties))
    {
    }

    /// Every issue of the item `text`, with pointers and positions.
    report
    validate(std::string_view text, decode_options const& opt = {}) const
    {
        return detail::text_report<false>(root(), nullptr, text, opt, true, &properties_);
    }

    /// Every issue of an item already parsed (no positions).
    report
    validate(boost::json::value const& item, decode_options const& opt = {}) const
    {
        return detail::value_report<false>(root(), nullptr, item, opt, &properties_);
    }

    /// True when the item `text` is valid: stops at the first issue.
    bool
    is_valid(std::string_view text, decode_options const& opt = {}) const
    {
        return detail::text_verdict<false>(root(), nullptr, text, opt, &properties_);
    }

    /// True when an item already parsed is valid.
    bool
    is_valid(boost::json::value const& item, decode_options const& opt = {}) const
    {
        return detail::value_verdict<false>(root(), nullptr, item, opt, &properties_);
    }

    /** Decodes a valid item: checks it against the schema, then decodes
        it (its properties are kept verbatim in
        `properties.dynamic_properties`, in input order). The result holds
        the report of the check.
    */
    decode_result<graph::external_item>
    decode(std::string_view text, decode_options const& opt = {}) const
    {
        report r = validate(text, opt);
        graph::external_item value;
        if(r.ok())
            r = graphschema::decode(text, value, opt);
        return {std::move(value), std::move(r)};
    }

    /// The properties the registered schema declares.
    dynamic_schema const& properties() const noexcept { return properties_; }

private:
    item_validator() = default;

    static detail::type_node const&
    root() noexcept
    {
        return detail::node_of<graph::external_item>::value;
    }

    // The item property type named `name` (propertyType), if any.
    static bool
    add_property(dynamic_schema& d, std::string_view name, std::string_view type)
    {
        struct entry
        {
            std::string_view name;
            dynamic_type type;
            bool collection;
        };
        static constexpr entry types[] = {
            {"string", dynamic_type::string, false},
            {"int64", dynamic_type::int64, false},
            {"double", dynamic_type::double_, false},
            {"dateTime", dynamic_type::date_time_offset, false},
            {"boolean", dynamic_type::boolean, false},
            {"stringCollection", dynamic_type::string, true},
            {"int64Collection", dynamic_type::int64, true},
            {"doubleCollection", dynamic_type::double_, true},
            {"dateTimeCollection", dynamic_type::date_time_offset, true},
        };
        for(auto const& t : types)
            if(t.name == type)
                return d.add(name, t.type, t.collection);
        if(type == "principal")
            return d.add_model<graph::principal>(name, false);
        if(type == "principalCollection")
            return d.add_model<graph::principal>(name, true);
        return false;
    }

    static std::optional<item_validator>
    from_value(boost::json::value const& jv, report& why)
    {
        dynamic_schema d;
        auto const* props = jv.as_object().if_contains("properties");
        if(props && props->is_array())
        {
            auto const& a = props->as_array();
            for(std::size_t i = 0; i < a.size(); ++i)
            {
                auto const* o = a[i].if_object();
                auto const* n = o ? o->if_contains("name") : nullptr;
                auto const* t = o ? o->if_contains("type") : nullptr;
                if(!n || !n->is_string() || !t || !t->is_string())
                    continue; // accepted by validation: only for read
                std::string_view const name(n->as_string());
                std::string_view const type(t->as_string());
                if(d.find(name))
                {
                    refuse(why, "/properties/" + std::to_string(i) + "/name",
                        "\"" + std::string(name) + "\" is declared twice");
                    return std::nullopt;
                }
                if(!add_property(d, name, type))
                {
                    refuse(why, "/properties/" + std::to_string(i) + "/type",
                        "\"" + std::string(type) + "\" is no type an item property can have");
                    return std::nullopt;
                }
            }
        }
        return item_validator(std::move(d));
    }

    static void
    refuse(report& why, std::string pointer, std::string message)
    {
        issue i;
        i.code = error::constraint_violation;
        i.pointer = std::move(pointer);
        i.message = std::move(message);
        detail::report_access::add(why, std::move(i));
    }

    dynamic_schema properties_;
};

} // graphschema

#endif
