// A constraint names a member that is not there (a typo).
// expect: graphschema: a rule names a member that the struct does not describe
// expect: named<'n', 'm', 'a', 'e'>
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
    return graphschema::model("contoso.widget").member("name", graphschema::length(1, 8));
#else
    return graphschema::model("contoso.widget").member("nmae", graphschema::length(1, 8));
#endif
}

int main()
{
    return graphschema::validate<widget>("{}").ok();
}
