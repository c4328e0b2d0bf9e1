// Two places to keep unknown members: which one would get them?
// expect: graphschema: a model may have only one graphschema::preserved_members member
// expect: one_preserved_members<widget, 2>
#include <graphschema/graphschema.hpp>

struct widget
{
    std::optional<std::string> name;
    graphschema::preserved_members rest;
    graphschema::preserved_members more;
};
#ifdef GRAPHSCHEMA_CONTROL
BOOST_DESCRIBE_STRUCT(widget, (), (name, rest))
#else
BOOST_DESCRIBE_STRUCT(widget, (), (name, rest, more))
#endif

constexpr auto graphschema_model(graphschema::model_tag<widget>) { return graphschema::model("contoso.widget"); }

int main()
{
    return graphschema::validate<widget>("{}").ok();
}
