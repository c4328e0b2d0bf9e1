//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

// Replaces the global operator new and delete to count the heap in use,
// so that check_ndjson can measure the splitter's memory. Only programs
// that call check_ndjson link this file: the replacement hides operator
// new from the sanitizers (they still see every malloc and free).

#include "checks.hpp"

#include <atomic>
#include <cstdlib>
#include <new>

#include <malloc.h>

namespace {

std::atomic<std::size_t> live_bytes{0};
std::atomic<std::size_t> peak_bytes{0};

void*
allocate(std::size_t n) noexcept
{
    void* p = std::malloc(n ? n : 1);
    if(p)
    {
        std::size_t const now =
            live_bytes.fetch_add(malloc_usable_size(p), std::memory_order_relaxed) +
            malloc_usable_size(p);
        if(now > peak_bytes.load(std::memory_order_relaxed))
            peak_bytes.store(now, std::memory_order_relaxed);
    }
    return p;
}

void
release(void* p) noexcept
{
    if(!p)
        return;
    live_bytes.fetch_sub(malloc_usable_size(p), std::memory_order_relaxed);
    std::free(p);
}

} // namespace

std::size_t
fuzz_checks::heap_meter::live() noexcept
{
    return live_bytes.load(std::memory_order_relaxed);
}

std::size_t
fuzz_checks::heap_meter::peak() noexcept
{
    return peak_bytes.load(std::memory_order_relaxed);
}

void
fuzz_checks::heap_meter::restart_peak() noexcept
{
    peak_bytes.store(live_bytes.load(std::memory_order_relaxed), std::memory_order_relaxed);
}

void*
operator new(std::size_t n)
{
    if(void* p = allocate(n))
        return p;
    throw std::bad_alloc();
}

void*
operator new[](std::size_t n)
{
    if(void* p = allocate(n))
        return p;
    throw std::bad_alloc();
}

void* operator new(std::size_t n, std::nothrow_t const&) noexcept { return allocate(n); }
void* operator new[](std::size_t n, std::nothrow_t const&) noexcept { return allocate(n); }
void operator delete(void* p) noexcept { release(p); }
void operator delete[](void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t) noexcept { release(p); }
void operator delete(void* p, std::nothrow_t const&) noexcept { release(p); }
void operator delete[](void* p, std::nothrow_t const&) noexcept { release(p); }
