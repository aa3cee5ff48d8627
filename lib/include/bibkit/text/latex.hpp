#pragma once
// Rich text written back as LaTeX, from the model, never by passing input through.
//
// italic \emph{…}, bold \textbf{…}, small caps \textsc{…}, superscript \textsuperscript{…},
// subscript \textsubscript{…}, monospace \texttt{…}, nocase {…} ({\relax …} when its content
// starts with a command, which BibTeX would otherwise take for a special character), math
// $TeX$ or \[TeX\] (the TeX as math_sanitize left it), links \url{…} and \href{…}{…} with the
// URL escaped for hyperref (\% \#; spaces, braces, backslashes and ^ percent-encoded).
// Text: & % $ # _ { } ~ ^ \ and the characters TeX would read as ligatures or babel shorthands
// (' ` " < > | and a second -) are escaped; the no-break space is ~.
//
// LatexCharset::utf8 keeps other characters as UTF-8. LatexCharset::ascii writes accented
// letters as LaTeX accents ({\"o}, {\c{c}}, {\'\i}), letters and symbols as their commands
// ({\ss}, {\o}, \ensuremath{\alpha}), dashes and quotes as -- --- `` '' ` '; a character no
// command writes (CJK, emoji) stays UTF-8.
//
// Decoding what this writes gives back the same model (the URL's percent-encoded characters
// aside), which the tests check.

#include <bibkit/text/rich_text.hpp>
#include <cstdint>
#include <string>
#include <string_view>

namespace bibkit::text {

enum class LatexCharset : std::uint8_t { utf8, ascii };

std::string to_latex(const RichText& text, LatexCharset charset = LatexCharset::utf8);
void append_latex(std::string& out, const RichText& text,
                  LatexCharset charset = LatexCharset::utf8);

// Plain text escaped for LaTeX, as the writer escapes a text run.
void append_latex_escaped(std::string& out, std::string_view text,
                          LatexCharset charset = LatexCharset::utf8);

// A URL as \url and \href need it.
void append_latex_url(std::string& out, std::string_view url);

} // namespace bibkit::text
