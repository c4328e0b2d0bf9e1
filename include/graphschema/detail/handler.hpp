//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_DETAIL_HANDLER_HPP
#define GRAPHSCHEMA_DETAIL_HANDLER_HPP

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

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

/*  The validating handler: one pass over parser events, with a small stack
    of frames saying where it is (which model, which member, the key or
    index that makes the JSON Pointer). Validate-only and decode are this
    one class; with Build false every write to the struct compiles away, so
    both give the same report by construction.

    It is fed either by boost::json::basic_parser (from text) or by a walk
    over a boost::json::value; the Source says which views outlive an
    event and how to get the raw text of a kept value.
*/

namespace graphschema {
namespace detail {

template<class Source, bool Build>
class handler
{
public:
    static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);

    using error_code = boost::json::error_code;
    using json_string_view = boost::json::string_view;

    handler(type_node const& root, void* target, decode_options const& opt,
        Source& source, report& out) noexcept
        : root_(root)
        , target_(target)
        , op_(static_cast<std::size_t>(opt.operation))
        , operation_(opt.operation)
        , unknown_(opt.unknown)
        , source_(source)
        , report_(out)
        , pointer_budget_(opt.max_bytes)
        , keys_(reinterpret_cast<std::uintptr_t>(this) ^
                (reinterpret_cast<std::uintptr_t>(&source) << 17))
    {
    }

    // The token index of each issue kept, for positions.
    std::vector<std::size_t> const& issue_tokens() const noexcept { return issue_tokens_; }

    bool on_document_begin(error_code&) { return true; }
    bool on_document_end(error_code&) { return true; }
    bool on_comment_part(json_string_view, error_code&) { return true; }
    bool on_comment(json_string_view, error_code&) { return true; }
    bool on_number_part(json_string_view, error_code&) { return true; }

    bool
    on_object_begin(error_code&)
    {
        std::size_t const tok = token_++;
        slot s = begin_value();
        frame f = make_frame(frame_kind::skip_object, tok);
        switch(s.kind)
        {
        case slot_kind::root:
        case slot_kind::member:
        case slot_kind::element:
            if(s.type->kind == value_kind::model)
            {
                f.kind = frame_kind::model;
                f.model = &s.type->model();
                if constexpr(Build)
                    f.target = materialize(s);
            }
            else if(s.type->kind == value_kind::raw)
                start_raw_capture(f, s, tok);
            else
                type_mismatch(s, tok, "an object");
            break;
        case slot_kind::odata_type:
            odata_type_not_string(tok, "an object");
            break;
        case slot_kind::preserve:
            start_preserve_capture(f, tok);
            break;
        case slot_kind::discard:
            break;
        }
        push(f);
        return true;
    }

    bool
    on_object_end(std::size_t, error_code&)
    {
        std::size_t const tok = token_++;
        frame& f = frames_.back();
        if(f.kind == frame_kind::model)
            report_missing(f);
        else if(f.capture != capture_kind::none)
            finish_capture(f, tok);
        pop();
        return true;
    }

    bool
    on_array_begin(error_code&)
    {
        std::size_t const tok = token_++;
        slot s = begin_value();
        frame f = make_frame(frame_kind::skip_array, tok);
        switch(s.kind)
        {
        case slot_kind::root:
        case slot_kind::member:
        case slot_kind::element:
            if(s.type->kind == value_kind::array)
            {
                f.kind = frame_kind::array;
                f.array = s.type;
                f.element = &s.type->element();
                f.member = s.member;
                if constexpr(Build)
                    f.target = materialize(s);
            }
            else if(s.type->kind == value_kind::raw)
                start_raw_capture(f, s, tok);
            else
                type_mismatch(s, tok, "an array");
            break;
        case slot_kind::odata_type:
            odata_type_not_string(tok, "an array");
            break;
        case slot_kind::preserve:
            start_preserve_capture(f, tok);
            break;
        case slot_kind::discard:
            break;
        }
        push(f);
        return true;
    }

    bool
    on_array_end(std::size_t, error_code&)
    {
        std::size_t const tok = token_++;
        frame& f = frames_.back();
        if(f.capture != capture_kind::none)
            finish_capture(f, tok);
        pop();
        return true;
    }

    bool
    on_key_part(json_string_view s, std::size_t, error_code&)
    {
        scratch_.append(s.data(), s.size());
        return true;
    }

