//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_NULLABLE_HPP
#define GRAPHSCHEMA_NULLABLE_HPP

#include <boost/throw_exception.hpp>

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace graphschema {

/** A member that may be absent, `null`, or hold a value.

    In a Graph request `null` is not "absent": in an update body
    `{"description": null}` clears the description, where leaving it out
    keeps it. A member of type `nullable<T>` keeps the three apart:
    decoding `null` makes it null, encoding writes `null` back, and a
    member left absent is left out. Use `std::optional<T>` for a member
    that is never `null` (decoding `null` is then `null_not_allowed`).

    `null` is written `nullptr`: `body.description = nullptr;`.
*/
template<class T>
class nullable
{
public:
    using value_type = T;

    /// Absent.
    constexpr nullable() noexcept = default;

    /// Null.
    constexpr nullable(std::nullptr_t) noexcept // NOLINT: implicit on purpose
        : state_(state::null)
    {
    }

    /// A value.
    template<class U = T, std::enable_if_t<std::is_constructible<T, U&&>::value &&
        !std::is_same<std::decay_t<U>, nullable>::value &&
        !std::is_same<std::decay_t<U>, std::nullptr_t>::value, int> = 0>
    nullable(U&& v) // NOLINT: implicit on purpose, as std::optional
        : value_(std::forward<U>(v))
        , state_(state::value)
    {
    }

    nullable&
    operator=(std::nullptr_t) noexcept
    {
        set_null();
        return *this;
    }

    template<class U = T, std::enable_if_t<std::is_constructible<T, U&&>::value &&
        !std::is_same<std::decay_t<U>, nullable>::value &&
        !std::is_same<std::decay_t<U>, std::nullptr_t>::value, int> = 0>
    nullable&
    operator=(U&& v)
    {
        value_ = std::forward<U>(v);
        state_ = state::value;
        return *this;
    }

    /// True when the member was not sent.
    constexpr bool is_absent() const noexcept { return state_ == state::absent; }

    /// True when the member was sent as `null`.
    constexpr bool is_null() const noexcept { return state_ == state::null; }

    /// True when the member holds a value.
    constexpr bool has_value() const noexcept { return state_ == state::value; }

    constexpr explicit operator bool() const noexcept { return has_value(); }

    /// The value; throws `std::bad_optional_access` when there is none.
    T&
    value() &
    {
        check();
        return *value_;
    }

    T const&
    value() const&
    {
        check();
        return *value_;
    }

    /// The value, or `other` when there is none (absent or null).
    template<class U>
    T
    value_or(U&& other) const&
    {
        return has_value() ? *value_ : static_cast<T>(std::forward<U>(other));
    }

    /// The value, which must be there.
    T& operator*() noexcept { return *value_; }
    T const& operator*() const noexcept { return *value_; }
    T* operator->() noexcept { return &*value_; }
    T const* operator->() const noexcept { return &*value_; }

    /// Makes it hold a value made of `args`, and returns it.
    template<class... Args>
    T&
    emplace(Args&&... args)
    {
        value_.emplace(std::forward<Args>(args)...);
        state_ = state::value;
        return *value_;
    }

    /// Makes it absent.
    void
    reset() noexcept
    {
        value_.reset();
        state_ = state::absent;
    }

    /// Makes it null.
    void
    set_null() noexcept
    {
        value_.reset();
        state_ = state::null;
    }

    friend bool
    operator==(nullable const& a, nullable const& b)
    {
        return a.state_ == b.state_ && (a.state_ != state::value || *a.value_ == *b.value_);
    }

    friend bool
    operator!=(nullable const& a, nullable const& b)
    {
        return !(a == b);
    }

private:
    enum class state : unsigned char
    {
        absent,
        null,
        value
    };

    void
    check() const
    {
        if(state_ != state::value)
            boost::throw_exception(std::bad_optional_access());
    }

    std::optional<T> value_;
    state state_ = state::absent;
};

} // graphschema

#endif
