//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_NDJSON_HPP
#define GRAPHSCHEMA_NDJSON_HPP

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

namespace graphschema {

/** Splits a byte stream into NDJSON documents, one a line, in bounded memory.

    Feed it chunks of any size with @ref write and call @ref finish at the
    end; it calls back once for every line that is not blank (blank: only
    spaces, tabs and carriage returns). A line longer than the limit is
    reported as oversized, with its size, and is never held in memory: at
    most `max_line_bytes` are buffered, whatever the input.

    A line that lies whole inside one chunk is passed as a view into that
    chunk, without copying.
*/
class ndjson_splitter
{
public:
    /// One line of the stream.
    struct line
    {
        /// The line without its newline; empty when `oversized`.
        std::string_view text;
        /// 1-based line number in the stream.
        std::size_t number;
        /// True when the line is longer than the limit.
        bool oversized;
        /// The length of the line in bytes, newline excluded.
        std::size_t size;
    };

    explicit ndjson_splitter(std::size_t max_line_bytes) noexcept
        : max_(max_line_bytes)
    {
    }

    /// Splits `chunk`, calling `on_line(line const&)` for each line it completes.
    template<class OnLine>
    void
    write(std::string_view chunk, OnLine&& on_line)
    {
        while(!chunk.empty())
        {
            auto const nl = chunk.find('\n');
            auto const part = chunk.substr(0, nl);
            if(nl == std::string_view::npos)
            {
                take(part);
                return;
            }
            if(pending_ == 0 && !oversized_ && part.size() <= max_)
                deliver(part, part.size(), false, on_line);
            else
            {
                take(part);
                deliver({buffer_.data(), buffer_.size()}, pending_, oversized_, on_line);
            }
            chunk.remove_prefix(nl + 1);
        }
    }

    /// Delivers the last line, when the stream does not end with a newline.
    template<class OnLine>
    void
    finish(OnLine&& on_line)
    {
        if(pending_ != 0)
            deliver({buffer_.data(), buffer_.size()}, pending_, oversized_, on_line);
    }

    /// The number of lines completed so far.
    std::size_t lines() const noexcept { return number_ - 1; }

private:
    // Adds part of the current line, keeping at most max_ bytes.
    void
    take(std::string_view part)
    {
        pending_ += part.size();
        if(oversized_)
            return;
        if(pending_ > max_)
        {
            oversized_ = true;
            buffer_.clear();
            return;
        }
        // Grown by hand, since std::string may round a reservation up:
        // the buffer never holds more than the limit.
        std::size_t const need = buffer_.size() + part.size();
        if(need > buffer_.capacity())
            buffer_.reserve((std::min)(max_, (std::max)(need, 2 * buffer_.capacity())));
        buffer_.insert(buffer_.end(), part.begin(), part.end());
    }

    template<class OnLine>
    void
    deliver(std::string_view text, std::size_t size, bool oversized, OnLine& on_line)
    {
        if(oversized || text.find_first_not_of(" \t\r") != std::string_view::npos)
            on_line(line{oversized ? std::string_view() : text, number_, oversized, size});
        ++number_;
        buffer_.clear();
        pending_ = 0;
        oversized_ = false;
    }

    std::size_t max_;
    std::vector<char> buffer_;
    std::size_t pending_ = 0;
    std::size_t number_ = 1;
    bool oversized_ = false;
};

} // graphschema

#endif
