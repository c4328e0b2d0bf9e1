//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_ONE_OF_HPP
#define GRAPHSCHEMA_ONE_OF_HPP

#include <graphschema/preserved.hpp>

#include <cstddef>
#include <utility>
#include <variant>

namespace graphschema {

/** A value of the model `Base` or of a model derived from it (OData
    inheritance), selected by the object's `@odata.type`.

    A `std::variant` of the base, each derived model, and `raw_json` for an
    object whose `@odata.type` names a type this version of the library
    does not know: reading a response keeps such an object verbatim, and
    encoding writes it back as it came. Where `Base` is abstract
    (`model(...).abstract_type()`), `@odata.type` is required. Encoding
    always writes `@odata.type` on a value of a derived type.

        using resolver = graphschema::one_of<url_to_item_resolver_base, item_id_resolver>;
        if(auto const* r = std::get_if<item_id_resolver>(&value)) ...
*/
template<class Base, class... Derived>
class one_of : public std::variant<Base, Derived..., raw_json>
{
public:
    using base_type = Base;
    using variant_type = std::variant<Base, Derived..., raw_json>;

    // Spelled out: clang 14 reads `variant_type::variant` as the type.
    using std::variant<Base, Derived..., raw_json>::variant;
    using std::variant<Base, Derived..., raw_json>::operator=;

    one_of() = default;

    /// The variant itself, for std::visit and std::get.
    variant_type& as_variant() noexcept { return *this; }
    variant_type const& as_variant() const noexcept { return *this; }

    /// True when the value is an object of a type this library does not know.
    bool is_unknown() const noexcept { return std::holds_alternative<raw_json>(as_variant()); }

    friend bool
    operator==(one_of const& a, one_of const& b)
    {
        return a.as_variant() == b.as_variant();
    }

    friend bool operator!=(one_of const& a, one_of const& b) { return !(a == b); }
};

} // graphschema

#endif
