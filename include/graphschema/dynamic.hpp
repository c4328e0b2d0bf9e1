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
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace graphschema {

namespace detail {
struct dynamic_access;
} // detail

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
        for(auto const& s : other.members_)
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
    std::size_t size() const noexcept { return members_.size(); }

    /// True when there is none.
    bool empty() const noexcept { return members_.empty(); }

    /// Member `i`, in the order they were added.
    property const& operator[](std::size_t i) const noexcept { return members_[i].p; }

    /// The member named `name`, or null.
    property const*
    find(std::string_view name) const noexcept
    {
        auto const it = index_.find(name);
        return it == index_.end() ? nullptr : &members_[it->second].p;
    }

    /// The annotation that names member `i`'s type, as the library writes
    /// it: `String`, `Int64`, `Double`, `DateTimeOffset`, `Boolean`,
    /// `Collection(String)`, ...; for a model, its qualified name.
    std::string_view type_annotation(std::size_t i) const noexcept { return members_[i].annotation; }

    /// The key of member `i`'s type annotation, `name@odata.type`.
    std::string_view annotation_key(std::size_t i) const noexcept { return members_[i].annotation_key; }

    /// True when member `i` must carry its type annotation: a collection
    /// of a primitive type.
    bool
    annotation_required(std::size_t i) const noexcept
    {
        return members_[i].p.collection && members_[i].p.type != dynamic_type::object;
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
        slot const& s = members_[i];
        if(text == s.annotation)
            return true; // as the library writes it: the common case
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

private:
    friend struct detail::dynamic_access;

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    // The member named `name`: the slot its fingerprint picks names the
    // one member it can be (see detail::member_lookup), so that one name
    // is compared; without such a table, the hash map.
    std::size_t
    index_of(std::string_view name) const noexcept
    {
        if(!table_.empty())
        {
            if(name.empty())
                return npos;
            lookup_slot const& s = table_[detail::member_lookup::slot(
                detail::member_lookup::fingerprint(name.data(), name.size()), multiplier_, shift_)];
            return s.name.size() == name.size() && s.name.size() != 0 &&
                std::memcmp(s.name.data(), name.data(), name.size()) == 0 ? s.index : npos;
        }
        auto const it = index_.find(name);
        return it == index_.end() ? npos : it->second;
    }

    detail::member_entry const& entry(std::size_t i) const noexcept { return members_[i].entry; }


    // The model a member of type `object` is checked as (its node), else null.
    detail::type_node const* model_node(std::size_t i) const noexcept { return members_[i].model; }

    // Word `w` of the members whose annotation is required.
    std::uint64_t annotations_required(std::size_t w) const noexcept { return annotated_[w]; }

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
        return !name.empty() && name.find('@') == std::string_view::npos && find(name) == nullptr;
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
        slot& s = members_.emplace_back();
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
        index_.emplace(std::string_view(s.p.name), members_.size() - 1);
        std::size_t const i = members_.size() - 1;
        if(annotated_.size() < i / 64 + 1)
            annotated_.push_back(0);
        if(annotation_required(i))
            annotated_[i / 64] |= std::uint64_t(1) << (i % 64);
        make_lookup();
    }

    // A table of 2^bits slots where every name's fingerprint has a slot of
    // its own, for a multiplier found by trying; none (the hash map is
    // used) when the names are too alike.
    void
    make_lookup()
    {
        table_.clear();
        std::size_t const n = members_.size();
        if(n > max_table_members)
            return; // the hash map is as good, and the search costs more

        unsigned bits = 4;
        while((std::size_t(1) << bits) < 2 * n)
            ++bits;
        std::vector<lookup_slot> table;
        for(; bits <= 16; ++bits)
        {
            std::uint32_t m = 0x9e3779b1u;
            for(int attempt = 0; attempt < 32; ++attempt)
            {
                table.assign(std::size_t(1) << bits, lookup_slot{});
                bool separate = true;
                for(std::size_t i = 0; i < n && separate; ++i)
                {
                    auto const& name = members_[i].p.name;
                    auto const at = detail::member_lookup::slot(
                        detail::member_lookup::fingerprint(name.data(), name.size()), m, 32 - bits);
                    separate = table[at].name.empty();
                    table[at] = {name, i};
                }
                if(separate)
                {
                    table_ = std::move(table);
                    multiplier_ = m;
                    shift_ = 32 - bits;
                    return;
                }
                m = m * 0x01000193u + 0x7f4a7c15u;
                m |= 1;
            }
        }
    }

    static detail::model_table const&
    collection_model(slot const& s) noexcept
    {
        return s.p.collection ? s.model->element().model() : s.model->model();
    }

    // A deque: the entries' views of the names stay where they are.
    std::deque<slot> members_;
    std::unordered_map<std::string_view, std::size_t> index_;
    // The lookup table (see index_of): the one name a slot can be (empty
    // for none) and its index.
    struct lookup_slot
    {
        std::string_view name;
        std::size_t index = npos;
    };
    static constexpr std::size_t max_table_members = 512;
    std::vector<lookup_slot> table_;
    // A bit per member whose annotation is required (a word per 64).
    std::vector<std::uint64_t> annotated_;
    std::uint32_t multiplier_ = 0;
    unsigned shift_ = 0;
};

namespace detail {

// The engine's way in: which member a key is, its table entry, its
// annotation's key.
struct dynamic_access
{
    static constexpr std::size_t npos = dynamic_schema::npos;

    static std::size_t index_of(dynamic_schema const& d, std::string_view name) noexcept { return d.index_of(name); }
    static member_entry const& entry(dynamic_schema const& d, std::size_t i) noexcept { return d.entry(i); }
    static std::string_view annotation_key(dynamic_schema const& d, std::size_t i) noexcept { return d.annotation_key(i); }
    static type_node const* model_node(dynamic_schema const& d, std::size_t i) noexcept { return d.model_node(i); }
    static std::uint64_t annotations_required(dynamic_schema const& d, std::size_t w) noexcept { return d.annotations_required(w); }
};

} // detail
} // graphschema

#endif
