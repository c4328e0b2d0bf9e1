// A member cannot be both required and forbidden for one operation.
// expect: graphschema: a member is both required and read-only for one operation
// expect: <&widget::name
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
    using graphschema::operation;
#ifdef GRAPHSCHEMA_CONTROL
    return graphschema::model("contoso.widget")
        .member("name", graphschema::required(operation::create), graphschema::read_only(operation::update));
#else
    return graphschema::model("contoso.widget")
        .member("name", graphschema::required(operation::create), graphschema::read_only(operation::create));
#endif
}

int main()
{
    return graphschema::validate<widget>("{}").ok();
}
