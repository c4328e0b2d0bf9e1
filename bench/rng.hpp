//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_BENCH_RNG_HPP
#define GRAPHSCHEMA_BENCH_RNG_HPP

#include <cstddef>
#include <cstdint>

namespace bench {

// splitmix64: small, fast, and the same sequence on every platform (the
// standard distributions are not). Every generated input of the benchmark
// comes from one of these and a seed.
class rng
{
public:
    explicit rng(std::uint64_t seed) noexcept : state_(seed) {}

    std::uint64_t
    next() noexcept
    {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    // Uniform in [0, n).
    std::size_t below(std::size_t n) noexcept { return static_cast<std::size_t>(next() % n); }

    // Uniform in [lo, hi].
    std::size_t between(std::size_t lo, std::size_t hi) noexcept { return lo + below(hi - lo + 1); }

    // True `percent` times in a hundred.
    bool percent(unsigned p) noexcept { return below(100) < p; }

    template<class T, std::size_t N>
    T const&
    pick(T const (&a)[N]) noexcept
    {
        return a[below(N)];
    }

private:
    std::uint64_t state_;
};

} // bench

#endif
