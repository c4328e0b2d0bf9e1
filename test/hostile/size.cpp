//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#define BOOST_TEST_MODULE hostile_size
#include "hostile_support.hpp"

#include "checks.hpp"

#include <string>
#include <string_view>

#include <sys/mman.h>

// Size: a 100 MB input is rejected at the limit before a byte of it is
// read and without allocating for it. The input lies in memory that may
// not be read at all (PROT_NONE): touching a byte would crash the test.

namespace gs = graphschema;
namespace graph = graphschema::graph;
using fuzz_checks::heap_meter;

namespace {

constexpr std::size_t hundred_mb = 100000000;

// Memory of `size` bytes that no one may read or write.
class unreadable
{
public:
    explicit unreadable(std::size_t size)
        : size_(size)
    {
        p_ = ::mmap(nullptr, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        BOOST_REQUIRE(p_ != MAP_FAILED);
    }

    ~unreadable() { ::munmap(p_, size_); }

    unreadable(unreadable const&) = delete;
    unreadable& operator=(unreadable const&) = delete;

    std::string_view view() const noexcept { return {static_cast<char const*>(p_), size_}; }

private:
    void* p_;
    std::size_t size_;
};

// The heap a call takes at its peak, beyond what was in use before.
template<class F>
std::size_t
peak_heap_of(F&& f)
{
    std::size_t const before = heap_meter::live();
    heap_meter::restart_peak();
    f();
    return heap_meter::peak() - before;
}

void
expect_size_exceeded(gs::report const& r, std::size_t size, std::size_t limit)
{
    BOOST_REQUIRE(r.size() == 1u);
    BOOST_TEST(r.found() == 1u);
    BOOST_TEST(r[0].code == gs::error::size_exceeded);
    BOOST_TEST(r[0].pointer == "");
    BOOST_TEST((r[0].line == 1u && r[0].column == 1u));
    BOOST_TEST(r[0].message == "the document is " + std::to_string(size) +
        " bytes, more than the limit of " + std::to_string(limit));
}

// What a rejection may allocate: the report and its one message.
constexpr std::size_t rejection_heap = 1024;

template<class T>
void
rejected_unread(std::string_view text, gs::decode_options const& o)
{
    gs::report r;
    BOOST_TEST(peak_heap_of([&] { r = gs::validate<T>(text, o); }) <= rejection_heap);
    expect_size_exceeded(r, text.size(), o.max_bytes);
    BOOST_TEST(peak_heap_of([&] { r = gs::decode<T>(text, o).report(); }) <= rejection_heap);
    expect_size_exceeded(r, text.size(), o.max_bytes);
    T value;
    BOOST_TEST(peak_heap_of([&] { r = gs::decode(text, value, o); }) <= rejection_heap);
    expect_size_exceeded(r, text.size(), o.max_bytes);
}

} // namespace

BOOST_AUTO_TEST_CASE(a_hundred_megabytes_are_rejected_unread)
{
    unreadable const big(hundred_mb);
    for(std::size_t limit : {std::size_t(4194304), std::size_t(0), hundred_mb - 1})
    {
        BOOST_TEST_CONTEXT("max_bytes " << limit)
        {
            gs::decode_options o;
            o.max_bytes = limit;
            rejected_unread<graph::external_connection>(big.view(), o);
            rejected_unread<graph::configuration>(big.view(), o);
            rejected_unread<fuzz_model::item>(big.view(), o);
        }
    }
}

BOOST_AUTO_TEST_CASE(the_limit_is_exact)
{
    std::string const doc = R"({"id":"abc","x":")" + std::string(1000, 'a') + "\"}";
    auto o = hostile::read_options(doc.size());
    BOOST_TEST(gs::validate<graph::external_connection>(doc, o).ok());
    o.max_bytes = doc.size() - 1;
    expect_size_exceeded(gs::validate<graph::external_connection>(doc, o), doc.size(), doc.size() - 1);
    // Nothing but the empty document fits in zero bytes, and it is no JSON.
    o.max_bytes = 0;
    auto const empty = gs::validate<graph::external_connection>("", o);
    BOOST_REQUIRE(empty.size() == 1u);
    BOOST_TEST(empty[0].code == gs::error::syntax_error);
}
