//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// graphschema-bench: graphschema against its floors and peers, on one
// seeded corpus, in one run. See docs/benchmarks.md.
//
//   graphschema-bench [Google Benchmark flags] [--corpus_seed=N] [--smoke]
//                     [--self_check=MUTATIONS] [--ratios_out=FILE]
//                     [--cli=PATH] [--node=PATH] [--floor=PATH]
//                     [--items=N] [--items_out=DIR]
//
// Before timing, every checker's verdict on every document is compared
// with the corpus's (on the flaws the checker can express), and
// validation's quick pass with the full handler on mutated documents
// (self_check.hpp); during timing, every pass must count the same valid
// documents. Any of these failing is an error: the run exits with status 1.
// --smoke makes the corpus tiny and runs every case once. --items=N sets the
// number of external items (100,000; 200 in the smoke test); --items_out=DIR
// also writes the items' files there (registration body, items, invalid
// items, the exported JSON Schema), to run the CLI or ajv on by hand.

#include "checkers.hpp"
#include "corpus.hpp"
#include "items.hpp"
#include "process.hpp"
#include "ratios.hpp"
#include "schema_file.hpp"
#include "self_check.hpp"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#if !defined(__OPTIMIZE__) || !defined(NDEBUG)
# error "the benchmark must be built with optimisation and NDEBUG (bench/CMakeLists.txt, bench/meson.build)"
#endif

#ifndef GRAPHSCHEMA_BENCH_FLAGS
# define GRAPHSCHEMA_BENCH_FLAGS "unknown"
#endif
#ifndef GRAPHSCHEMA_BENCH_SOURCE_DIR
# define GRAPHSCHEMA_BENCH_SOURCE_DIR "."
#endif
#ifndef GRAPHSCHEMA_BENCH_CLI
# define GRAPHSCHEMA_BENCH_CLI ""
#endif
#ifndef GRAPHSCHEMA_BENCH_FLOOR
# define GRAPHSCHEMA_BENCH_FLOOR ""
#endif
#ifndef GRAPHSCHEMA_BENCH_NODE
# define GRAPHSCHEMA_BENCH_NODE "node"
#endif

namespace bench {

namespace {

struct settings
{
    std::uint64_t seed = 20260101;
    bool smoke = false;
    std::size_t mutations = 0; // of the self-check; 0: the default
    std::string ratios_out;
    std::size_t items = 0; // external items; 0: the default
    std::string items_out;
    paths where{GRAPHSCHEMA_BENCH_SOURCE_DIR, GRAPHSCHEMA_BENCH_CLI, GRAPHSCHEMA_BENCH_NODE,
        GRAPHSCHEMA_BENCH_FLOOR};
};

[[noreturn]] void
usage(std::string const& what)
{
    std::fprintf(stderr, "graphschema-bench: %s\n", what.c_str());
    std::exit(2);
}

// What Google Benchmark left of the command line.
settings
parse(int argc, char** argv)
{
    settings s;
    for(int i = 1; i < argc; ++i)
    {
        std::string const a = argv[i];
        auto value = [&](char const* name) -> char const* {
            std::size_t const n = std::strlen(name);
            return a.compare(0, n, name) == 0 ? a.c_str() + n : nullptr;
        };
        if(auto v = value("--corpus_seed="))
            s.seed = std::strtoull(v, nullptr, 10);
        else if(a == "--smoke")
            s.smoke = true;
        else if(auto v = value("--self_check="))
            s.mutations = std::strtoull(v, nullptr, 10);
        else if(auto v = value("--ratios_out="))
            s.ratios_out = v;
        else if(auto v = value("--cli="))
            s.where.cli = v;
        else if(auto v = value("--node="))
            s.where.node = v;
        else if(auto v = value("--floor="))
            s.where.floor = v;
        else if(auto v = value("--items="))
            s.items = std::strtoull(v, nullptr, 10);
        else if(auto v = value("--items_out="))
            s.items_out = v;
        else
            usage("unknown argument '" + a + "'");
    }
    return s;
}

// A scratch folder for the stream file, removed at exit.
class work_dir
{
public:
    work_dir()
    {
        char const* tmp = std::getenv("TMPDIR");
        std::string t = std::string(tmp && *tmp ? tmp : "/tmp") + "/graphschema-bench-XXXXXX";
        if(!::mkdtemp(t.data()))
            throw std::runtime_error("cannot make a scratch folder in " + t);
        path_ = t;
    }

