//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_CLI_HPP
#define GRAPHSCHEMA_CLI_HPP

// A command-line validator for any set of models, in one call:
//
//   int main(int argc, char** argv)
//   {
//       return graphschema::cli::run<my::ticket, my::person>(argc, argv);
//   }
//
// POSIX only (it reads and writes file descriptors), and it needs
// exceptions (it turns std::bad_alloc into exit status 2). Not included by
// <graphschema/graphschema.hpp>. See docs/cli.md.

#include <graphschema/decode.hpp>
#include <graphschema/encode.hpp>
#include <graphschema/item_validator.hpp>
#include <graphschema/model.hpp>
#include <graphschema/ndjson.hpp>
#include <graphschema/options.hpp>
#include <graphschema/report.hpp>
#include <graphschema/schema.hpp>
#include <graphschema/validate.hpp>
#include <graphschema/detail/escape.hpp>
#include <graphschema/graph/external_item.hpp>

#include <boost/json/serialize.hpp>
#include <boost/mp11/algorithm.hpp>

#include <array>
#include <cerrno>
#include <condition_variable>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

namespace graphschema {
namespace cli {

/** What a validator built on @ref run says about itself.

    Every member may be left empty.
*/
struct program
{
    /// The name in messages and in `--help`; empty: the file name of `argv[0]`.
    std::string_view name;
    /// What `--version` prints after the name.
    std::string_view version;
    /// One line under the usage line of `--help`.
    std::string_view description;
};

namespace detail {

using graphschema::detail::append_decimal;
using graphschema::detail::append_escaped;

enum class output_format : unsigned char { text, json };
enum class colour_choice : unsigned char { automatic, always, never };

// The options of one run, as parsed.
struct settings
{
    std::size_t type = 0; // an index into the models
    decode_options decode;
    output_format format = output_format::text;
    colour_choice colour = colour_choice::automatic;
    bool ndjson = false;
    bool emit = false;
    bool quiet = false;
    bool schema = false;
    std::size_t jobs = 0; // 0: one a core
    // --against: the schema registration body items are checked against
    // (only with the model graph::external_item).
    std::optional<std::string> against;
    std::vector<std::string> files;
};

inline constexpr std::size_t max_jobs = 1024;

// The short name of a model (the last part of its qualified OData name,
// `externalConnection`) and the qualified one.
template<class T>
constexpr std::string_view
qualified_name() noexcept
{
    return graphschema_model(model_tag<T>{}).type_names[0];
}

// Every qualified name a model answers to (both OData namespaces of a
// Graph type), the first being the one --help shows.
struct type_entry
{
    std::array<std::string_view, max_type_names> names{};
    std::size_t count = 0;
};

template<class T>
constexpr type_entry
type_entry_of() noexcept
{
    constexpr auto rules = graphschema_model(model_tag<T>{});
    type_entry e;
    for(std::size_t i = 0; i < rules.type_name_count; ++i)
        e.names[i] = rules.type_names[i];
    e.count = rules.type_name_count;
    return e;
}

inline constexpr std::string_view
short_name(std::string_view qualified) noexcept
{
    auto const dot = qualified.rfind('.');
    return dot == std::string_view::npos ? qualified : qualified.substr(dot + 1);
}

//------------------------------------------------------------------------------
// Writing, with every error kept: a failed write is an I/O error.

inline int
write_all(int fd, char const* p, std::size_t n) noexcept
{
    while(n > 0)
    {
        auto const w = ::write(fd, p, n);
        if(w >= 0)
        {
            p += w;
            n -= static_cast<std::size_t>(w);
            continue;
        }
        if(errno == EINTR)
            continue;
        if(errno == EAGAIN || errno == EWOULDBLOCK)
        {
            pollfd pfd{fd, POLLOUT, 0};
            (void)::poll(&pfd, 1, -1);
            continue;
        }
        return errno;
    }
    return 0;
}

// Output through one buffer, written in large pieces. What a document
// writes is committed when it is whole: after an error (out of memory in
// the middle of a document), only whole documents are written.
class output
{
public:
    static constexpr std::size_t flush_size = std::size_t(1) << 16;

    explicit output(int fd) noexcept : fd_(fd) {}
    ~output() { flush(); } // what is whole, however the run ends
    output(output const&) = delete;
    output& operator=(output const&) = delete;

    int fd() const noexcept { return fd_; }
    std::string& buffer() noexcept { return buffer_; }

    // The errno of the first failed write, or 0.
    int error() const noexcept { return error_; }

    void
    commit() noexcept
    {
        committed_ = buffer_.size();
    }

    // Commits, and writes when the buffer is large.
    void
    commit_and_flush_if_full() noexcept
    {
        commit();
        if(buffer_.size() >= flush_size)
            flush();
    }

    // Appends a whole piece.
    void
    write(std::string_view s)
    {
        if(s.size() >= flush_size)
        {
            flush();
            write_through(s.data(), s.size());
            return;
        }
        buffer_.append(s.data(), s.size());
        commit_and_flush_if_full();
    }

    // Writes what is committed; drops what is not.
    void
    flush() noexcept
    {
        buffer_.resize(committed_);
        write_through(buffer_.data(), buffer_.size());
        buffer_.clear();
        committed_ = 0;
    }

private:
    void
    write_through(char const* p, std::size_t n) noexcept
    {
        if(error_ == 0 && n != 0)
            error_ = write_all(fd_, p, n);
    }

