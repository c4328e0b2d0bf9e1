//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE json_test_suite
#include "test_support.hpp"

#include <filesystem>
#include <string>

// nst/JSONTestSuite's test_parsing/: every y_ file parses (as a JSON
// document, whatever the model then says), every n_ file is a syntax_error
// or depth_exceeded, and no i_ file crashes, hangs or reports anything
// but issues.

namespace gs = graphschema;
namespace graph = graphschema::graph;
namespace fs = std::filesystem;

namespace {

bool
is_document_error(gs::error e)
{
    return e == gs::error::syntax_error || e == gs::error::depth_exceeded ||
        e == gs::error::size_exceeded;
}

struct counts
{
    std::size_t y = 0, n = 0, i = 0;
};

} // namespace

BOOST_AUTO_TEST_CASE(every_file)
{
    fs::path const dir = test::shared_path("JSONTestSuite/test_parsing");
    BOOST_REQUIRE(fs::is_directory(dir));
    counts c;
    for(auto const& entry : fs::directory_iterator(dir))
    {
        auto const name = entry.path().filename().string();
        auto const text = test::read_file(entry.path().string());
        for(auto op : {gs::operation::create, gs::operation::read})
        {
            gs::decode_options o;
            o.operation = op;
            auto const v = gs::validate<graph::external_connection>(text, o);
            auto const d = gs::decode<graph::external_connection>(text, o);
            BOOST_TEST((v == d.report()), name);
            bool const document_error = !v.ok() && is_document_error(v[0].code);
            if(document_error)
                BOOST_TEST(v.size() == 1u, name);
            switch(name[0])
            {
            case 'y':
                BOOST_TEST(!document_error, name << ": " << (v.ok() ? "" : v[0].message));
                break;
            case 'n':
                BOOST_TEST(document_error, name);
                if(document_error)
                    BOOST_TEST((v[0].code == gs::error::syntax_error || v[0].code == gs::error::depth_exceeded), name);
                break;
            default:
                break;
            }
        }
        (name[0] == 'y' ? c.y : name[0] == 'n' ? c.n : c.i) += 1;
    }
    BOOST_TEST(c.y == 95u);
    BOOST_TEST(c.n == 188u);
    BOOST_TEST(c.i == 35u);
}