    bool
    on_key(json_string_view s, std::size_t, error_code&)
    {
        std::size_t const tok = token_++;
        std::string_view key(s.data(), s.size());
        frame& f = frames_.back();
        if(scratch_.empty() && f.kind == frame_kind::model)
        {
            // The common cases inline: a declared member, seen once and
            // writable, or @odata.type seen once.
            model_table const& m = *f.model;
            std::size_t const i = find_member(m, key);
            if(i < m.member_count)
            {
                std::uint64_t const bit = std::uint64_t(1) << i;
                if(!((f.seen | m.read_only[op_]) & bit))
                {
                    f.seen |= bit;
                    set_key(f, m.members[i].json_name);
                    f.pending = slot_kind::member;
                    f.pending_member = static_cast<std::uint32_t>(i);
                    return true;
                }
            }
            else if(i == m.member_count && !f.odata_type_seen)
            {
                f.odata_type_seen = true;
                set_key(f, odata_type_key);
                f.pending = slot_kind::odata_type;
                return true;
            }
        }
        on_other_key(key, tok);
        return true;
    }

    bool
    on_string_part(json_string_view s, std::size_t, error_code&)
    {
        if(!string_.active)
            begin_string(token_, begin_value());
        feed_string(std::string_view(s.data(), s.size()));
        return true;
    }

    bool
    on_string(json_string_view s, std::size_t, error_code&)
    {
        std::string_view const text(s.data(), s.size());
        if(string_.active)
        {
            // The last part of a string that came in parts.
            feed_string(text);
            end_string(text, false);
        }
        else
        {
            slot const where = begin_value();
            if(!accept_whole_string(where, text))
            {
                begin_string(token_, where);
                feed_string(text);
                end_string(text, true);
            }
        }
        ++token_;
        return true;
    }

    bool
    on_int64(std::int64_t v, json_string_view s, error_code&)
    {
        number n;
        n.kind = number::signed_integer;
        n.i = v;
        n.d = static_cast<double>(v);
        on_number(n, std::string_view(s.data(), s.size()));
        return true;
    }

    bool
    on_uint64(std::uint64_t v, json_string_view s, error_code&)
    {
        number n;
        n.kind = number::unsigned_integer;
        n.d = static_cast<double>(v);
        on_number(n, std::string_view(s.data(), s.size()));
        return true;
    }

    bool
    on_double(double v, json_string_view s, error_code&)
    {
        number n;
        n.kind = number::floating;
        n.d = exact_double(v, std::string_view(s.data(), s.size()));
        on_number(n, std::string_view(s.data(), s.size()));
        return true;
    }

    bool
    on_bool(bool v, error_code&)
    {
        std::size_t const tok = token_++;
        slot s = begin_value();
        switch(s.kind)
        {
        case slot_kind::root:
        case slot_kind::member:
        case slot_kind::element:
            if(s.type->kind == value_kind::boolean)
            {
                if constexpr(Build)
                    *static_cast<bool*>(materialize(s)) = v;
            }
            else if(s.type->kind == value_kind::raw)
                store_raw_scalar(s, tok, {}, scalar_view::other);
            else
                type_mismatch(s, tok, "a boolean");
            break;
        case slot_kind::odata_type:
            odata_type_not_string(tok, "a boolean");
            break;
        case slot_kind::preserve:
            store_preserved_scalar(tok, {}, scalar_view::other);
            break;
        case slot_kind::discard:
            break;
        }
        return true;
    }

    bool
    on_null(error_code&)
    {
        std::size_t const tok = token_++;
        slot s = begin_value();
        switch(s.kind)
        {
        case slot_kind::root:
            type_mismatch(s, tok, "null");
            break;
        case slot_kind::member:
            if(s.member->required.contains(operation_))
            {
                add_issue(error::null_not_allowed, tok, pointer_mode::value, [&](std::string& m) {
                    m += "'";
                    m += s.member->json_name;
                    m += "' is required and must not be null";
                });
            }
            // A member that is not required may be null: it stays absent.
            drop(s);
            break;
        case slot_kind::element:
            if(s.type->kind == value_kind::raw)
                store_raw_scalar(s, tok, {}, scalar_view::other);
            else
                add_issue(error::null_not_allowed, tok, pointer_mode::value,
                    [](std::string& m) { m += "array elements must not be null"; });
            break;
        case slot_kind::odata_type:
            odata_type_not_string(tok, "null");
            break;
        case slot_kind::preserve:
            store_preserved_scalar(tok, {}, scalar_view::other);
            break;
        case slot_kind::discard:
            break;
        }
        return true;
    }

private:
    //--------------------------------------------------------------------------
    // State

