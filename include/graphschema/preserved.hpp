//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_PRESERVED_HPP
#define GRAPHSCHEMA_PRESERVED_HPP

#include <graphschema/error.hpp>
#include <graphschema/detail/json_text.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace graphschema {

namespace detail {
struct preserved_access;
} // detail

/** Members of an object kept verbatim, in input order.

    A model holds one of these for what it does not declare: unknown
    properties (under `unknown_policy::preserve`), dynamic properties of an
    open type, and annotations. Each member is its key (unescaped) and its
    value as JSON text: every token byte for byte as it appeared in the
    input, so that numbers such as `1e400` survive a round trip, and the
    insignificant whitespace between tokens dropped, so that an encoded
    document is always one line.

    Every value held is one complete JSON text and no key appears twice:
    the inserting functions check both, so encoding a model always produces
    valid JSON.

    All members share one buffer: a decoded object with many preserved
    members costs two allocations, not two per member.
*/
class preserved_members
{
public:
    /// One member: a view of its key and of its JSON text.
    struct member
    {
        std::string_view key;
        std::string_view json;
    };

    class const_iterator
    {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = member;
        using difference_type = std::ptrdiff_t;
        using reference = member;
        using pointer = void;

        const_iterator() = default;

        member operator*() const noexcept { return owner_->at_index(i_); }
        const_iterator& operator++() noexcept { ++i_; return *this; }
        const_iterator operator++(int) noexcept { auto t = *this; ++i_; return t; }
        const_iterator& operator--() noexcept { --i_; return *this; }
        const_iterator operator--(int) noexcept { auto t = *this; --i_; return t; }
        const_iterator& operator+=(difference_type n) noexcept { i_ += static_cast<std::size_t>(n); return *this; }
        const_iterator& operator-=(difference_type n) noexcept { i_ -= static_cast<std::size_t>(n); return *this; }
        friend const_iterator operator+(const_iterator it, difference_type n) noexcept { return it += n; }
        friend const_iterator operator-(const_iterator it, difference_type n) noexcept { return it -= n; }
        friend difference_type operator-(const_iterator a, const_iterator b) noexcept
        {
            return static_cast<difference_type>(a.i_) - static_cast<difference_type>(b.i_);
        }
        member operator[](difference_type n) const noexcept { return *(*this + n); }
        friend bool operator==(const_iterator a, const_iterator b) noexcept { return a.i_ == b.i_; }
        friend bool operator!=(const_iterator a, const_iterator b) noexcept { return a.i_ != b.i_; }
        friend bool operator<(const_iterator a, const_iterator b) noexcept { return a.i_ < b.i_; }
        friend bool operator>(const_iterator a, const_iterator b) noexcept { return a.i_ > b.i_; }
        friend bool operator<=(const_iterator a, const_iterator b) noexcept { return a.i_ <= b.i_; }
        friend bool operator>=(const_iterator a, const_iterator b) noexcept { return a.i_ >= b.i_; }

    private:
        friend class preserved_members;
        const_iterator(preserved_members const* owner, std::size_t i) noexcept
            : owner_(owner), i_(i)
        {
        }

        preserved_members const* owner_ = nullptr;
        std::size_t i_ = 0;
    };

    preserved_members() = default;

    std::size_t size() const noexcept { return entries_.size(); }
    bool empty() const noexcept { return entries_.empty(); }
    const_iterator begin() const noexcept { return {this, 0}; }
    const_iterator end() const noexcept { return {this, entries_.size()}; }
    member operator[](std::size_t i) const noexcept { return at_index(i); }

    /// Returns the member with this key, if there is one.
    std::optional<member>
    find(std::string_view key) const noexcept
    {
        for(std::size_t i = 0; i < entries_.size(); ++i)
            if(key_at(i) == key)
                return at_index(i);
        return std::nullopt;
    }

    bool contains(std::string_view key) const noexcept { return find(key).has_value(); }

    /** Appends a member whose value is the JSON text `json`: its tokens
        kept byte for byte, the whitespace between them dropped.

        @return `error::syntax_error` when `json` is not exactly one JSON
        value, `error::duplicate_property` when the key is already held;
        nothing is changed then.
    */
    boost::system::error_code
    insert_raw(std::string_view key, std::string_view json)
    {
        if(!detail::is_json_text(json))
            return error::syntax_error;
        if(contains(key))
            return error::duplicate_property;
        append(key, json);
        return {};
    }

    /** Appends a member whose value is `value`, serialized.

        `insert("note", "text")` stores the JSON string `"text"`; use
        @ref insert_raw for JSON text.

        @return `error::duplicate_property` when the key is already held.
    */
    boost::system::error_code
    insert(std::string_view key, boost::json::value const& value)
    {
        if(contains(key))
            return error::duplicate_property;
        append(key, detail::serialize_json(value));
        return {};
    }

