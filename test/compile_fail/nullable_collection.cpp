// A nullable collection: OData collections are never null.
// expect: graphschema: a collection is never null: use std::optional<std::vector<T>>, not nullable
// expect: <&widget::tags
#include <graphschema/graphschema.hpp>

struct widget
{
#ifdef GRAPHSCHEMA_CONTROL
    std::optional<std::vector<std::string>> tags;
#else
    graphschema::nullable<std::vector<std::string>> tags;
#endif
    graphschema::preserved_members rest;
};
BOOST_DESCRIBE_STRUCT(widget, (), (tags, rest))

constexpr auto
graphschema_model(graphschema::model_tag<widget>)
{
    return graphschema::model("contoso.widget");
}

int main()
{
    return graphschema::validate<widget>("{}").ok();
}
