//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_TEST_EMBEDDING_PROCESS_HPP
#define GRAPHSCHEMA_TEST_EMBEDDING_PROCESS_HPP

// What the embedding tests share: running a program and reading what it
// prints, and the example server as a child process on a free port.

#include <boost/test/unit_test.hpp>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace embedding {

/// The path a test's environment gives for a built program.
inline std::string
program(char const* variable)
{
    char const* path = std::getenv(variable);
    BOOST_REQUIRE_MESSAGE(path != nullptr, variable << " names the built program");
    return path;
}

/// Closes a descriptor when it goes out of scope.
class descriptor
{
public:
    explicit descriptor(int fd = -1) noexcept : fd_(fd) {}
    descriptor(descriptor&& other) noexcept : fd_(other.release()) {}
    descriptor& operator=(descriptor&& other) noexcept { reset(other.release()); return *this; }
    ~descriptor() { reset(); }
    int get() const noexcept { return fd_; }
    int release() noexcept { int fd = fd_; fd_ = -1; return fd; }
    void reset(int fd = -1) noexcept { if(fd_ >= 0) ::close(fd_); fd_ = fd; }

private:
    int fd_;
};

inline std::array<descriptor, 2>
make_pipe()
{
    int fds[2];
    BOOST_REQUIRE(::pipe2(fds, O_CLOEXEC) == 0);
    return {descriptor(fds[0]), descriptor(fds[1])};
}

/// Starts `argv` with standard output and error going to the two write
/// ends; returns its process id. The child is killed if the test dies, so
/// that a crashed test leaves no server behind.
inline pid_t
spawn(std::vector<std::string> const& argv, int out, int err)
{
    std::vector<char*> args;
    for(auto const& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t const parent = ::getpid();
    pid_t const pid = ::fork();
    BOOST_REQUIRE_MESSAGE(pid >= 0, "cannot fork");
    if(pid == 0)
    {
        // Only async-signal-safe calls until exec.
        if(::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || ::getppid() != parent)
            ::_exit(127);
        int const null = ::open("/dev/null", O_RDONLY);
        if(null < 0 || ::dup2(null, 0) < 0 || ::dup2(out, 1) < 0 || ::dup2(err, 2) < 0)
            ::_exit(127);
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
    return pid;
}

/// The exit status of a process, or 128 + the signal that ended it.
inline int
wait_for(pid_t pid)
{
    int status = 0;
    while(::waitpid(pid, &status, 0) < 0)
        BOOST_REQUIRE(errno == EINTR);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

struct result
{
    int status = -1;
    std::string out;
    std::string err;
};

/// Runs a program to its end and returns what it printed.
inline result
run(std::vector<std::string> const& argv)
{
    auto out = make_pipe();
    auto err = make_pipe();
    pid_t const pid = spawn(argv, out[1].get(), err[1].get());
    out[1].reset();
    err[1].reset();
    result r;
    // Both streams at once, so that neither fills up while we wait on the other.
    pollfd fds[2] = {{out[0].get(), POLLIN, 0}, {err[0].get(), POLLIN, 0}};
    std::string* sinks[2] = {&r.out, &r.err};
    int open = 2;
    while(open > 0)
    {
        if(::poll(fds, 2, -1) < 0)
        {
            BOOST_REQUIRE(errno == EINTR);
            continue;
        }
        for(int i = 0; i < 2; ++i)
        {
            if(fds[i].fd < 0 || fds[i].revents == 0)
                continue;
            char buf[65536];
            ssize_t const n = ::read(fds[i].fd, buf, sizeof(buf));
            if(n > 0)
                sinks[i]->append(buf, static_cast<std::size_t>(n));
            else if(n == 0 || errno != EINTR)
            {
                fds[i].fd = -1;
                --open;
            }
        }
    }
    r.status = wait_for(pid);
    return r;
}

/// The example server, started on a free port for the life of the object.
class server
{
public:
    explicit server(std::vector<std::string> options = {})
    {
        std::vector<std::string> argv{program("GRAPHSCHEMA_SERVER")};
        argv.insert(argv.end(), options.begin(), options.end());
        argv.push_back("0");
        auto out = make_pipe();
        pid_ = spawn(argv, out[1].get(), 2);
        out[1].reset();
        stdout_ = std::move(out[0]);

        // The first line says where it listens: "listening on http://127.0.0.1:PORT".
        std::string line;
        pollfd p{stdout_.get(), POLLIN, 0};
        while(line.find('\n') == std::string::npos)
        {
            BOOST_REQUIRE_MESSAGE(::poll(&p, 1, 10000) == 1, "the server prints its address");
            char buf[256];
            ssize_t const n = ::read(stdout_.get(), buf, sizeof(buf));
            BOOST_REQUIRE_MESSAGE(n > 0, "the server prints its address before anything else");
            line.append(buf, static_cast<std::size_t>(n));
        }
        std::string_view const prefix = "listening on http://127.0.0.1:";
        BOOST_REQUIRE_MESSAGE(line.compare(0, prefix.size(), prefix) == 0, "startup line: " << line);
        port_ = std::stoi(line.substr(prefix.size()));
        BOOST_REQUIRE(port_ > 0 && port_ < 65536);
    }

    server(server const&) = delete;
    server& operator=(server const&) = delete;

    ~server()
    {
        if(pid_ > 0)
        {
            ::kill(pid_, SIGKILL);
            wait_for(pid_);
        }
    }

    int port() const noexcept { return port_; }
    pid_t pid() const noexcept { return pid_; }

    /// `http://127.0.0.1:PORT` followed by `path`.
    std::string
    url(std::string_view path = "") const
    {
        return "http://127.0.0.1:" + std::to_string(port_) + std::string(path);
    }

    /// The resident memory, in KiB, from /proc.
    long
    rss_kib() const
    {
        std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
        std::string line;
        while(std::getline(status, line))
            if(line.compare(0, 6, "VmRSS:") == 0)
                return std::stol(line.substr(6));
        BOOST_FAIL("no VmRSS in /proc/" << pid_ << "/status");
        return -1;
    }

    /// Asks the server to stop (SIGTERM) and returns its exit status.
    int
    stop()
    {
        BOOST_REQUIRE(pid_ > 0);
        ::kill(pid_, SIGTERM);
        int const status = wait_for(pid_);
        pid_ = -1;
        return status;
    }

private:
    pid_t pid_ = -1;
    int port_ = 0;
    descriptor stdout_;
};

} // embedding

#endif
