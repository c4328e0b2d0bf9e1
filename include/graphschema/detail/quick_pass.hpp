//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_DETAIL_QUICK_PASS_HPP
#define GRAPHSCHEMA_DETAIL_QUICK_PASS_HPP

#include <graphschema/options.hpp>
#include <graphschema/report.hpp>
#include <graphschema/detail/inline_vector.hpp>
#include <graphschema/detail/key_store.hpp>
#include <graphschema/detail/member_checks.hpp>
#include <graphschema/detail/numbers.hpp>
#include <graphschema/detail/tables.hpp>
#include <graphschema/detail/text.hpp>
#include <graphschema/detail/text_source.hpp>

#include <boost/config.hpp>
#include <boost/json/error.hpp>
#include <boost/json/string_view.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace graphschema {
namespace detail {

/*  The pass for the case that matters most: a valid document. It follows
    the parser's events doing only what deciding validity takes, and, when
    Build is true, what building the value takes (for kept members and raw
    values, the event count that finds their text); no positions, pointers
    or messages. It gives up, stopping the parser, at the first event that
    could be an issue or that it does not handle (a key in parts, an
    undeclared key that is not a view of the text). decode_text then runs
    the handler above over the document, from a cleared value, and that
    writes the report. So a document it accepts is one in which the handler
    finds nothing, and gets the value the handler would build; any other
    costs the time until it gives up.
*/
template<class Source, bool Build>
class quick_pass
{
public:
    static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);

    using error_code = boost::json::error_code;
    using json_string_view = boost::json::string_view;

    quick_pass(type_node const& root, void* target, decode_options const& opt, Source& source) noexcept
        : op_(static_cast<std::size_t>(opt.operation))
        , operation_(opt.operation)
        , check_rules_(opt.operation != operation::read)
        , reject_unknown_(opt.unknown == unknown_policy::reject)
        , preserve_unknown_(opt.unknown == unknown_policy::preserve)
        , rules_shift_(check_rules_ ? 0 : 1)
        , source_(source)
        , keys_(reinterpret_cast<std::uintptr_t>(this))
    {
        // The bottom level stands for the document: its one value is the root.
        level& d = open(level_kind::document, nullptr);
        d.target = target;
        expect(d, &root, nullptr);
    }

    bool on_document_begin(error_code&) { return true; }
    bool on_document_end(error_code&) { return true; }
    bool on_comment_part(json_string_view, error_code&) { return true; }
    bool on_comment(json_string_view, error_code&) { return true; }
    bool on_number_part(json_string_view, error_code&) { return true; }

    bool
    on_object_begin(error_code& ec)
    {
        std::size_t const tok = count();
        level const& l = levels_.back();
        if(type_node const* t = l.next)
        {
            if(t->kind == value_kind::model)
            {
                void* target = Build ? materialize(l) : nullptr;
                open(level_kind::model, target).model = &t->model();
                return true;
            }
            if(t->kind != value_kind::raw)
                return give_up(ec);
            open_capture(capture_kind::raw, Build ? materialize(l) : nullptr, tok);
            return true;
        }
        if(l.odata_type_next)
            return give_up(ec);
        open_capture(l.keep_next ? capture_kind::preserved : capture_kind::none, nullptr, tok);
        return true;
    }

    bool
    on_object_end(std::size_t, error_code& ec)
    {
        std::size_t const tok = count();
        level const& l = levels_.back();
        if(l.kind == level_kind::model && (l.model->required[op_] & ~l.seen) != 0)
            return give_up(ec);
        keys_.close(l.keys);
        close(tok);
        return true;
    }

    bool
    on_array_begin(error_code& ec)
    {
        std::size_t const tok = count();
        level const& l = levels_.back();
        if(type_node const* t = l.next)
        {
            if(t->kind == value_kind::array)
            {
                member_entry const* m = l.next_member;
                level& a = open(level_kind::array, Build ? materialize(l) : nullptr);
                a.array = t;
                expect(a, &t->element(), m);
                return true;
            }
            if(t->kind != value_kind::raw)
                return give_up(ec);
            open_capture(capture_kind::raw, Build ? materialize(l) : nullptr, tok);
            return true;
        }
        if(l.odata_type_next)
            return give_up(ec);
        open_capture(l.keep_next ? capture_kind::preserved : capture_kind::none, nullptr, tok);
        return true;
    }

