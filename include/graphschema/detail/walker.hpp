//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_DETAIL_WALKER_HPP
#define GRAPHSCHEMA_DETAIL_WALKER_HPP

#include <graphschema/dynamic.hpp>
#include <graphschema/options.hpp>
#include <graphschema/report.hpp>
#include <graphschema/detail/inline_vector.hpp>
#include <graphschema/detail/key_store.hpp>
#include <graphschema/detail/messages.hpp>
#include <graphschema/detail/rules.hpp>
#include <graphschema/detail/tables.hpp>
#include <graphschema/detail/text.hpp>
#include <graphschema/detail/text_source.hpp>

#include <boost/config.hpp>
#include <boost/core/bit.hpp>
#include <boost/json/error.hpp>
#include <boost/json/string_view.hpp>

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

/*  The walker: the one handler of parser events, for every model, every
    operation and both reporters.

    It keeps a stack of frames saying where it is: which model or array,
    what the next value must be (a type node: a member's type, an array's
    element, or what the engine expects itself: @odata.type's value, a
    member kept verbatim, a value only read through) and whose rules apply
    to it. Each event looks at the kind of that node once and hands the
    value to the small function for that kind. Every decision is a
    function of rules.hpp; every issue goes, out of line, to the Reporter,
    with functions that make its position, pointer and message, which
    only a full reporter calls.

    Template parameters, all known at compile time:
    - Source: text_source (fed by basic_parser) or dom_source (a walk over
      a boost::json::value): which views outlive an event, where a token
      is, the text of a kept value.
    - Reporter: fail_fast or full (reporters.hpp). With fail_fast nothing
      is tracked for positions or pointers, and the first issue stops the
      walk.
    - Build: true to build the value (decode), false to validate only;
      with false, every write to the value compiles away.
*/

namespace graphschema {
namespace detail {

template<class Source, class Reporter, bool Build>
class walker
{
public:
    static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);

    using error_code = boost::json::error_code;
    using json_string_view = boost::json::string_view;

    walker(type_node const& root, void* target, decode_options const& opt, Source& source,
        Reporter& reporter, dynamic_schema const* dynamic = nullptr) noexcept
        : dynamic_(Build ? nullptr : dynamic)
        , op_(opt.operation)
        , version_(opt.version)
        , unknown_(opt.unknown)
        , constraints_(checks_constraints(opt.operation))
        , source_(source)
        , reporter_(reporter)
        , keys_(reinterpret_cast<std::uintptr_t>(this) ^
                (reinterpret_cast<std::uintptr_t>(&source) << 17))
    {
        // The bottom frame stands for the document: its one value is the root.
        frame& d = frames_.emplace_back();
        d.kind = frame_kind::document;
        d.capture = capture_kind::none;
        d.next = &root;
        d.member = nullptr;
        d.target = target;
        d.index = 0;
    }

    // True when the walk stopped at an issue (fail_fast).
    bool stopped() const noexcept { return stopped_; }

    bool on_document_begin(error_code&) { return true; }
    bool on_document_end(error_code&) { return true; }
    bool on_comment_part(json_string_view, error_code&) { return true; }
    bool on_comment(json_string_view, error_code&) { return true; }
    bool on_number_part(json_string_view, error_code&) { return true; }

    bool
    on_object_begin(error_code& ec)
    {
        std::size_t const tok = next_token();
        frame& f = value_begins();
        type_node const& t = *f.next;
        switch(t.kind)
        {
        case value_kind::model:
        {
            model_table const& m = t.model();
            if(BOOST_UNLIKELY(dynamic_ != nullptr) && m.dynamic)
            {
                open_dynamic(m, tok);
                return true;
            }
            void* target = Build ? materialize(f) : nullptr;
            open_model(m, tok, target);
            return true;
        }
        case value_kind::one_of:
            open_one_of(f, t, tok);
            return true;
        case value_kind::raw:
        case value_kind::kept:
            open_capture(f, t, frame_kind::object, tok);
            return true;
        case value_kind::skipped:
            open_object(frame_kind::object, tok);
            return true;
        default:
            if(!mismatch(t, tok, "an object"))
                return stop(ec);
            open_object(frame_kind::object, tok);
            return true;
        }
    }

    bool
    on_object_end(std::size_t, error_code& ec)
    {
        std::size_t const tok = next_token();
        frame& f = frames_.back();
        if(f.kind == frame_kind::model)
        {
            if((missing_members(*f.model, f.seen, op_, version_) != 0 ||
                (f.type_required && !f.odata_type_seen)) && !report_missing(f))
                return stop(ec);
            if(BOOST_UNLIKELY(f.model->pairing_count != 0) && constraints_ && !check_pairings(f))
                return stop(ec);
        }
        else if(f.kind == frame_kind::dynamic)
        {
            if(!end_dynamic(f))
                return stop(ec);
        }
        else if(Build && f.capture != capture_kind::none)
            finish_capture(f, tok);
        keys_.close(f.keys);
        arena_.release(f.arena);
        frames_.pop_back();
        return true;
    }