    // A folder that stays: its files are kept.
    explicit work_dir(std::string path) : path_(std::move(path)), keep_(true)
    {
        ::mkdir(path_.c_str(), 0777);
    }

    ~work_dir()
    {
        if(keep_)
            return;
        for(auto const& f : files_)
            ::unlink(f.c_str());
        ::rmdir(path_.c_str());
    }

    std::string
    write(std::string const& name, std::string_view text)
    {
        std::string const p = path_ + "/" + name;
        std::ofstream out(p, std::ios::binary);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        if(!out)
            throw std::runtime_error("cannot write " + p);
        files_.push_back(p);
        return p;
    }

private:
    std::string path_;
    std::vector<std::string> files_;
    bool keep_ = false;
};

// The verdicts are part of the result: counted wrong is an error.
std::size_t failures = 0;

void
fail(std::string const& what)
{
    std::fprintf(stderr, "graphschema-bench: FAILED: %s\n", what.c_str());
    ++failures;
}

// Compares a checker's verdicts with the corpus's, document by document.
void
check_agreement(checker_kind const& kind, checker& c, document_set const& set)
{
    std::size_t wrong = 0;
    for(auto const& d : set.documents)
    {
        bool const expected = !kind.seen.contains(d.why);
        if(c.valid(d.text) == expected)
            continue;
        if(++wrong <= 3)
            fail(std::string(kind.name) + " on " + set.name + ": says " + (expected ? "invalid" : "valid") +
                " for a document whose flaw is " + to_string(d.why) + ": " +
                std::string(d.text.substr(0, 300)));
    }
    if(wrong > 3)
        fail(std::string(kind.name) + " on " + set.name + ": " + std::to_string(wrong) + " wrong verdicts in all");
}

void
set_rates(benchmark::State& st, std::size_t docs, std::size_t bytes)
{
    auto const n = static_cast<double>(st.iterations());
    st.SetBytesProcessed(static_cast<std::int64_t>(n * static_cast<double>(bytes)));
    st.counters["docs/s"] = benchmark::Counter(n * static_cast<double>(docs), benchmark::Counter::kIsRate);
    st.counters["bytes/doc"] = static_cast<double>(bytes) / static_cast<double>(docs);
}

std::string
mismatch(std::size_t got, std::size_t expected)
{
    return "counted " + std::to_string(got) + " valid documents, the corpus has " + std::to_string(expected);
}

// Every case registered, for the smoke test's single iteration.
std::vector<benchmark::internal::Benchmark*> cases;

benchmark::internal::Benchmark*
set_case(std::string const& name, checker& c, document_set const& set, std::size_t expected)
{
    return cases.emplace_back(benchmark::RegisterBenchmark(name.c_str(), [&c, &set, expected](benchmark::State& st) {
        for(auto _ : st)
        {
            std::size_t const valid = c.count_valid(set);
            if(valid != expected)
            {
                st.SkipWithError(mismatch(valid, expected).c_str());
                break;
            }
        }
        set_rates(st, set.size(), set.bytes);
    }));
}

benchmark::internal::Benchmark*
process_case(std::string const& name, std::vector<std::string> argv, document_set const& set,
    std::size_t expected)
{
    return cases.emplace_back(benchmark::RegisterBenchmark(name.c_str(), [argv, &set, expected](benchmark::State& st) {
        for(auto _ : st)
        {
            auto const r = run_process(argv);
            if(!r.started || r.lines == 0 || r.valid != expected)
            {
                st.SkipWithError((argv[0] + ": " + (r.started ? mismatch(r.valid, expected) + "; output: " +
                    r.head : std::string("cannot start"))).c_str());
                break;
            }
        }
        set_rates(st, set.size(), set.ndjson().size());
    })->UseRealTime());
}

// Compares a checker's verdicts on the items with the corpus's: every
// valid item valid, and each invalid one as `sees` says.
void
check_items(char const* name, checker& c, item_corpus const& ic, bool (*sees)(item_flaw))
{
    std::size_t wrong = 0;
    auto report = [&](std::string_view doc, bool expected, item_flaw f) {
        if(++wrong <= 3)
            fail(std::string(name) + " on the items: says " + (expected ? "invalid" : "valid") +
                " for an item whose flaw is " + to_string(f) + ": " + std::string(doc.substr(0, 300)));
    };
    for(auto const& d : ic.items.documents)
        if(!c.valid(d.text))
            report(d.text, true, item_flaw::none);
    for(std::size_t i = 0; i < ic.invalid.size(); ++i)
    {
        bool const expected = !sees(ic.invalid_why[i]);
        if(c.valid(ic.invalid.documents[i].text) != expected)
            report(ic.invalid.documents[i].text, expected, ic.invalid_why[i]);
    }
    if(wrong > 3)
        fail(std::string(name) + " on the items: " + std::to_string(wrong) + " wrong verdicts in all");
}

bool sees_all(item_flaw) { return true; }
bool sees_syntax(item_flaw f) { return f == item_flaw::syntax; }
bool sees_json_schema(item_flaw f) { return json_schema_sees(f); }

// A process's verdicts on a file, before anything is timed.
void
check_process_count(std::vector<std::string> const& argv, std::size_t expected)
{
    auto const r = run_process(argv);
    if(!r.started || r.lines == 0 || r.valid != expected)
        fail(argv[0] + " on " + argv.back() + ": " + (r.started ? mismatch(r.valid, expected) + "; output: " +
            r.head : std::string("cannot start")));
}

/*  Items against a registered schema: the item validator (is_valid and
    validate) against the do-nothing basic_parser on the same items, in the
    process; the CLI (--type externalItem --against) against the floor's
    process and ajv with the JSON Schema the validator exports, on the
    items' NDJSON file. All the items are valid; the invalid ones are
    timed in the process too, and every checker's verdicts on both sets
    are compared with the corpus's first.
*/
void
item_cases(settings const& s, item_corpus const& ic, work_dir& dir, checker_kind const& floor_kind,
    std::vector<std::unique_ptr<checker>>& keep)
{
    std::string const schema_file = dir.write("items-registration.json", ic.schema);
    std::string const items_file = dir.write("items.ndjson", ic.items.ndjson());
    std::string const invalid_file = dir.write("items-invalid.ndjson", ic.invalid.ndjson());
    std::size_t const all = ic.items.size();

    // In the process.
    keep.push_back(floor_kind.make(graphschema::operation::create, s.where));
    checker& floor = *keep.back();
    check_items(floor_kind.name, floor, ic, sees_syntax);
    set_case(std::string(floor_kind.name) + "/items", floor, ic.items, all);
    set_case(std::string(floor_kind.name) + "/items_invalid", floor, ic.invalid,
        ic.invalid_accepted_by(sees_syntax));
    // Its whole process, on the items' file.
    if(!s.where.floor.empty())
    {
        check_process_count({s.where.floor, invalid_file}, ic.invalid_accepted_by(sees_syntax));
        process_case("process.floor_basic_parser/items", {s.where.floor, items_file}, ic.items, all);
    }

    std::string failure;
    std::unique_ptr<checker> is_valid = make_item_checker(item_check::is_valid, ic.schema, failure);
    std::unique_ptr<checker> validate = make_item_checker(item_check::validate, ic.schema, failure);
    std::string const json_schema = item_json_schema(ic.schema, failure);
    if(!is_valid || !validate || json_schema.empty())
    {
        fail(failure);
        return;
    }
    std::size_t const before = failures;
    check_items("graphschema.item_is_valid", *is_valid, ic, sees_all);
    check_items("graphschema.item_validate", *validate, ic, sees_all);
    if(failures == before)
        std::printf("verdicts agree: %-28s on %zu valid and %zu invalid items\n", "graphschema.item_*",
            ic.items.size(), ic.invalid.size());
    for(auto const* set : {&ic.items, &ic.invalid})
    {
        std::size_t const valid = set == &ic.items ? all : 0;
        set_case("graphschema.item_is_valid/" + set->name, *is_valid, *set, valid);
        set_case("graphschema.item_validate/" + set->name, *validate, *set, valid);
    }
    keep.push_back(std::move(is_valid));
    keep.push_back(std::move(validate));
    std::string const json_schema_file = dir.write("items-schema.json", json_schema);

    // The CLI's and ajv's whole processes on the items' file; their
    // verdicts on the invalid items checked once first.
    auto cli = [&](std::string const& file) -> std::vector<std::string> {
        return {s.where.cli, "--type", "externalItem", "--against", schema_file, "--ndjson", "--jobs", "1",
            "--format", "text", file};
    };
    auto ajv = [&](std::string const& file) -> std::vector<std::string> {
        return {s.where.node, s.where.source_dir + "/ajv_validate.js", json_schema_file, file};
    };
    if(!s.where.cli.empty())
    {
        check_process_count(cli(invalid_file), 0);
        process_case("process.graphschema_validate/items", cli(items_file), ic.items, all);
    }
    check_process_count(ajv(invalid_file), ic.invalid_accepted_by(sees_json_schema));
    process_case("process.ajv/items", ajv(items_file), ic.items, all);
}

std::string
cpu_model()
{
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while(std::getline(in, line))
        if(line.compare(0, 10, "model name") == 0)
            return line.substr(line.find(':') + 2);
    return "unknown";
}

} // namespace
} // bench

