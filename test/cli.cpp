//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE cli
#include "test_support.hpp"

#include <boost/json/parse.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

// The built graphschema-validate, run as a process: every vector, the
// options, the output forms and the exit statuses of RULES.md.

namespace gs = graphschema;

namespace {

struct result
{
    int status;
    std::string out;
    std::string err;
};

std::string
quote(std::string const& s)
{
    std::string q = "'";
    for(char c : s)
    {
        if(c == '\'')
            q += "'\\''";
        else
            q += c;
    }
    return q + "'";
}

class sandbox
{
public:
    sandbox()
    {
        char tmpl[] = "/tmp/graphschema-cli-XXXXXX";
        char* d = ::mkdtemp(tmpl);
        BOOST_REQUIRE(d != nullptr);
        dir_ = d;
    }

    ~sandbox()
    {
        std::string const cmd = "rm -rf " + quote(dir_);
        if(std::system(cmd.c_str()) != 0)
            BOOST_TEST_MESSAGE("could not remove " << dir_);
    }

    std::string
    file(std::string const& name, std::string const& content) const
    {
        std::string const path = dir_ + "/" + name;
        std::ofstream(path, std::ios::binary) << content;
        return path;
    }

    std::string const& dir() const { return dir_; }

    // Runs a shell command; its exit status.
    static int
    shell(std::string const& cmd)
    {
        int const raw = std::system(cmd.c_str());
        BOOST_REQUIRE(raw != -1 && WIFEXITED(raw));
        return WEXITSTATUS(raw);
    }

    // Runs the validator with `args`, feeding `input` on standard input.
    result
    run(std::vector<std::string> const& args, std::string const& input = "") const
    {
        char const* exe = std::getenv("GRAPHSCHEMA_VALIDATE");
        BOOST_REQUIRE_MESSAGE(exe != nullptr, "GRAPHSCHEMA_VALIDATE names the built validator");
        std::string cmd = quote(exe);
        for(auto const& a : args)
            cmd += " " + quote(a);
        cmd += " < " + quote(file("stdin", input)) + " > " + quote(dir_ + "/out") +
            " 2> " + quote(dir_ + "/err");
        int const raw = std::system(cmd.c_str());
        BOOST_REQUIRE(raw != -1 && WIFEXITED(raw));
        return {WEXITSTATUS(raw), test::read_file(dir_ + "/out"), test::read_file(dir_ + "/err")};
    }

private:
    std::string dir_;
};

std::vector<std::string>
lines(std::string const& s)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while(start < s.size())
    {
        auto const nl = s.find('\n', start);
        out.push_back(s.substr(start, nl - start));
        if(nl == std::string::npos)
            break;
        start = nl + 1;
    }
    return out;
}

// A vector through the CLI: its verdict, codes and pointers, and what
// --emit writes.
void
check_vector(sandbox const& box, test::vector_case const& c)
{
    auto const path = box.file("doc.json", c.document);
    // The version the vector is for (beta unless it says), as
    // --api-version says it.
    std::vector<std::string> args = {"--type", c.type, "--operation", c.operation,
        "--unknown", c.unknown, "--api-version", std::string(gs::to_string(c.options.version)),
        "--format", "json", path};
    auto const r = box.run(args);
    BOOST_TEST(r.status == (c.valid ? 0 : 1));
    auto const report = boost::json::parse(r.out).as_object();
    BOOST_TEST(report.at("source").as_string() == path);
    BOOST_TEST(report.at("valid").as_bool() == c.valid);
    std::multiset<std::pair<std::string, std::string>> got;
    for(auto const& e : report.at("errors").as_array())
    {
        got.insert({e.at("code").as_string().c_str(), e.at("pointer").as_string().c_str()});
        BOOST_TEST(e.at("line").as_int64() >= 1);
        BOOST_TEST(e.at("column").as_int64() >= 1);
        BOOST_TEST(!e.at("message").as_string().empty());
    }
    BOOST_TEST((got == c.errors));
    if(c.has_emit)
    {
        args.push_back("--emit");
        auto const e = box.run(args);
        BOOST_TEST(e.status == 0);
        BOOST_TEST(e.out == c.emit + "\n");
        BOOST_TEST(boost::json::parse(e.err).at("valid").as_bool());
    }
}

} // namespace

BOOST_AUTO_TEST_CASE(every_vector_through_the_cli)
{
    sandbox box;
    std::size_t n = 0;
    for(auto const& c : test::load_vectors())
    {
        BOOST_TEST_CONTEXT(c.name)
        {
            check_vector(box, c);
            ++n;
        }
    }
    BOOST_TEST(n >= 40u);
}

// The project's own vectors (test/vectors), the connector's payloads
// among them: each type is taken by its name.
BOOST_AUTO_TEST_CASE(every_project_vector_through_the_cli)
{
    sandbox box;
    std::set<std::string> types;
    for(auto const& c : test::load_project_vectors())
    {
        BOOST_TEST_CONTEXT(c.name)
        {
            check_vector(box, c);
            types.insert(c.type);
        }
    }
    for(char const* t : {"schema", "property", "externalItem", "acl", "externalItemContent", "externalGroup",
            "identity", "externalActivity", "addActivities", "rankingHint"})
        BOOST_TEST(types.count(t) == 1u, t);
}

BOOST_AUTO_TEST_CASE(the_text_format)
{
    sandbox box;
    auto const good = box.file("good.json", test::valid_create);
    auto const bad = box.file("bad.json", "{\n  \"id\": \"x\"\n}");
    auto const r = box.run({good, bad});
    BOOST_TEST(r.status == 1);
    auto const l = lines(r.out);
    BOOST_REQUIRE(l.size() == 6u);
    BOOST_TEST(l[0] == good + ": valid");
    BOOST_TEST(l[1] == bad + ": invalid (4 issues)");
    BOOST_TEST(l[2] == bad + ":2:9: constraint_violation /id: must be 3 to 32 characters long (found 1)");
    BOOST_TEST(l[3] == bad + ":1:1: missing_required /name: required property 'name' is missing");
    BOOST_TEST(r.err.empty());
    auto const syntax = box.run({"-"}, "{,");
    BOOST_TEST(syntax.status == 1);
    BOOST_TEST(lines(syntax.out)[1].find("-:1:2: syntax_error (document): ") == 0u);
}

BOOST_AUTO_TEST_CASE(standard_input_and_dash)
{
    sandbox box;
    auto const a = box.run({}, test::valid_create);
    BOOST_TEST(a.status == 0);
    BOOST_TEST(a.out == "-: valid\n");
    auto const b = box.run({"-", "--format=json"}, "[]");
    BOOST_TEST(b.status == 1);
    BOOST_TEST(b.out == R"({"source":"-","valid":false,"errors":[{"code":"type_mismatch","pointer":"",)"
        R"("line":1,"column":1,"message":"expected an object (microsoft.graph.externalConnection), found an array"}]})" "\n");
}