    bool
    on_array_begin(error_code& ec)
    {
        std::size_t const tok = next_token();
        frame& f = value_begins();
        type_node const& t = *f.next;
        switch(t.kind)
        {
        case value_kind::array:
        {
            void* target = Build ? materialize(f) : nullptr;
            member_entry const* member = f.member; // its rules apply to each element
            bool const counted = f.kind == frame_kind::model; // the member's own array
            frame& a = open_array(frame_kind::array, tok);
            a.array = &t;
            a.next = &t.element();
            a.member = member;
            a.counted = counted ? member : nullptr;
            a.target = target;
            if(BOOST_UNLIKELY(counted && member->unique != nullptr) && constraints_)
                unique_scopes_.push_back({frames_.size() - 1, {}});
            return true;
        }
        case value_kind::flags:
        {
            // Flags as an array of names; not an array in one.
            if(in_flags_array(f, t))
            {
                if(!mismatch(t, tok, "an array"))
                    return stop(ec);
                open_array(frame_kind::list, tok);
                return true;
            }
            void* target = Build ? materialize(f) : nullptr;
            if constexpr(Build)
                t.set_flags_form(target, 2); // flags<E>::form::array
            member_entry const* member = f.member;
            frame& a = open_array(frame_kind::array, tok);
            a.array = &t;
            a.next = &t;
            a.member = member;
            a.target = target;
            return true;
        }
        case value_kind::raw:
        case value_kind::kept:
            open_capture(f, t, frame_kind::list, tok);
            return true;
        case value_kind::skipped:
            open_array(frame_kind::list, tok);
            return true;
        default:
            if(!mismatch(t, tok, "an array"))
                return stop(ec);
            open_array(frame_kind::list, tok);
            return true;
        }
    }

    bool
    on_array_end(std::size_t, error_code& ec)
    {
        std::size_t const tok = next_token();
        frame& f = frames_.back();
        if(f.kind == frame_kind::array && f.counted && !items_within(f.counted, f.index, op_) &&
            !too_many_or_few(f))
            return stop(ec);
        if(BOOST_UNLIKELY(!unique_scopes_.empty()) && unique_scopes_.back().frame == frames_.size() - 1)
            unique_scopes_.pop_back();
        if(Build && f.capture != capture_kind::none)
            finish_capture(f, tok);
        frames_.pop_back();
        return true;
    }

    bool
    on_key_part(json_string_view s, std::size_t, error_code&)
    {
        key_parts_.append(s.data(), s.size());
        return true;
    }

    bool
    on_key(json_string_view s, std::size_t, error_code& ec)
    {
        std::size_t const tok = next_token();
        std::string_view const key(s.data(), s.size());
        frame& f = frames_.back();
        if(BOOST_LIKELY(key_parts_.empty()))
        {
            passed(tok, key, 1);
            if(f.kind == frame_kind::dynamic)
                return dynamic_key(f, key, tok) || stop(ec);
            if(f.kind == frame_kind::model)
            {
                // The common case inline: a member seen once, or
                // @odata.type, whose value follows.
                model_table const& m = *f.model;
                std::size_t const i = find_member(m, key);
                if(i != npos && classify_declared(m, i, f.seen, f.odata_type_seen, op_, version_) == declared_key::value)
                {
                    expect_member(f, i);
                    return true;
                }
            }
        }
        return other_key(f, key, tok) || stop(ec);
    }

    bool
    on_string_part(json_string_view s, std::size_t, error_code&)
    {
        string_parts(s);
        return true;
    }

    bool
    on_string(json_string_view s, std::size_t, error_code& ec)
    {
        std::size_t const tok = next_token();
        std::string_view text(s.data(), s.size());
        frame& f = value_begins();
        type_node const& t = *f.next;
        scalar_view view = scalar_view::whole_string;
        if(BOOST_UNLIKELY(string_in_parts_))
        {
            text = last_part(text);
            view = scalar_view::other;
        }
        else
            passed(tok, text, 1);
        switch(t.kind)
        {
        case value_kind::string:
            return text_value(f, text, tok) || stop(ec);
        case value_kind::enumeration:
            return enum_value(f, t, text, tok) || stop(ec);
        case value_kind::flags:
            return flags_value(f, t, text, tok) || stop(ec);
        case value_kind::odata_type:
            return names_model(*f.model, text) || type_name_mismatch(f, text, tok) || stop(ec);
        case value_kind::annotation:
            return annotation_value(f, text, tok) || stop(ec);
        case value_kind::raw:
        case value_kind::kept:
            keep_scalar(f, t, tok, text, view);
            return true;
        case value_kind::skipped:
            return true;
        default:
            return mismatch(t, tok, "a string") || stop(ec);
        }
    }

    bool
    on_int64(std::int64_t v, json_string_view s, error_code& ec)
    {
        return on_number({number::signed_integer, v, static_cast<double>(v), {s.data(), s.size()}}) || stop(ec);
    }

    bool
    on_uint64(std::uint64_t v, json_string_view s, error_code& ec)
    {
        return on_number({number::unsigned_integer, 0, static_cast<double>(v), {s.data(), s.size()}}) || stop(ec);
    }

    bool
    on_double(double v, json_string_view s, error_code& ec)
    {
        std::string_view const text(s.data(), s.size());
        // Only a value built needs the double exactly (the parser's may be
        // off by an ulp); checks read integers from the text.
        return on_number({number::floating, 0, Build ? exact_double(v, text) : v, text}) || stop(ec);
    }

