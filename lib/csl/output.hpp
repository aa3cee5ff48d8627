#pragma once
// The formatted-output tree the evaluation builds and an OutputFormat writes: leaves of text and
// spans carrying CSL's formatting, affixes, delimiter, quotes and display.

#include "compiled_style.hpp"

#include <bibkit/csl/output_format.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::csl::detail {

struct OutNode {
    std::string text; // a leaf's text (spans have none); math: its readable rendering
    bool is_span = false;
    bool is_math = false;      // a leaf of TeX math: `text` for plain uses, `math_tex` for formats
    bool display_math = false; // math set off on its own (`\[…\]`, `$$…$$`)
    std::string math_tex;      // math: the TeX source, as the model sanitized it
    bool nocase = false;       // a leaf that no text-case changes
    bool term = false;         // a leaf that is a locale term
    bool quotes = false;
    bool is_names = false; // a cs:names output (subsequent-author-substitute finds it)
    Formatting fmt;
    Display display = Display::none;
    std::string prefix, suffix, delimiter;
    std::vector<OutNode> children;

    static OutNode leaf(std::string text, bool nocase = false) {
        OutNode n;
        n.text = std::move(text);
        n.nocase = nocase;
        return n;
    }
    // Math from rich text: formats that can show TeX write `tex`, the others `readable`.
    static OutNode math(std::string readable, std::string tex, bool display) {
        OutNode n;
        n.text = std::move(readable);
        n.nocase = true;
        n.is_math = true;
        n.display_math = display;
        n.math_tex = std::move(tex);
        return n;
    }
    static OutNode span() {
        OutNode n;
        n.is_span = true;
        return n;
    }
    // No text anywhere below (affixes alone do not count).
    bool empty() const;
};

// The markup a format opens and closes around formatted pieces.
enum class Markup : std::uint8_t {
    italic,
    oblique,
    normal_style,
    bold,
    light,
    normal_weight,
    small_caps,
    normal_variant,
    underline,
    no_decoration,
    superscript,
    subscript,
    baseline,
    block,
    left_margin,
    right_inline,
    indent,
};

struct QuoteMarks {
    std::string open = "\xE2\x80\x9C", close = "\xE2\x80\x9D";
    std::string open_inner = "\xE2\x80\x98", close_inner = "\xE2\x80\x99";
    bool punctuation_in_quote = false;
};

// Writes `node` in `format`, merging duplicate punctuation at piece boundaries and moving
// punctuation into closing quotes where the locale says so.
void write_output(std::string& out, const OutNode& node, const OutputFormat& format,
                  const QuoteMarks& quotes);
// The leaves' text without markup (for comparisons: disambiguation, sorting,
// subsequent-author-substitute).
std::string plain_text(const OutNode& node);

} // namespace bibkit::csl::detail

namespace bibkit::csl {

class OutputFormat {
  public:
    virtual ~OutputFormat() = default;
    virtual std::string_view name() const = 0;
    virtual void escape(std::string& out, std::string_view text) const = 0;
    virtual void open(std::string& out, detail::Markup markup) const = 0;
    virtual void close(std::string& out, detail::Markup markup) const = 0;
    // Writes TeX math (`tex`, without delimiters) in this format's own notation and returns
    // true, or returns false to have its readable rendering written as text instead.
    virtual bool math(std::string& out, std::string_view tex, bool display) const {
        (void)out;
        (void)tex;
        (void)display;
        return false;
    }
    // The bibliography block around the entries.
    virtual std::string bibliography_block(const std::vector<std::string>& entries) const = 0;
};

} // namespace bibkit::csl