BOOST_AUTO_TEST_CASE(ndjson_streams)
{
    sandbox box;
    std::string const stream = std::string(test::valid_create) + "\n\n" +
        R"({"id":"ab","name":"n","description":"d","configuration":{}})" "\n" +
        "   \n" + "{\"id\":\n";
    auto const path = box.file("s.ndjson", stream);
    auto const r = box.run({"--ndjson", "--format", "json", path});
    BOOST_TEST(r.status == 1);
    auto const l = lines(r.out);
    BOOST_REQUIRE(l.size() == 3u);
    auto const first = boost::json::parse(l[0]);
    BOOST_TEST(first.at("source").as_string() == path + ":1");
    BOOST_TEST(first.at("valid").as_bool());
    auto const second = boost::json::parse(l[1]);
    BOOST_TEST(second.at("source").as_string() == path + ":3");
    BOOST_TEST(second.at("errors").at(0).at("line").as_int64() == 3);
    BOOST_TEST(second.at("errors").at(0).at("column").as_int64() == 7);
    auto const third = boost::json::parse(l[2]);
    BOOST_TEST(third.at("source").as_string() == path + ":5");
    BOOST_TEST(third.at("errors").at(0).at("code").as_string() == "syntax_error");

    // Text: the invalid documents only, then a summary.
    auto const text = box.run({"--ndjson", path});
    auto const t = lines(text.out);
    BOOST_REQUIRE(t.size() == 5u);
    BOOST_TEST(t[0] == path + ":3: invalid (1 issue)");
    BOOST_TEST(t[1] == path + ":3:7: constraint_violation /id: must be 3 to 32 characters long (found 2)");
    BOOST_TEST(t[2] == path + ":5: invalid (1 issue)");
    BOOST_TEST(t[4] == path + ": 3 documents, 1 valid, 2 invalid");

    auto const emit = box.run({"--ndjson", "--emit", path});
    BOOST_TEST(emit.status == 1);
    BOOST_TEST(lines(emit.out).size() == 1u);
    BOOST_TEST(lines(emit.out)[0].find(R"({"@odata.type":"#microsoft.graph.externalConnection","id":"contosohr")") == 0u);
    BOOST_TEST(lines(emit.err).size() == 5u);
    BOOST_TEST(lines(emit.err)[4] == path + ": 3 documents, 1 valid, 2 invalid");
}

BOOST_AUTO_TEST_CASE(size_limits)
{
    sandbox box;
    std::string big = R"({"id":"abc","x":")" + std::string(5000, 'a') + "\"}";
    auto const path = box.file("big.json", big);
    auto const r = box.run({"--operation", "read", "--max-bytes", "1000", "--format", "json", path});
    BOOST_TEST(r.status == 1);
    auto const e = boost::json::parse(r.out).at("errors").at(0);
    BOOST_TEST(e.at("code").as_string() == "size_exceeded");
    BOOST_TEST(e.at("pointer").as_string() == "");
    BOOST_TEST(box.run({"--operation", "read", "--max-bytes", "5100", path}).status == 0);
    // from a pipe, the limit is found while reading
    auto const piped = box.run({"--operation", "read", "--max-bytes", "1000", "--format=json"}, big);
    BOOST_TEST(boost::json::parse(piped.out).at("errors").at(0).at("code").as_string() == "size_exceeded");
    // an NDJSON line over the limit is that line's issue only
    auto const stream = box.file("s.ndjson", big + "\n" + R"({"id":"abc"})" + "\n");
    auto const s = box.run({"--ndjson", "--operation", "read", "--max-bytes", "1000", stream});
    BOOST_TEST(s.status == 1);
    BOOST_TEST(lines(s.out)[0] == stream + ":1: invalid (1 issue)");
    BOOST_TEST(lines(s.out)[1] == stream + ":1:1: size_exceeded (document): the document is 5019 bytes, more than the limit of 1000");
    BOOST_TEST(lines(s.out)[2] == stream + ": 2 documents, 1 valid, 1 invalid");
}

BOOST_AUTO_TEST_CASE(depth_and_issue_limits)
{
    sandbox box;
    auto const deep = box.file("deep.json", R"({"id":"abc","x":[[[1]]]})");
    BOOST_TEST(box.run({"--operation", "read", deep}).status == 0);
    auto const r = box.run({"--operation", "read", "--max-depth", "3", "--format", "json", deep});
    BOOST_TEST(boost::json::parse(r.out).at("errors").at(0).at("code").as_string() == "depth_exceeded");
    auto const many = box.file("many.json", R"({"id":1,"name":2,"description":3,"configuration":4})");
    auto const capped = box.run({"--max-issues", "1", "--format", "json", many});
    auto const doc = boost::json::parse(capped.out);
    BOOST_TEST(doc.at("errors").as_array().size() == 1u);
    BOOST_TEST(doc.at("truncated").as_bool());
    BOOST_TEST(doc.at("found").as_int64() == 4);
    auto const text = box.run({"--max-issues", "1", many});
    BOOST_TEST(lines(text.out)[2] == many + ": 3 more issues not shown (see --max-issues)");
    // Stopped by the pointers' byte budget, not by the count.
    auto const tildes = box.file("tildes.json", R"({"id":"abc",")" + std::string(60, '~') + R"(":1,"b":2})");
    auto const budget = box.run({"--operation", "read", "--unknown", "reject", "--max-bytes", "100", tildes});
    BOOST_TEST(lines(budget.out)[2] ==
        tildes + ": 1 more issues not shown (their pointers would pass --max-bytes in all)");
}

BOOST_AUTO_TEST_CASE(the_type_and_policy_options)
{
    sandbox box;
    auto const conf = box.file("conf.json", R"({"authorizedApps":["a"],"x":1})");
    BOOST_TEST(box.run({"--type", "configuration", "--unknown", "reject", conf}).status == 0);
    auto const unknown = box.file("u.json", R"({"id":"abc","x":1})");
    BOOST_TEST(box.run({"--operation", "read", "--unknown", "reject", unknown}).status == 1);
    BOOST_TEST(box.run({"--operation", "read", "--unknown", "ignore", unknown}).status == 0);
    auto const ignored = box.run({"--operation", "read", "--unknown", "ignore", "--emit", unknown});
    BOOST_TEST(ignored.out == R"({"@odata.type":"#microsoft.graph.externalConnection","id":"abc"})" "\n");
    auto const kept = box.run({"--operation=read", "--emit", unknown});
    BOOST_TEST(kept.out == R"({"@odata.type":"#microsoft.graph.externalConnection","id":"abc","x":1})" "\n");
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_with_two)
{
    sandbox box;
    auto const good = box.file("good.json", test::valid_create);
    struct
    {
        std::vector<std::string> args;
        char const* message;
    } const cases[] = {
        {{"--bogus", good}, "unknown option '--bogus'"},
        {{"-x", good}, "unknown option '-x'"},
        {{"--type"}, "option '--type' needs a value"},
        {{"--type", "user", good}, "--type must be externalConnection, configuration, activitySettings, "
            "urlToItemResolverBase, itemIdResolver, urlMatchInfo, searchSettings, displayTemplate, "
            "propertyRule, complianceSettings, connectionQuota, schema, property, externalItem, acl, "
            "externalItemContent, externalGroup, identity, externalActivity, addActivities or rankingHint, "
            "not 'user'"},
        {{"--api-version", "v2", good}, "--api-version must be v1.0 or beta, not 'v2'"},
        {{"--api-version=1.0", good}, "--api-version must be v1.0 or beta, not '1.0'"},
        {{"--api-version=", good}, "--api-version must be v1.0 or beta, not ''"},
        {{"--api-version"}, "option '--api-version' needs a value"},
        {{"--operation", "delete", good}, "--operation must be create, update or read, not 'delete'"},
        {{"--unknown", "drop", good}, "--unknown must be preserve, ignore or reject, not 'drop'"},
        {{"--format", "xml", good}, "--format must be text or json, not 'xml'"},
        {{"--max-bytes", "-1", good}, "--max-bytes needs a non-negative integer, not '-1'"},
        {{"--max-depth", "0", good}, "--max-depth must be from 1 to 4096"},
        {{"--max-depth", "99999999999999999999999", good}, "--max-depth is too large"},
        {{"--ndjson=yes", good}, "option '--ndjson' takes no value"},
        {{"--jobs", "0", good}, "--jobs must be from 1 to 1024"},
        {{"--color", "sometimes", good}, "--color must be auto, always or never, not 'sometimes'"},
        {{"--quiet", "--emit", good}, "--quiet and --emit exclude each other"},
        {{"bad\x1b[2J", "-\n"}, "unknown option '-\\n'"},
        // --against: only for items, from a file (standard input carries
        // the documents), and no JSON Schema export with it.
        {{"--against", "s.json", good}, "--against is only for --type externalItem"},
        {{"--type", "schema", "--against=s.json", good}, "--against is only for --type externalItem"},
        {{"--type", "externalItem", "--against", "-", good}, "--against needs a schema file, not '-'"},
        {{"--type", "externalItem", "--against="}, "--against needs a schema file, not ''"},
        {{"--type", "externalItem", "--against"}, "option '--against' needs a value"},
        {{"--type", "externalItem", "--against", "s.json", "--schema"}, "--schema and --against exclude each other"},
    };
    for(auto const& c : cases)
    {
        auto const r = box.run(c.args);
        BOOST_TEST(r.status == 2, c.message);
        BOOST_TEST(r.err.find(std::string("graphschema-validate: ") + c.message) == 0u, r.err);
        BOOST_TEST(r.out.empty());
    }
}

BOOST_AUTO_TEST_CASE(io_errors_exit_with_two_after_the_rest)
{
    sandbox box;
    auto const good = box.file("good.json", test::valid_create);
    auto const bad = box.file("bad.json", "{}");
    auto const r = box.run({good, "/nonexistent/x.json", bad});
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.err == "graphschema-validate: cannot open '/nonexistent/x.json': No such file or directory\n");
    BOOST_TEST(lines(r.out)[0] == good + ": valid");
    BOOST_TEST(lines(r.out)[1] == bad + ": invalid (4 issues)");
    auto const dir = box.run({"/tmp"});
    BOOST_TEST(dir.status == 2);
    BOOST_TEST(dir.err.find("cannot read '/tmp'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_stream_of_valid_documents_prints_only_its_summary)
{
    sandbox box;
    std::string stream;
    for(int i = 0; i < 3; ++i)
        stream += std::string(test::valid_create) + "\n";
    auto const r = box.run({"--ndjson", "-"}, stream);
    BOOST_TEST(r.status == 0);
    BOOST_TEST(r.out == "-: 3 documents, 3 valid, 0 invalid\n");
    auto const one = box.run({"--ndjson"}, std::string(test::valid_create));
    BOOST_TEST(one.out == "-: 1 document, 1 valid, 0 invalid\n");
    auto const none = box.run({"--ndjson"}, "\n  \n");
    BOOST_TEST(none.status == 0);
    BOOST_TEST(none.out == "-: 0 documents, 0 valid, 0 invalid\n");
}

BOOST_AUTO_TEST_CASE(a_key_with_a_line_break_cannot_forge_a_report_line)
{
    sandbox box;
    // The key holds a line break, a whole forged report line, and a
    // terminal escape; the file name holds a line break, an escape and a
    // byte that is not UTF-8.
    std::string const doc = R"({"id":"abc","x\n/tmp/ok.json: valid\u001b[2J\u009b":1})";
    std::string const name = "evil\nname\x1b[31m\xff.json";
    auto const path = box.file(name, doc);
    auto const r = box.run({"--operation", "read", "--unknown", "reject", path});
    BOOST_TEST(r.status == 1);
    auto const l = lines(r.out);
    BOOST_REQUIRE(l.size() == 2u);
    std::string const shown = box.dir() + "/evil\\nname\\u001b[31m\xEF\xBF\xBD.json";
    BOOST_TEST(l[0] == shown + ": invalid (1 issue)");
    BOOST_TEST(l[1].find(shown + ":1:13: unknown_property /x\\n~1tmp~1ok.json: valid\\u001b[2J\\u009b: ") == 0u, l[1]);
    BOOST_TEST(r.out.find('\x1b') == std::string::npos);
    // JSON output is valid UTF-8 whatever the name: the byte becomes U+FFFD.
    auto const j = box.run({"--operation", "read", "--unknown", "reject", "--format", "json", path});
    auto const report = boost::json::parse(j.out);
    BOOST_TEST(report.at("source").as_string() == box.dir() + "/evil\nname\x1b[31m\xEF\xBF\xBD.json");
    BOOST_TEST(report.at("errors").at(0).at("pointer").as_string() == "/x\n~1tmp~1ok.json: valid\x1b[2J\xc2\x9b");
    // An I/O error names the file escaped too.
    auto const missing = box.run({box.dir() + "/no\nsuch"});
    BOOST_TEST(missing.status == 2);
    BOOST_TEST(lines(missing.err).size() == 1u);
}

BOOST_AUTO_TEST_CASE(emit_writes_one_line_per_document)
{
    sandbox box;
    // A kept value spread over lines, one of which is a valid document.
    std::string const valid = test::valid_create;
    std::string const doc = "{\"id\":\"contosohr\",\"name\":\"n\",\"description\":\"\",\"configuration\":{},\"x\":[\r\n" +
        valid + "\n,\t1e400 , \"a b\\n\" ]}";
    auto const path = box.file("doc.json", doc);
    auto const r = box.run({"--emit", path});
    BOOST_TEST(r.status == 0);
    BOOST_TEST(lines(r.out).size() == 1u);
    BOOST_TEST(r.out.back() == '\n');
    BOOST_TEST(r.out.find(",1e400,\"a b\\n\"]}") != std::string::npos);
    // What was emitted decodes to the same canonical line.
    auto const again = box.run({"--emit", box.file("again.json", r.out)});
    BOOST_TEST(again.out == r.out);
}

BOOST_AUTO_TEST_CASE(quiet_prints_nothing_and_answers_with_the_status)
{
    sandbox box;
    auto const good = box.file("good.json", test::valid_create);
    auto const bad = box.file("bad.json", "{}");
    auto const a = box.run({"--quiet", good});
    BOOST_TEST(a.status == 0);
    BOOST_TEST(a.out.empty());
    BOOST_TEST(a.err.empty());
    auto const b = box.run({"--quiet", "--format", "json", good, bad});
    BOOST_TEST(b.status == 1);
    BOOST_TEST(b.out.empty());
    auto const c = box.run({"--quiet", "--ndjson"}, std::string(test::valid_create) + "\n{}\n");
    BOOST_TEST(c.status == 1);
    BOOST_TEST(c.out.empty());
    BOOST_TEST(c.err.empty());
}

BOOST_AUTO_TEST_CASE(a_failed_write_exits_with_two)
{
    sandbox box;
    char const* exe = std::getenv("GRAPHSCHEMA_VALIDATE");
    BOOST_REQUIRE(exe != nullptr);
    auto const good = box.file("good.json", test::valid_create);
    // A full disk.
    std::string const err = box.dir() + "/err";
    BOOST_TEST(sandbox::shell(quote(exe) + " " + quote(good) + " > /dev/full 2> " + quote(err)) == 2);
    BOOST_TEST(test::read_file(err) == "graphschema-validate: cannot write to standard output: No space left on device\n");
    // A pipe whose reader is gone: more output than a pipe holds, so that
    // the writes go on after the reader has left.
    std::string stream;
    for(int i = 0; i < 4000; ++i)
        stream += std::string(test::valid_create) + "\n";
    auto const big = box.file("big.ndjson", stream);
    std::string const status = box.dir() + "/status";
    BOOST_TEST(sandbox::shell("{ " + quote(exe) + " --ndjson --format json " + quote(big) + " 2> " + quote(err) +
        "; echo $? > " + quote(status) + "; } | true") == 0);
    BOOST_TEST(test::read_file(status) == "2\n");
    BOOST_TEST(test::read_file(err) == "graphschema-validate: cannot write to standard output: Broken pipe\n");
    // The report on standard error under --emit fails the same way.
    BOOST_TEST(sandbox::shell(quote(exe) + " --emit " + quote(good) + " > /dev/null 2> /dev/full") == 2);
}

BOOST_AUTO_TEST_CASE(jobs_give_the_same_bytes_as_one_thread)
{
    sandbox box;
    // Enough lines for many batches, valid and invalid mixed, one over the
    // size limit, one blank.
    std::string stream;
    for(int i = 0; i < 3000; ++i)
    {
        if(i % 7 == 3)
            stream += R"({"id":"x)" + std::to_string(i) + R"(","name":"","configuration":[]})" "\n";
        else if(i % 500 == 11)
            stream += R"({"id":"abc","x":")" + std::string(3000, 'a') + "\"}\n";
        else if(i % 1000 == 5)
            stream += "   \n";
        else
            stream += R"({"id":"conn)" + std::to_string(i) + R"(","name":"n","description":"","configuration":{},"k":[1,)" +
                std::to_string(i) + "]}\n";
    }
    auto const path = box.file("s.ndjson", stream);
    for(std::vector<std::string> form : {std::vector<std::string>{"--format", "text"},
            std::vector<std::string>{"--format", "json"}, std::vector<std::string>{"--emit"}})
    {
        form.insert(form.end(), {"--ndjson", "--max-bytes", "2000", path});
        auto with_jobs = [&](char const* n) {
            auto args = form;
            args.insert(args.begin(), {"--jobs", n});
            return box.run(args);
        };
        auto const one = with_jobs("1");
        BOOST_TEST(one.status == 1);
        BOOST_TEST(!one.out.empty());
        for(char const* n : {"2", "3", "8"})
        {
            auto const many = with_jobs(n);
            BOOST_TEST(many.status == one.status);
            BOOST_TEST((many.out == one.out), "--jobs " << n << " " << form[0]);
            BOOST_TEST((many.err == one.err), "--jobs " << n << " " << form[0]);
        }
    }
}

BOOST_AUTO_TEST_CASE(colour_only_when_asked_or_on_a_terminal)
{
    sandbox box;
    auto const bad = box.file("bad.json", "{}");
    auto const good = box.file("good.json", test::valid_create);
    auto const always = box.run({"--color=always", bad, good});
    BOOST_TEST(always.out.find("\x1b[1;31minvalid\x1b[0m") != std::string::npos);
    BOOST_TEST(always.out.find("\x1b[32mvalid\x1b[0m") != std::string::npos);
    // Not a terminal: no colour, whatever NO_COLOR says.
    BOOST_TEST(box.run({bad}).out.find('\x1b') == std::string::npos);
    BOOST_TEST(box.run({"--color", "auto", bad}).out.find('\x1b') == std::string::npos);
    BOOST_TEST(box.run({"--color=never", bad}).out.find('\x1b') == std::string::npos);
    // JSON is never coloured.
    BOOST_TEST(box.run({"--color=always", "--format=json", bad}).out.find('\x1b') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(help_and_version)
{
    sandbox box;
    auto const h = box.run({"--help"});
    BOOST_TEST(h.status == 0);
    BOOST_TEST(h.out.find("usage: graphschema-validate [options] [FILE ...]") == 0u);
    // Every model --type takes is listed, and the version option.
    for(char const* name : {"externalConnection (default)", "configuration", "activitySettings",
            "urlToItemResolverBase", "itemIdResolver", "urlMatchInfo", "searchSettings",
            "displayTemplate", "propertyRule", "complianceSettings", "connectionQuota",
            "schema,", "property,", "externalItem,", "acl,", "externalItemContent,", "externalGroup,",
            "identity,", "externalActivity,", "addActivities,", "rankingHint\n",
            "--api-version V", "beta (default) or v1.0",
            "--against SCHEMA  with --type externalItem", "only the item's shape\n"})
        BOOST_TEST(h.out.find(name) != std::string::npos, name);
    for(auto const& l : lines(h.out))
        BOOST_TEST(l.size() <= 79u, l);
    auto const v = box.run({"--version"});
    BOOST_TEST(v.status == 0);
    BOOST_TEST(v.out.find("graphschema-validate ") == 0u);
}

// The Graph models, each by its Graph name: a body of each that is valid
// (for create) and one that breaks a rule of its own.
BOOST_AUTO_TEST_CASE(every_graph_model_by_its_name)
{
    sandbox box;
    std::string const match = R"j({"baseUrls":["https://contoso.com/"],"urlPattern":"/items/(?<id>\\d+)"})j";
    std::string const resolver = R"({"@odata.type":"#microsoft.graph.externalConnectors.itemIdResolver",)"
        R"("priority":1,"itemId":"{id}","urlMatchInfo":)" + match + "}";
    std::string const rule = R"({"property":"title","operation":"contains","values":["a"],"valuesJoinedBy":"or"})";
    std::string const display = R"({"id":"t1","priority":0,"layout":{"type":"AdaptiveCard"},"rules":[)" + rule + "]}";
    struct
    {
        char const* type;
        std::string valid;
        std::string invalid;
        char const* code;
        char const* pointer;
    } const cases[] = {
        {"configuration", R"({"authorizedAppIds":["a"]})", R"({"authorizedAppIds":null})",
            "null_not_allowed", "/authorizedAppIds"},
        {"activitySettings", R"({"urlToItemResolvers":[)" + resolver + "]}",
            R"({"urlToItemResolvers":[{"priority":1}]})", "missing_required", "/urlToItemResolvers/0/@odata.type"},
        {"itemIdResolver", resolver, R"({"priority":9,"itemId":"x","urlMatchInfo":)" + match + "}",
            "constraint_violation", "/priority"},
        {"urlMatchInfo", match, R"({"baseUrls":["https://contoso.com/"]})", "missing_required", "/urlPattern"},
        {"searchSettings", R"({"searchResultTemplates":[)" + display + "]}",
            R"({"searchResultTemplates":[)" + display + "," + display + "," + display + "]}",
            "constraint_violation", "/searchResultTemplates"},
        {"displayTemplate", display, R"({"id":"no spaces"})", "constraint_violation", "/id"},
        {"propertyRule", rule, R"({"property":"title","operation":"like","values":["a"],"valuesJoinedBy":"or"})",
            "invalid_enum", "/operation"},
        {"complianceSettings", R"({"eDiscoveryResultTemplates":[]})", R"({"eDiscoveryResultTemplates":{}})",
            "type_mismatch", "/eDiscoveryResultTemplates"},
        {"connectionQuota", R"({"id":"q","itemsRemaining":5})", R"({"itemsRemaining":"5"})",
            "type_mismatch", "/itemsRemaining"},
        {"urlToItemResolverBase", R"({"priority":1})", R"({"priority":"1"})", "type_mismatch", "/priority"},
    };
    for(auto const& c : cases)
    {
        BOOST_TEST_CONTEXT(c.type)
        {
            auto const good = box.run({"--type", c.type, "-"}, c.valid);
            BOOST_TEST(good.status == 0, good.out);
            auto const bad = box.run({"--type", c.type, "--format", "json", "-"}, c.invalid);
            BOOST_TEST(bad.status == 1, bad.out);
            auto const report = boost::json::parse(bad.out);
            auto const& errors = report.at("errors").as_array();
            BOOST_TEST_REQUIRE(errors.size() >= 1u, bad.out);
            BOOST_TEST(errors[0].at("code").as_string() == c.code, bad.out);
            BOOST_TEST(errors[0].at("pointer").as_string() == c.pointer, bad.out);
        }
    }
    // Both OData names of a type are taken whole, as is the short name.
    auto const v1 = box.run({"--type", "microsoft.graph.externalConnectors.externalConnection", "-"},
        test::valid_create);
    BOOST_TEST(v1.status == 0, v1.err);
    auto const seed = box.run({"--type", "microsoft.graph.externalConnection", "-"}, test::valid_create);
    BOOST_TEST(seed.status == 0, seed.err);
    // The type chosen is the one checked: a configuration is no displayTemplate.
    BOOST_TEST(box.run({"--type", "displayTemplate", "--unknown", "reject", "-"},
        R"({"authorizedAppIds":["a"]})").status == 1);
}

// --api-version: what each version declares, requires, and the type names
// --emit writes.
BOOST_AUTO_TEST_CASE(the_api_version_option)
{
    sandbox box;
    // A beta-only member is unknown for v1.0 (rejected under reject, kept
    // as an unknown member under preserve) and declared for beta.
    std::string const beta_only = R"({"id":"abc","enabledContentExperiences":"search, compliance"})";
    BOOST_TEST(box.run({"--operation", "read", "--unknown", "reject"}, beta_only).status == 0);
    BOOST_TEST(box.run({"--operation", "read", "--unknown", "reject", "--api-version", "beta"}, beta_only).status == 0);
    auto const v1 = box.run({"--operation", "read", "--unknown", "reject", "--api-version", "v1.0",
        "--format", "json"}, beta_only);
    BOOST_TEST(v1.status == 1);
    auto const v1_report = boost::json::parse(v1.out);
    auto const& e = v1_report.at("errors").as_array();
    BOOST_TEST_REQUIRE(e.size() == 1u);
    BOOST_TEST(e[0].at("code") == "unknown_property");
    BOOST_TEST(e[0].at("pointer") == "/enabledContentExperiences");

    // Beta's create requires a description; v1.0's does not.
    std::string const no_description = R"({"id":"abc","name":"n"})";
    auto const b = box.run({"--format", "json"}, no_description);
    BOOST_TEST(b.status == 1);
    BOOST_TEST(b.out.find(R"("code":"missing_required","pointer":"/description")") != std::string::npos, b.out);
    BOOST_TEST(box.run({"--api-version", "v1.0"}, no_description).status == 0);

    // The type names written follow the version, whichever was read.
    auto const emit_beta = box.run({"--emit", "--api-version", "beta"}, test::valid_create);
    BOOST_TEST(emit_beta.out ==
        R"({"@odata.type":"#microsoft.graph.externalConnection","id":"contosohr","name":"Contoso HR",)"
        R"("description":"d","configuration":{"@odata.type":"#microsoft.graph.configuration","authorizedApps":["a1"]}})" "\n");
    auto const emit_v1 = box.run({"--emit", "--api-version=v1.0"}, emit_beta.out);
    BOOST_TEST(emit_v1.status == 0, emit_v1.err);
    BOOST_TEST(emit_v1.out ==
        R"({"@odata.type":"#microsoft.graph.externalConnectors.externalConnection","id":"contosohr","name":"Contoso HR",)"
        R"("description":"d","configuration":{"@odata.type":"#microsoft.graph.externalConnectors.configuration","authorizedApps":["a1"]}})" "\n");
    // And back: each version reads the other's names.
    BOOST_TEST(box.run({"--emit", "--api-version", "beta"}, emit_v1.out).out == emit_beta.out);

    // --schema takes the option (what the export makes of the version is
    // schema.md's business).
    auto const schema_v1 = box.run({"--schema", "--operation", "read", "--api-version", "v1.0"});
    BOOST_TEST(schema_v1.status == 0, schema_v1.err);
    BOOST_TEST(boost::json::parse(schema_v1.out).is_object());
}

// What --emit writes keeps everything the caller sent: a null, an enum
// name this library does not know (on read), an object of a derived type
// it does not know (on read); in both versions, one line each.
BOOST_AUTO_TEST_CASE(emit_loses_nothing_the_caller_sent)
{
    sandbox box;
    for(std::string const version : {"beta", "v1.0"})
    {
        BOOST_TEST_CONTEXT(version)
        {
            std::string const type = version == "beta"
                ? R"("@odata.type":"#microsoft.graph.externalConnection")"
                : R"("@odata.type":"#microsoft.graph.externalConnectors.externalConnection")";
            std::string const resolver_type =
                R"("@odata.type":"#microsoft.graph.externalConnectors.itemIdResolver")";

            // PATCH {"description": null}: null stays null; absent stays absent.
            auto const cleared = box.run({"--operation", "update", "--emit", "--api-version", version},
                R"({"description": null, "connectorId": null, "name": "n"})");
            BOOST_TEST(cleared.status == 0, cleared.err);
            BOOST_TEST(cleared.out == "{" + type + R"(,"name":"n","description":null,"connectorId":null})" "\n");
            // A collection is never null, in any operation.
            auto const list = box.run({"--operation", "update", "--emit", "--api-version", version,
                "--type", "configuration", "--format", "json"}, R"({"authorizedAppIds": null})");
            BOOST_TEST(list.status == 1);
            BOOST_TEST(list.out.empty());
            BOOST_TEST(list.err.find(R"("code":"null_not_allowed","pointer":"/authorizedAppIds")") !=
                std::string::npos, list.err);

            // On read, a name the enum does not have (yet) is kept as sent.
            std::string const future = R"({"id":"abc","state":"paused","contentCategory":"holograms",)"
                R"("searchSettings":{"searchResultTemplates":[{"id":"t1","rules":[{"property":"p",)"
                R"("operation":"matchesRegex","values":["x"],"valuesJoinedBy":"or"}]}]}})";
            auto const read = box.run({"--operation", "read", "--emit", "--api-version", version}, future);
            BOOST_TEST(read.status == 0, read.err);
            BOOST_TEST(read.out.find(R"("state":"paused")") != std::string::npos, read.out);
            BOOST_TEST(read.out.find(R"("contentCategory":"holograms")") != std::string::npos, read.out);
            BOOST_TEST(read.out.find(R"("operation":"matchesRegex")") != std::string::npos, read.out);
            // ... and emitted again unchanged.
            BOOST_TEST(box.run({"--operation", "read", "--emit", "--api-version", version}, read.out).out == read.out);
            // In a request it is no member.
            auto const sent = box.run({"--operation", "update", "--api-version", version, "--format", "json"},
                R"({"contentCategory":"holograms"})");
            BOOST_TEST(sent.status == 1);
            BOOST_TEST(sent.out.find(R"("code":"invalid_enum","pointer":"/contentCategory")") != std::string::npos, sent.out);

            // On read, an object of a derived type this library does not
            // know is kept verbatim (over several lines here: one line out).
            std::string const unknown_derived = "{\"id\":\"abc\",\"activitySettings\":{\"urlToItemResolvers\":[\n"
                "  {\"@odata.type\":\"#microsoft.graph.externalConnectors.futureResolver\",\n"
                "   \"priority\": 3, \"weight\": 1e400, \"rule\": {\"a\": [1, \"b\\n\"]}},\n"
                "  {" + resolver_type + ",\"priority\":2,\"itemId\":\"{id}\",\"urlMatchInfo\":"
                "{\"baseUrls\":[\"https://c/\"],\"urlPattern\":\"x\"}}\n]}}";
            auto const derived = box.run({"--operation", "read", "--emit", "--api-version", version}, unknown_derived);
            BOOST_TEST(derived.status == 0, derived.err);
            BOOST_TEST(lines(derived.out).size() == 1u, derived.out);
            BOOST_TEST(derived.out.find(R"({"@odata.type":"#microsoft.graph.externalConnectors.futureResolver",)"
                R"("priority":3,"weight":1e400,"rule":{"a":[1,"b\n"]}})") != std::string::npos, derived.out);
            // The known derived type keeps its @odata.type, first.
            BOOST_TEST(derived.out.find("{" + resolver_type + R"(,"priority":2,"itemId":"{id}")") !=
                std::string::npos, derived.out);
            BOOST_TEST(derived.out.compare(0, type.size() + 1, "{" + type) == 0, derived.out);
            BOOST_TEST(box.run({"--operation", "read", "--emit", "--api-version", version}, derived.out).out ==
                derived.out);
            // In a request, the unknown derived type is a mismatch.
            auto const request = box.run({"--operation", "update", "--api-version", version, "--format", "json"},
                unknown_derived);
            BOOST_TEST(request.status == 1);
            BOOST_TEST(request.out.find(R"("code":"odata_type_mismatch","pointer":"/activitySettings/urlToItemResolvers/0/@odata.type")")
                != std::string::npos, request.out);
        }
    }
}

// The sample payloads of example/payloads, each checked as its name says.
BOOST_AUTO_TEST_CASE(the_sample_payloads)
{
    std::string const here = __FILE__;
    std::string const payloads = here.substr(0, here.rfind('/')) + "/../example/payloads/";
    sandbox box;
    struct
    {
        std::vector<std::string> args;
        char const* file;
    } const cases[] = {
        {{"--operation", "create"}, "create.json"},
        {{"--operation", "update"}, "update.json"},
        {{"--operation", "read"}, "response.json"},
        {{"--type", "configuration"}, "configuration.json"},
        {{"--ndjson", "--operation", "read"}, "connections.ndjson"},
        {{"--operation", "create", "--unknown", "reject"}, "create-today.json"},
        {{"--operation", "update", "--unknown", "reject", "--api-version", "v1.0"}, "update-clear.json"},
        {{"--operation", "read", "--unknown", "reject", "--api-version", "v1.0"}, "response-today.json"},
    };
    for(auto const& c : cases)
    {
        auto args = c.args;
        args.push_back(payloads + c.file);
        auto const r = box.run(args);
        BOOST_TEST(r.status == 0, c.file << ": " << r.out << r.err);
    }
    // What they are there to show: a null kept, beta's flags unknown to
    // v1.0, an unknown derived type kept on read.
    auto const cleared = box.run({"--operation", "update", "--emit", payloads + "update-clear.json"});
    BOOST_TEST(cleared.out.find(R"("description":null,)") != std::string::npos, cleared.out);
    BOOST_TEST(cleared.out.find(R"("connectorId":null})") != std::string::npos, cleared.out);
    BOOST_TEST(box.run({"--api-version", "v1.0", "--unknown", "reject", payloads + "create-today.json"}).status == 1);
    auto const future = box.run({"--operation", "read", "--emit", payloads + "response-today.json"});
    BOOST_TEST(future.out.find(R"({"@odata.type":"#microsoft.graph.externalConnectors.futureResolver","priority":2,)")
        != std::string::npos, future.out);
}

//------------------------------------------------------------------------------
// --against: external items checked against a registered schema.

namespace {

// A schema registration body (CONNECTORS.md 23), and items for it.
char const* const registered_schema = R"({
  "baseType": "microsoft.graph.externalItem",
  "properties": [
    {"name": "title", "type": "string", "isSearchable": true, "isRetrievable": true},
    {"name": "priority", "type": "int64", "isQueryable": true, "isRefinable": true},
    {"name": "tags", "type": "stringCollection"},
    {"name": "created", "type": "dateTime"}
  ]
})";

char const* const good_item = R"j({
  "id": "T1",
  "acl": [{"type": "everyone", "value": "everyone", "accessType": "grant"}],
  "properties": {
    "title": "Printer on fire",
    "priority": 1,
    "tags@odata.type": "Collection(String)",
    "tags": ["printer", "fire"],
    "created": "2024-01-02T03:04:05Z"
  },
  "content": {"value": "It burns.", "type": "text"}
})j";

// Right in shape, wrong for the schema: four issues, in document order
// but for the missing annotation, reported after the object's members at
// the object's "{".
char const* const bad_item = R"({
  "id": "T2",
  "acl": [{"type": "everyone", "value": "everyone", "accessType": "grant"}],
  "properties": {
    "title": "Printer",
    "priority": 1.5,
    "tags": ["a"],
    "created": "yesterday",
    "color": "red"
  },
  "content": {"value": "x", "type": "text"}
})";

// The access control list every item below has (create requires one).
char const* const everyone = R"("acl":[{"type":"everyone","value":"everyone","accessType":"grant"}])";

// An item on one line: for NDJSON streams.
std::string
one_line(std::string const& doc)
{
    std::string out;
    for(char c : doc)
        if(c != '\n')
            out += c;
    return out;
}

} // namespace

BOOST_AUTO_TEST_CASE(items_are_checked_against_the_registered_schema)
{
    sandbox box;
    auto const schema = box.file("schema.json", registered_schema);
    auto const good = box.file("good.json", good_item);
    auto const bad = box.file("bad.json", bad_item);

    // Without --against, the item's shape alone: its properties are not checked.
    auto const shape = box.run({"--type", "externalItem", good, bad});
    BOOST_TEST(shape.status == 0, shape.out);
    BOOST_TEST(shape.out == good + ": valid\n" + bad + ": valid\n");

    auto const text = box.run({"--type", "externalItem", "--against", schema, good, bad});
    BOOST_TEST(text.status == 1);
    BOOST_TEST(text.err.empty(), text.err);
    auto const l = lines(text.out);
    BOOST_REQUIRE(l.size() == 6u);
    BOOST_TEST(l[0] == good + ": valid");
    BOOST_TEST(l[1] == bad + ": invalid (4 issues)");
    BOOST_TEST(l[2] == bad + ":6:17: type_mismatch /properties/priority: expected an integer, found a number with a fraction");
    BOOST_TEST(l[3].find(bad + ":8:16: constraint_violation /properties/created: ") == 0u, l[3]);
    BOOST_TEST(l[4].find(bad + ":9:5: unknown_property /properties/color: ") == 0u, l[4]);
    BOOST_TEST(l[5] == bad + ":4:17: missing_required /properties/tags@odata.type: "
        "required property 'tags@odata.type' is missing");

    // JSON, from standard input, with the v1.0 qualified name and --against=.
    auto const json = box.run({"--type", "microsoft.graph.externalConnectors.externalItem", "--against=" + schema,
        "--format", "json"}, bad_item);
    BOOST_TEST(json.status == 1);
    auto const report = boost::json::parse(json.out);
    BOOST_TEST(report.at("source").as_string() == "-");
    BOOST_TEST(!report.at("valid").as_bool());
    auto const& errors = report.at("errors").as_array();
    BOOST_REQUIRE(errors.size() == 4u);
    struct
    {
        char const* code;
        char const* pointer;
        std::int64_t line, column;
    } const expected[] = {
        {"type_mismatch", "/properties/priority", 6, 17},
        {"constraint_violation", "/properties/created", 8, 16},
        {"unknown_property", "/properties/color", 9, 5},
        {"missing_required", "/properties/tags@odata.type", 4, 17},
    };
    for(std::size_t i = 0; i < 4; ++i)
    {
        BOOST_TEST(errors[i].at("code").as_string() == expected[i].code);
        BOOST_TEST(errors[i].at("pointer").as_string() == expected[i].pointer);
        BOOST_TEST(errors[i].at("line").as_int64() == expected[i].line);
        BOOST_TEST(errors[i].at("column").as_int64() == expected[i].column);
    }

    // --emit: the valid item, its properties as sent; the invalid one is not written.
    auto const emit = box.run({"--type", "externalItem", "--against", schema, "--emit", good, bad});
    BOOST_TEST(emit.status == 1);
    BOOST_REQUIRE(lines(emit.out).size() == 1u);
    BOOST_TEST(emit.out.find(R"("properties":{"@odata.type":"#microsoft.graph.externalConnectors.properties",)"
        R"j("title":"Printer on fire","priority":1,"tags@odata.type":"Collection(String)",)j"
        R"("tags":["printer","fire"],"created":"2024-01-02T03:04:05Z"})") != std::string::npos, emit.out);
    BOOST_TEST(lines(emit.err)[0] == good + ": valid");
    BOOST_TEST(lines(emit.err)[1] == bad + ": invalid (4 issues)");

    // --quiet: the status alone, from the verdict against the schema.
    auto const quiet_bad = box.run({"--type", "externalItem", "--against", schema, "--quiet", good, bad});
    BOOST_TEST(quiet_bad.status == 1);
    BOOST_TEST(quiet_bad.out.empty());
    BOOST_TEST(quiet_bad.err.empty());
    BOOST_TEST(box.run({"--type", "externalItem", "--against", schema, "--quiet", good}).status == 0);
    // An undeclared property alone is enough.
    auto const extra = box.file("extra.json", std::string("{") + everyone + R"(,"properties":{"title":"t","owner":"me"}})");
    BOOST_TEST(box.run({"--type", "externalItem", "--against", schema, "--quiet", extra}).status == 1);
    BOOST_TEST(box.run({"--type", "externalItem", "--quiet", extra}).status == 0);
}

BOOST_AUTO_TEST_CASE(items_stream_against_the_schema_on_any_number_of_threads)
{
    sandbox box;
    auto const schema = box.file("schema.json", registered_schema);
    // Enough items for many batches: valid, wrong for the schema, wrong in
    // shape, one over the size limit, blank lines.
    std::string stream;
    std::string const good = one_line(good_item);
    std::string const bad = one_line(bad_item);
    for(int i = 0; i < 2000; ++i)
    {
        if(i % 7 == 3)
            stream += bad + "\n";
        else if(i % 11 == 5)
            stream += R"({"id":"T)" + std::to_string(i) + R"(","properties":{"title":)" + std::to_string(i) + "}}\n";
        else if(i % 13 == 6)
            stream += R"({"id":"no-dashes","properties":{}})" "\n";
        else if(i % 500 == 17)
            stream += R"({"properties":{"title":")" + std::string(3000, 'a') + "\"}}\n";
        else if(i % 700 == 9)
            stream += "\n";
        else
            stream += R"({"id":"T)" + std::to_string(i) + "\"," + everyone + R"(,"properties":{"title":"t)" + std::to_string(i) +
                R"(","priority":)" + std::to_string(i) + R"j(,"tags@odata.type":"Collection(String)","tags":[]}})j" "\n";
    }
    auto const path = box.file("items.ndjson", stream);

    // The summary counts what the schema says.
    auto const one = box.run({"--type", "externalItem", "--against", schema, "--ndjson", "--max-bytes", "2000", path});
    BOOST_TEST(one.status == 1);
    auto const l = lines(one.out);
    BOOST_REQUIRE(!l.empty());
    std::size_t invalid = 0, valid = 0;
    for(int i = 0; i < 2000; ++i)
    {
        if(i % 7 == 3 || i % 11 == 5 || i % 13 == 6 || i % 500 == 17)
            ++invalid;
        else if(i % 700 != 9)
            ++valid;
    }
    BOOST_TEST(l.back() == path + ": " + std::to_string(valid + invalid) + " documents, " + std::to_string(valid) +
        " valid, " + std::to_string(invalid) + " invalid");
    BOOST_TEST(l[0] == path + ":4: invalid (4 issues)");
    BOOST_TEST(l[1].find(path + ":4:") == 0u);
    BOOST_TEST(l[1].find(" type_mismatch /properties/priority: ") != std::string::npos, l[1]);

    // --jobs N writes the bytes of --jobs 1, in each form.
    for(std::vector<std::string> form : {std::vector<std::string>{"--format", "text"},
            std::vector<std::string>{"--format", "json"}, std::vector<std::string>{"--emit"}})
    {
        form.insert(form.end(), {"--type", "externalItem", "--against", schema, "--ndjson", "--max-bytes", "2000", path});
        auto with_jobs = [&](char const* n) {
            auto args = form;
            args.insert(args.begin(), {"--jobs", n});
            return box.run(args);
        };
        auto const single = with_jobs("1");
        BOOST_TEST(single.status == 1);
        BOOST_TEST(!single.out.empty());
        for(char const* n : {"2", "3"})
        {
            auto const many = with_jobs(n);
            BOOST_TEST(many.status == single.status, n);
            BOOST_TEST((many.out == single.out), n);
            BOOST_TEST((many.err == single.err), n);
        }
    }

    // From standard input too, under --quiet.
    auto const quiet = box.run({"--type", "externalItem", "--against", schema, "--ndjson", "--jobs", "2", "--quiet"},
        good + "\n" + good + "\n");
    BOOST_TEST(quiet.status == 0);
    BOOST_TEST(quiet.out.empty());
    BOOST_TEST(box.run({"--type", "externalItem", "--against", schema, "--ndjson", "--jobs", "2", "--quiet"},
        good + "\n" + bad + "\n").status == 1);
}

