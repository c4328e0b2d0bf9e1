//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_DETAIL_TYPE_NAME_SCAN_HPP
#define GRAPHSCHEMA_DETAIL_TYPE_NAME_SCAN_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

/*  Which type an object names, before its members are read.

    A member whose type has derived types (one_of) is read as the model
    its object's @odata.type names, and OData does not make @odata.type
    come first. So when such an object begins, this scan looks ahead
    through the object's own members (not into nested values) for the
    first "@odata.type" and its string, unescaped, and stops at the
    object's end. It trusts nothing: on text that is not JSON it stops and
    finds nothing, and the parser, which reads the same bytes next,
    reports what is wrong. Each scan reads the object's bytes once, nested
    values included (skipped, not parsed); an object of a one_of nested in
    another's is scanned again by its own look-ahead, so a model that nests
    one_of objects in one another pays once per level (the Graph models nest
    none; the depth limit bounds it).
*/

namespace graphschema {
namespace detail {

class type_name_scan
{
public:
    // The longest name kept. A longer one names no model (type names are
    // at most 126 bytes): `name()` gives its first max_name bytes, which
    // no model's name equals either, so that it is taken as a name no
    // model has, as the whole name would be.
    static constexpr std::size_t max_name = 128;

    // Scans the object whose '{' is at `text[pos]`; true when it has an
    // @odata.type whose value is a string, then in `name()`.
    bool
    scan(std::string_view text, std::size_t pos) noexcept
    {
        text_ = text;
        p_ = pos + 1;
        for(;;)
        {
            skip_space();
            if(at('}') || !at('"'))
                return false;
            bool const is_type = read_string() && name() == "@odata.type";
            skip_space();
            if(!at(':'))
                return false;
            ++p_;
            skip_space();
            if(is_type)
                return at('"') && read_string();
            if(!skip_value())
                return false;
            skip_space();
            if(!at(','))
                return false;
            ++p_;
        }
    }

    std::string_view name() const noexcept { return {buffer_, size_ < max_name ? size_ : max_name}; }

private:
    bool at(char c) const noexcept { return p_ < text_.size() && text_[p_] == c; }

    void
    skip_space() noexcept
    {
        while(p_ < text_.size() && (text_[p_] == ' ' || text_[p_] == '\t' ||
            text_[p_] == '\n' || text_[p_] == '\r'))
            ++p_;
    }

    void
    put(char c) noexcept
    {
        if(size_ < max_name)
            buffer_[size_] = c;
        ++size_;
    }

    void
    put_code_point(std::uint32_t c) noexcept
    {
        if(c < 0x80)
            put(static_cast<char>(c));
        else if(c < 0x800)
        {
            put(static_cast<char>(0xC0 | (c >> 6)));
            put(static_cast<char>(0x80 | (c & 0x3F)));
        }
        else if(c < 0x10000)
        {
            put(static_cast<char>(0xE0 | (c >> 12)));
            put(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            put(static_cast<char>(0x80 | (c & 0x3F)));
        }
        else
        {
            put(static_cast<char>(0xF0 | (c >> 18)));
            put(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
            put(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            put(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }

    bool
    hex4(std::uint32_t& v) noexcept
    {
        if(text_.size() - p_ < 4)
            return false;
        v = 0;
        for(int i = 0; i < 4; ++i)
        {
            char const c = text_[p_++];
            v <<= 4;
            if(c >= '0' && c <= '9')
                v |= static_cast<std::uint32_t>(c - '0');
            else if(c >= 'a' && c <= 'f')
                v |= static_cast<std::uint32_t>(c - 'a' + 10);
            else if(c >= 'A' && c <= 'F')
                v |= static_cast<std::uint32_t>(c - 'A' + 10);
            else
                return false;
        }
        return true;
    }

    // Reads the string at p_ (its '"') into the buffer, unescaped (its
    // first max_name bytes); true when it is well formed.
    bool
    read_string() noexcept
    {
        size_ = 0;
        ++p_;
        while(p_ < text_.size())
        {
            char const c = text_[p_++];
            if(c == '"')
                return true;
            if(c != '\\')
            {
                put(c);
                continue;
            }
            if(p_ >= text_.size())
                return false;
            char const e = text_[p_++];
            switch(e)
            {
            case '"': case '\\': case '/': put(e); break;
            case 'b': put('\b'); break;
            case 'f': put('\f'); break;
            case 'n': put('\n'); break;
            case 'r': put('\r'); break;
            case 't': put('\t'); break;
            case 'u':
            {
                std::uint32_t c1;
                if(!hex4(c1))
                    return false;
                if(c1 >= 0xD800 && c1 < 0xDC00)
                {
                    std::uint32_t c2;
                    if(text_.size() - p_ < 2 || text_[p_] != '\\' || text_[p_ + 1] != 'u')
                        return false;
                    p_ += 2;
                    if(!hex4(c2) || c2 < 0xDC00 || c2 >= 0xE000)
                        return false;
                    c1 = 0x10000 + ((c1 - 0xD800) << 10) + (c2 - 0xDC00);
                }
                put_code_point(c1);
                break;
            }
            default:
                return false;
            }
        }
        return false;
    }

    // Skips the value at p_: a string, or a container whole (strings in it
    // skipped as strings), or a scalar up to what follows it.
    bool
    skip_value() noexcept
    {
        if(at('"'))
            return skip_string();
        if(at('{') || at('['))
        {
            std::size_t depth = 0;
            while(p_ < text_.size())
            {
                char const c = text_[p_];
                if(c == '"')
                {
                    if(!skip_string())
                        return false;
                    continue;
                }
                ++p_;
                if(c == '{' || c == '[')
                    ++depth;
                else if((c == '}' || c == ']') && --depth == 0)
                    return true;
            }
            return false;
        }
        while(p_ < text_.size() && text_[p_] != ',' && text_[p_] != '}' && text_[p_] != ']' &&
            text_[p_] != ' ' && text_[p_] != '\t' && text_[p_] != '\n' && text_[p_] != '\r')
            ++p_;
        return true;
    }

    bool
    skip_string() noexcept
    {
        ++p_;
        while(p_ < text_.size())
        {
            char const c = text_[p_++];
            if(c == '"')
                return true;
            if(c == '\\')
                ++p_;
        }
        return false;
    }

    std::string_view text_;
    std::size_t p_ = 0;
    std::size_t size_ = 0;
    char buffer_[max_name];
};

} // detail
} // graphschema

#endif