    // What the next value is for.
    enum class slot_kind : unsigned char
    {
        root,       // the document itself
        member,     // a declared member of a model
        element,    // an element of a typed array
        odata_type, // @odata.type of a model
        preserve,   // kept verbatim (unknown, dynamic or annotation)
        discard     // checked for syntax and duplicates only
    };

    enum class frame_kind : unsigned char
    {
        model,       // an object of a model
        array,       // a typed array
        skip_object, // an object not checked against any model
        skip_array
    };

    enum class capture_kind : unsigned char
    {
        none,
        preserved, // into the owning model's preserved_members
        raw        // into a raw_json
    };

    struct slot
    {
        slot_kind kind;
        type_node const* type;     // root, member, element
        member_entry const* member; // member; for an element, the array's member
        void* owner;               // the object (root, member), the vector (element)
        type_node const* array;    // element: the array's node
    };

    struct frame
    {
        frame_kind kind;
        slot_kind pending;         // objects: what the value after the current key is for
        capture_kind capture;
        bool odata_type_seen;
        std::uint32_t pending_member;
        std::uint64_t seen;        // model: declared members seen
        model_table const* model;
        type_node const* array;    // array: its node
        type_node const* element;  // array: the element node
        member_entry const* member; // array: the member it is the value of
        void* target;              // model: object; array: vector; capture: where it goes
        char const* key;           // objects: the current key
        std::size_t key_size;
        std::size_t count;         // arrays: elements begun
        std::size_t open_token;
        typename Source::mark capture_start;
        key_store::scope keys;
        stack_arena::mark arena;
    };

    struct number
    {
        enum kind_t { signed_integer, unsigned_integer, floating } kind;
        std::int64_t i = 0;
        double d = 0;
    };

    // A string in progress (it may come in parts).
    struct string_state
    {
        enum purpose_t : unsigned char { none, text, enumeration, odata_type, capture } purpose = none;
        bool active = false;
        bool bad_char = false;
        bool prefix_failed = false;
        bool overflow = false;
        std::size_t token = 0;
        slot where{};
        std::string* target = nullptr;
        string_rules const* rules = nullptr;
        std::size_t code_points = 0;
        std::size_t bytes = 0;
        std::size_t buffered = 0;
        char buffer[max_compared_size + 1];
    };

    enum class pointer_mode : unsigned char
    {
        value,  // the value being read (or the member whose key was just read)
        missing // a member of the object on top of the stack, named separately
    };

    //--------------------------------------------------------------------------
    // Frames and slots

    frame
    make_frame(frame_kind k, std::size_t tok) noexcept
    {
        frame f;
        f.kind = k;
        f.pending = slot_kind::discard;
        f.capture = capture_kind::none;
        f.odata_type_seen = false;
        f.pending_member = 0;
        f.seen = 0;
        f.model = nullptr;
        f.array = nullptr;
        f.element = nullptr;
        f.member = nullptr;
        f.target = nullptr;
        f.key = nullptr;
        f.key_size = 0;
        f.count = 0;
        f.open_token = tok;
        f.capture_start = {};
        f.keys = keys_.open(frames_.size());
        f.arena = arena_.get_mark();
        return f;
    }

    void push(frame const& f) { frames_.push_back(f); }

    void
    pop() noexcept
    {
        frame& f = frames_.back();
        keys_.close(f.keys);
        arena_.release(f.arena);
        frames_.pop_back();
    }

    slot
    begin_value() noexcept
    {
        slot s{slot_kind::discard, nullptr, nullptr, nullptr, nullptr};
        if(frames_.empty())
        {
            s.kind = slot_kind::root;
            s.type = &root_;
            s.owner = target_;
            return s;
        }
        frame& f = frames_.back();
        switch(f.kind)
        {
        case frame_kind::model:
            s.kind = f.pending;
            if(f.pending == slot_kind::member)
            {
                s.member = &f.model->members[f.pending_member];
                s.type = s.member->type;
                s.owner = f.target;
            }
            break;
        case frame_kind::array:
            ++f.count;
            s.kind = slot_kind::element;
            s.type = f.element;
            s.member = f.member;
            s.owner = f.target;
            s.array = f.array;
            break;
        case frame_kind::skip_array:
            ++f.count;
            break;
        case frame_kind::skip_object:
            break;
        }
        return s;
    }

