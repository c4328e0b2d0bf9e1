// OData type names are qualified: namespace.Name.
// expect: graphschema: an OData type name must be qualified (namespace.Name)
// expect: named<'w', 'i', 'd', 'g', 'e', 't'>
#include <graphschema/graphschema.hpp>

struct widget
{
    std::optional<std::string> name;
    graphschema::preserved_members rest;
};
BOOST_DESCRIBE_STRUCT(widget, (), (name, rest))

constexpr auto
graphschema_model(graphschema::model_tag<widget>)
{
#ifdef GRAPHSCHEMA_CONTROL
    return graphschema::model("contoso.widget");
#else
    return graphschema::model("widget");
#endif
}

int main()
{
    return graphschema::validate<widget>("{}").ok();
}
