// The three markups of CV entries.

#include "markup.hpp"

#include <bibkit/text/html.hpp>
#include <bibkit/text/latex.hpp>
#include <bibkit/text/markdown.hpp>

namespace bibkit::cv::detail {

namespace {

// Latin-1, Latin Extended-A and the usual dashes, quotes and ellipsis: LaTeX's utf8 input
// (the default since 2018) writes all of them with the standard fonts.
bool pdflatex_reads(char32_t c) {
    return (c >= 0xA0 && c <= 0x17F) || c == 0x2013 || c == 0x2014 || c == 0x2018 || c == 0x2019 ||
           c == 0x201C || c == 0x201D || c == 0x2026;
}

std::size_t sequence_length(unsigned char lead) {
    if (lead >= 0xF0) return 4;
    if (lead >= 0xE0) return 3;
    return lead >= 0xC0 ? 2 : 1;
}

char32_t decode(std::string_view sequence) {
    const auto byte = [&](std::size_t i) {
        return static_cast<char32_t>(static_cast<unsigned char>(sequence[i]));
    };
    switch (sequence.size()) {
    case 2:
        return ((byte(0) & 0x1F) << 6) | (byte(1) & 0x3F);
    case 3:
        return ((byte(0) & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
    case 4:
        return ((byte(0) & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) |
               (byte(3) & 0x3F);
    default:
        return byte(0);
    }
}

class LatexMarkup final : public TextMarkup {
  public:
    explicit LatexMarkup(text::LatexCharset charset) : m_charset(charset) {}
    const csl::OutputFormat& csl_format() const override { return csl::latex_format(); }
    std::string rich(const text::RichText& text) const override {
        return text::to_latex(text, m_charset);
    }
    std::string plain(std::string_view text) const override {
        std::string out;
        text::append_latex_escaped(out, text, m_charset);
        return out;
    }
    std::string_view bold_open() const override { return "\\bibkitowner{"; }
    std::string_view bold_close() const override { return "}"; }
    bool can_wrap(std::string_view inner) const override {
        int depth = 0;
        for (std::size_t i = 0; i < inner.size(); ++i) {
            if (inner[i] == '\\') {
                ++i; // an escaped brace is no brace
            } else if (inner[i] == '{') {
                ++depth;
            } else if (inner[i] == '}' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
    void finish(std::string& text) const override { latex_unicode(text, m_charset); }

  private:
    text::LatexCharset m_charset;
};

class MarkdownMarkup final : public TextMarkup {
  public:
    const csl::OutputFormat& csl_format() const override { return csl::markdown_format(); }
    std::string rich(const text::RichText& text) const override { return text::to_markdown(text); }
    std::string plain(std::string_view text) const override {
        std::string out;
        text::append_markdown_escaped(out, text);
        return out;
    }
    std::string_view bold_open() const override { return "**"; }
    std::string_view bold_close() const override { return "**"; }
    bool can_wrap(std::string_view inner) const override {
        return inner.find('*') == std::string_view::npos;
    }
};

class HtmlMarkup final : public TextMarkup {
  public:
    const csl::OutputFormat& csl_format() const override { return csl::html_format(); }
    std::string rich(const text::RichText& text) const override { return text::to_html(text); }
    std::string plain(std::string_view text) const override {
        std::string out;
        text::append_html_escaped(out, text);
        return out;
    }
    std::string_view bold_open() const override { return "<strong class=\"cv-owner\">"; }
    std::string_view bold_close() const override { return "</strong>"; }
    bool can_wrap(std::string_view inner) const override {
        return inner.find_first_of("<>") == std::string_view::npos;
    }
};

} // namespace

const TextMarkup& markup_for(Markup markup, text::LatexCharset charset) {
    static const LatexMarkup utf8(text::LatexCharset::utf8);
    static const LatexMarkup ascii(text::LatexCharset::ascii);
    static const MarkdownMarkup markdown;
    static const HtmlMarkup html;
    switch (markup) {
    case Markup::markdown:
        return markdown;
    case Markup::html:
        return html;
    case Markup::latex:
        break;
    }
    return charset == text::LatexCharset::ascii ? ascii : utf8;
}

void latex_unicode(std::string& latex, text::LatexCharset charset) {
    std::string out;
    out.reserve(latex.size());
    for (std::size_t i = 0; i < latex.size();) {
        const auto lead = static_cast<unsigned char>(latex[i]);
        const std::size_t size = std::min(sequence_length(lead), latex.size() - i);
        const std::string_view sequence = std::string_view(latex).substr(i, size);
        i += size;
        const char32_t c = decode(sequence);
        if (c < 0x80) {
            if (c >= 0x20 || c == '\n')
                out += static_cast<char>(c);
            else if (c == '\t')
                out += ' ';
        } else if (c < 0xA0 || (lead & 0xC0) == 0x80) {
            continue; // C1 controls and stray continuation bytes
        } else if (charset == text::LatexCharset::utf8 && pdflatex_reads(c)) {
            out += sequence;
        } else {
            text::append_latex_escaped(out, sequence, text::LatexCharset::ascii);
        }
    }
    latex = std::move(out);
}

} // namespace bibkit::cv::detail
