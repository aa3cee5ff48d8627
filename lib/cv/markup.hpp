#pragma once
// What rendering entries needs of a markup: the CSL format, the rich-text writer, plain-text
// escaping, bold, and a last pass over finished text (LaTeX: characters pdflatex cannot read
// as UTF-8 become commands). One implementation per markup.

#include <bibkit/csl/output_format.hpp>
#include <bibkit/cv/entry.hpp>
#include <bibkit/text/rich_text.hpp>
#include <string>
#include <string_view>

namespace bibkit::cv::detail {

class TextMarkup {
  public:
    virtual ~TextMarkup() = default;
    virtual const csl::OutputFormat& csl_format() const = 0;
    virtual std::string rich(const text::RichText& text) const = 0;
    virtual std::string plain(std::string_view text) const = 0;
    virtual std::string_view bold_open() const = 0;
    virtual std::string_view bold_close() const = 0;
    // Whether `inner`, a piece of this markup's text, can be wrapped in bold as a whole (LaTeX:
    // its braces balance).
    virtual bool can_wrap(std::string_view inner) const = 0;
    virtual void finish(std::string& text) const { (void)text; }
};

const TextMarkup& markup_for(Markup markup, text::LatexCharset charset);

// LaTeX text with every non-ASCII character that pdflatex's utf8 input cannot take with the
// standard fonts (all of them for LatexCharset::ascii) written as a command; control
// characters dropped. ASCII is left alone, so commands and escapes stay as they are.
void latex_unicode(std::string& latex, text::LatexCharset charset);

} // namespace bibkit::cv::detail
