//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_OPTIONS_HPP
#define GRAPHSCHEMA_OPTIONS_HPP

#include <cstddef>
#include <optional>
#include <ostream>
#include <string_view>

namespace graphschema {

/** What a payload is for; validation depends on it (RULES.md, Operations).
*/
enum class operation : unsigned char
{
    /// The body of `POST /external/connections`.
    create,
    /// The body of `PATCH /external/connections/{id}`.
    update,
    /// A response body: what the service returns.
    read
};

/** What happens to members that a non-open model does not declare.

    Annotations (keys containing `@`) and dynamic properties of open types
    are never unknown: they are always kept.
*/
enum class unknown_policy : unsigned char
{
    /// Kept in input order and written back after the known members.
    preserve,
    /// Dropped from the decoded value.
    ignore,
    /// Each one is an `unknown_property` issue.
    reject
};

/** The version of Microsoft Graph a payload is for.

    The models follow both: a member that only `beta` has is, for `v1.0`,
    a member the model does not declare (so `unknown_policy::reject`
    reports it); what is required may differ; encoding writes the type
    names the version uses. Both OData namespaces of a type are accepted
    in either version.
*/
enum class api_version : unsigned char
{
    /// `https://graph.microsoft.com/v1.0`
    v1_0,
    /// `https://graph.microsoft.com/beta`: the default, as the seed's page.
    beta
};

/// The number of API versions.
inline constexpr std::size_t api_version_count = 2;

/// The highest `max_depth` the decoder accepts; larger values are lowered to it.
///
/// Boost.JSON's parser descends recursively, one group of stack frames a
/// level: from about 80 bytes a level in optimized builds to about 960 in
/// clang's unoptimized AddressSanitizer builds, where this many levels take
/// under 4 MiB, half the usual 8 MiB. A thread with a smaller stack needs a
/// smaller `max_depth` (docs/security.md gives the figures).
inline constexpr std::size_t max_depth_limit = 4096;

/** Options for decoding and validating.

    The defaults are those of RULES.md and the command-line validator.
*/
struct decode_options
{
    /// What the payload is for.
    graphschema::operation operation = graphschema::operation::create;

    /// What to do with members the model does not declare.
    unknown_policy unknown = unknown_policy::preserve;

    /// The Graph version the payload is for.
    api_version version = api_version::beta;

    /// The deepest nesting of arrays and objects accepted (`depth_exceeded`).
    /// Values above @ref max_depth_limit are lowered to it; 0 is raised to 1.
    std::size_t max_depth = 64;

    /// The largest document accepted, in bytes (`size_exceeded`), checked
    /// before anything else.
    std::size_t max_bytes = 4194304;

    /// The most issues a report keeps; the rest are counted, and the report
    /// says it was truncated. Zero keeps none (only the verdict and count).
    /// The pointers of the kept issues hold at most `max_bytes` bytes in
    /// all: from the first issue past that, issues are counted, not kept.
    /// The first issue is kept whatever its pointer.
    std::size_t max_issues = 100;
};

/** Where encoding writes `@odata.type`.
*/
enum class odata_type_scope : unsigned char
{
    /// In no object.
    nowhere,
    /// In the root object only (the one `encode` is given).
    root,
    /// First in every object of a described type: the canonical form.
    everywhere
};

/** Options for encoding.
*/
struct encode_options
{
    /// Where `@odata.type` is written first: in every object of a
    /// described type (the default), in the root object only, or nowhere.
    odata_type_scope odata_type = odata_type_scope::everywhere;

    /// The Graph version whose type names are written. A value of a
    /// derived type always has its `@odata.type` written, whatever
    /// `odata_type` says: it is what selects the type.
    api_version version = api_version::beta;
};

/// Returns the name of an operation as RULES.md spells it (`"create"`, ...).
constexpr std::string_view
to_string(operation op) noexcept
{
    switch(op)
    {
    case operation::create: return "create";
    case operation::update: return "update";
    case operation::read:   return "read";
    }
    return {};
}

/// Returns the name of a policy as RULES.md spells it (`"preserve"`, ...).
constexpr std::string_view
to_string(unknown_policy p) noexcept
{
    switch(p)
    {
    case unknown_policy::preserve: return "preserve";
    case unknown_policy::ignore:   return "ignore";
    case unknown_policy::reject:   return "reject";
    }
    return {};
}

/// Returns the name of a version as Graph's URLs spell it (`"v1.0"`, `"beta"`).
constexpr std::string_view
to_string(api_version v) noexcept
{
    switch(v)
    {
    case api_version::v1_0: return "v1.0";
    case api_version::beta: return "beta";
    }
    return {};
}

inline std::ostream&
operator<<(std::ostream& os, api_version v)
{
    return os << to_string(v);
}

inline std::ostream&
operator<<(std::ostream& os, operation op)
{
    return os << to_string(op);
}

inline std::ostream&
operator<<(std::ostream& os, unknown_policy p)
{
    return os << to_string(p);
}

/// Returns the operation named `name`, if there is one.
constexpr std::optional<operation>
operation_from_string(std::string_view name) noexcept
{
    for(auto op : {operation::create, operation::update, operation::read})
        if(to_string(op) == name)
            return op;
    return std::nullopt;
}

/// Returns the policy named `name`, if there is one.
constexpr std::optional<unknown_policy>
unknown_policy_from_string(std::string_view name) noexcept
{
    for(auto p : {unknown_policy::preserve, unknown_policy::ignore,
                  unknown_policy::reject})
        if(to_string(p) == name)
            return p;
    return std::nullopt;
}

/// Returns the version named `name` (`"v1.0"` or `"beta"`), if there is one.
constexpr std::optional<api_version>
api_version_from_string(std::string_view name) noexcept
{
    for(auto v : {api_version::v1_0, api_version::beta})
        if(to_string(v) == name)
            return v;
    return std::nullopt;
}

} // graphschema

#endif
