//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE nested_arrays
#include <graphschema/graphschema.hpp>

#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>
#include <vector>

// Arrays of arrays are mapped: std::vector<std::vector<T>> is a JSON array
// of arrays, decoded, validated, encoded and exported like any array; a
// member's rules apply to its innermost values.

namespace gs = graphschema;

namespace contoso {

struct grid
{
    std::optional<std::vector<std::vector<std::string>>> rows;
    std::optional<std::vector<std::vector<std::int32_t>>> cells;
    gs::preserved_members rest;
};

#if defined(__clang__)
# pragma clang diagnostic push
# pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif
BOOST_DESCRIBE_STRUCT(grid, (), (rows, cells, rest))
#if defined(__clang__)
# pragma clang diagnostic pop
#endif

constexpr auto
graphschema_model(gs::model_tag<grid>)
{
    return gs::model("contoso.grid")
        .member("rows", gs::length(1, 3))
        .member("cells", gs::range(0, 9));
}

using graphschema::tag_invoke;
using boost::describe::operators::operator==;
using boost::describe::operators::operator!=;

} // contoso

namespace {

std::string
summary(gs::report const& r)
{
    std::string s;
    for(auto const& i : r)
        s += std::string(gs::to_string(i.code)) + " " + i.pointer + "; ";
    return s;
}

} // namespace

BOOST_AUTO_TEST_CASE(arrays_of_arrays_decode_and_encode)
{
    auto const doc = R"({"rows":[["a","bc"],[],["def"]],"cells":[[0,9],[1]]})";
    auto const r = gs::decode<contoso::grid>(doc);
    BOOST_TEST(r.ok(), summary(r.report()));
    BOOST_TEST((*r->rows == std::vector<std::vector<std::string>>{{"a", "bc"}, {}, {"def"}}));
    BOOST_TEST((*r->cells == std::vector<std::vector<std::int32_t>>{{0, 9}, {1}}));
    gs::encode_options no_type;
    no_type.odata_type = gs::odata_type_scope::nowhere;
    auto const text = gs::encode(*r, no_type);
    BOOST_TEST(text == doc);
    BOOST_TEST((gs::decode<contoso::grid>(text).value() == *r));
}

BOOST_AUTO_TEST_CASE(rules_apply_to_the_innermost_values)
{
    auto const r = gs::validate<contoso::grid>(R"({"rows":[["a"],["toolong",""]],"cells":[[10],[1,-1]]})");
    BOOST_TEST(summary(r) ==
        "constraint_violation /rows/1/0; constraint_violation /rows/1/1; "
        "constraint_violation /cells/0/0; constraint_violation /cells/1/1; ");
    // Types at each level.
    BOOST_TEST(summary(gs::validate<contoso::grid>(R"({"rows":["a",[1],[null]]})")) ==
        "type_mismatch /rows/0; type_mismatch /rows/1/0; null_not_allowed /rows/2/0; ");
    // Read accepts what the service returns: no length or range there.
    gs::decode_options o;
    o.operation = gs::operation::read;
    BOOST_TEST(gs::validate<contoso::grid>(R"({"rows":[["toolong"]],"cells":[[10]]})", o).ok());
}

BOOST_AUTO_TEST_CASE(the_reporters_and_the_value_path_agree)
{
    for(auto doc : {R"({"rows":[["a"],["toolong"]]})", R"({"cells":[[1],[2,3]]})", R"({"rows":[[[]]]})"})
    {
        auto const text = gs::validate<contoso::grid>(doc);
        BOOST_TEST(gs::is_valid<contoso::grid>(doc) == text.ok());
        auto const value = gs::validate<contoso::grid>(boost::json::parse(doc));
        BOOST_TEST(summary(value) == summary(text));
    }
}

BOOST_AUTO_TEST_CASE(the_schema_nests_items)
{
    auto const s = gs::json_schema<contoso::grid>();
    auto const& rows = s.at("properties").at("rows");
    BOOST_TEST(rows.at("items").at("type") == "array");
    BOOST_TEST(rows.at("items").at("items").at("maxLength") == 3);
}