    int fd_;
    int error_ = 0;
    std::string buffer_;
    std::size_t committed_ = 0;
};

// A message on standard error that allocates nothing: for running out of memory.
inline void
say_without_memory(std::string_view name, std::string_view what) noexcept
{
    (void)write_all(2, name.data(), name.size());
    (void)write_all(2, ": ", 2);
    (void)write_all(2, what.data(), what.size());
    (void)write_all(2, "\n", 1);
}

// Reads up to n bytes: the count, or -1 with errno set.
inline long
read_some(int fd, char* p, std::size_t n) noexcept
{
    for(;;)
    {
        auto const r = ::read(fd, p, n);
        if(r >= 0)
            return static_cast<long>(r);
        if(errno == EINTR)
            continue;
        if(errno == EAGAIN || errno == EWOULDBLOCK)
        {
            pollfd pfd{fd, POLLIN, 0};
            (void)::poll(&pfd, 1, -1);
            continue;
        }
        return -1;
    }
}

// SIGPIPE blocked in the calling thread while a run lasts (the threads it
// starts inherit the mask), so that writing to a closed pipe is the error
// EPIPE, not the end of the process. A SIGPIPE the run raised is taken
// before the mask is restored; nothing process-wide changes.
class sigpipe_guard
{
public:
    sigpipe_guard() noexcept
    {
        sigset_t pipe;
        sigemptyset(&pipe);
        sigaddset(&pipe, SIGPIPE);
        sigset_t pending;
        sigemptyset(&pending);
        was_pending_ = ::sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE) == 1;
        blocked_ = ::pthread_sigmask(SIG_BLOCK, &pipe, &old_) == 0;
    }

    sigpipe_guard(sigpipe_guard const&) = delete;
    sigpipe_guard& operator=(sigpipe_guard const&) = delete;

