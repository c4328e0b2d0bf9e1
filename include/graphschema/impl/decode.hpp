//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_IMPL_DECODE_HPP
#define GRAPHSCHEMA_IMPL_DECODE_HPP

#include <graphschema/detail/dom_source.hpp>
#include <graphschema/detail/handler.hpp>
#include <graphschema/detail/locator.hpp>
#include <graphschema/detail/quick_pass.hpp>
#include <graphschema/detail/text_source.hpp>

#include <boost/json/basic_parser_impl.hpp>

#include <string>

namespace graphschema {
namespace detail {

inline std::size_t
effective_depth(decode_options const& opt) noexcept
{
    if(opt.max_depth == 0)
        return 1;
    return opt.max_depth < max_depth_limit ? opt.max_depth : max_depth_limit;
}

// The single issue of a document the parser rejected.
inline issue
document_issue(std::string_view text, boost::json::error_code const& ec,
    std::size_t consumed, std::size_t max_depth)
{
    namespace json = boost::json;
    issue i;
    i.code = error::syntax_error;
    if(!ec)
        i.message = "unexpected text after the document";
    else if(ec == json::error::too_deep)
    {
        i.code = error::depth_exceeded;
        i.message = "nesting is deeper than the limit of " + std::to_string(max_depth);
    }
    else if(ec == json::error::incomplete)
    {
        bool blank = text.find_first_not_of(" \t\r\n") == std::string_view::npos;
        i.message = blank ? "the document is empty" : "the document ends before it is complete";
    }
    else if(ec == json::error::syntax && consumed < text.size() &&
        (static_cast<unsigned char>(text[consumed]) & 0x80))
        i.message = "invalid UTF-8";
    else if(ec == json::error::exponent_overflow)
        i.message = "a number's exponent is too large";
    else if(ec == json::error::illegal_leading_surrogate ||
        ec == json::error::illegal_trailing_surrogate)
        i.message = "invalid \\u escape: unpaired UTF-16 surrogate";
    else
        i.message = "invalid JSON: " + ec.message();
    auto const lc = lines_and_columns(text, {consumed});
    i.line = lc[0].first;
    i.column = lc[0].second;
    return i;
}

// The size limit, checked before anything is read: the limit protects the parse.
inline bool
too_large(std::string_view text, decode_options const& opt, report& r)
{
    if(text.size() <= opt.max_bytes)
        return false;
    r.add({error::size_exceeded, {}, 1, 1,
        "the document is " + std::to_string(text.size()) +
            " bytes, more than the limit of " + std::to_string(opt.max_bytes)});
    return true;
}

/*  The handler alone, over a value as decode() hands it over (default
    constructed): what decode_text does for a document the quick pass gave
    up on. bench/self_check.cpp compares the two paths.
*/
template<bool Build>
report
decode_text_with_handler(type_node const& root, void* target, std::string_view text,
    decode_options const& opt0)
{
    decode_options opt = opt0;
    opt.max_depth = effective_depth(opt0);
    report r(opt.max_issues);
    if(too_large(text, opt, r))
        return r;
    boost::json::parse_options po;
    po.max_depth = opt.max_depth;
    text_source source(text);
    boost::json::basic_parser<handler<text_source, Build>> p(po, root, target, opt, source, r);
    boost::json::error_code ec;
    std::size_t const consumed = p.write_some(false, text.data(), text.size(), ec);
    if(ec || consumed != text.size())
    {
        // A document-level error ends the document and comes alone.
        r.clear();
        r.add(document_issue(text, ec, consumed, opt.max_depth));
        return r;
    }
    auto const& tokens = p.handler().issue_tokens();
    if(!tokens.empty())
    {
        auto const lc = lines_and_columns(text, source.offsets_of(tokens));
        auto& issues = r.mutable_issues();
        for(std::size_t i = 0; i < issues.size(); ++i)
        {
            issues[i].line = lc[i].first;
            issues[i].column = lc[i].second;
        }
    }
    return r;
}

template<bool Build>
report
decode_text(type_node const& root, void* target, std::string_view text,
    decode_options const& opt0)
{
    decode_options opt = opt0;
    opt.max_depth = effective_depth(opt0);
    report r(opt.max_issues);
    if(too_large(text, opt, r))
        return r;
    {
        // Most documents are valid: the quick pass proves it (building the
        // value), or gives up and leaves the report to the handler.
        boost::json::parse_options po;
        po.max_depth = opt.max_depth;
        text_source source(text);
        boost::json::basic_parser<quick_pass<text_source, Build>> q(po, root, target, opt, source);
        boost::json::error_code ec;
        std::size_t const n = q.write_some(false, text.data(), text.size(), ec);
        if(!ec && n == text.size())
            return r;
    }
    if constexpr(Build)
        root.model().clear(target);
    return decode_text_with_handler<Build>(root, target, text, opt0);
}

template<bool Build>
report
decode_dom(type_node const& root, void* target, boost::json::value const& jv,
    decode_options const& opt0)
{
    decode_options opt = opt0;
    opt.max_depth = effective_depth(opt0);
    report r(opt.max_issues);
    dom_source source;
    handler<dom_source, Build> h(root, target, opt, source, r);
    if(!walk(jv, h, source, opt.max_depth))
    {
        r.clear();
        r.add({error::depth_exceeded, {}, 0, 0,
            "nesting is deeper than the limit of " + std::to_string(opt.max_depth)});
    }
    return r;
}

} // detail
} // graphschema

#endif
