// A length rule on an integer member.
// expect: graphschema: length, allowed_chars, forbidden_prefix and reserved_words apply only to string members
// expect: <&widget::count
#include <graphschema/graphschema.hpp>

struct widget
{
    std::optional<std::int32_t> count;
    graphschema::preserved_members rest;
};
BOOST_DESCRIBE_STRUCT(widget, (), (count, rest))

constexpr auto
graphschema_model(graphschema::model_tag<widget>)
{
#ifdef GRAPHSCHEMA_CONTROL
    return graphschema::model("contoso.widget").member("count", graphschema::range(0, 9));
#else
    return graphschema::model("contoso.widget").member("count", graphschema::length(0, 9));
#endif
}

int main()
{
    return graphschema::validate<widget>("{}").ok();
}