    // Makes the slot's storage exist and returns it (decode only).
    void*
    materialize(slot const& s)
    {
        if constexpr(Build)
        {
            switch(s.kind)
            {
            case slot_kind::root: return s.owner;
            case slot_kind::member: return s.owner ? s.member->emplace(s.owner) : nullptr;
            case slot_kind::element: return s.owner ? s.array->append(s.owner) : nullptr;
            default: return nullptr;
            }
        }
        else
        {
            (void)s;
            return nullptr;
        }
    }

    // Undoes materialize() for a value that failed a check (decode only).
    void
    drop(slot const& s) noexcept
    {
        if constexpr(Build)
        {
            if(!s.owner)
                return;
            if(s.kind == slot_kind::member)
                s.member->reset(s.owner);
            else if(s.kind == slot_kind::element)
                s.array->pop(s.owner);
        }
        else
            (void)s;
    }

    bool
    check_rules() const noexcept
    {
        return operation_ != operation::read;
    }

    //--------------------------------------------------------------------------
    // Keys

    // Every key but a whole one naming a writable member seen once: keys
    // in parts, duplicates, read-only members, @odata.type, unknown keys.
    BOOST_NOINLINE void
    on_other_key(std::string_view part, std::size_t tok)
    {
        std::string_view key = part;
        bool const whole = scratch_.empty();
        if(!whole)
        {
            scratch_.append(part.data(), part.size());
            key = std::string_view(scratch_.data(), scratch_.size());
        }
        handle_key(key, whole, tok);
        scratch_.clear();
    }

    void
    handle_key(std::string_view key, bool whole, std::size_t tok)
    {
        frame& f = frames_.back();
        f.pending = slot_kind::discard;
        if(f.kind == frame_kind::model)
        {
            std::size_t const i = find_member(*f.model, key);
            if(i < f.model->member_count)
            {
                auto const& m = f.model->members[i];
                set_key(f, m.json_name);
                std::uint64_t const bit = std::uint64_t(1) << i;
                if(f.seen & bit)
                    duplicate(tok);
                else
                {
                    f.seen |= bit;
                    if(f.model->read_only[op_] & bit)
                        read_only(tok, m.json_name);
                    else
                    {
                        f.pending = slot_kind::member;
                        f.pending_member = static_cast<std::uint32_t>(i);
                    }
                }
                return;
            }
            if(i != npos)
            {
                set_key(f, odata_type_key);
                if(f.odata_type_seen)
                    duplicate(tok);
                else
                {
                    f.odata_type_seen = true;
                    f.pending = slot_kind::odata_type;
                }
                return;
            }
        }
        // A key no model declares: it needs to outlive this event, for
        // duplicate detection and for pointers into its value.
        if(!source_.persistent(key))
            key = arena_.copy(key);
        set_key(f, key);
        if(!keys_.insert(f.keys, key))
        {
            duplicate(tok);
            return;
        }
        if(f.kind != frame_kind::model)
            return;
        bool keep = f.model->open || key.find('@') != std::string_view::npos;
        if(!keep)
        {
            if(unknown_ == unknown_policy::reject)
            {
                add_issue(error::unknown_property, tok, pointer_mode::value, [&](std::string& m) {
                    m += "unknown property ";
                    append_quoted(m, key);
                    m += " (unknown properties are rejected)";
                });
                return;
            }
            keep = unknown_ == unknown_policy::preserve;
        }
        if(keep && Build && f.target)
        {
            f.pending = slot_kind::preserve;
            source_.key_seen(tok, key, whole);
        }
    }

    static void
    set_key(frame& f, std::string_view key) noexcept
    {
        f.key = key.data();
        f.key_size = key.size();
    }

    //--------------------------------------------------------------------------
    // Strings

