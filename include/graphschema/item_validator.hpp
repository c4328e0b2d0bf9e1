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

#include <graphschema/detail/locator.hpp>

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace graphschema {

namespace detail {

/*  Finds where the string member `key` of element `index` of the root's
    array member `array` begins in JSON text (a schema body already
    validated), for the position of an issue found after the walk. npos
    when it is not there.
*/
class element_string_finder
{
public:
    static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);
    using error_code = boost::json::error_code;
    using string_view = boost::json::string_view;

    element_string_finder(char const* begin, std::string_view array, std::size_t index, std::string_view key) noexcept
        : begin_(begin), array_(array), index_(index), key_(key)
    {
    }

    std::size_t offset() const noexcept { return offset_; }

    bool on_document_begin(error_code&) { return true; }
    bool on_document_end(error_code&) { return true; }
    bool on_object_begin(error_code&) { value(); ++depth_; key_matches_ = false; return true; }
    bool on_object_end(std::size_t, error_code&) { --depth_; return true; }
    bool
    on_array_begin(error_code&)
    {
        value();
        ++depth_;
        if(depth_ == 2 && key_matches_)
        {
            in_array_ = true;
            element_ = 0;
        }
        return true;
    }
    bool
    on_array_end(std::size_t, error_code&)
    {
        if(depth_ == 2)
            in_array_ = false;
        --depth_;
        return true;
    }
    bool on_key_part(string_view s, std::size_t, error_code&) { parts_.append(s.data(), s.size()); return true; }
    bool
    on_key(string_view s, std::size_t, error_code&)
    {
        parts_.append(s.data(), s.size());
        std::string_view const want = depth_ == 1 ? array_ : key_;
        key_matches_ = parts_ == want;
        parts_.clear();
        return true;
    }
    bool on_string_part(string_view s, std::size_t, error_code&) { if(!start_) start_ = s.data(); return true; }
    bool
    on_string(string_view s, std::size_t, error_code&)
    {
        char const* const start = start_ ? start_ : s.data();
        start_ = nullptr;
        if(depth_ == 3 && in_array_ && key_matches_ && element_ == index_ + 1 && offset_ == npos)
            offset_ = static_cast<std::size_t>(start - begin_) - 1; // the quote
        value();
        return true;
    }
    bool on_number_part(string_view, error_code&) { return true; }
    bool on_int64(std::int64_t, string_view, error_code&) { value(); return true; }
    bool on_uint64(std::uint64_t, string_view, error_code&) { value(); return true; }
    bool on_double(double, string_view, error_code&) { value(); return true; }
    bool on_bool(bool, error_code&) { value(); return true; }
    bool on_null(error_code&) { value(); return true; }
    bool on_comment_part(string_view, error_code&) { return true; }
    bool on_comment(string_view, error_code&) { return true; }

private:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    // A value begins: one more element, when it is one of the array's.
    void
    value() noexcept
    {
        if(depth_ == 2 && in_array_)
            ++element_;
    }

    char const* begin_;
    std::string_view array_;
    std::size_t index_;
    std::string_view key_;
    std::size_t depth_ = 0;
    bool key_matches_ = false;
    bool in_array_ = false;
    std::size_t element_ = 0;
    std::size_t offset_ = npos;
    char const* start_ = nullptr;
    std::string parts_;
};

} // detail

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
            issue i;
            i.code = error::syntax_error;
            i.message = "the schema body could not be read";
            detail::report_access::add(why, std::move(i));
            return std::nullopt;
        }
        return from_value(jv, schema_json, why);
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
    explicit item_validator(dynamic_schema properties)
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

    /** The JSON Schema of the items this validator accepts: the schema of
        `graph::external_item` for `rules` (operation, unknown-property
        policy, version), with its `properties` as the registered schema
        declares them. An item is valid against it exactly when validate()
        reports no issue, but for what JSON Schema cannot say (see
        @ref json_schema and docs/schema.md).
    */
    boost::json::value
    json_schema(decode_options const& rules = {}, schema_options const& opt = {}) const
    {
        return graphschema::json_schema<graph::external_item>(rules, opt, properties_);
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
    from_value(boost::json::value const& jv, std::string_view text, report& why)
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
                    refuse(why, text, i, "name", "\"" + std::string(name) + "\" is declared twice");
                    return std::nullopt;
                }
                if(!add_property(d, name, type))
                {
                    refuse(why, text, i, "type",
                        "\"" + std::string(type) + "\" is no type an item property can have");
                    return std::nullopt;
                }
            }
        }
        return item_validator(std::move(d));
    }

    // An issue of the schema body `text` at /properties/index/key, with
    // its position.
    static void
    refuse(report& why, std::string_view text, std::size_t index, std::string_view key, std::string message)
    {
        issue i;
        i.code = error::constraint_violation;
        i.pointer = "/properties/" + std::to_string(index) + "/" + std::string(key);
        i.message = std::move(message);
        boost::json::basic_parser<detail::element_string_finder> p(
            boost::json::parse_options{}, text.data(), "properties", index, key);
        boost::json::error_code ec;
        p.write_some(false, text.data(), text.size(), ec);
        std::size_t const at = p.handler().offset();
        if(!ec && at != static_cast<std::size_t>(-1))
            detail::lines_and_columns(text, &at, 1, [&](std::size_t, std::size_t line, std::size_t column) {
                i.line = line;
                i.column = column;
            });
        detail::report_access::add(why, std::move(i));
    }

    dynamic_schema properties_;
};

} // graphschema

#endif