    ~sigpipe_guard()
    {
        if(!blocked_)
            return;
        sigset_t pipe;
        sigemptyset(&pipe);
        sigaddset(&pipe, SIGPIPE);
        if(!was_pending_ && sigismember(&old_, SIGPIPE) != 1)
        {
            timespec const now{0, 0};
            while(::sigtimedwait(&pipe, nullptr, &now) == SIGPIPE)
            {
            }
        }
        ::pthread_sigmask(SIG_SETMASK, &old_, nullptr);
    }

private:
    sigset_t old_;
    bool blocked_ = false;
    bool was_pending_ = false;
};

//------------------------------------------------------------------------------
// The report of one document, written straight into an output buffer.

// The name of an input, escaped once for each form.
struct source_name
{
    std::string text; // for the text report
    std::string json; // inside a JSON string
};

inline source_name
make_source_name(std::string_view name)
{
    source_name s;
    append_escaped(s.text, name, false);
    append_escaped(s.json, name, true);
    return s;
}

// How reports are written.
struct style
{
    output_format format = output_format::text;
    bool colour = false;
    bool ndjson = false;
    std::size_t max_issues = 100;
};

namespace sgr {
inline constexpr std::string_view bold = "\x1b[1m";
inline constexpr std::string_view red = "\x1b[1;31m";
inline constexpr std::string_view green = "\x1b[32m";
inline constexpr std::string_view reset = "\x1b[0m";
} // sgr

// Writes the report of a document whose issues are [first, first + kept)
// out of `found`. `line` is the document's line in an NDJSON stream, 0 for
// a whole file.
inline void
append_document_report(std::string& out, style const& st, source_name const& src, std::size_t line,
    std::size_t found, issue const* first, std::size_t kept)
{
    bool const ok = found == 0;
    std::size_t const offset = line == 0 ? 0 : line - 1;
    if(st.format == output_format::json)
    {
        out += std::string_view(R"({"source":")");
        out += src.json;
        if(line != 0)
        {
            out.push_back(':');
            append_decimal(out, line);
        }
        out.append(ok ? R"(","valid":true,"errors":[)" : R"(","valid":false,"errors":[)");
        for(std::size_t k = 0; k < kept; ++k)
        {
            issue const& i = first[k];
            out.append(k == 0 ? R"({"code":")" : R"(,{"code":")");
            out += to_string(i.code);
            out += std::string_view(R"(","pointer":")");
            append_escaped(out, i.pointer, true);
            out += std::string_view(R"(","line":)");
            append_decimal(out, i.line + offset);
            out += std::string_view(R"(,"column":)");
            append_decimal(out, i.column);
            out += std::string_view(R"(,"message":")");
            append_escaped(out, i.message, true);
            out += std::string_view(R"("})");
        }
        out.push_back(']');
        if(found > kept)
        {
            out += std::string_view(R"(,"truncated":true,"found":)");
            append_decimal(out, found);
        }
        out += std::string_view("}\n");
        return;
    }

    auto source = [&](bool with_line) {
        if(st.colour)
            out += sgr::bold;
        out += src.text;
        if(with_line && line != 0)
        {
            out.push_back(':');
            append_decimal(out, line);
        }
        out.push_back(':');
        if(st.colour)
            out += sgr::reset;
    };
    if(ok)
    {
        if(st.ndjson)
            return; // a valid document of a stream prints nothing
        source(true);
        out.push_back(' ');
        if(st.colour)
            out += sgr::green;
        out += std::string_view("valid");
        if(st.colour)
            out += sgr::reset;
        out.push_back('\n');
        return;
    }
    source(true);
    out.push_back(' ');
    if(st.colour)
        out += sgr::red;
    out += std::string_view("invalid");
    if(st.colour)
        out += sgr::reset;
    out += std::string_view(" (");
    append_decimal(out, found);
    out.append(found == 1 ? " issue)\n" : " issues)\n");
    for(std::size_t k = 0; k < kept; ++k)
    {
        issue const& i = first[k];
        if(st.colour)
        {
            out += sgr::bold;
            out += src.text;
            out.push_back(':');
            append_decimal(out, i.line + offset);
            out.push_back(':');
            append_decimal(out, i.column);
            out.push_back(':');
            out += sgr::reset;
            out.push_back(' ');
            out += sgr::red;
            out += to_string(i.code);
            out += sgr::reset;
            if(i.pointer.empty())
                out += std::string_view(" (document)");
            else
            {
                out.push_back(' ');
                append_escaped(out, i.pointer, false);
            }
            out += std::string_view(": ");
            append_escaped(out, i.message, false);
        }
        else
        {
            out += src.text;
            out.push_back(':');
            graphschema::detail::append_issue_text(out, i, offset);
        }
        out.push_back('\n');
    }
    if(found > kept)
    {
        source(false);
        out.push_back(' ');
        append_decimal(out, found - kept);
        out.append(kept < st.max_issues
            ? " more issues not shown (their pointers would pass --max-bytes in all)\n"
            : " more issues not shown (see --max-issues)\n");
    }
}

inline void
append_document_report(std::string& out, style const& st, source_name const& src, std::size_t line,
    report const& r)
{
    append_document_report(out, st, src, line, r.found(), r.issues().data(), r.size());
}

// A document over the size limit, rejected from its size: one
// size_exceeded issue at 1:1. `at_least` when it was not read whole.
inline void
append_oversized_report(std::string& out, style const& st, source_name const& src, std::size_t line,
    std::size_t size, bool at_least, std::size_t limit)
{
    issue i;
    i.code = error::size_exceeded;
    i.line = 1;
    i.column = 1;
    if(at_least)
    {
        i.message = "the document is larger than the limit of ";
        append_decimal(i.message, limit);
        i.message.append(" bytes");
    }
    else
    {
        i.message = "the document is ";
        append_decimal(i.message, size);
        i.message.append(" bytes, more than the limit of ");
        append_decimal(i.message, limit);
    }
    append_document_report(out, st, src, line, 1, &i, st.max_issues == 0 ? 0 : 1);
}

inline void
append_summary(std::string& out, style const& st, source_name const& src, std::size_t valid,
    std::size_t invalid)
{
    if(st.colour)
        out += sgr::bold;
    out += src.text;
    out.push_back(':');
    if(st.colour)
        out += sgr::reset;
    out.push_back(' ');
    append_decimal(out, valid + invalid);
    out.append(valid + invalid == 1 ? " document, " : " documents, ");
    append_decimal(out, valid);
    out += std::string_view(" valid, ");
    append_decimal(out, invalid);
    out += std::string_view(" invalid\n");
}

//------------------------------------------------------------------------------
// Checking documents of one model.

template<class T>
class checker
{
public:
    // `items`, when not null, also checks each document's properties
    // against a registered schema (T is graph::external_item); it is
    // shared, not owned.
    checker(settings const& s, style const& st, item_validator const* items = nullptr)
        : opt_(s.decode)
        , style_(st)
        , emit_(s.emit)
        , quiet_(s.quiet)
        , items_(items)
    {
    }

    item_validator const* items() const noexcept { return items_; }

    // Checks one document: appends its report to `report_out` and, when
    // emitting and it is valid, its canonical form and a newline to
    // `emit_out`. Returns whether it is valid.
    bool
    check(std::string_view text, source_name const& src, std::size_t line,
        std::string& report_out, std::string& emit_out)
    {
        if(quiet_) // the verdict alone: no report is made
            return items_ ? items_->is_valid(text, opt_) : is_valid<T>(text, opt_);
        if(emit_)
        {
            report const r = checked_decode(text);
            if(r.ok())
            {
                // The type names the version writes: what was read for
                // v1.0 goes out as v1.0 names it.
                encode_options eo;
                eo.version = opt_.version;
                encode(value_, emit_out, eo);
                emit_out.push_back('\n');
            }
            append_document_report(report_out, style_, src, line, r);
            return r.ok();
        }
        report const r = items_ ? items_->validate(text, opt_) : validate<T>(text, opt_);
        append_document_report(report_out, style_, src, line, r);
        return r.ok();
    }

    void
    oversized(source_name const& src, std::size_t line, std::size_t size, bool at_least,
        std::string& report_out)
    {
        if(!quiet_)
            append_oversized_report(report_out, style_, src, line, size, at_least, opt_.max_bytes);
    }

private:
    // Decodes into the value kept for the next document too; against the
    // registered schema first, when there is one (item_validator::decode
    // without making a new value each time).
    report
    checked_decode(std::string_view text)
    {
        if(items_)
        {
            report r = items_->validate(text, opt_);
            if(!r.ok())
                return r;
        }
        return decode(text, value_, opt_);
    }

    decode_options opt_;
    style style_;
    bool emit_;
    bool quiet_;
    item_validator const* items_;
    T value_;
};

// Why the work stopped early.
enum class failure : unsigned char { none, out_of_memory, other };

// NDJSON lines checked on worker threads, in batches, their reports
// written in input order by the thread that reads. At most `slots` batches
// are held, each of about `batch_bytes` (or one line up to the size
// limit): memory stays bounded whatever the stream.
template<class T>
class parallel_lines
{
public:
    static constexpr std::size_t batch_bytes = std::size_t(1) << 16;
    static constexpr std::size_t batch_lines = 512;

    parallel_lines(settings const& s, style const& st, std::size_t jobs, source_name const& src,
        output& report_out, output& emit_out, checker<T>& inline_checker)
        : settings_(s)
        , style_(st)
        , jobs_(jobs)
        , src_(src)
        , report_out_(report_out)
        , emit_out_(emit_out)
        , inline_(inline_checker)
        , slots_(2 * jobs + 2)
    {
    }

    parallel_lines(parallel_lines const&) = delete;
    parallel_lines& operator=(parallel_lines const&) = delete;

    ~parallel_lines()
    {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stop_ = true;
        }
        work_.notify_all();
        for(auto& t : threads_)
            t.join();
    }

    std::size_t valid() const noexcept { return valid_; }
    std::size_t invalid() const noexcept { return invalid_; }
    failure failed() const noexcept { return failed_; }

    // Adds a line; returns false once the work has stopped (an output
    // error or a failure).
    bool
    add(ndjson_splitter::line const& l)
    {
        if(!make_room())
            return false;
        slot& s = slots_[submitted_ % slots_.size()];
        line_ref r;
        r.offset = s.text.size();
        r.size = l.text.size();
        r.number = l.number;
        r.oversized = l.oversized;
        r.oversized_size = l.size;
        s.text.append(l.text.data(), l.text.size());
        s.lines.push_back(r);
        if(s.text.size() >= batch_bytes || s.lines.size() >= batch_lines)
            submit(true);
        return good();
    }

    // Submits what is left and writes every report.
    void
    finish()
    {
        // Room first: the slot to fill may still hold a batch in flight.
        if(make_room() && !slots_[submitted_ % slots_.size()].lines.empty())
            submit(false);
        while(good() && written_ < submitted_)
            write_next();
    }

private:
    struct line_ref
    {
        std::size_t offset = 0;
        std::size_t size = 0;
        std::size_t number = 0;
        std::size_t oversized_size = 0;
        bool oversized = false;
    };

    struct slot
    {
        std::string text;
        std::vector<line_ref> lines;
        std::string report;
        std::string emitted;
        std::size_t report_whole = 0; // the bytes of whole documents
        std::size_t emitted_whole = 0;
        std::size_t valid = 0;
        std::size_t invalid = 0;
        failure failed = failure::none;
        bool done = false; // under the mutex
    };

    bool
    good() const noexcept
    {
        return failed_ == failure::none && report_out_.error() == 0 && emit_out_.error() == 0;
    }

    // Makes the slot being filled free: writes the oldest batch when
    // every slot is taken.
    bool
    make_room()
    {
        while(good() && submitted_ - written_ == slots_.size())
            write_next();
        return good();
    }

    static void
    process(slot& s, checker<T>& c, source_name const& src) noexcept
    {
        try
        {
            for(auto const& l : s.lines)
            {
                if(l.oversized)
                {
                    c.oversized(src, l.number, l.oversized_size, false, s.report);
                    ++s.invalid;
                }
                else if(c.check(std::string_view(s.text).substr(l.offset, l.size), src, l.number,
                            s.report, s.emitted))
                    ++s.valid;
                else
                    ++s.invalid;
                s.report_whole = s.report.size();
                s.emitted_whole = s.emitted.size();
            }
        }
        catch(std::bad_alloc const&)
        {
            s.failed = failure::out_of_memory;
        }
        catch(...)
        {
            s.failed = failure::other;
        }
    }

    void
    start_threads()
    {
        started_ = true;
        for(std::size_t i = 0; i < jobs_; ++i)
        {
            try
            {
                // Every thread's checker shares the one item_validator
                // (immutable, safe to use from any number of threads).
                checkers_.push_back(std::make_unique<checker<T>>(settings_, style_, inline_.items()));
                threads_.emplace_back([this, c = checkers_.back().get()] { work(*c); });
            }
            catch(std::exception const&)
            {
                // Fewer threads than asked (or none: the reading thread
                // then checks every batch itself).
                break;
            }
        }
    }

    void
    work(checker<T>& c) noexcept
    {
        for(;;)
        {
            std::size_t seq;
            {
                std::unique_lock<std::mutex> lock(mutex_);
                work_.wait(lock, [&] { return stop_ || taken_ < submitted_; });
                if(stop_)
                    return;
                seq = taken_++;
            }
            slot& s = slots_[seq % slots_.size()];
            process(s, c, src_);
            {
                std::lock_guard<std::mutex> lock(mutex_);
                s.done = true;
            }
            done_.notify_all();
        }
    }

    void
    submit(bool more_to_come)
    {
        if(!started_ && more_to_come)
            start_threads();
        slot& s = slots_[submitted_ % slots_.size()];
        if(threads_.empty())
        {
            process(s, inline_, src_);
            s.done = true;
            ++submitted_;
            ++taken_;
            return;
        }
        {
            std::lock_guard<std::mutex> lock(mutex_);
            ++submitted_;
        }
        work_.notify_one();
    }

    void
    write_next()
    {
        slot& s = slots_[written_ % slots_.size()];
        {
            std::unique_lock<std::mutex> lock(mutex_);
            done_.wait(lock, [&] { return s.done; });
        }
        s.report.resize(s.report_whole);
        s.emitted.resize(s.emitted_whole);
        emit_out_.write(s.emitted);
        report_out_.write(s.report);
        valid_ += s.valid;
        invalid_ += s.invalid;
        if(s.failed != failure::none)
            failed_ = s.failed;
        s.text.clear();
        s.lines.clear();
        s.report.clear();
        s.emitted.clear();
        s.report_whole = s.emitted_whole = 0;
        s.valid = s.invalid = 0;
        s.failed = failure::none;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            s.done = false;
        }
        ++written_;
    }