    // A string whose value is decided here, when it comes whole: the value
    // of a slot that keeps it or ignores it, or text that passes its rules,
    // an enumerator, a matching @odata.type. Returns false, having done
    // nothing, for anything else; the general path then gives the issue.
    bool
    accept_whole_string(slot const& s, std::string_view text)
    {
        switch(s.kind)
        {
        case slot_kind::root:
        case slot_kind::member:
        case slot_kind::element:
            switch(s.type->kind)
            {
            case value_kind::string:
                if(check_rules() && s.member && s.member->text && !passes(*s.member, text))
                    return false;
                if constexpr(Build)
                {
                    // Built at its size: one allocation at most.
                    if(s.kind == slot_kind::member && s.owner)
                        s.member->emplace_text(s.owner, text);
                    else if(s.kind == slot_kind::element && s.owner)
                        s.array->append_text(s.owner, text);
                }
                return true;
            case value_kind::enumeration:
            {
                enum_table const& e = *s.type->enumeration;
                for(std::size_t i = 0; i < e.count; ++i)
                {
                    if(same_bytes(e.names[i], text))
                    {
                        if constexpr(Build)
                            if(void* p = materialize(s))
                                e.assign(p, i);
                        return true;
                    }
                }
                return false;
            }
            case value_kind::raw:
                store_raw_scalar(s, token_, text, scalar_view::whole_string);
                return true;
            default:
                return false;
            }
        case slot_kind::odata_type:
            return names_model(*frames_.back().model, text);
        case slot_kind::preserve:
            store_preserved_scalar(token_, text, scalar_view::whole_string);
            return true;
        case slot_kind::discard:
            return true;
        }
        return false;
    }

    BOOST_NOINLINE void
    begin_string(std::size_t tok, slot const& where)
    {
        string_state& st = string_;
        st.active = true;
        st.purpose = string_state::none;
        st.bad_char = st.prefix_failed = st.overflow = false;
        st.token = tok;
        st.target = nullptr;
        st.rules = nullptr;
        st.code_points = st.bytes = st.buffered = 0;
        st.where = where;
        slot const& s = st.where;
        switch(s.kind)
        {
        case slot_kind::root:
        case slot_kind::member:
        case slot_kind::element:
            switch(s.type->kind)
            {
            case value_kind::string:
                st.purpose = string_state::text;
                if(check_rules() && s.member && s.member->text)
                    st.rules = s.member->text;
                if constexpr(Build)
                    st.target = static_cast<std::string*>(materialize(s));
                break;
            case value_kind::enumeration:
                st.purpose = string_state::enumeration;
                break;
            case value_kind::raw:
                st.purpose = string_state::capture;
                break;
            default:
                type_mismatch(s, tok, "a string");
                break;
            }
            break;
        case slot_kind::odata_type:
            st.purpose = string_state::odata_type;
            break;
        case slot_kind::preserve:
            st.purpose = string_state::capture;
            break;
        case slot_kind::discard:
            break;
        }
    }

    void
    feed_string(std::string_view part)
    {
        string_state& st = string_;
        switch(st.purpose)
        {
        case string_state::none:
        case string_state::capture:
            return;
        case string_state::text:
            if constexpr(Build)
                if(st.target)
                    st.target->append(part.data(), part.size());
            if(!st.rules)
                return;
            st.code_points += count_code_points(part);
            if(st.rules->allowed.restricts() && !st.bad_char)
                for(char c : part)
                    if(!st.rules->allowed.contains(static_cast<unsigned char>(c)))
                    {
                        st.bad_char = true;
                        break;
                    }
            if(!st.rules->forbidden_prefix.empty() && !st.prefix_failed)
            {
                auto const& p = st.rules->forbidden_prefix;
                for(std::size_t i = 0; i < part.size() && st.bytes + i < p.size(); ++i)
                    if(part[i] != p[st.bytes + i])
                    {
                        st.prefix_failed = true;
                        break;
                    }
            }
            break;
        case string_state::enumeration:
        case string_state::odata_type:
            break;
        }
        st.bytes += part.size();
        buffer(part);
    }

    // Keeps the first bytes of the string: enough to compare it with
    // names and reserved words, and to quote it in a message.
    void
    buffer(std::string_view part) noexcept
    {
        string_state& st = string_;
        std::size_t const room = max_compared_size + 1 - st.buffered;
        std::size_t const n = part.size() < room ? part.size() : room;
        std::memcpy(st.buffer + st.buffered, part.data(), n);
        st.buffered += n;
        if(n < part.size())
            st.overflow = true;
    }

    std::string_view
    buffered() const noexcept
    {
        return {string_.buffer, string_.buffered};
    }

