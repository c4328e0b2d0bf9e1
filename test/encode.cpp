//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE encode
#include "test_support.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>

#include <string>

namespace gs = graphschema;
namespace graph = graphschema::graph;
using test::summary;

namespace {

graph::external_connection
sample()
{
    graph::external_connection c;
    c.id = "contosohr";
    c.name = "Contoso HR";
    c.description = "";
    c.configuration.emplace();
    c.configuration->authorized_app_ids = std::vector<std::string>{};
    c.state = graph::connection_state::limit_exceeded;
    BOOST_TEST(!c.unknown_properties.insert_raw("x", "1e400"));
    BOOST_TEST(!c.unknown_properties.insert_raw("@odata.context", R"("https://graph.microsoft.com/beta/$metadata#connections/$entity")"));
    return c;
}

} // namespace

BOOST_AUTO_TEST_CASE(the_canonical_form)
{
    BOOST_TEST(gs::encode(sample()) ==
        R"({"@odata.type":"#microsoft.graph.externalConnection","id":"contosohr","name":"Contoso HR",)"
        R"("description":"","configuration":{"@odata.type":"#microsoft.graph.configuration","authorizedAppIds":[]},)"
        R"("state":"limitExceeded","x":1e400,"@odata.context":"https://graph.microsoft.com/beta/$metadata#connections/$entity"})");
}

BOOST_AUTO_TEST_CASE(type_names_everywhere_on_the_root_only_or_nowhere)
{
    gs::encode_options o;
    BOOST_TEST((o.odata_type == gs::odata_type_scope::everywhere));
    o.odata_type = gs::odata_type_scope::nowhere;
    BOOST_TEST(gs::encode(graph::external_connection{}, o) == "{}");
    graph::external_connection c;
    c.configuration.emplace();
    BOOST_TEST(gs::encode(c, o) == R"({"configuration":{}})");
    BOOST_TEST(gs::encode(c) ==
        R"({"@odata.type":"#microsoft.graph.externalConnection","configuration":{"@odata.type":"#microsoft.graph.configuration"}})");
    o.odata_type = gs::odata_type_scope::root;
    BOOST_TEST(gs::encode(c, o) ==
        R"({"@odata.type":"#microsoft.graph.externalConnection","configuration":{}})");
    // The root is the value encode is given, whatever its type.
    BOOST_TEST(gs::encode(*c.configuration, o) == R"({"@odata.type":"#microsoft.graph.configuration"})");
}

BOOST_AUTO_TEST_CASE(encode_appends)
{
    std::string out = "[";
    gs::encode(graph::configuration{}, out);
    BOOST_TEST(out == R"([{"@odata.type":"#microsoft.graph.configuration"})");
}

BOOST_AUTO_TEST_CASE(strings_are_escaped_as_boost_json_does)
{
    std::string all;
    for(int c = 1; c < 128; ++c)
        all.push_back(static_cast<char>(c));
    all += "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80";
    all.push_back('\0');
    graph::external_connection c;
    c.name = all;
    gs::encode_options o;
    o.odata_type = gs::odata_type_scope::nowhere;
    BOOST_TEST(gs::encode(c, o) == R"({"name":)" + boost::json::serialize(boost::json::string_view(all)) + "}");
    BOOST_TEST(!c.unknown_properties.insert_raw(all, "0"));
    auto const text = gs::encode(c, o);
    auto const jv = boost::json::parse(text);
    BOOST_TEST(jv.as_object().at(all).as_int64() == 0);
}

BOOST_AUTO_TEST_CASE(decoding_what_was_encoded_gives_the_same_value)
{
    auto const c = sample();
    auto const text = gs::encode(c);
    gs::decode_options read;
    read.operation = gs::operation::read;
    auto const back = gs::decode<graph::external_connection>(text, read);
    BOOST_TEST(back.ok(), summary(back.report()));
    BOOST_TEST((*back == c));
    BOOST_TEST(gs::encode(*back) == text);
}

BOOST_AUTO_TEST_CASE(a_kept_value_with_line_breaks_encodes_to_one_line)
{
    // An attacker's kept value that, written as it came, would put a whole
    // document on a line of its own in an NDJSON stream.
    std::string const doc = "{\"id\":\"contosohr\",\"x\":[\n"
        "{\"id\":\"forged\",\"name\":\"n\",\"description\":\"\",\"configuration\":{}}\r\n"
        "\t, 1e400 ,\"a \\\" b\\n\\u00e9\" , -0.0E+5 ,\r123456789012345678901234567890\n],"
        "\"configuration\":{\"open\":\n{ \"k\" :\ttrue }}}";
    gs::decode_options read;
    read.operation = gs::operation::read;
    auto const r = gs::decode<graph::external_connection>(doc, read);
    BOOST_TEST(r.ok(), summary(r.report()));
    std::string const line = gs::encode(*r);
    BOOST_TEST(line.find_first_of("\n\r\t") == std::string::npos);
    // Every token byte for byte: only the whitespace between them went.
    BOOST_TEST(r->unknown_properties[0].json ==
        R"([{"id":"forged","name":"n","description":"","configuration":{}},1e400,"a \" b\n\u00e9",-0.0E+5,)"
        R"(123456789012345678901234567890])");
    BOOST_TEST(r->configuration->dynamic_properties[0].json == R"({"k":true})");
    // Stable: decoding the line and encoding again gives the same bytes.
    auto const again = gs::decode<graph::external_connection>(line, read);
    BOOST_TEST(again.ok(), summary(again.report()));
    BOOST_TEST((*again == *r));
    BOOST_TEST(gs::encode(*again) == line);
}

BOOST_AUTO_TEST_CASE(value_from_and_value_to)
{
    auto const c = sample();
    boost::json::value const jv = boost::json::value_from(c);
    BOOST_TEST(jv.at("@odata.type").as_string() == "#microsoft.graph.externalConnection");
    BOOST_TEST(jv.at("configuration").at("authorizedAppIds").as_array().empty());
    auto const back = boost::json::value_to<graph::configuration>(jv.at("configuration"));
    BOOST_TEST((back == *c.configuration));

    boost::json::value const bad = boost::json::parse(R"({"id":"x"})");
    BOOST_CHECK_THROW(boost::json::value_to<graph::external_connection>(bad), gs::validation_error);
    try
    {
        (void)boost::json::value_to<graph::external_connection>(bad);
    }
    catch(gs::validation_error const& e)
    {
        BOOST_TEST(summary(e.report()) ==
            "constraint_violation /id; missing_required /name; missing_required /description; missing_required /configuration");
    }
    auto const r = boost::json::try_value_to<graph::external_connection>(bad);
    BOOST_TEST(r.has_error());
    BOOST_TEST((r.error() == gs::error::constraint_violation));
    auto const ok = boost::json::try_value_to<graph::external_connection>(boost::json::parse(test::valid_create));
    BOOST_TEST(ok.has_value());
    BOOST_TEST(*ok->id == "contosohr");
}

BOOST_AUTO_TEST_CASE(a_built_value_is_validated_as_the_body_it_encodes_to)
{
    graph::external_connection c;
    c.id = "ab";
    c.name = "n";
    auto const r = gs::validate(c);
    BOOST_TEST(summary(r) == "constraint_violation /id; missing_required /description; missing_required /configuration");
    BOOST_TEST(r[0].line == 0u);
    c.id = "contosohr";
    c.description = "d";
    c.configuration.emplace();
    BOOST_TEST(gs::validate(c).ok());
    // a preserved member that repeats a declared one is caught, not hidden
    BOOST_TEST(!c.unknown_properties.insert_raw("name", "\"again\""));
    BOOST_TEST(summary(gs::validate(c)) == "duplicate_property /name");
    // an enum value that is no enumerator is written as a number, and caught
    c.unknown_properties.clear();
    c.state = static_cast<graph::connection_state>(42);
    gs::decode_options read;
    read.operation = gs::operation::read;
    BOOST_TEST(gs::encode(c).find(R"("state":42)") != std::string::npos);
    BOOST_TEST(summary(gs::validate(c, read)) == "type_mismatch /state");
}
