// A member whose C++ type has no JSON mapping.
// expect: graphschema: a described member has a type with no JSON mapping
// expect: <&widget::tags
#include <graphschema/graphschema.hpp>

#include <map>

struct widget
{
#ifdef GRAPHSCHEMA_CONTROL
    std::optional<std::vector<std::string>> tags;
#else
    std::map<int, void*> tags;
#endif
    graphschema::preserved_members rest;
};
BOOST_DESCRIBE_STRUCT(widget, (), (tags, rest))

constexpr auto graphschema_model(graphschema::model_tag<widget>) { return graphschema::model("contoso.widget"); }

int main()
{
    return graphschema::validate<widget>("{}").ok();
}
