//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// graphschema-validate: checks Graph connector payloads against RULES.md.
//
//   graphschema-validate [options] [FILE ...]
//
// Exit status: 0 when every document is valid, 1 when any is invalid,
// 2 on a usage or I/O error. See docs/cli.md.

#include <graphschema/graphschema.hpp>
#include <graphschema/ndjson.hpp>

#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

namespace gs = graphschema;

constexpr char const* usage_text =
    "usage: graphschema-validate [options] [FILE ...]\n"
    "\n"
    "Validates Microsoft Graph externalConnection and configuration payloads.\n"
    "With no FILE, or with -, reads standard input.\n"
    "\n"
    "options:\n"
    "  --type T          externalConnection (default) or configuration\n"
    "  --operation OP    create (default), update or read\n"
    "  --unknown P       preserve (default), ignore or reject\n"
    "  --format F        text (default) or json (one object per document)\n"
    "  --ndjson          each input line is one document; blank lines are skipped\n"
    "  --emit            print each valid document re-encoded canonically to\n"
    "                    standard output; the report then goes to standard error\n"
    "  --max-depth N     deepest nesting accepted (default 64)\n"
    "  --max-bytes N     largest document accepted, in bytes (default 4194304)\n"
    "  --max-issues N    most issues reported per document (default 100)\n"
    "  --schema          print the JSON Schema of --type for --operation and\n"
    "                    --unknown, and exit\n"
    "  --help            print this help and exit\n"
    "  --version         print the version and exit\n"
    "\n"
    "exit status: 0 all valid, 1 some invalid, 2 usage or I/O error\n";

enum class model_type
{
    external_connection,
    configuration
};

struct settings
{
    model_type type = model_type::external_connection;
    gs::decode_options decode;
    bool json = false;
    bool ndjson = false;
    bool emit = false;
    bool schema = false;
    std::vector<std::string> files;
};

// Output through one buffer per stream, flushed in large writes: a stream
// of small documents is dominated by output calls otherwise.
class output
{
public:
    explicit output(int fd) noexcept : fd_(fd) {}
    output(output const&) = delete;
    output& operator=(output const&) = delete;
    ~output() { flush(); }

    void
    write(std::string_view s)
    {
        buffer_.append(s.data(), s.size());
        if(buffer_.size() >= (1u << 16))
            flush();
    }

    void
    flush() noexcept
    {
        std::size_t done = 0;
        while(done < buffer_.size())
        {
            auto const n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
            if(n < 0)
            {
                if(errno == EINTR)
                    continue;
                break; // nowhere to report a failing report stream
            }
            done += static_cast<std::size_t>(n);
        }
        buffer_.clear();
    }

private:
    int fd_;
    std::string buffer_;
};

[[noreturn]] void
usage_error(std::string const& what)
{
    std::fprintf(stderr, "graphschema-validate: %s\n"
        "Try 'graphschema-validate --help' for more information.\n", what.c_str());
    std::exit(2);
}

std::size_t
parse_count(std::string_view option, std::string const& text)
{
    if(text.empty() || text.find_first_not_of("0123456789") != std::string::npos)
        usage_error(std::string(option) + " needs a non-negative integer, not '" + text + "'");
    errno = 0;
    unsigned long long const v = std::strtoull(text.c_str(), nullptr, 10);
    if(errno == ERANGE || v > static_cast<unsigned long long>(static_cast<std::size_t>(-1)))
        usage_error(std::string(option) + " is too large: '" + text + "'");
    return static_cast<std::size_t>(v);
}

