//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_FUZZ_CLI_CHECKS_HPP
#define GRAPHSCHEMA_FUZZ_CLI_CHECKS_HPP

// 6. The command-line validator's output path (graphschema::cli): any
//    input, under a name of any bytes, in any output form, gives one report
//    line per document in JSON, the lines the report says in text, one
//    document per line under --emit, and output that is valid UTF-8 with
//    no control character but the newline (and the colours' own escapes).
//
// The input: a 5-byte header, the input's name, then the input.
//
//   byte 0   model = b % 3, operation = b / 3 % 3, unknown policy = b / 9 % 3
//            (as fuzz/checks.hpp)
//   byte 1   bit 0 --format json, bit 1 --emit, bit 2 --ndjson,
//            bit 3 --color=always, bit 4 --jobs 2 (else 1)
//   byte 2   max_issues, from issue_choices[b % 8]
//   byte 3   max_bytes, from byte_choices[b % 16]
//   byte 4   the name's length, b % 32; the name's bytes follow

#include "checks.hpp"

#include <graphschema/cli.hpp>

#include <boost/json/parse.hpp>

#include <string>
#include <string_view>
#include <vector>

#include <sys/mman.h>
#include <unistd.h>

namespace fuzz_checks {

namespace cli_detail = graphschema::cli::detail;

// A file in memory; closed with the object.
class memory_file
{
public:
    memory_file() noexcept : fd_(::memfd_create("graphschema-fuzz", MFD_CLOEXEC)) {}
    memory_file(memory_file const&) = delete;
    memory_file& operator=(memory_file const&) = delete;
    ~memory_file()
    {
        if(fd_ >= 0)
            ::close(fd_);
    }

    int fd() const noexcept { return fd_; }

    bool
    write(std::string_view s) const noexcept
    {
        return cli_detail::write_all(fd_, s.data(), s.size()) == 0 && ::lseek(fd_, 0, SEEK_SET) == 0;
    }