    void
    end_string(std::string_view last, bool whole)
    {
        string_state& st = string_;
        st.active = false;
        slot const& s = st.where;
        switch(st.purpose)
        {
        case string_state::none:
            return;
        case string_state::text:
            if(st.rules)
                check_string(s);
            return;
        case string_state::enumeration:
            check_enum(s);
            return;
        case string_state::odata_type:
            check_odata_type();
            return;
        case string_state::capture:
        {
            auto const kind = whole ? scalar_view::whole_string : scalar_view::other;
            if(s.kind == slot_kind::preserve)
                store_preserved_scalar(st.token, last, kind);
            else
                store_raw_scalar(s, st.token, last, kind);
            return;
        }
        }
    }

    void
    check_string(slot const& s)
    {
        string_state& st = string_;
        string_rules const& r = *st.rules;
        auto const value = buffered();
        bool const complete = !st.overflow && value.size() == st.bytes;
        auto fail = [&](auto&& describe) {
            add_issue(error::constraint_violation, st.token, pointer_mode::value, describe);
            drop(s);
        };
        if(st.code_points < r.min_length || st.code_points > r.max_length)
        {
            fail([&](std::string& m) {
                m += "must be ";
                if(r.max_length == static_cast<std::size_t>(-1))
                    m += "at least " + std::to_string(r.min_length);
                else if(r.min_length == r.max_length)
                    m += std::to_string(r.min_length);
                else
                    m += std::to_string(r.min_length) + " to " + std::to_string(r.max_length);
                m += " characters long (found ";
                m += std::to_string(st.code_points);
                m += ")";
            });
            return;
        }
        if(st.bad_char)
        {
            fail([&](std::string& m) {
                m += "must contain only the characters [";
                m += r.allowed.spec();
                m += "], found ";
                append_quoted(m, value, !complete);
            });
            return;
        }
        auto const& p = r.forbidden_prefix;
        if(!p.empty() && !st.prefix_failed && st.bytes >= p.size())
        {
            fail([&](std::string& m) {
                m += "must not begin with ";
                append_quoted(m, p);
            });
            return;
        }
        if(r.reserved_count != 0 && complete)
        {
            for(std::size_t i = 0; i < r.reserved_count; ++i)
            {
                if(r.reserved[i] == value)
                {
                    fail([&](std::string& m) {
                        append_quoted(m, value);
                        m += " is a reserved value";
                    });
                    return;
                }
            }
        }
    }

    void
    check_enum(slot const& s)
    {
        string_state& st = string_;
        enum_table const& e = *s.type->enumeration;
        auto const value = buffered();
        if(!st.overflow)
        {
            for(std::size_t i = 0; i < e.count; ++i)
            {
                if(e.names[i] == value)
                {
                    if constexpr(Build)
                        if(void* p = materialize(s))
                            e.assign(p, i);
                    return;
                }
            }
        }
        add_issue(error::invalid_enum, st.token, pointer_mode::value, [&](std::string& m) {
            append_quoted(m, value, st.overflow);
            m += " is not one of ";
            for(std::size_t i = 0; i < e.count; ++i)
            {
                if(i != 0)
                    m += ", ";
                m += e.names[i];
            }
        });
    }

    void
    check_odata_type()
    {
        string_state& st = string_;
        model_table const& m = *frames_.back().model;
        std::string_view value = buffered();
        if(!st.overflow && names_model(m, value))
            return;
        add_issue(error::odata_type_mismatch, st.token, pointer_mode::value, [&](std::string& msg) {
            append_quoted(msg, value, st.overflow);
            msg += " does not name ";
            msg += m.type_names[0];
            if(m.type_name_count > 1)
            {
                msg += " (nor ";
                for(std::size_t i = 1; i < m.type_name_count; ++i)
                {
                    if(i != 1)
                        msg += ", ";
                    msg += m.type_names[i];
                }
                msg += ")";
            }
        });
    }

    //--------------------------------------------------------------------------
    // Numbers

    void
    on_number(number const& n, std::string_view text)
    {
        std::size_t const tok = token_++;
        slot s = begin_value();
        switch(s.kind)
        {
        case slot_kind::root:
        case slot_kind::member:
        case slot_kind::element:
            switch(s.type->kind)
            {
            case value_kind::integer:
                store_integer(s, n, text, tok);
                break;
            case value_kind::number:
                if constexpr(Build)
                    if(void* p = materialize(s))
                        s.type->assign_number(p, n.d);
                break;
            case value_kind::raw:
                store_raw_scalar(s, tok, text, scalar_view::number);
                break;
            default:
                type_mismatch(s, tok, "a number");
                break;
            }
            break;
        case slot_kind::odata_type:
            odata_type_not_string(tok, "a number");
            break;
        case slot_kind::preserve:
            store_preserved_scalar(tok, text, scalar_view::number);
            break;
        case slot_kind::discard:
            break;
        }
    }

