//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_IMPL_ENGINE_IPP
#define GRAPHSCHEMA_IMPL_ENGINE_IPP

#include <graphschema/detail/dom_source.hpp>
#include <graphschema/detail/engine.hpp>
#include <graphschema/detail/messages.hpp>
#include <graphschema/detail/reporters.hpp>
#include <graphschema/detail/text_source.hpp>
#include <graphschema/detail/walker.hpp>

#include <boost/json/basic_parser_impl.hpp>

#include <string>

namespace graphschema {
namespace detail {

inline decode_options
effective(decode_options opt) noexcept
{
    if(opt.max_depth == 0)
        opt.max_depth = 1;
    else if(opt.max_depth > max_depth_limit)
        opt.max_depth = max_depth_limit;
    return opt;
}

// How a walk over text ended.
struct text_walk
{
    boost::json::error_code ec;
    std::size_t consumed = 0;
    bool stopped = false; // at an issue, by a fail_fast reporter

    // The parser refused the text, or it goes on after the document.
    bool document_error() const noexcept { return !stopped && (ec || !complete); }
    bool complete = false;
};

template<class Reporter, bool Build>
text_walk
walk_text(type_node const& root, void* target, std::string_view text,
    decode_options const& opt, Reporter& reporter, dynamic_schema const* dynamic)
{
    boost::json::parse_options po;
    po.max_depth = opt.max_depth;
    text_source source(text);
    boost::json::basic_parser<walker<text_source, Reporter, Build>> p(po, root, target, opt, source, reporter, dynamic);
    text_walk w;
    w.consumed = p.write_some(false, text.data(), text.size(), w.ec);
    w.stopped = p.handler().stopped();
    w.complete = w.consumed == text.size();
    return w;
}

template<bool Build>
report
text_report(type_node const& root, void* target, std::string_view text,
    decode_options const& opt0, bool positions, dynamic_schema const* dynamic)
{
    decode_options const opt = effective(opt0);
    report r(opt.max_issues);
    full reporter(r, opt.max_bytes);
    // The limit protects the parse: checked before anything is read.
    if(text.size() > opt.max_bytes)
    {
        std::string m;
        messages::size_exceeded(m, text.size(), opt.max_bytes);
        reporter.document_issue(error::size_exceeded, std::move(m), text, 0, positions);
        return r;
    }
    text_walk const w = walk_text<full, Build>(root, target, text, opt, reporter, dynamic);
    if(w.document_error())
    {
        // A document-level error ends the document and comes alone.
        std::string m;
        error code = error::syntax_error;
        if(w.ec == boost::json::error::too_deep)
        {
            code = error::depth_exceeded;
            messages::depth_exceeded(m, opt.max_depth);
        }
        else
            messages::syntax_error(m, text, w.ec, w.consumed);
        reporter.document_issue(code, std::move(m), text, w.consumed, positions);
    }
    else if(positions)
        reporter.locate(text);
    return r;
}

template<bool Build>
bool
text_verdict(type_node const& root, void* target, std::string_view text, decode_options const& opt0,
    dynamic_schema const* dynamic)
{
    decode_options const opt = effective(opt0);
    if(text.size() > opt.max_bytes)
        return false;
    fail_fast reporter;
    text_walk const w = walk_text<fail_fast, Build>(root, target, text, opt, reporter, dynamic);
    return !w.ec && w.complete;
}

template<bool Build>
report
value_report(type_node const& root, void* target, boost::json::value const& jv,
    decode_options const& opt0, dynamic_schema const* dynamic)
{
    decode_options const opt = effective(opt0);
    report r(opt.max_issues);
    full reporter(r, opt.max_bytes);
    dom_source source;
    walker<dom_source, full, Build> h(root, target, opt, source, reporter, dynamic);
    if(walk(jv, h, source, opt.max_depth) == walk_end::too_deep)
    {
        std::string m;
        messages::depth_exceeded(m, opt.max_depth);
        reporter.document_issue(error::depth_exceeded, std::move(m), {}, 0, false);
    }
    return r;
}

template<bool Build>
bool
value_verdict(type_node const& root, void* target, boost::json::value const& jv,
    decode_options const& opt0, dynamic_schema const* dynamic)
{
    decode_options const opt = effective(opt0);
    fail_fast reporter;
    dom_source source;
    walker<dom_source, fail_fast, Build> h(root, target, opt, source, reporter, dynamic);
    return walk(jv, h, source, opt.max_depth) == walk_end::done;
}

#ifdef GRAPHSCHEMA_SEPARATE_COMPILATION
template report text_report<true>(type_node const&, void*, std::string_view, decode_options const&, bool, dynamic_schema const*);
template report text_report<false>(type_node const&, void*, std::string_view, decode_options const&, bool, dynamic_schema const*);
template bool text_verdict<true>(type_node const&, void*, std::string_view, decode_options const&, dynamic_schema const*);
template bool text_verdict<false>(type_node const&, void*, std::string_view, decode_options const&, dynamic_schema const*);
template report value_report<true>(type_node const&, void*, boost::json::value const&, decode_options const&, dynamic_schema const*);
template report value_report<false>(type_node const&, void*, boost::json::value const&, decode_options const&, dynamic_schema const*);
template bool value_verdict<true>(type_node const&, void*, boost::json::value const&, decode_options const&, dynamic_schema const*);
template bool value_verdict<false>(type_node const&, void*, boost::json::value const&, decode_options const&, dynamic_schema const*);
#endif

} // detail
} // graphschema

#endif