    bool
    on_bool(bool v, error_code& ec)
    {
        std::size_t const tok = next_token();
        frame& f = value_begins();
        type_node const& t = *f.next;
        switch(t.kind)
        {
        case value_kind::boolean:
            if constexpr(Build)
                *static_cast<bool*>(materialize(f)) = v;
            if(v && f.kind == frame_kind::model && BOOST_UNLIKELY(f.model->pairing_count != 0))
                note_truth(f, tok);
            return true;
        case value_kind::raw:
        case value_kind::kept:
            keep_scalar(f, t, tok, {}, scalar_view::other);
            return true;
        case value_kind::skipped:
            return true;
        default:
            return mismatch(t, tok, "a boolean") || stop(ec);
        }
    }

    bool
    on_null(error_code& ec)
    {
        std::size_t const tok = next_token();
        frame& f = value_begins();
        type_node const& t = *f.next;
        switch(t.kind)
        {
        case value_kind::kept:
            keep_scalar(f, t, tok, {}, scalar_view::other);
            return true;
        case value_kind::skipped:
            return true;
        case value_kind::odata_type:
        case value_kind::annotation:
            return mismatch(t, tok, "null") || stop(ec);
        default:
            return null_value(f, t, tok) || stop(ec);
        }
    }

private:
    //--------------------------------------------------------------------------
    // State

    // What is tracked for a full reporter: pointers (keys and indices), and
    // from text, positions (tokens counted, the last view).
    static constexpr bool pointers = !Reporter::stops;
    static constexpr bool positions = pointers && Source::has_positions;
    // Tokens and views are tracked whatever the reporter: kept values need
    // them to find their text, and an object of a type with derived types
    // to find the @odata.type ahead.
    static constexpr bool tracks = true;

    enum class frame_kind : unsigned char
    {
        document, // below the root
        model,    // an object of a model
        array,    // a typed array
        object,   // an object no model describes
        list,     // an array no model describes
        dynamic   // an object of a dynamic_members model, as a dynamic_schema describes it
    };

    enum class capture_kind : unsigned char
    {
        none,
        preserved, // into the parent model's preserved_members
        raw,       // into a raw_json
        unknown    // into a one_of, an object of a type not known
    };

    // Where a value was: its token, and the last view before it.
    struct spot
    {
        std::size_t token;
        anchor before;
    };

    // What every frame has, and what only some use: objects their keys,
    // models their members, captures their start, and with positions the
    // view before their first token.
    struct frame
    {
        type_node const* next;           // what the next value must be
        member_entry const* member;      // whose rules apply to it (null: none)
        void* target;                    // what is built: object, vector, raw_json
        std::size_t index;               // the values begun
        frame_kind kind;
        capture_kind capture;
        bool odata_type_seen;            // model
        bool type_required;              // model: an abstract base's @odata.type
        member_entry const* counted;     // array: the member whose items() it keeps
        std::uint64_t seen;              // model: the members seen, a bit each
        model_table const* model;        // model
        type_node const* array;          // array: its node
        char const* key;                 // objects: the current key
        std::size_t key_size;
        key_store::scope keys;           // objects
        stack_arena::mark arena;         // objects
        std::size_t open_token;          // tracks
        anchor opened;                   // tracks: the last view before it
        typename Source::mark capture_start;
        // Rules across members (a model with pairings): the boolean
        // members that were true, the enumerator of the enum member the
        // rules read, and with positions where each true value was.
        std::uint64_t truths;
        std::size_t enumerator;
        spot* spots;
        // dynamic: a bit per schema member seen, then one per annotation.
        std::uint64_t* dynamic_seen;
    };

    // The strings seen under a uniqueness rule, for the array at `frame`.
    struct unique_scope
    {
        std::size_t frame;
        std::set<std::string> seen;
    };

    std::size_t
    next_token() noexcept
    {
        if constexpr(tracks)
            return token_++;
        else
            return 0;
    }

    // The view `v` of token `tok` (a key or string: `quoted` is 1; a
    // number: 0) is where positions can be found from.
    void
    passed(std::size_t tok, std::string_view v, std::size_t quoted) noexcept
    {
        if constexpr(tracks)
            last_ = {tok, v.data() - quoted, v.data() + v.size() + quoted};
        else
            (void)tok, (void)v, (void)quoted;
    }

    frame&
    open(frame_kind k, std::size_t tok)
    {
        frame& f = frames_.emplace_back();
        f.kind = k;
        f.capture = capture_kind::none;
        f.next = &skipped_node;
        f.index = 0;
        f.counted = nullptr;
        if constexpr(tracks)
        {
            f.open_token = tok;
            f.opened = last_;
        }
        else
            (void)tok;
        return f;
    }

    frame&
    open_object(frame_kind k, std::size_t tok)
    {
        frame& f = open(k, tok);
        f.seen = 0;
        f.odata_type_seen = false;
        f.type_required = false;
        f.keys = keys_.open(frames_.size());
        f.arena = arena_.get_mark();
        return f;
    }

    frame&
    open_array(frame_kind k, std::size_t tok)
    {
        return open(k, tok);
    }

