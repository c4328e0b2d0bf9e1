// unique_ignoring_case() on an array that does not hold models.
// expect: graphschema: unique_ignoring_case() applies only to an array of models, and must name members of the element model (by C++ name)
// expect: <&widget::tags
#include <graphschema/graphschema.hpp>

struct part
{
    graphschema::nullable<std::string> name;
    graphschema::preserved_members rest;
};
BOOST_DESCRIBE_STRUCT(part, (), (name, rest))

constexpr auto
graphschema_model(graphschema::model_tag<part>)
{
    return graphschema::model("contoso.part");
}

struct widget
{
    std::optional<std::vector<std::string>> tags;
    std::optional<std::vector<part>> parts;
    graphschema::preserved_members rest;
};
BOOST_DESCRIBE_STRUCT(widget, (), (tags, parts, rest))

constexpr auto
graphschema_model(graphschema::model_tag<widget>)
{
#ifdef GRAPHSCHEMA_CONTROL
    return graphschema::model("contoso.widget").member("parts", graphschema::unique_ignoring_case("name"));
#else
    return graphschema::model("contoso.widget").member("tags", graphschema::unique_ignoring_case("name"));
#endif
}

int main()
{
    return graphschema::validate<widget>("{}").ok();
}
