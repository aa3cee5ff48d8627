#pragma once
// Rich text in CSL's HTML-like markup, for the string fields of CSL-JSON (title, container-title
// …), as citeproc-js and pandoc read them: <i>, <b>, <span style="font-variant:small-caps;">,
// <sup>, <sub>, <span class="nocase">. CSL has no monospace or links: those become their text.
// Math becomes its Unicode rendering (its TeX where it has none) inside
// <span class="nocase">, so that no style changes the case of a formula. & < > are escaped.

#include <bibkit/text/rich_text.hpp>
#include <string>

namespace bibkit::text {

std::string to_csl_markup(const RichText& text);
void append_csl_markup(std::string& out, const RichText& text);

// The other way: CSL-JSON string values as citeproc-js reads them. <i>, <em>, <b>, <strong>,
// <sc>, <span style="font-variant:small-caps;">, <sup>, <sub>, <span class="nocase"> become
// spans; entities (&amp; &lt; &gt; &quot; &#38; &#x26;) are decoded; any other tag, and a tag
// left unclosed, is text as written. The text is NFC-normalized.
RichText from_csl_markup(std::string_view markup);

} // namespace bibkit::text