    /// Removes the member with this key; returns whether there was one.
    bool
    erase(std::string_view key)
    {
        for(std::size_t i = 0; i < entries_.size(); ++i)
        {
            if(key_at(i) == key)
            {
                entries_.erase(entries_.begin() + static_cast<std::ptrdiff_t>(i));
                // The bytes stay in the buffer until clear(): erasing is rare
                // and compacting would cost more than it saves.
                return true;
            }
        }
        return false;
    }

    void
    clear() noexcept
    {
        entries_.clear();
        buffer_.clear();
    }

    /// Equal when both hold the same members in the same order.
    friend bool
    operator==(preserved_members const& a, preserved_members const& b) noexcept
    {
        if(a.size() != b.size())
            return false;
        for(std::size_t i = 0; i < a.size(); ++i)
        {
            auto const x = a[i];
            auto const y = b[i];
            if(x.key != y.key || x.json != y.json)
                return false;
        }
        return true;
    }

    friend bool
    operator!=(preserved_members const& a, preserved_members const& b) noexcept
    {
        return !(a == b);
    }

private:
    friend struct detail::preserved_access;

    struct entry
    {
        std::size_t key_offset;
        std::size_t key_size;
        std::size_t json_offset;
        std::size_t json_size;
    };

    std::string_view
    key_at(std::size_t i) const noexcept
    {
        return {buffer_.data() + entries_[i].key_offset, entries_[i].key_size};
    }

    member
    at_index(std::size_t i) const noexcept
    {
        auto const& e = entries_[i];
        return {key_at(i), {buffer_.data() + e.json_offset, e.json_size}};
    }

    // Room for `n` elements, growing geometrically (a reservation of the
    // exact size each time would make appending quadratic).
    template<class Container>
    static void
    grow(Container& c, std::size_t n)
    {
        if(n > c.capacity())
            c.reserve((std::max)(n, 2 * c.capacity()));
    }

    // Appends without checks (the decoder has already proven both), the
    // value compacted. Both containers grow first, so that nothing is
    // half-appended when an allocation fails.
    void
    append(std::string_view key, std::string_view json)
    {
        grow(entries_, entries_.size() + 1);
        grow(buffer_, buffer_.size() + key.size() + json.size());
        entry e;
        e.key_offset = buffer_.size();
        e.key_size = key.size();
        buffer_.append(key.data(), key.size());
        e.json_offset = buffer_.size();
        detail::append_compact_json(buffer_, json);
        e.json_size = buffer_.size() - e.json_offset;
        entries_.push_back(e);
    }

    std::string buffer_;
    std::vector<entry> entries_;
};

/** A member whose value is any JSON, kept as its text.

    For Graph properties of type `Json` (for instance a display template's
    layout). The text is always one complete JSON value; the default is
    `null`.
*/
class raw_json
{
public:
    raw_json() = default;

    /// Holds the serialization of `value`.
    explicit raw_json(boost::json::value const& value)
        : text_(detail::serialize_json(value))
    {
    }

    /** Replaces the text by `json`: its tokens byte for byte, the
        whitespace between them dropped.

        @return `error::syntax_error`, and no change, when `json` is not
        exactly one JSON value.
    */
    boost::system::error_code
    assign(std::string_view json)
    {
        if(!detail::is_json_text(json))
            return error::syntax_error;
        assign_compact(json);
        return {};
    }

    /// The JSON text.
    std::string_view text() const noexcept { return text_; }

    /// The value, parsed.
    boost::json::value to_value() const { return boost::json::parse(text_); }

    friend bool operator==(raw_json const& a, raw_json const& b) noexcept { return a.text_ == b.text_; }
    friend bool operator!=(raw_json const& a, raw_json const& b) noexcept { return a.text_ != b.text_; }

private:
    friend struct detail::preserved_access;

    // Unchanged when an allocation fails.
    void
    assign_compact(std::string_view json)
    {
        if(text_.capacity() < json.size())
        {
            std::string t;
            t.reserve(json.size());
            detail::append_compact_json(t, json);
            text_.swap(t);
            return;
        }
        text_.clear();
        detail::append_compact_json(text_, json); // within the capacity: cannot throw
    }

    std::string text_ = "null";
};

namespace detail {

// The decoder's way in: it appends what the parser has already checked,
// compacted as the public functions do.
struct preserved_access
{
    static void
    append(preserved_members& p, std::string_view key, std::string_view json)
    {
        p.append(key, json);
    }

    static void
    assign(raw_json& r, std::string_view json)
    {
        r.assign_compact(json);
    }
};

} // detail

} // graphschema

#endif