    void
    store_integer(slot const& s, number const& n, std::string_view text, std::size_t tok)
    {
        type_node const& t = *s.type;
        std::int64_t v = n.i;
        integer_text kind = integer_text::integer;
        if(n.kind == number::unsigned_integer)
            kind = integer_text::out_of_range;
        else if(n.kind == number::floating)
        {
            // 1.0 and 1e3 are integers to JSON Schema; accept them alike,
            // read from the text, which a double may not hold exactly.
            if(!text.empty())
                kind = integer_from_text(text, v);
            else if(double const d = n.d; d < -9223372036854775808.0 || d >= 9223372036854775808.0)
                kind = integer_text::out_of_range;
            else if(!(d == std::floor(d))) // NaN too
                kind = integer_text::fraction;
            else
                v = static_cast<std::int64_t>(d); // a DOM's double is exact
        }
        if(kind == integer_text::fraction)
        {
            add_issue(error::type_mismatch, tok, pointer_mode::value, [&](std::string& m) {
                m += "expected an integer, found a number with a fraction";
            });
            return;
        }
        if(kind == integer_text::out_of_range || v < t.min_value || v > t.max_value)
        {
            add_issue(error::type_mismatch, tok, pointer_mode::value, [&](std::string& m) {
                m += "expected an integer from " + std::to_string(t.min_value) +
                    " to " + std::to_string(t.max_value) + ", found one out of range";
            });
            return;
        }
        if(check_rules() && s.member && s.member->range &&
            (v < s.member->range->min || v > s.member->range->max))
        {
            integer_rules const& r = *s.member->range;
            add_issue(error::constraint_violation, tok, pointer_mode::value, [&](std::string& m) {
                m += "must be from " + std::to_string(r.min) + " to " +
                    std::to_string(r.max) + " (found " + std::to_string(v) + ")";
            });
            return;
        }
        if constexpr(Build)
            if(void* p = materialize(s))
                t.assign_integer(p, v);
    }

    //--------------------------------------------------------------------------
    // Values kept verbatim

    void
    store_preserved_scalar(std::size_t tok, std::string_view view, scalar_view kind)
    {
        if constexpr(Build)
        {
            frame& owner = frames_.back();
            auto const text = source_.scalar(tok, view, kind);
            preserved_access::append(owner.model->preserved(owner.target),
                {owner.key, owner.key_size}, text);
        }
        else
            (void)tok, (void)view, (void)kind;
    }

    void
    store_raw_scalar(slot const& s, std::size_t tok, std::string_view view, scalar_view kind)
    {
        if constexpr(Build)
        {
            if(void* p = materialize(s))
                preserved_access::assign(*static_cast<raw_json*>(p), source_.scalar(tok, view, kind));
        }
        else
            (void)s, (void)tok, (void)view, (void)kind;
    }

    void
    start_preserve_capture(frame& f, std::size_t tok)
    {
        if constexpr(Build)
        {
            f.capture = capture_kind::preserved;
            f.capture_start = source_.begin_capture(tok);
        }
        else
            (void)f, (void)tok;
    }

    void
    start_raw_capture(frame& f, slot const& s, std::size_t tok)
    {
        if constexpr(Build)
        {
            if(void* p = materialize(s))
            {
                f.capture = capture_kind::raw;
                f.target = p;
                f.capture_start = source_.begin_capture(tok);
            }
        }
        else
            (void)f, (void)s, (void)tok;
    }

    void
    finish_capture(frame& f, std::size_t tok)
    {
        if constexpr(Build)
        {
            auto const text = source_.end_capture(f.capture_start, tok);
            if(f.capture == capture_kind::raw)
                preserved_access::assign(*static_cast<raw_json*>(f.target), text);
            else
            {
                frame& owner = frames_[frames_.size() - 2];
                preserved_access::append(owner.model->preserved(owner.target),
                    {owner.key, owner.key_size}, text);
            }
        }
        else
            (void)f, (void)tok;
    }

    //--------------------------------------------------------------------------
    // Issues

