//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_ERROR_HPP
#define GRAPHSCHEMA_ERROR_HPP

#include <boost/system/error_code.hpp>

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>

namespace graphschema {

/** The stable codes of a validation issue.

    Each code has a fixed name (see @ref to_string) that reports, the
    command-line validator and the example server print. The names are part
    of the contract in RULES.md and never change.
*/
enum class error
{
    /// Not JSON: truncated, trailing text, invalid UTF-8, empty input.
    syntax_error = 1,
    /// Nesting deeper than `decode_options::max_depth`.
    depth_exceeded,
    /// More bytes than `decode_options::max_bytes`.
    size_exceeded,
    /// The same key twice in one object (compared after unescaping).
    duplicate_property,
    /// A value of the wrong JSON type.
    type_mismatch,
    /// A string or number breaking a length, pattern, prefix, reserved-word
    /// or range rule.
    constraint_violation,
    /// An enum string that is not a member of the enum.
    invalid_enum,
    /// A member required for the operation is absent.
    missing_required,
    /// A member that must not be sent for the operation is present.
    read_only_property,
    /// A required member, or an array element, is `null`.
    null_not_allowed,
    /// A member the model does not declare, under `unknown_policy::reject`.
    unknown_property,
    /// `@odata.type` names another type.
    odata_type_mismatch
};

/// The number of codes in @ref error.
inline constexpr int error_count = 12;

/** Returns the stable name of a code, such as `"missing_required"`.

    Returns an empty view for a value that is not a code.
*/
constexpr std::string_view
to_string(error e) noexcept
{
    switch(e)
    {
    case error::syntax_error:         return "syntax_error";
    case error::depth_exceeded:       return "depth_exceeded";
    case error::size_exceeded:        return "size_exceeded";
    case error::duplicate_property:   return "duplicate_property";
    case error::type_mismatch:        return "type_mismatch";
    case error::constraint_violation: return "constraint_violation";
    case error::invalid_enum:         return "invalid_enum";
    case error::missing_required:     return "missing_required";
    case error::read_only_property:   return "read_only_property";
    case error::null_not_allowed:     return "null_not_allowed";
    case error::unknown_property:     return "unknown_property";
    case error::odata_type_mismatch:  return "odata_type_mismatch";
    }
    return {};
}

/// Returns the code whose stable name is `name`, if there is one.
constexpr std::optional<error>
error_from_string(std::string_view name) noexcept
{
    for(int i = 1; i <= error_count; ++i)
        if(to_string(static_cast<error>(i)) == name)
            return static_cast<error>(i);
    return std::nullopt;
}

/// Writes the stable name of a code.
inline std::ostream&
operator<<(std::ostream& os, error e)
{
    return os << to_string(e);
}

namespace detail {

class error_category_impl final : public boost::system::error_category
{
public:
    // A fixed identifier makes categories from different shared objects
    // compare equal, as Boost.System recommends for header-only libraries.
    constexpr error_category_impl() noexcept
        : boost::system::error_category(0x9e3a5b1c7d2f4a61ULL)
    {
    }

    char const*
    name() const noexcept override
    {
        return "graphschema";
    }

    std::string
    message(int ev) const override
    {
        auto const name = to_string(static_cast<error>(ev));
        if(name.empty())
            return "unknown graphschema error";
        return std::string(name);
    }
};

} // detail

/// Returns the error category of @ref error.
inline boost::system::error_category const&
error_category() noexcept
{
    static constexpr detail::error_category_impl category;
    return category;
}

/// Makes an error code from @ref error, for `boost::system::error_code ec = error::...`.
inline boost::system::error_code
make_error_code(error e) noexcept
{
    return {static_cast<int>(e), error_category()};
}

} // graphschema

namespace boost {
namespace system {

template<>
struct is_error_code_enum<::graphschema::error> : std::true_type
{
};

} // system
} // boost

#endif