    settings const& settings_;
    style const& style_;
    std::size_t jobs_;
    source_name const& src_;
    output& report_out_;
    output& emit_out_;
    checker<T>& inline_;
    std::vector<slot> slots_;
    std::vector<std::unique_ptr<checker<T>>> checkers_;
    std::vector<std::thread> threads_;
    std::mutex mutex_;
    std::condition_variable work_;
    std::condition_variable done_;
    std::size_t submitted_ = 0; // batches given to the workers (under the mutex)
    std::size_t taken_ = 0;     // batches a worker took (under the mutex)
    std::size_t written_ = 0;   // batches whose reports were written
    std::size_t valid_ = 0;
    std::size_t invalid_ = 0;
    failure failed_ = failure::none;
    bool stop_ = false;
    bool started_ = false;
};

// The run of one model over every input.
template<class T>
class engine
{
public:
    engine(settings const& s, std::string_view name, output& out, output& err)
        : s_(s)
        , name_(name)
        , out_(out)
        , err_(err)
        , report_out_(s.emit ? err : out)
    {
        style_.format = s.format;
        style_.ndjson = s.ndjson;
        style_.max_issues = s.decode.max_issues;
        style_.colour = use_colour();
    }

    // Checks every file of the settings; the exit status.
    int
    run()
    {
        if(s_.against && !load_against())
            return finish(); // no document is checked
        for(auto const& f : s_.files)
        {
            if(stopped())
                break;
            int fd = 0;
            if(f != "-")
            {
                fd = ::open(f.c_str(), O_RDONLY | O_CLOEXEC);
                if(fd < 0)
                {
                    io_failure(f, "cannot open", errno);
                    continue;
                }
            }
            check_input(fd, f);
            if(fd != 0)
                ::close(fd);
        }
        return finish();
    }

