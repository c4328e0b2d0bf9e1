// display_name becomes displayName, which another member already is.
// expect: graphschema: two members map to the same JSON name
// expect: <&widget::display_name, &widget::displayName
#include <graphschema/graphschema.hpp>

struct widget
{
    std::optional<std::string> display_name;
    std::optional<std::string> displayName;
    graphschema::preserved_members rest;
};
BOOST_DESCRIBE_STRUCT(widget, (), (display_name, displayName, rest))

constexpr auto
graphschema_model(graphschema::model_tag<widget>)
{
    return graphschema::model("contoso.widget")
#ifdef GRAPHSCHEMA_CONTROL
        .member("displayName", graphschema::json_name("legacyDisplayName"))
#endif
        ;
}

int main()
{
    return graphschema::encode(widget{}).empty();
}