int
main(int argc, char** argv)
{
    using namespace bench;
    benchmark::Initialize(&argc, argv);
    settings const s = parse(argc, argv);

    corpus_scale scale;
    if(s.smoke)
    {
        // By name: a positional list shifted when `current` came in, and
        // made the smoke's large set 2,000 read bodies (80 MB).
        scale.small = 50;
        scale.current = 50;
        scale.large = 3;
        scale.stream = 2000;
        scale.sweep_max = 64u << 10;
        scale.sweep_bytes = 256u << 10;
    }
    corpus const c = make_corpus(s.seed, scale);
    std::printf("corpus (seed %llu): small %zu docs %zu B; large %zu docs %zu B; stream %zu docs %zu B (%s)\n",
        static_cast<unsigned long long>(s.seed), c.small.size(), c.small.bytes, c.large.size(),
        c.large.bytes, c.stream.size(), c.stream.bytes, describe_flaws(c.stream).c_str());

    std::size_t const item_count = s.items ? s.items : s.smoke ? 200 : 100000;
    item_corpus const items = make_item_corpus(s.seed, item_count, s.smoke ? 44 : 1100);
    std::printf("items (seed %llu): a schema of %zu properties; items %zu docs %zu B; invalid %zu docs %zu B (%s)\n",
        static_cast<unsigned long long>(s.seed), items.properties, items.items.size(), items.items.bytes,
        items.invalid.size(), items.invalid.bytes, describe_flaws(items).c_str());

    work_dir dir;
    std::string const stream_file = dir.write("stream.ndjson", c.stream.ndjson());

    // Every checker on every set it is timed on; its verdicts checked first.
    auto const kinds = all_checkers();
    std::vector<std::unique_ptr<checker>> keep;
    auto instance = [&](checker_kind const& k, document_set const& set) -> checker& {
        keep.push_back(k.make(set.operation, s.where));
        check_agreement(k, *keep.back(), set);
        return *keep.back();
    };
    for(auto const& k : kinds)
    {
        std::size_t const before = failures;
        for(document_set const* set : {&c.small, &c.large})
            set_case(std::string(k.name) + "/" + set->name, instance(k, *set), *set, set->valid_for(k.seen));
        if(k.what != role::graphschema)
            instance(k, c.stream); // verdicts only
        if(failures == before)
            std::printf("verdicts agree: %-28s blind to: %s\n", k.name,
                *k.blind_spots ? k.blind_spots : "nothing");
    }
    flaw_set syntax_sees;
    for(auto const& k : kinds)
    {
        // The in-process figures beside the whole-process ones.
        if(std::strcmp(k.name, "graphschema.validate") == 0 || std::strcmp(k.name, "peer.rapidjson_schema") == 0)
            set_case(std::string(k.name) + "/stream", instance(k, c.stream), c.stream,
                c.stream.valid_for(k.seen));
        if(std::strcmp(k.name, "floor.basic_parser_null") == 0)
            syntax_sees = k.seen;
    }

    // The quick pass against the handler.
    std::size_t const mutations = s.mutations ? s.mutations : s.smoke ? 100000 : 200000;
    if(std::size_t const wrong = self_check({&c.small, &c.large, &c.stream}, mutations, s.seed))
        fail("the quick pass and the handler disagree on " + std::to_string(wrong) + " documents");
    else
        std::printf("the quick pass and the handler agree on the corpus and %zu mutations of it\n", mutations);

    // Encoding what the decoder produced, and copying it.
    std::vector<std::unique_ptr<decoded_values>> values;
    for(document_set const* set : {&c.small, &c.large})
    {
        std::string failure;
        values.push_back(decode_all(*set, failure));
        if(!values.back())
        {
            fail(failure);
            continue;
        }
        auto& v = *values.back();
        if(v.size() != set->valid_for(flaw_set::all()))
            fail("decoded " + std::to_string(v.size()) + " values of " + set->name);
        std::size_t const bytes = v.encode_all();
        cases.push_back(benchmark::RegisterBenchmark(("graphschema.encode/" + set->name).c_str(), [&v, bytes](benchmark::State& st) {
            for(auto _ : st)
            {
                std::size_t const n = v.encode_all();
                if(n != bytes)
                {
                    st.SkipWithError("the encoded size changed between passes");
                    break;
                }
            }
            set_rates(st, v.size(), bytes);
        }));
        cases.push_back(benchmark::RegisterBenchmark(("floor.struct_copy/" + set->name).c_str(), [&v, set](benchmark::State& st) {
            for(auto _ : st)
            {
                // Every valid document has an id (read and create need one).
                std::size_t const n = v.copy_all();
                if(n != v.size())
                {
                    st.SkipWithError(mismatch(n, v.size()).c_str());
                    break;
                }
            }
            set_rates(st, v.size(), set->bytes);
        }));
    }

    // Whole processes on the stream file: the CLI (text and JSON output,
    // one thread; text on two) against its floor (reading the file and a
    // do-nothing parser over each line) and ajv.
    flaw_set const json_schema_sees = flaw_set::all().without({flaw::duplicate_member,
        flaw::duplicate_unknown, flaw::too_deep});
    if(s.where.cli.empty())
        fail("no graphschema-validate to run (build it, or pass --cli=PATH)");
    else
    {
        std::size_t const all_valid = c.stream.valid_for(flaw_set::all());
        process_case("process.graphschema_validate/stream",
            {s.where.cli, "--ndjson", "--jobs", "1", "--format", "text", "--operation", "create", stream_file},
            c.stream, all_valid);
        process_case("process.graphschema_validate_json/stream",
            {s.where.cli, "--ndjson", "--jobs", "1", "--format", "json", "--operation", "create", stream_file},
            c.stream, all_valid);
        process_case("process.graphschema_validate_jobs2/stream",
            {s.where.cli, "--ndjson", "--jobs", "2", "--format", "text", "--operation", "create", stream_file},
            c.stream, all_valid);
    }
    if(s.where.floor.empty())
        fail("no graphschema-bench-floor to run (build it, or pass --floor=PATH)");
    else
        process_case("process.floor_basic_parser/stream", {s.where.floor, stream_file}, c.stream,
            c.stream.valid_for(syntax_sees));
    process_case("process.ajv/stream",
        {s.where.node, s.where.source_dir + "/ajv_validate.js", schema_path(s.where, graphschema::operation::create),
            stream_file},
        c.stream, c.stream.valid_for(json_schema_sees));

    // Cost against size.
    for(auto const& k : kinds)
    {
        if(std::strcmp(k.name, "graphschema.validate") != 0 && std::strcmp(k.name, "graphschema.decode_reused") != 0 &&
            std::strcmp(k.name, "floor.basic_parser_null") != 0)
            continue;
        for(auto const& set : c.sweep)
            set_case(std::string("sweep.") + k.name + "/" + std::to_string(set.bytes / set.size()),
                instance(k, set), set, set.valid_for(k.seen));
    }

    // Items against a registered schema.
    for(auto const& k : kinds)
        if(std::strcmp(k.name, "floor.basic_parser_null") == 0)
        {
            if(s.items_out.empty())
                item_cases(s, items, dir, k, keep);
            else
            {
                work_dir out(s.items_out);
                item_cases(s, items, out, k, keep);
            }
        }

    if(failures != 0)
    {
        std::fprintf(stderr, "graphschema-bench: wrong verdicts: not timing anything\n");
        return 1;
    }

    benchmark::AddCustomContext("cpu_model", cpu_model());
    benchmark::AddCustomContext("compiler", __VERSION__);
    benchmark::AddCustomContext("flags", GRAPHSCHEMA_BENCH_FLAGS);
    benchmark::AddCustomContext("corpus_seed", std::to_string(s.seed));
    benchmark::AddCustomContext("item_schema_properties", std::to_string(items.properties));

    // The smoke test runs each case once: it checks the counts, not the times.
    if(s.smoke)
        for(auto* b : cases)
            b->Iterations(1);

    collecting_reporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();

    print_ratios(reporter, s.ratios_out);
    if(reporter.errors() != 0)
    {
        std::fprintf(stderr, "graphschema-bench: %zu cases counted wrong\n", reporter.errors());
        return 1;
    }
    return 0;
}