    // Checks what `fd` holds, named `name` in the report.
    void
    check_input(int fd, std::string const& name)
    {
        try
        {
            if(!checker_)
                checker_.emplace(s_, style_, items_ ? &*items_ : nullptr);
            source_name const src = make_source_name(name);
            if(s_.ndjson)
                run_ndjson(fd, name, src, *checker_);
            else
                run_whole(fd, name, src, *checker_);
        }
        catch(std::bad_alloc const&)
        {
            // What was written whole is written; the rest is dropped.
            fail(failure::out_of_memory);
        }
    }

    // Writes what is left; the exit status.
    int
    finish()
    {
        out_.flush();
        err_.flush();
        if(failed_ != failure::none)
            return 2;
        if(int const e = out_.error() ? out_.error() : err_.error())
        {
            std::string msg = std::string(name_) + ": cannot write to standard " +
                (out_.error() ? "output" : "error") + ": " + std::strerror(e) + "\n";
            (void)write_all(2, msg.data(), msg.size());
            return 2;
        }
        return io_error_ ? 2 : invalid_ ? 1 : 0;
    }

private:
    bool
    use_colour() const noexcept
    {
        if(s_.format != output_format::text || s_.quiet || s_.colour == colour_choice::never)
            return false;
        if(s_.colour == colour_choice::always)
            return true;
        char const* no_colour = std::getenv("NO_COLOR");
        char const* term = std::getenv("TERM");
        return ::isatty(report_out_.fd()) == 1 && !(no_colour && *no_colour) &&
            !(term && std::strcmp(term, "dumb") == 0);
    }

    bool
    stopped() const noexcept
    {
        return failed_ != failure::none || out_.error() != 0 || err_.error() != 0;
    }

    enum class read_outcome : unsigned char { whole, oversized, failed };

    // Reads all `fd` holds into `text`, but never more than the size limit
    // and one chunk. Over the limit: `size`, and `at_least` when it was not
    // read whole (a regular file is rejected from its size before a byte
    // is read). A read error is reported here, as `what` `name`.
    read_outcome
    read_whole(int fd, std::string const& name, char const* what, std::string& text, std::size_t& size,
        bool& at_least)
    {
        std::size_t const limit = s_.decode.max_bytes;
        struct stat st;
        if(::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
            static_cast<unsigned long long>(st.st_size) > limit)
        {
            size = static_cast<std::size_t>(st.st_size);
            at_least = false;
            return read_outcome::oversized;
        }
        std::size_t const chunk = std::size_t(1) << 16;
        for(;;)
        {
            std::size_t const old = text.size();
            text.resize(old + chunk);
            long const n = read_some(fd, &text[old], chunk);
            if(n < 0)
            {
                io_failure(name, what, errno);
                return read_outcome::failed;
            }
            text.resize(old + static_cast<std::size_t>(n));
            if(n == 0)
                return read_outcome::whole;
            if(text.size() > limit)
            {
                size = text.size();
                at_least = true;
                return read_outcome::oversized;
            }
        }
    }

    void
    run_whole(int fd, std::string const& name, source_name const& src, checker<T>& c)
    {
        std::string text;
        std::size_t size = 0;
        bool at_least = false;
        switch(read_whole(fd, name, "cannot read", text, size, at_least))
        {
        case read_outcome::failed:
            return;
        case read_outcome::oversized:
            c.oversized(src, 0, size, at_least, report_out_.buffer());
            invalid_ = true;
            report_out_.commit_and_flush_if_full();
            return;
        case read_outcome::whole:
            break;
        }
        if(!c.check(text, src, 0, report_out_.buffer(), out_.buffer()))
            invalid_ = true;
        report_out_.commit_and_flush_if_full();
        out_.commit_and_flush_if_full();
    }

    std::size_t
    jobs() const noexcept
    {
        if(s_.jobs != 0)
            return s_.jobs;
        unsigned const n = std::thread::hardware_concurrency();
        return n == 0 ? 1 : n;
    }

    void
    run_ndjson(int fd, std::string const& name, source_name const& src, checker<T>& c)
    {
        ndjson_splitter split(s_.decode.max_bytes);
        std::unique_ptr<char[]> chunk(new char[chunk_size]);
        std::size_t valid = 0, invalid = 0;
        bool read_error = false;
        auto read_all = [&](auto&& on_line) {
            for(;;)
            {
                long const n = read_some(fd, chunk.get(), chunk_size);
                if(n < 0)
                {
                    read_error = true;
                    io_failure(name, "cannot read", errno);
                    return;
                }
                if(n == 0)
                    break;
                split.write({chunk.get(), static_cast<std::size_t>(n)}, on_line);
                if(stopped())
                    return;
            }
            split.finish(on_line);
        };
        std::size_t const threads = jobs();
        if(threads > 1)
        {
            parallel_lines<T> lines(s_, style_, threads, src, report_out_, out_, c);
            read_all([&](ndjson_splitter::line const& l) {
                if(!stopped())
                    (void)lines.add(l);
            });
            if(!stopped())
                lines.finish();
            if(lines.failed() != failure::none)
                fail(lines.failed());
            valid = lines.valid();
            invalid = lines.invalid();
        }
        else
        {
            read_all([&](ndjson_splitter::line const& l) {
                if(stopped())
                    return;
                if(l.oversized)
                {
                    c.oversized(src, l.number, l.size, false, report_out_.buffer());
                    ++invalid;
                }
                else if(c.check(l.text, src, l.number, report_out_.buffer(), out_.buffer()))
                    ++valid;
                else
                    ++invalid;
                out_.commit_and_flush_if_full();
                report_out_.commit_and_flush_if_full();
            });
        }
        (void)read_error;
        if(invalid != 0)
            invalid_ = true;
        if(!s_.quiet && s_.format == output_format::text && !stopped())
        {
            append_summary(report_out_.buffer(), style_, src, valid, invalid);
            report_out_.commit_and_flush_if_full();
        }
    }

