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

    std::size_t offset_of(std::size_t, anchor const&) const noexcept { return 0; }
    std::size_t offset_behind(std::size_t, anchor const&) const noexcept { return 0; }

    // The name the object being entered gives in its @odata.type.
    bool
    object_type_name(std::size_t, anchor const&, std::string_view& name) const noexcept
    {
        if(auto const* o = current_->if_object())
            if(auto const* v = o->if_contains("@odata.type"))
                if(auto const* s = v->if_string())
                {
                    name = std::string_view(s->data(), s->size());
                    return true;
                }
        return false;
    }

    mark begin_capture(std::size_t, anchor const&) noexcept { return current_; }

    std::string_view
    end_capture(mark m, std::size_t)
    {
        scratch_ = serialize_json(*m);
        return scratch_;
    }

    std::string_view
    scalar(std::size_t, std::string_view, scalar_view, anchor const&)
    {
        scratch_ = serialize_json(*current_);
        return scratch_;
    }

private:
    boost::json::value const* current_ = nullptr;
    std::string scratch_;
};

// How a walk over a value ended.
enum class walk_end
{
    done,
    too_deep, // nesting deeper than max_depth
    stopped   // the handler stopped it
};

// Feeds `h` the events of `root`, as the parser would for its text.
// Iterative, so that a deep value cannot exhaust the stack.
template<class Handler>
walk_end
walk(boost::json::value const& root, Handler& h, dom_source& src, std::size_t max_depth)
{
    struct level
    {
        boost::json::value const* container;
        std::size_t index;
    };
    inline_vector<level, 32> stack;
    boost::json::error_code ec;
    walk_end end = walk_end::done;

    // Emits a scalar, or opens a container; false when the walk ends.
    auto emit = [&](boost::json::value const& v) -> bool {
        src.set_current(&v);
        bool ok = true;
        switch(v.kind())
        {
        case boost::json::kind::null: ok = h.on_null(ec); break;
        case boost::json::kind::bool_: ok = h.on_bool(v.get_bool(), ec); break;
        case boost::json::kind::int64: ok = h.on_int64(v.get_int64(), {}, ec); break;
        case boost::json::kind::uint64: ok = h.on_uint64(v.get_uint64(), {}, ec); break;
        case boost::json::kind::double_: ok = h.on_double(v.get_double(), {}, ec); break;
        case boost::json::kind::string:
        {
            auto const& s = v.get_string();
            ok = h.on_string({s.data(), s.size()}, s.size(), ec);
            break;
        }
        case boost::json::kind::object:
        case boost::json::kind::array:
            if(stack.size() >= max_depth)
            {
                end = walk_end::too_deep;
                return false;
            }
            ok = v.is_object() ? h.on_object_begin(ec) : h.on_array_begin(ec);
            stack.push_back({&v, 0});
            break;
        }
        if(!ok)
            end = walk_end::stopped;
        return ok;
    };

    if(!emit(root))
        return end;
    while(!stack.empty())
    {
        level& top = stack.back();
        if(top.container->is_object())
        {
            auto const& o = top.container->get_object();
            if(top.index == o.size())
            {
                stack.pop_back();
                if(!h.on_object_end(o.size(), ec))
                    return walk_end::stopped;
                continue;
            }
            auto const& kv = *(o.begin() + static_cast<std::ptrdiff_t>(top.index++));
            if(!h.on_key({kv.key().data(), kv.key().size()}, kv.key().size(), ec))
                return walk_end::stopped;
            if(!emit(kv.value()))
                return end;
        }
        else
        {
            auto const& a = top.container->get_array();
            if(top.index == a.size())
            {
                stack.pop_back();
                if(!h.on_array_end(a.size(), ec))
                    return walk_end::stopped;
                continue;
            }
            if(!emit(a[top.index++]))
                return end;
        }
    }
    return walk_end::done;
}

} // detail
} // graphschema

#endif
