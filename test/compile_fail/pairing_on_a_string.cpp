// A rule across members on a member that is not a boolean.
// expect: graphschema: true_only_when() and never_true_with() apply only to boolean members
// expect: <&widget::label
#include <graphschema/graphschema.hpp>

enum class shape { round, square };
BOOST_DESCRIBE_ENUM(shape, round, square)

struct widget
{
    graphschema::nullable<std::string> label;
    graphschema::nullable<bool> rolls;
    graphschema::nullable<shape> form;
    graphschema::preserved_members rest;
};
BOOST_DESCRIBE_STRUCT(widget, (), (label, rolls, form, rest))

constexpr auto
graphschema_model(graphschema::model_tag<widget>)
{
#ifdef GRAPHSCHEMA_CONTROL
    return graphschema::model("contoso.widget").member("rolls", graphschema::true_only_when("form", shape::round));
#else
    return graphschema::model("contoso.widget").member("label", graphschema::true_only_when("form", shape::round));
#endif
}

int main()
{
    return graphschema::validate<widget>("{}").ok();
}
