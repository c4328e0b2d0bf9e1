// The peer: Boost.JSON's parse and value_to of a described struct shaped
// like externalConnection (Boost.JSON itself is a compiled library, as
// Debian ships it).
#include <boost/describe.hpp>
#include <boost/json.hpp>

#include <string>
#include <string_view>
#include <vector>

struct configuration
{
    std::vector<std::string> authorizedApps;
};
BOOST_DESCRIBE_STRUCT(configuration, (), (authorizedApps))

struct connection
{
    std::string id, name, description;
    configuration config;
};
BOOST_DESCRIBE_STRUCT(connection, (), (id, name, description, config))

bool
check(std::string_view text)
{
    boost::system::error_code ec;
    auto v = boost::json::parse(text, ec);
    if(ec)
        return false;
    return boost::json::try_value_to<connection>(v).has_value();
}