    frame&
    open_model(model_table const& m, std::size_t tok, void* target)
    {
        frame& o = open_object(frame_kind::model, tok);
        o.model = &m;
        o.target = target;
        if(BOOST_UNLIKELY(m.pairing_count != 0))
        {
            o.truths = 0;
            o.enumerator = npos;
            o.spots = nullptr;
            if constexpr(positions)
                o.spots = arena_.template allocate_array<spot>(m.member_count);
        }
        return o;
    }

    // An object of a dynamic_members model, checked against the
    // dynamic_schema (validation only).
    BOOST_NOINLINE void
    open_dynamic(model_table const& m, std::size_t tok)
    {
        frame& o = open_object(frame_kind::dynamic, tok);
        o.model = &m;
        o.target = nullptr;
        std::size_t const words = (dynamic_->size() + 63) / 64;
        o.dynamic_seen = arena_.template allocate_array<std::uint64_t>(2 * words);
    }

    // The frame whose next value begins; it counts its values (an
    // array's index is its count less one).
    frame&
    value_begins() noexcept
    {
        frame& f = frames_.back();
        ++f.index;
        return f;
    }

    // Makes the storage of the next value of `f` exist (Build).
    void*
    materialize(frame const& f)
    {
        switch(f.kind)
        {
        case frame_kind::document: return f.target;
        case frame_kind::model: return f.member->emplace(f.target);
        case frame_kind::array: return f.array->append(f.target);
        default: return nullptr;
        }
    }

    void
    expect_member(frame& f, std::size_t i) noexcept
    {
        model_table const& m = *f.model;
        if(i == m.member_count)
        {
            f.odata_type_seen = true;
            set_key(f, odata_type_key);
            f.next = &odata_type_node;
            f.member = nullptr;
            return;
        }
        member_entry const& e = m.members[i];
        f.seen |= std::uint64_t(1) << i;
        set_key(f, e.json_name);
        f.next = e.type;
        f.member = &e;
    }

    static void
    set_key(frame& f, std::string_view key) noexcept
    {
        if constexpr(pointers || Build)
        {
            f.key = key.data();
            f.key_size = key.size();
        }
        else
            (void)f, (void)key;
    }

    bool
    stop(error_code& ec) noexcept
    {
        stopped_ = true;
        ec = boost::json::error::syntax; // any error: it only stops the parser
        return false;
    }

    //--------------------------------------------------------------------------
    // Keys

    // Every key but a member's or @odata.type's first, whole: keys in
    // parts, duplicates, read-only members, keys no model declares.
    BOOST_NOINLINE bool
    other_key(frame& f, std::string_view key, std::size_t tok)
    {
        bool const whole = key_parts_.empty();
        if(!whole)
        {
            key_parts_.append(key.data(), key.size());
            key = std::string_view(key_parts_.data(), key_parts_.size());
        }
        bool const ok = classify_key(f, key, tok);
        key_parts_.clear();
        return ok;
    }

    bool
    classify_key(frame& f, std::string_view key, std::size_t tok)
    {
        f.next = &skipped_node;
        f.member = nullptr;
        if(f.kind == frame_kind::dynamic)
            return dynamic_key(f, key, tok);
        if(f.kind == frame_kind::model)
        {
            model_table const& m = *f.model;
            std::size_t const i = find_member(m, key);
            if(i != npos)
            {
                switch(classify_declared(m, i, f.seen, f.odata_type_seen, op_, version_))
                {
                case declared_key::value:
                    expect_member(f, i);
                    return true;
                case declared_key::undeclared:
                    break; // a member of another version
                case declared_key::duplicate:
                    set_key(f, i == m.member_count ? odata_type_key : m.members[i].json_name);
                    return duplicate(f, tok);
                case declared_key::read_only:
                    f.seen |= std::uint64_t(1) << i;
                    set_key(f, m.members[i].json_name);
                    return issue(error::read_only_property, tok, [&](std::string& msg) {
                        messages::read_only_property(msg, m.members[i].json_name, op_);
                    });
                }
                if(i != m.member_count)
                    key = m.members[i].json_name; // outlives the event
            }
        }
        // A key no model declares: it must outlive this event, for
        // duplicate detection and for the pointers into its value.
        if(!source_.persistent(key))
            key = arena_.copy(key);
        f.key = key.data();
        f.key_size = key.size();
        if(!keys_.insert(f.keys, key))
            return duplicate(f, tok);
        if(f.kind != frame_kind::model)
            return true;
        switch(classify_undeclared(*f.model, key, unknown_))
        {
        case undeclared_key::keep:
            if constexpr(Build)
                f.next = &kept_node;
            return true;
        case undeclared_key::drop:
            return true;
        case undeclared_key::reject:
            return issue(error::unknown_property, tok, [&](std::string& msg) {
                messages::unknown_property(msg, key);
            });
        }
        return true;
    }

    //--------------------------------------------------------------------------
    // Strings in parts: only a string whose text is decided keeps them.

    BOOST_NOINLINE void
    string_parts(json_string_view s)
    {
        string_in_parts_ = true;
        switch(frames_.back().next->kind)
        {
        case value_kind::string:
        case value_kind::enumeration:
        case value_kind::flags:
        case value_kind::odata_type:
        case value_kind::annotation:
            string_parts_.append(s.data(), s.size());
            break;
        default:
            break;
        }
    }

