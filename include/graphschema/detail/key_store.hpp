//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_DETAIL_KEY_STORE_HPP
#define GRAPHSCHEMA_DETAIL_KEY_STORE_HPP

#include <graphschema/detail/inline_vector.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <memory>
#include <string_view>
#include <type_traits>
#include <vector>

namespace graphschema {
namespace detail {

/*  Storage for the keys of the objects that are open while parsing, for
    duplicate detection of members a model does not declare (a model's
    own members are tracked by a bit each).

    Objects nest, so their keys form a stack: an object's keys are a
    contiguous range, released when it closes. Small objects are searched
    linearly; an object with more keys gets a hash index, so that an
    object with a million members costs linear time, not quadratic. The
    hash is seeded per decoder so that a document cannot be built to
    collide.

    Keys that are views into the input are stored as such; the others
    (escaped keys, assembled from parts) are copied into a stack arena
    whose blocks never move.
*/

class stack_arena
{
public:
    struct mark
    {
        std::size_t block;
        std::size_t used;
    };

    stack_arena() noexcept = default;
    stack_arena(stack_arena const&) = delete;
    stack_arena& operator=(stack_arena const&) = delete;

    mark get_mark() const noexcept { return {block_, used_}; }

    void
    release(mark m) noexcept
    {
        block_ = m.block;
        used_ = m.used;
    }

    // Copies s and returns a view that stays valid until the copy is released.
    std::string_view
    copy(std::string_view s)
    {
        char* p = allocate(s.size());
        if(!s.empty())
            std::memcpy(p, s.data(), s.size());
        return {p, s.size()};
    }

    // An array of `n` value-initialised T (trivial), released with the
    // copies.
    template<class T>
    T*
    allocate_array(std::size_t n)
    {
        static_assert(std::is_trivially_copyable<T>::value && alignof(T) <= alignof(std::max_align_t), "");
        if(n == 0)
            return nullptr;
        std::size_t const a = alignof(T);
        std::size_t pad = (a - used_ % a) % a;
        if(pad > capacity(block_) - used_)
            pad = capacity(block_) - used_; // then the next block, aligned
        used_ += pad;
        char* p = allocate(n * sizeof(T));
        T* t = reinterpret_cast<T*>(p);
        for(std::size_t i = 0; i < n; ++i)
            new(t + i) T();
        return t;
    }

private:
    struct block
    {
        std::unique_ptr<char[]> data;
        std::size_t size;
    };

    char*
    base(std::size_t b) noexcept
    {
        return b == 0 ? local_ : blocks_[b - 1].data.get();
    }

    std::size_t
    capacity(std::size_t b) const noexcept
    {
        return b == 0 ? sizeof(local_) : blocks_[b - 1].size;
    }

    char*
    allocate(std::size_t n)
    {
        while(n > capacity(block_) - used_)
        {
            // Move to the next block, making one big enough if needed.
            ++block_;
            used_ = 0;
            if(block_ > blocks_.size())
            {
                std::size_t size = 2 * capacity(block_ - 1);
                if(size < n)
                    size = n;
                blocks_.push_back({std::unique_ptr<char[]>(new char[size]), size});
            }
            else if(blocks_[block_ - 1].size < n)
            {
                // A reused block that is too small: replace it.
                blocks_[block_ - 1] = {std::unique_ptr<char[]>(new char[n]), n};
            }
        }
        char* p = base(block_) + used_;
        used_ += n;
        return p;
    }

    alignas(std::max_align_t) char local_[512];
    std::vector<block> blocks_;
    std::size_t block_ = 0;
    std::size_t used_ = 0;
};

class key_store
{
public:
    // Keys an object may hold before it gets a hash index.
    static constexpr std::size_t linear_limit = 16;

    explicit key_store(std::uint64_t seed) noexcept
        : seed_(seed)
    {
    }

    // Where an object's keys begin; pass it to the other functions.
    struct scope
    {
        std::size_t begin;
        std::size_t depth;
        bool indexed;
    };

    scope open(std::size_t depth) const noexcept { return {entries_.size(), depth, false}; }

    // Releases the object's keys.
    void
    close(scope const& s) noexcept
    {
        entries_.shrink_to(s.begin);
        if(s.indexed)
            indexes_[s.depth].clear();
    }

