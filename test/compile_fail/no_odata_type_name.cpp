// A described struct used as a model without declaring its OData type.
// expect: graphschema: this type has no OData type name
// expect: model_traits<widget, false>
#include <graphschema/graphschema.hpp>

struct widget
{
    std::optional<std::string> name;
    graphschema::preserved_members rest;
};
BOOST_DESCRIBE_STRUCT(widget, (), (name, rest))

#ifdef GRAPHSCHEMA_CONTROL
constexpr auto graphschema_model(graphschema::model_tag<widget>) { return graphschema::model("contoso.widget"); }
#endif

int main()
{
    return graphschema::detail::model_table_of<widget>::value.member_count == 1 ? 0 : 1;
}