    // The whole string, of which `last` is the last part.
    BOOST_NOINLINE std::string_view
    last_part(std::string_view last)
    {
        string_in_parts_ = false;
        if(string_parts_.empty())
            return last;
        string_parts_.append(last.data(), last.size());
        std::string_view const text(string_parts_.data(), string_parts_.size());
        string_parts_.clear(); // the bytes stay readable until the next string
        return text;
    }

    //--------------------------------------------------------------------------
    // Values, by kind

    // A string member's or element's value.
    bool
    text_value(frame& f, std::string_view text, std::size_t tok)
    {
        member_entry const* m = f.member;
        if(constraints_ && m && m->text)
        {
            string_check const c = check_string(*m, text);
            if(c.verdict != string_check::ok)
                return constraint(f, c, text, tok);
        }
        if(BOOST_UNLIKELY(!unique_scopes_.empty()) && !check_unique(f, text, tok))
            return false;
        if constexpr(Build)
        {
            // Built at its size: one allocation at most.
            if(f.kind == frame_kind::model)
                m->emplace_text(f.target, text);
            else
                f.array->append_text(f.target, text);
        }
        return true;
    }

    bool
    enum_value(frame& f, type_node const& t, std::string_view text, std::size_t tok)
    {
        enum_check const c = check_enum(t, text, op_);
        if(c.verdict == enum_check::invalid)
            return not_an_enumerator(*t.enumeration, text, tok);
        if(f.kind == frame_kind::model && BOOST_UNLIKELY(f.model->pairing_count != 0) &&
            c.verdict == enum_check::member &&
            static_cast<std::size_t>(f.member - f.model->members) == f.model->pairing_enum)
            f.enumerator = c.index;
        if constexpr(Build)
        {
            if(c.verdict == enum_check::member)
                t.assign_enumerator(materialize(f), c.index);
            else
                t.assign_unknown(materialize(f), text);
        }
        return true;
    }

    // True when `f` is a flags value written as an array of names, whose
    // values are its names.
    static bool
    in_flags_array(frame const& f, type_node const& t) noexcept
    {
        return f.kind == frame_kind::array && f.array == &t;
    }

    // A flags value: a string of names, or one name of an array of them.
    bool
    flags_value(frame& f, type_node const& t, std::string_view text, std::size_t tok)
    {
        bool const element = in_flags_array(f, t);
        void* target = nullptr;
        if constexpr(Build)
        {
            target = element ? f.target : materialize(f);
            if(!element)
                t.set_flags_form(target, flags_form(text));
        }
        bool ok = true;
        auto name = [&](std::string_view n) {
            enum_check const c = check_enum(t, n, op_);
            if(c.verdict == enum_check::invalid)
            {
                if(ok)
                    ok = not_an_enumerator(*t.enumeration, n, tok);
                return;
            }
            if constexpr(Build)
                t.add_flag(target, c.index, n);
        };
        if(element)
            name(text);
        else
            for_each_flag(text, name);
        (void)target;
        return ok;
    }

    bool
    on_number(number const& n)
    {
        std::size_t const tok = next_token();
        frame& f = value_begins();
        type_node const& t = *f.next;
        passed(tok, n.text, 0);
        switch(t.kind)
        {
        case value_kind::integer:
            return integer_value(f, t, n, tok);
        case value_kind::number:
            if constexpr(Build)
                t.assign_number(materialize(f), n.d);
            return true;
        case value_kind::raw:
        case value_kind::kept:
            keep_scalar(f, t, tok, n.text, scalar_view::number);
            return true;
        case value_kind::skipped:
            return true;
        default:
            return mismatch(t, tok, "a number");
        }
    }

    bool
    integer_value(frame& f, type_node const& t, number const& n, std::size_t tok)
    {
        integer_check const c = check_integer(n, t, f.member, op_);
        if(c.verdict != integer_check::ok)
            return bad_integer(f, t, c, tok);
        if constexpr(Build)
            t.assign_integer(materialize(f), c.value);
        return true;
    }

    // `null` where a value of type `t` goes.
    bool
    null_value(frame& f, type_node const& t, std::size_t tok)
    {
        switch(f.kind)
        {
        case frame_kind::model:
            switch(null_for(*f.member, op_, version_))
            {
            case null_member::null:
                if constexpr(Build)
                    f.member->set_null(f.target);
                return true;
            case null_member::json:
                keep_scalar(f, t, tok, {}, scalar_view::other);
                return true;
            case null_member::not_allowed:
                break;
            }
            return null_not_allowed(f.member, tok);
        case frame_kind::array:
            if(!null_allowed(t))
                return null_not_allowed(nullptr, tok);
            keep_scalar(f, t, tok, {}, scalar_view::other);
            return true;
        case frame_kind::dynamic:
            // A single value may be null; a collection never is.
            return t.kind != value_kind::array || null_not_allowed(f.member, tok);
        default:
            return mismatch(t, tok, "null");
        }
    }

    //--------------------------------------------------------------------------
    // Values kept verbatim (Build)

