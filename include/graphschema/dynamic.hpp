//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_DYNAMIC_HPP
#define GRAPHSCHEMA_DYNAMIC_HPP

#include <graphschema/model.hpp>
#include <graphschema/detail/tables.hpp>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace graphschema {

/** The type of a member a @ref dynamic_schema declares: an OData
    primitive type, or an object of a model.
*/
enum class dynamic_type : unsigned char
{
    /// `Edm.String`: a JSON string.
    string,
    /// `Edm.Int64`: a JSON number without a fraction, in the int64 range.
    int64,
    /// `Edm.Double`: any JSON number.
    double_,
    /// `Edm.DateTimeOffset`: a string in ISO 8601, `2024-03-01T12:30:00Z`.
    date_time_offset,
    /// `Edm.Boolean`: `true` or `false`.
    boolean,
    /// An object of a model (added with dynamic_schema::add_model).
    object
};

/** The members of an object, known only at run time: a name, a type and
    whether it is a collection (a JSON array of that type), for each.

    A model marked `dynamic_members()` (such as `graph::properties`, the
    property bag of an external item) is checked against one when the
    validation is given one (`item_validator` makes one from a registered
    Graph schema): a member it does not declare is `unknown_property`; a
    value of another JSON type is `type_mismatch`; a date and time that is
    not ISO 8601 is `constraint_violation` (in `create` and `update`);
    `null` is accepted for a single value and is `null_not_allowed` for a
    collection. As in OData's JSON format, a member may carry its type in
    an annotation, `"tags@odata.type": "Collection(String)"`: a collection
    of a primitive type must (else `missing_required` at the annotation's
    pointer, in `create` and `update`), and an annotation that names
    another type is `odata_type_mismatch`.

    Names compare exactly. A dynamic_schema does not change while it is
    used: validations may share one across threads.
*/
class dynamic_schema
{
public:
    /// One member.
    struct property
    {
        std::string name;
        dynamic_type type;
        bool collection;
    };

    dynamic_schema() = default;

    dynamic_schema(dynamic_schema const& other)
    {
        for(auto const& s : other.slots_)
            add_slot(s.p, s.model);
    }

    dynamic_schema(dynamic_schema&&) = default;

    dynamic_schema&
    operator=(dynamic_schema const& other)
    {
        if(this != &other)
        {
            dynamic_schema copy(other);
            *this = std::move(copy);
        }
        return *this;
    }

    dynamic_schema& operator=(dynamic_schema&&) = default;

    /** Declares the member `name` of a primitive type (`dynamic_type::object`
        is for add_model).

        Returns false, and adds nothing, when the name is empty, holds an
        `@` (annotations' names do), is declared already, or `type` is
        `object`.
    */
    bool
    add(std::string_view name, dynamic_type type, bool collection = false)
    {
        if(type == dynamic_type::object || !can_add(name))
            return false;
        add_slot({std::string(name), type, collection}, nullptr);
        return true;
    }

    /// Declares the member `name` as an object of the model `T` (or an
    /// array of them), checked as `T`; as add() otherwise.
    template<class T>
    bool
    add_model(std::string_view name, bool collection = false)
    {
        static_assert(is_model_v<T>, "graphschema: add_model<T> needs a model T");
        if(!can_add(name))
            return false;
        add_slot({std::string(name), dynamic_type::object, collection},
            collection ? &detail::node_ref<std::vector<T>>() : &detail::node_ref<T>());
        return true;
    }

    /// The number of members.
    std::size_t size() const noexcept { return slots_.size(); }

    /// True when there is none.
    bool empty() const noexcept { return slots_.empty(); }

    /// Member `i`, in the order they were added.
    property const& operator[](std::size_t i) const noexcept { return slots_[i].p; }

    /// The member named `name`, or null.
    property const*
    find(std::string_view name) const noexcept
    {
        auto const i = index_of(name);
        return i == npos ? nullptr : &slots_[i].p;
    }

    /// The annotation that names member `i`'s type, as the library writes
    /// it: `String`, `Int64`, `Double`, `DateTimeOffset`, `Boolean`,
    /// `Collection(String)`, ...; for a model, its qualified name.
    std::string_view type_annotation(std::size_t i) const noexcept { return slots_[i].annotation; }

    /// True when member `i` must carry its type annotation: a collection
    /// of a primitive type.
    bool
    annotation_required(std::size_t i) const noexcept
    {
        return slots_[i].p.collection && slots_[i].p.type != dynamic_type::object;
    }