    bool
    on_array_end(std::size_t, error_code&)
    {
        close(count());
        return true;
    }

    bool on_key_part(json_string_view, std::size_t, error_code& ec) { return give_up(ec); }

    bool
    on_key(json_string_view s, std::size_t, error_code& ec)
    {
        std::size_t const tok = count();
        std::string_view const key(s.data(), s.size());
        level& l = levels_.back();
        if(l.kind == level_kind::model)
        {
            model_table const& m = *l.model;
            std::size_t const i = find_member(m, key);
            if(i < m.member_count)
            {
                std::uint64_t const bit = std::uint64_t(1) << i;
                if((l.seen | m.read_only[op_]) & bit)
                    return give_up(ec);
                l.seen |= bit;
                member_entry const& e = m.members[i];
                l.next = e.type;
                l.next_member = &e;
                l.odata_type_next = l.keep_next = false;
                l.any_string = (e.any_string >> rules_shift_) & 1;
                return true;
            }
            return other_model_key(l, key, i, tok, ec);
        }
        return undeclared_key(l, key, ec);
    }

    bool
    on_string_part(json_string_view s, std::size_t, error_code&)
    {
        parts_.append(s.data(), s.size());
        return true;
    }

    bool
    on_string(json_string_view s, std::size_t, error_code& ec)
    {
        // Inline, only what needs no look: text without rules, anything,
        // when nothing is built.
        if(!Build && levels_.back().any_string && parts_.empty())
            return true;
        return string_value(std::string_view(s.data(), s.size()), ec);
    }

    bool
    on_int64(std::int64_t v, json_string_view text, error_code& ec)
    {
        std::size_t const tok = count();
        level const& l = levels_.back();
        type_node const* t = l.next;
        if(!t)
            return other_scalar(l, tok, {text.data(), text.size()}, scalar_view::number, ec);
        switch(t->kind)
        {
        case value_kind::integer:
        {
            if(v < t->min_value || v > t->max_value)
                return give_up(ec);
            integer_rules const* r = l.next_member ? l.next_member->range : nullptr;
            if(check_rules_ && r && (v < r->min || v > r->max))
                return give_up(ec);
            if constexpr(Build)
                t->assign_integer(materialize(l), v);
            return true;
        }
        case value_kind::number:
            if constexpr(Build)
                t->assign_number(materialize(l), static_cast<double>(v));
            return true;
        case value_kind::raw:
            store_raw(l, tok, {text.data(), text.size()}, scalar_view::number);
            return true;
        default:
            return give_up(ec);
        }
    }

    // Unsigned integers beyond int64 and numbers with a fraction or an
    // exponent: taken where any number is; the handler decides the rest.
    bool
    on_uint64(std::uint64_t v, json_string_view text, error_code& ec)
    {
        return number(static_cast<double>(v), {text.data(), text.size()}, ec);
    }

    bool
    on_double(double v, json_string_view text, error_code& ec)
    {
        return number(exact_double(v, {text.data(), text.size()}), {text.data(), text.size()}, ec);
    }

    bool
    on_bool(bool v, error_code& ec)
    {
        std::size_t const tok = count();
        level const& l = levels_.back();
        type_node const* t = l.next;
        if(!t)
            return other_scalar(l, tok, {}, scalar_view::other, ec);
        if(t->kind == value_kind::boolean)
        {
            if constexpr(Build)
                *static_cast<bool*>(materialize(l)) = v;
            return true;
        }
        if(t->kind != value_kind::raw)
            return give_up(ec);
        store_raw(l, tok, {}, scalar_view::other);
        return true;
    }

    bool
    on_null(error_code& ec)
    {
        std::size_t const tok = count();
        level const& l = levels_.back();
        type_node const* t = l.next;
        if(!t)
            return other_scalar(l, tok, {}, scalar_view::other, ec);
        // A member that is not required may be null, whatever its type, and
        // stays absent; an element only where anything goes; the document never.
        if(l.kind == level_kind::model)
        {
            if(l.next_member->required.contains(operation_))
                return give_up(ec);
            if constexpr(Build)
                l.next_member->reset(l.target);
            return true;
        }
        if(l.kind != level_kind::array || t->kind != value_kind::raw)
            return give_up(ec);
        store_raw(l, tok, {}, scalar_view::other);
        return true;
    }

private:
    enum class level_kind : unsigned char
    {
        document, // below the root
        model,    // an object of a model
        array,    // a typed array
        object    // an object or array no model describes
    };