    void
    keep_scalar(frame& f, type_node const& t, std::size_t tok, std::string_view view, scalar_view kind)
    {
        if constexpr(Build)
        {
            auto const text = source_.scalar(tok, view, kind, last_);
            if(t.kind == value_kind::raw)
                preserved_access::assign(*static_cast<raw_json*>(materialize(f)), text);
            else
                preserved_access::append(f.model->preserved(f.target), {f.key, f.key_size}, text);
        }
        else
            (void)f, (void)t, (void)tok, (void)view, (void)kind;
    }

    void
    open_capture(frame& f, type_node const& t, frame_kind k, std::size_t tok)
    {
        if constexpr(Build)
        {
            void* target = t.kind == value_kind::raw ? materialize(f) : nullptr;
            frame& c = k == frame_kind::object ? open_object(k, tok) : open_array(k, tok);
            c.capture = t.kind == value_kind::raw ? capture_kind::raw : capture_kind::preserved;
            c.target = target;
            c.capture_start = source_.begin_capture(tok, last_);
        }
        else
        {
            (void)f, (void)t;
            if(k == frame_kind::object)
                open_object(k, tok);
            else
                open_array(k, tok);
        }
    }

    // An object of a model with derived types: the model its @odata.type
    // names, looked up ahead (the base when it names none). On read, a
    // name no model has keeps the object verbatim.
    void
    open_one_of(frame& f, type_node const& t, std::size_t tok)
    {
        one_of_table const& a = *t.alternatives;
        std::string_view name;
        std::size_t i = source_.object_type_name(tok, last_, name) ? select_alternative(a, name) : 0;
        void* holder = Build ? materialize(f) : nullptr;
        if(i == npos)
        {
            if(keeps_unknown_types(op_))
            {
                frame& c = open_object(frame_kind::object, tok);
                if constexpr(Build)
                {
                    c.capture = capture_kind::unknown;
                    c.array = &t;
                    c.target = holder;
                    c.capture_start = source_.begin_capture(tok, last_);
                }
                return;
            }
            // Checked as the base, whose names the @odata.type is not.
            i = 0;
        }
        void* target = Build ? a.emplace(holder, i) : nullptr;
        frame& m = open_model(a.models[i](), tok, target);
        m.type_required = type_name_required(*m.model, true);
    }

    void
    finish_capture(frame& f, std::size_t tok)
    {
        auto const text = source_.end_capture(f.capture_start, tok);
        if(f.capture == capture_kind::raw)
            preserved_access::assign(*static_cast<raw_json*>(f.target), text);
        else if(f.capture == capture_kind::unknown)
            f.array->alternatives->assign_unknown(f.target, text);
        else
        {
            frame& owner = frames_[frames_.size() - 2];
            preserved_access::append(owner.model->preserved(owner.target),
                {owner.key, owner.key_size}, text);
        }
    }

    //--------------------------------------------------------------------------
    // Rules across members and arrays

    BOOST_NOINLINE void
    note_truth(frame& f, std::size_t tok) noexcept
    {
        std::size_t const i = static_cast<std::size_t>(f.member - f.model->members);
        f.truths |= std::uint64_t(1) << i;
        if constexpr(positions)
            f.spots[i] = {tok, last_};
        else
            (void)tok;
    }

    // The rules across members of the model on top, as it ends.
    BOOST_NOINLINE bool
    check_pairings(frame const& f)
    {
        model_table const& m = *f.model;
        for(std::size_t k = 0; k < m.pairing_count; ++k)
        {
            pairing_entry const& p = m.pairings[k];
            pairing_check const c = check_pairing(p, f.truths, f.enumerator);
            if(c == pairing_check::ok)
                continue;
            if constexpr(Reporter::stops)
                return false;
            else
                reporter_.add(error::constraint_violation,
                    [&] {
                        if constexpr(positions)
                            return source_.offset_behind(f.spots[p.member].token, f.spots[p.member].before);
                        else
                            return std::size_t(0);
                    },
                    [&](std::string& ptr) {
                        write_pointer(ptr, frames_.size() - 1);
                        append_pointer_token(ptr, m.members[p.member].json_name);
                    },
                    [&](std::string& msg) { messages::pairing_violation(msg, c, m, p); });
        }
        return true;
    }

    // A string under a uniqueness rule: an element's member it names, or
    // a string of an array that member holds.
    BOOST_NOINLINE bool
    check_unique(frame const& f, std::string_view text, std::size_t tok)
    {
        unique_scope& u = unique_scopes_.back();
        std::size_t const n = frames_.size();
        std::string_view name;
        if(f.kind == frame_kind::model && n >= 2 && u.frame == n - 2)
            name = f.member->json_name;
        else if(f.kind == frame_kind::array && n >= 3 && u.frame == n - 3 &&
            frames_[n - 2].kind == frame_kind::model && frames_[n - 2].member)
            name = frames_[n - 2].member->json_name;
        else
            return true;
        if(!frames_[u.frame].member->unique->names(name))
            return true;
        fold_ascii_case(text, folded_);
        if(u.seen.insert(folded_).second)
            return true;
        return issue(error::constraint_violation, tok, [&](std::string& msg) {
            messages::not_unique(msg, text);
        });
    }

    //--------------------------------------------------------------------------
    // Objects a dynamic_schema describes