    // Adds a key to the object; returns false, adding nothing, when the
    // object already has it. `key` must stay valid until close().
    bool
    insert(scope& s, std::string_view key)
    {
        if(!s.indexed)
        {
            if(entries_.size() - s.begin < linear_limit)
            {
                // Few keys: compared directly, no hash.
                for(std::size_t i = s.begin; i < entries_.size(); ++i)
                    if(entries_[i].same(key))
                        return false;
                entries_.push_back({key.data(), key.size(), 0});
                return true;
            }
            build_index(s);
        }
        std::uint64_t const h = hash(key);
        auto& ix = indexes_[s.depth];
        if(ix.find(entries_, key, h) != npos)
            return false;
        entries_.push_back({key.data(), key.size(), h});
        ix.insert(entries_, entries_.size() - 1);
        return true;
    }

private:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    struct entry
    {
        char const* data;
        std::size_t size;
        std::uint64_t hash;

        bool
        same(std::string_view key) const noexcept
        {
            return size == key.size() && (size == 0 || std::memcmp(data, key.data(), size) == 0);
        }

        bool
        matches(std::string_view key, std::uint64_t h) const noexcept
        {
            return hash == h && same(key);
        }
    };

    using entry_vector = inline_vector<entry, 32>;

    // Open addressing over entry indices, for one nesting depth. A
    // generation count empties it in constant time.
    class index
    {
    public:
        void
        clear() noexcept
        {
            ++generation_;
            count_ = 0;
        }

        void
        reserve_for(std::size_t n)
        {
            std::size_t cap = 64;
            while(cap < 2 * n)
                cap *= 2;
            if(cap > slots_.size())
            {
                slots_.assign(cap, slot{0, 0});
                generation_ = 1;
            }
        }

        std::size_t
        find(entry_vector const& e, std::string_view key, std::uint64_t h) const noexcept
        {
            std::size_t const mask = slots_.size() - 1;
            for(std::size_t i = static_cast<std::size_t>(h) & mask;; i = (i + 1) & mask)
            {
                auto const& s = slots_[i];
                if(s.generation != generation_)
                    return npos;
                if(e[s.entry].matches(key, h))
                    return s.entry;
            }
        }

        void
        insert(entry_vector const& e, std::size_t entry)
        {
            if(2 * (count_ + 1) > slots_.size())
                rehash(e);
            place(e, entry);
            ++count_;
        }

    private:
        struct slot
        {
            std::size_t entry;
            std::uint64_t generation;
        };

        void
        place(entry_vector const& e, std::size_t entry) noexcept
        {
            std::size_t const mask = slots_.size() - 1;
            std::size_t i = static_cast<std::size_t>(e[entry].hash) & mask;
            while(slots_[i].generation == generation_)
                i = (i + 1) & mask;
            slots_[i] = {entry, generation_};
        }

        void
        rehash(entry_vector const& e)
        {
            std::vector<std::size_t> live;
            live.reserve(count_);
            for(auto const& s : slots_)
                if(s.generation == generation_)
                    live.push_back(s.entry);
            slots_.assign(slots_.size() * 2, slot{0, 0});
            generation_ = 1;
            for(auto i : live)
                place(e, i);
        }

        std::vector<slot> slots_;
        std::uint64_t generation_ = 1;
        std::size_t count_ = 0;
    };

    void
    build_index(scope& s)
    {
        if(indexes_.size() <= s.depth)
            indexes_.resize(s.depth + 1);
        auto& ix = indexes_[s.depth];
        ix.clear();
        ix.reserve_for(4 * linear_limit);
        for(std::size_t i = s.begin; i < entries_.size(); ++i)
        {
            entries_[i].hash = hash({entries_[i].data, entries_[i].size});
            ix.insert(entries_, i);
        }
        s.indexed = true;
    }

    // A multiply-xorshift hash over 8-byte words, keyed by the seed.
    std::uint64_t
    hash(std::string_view key) const noexcept
    {
        constexpr std::uint64_t m = 0x9e3779b97f4a7c15ULL;
        std::uint64_t h = seed_ ^ (key.size() * m);
        std::size_t i = 0;
        for(; i + 8 <= key.size(); i += 8)
        {
            std::uint64_t w;
            std::memcpy(&w, key.data() + i, 8);
            h = (h ^ w) * m;
            h ^= h >> 29;
        }
        std::uint64_t w = 0;
        if(i < key.size())
            std::memcpy(&w, key.data() + i, key.size() - i);
        h = (h ^ w) * m;
        h ^= h >> 32;
        h *= 0xbf58476d1ce4e5b9ULL;
        h ^= h >> 31;
        return h;
    }

    entry_vector entries_;
    std::vector<index> indexes_;
    std::uint64_t seed_;
};

} // detail
} // graphschema

#endif