    enum class capture_kind : unsigned char
    {
        none,
        preserved, // into the parent model's preserved_members
        raw        // into a raw_json
    };

    struct level
    {
        level_kind kind;
        capture_kind capture;
        bool odata_type_seen;
        bool odata_type_next;       // model: the next value is @odata.type's
        bool keep_next;             // model: the next value is kept (Build)
        bool any_string;            // any string will do for the next value
        std::uint64_t seen;         // model: declared members seen
        model_table const* model;
        type_node const* array;     // array: its node
        type_node const* next;      // what the next value must be; null: anything
        member_entry const* next_member; // whose rules apply to it
        void* target;               // what is built: the object, the vector, the raw_json
        std::string_view key;       // model: the current undeclared key (Build)
        std::size_t capture_start;
        key_store::scope keys;
    };

    // The index of the event, as the handler counts them (Build only).
    std::size_t
    count() noexcept
    {
        if constexpr(Build)
            return token_++;
        else
            return 0;
    }

    // Says what the next value of `l` must be: of node `t` (null: anything),
    // under the rules of `m`.
    void
    expect(level& l, type_node const* t, member_entry const* m) noexcept
    {
        l.next = t;
        l.next_member = m;
        l.odata_type_next = l.keep_next = false;
        l.any_string = !t || t->kind == value_kind::raw ||
            (t->kind == value_kind::string && (!check_rules_ || !m || !m->text));
    }

    // Makes the storage of the next value of `l` exist (Build).
    void*
    materialize(level const& l)
    {
        switch(l.kind)
        {
        case level_kind::document: return l.target;
        case level_kind::model: return l.next_member->emplace(l.target);
        case level_kind::array: return l.array->append(l.target);
        default: return nullptr;
        }
    }

    // @odata.type, or a key the model does not declare.
    BOOST_NOINLINE bool
    other_model_key(level& l, std::string_view key, std::size_t i, std::size_t tok, error_code& ec)
    {
        model_table const& m = *l.model;
        expect(l, nullptr, nullptr);
        if(i == m.member_count)
        {
            if(l.odata_type_seen)
                return give_up(ec);
            l.odata_type_seen = l.odata_type_next = true;
            l.any_string = false;
            return true;
        }
        bool keep = m.open || key.find('@') != std::string_view::npos;
        if(!keep)
        {
            if(reject_unknown_)
                return give_up(ec);
            keep = preserve_unknown_;
        }
        if(!undeclared_key(l, key, ec))
            return false;
        if constexpr(Build)
        {
            if(keep)
            {
                l.keep_next = true;
                l.any_string = false;
                l.key = key;
                source_.key_seen(tok, key, true);
            }
        }
        else
            (void)tok;
        return true;
    }

    // A key no model declares: only a duplicate could be an issue.
    BOOST_NOINLINE bool
    undeclared_key(level& l, std::string_view key, error_code& ec)
    {
        if(!source_.persistent(key) || !keys_.insert(l.keys, key))
            return give_up(ec);
        return true;
    }

    // A string that needs a look: in parts, with rules, an enumerator,
    // @odata.type, where no string goes, or anything that is built.
    BOOST_NOINLINE bool
    string_value(std::string_view text, error_code& ec)
    {
        std::size_t const tok = count();
        bool const whole = parts_.empty();
        if(!whole)
        {
            parts_.append(text.data(), text.size());
            text = std::string_view(parts_.data(), parts_.size());
            parts_.clear(); // the bytes stay readable until the next string
        }
        level const& l = levels_.back();
        type_node const* t = l.next;
        auto const view = whole ? scalar_view::whole_string : scalar_view::other;
        if(!t)
        {
            if(l.odata_type_next)
                return names_model(*l.model, text) ? true : give_up(ec);
            return other_scalar(l, tok, whole ? text : std::string_view(), view, ec);
        }
        if(t->kind == value_kind::string)
        {
            member_entry const* m = l.next_member;
            if(check_rules_ && m && m->text && !passes(*m, text))
                return give_up(ec);
            if constexpr(Build)
            {
                if(l.kind == level_kind::model)
                    m->emplace_text(l.target, text);
                else
                    l.array->append_text(l.target, text);
            }
            return true;
        }
        switch(t->kind)
        {
        case value_kind::enumeration:
        {
            enum_table const& e = *t->enumeration;
            for(std::size_t i = 0; i < e.count; ++i)
            {
                if(same_bytes(e.names[i], text))
                {
                    if constexpr(Build)
                        e.assign(materialize(l), i);
                    return true;
                }
            }
            return give_up(ec);
        }
        case value_kind::raw:
            store_raw(l, tok, whole ? text : std::string_view(), view);
            return true;
        default:
            return give_up(ec);
        }
    }