    /** True when `text`, the value of member `i`'s `@odata.type`
        annotation, names its type: the annotation as type_annotation()
        gives it, with or without a leading `#`, and with or without the
        `Edm.` namespace of a primitive type (`Collection(Edm.String)`); for
        a model, any of its type names. Compared exactly.
    */
    bool
    annotation_matches(std::size_t i, std::string_view text) const noexcept
    {
        slot const& s = slots_[i];
        if(!text.empty() && text[0] == '#')
            text.remove_prefix(1);
        if(s.p.collection)
        {
            constexpr std::string_view open = "Collection(";
            if(text.size() < open.size() + 1 || text.substr(0, open.size()) != open || text.back() != ')')
                return false;
            text = text.substr(open.size(), text.size() - open.size() - 1);
        }
        if(s.p.type == dynamic_type::object)
        {
            detail::model_table const& m = s.p.collection ? s.model->element().model() : s.model->model();
            for(std::size_t n = 0; n < m.type_name_count; ++n)
                if(m.type_names[n] == text)
                    return true;
            return false;
        }
        if(text.size() > 4 && text.substr(0, 4) == "Edm.")
            text.remove_prefix(4);
        return text == primitive_name(s.p.type);
    }

    /// The OData name of a primitive type: `String`, `Int64`, `Double`,
    /// `DateTimeOffset`, `Boolean` (empty for `object`).
    static constexpr std::string_view
    primitive_name(dynamic_type t) noexcept
    {
        switch(t)
        {
        case dynamic_type::string: return "String";
        case dynamic_type::int64: return "Int64";
        case dynamic_type::double_: return "Double";
        case dynamic_type::date_time_offset: return "DateTimeOffset";
        case dynamic_type::boolean: return "Boolean";
        case dynamic_type::object: return {};
        }
        return {};
    }

    // The engine's view (detail).

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    std::size_t
    index_of(std::string_view name) const noexcept
    {
        auto const it = index_.find(name);
        return it == index_.end() ? npos : it->second;
    }

    detail::member_entry const& entry(std::size_t i) const noexcept { return slots_[i].entry; }

    // `name@odata.type`, a key that outlives any document.
    std::string_view annotation_key(std::size_t i) const noexcept { return slots_[i].annotation_key; }

    // The model a member of type `object` is checked as (its node), else null.
    detail::type_node const* model_node(std::size_t i) const noexcept { return slots_[i].model; }

private:
    struct slot
    {
        property p;
        std::string annotation_key;
        std::string annotation;
        detail::type_node const* model;
        detail::member_entry entry;
    };

    bool
    can_add(std::string_view name) const
    {
        return !name.empty() && name.find('@') == std::string_view::npos && index_of(name) == npos;
    }

    static constexpr string_rules date_time_rules = [] {
        string_rules r;
        r.format = string_format::date_time_offset;
        return r;
    }();

    // An array of booleans, for validation only (std::vector<bool> holds
    // no bool to point at).
    static constexpr detail::type_node boolean_collection = [] {
        detail::type_node n = detail::make_node(detail::value_kind::array);
        n.element = &detail::node_ref<bool>;
        return n;
    }();

    static detail::type_node const*
    node_for(dynamic_type t, bool collection) noexcept
    {
        using detail::node_ref;
        switch(t)
        {
        case dynamic_type::string:
        case dynamic_type::date_time_offset:
            return collection ? &node_ref<std::vector<std::string>>() : &node_ref<std::string>();
        case dynamic_type::int64:
            return collection ? &node_ref<std::vector<std::int64_t>>() : &node_ref<std::int64_t>();
        case dynamic_type::double_:
            return collection ? &node_ref<std::vector<double>>() : &node_ref<double>();
        case dynamic_type::boolean:
            return collection ? &boolean_collection : &node_ref<bool>();
        case dynamic_type::object:
            break;
        }
        return nullptr;
    }

    void
    add_slot(property p, detail::type_node const* model)
    {
        slot& s = slots_.emplace_back();
        s.p = std::move(p);
        s.model = model;
        s.annotation_key = s.p.name + "@odata.type";
        std::string inner = s.p.type == dynamic_type::object
            ? std::string(collection_model(s).type_names[0])
            : std::string(primitive_name(s.p.type));
        s.annotation = s.p.collection ? "Collection(" + inner + ")" : (s.p.type == dynamic_type::object ? "#" + inner : inner);
        detail::member_entry& e = s.entry;
        e = detail::member_entry{};
        e.json_name = s.p.name;
        e.type = s.p.type == dynamic_type::object ? model : node_for(s.p.type, s.p.collection);
        e.versions = (1u << api_version_count) - 1;
        if(s.p.type == dynamic_type::date_time_offset)
            e.text = &date_time_rules;
        index_.emplace(std::string_view(s.p.name), slots_.size() - 1);
    }

    static detail::model_table const&
    collection_model(slot const& s) noexcept
    {
        return s.p.collection ? s.model->element().model() : s.model->model();
    }

    // A deque: the entries' views of the names stay where they are.
    std::deque<slot> slots_;
    std::unordered_map<std::string_view, std::size_t> index_;
};

} // graphschema

#endif
