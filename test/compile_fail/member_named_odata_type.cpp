// @odata.type belongs to the engine: a member may not take that name.
// expect: graphschema: two members map to the same JSON name (or a member maps to @odata.type
// expect: <&widget::odata_type
#include <graphschema/graphschema.hpp>

struct widget
{
    std::optional<std::string> odata_type;
    graphschema::preserved_members rest;
};
BOOST_DESCRIBE_STRUCT(widget, (), (odata_type, rest))

constexpr auto
graphschema_model(graphschema::model_tag<widget>)
{
#ifdef GRAPHSCHEMA_CONTROL
    return graphschema::model("contoso.widget").member("odata_type", graphschema::json_name("odataType"));
#else
    return graphschema::model("contoso.widget").member("odata_type", graphschema::json_name("@odata.type"));
#endif
}

int main()
{
    return graphschema::validate<widget>("{}").ok();
}