    // Reads the schema of --against and makes the item validator every
    // document is checked with. False when it cannot: a file that cannot
    // be opened or read (an I/O error), or a schema that is too large or
    // invalid, whose report is written as a document's is (naming the
    // schema file), then a line on standard error. The run then stops
    // with status 2.
    bool
    load_against()
    {
        std::string const& path = *s_.against;
        try
        {
            int const fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
            if(fd < 0)
            {
                io_failure(path, "cannot open the schema", errno);
                return false;
            }
            std::string text;
            std::size_t size = 0;
            bool at_least = false;
            auto const got = read_whole(fd, path, "cannot read the schema", text, size, at_least);
            ::close(fd);
            if(got == read_outcome::failed)
                return false;
            source_name const src = make_source_name(path);
            if(got == read_outcome::whole)
            {
                report why;
                items_ = item_validator::make(text, why, s_.decode);
                if(items_)
                    return true;
                if(!s_.quiet)
                    append_document_report(report_out_.buffer(), style_, src, 0, why);
            }
            else if(!s_.quiet)
                append_oversized_report(report_out_.buffer(), style_, src, 0, size, at_least,
                    s_.decode.max_bytes);
            report_out_.commit();
            report_out_.flush();
            io_error_ = true; // status 2, as for a file that cannot be read
            std::string msg(name_);
            msg.append(": --against '");
            append_escaped(msg, path, false);
            msg.append("': no schema the items can be checked against; no document was checked\n");
            err_.write(msg);
            err_.flush();
        }
        catch(std::bad_alloc const&)
        {
            fail(failure::out_of_memory);
        }
        return false;
    }

    void
    fail(failure f)
    {
        failed_ = f;
        out_.flush();
        err_.flush();
        if(f == failure::out_of_memory)
            say_without_memory(name_, "out of memory");
        else
            say_without_memory(name_, "internal error");
    }

    void
    io_failure(std::string const& name, char const* what, int e)
    {
        io_error_ = true;
        out_.flush();
        std::string msg(name_);
        msg.append(": ");
        msg.append(what);
        msg.append(" '");
        append_escaped(msg, name, false);
        msg.append("': ");
        msg.append(std::strerror(e));
        msg.push_back('\n');
        err_.write(msg);
        err_.flush();
    }

    static constexpr std::size_t chunk_size = std::size_t(1) << 17;

    settings const& s_;
    std::string_view name_;
    output& out_;
    output& err_;
    output& report_out_;
    style style_;
    std::optional<item_validator> items_; // from --against
    std::optional<checker<T>> checker_;
    failure failed_ = failure::none;
    bool invalid_ = false;
    bool io_error_ = false; // or an unusable --against schema: status 2
};

//------------------------------------------------------------------------------
// The command line.

// The result of parsing: settings to run with, or a status to exit with now.
struct parsed
{
    settings s;
    int exit = -1;
};

class arguments
{
public:
    // `items`: the index of graph::external_item among the models, if it
    // is one (--against is then an option).
    arguments(std::string_view name, program const& info, std::vector<type_entry> types,
        std::optional<std::size_t> items = std::nullopt)
        : name_(name)
        , info_(info)
        , types_(std::move(types))
        , items_(items)
    {
        for(auto const& t : types_)
            qualified_.push_back(t.names[0]);
    }

