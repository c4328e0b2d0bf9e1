//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_OPEN_ENUM_HPP
#define GRAPHSCHEMA_OPEN_ENUM_HPP

#include <graphschema/detail/model_traits.hpp>

#include <boost/describe/enumerators.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace graphschema {

/** The value of an enum that evolves: one of its members, or a name this
    version of the library does not know.

    Graph's enums end with `unknownFutureValue`, and a newer service may
    send members declared after it. A member of type `open_enum<E>` (`E`
    described with `BOOST_DESCRIBE_ENUM`) keeps such a name as it was sent
    when reading a response, tells it apart from the known members, and
    encodes it back unchanged; in a request (`create`, `update`) a name
    that is no member is still `invalid_enum`. Use plain `E` for an enum
    that does not evolve: any other name is then `invalid_enum` everywhere.
*/
template<class E>
class open_enum
{
    static_assert(boost::describe::has_describe_enumerators<E>::value,
        "graphschema: open_enum<E> needs an enum described with BOOST_DESCRIBE_ENUM");

public:
    using enum_type = E;

    /// The first member of `E`.
    open_enum() noexcept
        : value_(detail::enum_values_of<E>::values[0])
    {
    }

    /// A known member.
    open_enum(E v) noexcept // NOLINT: implicit on purpose
        : value_(v)
    {
    }

    /// A name that is no member of `E`; a member's name makes that member.
    static open_enum
    unknown(std::string_view name)
    {
        open_enum e;
        using values = detail::enum_values_of<E>;
        for(std::size_t i = 0; i < values::names.size(); ++i)
            if(values::names[i] == name)
            {
                e.value_ = values::values[i];
                return e;
            }
        e.name_.assign(name.data(), name.size());
        e.known_ = false;
        return e;
    }

    /// True when the value is a member of `E`.
    bool is_known() const noexcept { return known_; }

    /// The member, when the value is one.
    std::optional<E>
    known() const noexcept
    {
        if(known_)
            return value_;
        return std::nullopt;
    }

    /// The name as JSON spells it: the member's (`limitExceeded`), or the
    /// unknown name as it was sent.
    std::string_view
    name() const noexcept
    {
        if(!known_)
            return name_;
        using values = detail::enum_values_of<E>;
        for(std::size_t i = 0; i < values::values.size(); ++i)
            if(values::values[i] == value_)
                return values::names[i];
        return {};
    }

    friend bool
    operator==(open_enum const& a, open_enum const& b) noexcept
    {
        return a.known_ == b.known_ && (a.known_ ? a.value_ == b.value_ : a.name_ == b.name_);
    }

    friend bool operator!=(open_enum const& a, open_enum const& b) noexcept { return !(a == b); }

    friend bool operator==(open_enum const& a, E b) noexcept { return a.known_ && a.value_ == b; }
    friend bool operator==(E a, open_enum const& b) noexcept { return b == a; }
    friend bool operator!=(open_enum const& a, E b) noexcept { return !(a == b); }
    friend bool operator!=(E a, open_enum const& b) noexcept { return !(b == a); }

private:
    E value_;
    bool known_ = true;
    std::string name_;
};

/** The value of an OData flags enum: a set of its members.

    Sent as one string of member names joined by commas, with or without a
    space after each (`"search, compliance"`), or as an array of names
    (`["search","compliance"]`); each name is checked as an `open_enum<E>`
    is, and encoding writes the form the value came in.
*/
template<class E>
class flags
{
public:
    using enum_type = E;

    /// How the value is written.
    enum class form : unsigned char
    {
        spaced_string,   ///< `"search, compliance"`, OData's own form
        compact_string,  ///< `"search,compliance"`
        array            ///< `["search","compliance"]`
    };

    flags() = default;

    flags(std::initializer_list<E> members, form f = form::spaced_string)
        : written_as(f)
    {
        for(E m : members)
            items.emplace_back(m);
    }

    /// The names, in the order they came.
    std::vector<open_enum<E>> items;

    /// How encoding writes them.
    form written_as = form::spaced_string;

    /// True when `m` is one of the names.
    bool
    contains(E m) const noexcept
    {
        for(auto const& i : items)
            if(i == m)
                return true;
        return false;
    }

    friend bool
    operator==(flags const& a, flags const& b)
    {
        return a.items == b.items && a.written_as == b.written_as;
    }

    friend bool operator!=(flags const& a, flags const& b) { return !(a == b); }
};

} // graphschema

#endif