    bool
    number(double v, std::string_view text, error_code& ec)
    {
        std::size_t const tok = count();
        level const& l = levels_.back();
        type_node const* t = l.next;
        if(!t)
            return other_scalar(l, tok, text, scalar_view::number, ec);
        if(t->kind == value_kind::number)
        {
            if constexpr(Build)
                t->assign_number(materialize(l), v);
            return true;
        }
        if(t->kind != value_kind::raw)
            return give_up(ec);
        store_raw(l, tok, text, scalar_view::number);
        return true;
    }

    // A scalar where no node says what goes: @odata.type's (a string was
    // needed), a kept member's, or one that is only read through.
    bool
    other_scalar(level const& l, std::size_t tok, std::string_view text, scalar_view view, error_code& ec)
    {
        if(l.odata_type_next)
            return give_up(ec);
        if constexpr(Build)
        {
            if(l.keep_next)
                preserved_access::append(l.model->preserved(l.target), l.key, source_.scalar(tok, text, view));
        }
        else
            (void)tok, (void)text, (void)view;
        return true;
    }

    void
    store_raw(level const& l, std::size_t tok, std::string_view text, scalar_view view)
    {
        if constexpr(Build)
            preserved_access::assign(*static_cast<raw_json*>(materialize(l)), source_.scalar(tok, text, view));
        else
            (void)l, (void)tok, (void)text, (void)view;
    }

    level&
    open(level_kind k, void* target)
    {
        level& l = levels_.emplace_back();
        l.kind = k;
        l.capture = capture_kind::none;
        l.odata_type_seen = l.odata_type_next = l.keep_next = false;
        l.any_string = true;
        l.seen = 0;
        l.model = nullptr;
        l.array = nullptr;
        l.next = nullptr;
        l.next_member = nullptr;
        l.target = target;
        l.capture_start = 0;
        l.keys = keys_.open(levels_.size());
        return l;
    }

    // An object or array no model describes, kept whole when Build says so.
    void
    open_capture(capture_kind c, void* target, std::size_t tok)
    {
        level& l = open(level_kind::object, target);
        if constexpr(Build)
        {
            if(c != capture_kind::none)
            {
                l.capture = c;
                l.capture_start = source_.begin_capture(tok);
            }
        }
        else
            (void)c, (void)tok;
    }

    void
    close(std::size_t tok)
    {
        if constexpr(Build)
        {
            level const& l = levels_.back();
            if(l.capture != capture_kind::none)
            {
                auto const text = source_.end_capture(l.capture_start, tok);
                if(l.capture == capture_kind::raw)
                    preserved_access::assign(*static_cast<raw_json*>(l.target), text);
                else
                {
                    level const& owner = levels_[levels_.size() - 2];
                    preserved_access::append(owner.model->preserved(owner.target), owner.key, text);
                }
            }
        }
        else
            (void)tok;
        levels_.pop_back();
    }

    static bool
    give_up(error_code& ec) noexcept
    {
        ec = boost::json::error::syntax; // any error: it only stops the parser
        return false;
    }

    std::size_t op_;
    operation operation_;
    bool check_rules_;
    bool reject_unknown_;
    bool preserve_unknown_;
    unsigned rules_shift_; // which bit of member_entry::any_string applies
    std::size_t token_ = 0;
    Source& source_;
    inline_vector<level, 24> levels_; // as deep as the handler goes without allocating
    key_store keys_;
    inline_vector<char, 128> parts_;
};

} // detail
} // graphschema

#endif
