// A model with nowhere to keep what it does not declare.
// expect: graphschema: a model needs one graphschema::preserved_members member
// expect: one_preserved_members<widget, 0>
#include <graphschema/graphschema.hpp>

struct widget
{
    std::optional<std::string> name;
#ifdef GRAPHSCHEMA_CONTROL
    graphschema::preserved_members rest;
#endif
};
#ifdef GRAPHSCHEMA_CONTROL
BOOST_DESCRIBE_STRUCT(widget, (), (name, rest))
#else
BOOST_DESCRIBE_STRUCT(widget, (), (name))
#endif

constexpr auto graphschema_model(graphschema::model_tag<widget>) { return graphschema::model("contoso.widget"); }

int main()
{
    return graphschema::validate<widget>("{}").ok();
}
