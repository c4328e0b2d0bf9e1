// A member required in one version's create and read-only there too.
// expect: graphschema: a member is both required and read-only for one operation
// expect: <&widget::note
#include <graphschema/graphschema.hpp>

struct widget
{
    graphschema::nullable<std::string> note;
    graphschema::preserved_members rest;
};
BOOST_DESCRIBE_STRUCT(widget, (), (note, rest))

constexpr auto
graphschema_model(graphschema::model_tag<widget>)
{
    namespace gs = graphschema;
#ifdef GRAPHSCHEMA_CONTROL
    return gs::model("contoso.widget").member("note",
        gs::required_in(gs::api_version::beta, gs::operation::create), gs::read_only(gs::operation::update));
#else
    return gs::model("contoso.widget").member("note",
        gs::required_in(gs::api_version::beta, gs::operation::create), gs::read_only(gs::operation::create));
#endif
}

int main()
{
    return graphschema::validate<widget>("{}").ok();
}