    parsed
    parse(int argc, char const* const* argv) const
    {
        parsed p;
        settings& s = p.s;
        bool options_done = false;
        auto usage_error = [&](std::string const& what) {
            std::string msg(name_);
            msg.append(": ");
            append_escaped(msg, what, false);
            msg.append("\nTry '");
            msg.append(name_);
            msg.append(" --help' for more information.\n");
            (void)write_all(2, msg.data(), msg.size());
            p.exit = 2;
            return p;
        };
        for(int i = 1; i < argc; ++i)
        {
            std::string const arg = argv[i] ? argv[i] : "";
            if(options_done || arg == "-" || arg.size() < 2 || arg.compare(0, 2, "--") != 0)
            {
                if(!options_done && arg.size() > 1 && arg[0] == '-')
                    return usage_error("unknown option '" + arg + "'");
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
            if(auto const eq = arg.find('='); eq != std::string::npos)
            {
                name = arg.substr(0, eq);
                value = arg.substr(eq + 1);
            }
            bool const flag = name == "--help" || name == "--version" || name == "--ndjson" ||
                name == "--emit" || name == "--quiet" || name == "--schema";
            if(flag && value)
                return usage_error("option '" + name + "' takes no value");
            if(!flag && !value)
            {
                if(name != "--type" && name != "--operation" && name != "--unknown" &&
                    name != "--format" && name != "--max-depth" && name != "--max-bytes" &&
                    name != "--max-issues" && name != "--jobs" && name != "--color" &&
                    name != "--api-version" && !(name == "--against" && items_))
                    return usage_error("unknown option '" + name + "'");
                if(i + 1 >= argc || !argv[i + 1])
                    return usage_error("option '" + name + "' needs a value");
                value = argv[++i];
            }
            std::string const v = value ? *value : std::string();
            if(name == "--help")
            {
                std::string const text = help();
                p.exit = write_all(1, text.data(), text.size()) == 0 ? 0 : 2;
                return p;
            }
            else if(name == "--version")
            {
                std::string text(name_);
                if(!info_.version.empty())
                {
                    text.push_back(' ');
                    text.append(info_.version.data(), info_.version.size());
                }
                text.push_back('\n');
                p.exit = write_all(1, text.data(), text.size()) == 0 ? 0 : 2;
                return p;
            }
            else if(name == "--type")
            {
                auto const t = find_type(v);
                if(!t)
                    return usage_error("--type must be " + type_list(" or ") + ", not '" + v + "'");
                s.type = *t;
            }
            else if(name == "--operation")
            {
                auto const op = operation_from_string(v);
                if(!op)
                    return usage_error("--operation must be create, update or read, not '" + v + "'");
                s.decode.operation = *op;
            }
            else if(name == "--api-version")
            {
                auto const version = api_version_from_string(v);
                if(!version)
                    return usage_error("--api-version must be v1.0 or beta, not '" + v + "'");
                s.decode.version = *version;
            }
            else if(name == "--unknown")
            {
                auto const u = unknown_policy_from_string(v);
                if(!u)
                    return usage_error("--unknown must be preserve, ignore or reject, not '" + v + "'");
                s.decode.unknown = *u;
            }
            else if(name == "--format")
            {
                if(v == "text")
                    s.format = output_format::text;
                else if(v == "json")
                    s.format = output_format::json;
                else
                    return usage_error("--format must be text or json, not '" + v + "'");
            }
            else if(name == "--color")
            {
                if(v == "auto")
                    s.colour = colour_choice::automatic;
                else if(v == "always")
                    s.colour = colour_choice::always;
                else if(v == "never")
                    s.colour = colour_choice::never;
                else
                    return usage_error("--color must be auto, always or never, not '" + v + "'");
            }
            else if(name == "--ndjson")
                s.ndjson = true;
            else if(name == "--emit")
                s.emit = true;
            else if(name == "--quiet")
                s.quiet = true;
            else if(name == "--schema")
                s.schema = true;
            else if(name == "--against" && items_)
            {
                // Standard input carries the documents.
                if(v.empty() || v == "-")
                    return usage_error("--against needs a schema file, not '" + v + "'");
                s.against = v;
            }
            else if(name == "--max-depth" || name == "--max-bytes" || name == "--max-issues" ||
                name == "--jobs")
            {
                if(v.empty() || v.find_first_not_of("0123456789") != std::string::npos)
                    return usage_error(name + " needs a non-negative integer, not '" + v + "'");
                errno = 0;
                unsigned long long const n = std::strtoull(v.c_str(), nullptr, 10);
                if(errno == ERANGE || n > static_cast<unsigned long long>(static_cast<std::size_t>(-1)))
                    return usage_error(name + " is too large: '" + v + "'");
                auto const count = static_cast<std::size_t>(n);
                if(name == "--max-depth")
                {
                    if(count == 0 || count > max_depth_limit)
                        return usage_error("--max-depth must be from 1 to " + std::to_string(max_depth_limit));
                    s.decode.max_depth = count;
                }
                else if(name == "--max-bytes")
                    s.decode.max_bytes = count;
                else if(name == "--max-issues")
                    s.decode.max_issues = count;
                else
                {
                    if(count == 0 || count > max_jobs)
                        return usage_error("--jobs must be from 1 to " + std::to_string(max_jobs));
                    s.jobs = count;
                }
            }
            else
                return usage_error("unknown option '" + name + "'");
        }
        if(s.schema && !s.files.empty())
            return usage_error("--schema reads no FILE");
        if(s.quiet && s.emit)
            return usage_error("--quiet and --emit exclude each other");
        if(s.against && s.type != *items_)
            return usage_error("--against is only for --type " + type_name(*items_));
        if(s.against && s.schema)
            return usage_error("--schema and --against exclude each other");
        if(s.files.empty())
            s.files.push_back("-");
        return p;
    }

private:
    // The model named `v`: one of its qualified names (either OData
    // namespace of a Graph type), or its short name when no other model
    // has the same.
    std::optional<std::size_t>
    find_type(std::string const& v) const
    {
        for(std::size_t i = 0; i < types_.size(); ++i)
            for(std::size_t k = 0; k < types_[i].count; ++k)
                if(types_[i].names[k] == v)
                    return i;
        std::optional<std::size_t> found;
        for(std::size_t i = 0; i < types_.size(); ++i)
        {
            bool named = false;
            for(std::size_t k = 0; k < types_[i].count; ++k)
                named = named || short_name(types_[i].names[k]) == v;
            if(!named)
                continue;
            if(found)
                return std::nullopt; // ambiguous: the qualified name is needed
            found = i;
        }
        return found;
    }

    // The names --type takes: the short one, or the qualified one where
    // two models share a short name.
    std::string
    type_name(std::size_t i) const
    {
        std::size_t same = 0;
        for(auto q : qualified_)
            same += short_name(q) == short_name(qualified_[i]);
        return std::string(same > 1 ? qualified_[i] : short_name(qualified_[i]));
    }

    std::string
    type_list(char const* last) const
    {
        std::string list;
        for(std::size_t i = 0; i < qualified_.size(); ++i)
        {
            if(i != 0)
                list += i + 1 == qualified_.size() ? last : ", ";
            list += type_name(i);
        }
        return list;
    }

    // The names --type takes, "(default)" after the first, wrapped to
    // the help's second column.
    std::string
    type_help() const
    {
        static constexpr std::size_t column = 20, width = 79;
        std::string out;
        std::size_t line = column;
        for(std::size_t i = 0; i < qualified_.size(); ++i)
        {
            std::string const item = type_name(i) + (i == 0 ? " (default)" : "") +
                (i + 1 == qualified_.size() ? "" : ",");
            if(i != 0)
            {
                if(line + 1 + item.size() > width)
                {
                    out += "\n" + std::string(column, ' ');
                    line = column;
                }
                else
                {
                    out.push_back(' ');
                    ++line;
                }
            }
            out += item;
            line += item.size();
        }
        return out;
    }

    std::string
    help() const
    {
        std::string const types = type_help();
        std::string h = "usage: " + std::string(name_) + " [options] [FILE ...]\n\n";
        if(!info_.description.empty())
            h += std::string(info_.description) + "\n";
        h += "With no FILE, or with -, reads standard input.\n"
             "\n"
             "options:\n"
             "  --type T          " + types + "\n"
             "  --operation OP    create (default), update or read\n"
             "  --unknown P       preserve (default), ignore or reject\n"
             "  --api-version V   the Graph version: beta (default) or v1.0; a member\n"
             "                    only beta has is unknown for v1.0, and --emit writes\n"
             "                    the type names V uses\n"
             "  --format F        text (default) or json (one object per document)\n"
             "  --ndjson          each input line is one document; blank lines are skipped;\n"
             "                    the text report lists invalid documents, then a summary\n"
             "  --jobs N          check NDJSON on N threads (default: one per core)\n"
             "  --emit            print each valid document re-encoded canonically to\n"
             "                    standard output; the report then goes to standard error\n"
             "  --quiet           print no report: the exit status alone answers\n"
             "  --color WHEN      colour the text report: auto (default: on a terminal,\n"
             "                    unless NO_COLOR is set), always or never\n"
             "  --max-depth N     deepest nesting accepted (default 64)\n"
             "  --max-bytes N     largest document accepted, in bytes (default 4194304)\n"
             "  --max-issues N    most issues reported per document (default 100)\n"
             "  --schema          print the JSON Schema of --type for --operation,\n"
             "                    --unknown and --api-version, and exit\n";
        if(items_)
            h += "  --against SCHEMA  with --type " + type_name(*items_) + ": check each item's\n"
                 "                    properties against SCHEMA, a file holding a schema\n"
                 "                    registration body; without it, only the item's shape\n"
                 "                    is checked and its properties are not\n";
        h += "  --help            print this help and exit\n"
             "  --version         print the version and exit\n"
             "\n"
             "exit status: 0 all valid, 1 some invalid, 2 usage or I/O error";
        h += items_ ? " or bad SCHEMA\n" : "\n";
        return h;
    }

    std::string_view name_;
    program const& info_;
    std::vector<type_entry> types_;
    std::vector<std::string_view> qualified_; // the first name of each
    std::optional<std::size_t> items_;        // graph::external_item's index
};

template<class T>
int
print_schema(settings const& s, std::string_view name)
{
    std::string const text = boost::json::serialize(json_schema<T>(s.decode)) + "\n";
    if(int const e = write_all(1, text.data(), text.size()))
    {
        std::string msg = std::string(name) + ": cannot write to standard output: " + std::strerror(e) + "\n";
        (void)write_all(2, msg.data(), msg.size());
        return 2;
    }
    return 0;
}

template<class... Models>
int
run(int argc, char const* const* argv, program const& info)
{
    std::string name(info.name);
    if(name.empty())
    {
        std::string_view const path = argc > 0 && argv[0] ? argv[0] : "";
        auto const slash = path.rfind('/');
        std::string_view const base = slash == std::string_view::npos ? path : path.substr(slash + 1);
        append_escaped(name, base.empty() ? std::string_view("validate") : base, false);
    }
    using models = boost::mp11::mp_list<Models...>;
    constexpr std::size_t items = boost::mp11::mp_find<models, graph::external_item>::value;
    std::optional<std::size_t> items_index;
    if(items < sizeof...(Models))
        items_index = items;
    parsed const p = arguments(name, info, {type_entry_of<Models>()...}, items_index).parse(argc, argv);
    if(p.exit >= 0)
        return p.exit;
    return boost::mp11::mp_with_index<sizeof...(Models)>(p.s.type, [&](auto index) -> int {
        using T = boost::mp11::mp_at_c<boost::mp11::mp_list<Models...>, decltype(index)::value>;
        if(p.s.schema)
            return print_schema<T>(p.s, name);
        output out(1);
        output err(2);
        return engine<T>(p.s, name, out, err).run();
    });
}

} // detail

/** Runs a command-line validator for `Models`, with the options of
    `graphschema-validate`, and returns its exit status: 0 when every
    document is valid, 1 when one is not, 2 on a usage or I/O error, a
    failed write, or running out of memory.

    `--type` chooses the model by the last part of its qualified OData
    name (`externalConnection` for `microsoft.graph.externalConnection`),
    or by any of the whole names the model answers to; the first model is
    the default. When `graph::external_item` is one of `Models`,
    `--against SCHEMA` checks items' properties against a schema
    registration body read from the file SCHEMA (through one
    @ref item_validator shared by every thread). `--api-version` sets `decode_options::version` and the
    version whose type names `--emit` writes. Standard input
    and output are file descriptors 0, 1 and 2.

    While it runs, SIGPIPE is blocked in the calling thread (and the
    threads it starts), so that a closed pipe is a failed write; a SIGPIPE
    it raised is taken before the mask is restored. Nothing else
    process-wide is changed. `--jobs` starts threads, joined before it
    returns.

    Never throws: running out of memory prints a message on standard
    error (without allocating) and returns 2.
*/
template<class... Models>
int
run(int argc, char const* const* argv, program const& info = {}) noexcept
{
    static_assert(sizeof...(Models) > 0, "graphschema::cli::run needs at least one model");
    static_assert((is_model_v<Models> && ...), "graphschema::cli::run: every type must be a model");
    detail::sigpipe_guard const guard;
    std::string_view name = info.name;
    if(name.empty())
    {
        name = argc > 0 && argv[0] ? argv[0] : "graphschema";
        if(auto const slash = name.rfind('/'); slash != std::string_view::npos)
            name.remove_prefix(slash + 1);
    }
    try
    {
        return detail::run<Models...>(argc, argv, info);
    }
    catch(std::bad_alloc const&)
    {
        detail::say_without_memory(name, "out of memory");
    }
    catch(std::exception const& e)
    {
        detail::say_without_memory(name, e.what());
    }
    catch(...)
    {
        detail::say_without_memory(name, "internal error");
    }
    return 2;
}

} // cli
} // graphschema

#endif