    template<class Describe>
    void
    add_issue(error code, std::size_t tok, pointer_mode mode, Describe const& describe,
        std::string_view missing_member = {})
    {
        if(!keeping_ || !report_.accepts_more())
        {
            report_.count_dropped();
            return;
        }
        issue i;
        i.code = code;
        i.pointer = pointer(mode);
        if(mode == pointer_mode::missing)
            append_pointer_token(i.pointer, missing_member);
        // Pointers repeat the keys above them: their bytes are bounded
        // too, or a long key over many issues would make the report
        // max_issues times the document. Past the budget the report keeps
        // no more, so that it stays the first part of the full one; the
        // first issue is always kept, so that an invalid document's
        // report is never empty.
        if(i.pointer.size() > pointer_budget_ && report_.size() != 0)
        {
            keeping_ = false;
            report_.count_dropped();
            return;
        }
        pointer_budget_ -= (std::min)(i.pointer.size(), pointer_budget_);
        describe(i.message);
        report_.add(std::move(i));
        issue_tokens_.push_back(tok);
    }

    std::string
    pointer(pointer_mode mode) const
    {
        std::string p;
        // Each frame contributes the key or index of the child being read;
        // for a missing member, the top frame is the object itself.
        std::size_t const n = frames_.size() - (mode == pointer_mode::missing ? 1 : 0);
        for(std::size_t i = 0; i < n; ++i)
        {
            frame const& f = frames_[i];
            if(f.kind == frame_kind::array || f.kind == frame_kind::skip_array)
            {
                p.push_back('/');
                p += std::to_string(f.count - 1);
            }
            else
                append_pointer_token(p, {f.key, f.key_size});
        }
        return p;
    }

    static char const*
    expected(type_node const& t) noexcept
    {
        switch(t.kind)
        {
        case value_kind::string: return "a string";
        case value_kind::boolean: return "a boolean";
        case value_kind::integer: return "an integer";
        case value_kind::number: return "a number";
        case value_kind::enumeration: return "a string (an enum member)";
        case value_kind::array: return "an array";
        case value_kind::model: return "an object";
        default: return "a value";
        }
    }

    void
    type_mismatch(slot const& s, std::size_t tok, char const* found)
    {
        add_issue(error::type_mismatch, tok, pointer_mode::value, [&](std::string& m) {
            m += "expected ";
            m += expected(*s.type);
            if(s.type->kind == value_kind::model)
            {
                m += " (";
                m += s.type->model().type_names[0];
                m += ")";
            }
            m += ", found ";
            m += found;
        });
    }

    void
    odata_type_not_string(std::size_t tok, char const* found)
    {
        add_issue(error::type_mismatch, tok, pointer_mode::value, [&](std::string& m) {
            m += "@odata.type must be a string, found ";
            m += found;
        });
    }

    void
    duplicate(std::size_t tok)
    {
        frame const& f = frames_.back();
        add_issue(error::duplicate_property, tok, pointer_mode::value, [&](std::string& m) {
            m += "duplicate property ";
            append_quoted(m, {f.key, f.key_size});
            m += "; the first occurrence is the one used";
        });
    }

    void
    read_only(std::size_t tok, std::string_view name)
    {
        add_issue(error::read_only_property, tok, pointer_mode::value, [&](std::string& m) {
            m += "'";
            m += name;
            m += "' is read-only and must not be sent in ";
            m += operation_ == operation::update ? "an update"
                : operation_ == operation::create ? "a create" : "a read";
            m += " body";
        });
    }

    void
    report_missing(frame const& f)
    {
        std::uint64_t missing = f.model->required[op_] & ~f.seen;
        for(std::size_t i = 0; missing != 0; ++i, missing >>= 1)
        {
            if(!(missing & 1))
                continue;
            auto const& name = f.model->members[i].json_name;
            add_issue(error::missing_required, f.open_token, pointer_mode::missing,
                [&](std::string& m) {
                    m += "required property '";
                    m += name;
                    m += "' is missing";
                },
                name);
        }
    }

    //--------------------------------------------------------------------------

    type_node const& root_;
    void* target_;
    std::size_t op_;
    operation operation_;
    unknown_policy unknown_;
    Source& source_;
    report& report_;
    std::size_t pointer_budget_; // bytes of pointers the report may still keep
    bool keeping_ = true;        // false once an issue went past the budget
    std::size_t token_ = 0;
    inline_vector<frame, 24> frames_;
    key_store keys_;
    stack_arena arena_;
    inline_vector<char, 128> scratch_;
    string_state string_;
    std::vector<std::size_t> issue_tokens_;
};

} // detail
} // graphschema

#endif