settings
parse_arguments(int argc, char** argv)
{
    settings s;
    bool options_done = false;
    for(int i = 1; i < argc; ++i)
    {
        std::string arg = argv[i];
        if(options_done || arg == "-" || arg.size() < 2 || arg.compare(0, 2, "--") != 0)
        {
            if(!options_done && arg.size() > 1 && arg[0] == '-' && arg != "-")
                usage_error("unknown option '" + arg + "'");
            s.files.push_back(arg);
            continue;
        }
        if(arg == "--")
        {
            options_done = true;
            continue;
        }
        std::string name = arg;
        std::optional<std::string> value;
        if(auto eq = arg.find('='); eq != std::string::npos)
        {
            name = arg.substr(0, eq);
            value = arg.substr(eq + 1);
        }
        auto flag = [&] {
            if(value)
                usage_error("option '" + name + "' takes no value");
        };
        auto need = [&]() -> std::string {
            if(value)
                return *value;
            if(i + 1 >= argc)
                usage_error("option '" + name + "' needs a value");
            return argv[++i];
        };
        if(name == "--help")
        {
            flag();
            std::fputs(usage_text, stdout);
            std::exit(0);
        }
        else if(name == "--version")
        {
            flag();
            std::puts("graphschema-validate " GRAPHSCHEMA_VERSION);
            std::exit(0);
        }
        else if(name == "--type")
        {
            auto v = need();
            if(v == "externalConnection")
                s.type = model_type::external_connection;
            else if(v == "configuration")
                s.type = model_type::configuration;
            else
                usage_error("--type must be externalConnection or configuration, not '" + v + "'");
        }
        else if(name == "--operation")
        {
            auto v = need();
            auto op = gs::operation_from_string(v);
            if(!op)
                usage_error("--operation must be create, update or read, not '" + v + "'");
            s.decode.operation = *op;
        }
        else if(name == "--unknown")
        {
            auto v = need();
            auto p = gs::unknown_policy_from_string(v);
            if(!p)
                usage_error("--unknown must be preserve, ignore or reject, not '" + v + "'");
            s.decode.unknown = *p;
        }
        else if(name == "--format")
        {
            auto v = need();
            if(v == "text")
                s.json = false;
            else if(v == "json")
                s.json = true;
            else
                usage_error("--format must be text or json, not '" + v + "'");
        }
        else if(name == "--ndjson")
        {
            flag();
            s.ndjson = true;
        }
        else if(name == "--emit")
        {
            flag();
            s.emit = true;
        }
        else if(name == "--max-depth")
        {
            s.decode.max_depth = parse_count(name, need());
            if(s.decode.max_depth == 0 || s.decode.max_depth > gs::max_depth_limit)
                usage_error("--max-depth must be from 1 to " + std::to_string(gs::max_depth_limit));
        }
        else if(name == "--max-bytes")
            s.decode.max_bytes = parse_count(name, need());
        else if(name == "--max-issues")
            s.decode.max_issues = parse_count(name, need());
        else if(name == "--schema")
        {
            flag();
            s.schema = true;
        }
        else
            usage_error("unknown option '" + name + "'");
    }
    if(s.schema && !s.files.empty())
        usage_error("--schema reads no FILE");
    if(s.files.empty())
        s.files.push_back("-");
    return s;
}

class validator
{
public:
    explicit validator(settings const& s)
        : s_(s)
        , out_(1)
        , err_(2)
    {
    }

    // 0, 1 or 2, as the exit status.
    int status() const noexcept { return io_error_ ? 2 : invalid_ ? 1 : 0; }

    void
    run()
    {
        for(auto const& f : s_.files)
            run_file(f);
    }

private:
    output& report_stream() noexcept { return s_.emit ? err_ : out_; }

    void
    run_file(std::string const& name)
    {
        int fd = 0;
        if(name != "-")
        {
            fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
            if(fd < 0)
            {
                io_failure(name, "cannot open", errno);
                return;
            }
        }
        if(s_.ndjson)
            run_ndjson(fd, name);
        else
            run_whole(fd, name);
        if(fd != 0)
            ::close(fd);
    }

    // Reads up to n bytes; returns the count, or -1 after reporting an error.
    long
    read_some(int fd, std::string const& name, char* p, std::size_t n)
    {
        for(;;)
        {
            auto const r = ::read(fd, p, n);
            if(r >= 0)
                return static_cast<long>(r);
            if(errno == EINTR)
                continue;
            io_failure(name, "cannot read", errno);
            return -1;
        }
    }

    void
    run_whole(int fd, std::string const& name)
    {
        std::size_t const limit = s_.decode.max_bytes;
        struct stat st;
        if(::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
            static_cast<unsigned long long>(st.st_size) > limit)
        {
            // Rejected from its size alone, before reading a byte.
            check_oversized(name, static_cast<std::size_t>(st.st_size), false);
            return;
        }
        std::string text;
        std::size_t const chunk = 1 << 16;
        for(;;)
        {
            // Never hold more than the limit and one chunk.
            std::size_t const old = text.size();
            text.resize(old + chunk);
            long const n = read_some(fd, name, &text[old], chunk);
            if(n < 0)
                return;
            text.resize(old + static_cast<std::size_t>(n));
            if(n == 0)
                break;
            if(text.size() > limit)
            {
                check_oversized(name, text.size(), true);
                return;
            }
        }
        check(name, text, 0);
    }

    void
    run_ndjson(int fd, std::string const& name)
    {
        gs::ndjson_splitter split(s_.decode.max_bytes);
        std::string chunk(1 << 16, '\0');
        auto on_line = [&](gs::ndjson_splitter::line const& l) {
            std::string const source = name + ":" + std::to_string(l.number);
            if(l.oversized)
                check_oversized(source, l.size, false, l.number);
            else
                check(source, l.text, l.number);
        };
        for(;;)
        {
            long const n = read_some(fd, name, chunk.data(), chunk.size());
            if(n < 0)
                return;
            if(n == 0)
                break;
            split.write({chunk.data(), static_cast<std::size_t>(n)}, on_line);
        }
        split.finish(on_line);
    }

