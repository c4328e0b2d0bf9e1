// A rule marks as required a member the struct does not have.
// expect: graphschema: a member marked required() is not a described member of the struct
// expect: named<'t', 'i', 't', 'l', 'e'>
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
    return graphschema::model("contoso.widget").member("name", graphschema::required(graphschema::operation::create));
#else
    return graphschema::model("contoso.widget").member("title", graphschema::required(graphschema::operation::create));
#endif
}

int main()
{
    return graphschema::validate<widget>("{}").ok();
}
