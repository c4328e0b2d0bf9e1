// An array-size rule on a member that is not an array.
// expect: graphschema: items() applies only to array members
// expect: <&widget::label
#include <graphschema/graphschema.hpp>

struct widget
{
    graphschema::nullable<std::string> label;
    std::optional<std::vector<std::string>> tags;
    graphschema::preserved_members rest;
};
BOOST_DESCRIBE_STRUCT(widget, (), (label, tags, rest))

constexpr auto
graphschema_model(graphschema::model_tag<widget>)
{
#ifdef GRAPHSCHEMA_CONTROL
    return graphschema::model("contoso.widget").member("tags", graphschema::items(0, 9));
#else
    return graphschema::model("contoso.widget").member("label", graphschema::items(0, 9));
#endif
}

int main()
{
    return graphschema::validate<widget>("{}").ok();
}
