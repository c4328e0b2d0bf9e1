//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_DETAIL_INLINE_VECTOR_HPP
#define GRAPHSCHEMA_DETAIL_INLINE_VECTOR_HPP

#include <boost/throw_exception.hpp>

#include <cstddef>
#include <cstring>
#include <new>
#include <type_traits>

namespace graphschema {
namespace detail {

// A vector of trivially copyable elements whose first N live inside the
// object: the decoder's stacks cost no allocation for ordinary documents.
template<class T, std::size_t N>
class inline_vector
{
    static_assert(std::is_trivially_copyable<T>::value, "");

public:
    inline_vector() noexcept = default;
    inline_vector(inline_vector const&) = delete;
    inline_vector& operator=(inline_vector const&) = delete;

    ~inline_vector()
    {
        if(data_ != local())
            ::operator delete(data_);
    }

    std::size_t size() const noexcept { return size_; }
    bool empty() const noexcept { return size_ == 0; }
    T* data() noexcept { return data_; }
    T const* data() const noexcept { return data_; }
    T& operator[](std::size_t i) noexcept { return data_[i]; }
    T const& operator[](std::size_t i) const noexcept { return data_[i]; }
    T& back() noexcept { return data_[size_ - 1]; }
    T const& back() const noexcept { return data_[size_ - 1]; }

    void
    push_back(T const& v)
    {
        if(size_ == capacity_)
            grow(size_ + 1);
        ::new(static_cast<void*>(data_ + size_)) T(v);
        ++size_;
    }

    // Appends a default-initialized element (left as is: T is trivially
    // copyable) and returns it, for the caller to fill in place.
    T&
    emplace_back()
    {
        if(size_ == capacity_)
            grow(size_ + 1);
        T* p = ::new(static_cast<void*>(data_ + size_)) T;
        ++size_;
        return *p;
    }

    void
    append(T const* p, std::size_t n)
    {
        if(n > capacity_ - size_)
            grow(size_ + n);
        if(n != 0)
            std::memcpy(static_cast<void*>(data_ + size_), p, n * sizeof(T));
        size_ += n;
    }

    void pop_back() noexcept { --size_; }
    void shrink_to(std::size_t n) noexcept { size_ = n; }
    void clear() noexcept { size_ = 0; }

private:
    T* local() noexcept { return reinterpret_cast<T*>(storage_); }

    void
    grow(std::size_t need)
    {
        std::size_t cap = capacity_ * 2;
        if(cap < need)
            cap = need;
        if(cap > static_cast<std::size_t>(-1) / sizeof(T))
            boost::throw_exception(std::bad_alloc());
        T* p = static_cast<T*>(::operator new(cap * sizeof(T)));
        if(size_ != 0)
            std::memcpy(static_cast<void*>(p), data_, size_ * sizeof(T));
        if(data_ != local())
            ::operator delete(data_);
        data_ = p;
        capacity_ = cap;
    }

    alignas(T) unsigned char storage_[N * sizeof(T)];
    T* data_ = local();
    std::size_t size_ = 0;
    std::size_t capacity_ = N;
};

} // detail
} // graphschema

#endif