    // A key of a dynamic object: a member of the schema, its
    // `name@odata.type` annotation, the object's @odata.type, or another
    // annotation (read through).
    bool
    dynamic_key(frame& f, std::string_view key, std::size_t tok)
    {
        f.next = &skipped_node;
        f.member = nullptr;
        // Most keys are declared names (which hold no '@'): looked up first.
        std::size_t i = dynamic_access::index_of(*dynamic_, key);
        bool annotation = false;
        if(i == dynamic_access::npos)
        {
            if(key == odata_type_key)
            {
                set_key(f, odata_type_key);
                if(f.odata_type_seen)
                    return duplicate(f, tok);
                f.odata_type_seen = true;
                f.next = &odata_type_node;
                return true;
            }
            std::size_t const at = key.find('@');
            if(at != std::string_view::npos)
            {
                if(at == 0 || key.substr(at) != odata_type_key)
                    return other_annotation(f, key, tok);
                i = dynamic_access::index_of(*dynamic_, key.substr(0, at));
                annotation = true;
            }
        }
        if(!annotation)
            f.seen = 1; // a member, declared or not: the object is not empty
        if(i == dynamic_access::npos)
        {
            if(!keep_key(f, key))
                return duplicate(f, tok);
            return issue(error::unknown_property, tok, [&](std::string& msg) {
                messages::undeclared_dynamic(msg, key);
            });
        }
        member_entry const& e = dynamic_access::entry(*dynamic_, i);
        std::string_view const stored = annotation ? dynamic_access::annotation_key(*dynamic_, i) : e.json_name;
        f.key = stored.data();
        f.key_size = stored.size();
        // A declared name (or its annotation) seen before: its bit says.
        std::size_t const words = (dynamic_->size() + 63) / 64;
        std::size_t const bit = annotation ? words * 64 + i : i;
        std::uint64_t const mask = std::uint64_t(1) << (bit % 64);
        if(f.dynamic_seen[bit / 64] & mask)
            return duplicate(f, tok);
        f.dynamic_seen[bit / 64] |= mask;
        f.member = &e;
        f.next = annotation ? &annotation_node : e.type;
        return true;
    }

    // Makes `key` outlive the event, as the current key of `f`, and
    // checks it is no duplicate.
    bool
    keep_key(frame& f, std::string_view key)
    {
        if(!source_.persistent(key))
            key = arena_.copy(key);
        f.key = key.data();
        f.key_size = key.size();
        return keys_.insert(f.keys, key);
    }

    bool
    other_annotation(frame& f, std::string_view key, std::size_t tok)
    {
        return keep_key(f, key) || duplicate(f, tok);
    }

    bool
    annotation_value(frame const& f, std::string_view text, std::size_t tok)
    {
        std::size_t const i = dynamic_access::index_of(*dynamic_, f.member->json_name);
        if(dynamic_->annotation_matches(i, text))
            return true;
        return issue(error::odata_type_mismatch, tok, [&](std::string& msg) {
            messages::annotation_mismatch(msg, text, dynamic_->type_annotation(i), f.member->json_name);
        });
    }

    // As a dynamic object ends: the annotations its collections need,
    // and at least one member (requests only; an undeclared one is an
    // issue of its own).
    BOOST_NOINLINE bool
    end_dynamic(frame const& f)
    {
        if(!constraints_)
            return true;
        std::size_t const words = (dynamic_->size() + 63) / 64;
        for(std::size_t w = 0; w < words; ++w)
        {
            // Seen, needing an annotation, and without one.
            std::uint64_t bits = f.dynamic_seen[w] & ~f.dynamic_seen[words + w] &
                dynamic_access::annotations_required(*dynamic_, w);
            for(; bits != 0; bits &= bits - 1)
            {
                std::size_t const i = w * 64 + static_cast<std::size_t>(boost::core::countr_zero(bits));
                if(!at_open(f, error::missing_required, dynamic_access::annotation_key(*dynamic_, i), [&](std::string& msg) {
                        messages::missing_required(msg, dynamic_access::annotation_key(*dynamic_, i));
                    }))
                    return false;
            }
        }
        if(f.seen == 0)
            return at_open(f, error::constraint_violation, {}, [&](std::string& msg) {
                messages::no_dynamic_members(msg);
            });
        return true;
    }

    // An issue of the object on top, at its `{`, pointed at the object
    // or (`name` not empty) at its member `name`.
    template<class Describe>
    bool
    at_open(frame const& f, error code, std::string_view name, Describe const& describe)
    {
        if constexpr(Reporter::stops)
        {
            (void)f, (void)code, (void)name, (void)describe;
            return false;
        }
        else
        {
            reporter_.add(code,
                [&] { return source_.offset_behind(f.open_token, f.opened); },
                [&](std::string& p) {
                    write_pointer(p, frames_.size() - 1);
                    if(!name.empty())
                        append_pointer_token(p, name);
                },
                describe);
            return true;
        }
    }

    //--------------------------------------------------------------------------
    // Issues, out of line: the walk's common path stays small.

