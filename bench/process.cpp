//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#include "process.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace bench {

namespace {

// Counts lines and the lines that end in ": valid" across reads of any size.
class line_counter
{
public:
    void
    feed(char const* p, std::size_t n, process_result& r)
    {
        constexpr std::string_view suffix = ": valid";
        for(std::size_t i = 0; i < n; ++i)
        {
            char const c = p[i];
            if(c == '\n')
            {
                ++r.lines;
                r.valid += tail_ == suffix.size();
                tail_ = 0;
                continue;
            }
            // How much of the suffix the line ends with so far.
            if(tail_ < suffix.size() && c == suffix[tail_])
                ++tail_;
            else
                tail_ = c == suffix[0] ? 1 : 0;
        }
    }

private:
    std::size_t tail_ = 0;
};

} // namespace

process_result
run_process(std::vector<std::string> const& argv)
{
    process_result r;
    int fds[2];
    if(::pipe(fds) != 0)
        return r;
    std::vector<char*> args;
    for(auto const& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    posix_spawn_file_actions_addclose(&actions, fds[1]);
    pid_t pid;
    int const err = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    if(err != 0)
    {
        ::close(fds[0]);
        return r;
    }
    r.started = true;
    line_counter counter;
    char buf[1 << 16];
    for(;;)
    {
        auto const n = ::read(fds[0], buf, sizeof(buf));
        if(n < 0 && errno == EINTR)
            continue;
        if(n <= 0)
            break;
        if(r.head.size() < 400)
            r.head.append(buf, std::min<std::size_t>(static_cast<std::size_t>(n), 400 - r.head.size()));
        counter.feed(buf, static_cast<std::size_t>(n), r);
    }
    ::close(fds[0]);
    int status = 0;
    while(::waitpid(pid, &status, 0) < 0 && errno == EINTR)
    {
    }
    if(WIFEXITED(status))
        r.status = WEXITSTATUS(status);
    return r;
}

} // bench
