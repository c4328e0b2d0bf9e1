//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// graphschema-bench-floor: the whole-process floor for the CLI. Reads an
// NDJSON file as graphschema-validate does (128 KiB reads, the same line
// splitter and limit), runs Boost.JSON's basic_parser with a handler that
// does nothing (max_depth 64) over each line, and prints one summary line
// in graphschema-validate's form. Syntax only: no rule is checked.
//
//   graphschema-bench-floor FILE

#include <graphschema/ndjson.hpp>
#include <graphschema/detail/json_text.hpp>

#include <boost/json/basic_parser_impl.hpp>

#include <cstdio>
#include <memory>
#include <string>

#include <fcntl.h>
#include <unistd.h>

int
main(int argc, char** argv)
{
    if(argc != 2)
    {
        std::fprintf(stderr, "usage: graphschema-bench-floor FILE\n");
        return 2;
    }
    int const fd = ::open(argv[1], O_RDONLY | O_CLOEXEC);
    if(fd < 0)
    {
        std::perror(argv[1]);
        return 2;
    }
    boost::json::parse_options opt;
    opt.max_depth = 64;
    boost::json::basic_parser<graphschema::detail::syntax_only_handler> parser(opt);
    std::size_t valid = 0, invalid = 0;
    auto on_line = [&](graphschema::ndjson_splitter::line const& l) {
        parser.reset();
        boost::json::error_code ec;
        auto const n = parser.write_some(false, l.text.data(), l.text.size(), ec);
        if(!l.oversized && !ec && n == l.text.size())
            ++valid;
        else
            ++invalid;
    };
    graphschema::ndjson_splitter split(4194304);
    std::size_t const chunk_size = std::size_t(1) << 17;
    std::unique_ptr<char[]> chunk(new char[chunk_size]);
    for(;;)
    {
        auto const n = ::read(fd, chunk.get(), chunk_size);
        if(n < 0)
        {
            std::perror(argv[1]);
            return 2;
        }
        if(n == 0)
            break;
        split.write({chunk.get(), static_cast<std::size_t>(n)}, on_line);
    }
    split.finish(on_line);
    ::close(fd);
    std::printf("%s: %zu documents, %zu valid, %zu invalid\n", argv[1], valid + invalid, valid, invalid);
    return invalid ? 1 : 0;
}