    std::string
    read() const
    {
        std::string s;
        if(::lseek(fd_, 0, SEEK_SET) != 0)
            return s;
        char buf[4096];
        for(;;)
        {
            long const n = cli_detail::read_some(fd_, buf, sizeof(buf));
            if(n <= 0)
                return s;
            s.append(buf, static_cast<std::size_t>(n));
        }
    }

private:
    int fd_;
};

inline bool
is_valid_utf8(std::string_view s) noexcept
{
    while(!s.empty())
    {
        std::size_t const n = gs::detail::utf8_sequence_length(s);
        if(n == 0)
            return false;
        s.remove_prefix(n);
    }
    return true;
}

// Removes the colours' escapes; the rest must hold no control character
// but the newline, nor a C1 control.
inline std::string
without_colours(std::string s)
{
    for(std::string_view sgr : {cli_detail::sgr::bold, cli_detail::sgr::red, cli_detail::sgr::green,
             cli_detail::sgr::reset})
        for(auto at = s.find(sgr); at != std::string::npos; at = s.find(sgr, at))
            s.erase(at, sgr.size());
    return s;
}

inline bool
has_control(std::string_view s) noexcept
{
    for(std::size_t i = 0; i < s.size(); ++i)
    {
        auto const c = static_cast<unsigned char>(s[i]);
        if((c < 0x20 && c != '\n') || c == 0x7F)
            return true;
        if(c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0)
            return true;
    }
    return false;
}

inline std::vector<std::string_view>
split_lines(std::string_view s)
{
    std::vector<std::string_view> out;
    while(!s.empty())
    {
        auto const nl = s.find('\n');
        out.push_back(s.substr(0, nl));
        if(nl == std::string_view::npos)
            break;
        s.remove_prefix(nl + 1);
    }
    return out;
}

inline std::string
check_cli_output(std::uint8_t const* data, std::size_t size)
{
    findings f;
    auto byte = [&](std::size_t i) -> unsigned { return i < size ? data[i] : 0u; };
    unsigned const flags = byte(1);
    cli_detail::settings s;
    s.decode.operation = static_cast<gs::operation>(byte(0) / 3 % 3);
    s.decode.unknown = static_cast<gs::unknown_policy>(byte(0) / 9 % 3);
    s.decode.max_issues = issue_choices[byte(2) % 8];
    s.decode.max_bytes = byte_choices[byte(3) % 16];
    s.format = flags & 1 ? cli_detail::output_format::json : cli_detail::output_format::text;
    s.emit = (flags & 2) != 0;
    s.ndjson = (flags & 4) != 0;
    s.colour = flags & 8 ? cli_detail::colour_choice::always : cli_detail::colour_choice::never;
    s.jobs = flags & 16 ? 2 : 1;
    std::size_t const name_size = byte(4) % 32;
    std::size_t const head = std::min(size, std::size_t(5) + name_size);
    std::string const name(reinterpret_cast<char const*>(data) + std::min(size, std::size_t(5)),
        head - std::min(size, std::size_t(5)));
    std::string_view const input(reinterpret_cast<char const*>(data) + head, size - head);
    bool const json = s.format == cli_detail::output_format::json;
    bool const coloured = !json && (flags & 8) != 0;

    with_model(static_cast<model_kind>(byte(0) % 3), [&](auto tag) {
        using T = decltype(tag);
        memory_file in, out, err;
        if(in.fd() < 0 || out.fd() < 0 || err.fd() < 0 || !in.write(input))
            return; // no memory files here: nothing to check
        int status;
        {
            cli_detail::output o(out.fd());
            cli_detail::output e(err.fd());
            cli_detail::engine<T> run(s, "fuzz", o, e);
            run.check_input(in.fd(), name);
            status = run.finish();
        }
        std::string const out_text = out.read();
        std::string const err_text = err.read();
        std::string const report_text = s.emit ? err_text : out_text;

        // The documents, and what each must get.
        std::vector<std::pair<std::string_view, std::size_t>> docs; // text, line (0: whole)
        std::vector<std::size_t> oversized;                        // lines over the limit
        if(s.ndjson)
        {
            gs::ndjson_splitter split(s.decode.max_bytes);
            std::vector<std::string> held; // lines not whole in the input (none here: one chunk)
            auto on_line = [&](gs::ndjson_splitter::line const& l) {
                if(l.oversized)
                    oversized.push_back(l.number);
                else
                {
                    held.emplace_back(l.text);
                    docs.emplace_back(std::string_view(), l.number);
                }
            };
            split.write(input, on_line);
            split.finish(on_line);
            for(std::size_t i = 0; i < docs.size(); ++i)
                docs[i].first = held[i];
            std::size_t valid = 0, lines = 0;
            for(auto const& [text, line] : docs)
            {
                auto const r = gs::validate<T>(text, s.decode);
                valid += r.ok();
                if(!r.ok())
                    lines += 1 + r.size() + r.truncated();
            }
            // An oversized line: its header, then its issue or the count of it.
            lines += 2 * oversized.size();
            std::size_t const documents = docs.size() + oversized.size();
            f.expect(status == (valid == documents ? 0 : 1), "the exit status is not the verdict");
            auto const report = split_lines(report_text);
            if(json)
            {
                f.expect(report.size() == documents, "--format json does not write one line per document");
                std::size_t valid_lines = 0;
                for(auto line : report)
                {
                    boost::json::error_code ec;
                    auto const jv = boost::json::parse(line, ec);
                    f.expect(!ec && jv.is_object(), "a JSON report line is not one JSON object");
                    if(!ec && jv.is_object())
                        valid_lines += jv.as_object().at("valid").as_bool();
                }
                f.expect(valid_lines == valid, "the JSON report says another number valid");
            }
            else
            {
                f.expect(report.size() == lines + 1, "the text report has other lines than its documents give");
                if(!report.empty())
                {
                    std::string const last = without_colours(std::string(report.back()));
                    std::string const expected = ": " + std::to_string(documents) +
                        (documents == 1 ? " document, " : " documents, ") + std::to_string(valid) +
                        " valid, " + std::to_string(documents - valid) + " invalid";
                    f.expect(last.size() >= expected.size() &&
                            last.compare(last.size() - expected.size(), expected.size(), expected) == 0,
                        "the summary line is not the count");
                }
            }
            if(s.emit)
                f.expect(split_lines(out_text).size() == valid, "--emit does not write one line per valid document");
        }
        else
        {
            bool const over = input.size() > s.decode.max_bytes;
            gs::report const r = over ? gs::report() : gs::validate<T>(input, s.decode);
            bool const ok = !over && r.ok();
            f.expect(status == (ok ? 0 : 1), "the exit status is not the verdict");
            std::size_t const lines = ok ? 1 : over ? 2 : 1 + r.size() + r.truncated();
            auto const report = split_lines(report_text);
            f.expect(report.size() == (json ? 1 : lines), "the report of a file has other lines than its issues give");
            if(json && report.size() == 1)
            {
                boost::json::error_code ec;
                auto const jv = boost::json::parse(report[0], ec);
                f.expect(!ec && jv.is_object(), "the JSON report is not one JSON object");
                if(!ec && jv.is_object())
                {
                    // The name, each byte that is not UTF-8 a U+FFFD.
                    std::string escaped = "\"";
                    gs::detail::append_escaped(escaped, name, true);
                    escaped += '"';
                    f.expect(jv.as_object().at("source") == boost::json::parse(escaped),
                        "the JSON report names another source");
                    f.expect(jv.as_object().at("valid").as_bool() == ok, "the JSON report has another verdict");
                }
            }
            if(s.emit)
                f.expect(split_lines(out_text).size() == (ok ? 1u : 0u), "--emit does not write one line for a valid file");
        }

        // Every emitted line is a document in its canonical form.
        if(s.emit)
        {
            gs::decode_options again = s.decode;
            again.max_bytes = unlimited;
            again.max_depth = gs::max_depth_limit;
            for(auto line : split_lines(out_text))
            {
                auto const back = gs::decode<T>(line, again);
                f.expect(back.ok(), "an emitted line is not a valid document");
                f.expect(back.ok() && gs::encode(*back) == line, "an emitted line is not canonical");
            }
        }

        // What anyone reads: valid UTF-8, one line a line, no terminal escapes.
        for(std::string const* o : {&out_text, &err_text})
        {
            f.expect(is_valid_utf8(*o), "the output is not valid UTF-8");
            f.expect(o->empty() || o->back() == '\n', "the output does not end with a newline");
        }
        f.expect(!has_control(coloured ? without_colours(report_text) : report_text),
            "the report holds a control character");
        f.expect(coloured || report_text.find('\x1b') == std::string::npos, "an uncoloured report has an escape");
    });
    return std::move(f).take();
}

} // fuzz_checks

#endif