BOOST_AUTO_TEST_CASE(a_schema_that_cannot_be_used_stops_the_run_with_two)
{
    sandbox box;
    auto const item = box.file("item.json", good_item);
    std::string const stopped = "no schema the items can be checked against; no document was checked\n";

    // An invalid schema: its report, naming the schema file; no item is checked.
    auto const bad = box.file("bad-schema.json", "{\n  \"baseType\": \"x\",\n  \"properties\": []\n}");
    auto const text = box.run({"--type", "externalItem", "--against", bad, item});
    BOOST_TEST(text.status == 2);
    auto const l = lines(text.out);
    BOOST_REQUIRE(l.size() == 3u);
    BOOST_TEST(l[0] == bad + ": invalid (2 issues)");
    BOOST_TEST(l[1].find(bad + ":2:15: constraint_violation /baseType: ") == 0u, l[1]);
    BOOST_TEST(l[2].find(bad + ":3:17: constraint_violation /properties: ") == 0u, l[2]);
    BOOST_TEST(text.out.find(item) == std::string::npos);
    BOOST_TEST(text.err == "graphschema-validate: --against '" + bad + "': " + stopped);
    auto const json = box.run({"--type", "externalItem", "--against", bad, "--format", "json", "--ndjson", item});
    BOOST_TEST(json.status == 2);
    BOOST_REQUIRE(lines(json.out).size() == 1u);
    auto const report = boost::json::parse(json.out);
    BOOST_TEST(report.at("source").as_string() == bad);
    BOOST_TEST(report.at("errors").at(0).at("pointer").as_string() == "/baseType");
    BOOST_TEST(report.at("errors").at(1).at("pointer").as_string() == "/properties");
    // Under --quiet, the line on standard error alone.
    auto const quiet = box.run({"--type", "externalItem", "--against", bad, "--quiet", item});
    BOOST_TEST(quiet.status == 2);
    BOOST_TEST(quiet.out.empty());
    BOOST_TEST(quiet.err == "graphschema-validate: --against '" + bad + "': " + stopped);
    // Valid as a schema, but a type no item value can have.
    auto const future = box.file("future.json",
        R"({"baseType":"microsoft.graph.externalItem","properties":[{"name":"a","type":"unknownFutureValue"}]})");
    auto const f = box.run({"--type", "externalItem", "--against", future, "--format", "json", item});
    BOOST_TEST(f.status == 2);
    BOOST_TEST(boost::json::parse(f.out).at("errors").at(0).at("pointer").as_string() == "/properties/0/type");
    // Not JSON at all.
    auto const garbage = box.file("garbage.json", "{\"baseType\":");
    auto const g = box.run({"--type", "externalItem", "--against", garbage, "--format", "json", item});
    BOOST_TEST(g.status == 2);
    BOOST_TEST(boost::json::parse(g.out).at("errors").at(0).at("code").as_string() == "syntax_error");

    // Missing, or not a file: an I/O error.
    auto const missing = box.run({"--type", "externalItem", "--against", box.dir() + "/none.json", item});
    BOOST_TEST(missing.status == 2);
    BOOST_TEST(missing.out.empty());
    BOOST_TEST(missing.err == "graphschema-validate: cannot open the schema '" + box.dir() +
        "/none.json': No such file or directory\n");
    auto const dir = box.run({"--type", "externalItem", "--against", box.dir(), item});
    BOOST_TEST(dir.status == 2);
    BOOST_TEST(dir.out.empty());
    BOOST_TEST(dir.err.find("cannot read the schema '" + box.dir() + "'") != std::string::npos, dir.err);

    // Larger than --max-bytes (which the items are not): rejected from its size.
    auto const schema = box.file("schema.json", registered_schema);
    auto const small = box.file("small.json", std::string("{") + everyone + R"(,"properties":{"title":"t"}})");
    BOOST_TEST(box.run({"--type", "externalItem", "--against", schema, "--max-bytes", "400", small}).status == 0);
    auto const big = box.run({"--type", "externalItem", "--against", schema, "--max-bytes", "100", small});
    BOOST_TEST(big.status == 2);
    auto const b = lines(big.out);
    BOOST_REQUIRE(b.size() == 2u);
    BOOST_TEST(b[0] == schema + ": invalid (1 issue)");
    BOOST_TEST(b[1] == schema + ":1:1: size_exceeded (document): the document is " +
        std::to_string(std::string(registered_schema).size()) + " bytes, more than the limit of 100");
    BOOST_TEST(big.err == "graphschema-validate: --against '" + schema + "': " + stopped);
}
