//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#include "process.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace bench {

namespace {

// Counts lines and valid documents across reads of any size: a line of
// the JSON report with "valid":true, or the count a summary line gives
// (`SOURCE: N documents, V valid, I invalid`).
class line_counter
{
public:
    void
    feed(char const* p, std::size_t n, process_result& r)
    {
        // Only the start of a line matters ("valid" comes after the source):
        // the rest is skipped at memchr's speed, so that reading the output
        // costs little beside the process that writes it.
        constexpr std::size_t kept = 512;
        char const* const end = p + n;
        while(p < end)
        {
            auto const* nl = static_cast<char const*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
            char const* const stop = nl ? nl : end;
            if(line_.size() < kept)
                line_.append(p, std::min<std::size_t>(static_cast<std::size_t>(stop - p), kept - line_.size()));
            if(!nl)
                return;
            ++r.lines;
            r.valid += count(line_);
            line_.clear();
            p = nl + 1;
        }
    }

private:
    static std::size_t
    count(std::string_view line)
    {
        if(line.find(R"("valid":true)") != std::string_view::npos)
            return 1;
        constexpr std::string_view documents = " documents, ";
        auto const at = line.rfind(documents);
        if(at == std::string_view::npos || line.size() < 8 || line.substr(line.size() - 8) != " invalid")
            return 0;
        return std::strtoull(std::string(line.substr(at + documents.size())).c_str(), nullptr, 10);
    }

    std::string line_;
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
