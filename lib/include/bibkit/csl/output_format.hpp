#pragma once
// Where the processor's formatted output goes: one small interface, four implementations.
// The processor builds its output as a tree of formatted pieces (font style, weight, variant,
// vertical alignment, quotes, display blocks, links) and a format writes that tree out,
// escaping text for its target.
//
// html      exactly the markup of the CSL test suite's RESULT sections (<i>, <b>,
//           <span style="font-variant:small-caps;">, <sup>, <div class="csl-left-margin"> …)
// text      plain text
// latex     escaped; \emph, \textbf, \textsc, \textsuperscript, \textsubscript
// markdown  *italic*, **bold**, escaped Markdown punctuation
//
// TeX math in an item's rich text (a BibTeX title's `$\ell_1$`) is a piece of its own: latex
// writes it as `$…$` and html as `<span class="math">\(…\)</span>` for MathJax, both from the
// TeX sanitized by text::math_sanitize (commands it does not know become `\mathrm{name}`);
// text and markdown write its Unicode rendering (ℓ₁), or its TeX where there is none.

#include <string_view>

namespace bibkit::csl {

class OutputFormat; // defined by the processor's implementation (lib/csl)

const OutputFormat& html_format();
const OutputFormat& text_format();
const OutputFormat& latex_format();
const OutputFormat& markdown_format();
// "html", "text", "latex", "markdown", or null.
const OutputFormat* find_output_format(std::string_view name);

} // namespace bibkit::csl
