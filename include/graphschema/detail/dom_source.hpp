//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_DETAIL_DOM_SOURCE_HPP
#define GRAPHSCHEMA_DETAIL_DOM_SOURCE_HPP

#include <graphschema/detail/inline_vector.hpp>
#include <graphschema/detail/json_text.hpp>
#include <graphschema/detail/text_source.hpp>

#include <boost/json/error.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace graphschema {
namespace detail {

/*  The Source of a document that is already a boost::json::value: every
    view into it outlives the decode, a kept value's text is its
    serialization, and there are no positions.
*/
class dom_source
{
public:
    using mark = boost::json::value const*;

    static constexpr bool has_positions = false;

    void set_current(boost::json::value const* v) noexcept { current_ = v; }

    bool persistent(std::string_view) const noexcept { return true; }

    void key_seen(std::size_t, std::string_view, bool) noexcept {}

    mark begin_capture(std::size_t) noexcept { return current_; }

    std::string_view
    end_capture(mark m, std::size_t)
    {
        scratch_ = serialize_json(*m);
        return scratch_;
    }

    std::string_view
    scalar(std::size_t, std::string_view, scalar_view)
    {
        scratch_ = serialize_json(*current_);
        return scratch_;
    }

private:
    boost::json::value const* current_ = nullptr;
    std::string scratch_;
};

// Feeds `h` the events of `root`, as the parser would for its text.
// Iterative, so that a deep value cannot exhaust the stack; returns false,
// having stopped, when the nesting is deeper than max_depth.
template<class Handler>
bool
walk(boost::json::value const& root, Handler& h, dom_source& src, std::size_t max_depth)
{
    struct level
    {
        boost::json::value const* container;
        std::size_t index;
    };
    inline_vector<level, 32> stack;
    boost::json::error_code ec;

    // Emits a scalar, or opens a container; false when too deep.
    auto emit = [&](boost::json::value const& v) -> bool {
        src.set_current(&v);
        switch(v.kind())
        {
        case boost::json::kind::null: h.on_null(ec); return true;
        case boost::json::kind::bool_: h.on_bool(v.get_bool(), ec); return true;
        case boost::json::kind::int64: h.on_int64(v.get_int64(), {}, ec); return true;
        case boost::json::kind::uint64: h.on_uint64(v.get_uint64(), {}, ec); return true;
        case boost::json::kind::double_: h.on_double(v.get_double(), {}, ec); return true;
        case boost::json::kind::string:
        {
            auto const& s = v.get_string();
            h.on_string({s.data(), s.size()}, s.size(), ec);
            return true;
        }
        case boost::json::kind::object:
            if(stack.size() >= max_depth)
                return false;
            h.on_object_begin(ec);
            stack.push_back({&v, 0});
            return true;
        case boost::json::kind::array:
            if(stack.size() >= max_depth)
                return false;
            h.on_array_begin(ec);
            stack.push_back({&v, 0});
            return true;
        }
        return true;
    };

    if(!emit(root))
        return false;
    while(!stack.empty())
    {
        level& top = stack.back();
        if(top.container->is_object())
        {
            auto const& o = top.container->get_object();
            if(top.index == o.size())
            {
                h.on_object_end(o.size(), ec);
                stack.pop_back();
                continue;
            }
            auto const& kv = *(o.begin() + static_cast<std::ptrdiff_t>(top.index++));
            h.on_key({kv.key().data(), kv.key().size()}, kv.key().size(), ec);
            if(!emit(kv.value()))
                return false;
        }
        else
        {
            auto const& a = top.container->get_array();
            if(top.index == a.size())
            {
                h.on_array_end(a.size(), ec);
                stack.pop_back();
                continue;
            }
            if(!emit(a[top.index++]))
                return false;
        }
    }
    return true;
}

} // detail
} // graphschema

#endif