    // An issue at token `tok`, pointed at by the frames as they are (the
    // value being read, or the key just read). Returns false when the
    // reporter stops the walk.
    template<class Describe>
    bool
    issue(error code, std::size_t tok, Describe const& describe)
    {
        if constexpr(Reporter::stops)
        {
            (void)code, (void)tok, (void)describe;
            return false;
        }
        else
        {
            reporter_.add(code,
                [&] { return source_.offset_of(tok, last_); },
                [&](std::string& p) { write_pointer(p, frames_.size()); },
                describe);
            return true;
        }
    }

    BOOST_NOINLINE bool
    mismatch(type_node const& t, std::size_t tok, char const* found)
    {
        return issue(error::type_mismatch, tok, [&](std::string& msg) {
            messages::type_mismatch(msg, t, found);
        });
    }

    BOOST_NOINLINE bool
    duplicate(frame const& f, std::size_t tok)
    {
        return issue(error::duplicate_property, tok, [&](std::string& msg) {
            messages::duplicate_property(msg, {f.key, f.key_size});
        });
    }

    BOOST_NOINLINE bool
    constraint(frame const& f, string_check const& c, std::string_view text, std::size_t tok)
    {
        return issue(error::constraint_violation, tok, [&](std::string& msg) {
            messages::constraint_violation(msg, c, *f.member->text, text);
        });
    }

    BOOST_NOINLINE bool
    not_an_enumerator(enum_table const& e, std::string_view text, std::size_t tok)
    {
        return issue(error::invalid_enum, tok, [&](std::string& msg) {
            messages::invalid_enum(msg, text, e);
        });
    }

    BOOST_NOINLINE bool
    type_name_mismatch(frame const& f, std::string_view text, std::size_t tok)
    {
        return issue(error::odata_type_mismatch, tok, [&](std::string& msg) {
            messages::odata_type_mismatch(msg, text, *f.model);
        });
    }

    BOOST_NOINLINE bool
    bad_integer(frame const& f, type_node const& t, integer_check const& c, std::size_t tok)
    {
        if(c.verdict == integer_check::out_of_rule)
            return issue(error::constraint_violation, tok, [&](std::string& msg) {
                messages::constraint_violation(msg, c, bounds_of(t, f.member, op_));
            });
        return issue(error::type_mismatch, tok, [&](std::string& msg) {
            messages::type_mismatch(msg, c, t);
        });
    }

    BOOST_NOINLINE bool
    null_not_allowed(member_entry const* m, std::size_t tok)
    {
        return issue(error::null_not_allowed, tok, [&](std::string& msg) {
            messages::null_not_allowed(msg, m, m && required_in(*m, op_, version_));
        });
    }

    // The required members missing from the object on top, at its `{`.
    BOOST_NOINLINE bool
    report_missing(frame const& f)
    {
        if constexpr(Reporter::stops)
        {
            (void)f;
            return false;
        }
        else
        {
            auto missing_one = [&](std::string_view name) {
                reporter_.add(error::missing_required,
                    [&] { return source_.offset_behind(f.open_token, f.opened); },
                    [&](std::string& p) {
                        write_pointer(p, frames_.size() - 1);
                        append_pointer_token(p, name);
                    },
                    [&](std::string& msg) { messages::missing_required(msg, name); });
            };
            if(f.type_required && !f.odata_type_seen)
                missing_one(odata_type_key);
            std::uint64_t missing = missing_members(*f.model, f.seen, op_, version_);
            for(std::size_t i = 0; missing != 0; ++i, missing >>= 1)
                if(missing & 1)
                    missing_one(f.model->members[i].json_name);
            return true;
        }
    }

    // An array with fewer or more elements than its member's items()
    // allow: one issue, at its '['.
    BOOST_NOINLINE bool
    too_many_or_few(frame const& f)
    {
        if constexpr(Reporter::stops)
        {
            (void)f;
            return false;
        }
        else
        {
            reporter_.add(error::constraint_violation,
                [&] { return source_.offset_behind(f.open_token, f.opened); },
                [&](std::string& p) { write_pointer(p, frames_.size() - 1); },
                [&](std::string& msg) { messages::constraint_violation(msg, *f.counted->items, f.index); });
            return true;
        }
    }

    // The pointer of the value the first `n` frames lead to: each frame
    // above the document adds its current key or index.
    void
    write_pointer(std::string& p, std::size_t n) const
    {
        for(std::size_t i = 1; i < n; ++i)
        {
            frame const& f = frames_[i];
            if(f.kind == frame_kind::array || f.kind == frame_kind::list)
            {
                p.push_back('/');
                p += std::to_string(f.index - 1);
            }
            else
                append_pointer_token(p, {f.key, f.key_size});
        }
    }

    //--------------------------------------------------------------------------

    dynamic_schema const* dynamic_;
    operation op_;
    api_version version_;
    unknown_policy unknown_;
    bool constraints_;
    bool stopped_ = false;
    bool string_in_parts_ = false;
    std::size_t token_ = 0;
    anchor last_;
    Source& source_;
    Reporter& reporter_;
    inline_vector<frame, 24> frames_;
    key_store keys_;
    stack_arena arena_;
    inline_vector<char, 128> key_parts_;
    inline_vector<char, 128> string_parts_;
    std::vector<unique_scope> unique_scopes_;
    std::string folded_;
};

} // detail
} // graphschema

#endif
