#pragma once
// Decoding a BibTeX field value's LaTeX into rich text.
//
// What it understands: accents in every spelling (`{\"o}`, `\"{o}`, `\"o`, `\c c`, `\'{\i}` …,
// applied as combining marks and composed by NFC, so any accent works on any letter), the
// letters and several hundred symbol commands of latex_symbols.hpp, TeX's ligatures (`--`,
// `---`, ``` `` ```, `''`, `` ` ``, `'`, `?``, `!``), `~`, escaped specials, formatting
// commands and declarations (`\emph{…}`, `{\em …}`, `\textbf`, `{\bf …}`, `\textsc`,
// `\texttt`, `\textsuperscript`, `\textsubscript` …), math (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`),
// links (`\url`, `\href`, `\doi`), and BibTeX's case protection.
//
// Case protection follows BibTeX: a brace group that is not a command's argument and is not
// inside another such group is nocase (`{DNA}`), unless a command starts right after its `{`
// (`{\"O}`, `{\em x}`): BibTeX calls that a special character and it is just its content.
// `{\relax …}` is the way to protect a group that starts with a command. Unlike BibTeX,
// braces of command arguments do not count as a level: `\emph{{DNA}}` protects DNA.
//
// Whitespace collapses to single spaces and is trimmed at both ends; a control word swallows
// the spaces after it, as in TeX (`\ss x` is "ßx"); `\\` becomes a space. `\relax`, `\protect`
// and font-size switches vanish, `\noopsort{…}` drops its argument, `\mbox{…}`, `\text{…}` and
// unknown commands keep theirs. Decoding never fails: unknown commands, unbalanced braces,
// unclosed math and unsafe commands in math are warnings, and the result is a best effort.

#include <bibkit/text/rich_text.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::text {

enum class DecodeProblem : std::uint8_t {
    unknown_command,        // `\foo`: dropped, its braced argument kept as text
    unbalanced_close_brace, // a `}` with no `{`: ignored
    unclosed_brace,         // a `{` never closed: closed at the end
    unclosed_math,          // a `$` or `\(` never closed: kept as a literal `$`
    unsafe_math_command,    // a command in math not known to be harmless: see math_sanitize
    missing_argument,       // `\url` or an accent with nothing after it
};

struct DecodeWarning {
    std::uint32_t offset = 0; // into the decoded value, in bytes
    DecodeProblem problem = DecodeProblem::unknown_command;
    std::string command; // with its backslash, when a command is at fault
};

// Stable, machine-readable: "unknown-command", "unbalanced-braces", …
std::string_view code(DecodeProblem problem);
// One sentence, no trailing period: "unknown command \foo".
std::string describe(const DecodeWarning& warning);

struct Decoded {
    RichText text;
    std::vector<DecodeWarning> warnings;
};

Decoded decode_latex(std::string_view latex);

// The same, reusing `out`'s memory; warnings are appended.
void decode_latex(std::string_view latex, RichText& out, std::vector<DecodeWarning>& warnings);

// Whether decoding can change the value at all. When false, the value is one plain run (only
// NFC normalization, and only for non-ASCII input): no `\ { } $ ~ ' ``, no `--`, no whitespace
// other than single inner spaces.
bool needs_decoding(std::string_view latex);

} // namespace bibkit::text
