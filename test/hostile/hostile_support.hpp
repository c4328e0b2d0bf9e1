//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_TEST_HOSTILE_SUPPORT_HPP
#define GRAPHSCHEMA_TEST_HOSTILE_SUPPORT_HPP

// What the hostile-input tests share: builders of large documents, and a
// way to run graphschema-validate as a child process, without a shell,
// with its exit status, output and peak memory.

#include "../test_support.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace hostile {

namespace gs = graphschema;

inline constexpr std::size_t unlimited = static_cast<std::size_t>(-1);

// `n` levels of `open`, then `middle`, then `n` levels of `close`.
inline std::string
nested(std::size_t n, std::string_view open, std::string_view middle, std::string_view close)
{
    std::string s;
    s.reserve(n * (open.size() + close.size()) + middle.size());
    for(std::size_t i = 0; i < n; ++i)
        s += open;
    s += middle;
    for(std::size_t i = 0; i < n; ++i)
        s += close;
    return s;
}

// A valid read body whose unknown member "x" holds `inner`.
inline std::string
read_body_with(std::string const& inner)
{
    return R"({"id":"abc","x":)" + inner + "}";
}

inline gs::decode_options
read_options(std::size_t max_bytes = 4194304)
{
    gs::decode_options o;
    o.operation = gs::operation::read;
    o.max_bytes = max_bytes;
    return o;
}

// A folder that lives as long as the test.
class scratch_dir
{
public:
    scratch_dir()
    {
        char tmpl[] = "/tmp/graphschema-hostile-XXXXXX";
        char* d = ::mkdtemp(tmpl);
        BOOST_REQUIRE(d != nullptr);
        path_ = d;
    }

    ~scratch_dir()
    {
        for(auto const& f : files_)
            ::unlink(f.c_str());
        ::rmdir(path_.c_str());
    }

    scratch_dir(scratch_dir const&) = delete;
    scratch_dir& operator=(scratch_dir const&) = delete;

    // A path in the folder, removed with it.
    std::string
    file(std::string const& name)
    {
        files_.push_back(path_ + "/" + name);
        return files_.back();
    }

    std::string
    write(std::string const& name, std::string const& content)
    {
        auto const p = file(name);
        std::ofstream(p, std::ios::binary) << content;
        return p;
    }

private:
    std::string path_;
    std::vector<std::string> files_;
};

struct process_result
{
    bool exited = false;    // false: killed by a signal
    int status = -1;        // the exit status, when exited
    int signal = 0;         // the signal, when not
    std::string out;
    std::string err;
    long max_rss_kib = 0;   // the child's peak resident memory
};

inline char const*
validator_path()
{
    char const* exe = std::getenv("GRAPHSCHEMA_VALIDATE");
    BOOST_REQUIRE_MESSAGE(exe != nullptr, "GRAPHSCHEMA_VALIDATE names the built validator");
    return exe;
}

/*  Runs the validator with `args`. Standard input is the file `input`, or,
    when `input` is empty, a pipe the parent writes into with feed(fd) while
    the child runs. Standard output and error go to files of `dir`.
*/
template<class Feed>
process_result
run_validator(scratch_dir& dir, std::vector<std::string> const& args, std::string const& input,
    Feed feed)
{
    std::vector<std::string> argv_storage{validator_path()};
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for(auto& a : argv_storage)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    auto const out_path = dir.file("out");
    auto const err_path = dir.file("err");
    int const out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    int const err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    BOOST_REQUIRE(out >= 0 && err >= 0);
    int pipe_fds[2] = {-1, -1};
    int in = -1;
    if(input.empty())
    {
        BOOST_REQUIRE(::pipe2(pipe_fds, O_CLOEXEC) == 0);
        in = pipe_fds[0];
    }
    else
        in = ::open(input.c_str(), O_RDONLY | O_CLOEXEC);
    BOOST_REQUIRE(in >= 0);

    posix_spawn_file_actions_t actions;
    ::posix_spawn_file_actions_init(&actions);
    ::posix_spawn_file_actions_adddup2(&actions, in, 0);
    ::posix_spawn_file_actions_adddup2(&actions, out, 1);
    ::posix_spawn_file_actions_adddup2(&actions, err, 2);
    pid_t pid = 0;
    int const spawned = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    ::posix_spawn_file_actions_destroy(&actions);
    ::close(in);
    ::close(out);
    ::close(err);
    BOOST_REQUIRE_MESSAGE(spawned == 0, "cannot start " << argv[0] << ": " << std::strerror(spawned));

    if(pipe_fds[1] >= 0)
    {
        // The child may stop reading early: a write then fails with EPIPE.
        auto const old = std::signal(SIGPIPE, SIG_IGN);
        feed(pipe_fds[1]);
        ::close(pipe_fds[1]);
        std::signal(SIGPIPE, old);
    }

    int status = 0;
    struct rusage usage{};
    pid_t w;
    do
        w = ::wait4(pid, &status, 0, &usage);
    while(w < 0 && errno == EINTR);
    BOOST_REQUIRE(w == pid);

    process_result r;
    r.exited = WIFEXITED(status);
    r.status = r.exited ? WEXITSTATUS(status) : -1;
    r.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    r.out = test::read_file(out_path);
    r.err = test::read_file(err_path);
    r.max_rss_kib = usage.ru_maxrss;
    return r;
}

// Runs the validator on the files its arguments name; standard input is empty.
inline process_result
run_validator(scratch_dir& dir, std::vector<std::string> const& args)
{
    return run_validator(dir, args, "/dev/null", [](int) {});
}

// Writes `head`, then `pattern` repeated up to `total` bytes in all, to fd,
// until done or the reader goes away; returns the bytes written.
inline std::size_t
write_stream(int fd, std::string const& head, std::string const& pattern, std::size_t total)
{
    std::string block;
    while(!pattern.empty() && block.size() < (1u << 16))
        block += pattern;
    std::size_t done = 0;
    while(done < total)
    {
        // The head, then the block from where the last write stopped.
        char const* p;
        std::size_t n;
        if(done < head.size())
        {
            p = head.data() + done;
            n = head.size() - done;
        }
        else if(block.empty())
            break;
        else
        {
            std::size_t const off = (done - head.size()) % block.size();
            p = block.data() + off;
            n = block.size() - off;
        }
        n = std::min(n, total - done);
        auto const w = ::write(fd, p, n);
        if(w < 0)
        {
            if(errno == EINTR)
                continue;
            break;
        }
        done += static_cast<std::size_t>(w);
    }
    return done;
}

} // hostile

#endif