    // A document over the size limit; `at_least` when it was not read whole.
    void
    check_oversized(std::string const& source, std::size_t size, bool at_least,
        std::size_t line = 0)
    {
        std::string const limit = std::to_string(s_.decode.max_bytes);
        gs::report r(s_.decode.max_issues);
        gs::detail::report_access::add(r, {gs::error::size_exceeded, {}, line ? line : 1, 1, at_least
            ? "the document is larger than the limit of " + limit + " bytes"
            : "the document is " + std::to_string(size) +
                " bytes, more than the limit of " + limit});
        print(source, r);
    }

    // `line` is the document's line in an NDJSON stream, 0 otherwise.
    void
    check(std::string const& source, std::string_view text, std::size_t line)
    {
        gs::report r;
        if(s_.emit)
        {
            encoded_.clear();
            if(s_.type == model_type::external_connection)
                r = decode_and_encode<gs::graph::external_connection>(text);
            else
                r = decode_and_encode<gs::graph::configuration>(text);
        }
        else if(s_.type == model_type::external_connection)
            r = gs::validate<gs::graph::external_connection>(text, s_.decode);
        else
            r = gs::validate<gs::graph::configuration>(text, s_.decode);
        if(line != 0)
            for(auto& i : gs::detail::report_access::issues(r))
                i.line += line - 1;
        if(s_.emit && r.ok())
        {
            encoded_.push_back('\n');
            out_.write(encoded_);
        }
        print(source, r);
    }

    template<class T>
    gs::report
    decode_and_encode(std::string_view text)
    {
        T value;
        auto r = gs::decode(text, value, s_.decode);
        if(r.ok())
            gs::encode(value, encoded_);
        return r;
    }

    void
    print(std::string const& source, gs::report const& r)
    {
        if(!r.ok())
            invalid_ = true;
        auto& o = report_stream();
        line_.clear();
        if(s_.json)
        {
            boost::json::object doc;
            doc["source"] = source;
            doc["valid"] = r.ok();
            auto& errors = doc["errors"].emplace_array();
            for(auto const& i : r)
                errors.push_back(boost::json::value_from(i));
            if(r.truncated())
            {
                doc["truncated"] = true;
                doc["found"] = r.found();
            }
            line_ = boost::json::serialize(doc);
            line_.push_back('\n');
        }
        else if(r.ok())
        {
            line_ = source + ": valid\n";
        }
        else
        {
            line_ = source + ": invalid (" + std::to_string(r.found()) +
                (r.found() == 1 ? " issue)\n" : " issues)\n");
            std::string const file = source.substr(0, s_.ndjson ? source.rfind(':') : source.size());
            for(auto const& i : r)
            {
                line_ += file + ":" + std::to_string(i.line) + ":" + std::to_string(i.column) + ": ";
                line_ += gs::to_string(i.code);
                line_ += i.pointer.empty() ? std::string(" (document)") : " " + i.pointer;
                line_ += ": " + i.message + "\n";
            }
            if(r.truncated())
                line_ += file + ": " + std::to_string(r.found() - r.size()) +
                    (r.size() < s_.decode.max_issues
                        ? " more issues not shown (their pointers would pass --max-bytes in all)\n"
                        : " more issues not shown (see --max-issues)\n");
        }
        o.write(line_);
    }

    void
    io_failure(std::string const& name, char const* what, int err)
    {
        io_error_ = true;
        out_.flush();
        std::string const msg = std::string("graphschema-validate: ") + what + " '" +
            name + "': " + std::strerror(err) + "\n";
        err_.write(msg);
        err_.flush();
    }

    settings const& s_;
    output out_;
    output err_;
    std::string encoded_;
    std::string line_;
    bool invalid_ = false;
    bool io_error_ = false;
};

} // namespace

int
main(int argc, char** argv)
{
    settings const s = parse_arguments(argc, argv);
    if(s.schema)
    {
        gs::decode_options o;
        o.operation = s.decode.operation;
        o.unknown = s.decode.unknown;
        auto const schema = s.type == model_type::external_connection
            ? gs::json_schema<gs::graph::external_connection>(o)
            : gs::json_schema<gs::graph::configuration>(o);
        std::string const text = boost::json::serialize(schema) + "\n";
        std::fwrite(text.data(), 1, text.size(), stdout);
        return std::fflush(stdout) == 0 ? 0 : 2;
    }
    validator v(s);
    v.run();
    return v.status();
}
