#pragma once
// Rich text as an HTML fragment.
//
// italic <i>, bold <b>, small caps <span style="font-variant:small-caps">, superscript <sup>,
// subscript <sub>, monospace <code>, nocase <span class="nocase">, math as
// <span class="math">\(TeX\)</span> (display math: <span class="math display">\[TeX\]</span>),
// ready for MathJax or KaTeX, with the TeX escaped. A link is <a href="URL">text</a> when
// is_linkable_url allows it, else just its text. Every text and attribute is escaped, so no
// field value can add markup.

#include <bibkit/text/rich_text.hpp>
#include <string>
#include <string_view>

namespace bibkit::text {

std::string to_html(const RichText& text);
void append_html(std::string& out, const RichText& text);

// Escapes & < > " ' (safe in text and in quoted attributes).
void append_html_escaped(std::string& out, std::string_view text);

} // namespace bibkit::text
