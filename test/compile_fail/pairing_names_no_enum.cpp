// true_only_when() naming a member that is not an enum.
// expect: graphschema: true_only_when() must name an enum member, and never_true_with() a boolean member, of the same model (by C++ name)
// expect: <&widget::rolls
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
    return graphschema::model("contoso.widget").member("rolls", graphschema::true_only_when("label", shape::round));
#endif
}

int main()
{
    return graphschema::validate<widget>("{}").ok();
}
