#include "output.hpp"

#include <bibkit/csl/output_format.hpp>
#include <bibkit/text/html.hpp>
#include <bibkit/text/math.hpp>

namespace bibkit::csl {
namespace {

using detail::Markup;

constexpr std::string_view k_apostrophe = "\xE2\x80\x99";

// Typographic apostrophes, as the CSL test suite expects of every format.
template <class Escape> void escape_with(std::string& out, std::string_view text, Escape&& escape) {
    for (char c : text) {
        if (c == '\'')
            out += k_apostrophe;
        else if (!escape(out, c))
            out += c;
    }
}

// Unicode superscript letters and digits, which citeproc-js writes as <sup>.
constexpr std::pair<std::string_view, char> k_superscripts[] = {
    {"\u00AA", 'a'}, {"\u00BA", 'o'}, {"\u00B9", '1'}, {"\u00B2", '2'}, {"\u00B3", '3'},
    {"\u02B3", 'r'}, {"\u1D49", 'e'}, {"\u02E2", 's'}, {"\u1D57", 't'}, {"\u02B0", 'h'},
    {"\u207F", 'n'}, {"\u1D48", 'd'}, {"\u1D43", 'a'}, {"\u1D52", 'o'}, {"\u02E1", 'l'},
    {"\u1D50", 'm'}, {"\u1D9C", 'c'}, {"\u02B2", 'j'}, {"\u1D4D", 'g'}, {"\u1D4F", 'k'},
    {"\u1D56", 'p'}, {"\u1D58", 'u'}, {"\u1D5B", 'v'}, {"\u02B7", 'w'}, {"\u02E3", 'x'},
    {"\u02B8", 'y'}, {"\u1DBB", 'z'}, {"\u2071", 'i'}, {"\u1D47", 'b'}, {"\u1DA0", 'f'},
};

class HtmlFormat final : public OutputFormat {
  public:
    std::string_view name() const override { return "html"; }
    void escape(std::string& out, std::string_view text) const override {
        std::size_t start = 0;
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (static_cast<unsigned char>(text[i]) < 0xC2) continue;
            for (auto [sup, letter] : k_superscripts) {
                if (!text.substr(i).starts_with(sup)) continue;
                escape_plain(out, text.substr(start, i - start));
                out += "<sup>";
                out += letter;
                out += "</sup>";
                i += sup.size() - 1;
                start = i + 1;
                break;
            }
        }
        escape_plain(out, text.substr(start));
    }
    static void escape_plain(std::string& out, std::string_view text) {
        escape_with(out, text, [](std::string& o, char c) {
            if (c == '&')
                o += "&#38;";
            else if (c == '<')
                o += "&#60;";
            else if (c == '>')
                o += "&#62;";
            else
                return false;
            return true;
        });
    }
    // For MathJax or KaTeX, as text::to_html writes math; sanitized again like LaTeX's, so
    // no MathJax extension command (`\require`, `\href`) reaches the page.
    bool math(std::string& out, std::string_view tex, bool display) const override {
        out += display ? "<span class=\"math display\">\\[" : "<span class=\"math\">\\(";
        text::append_html_escaped(out, text::math_sanitize(tex));
        out += display ? "\\]</span>" : "\\)</span>";
        return true;
    }
    void open(std::string& out, Markup m) const override {
        switch (m) {
        case Markup::italic:
            out += "<i>";
            break;
        case Markup::oblique:
            out += "<span style=\"font-style:oblique;\">";
            break;
        case Markup::normal_style:
            out += "<span style=\"font-style:normal;\">";
            break;
        case Markup::bold:
            out += "<b>";
            break;
        case Markup::light:
            out += "<span style=\"font-weight:light;\">";
            break;
        case Markup::normal_weight:
            out += "<span style=\"font-weight:normal;\">";
            break;
        case Markup::small_caps:
            out += "<span style=\"font-variant:small-caps;\">";
            break;
        case Markup::normal_variant:
            out += "<span style=\"font-variant:normal;\">";
            break;
        case Markup::underline:
            out += "<span style=\"text-decoration:underline;\">";
            break;
        case Markup::no_decoration:
            out += "<span style=\"text-decoration:none;\">";
            break;
        case Markup::superscript:
            out += "<sup>";
            break;
        case Markup::subscript:
            out += "<sub>";
            break;
        case Markup::baseline:
            out += "<span style=\"baseline\">";
            break;
        case Markup::block:
            out += "<div class=\"csl-block\">";
            break;
        case Markup::left_margin:
            out += "<div class=\"csl-left-margin\">";
            break;
        case Markup::right_inline:
            out += "<div class=\"csl-right-inline\">";
            break;
        case Markup::indent:
            out += "<div class=\"csl-indent\">";
            break;
        }
    }
    void close(std::string& out, Markup m) const override {
        switch (m) {
        case Markup::italic:
            out += "</i>";
            break;
        case Markup::bold:
            out += "</b>";
            break;
        case Markup::superscript:
            out += "</sup>";
            break;
        case Markup::subscript:
            out += "</sub>";
            break;
        case Markup::block:
        case Markup::left_margin:
        case Markup::right_inline:
        case Markup::indent:
            out += "</div>";
            break;
        default:
            out += "</span>";
        }
    }
    std::string bibliography_block(const std::vector<std::string>& entries) const override {
        std::string out = "<div class=\"csl-bib-body\">\n";
        for (const std::string& e : entries) {
            // Entries made of display blocks go on lines of their own, as citeproc-js writes them.
            constexpr std::string_view k_block = "<div class=\"csl-block\">";
            if (e.starts_with(k_block) && e.find("</div>") + 6 < e.size()) {
                std::size_t end = e.find("</div>") + 6;
                out += "  <div class=\"csl-entry\">\n\n    " + e.substr(0, end) + "\n\n    " +
                       e.substr(end) + "\n  </div>\n";
            } else if (e.starts_with("<div class=\"csl-")) {
                // citeproc-js moves the spaces ending the last block to the closing line.
                std::string body = e;
                std::string spaces;
                if (body.ends_with("</div>")) {
                    std::size_t end = body.size() - 6;
                    while (end > 0 && body[end - 1] == ' ') {
                        --end;
                        spaces += ' ';
                    }
                    body.erase(end, spaces.size());
                }
                out += "  <div class=\"csl-entry\">\n    " + body + "\n" + spaces + "  </div>\n";
            } else {
                out += "  <div class=\"csl-entry\">" + e + "</div>\n";
            }
        }
        out += "</div>";
        return out;
    }
};

class TextFormat final : public OutputFormat {
  public:
    std::string_view name() const override { return "text"; }
    void escape(std::string& out, std::string_view text) const override {
        escape_with(out, text, [](std::string&, char) { return false; });
    }
    void open(std::string&, Markup) const override {}
    void close(std::string& out, Markup m) const override {
        if (m == Markup::left_margin) out += ' ';
    }
    std::string bibliography_block(const std::vector<std::string>& entries) const override {
        std::string out;
        for (const std::string& e : entries) out += e + "\n";
        return out;
    }
};

class LatexFormat final : public OutputFormat {
  public:
    std::string_view name() const override { return "latex"; }
    void escape(std::string& out, std::string_view text) const override {
        escape_with(out, text, [](std::string& o, char c) {
            switch (c) {
            case '\\':
                o += "\\textbackslash{}";
                return true;
            case '{':
                o += "\\{";
                return true;
            case '}':
                o += "\\}";
                return true;
            case '%':
                o += "\\%";
                return true;
            case '#':
                o += "\\#";
                return true;
            case '&':
                o += "\\&";
                return true;
            case '_':
                o += "\\_";
                return true;
            case '$':
                o += "\\$";
                return true;
            case '^':
                o += "\\textasciicircum{}";
                return true;
            case '~':
                o += "\\textasciitilde{}";
                return true;
            default:
                return false;
            }
        });
    }
    // The TeX again, sanitized here too: whatever built the item, only commands the model's
    // math whitelist knows reach LaTeX (`\write18` becomes `\mathrm{write}18`).
    bool math(std::string& out, std::string_view tex, bool display) const override {
        out += display ? "\\[" : "$";
        out += text::math_sanitize(tex);
        out += display ? "\\]" : "$";
        return true;
    }
    void open(std::string& out, Markup m) const override {
        switch (m) {
        case Markup::italic:
        case Markup::oblique:
            out += "\\emph{";
            break;
        case Markup::normal_style:
            out += "\\textup{";
            break;
        case Markup::bold:
            out += "\\textbf{";
            break;
        case Markup::normal_weight:
        case Markup::light:
            out += "\\textmd{";
            break;
        case Markup::small_caps:
            out += "\\textsc{";
            break;
        case Markup::normal_variant:
            out += "\\textnormal{";
            break;
        case Markup::underline:
            out += "\\underline{";
            break;
        case Markup::superscript:
            out += "\\textsuperscript{";
            break;
        case Markup::subscript:
            out += "\\textsubscript{";
            break;
        default:
            out += "{";
        }
    }
    void close(std::string& out, Markup m) const override {
        out += '}';
        if (m == Markup::left_margin) out += ' ';
    }
    std::string bibliography_block(const std::vector<std::string>& entries) const override {
        std::string out;
        for (const std::string& e : entries) out += e + "\n\n";
        return out;
    }
};

class MarkdownFormat final : public OutputFormat {
  public:
    std::string_view name() const override { return "markdown"; }
    void escape(std::string& out, std::string_view text) const override {
        escape_with(out, text, [](std::string& o, char c) {
            static constexpr std::string_view k_special = "\\`*_{}[]<>#|~";
            if (k_special.find(c) == std::string_view::npos) return false;
            o += '\\';
            o += c;
            return true;
        });
    }
    void open(std::string& out, Markup m) const override { out += tag(m, true); }
    void close(std::string& out, Markup m) const override { out += tag(m, false); }
    std::string bibliography_block(const std::vector<std::string>& entries) const override {
        std::string out;
        for (const std::string& e : entries) out += e + "\n\n";
        return out;
    }

  private:
    static std::string_view tag(Markup m, bool opening) {
        switch (m) {
        case Markup::italic:
        case Markup::oblique:
            return "*";
        case Markup::bold:
            return "**";
        case Markup::superscript:
            return "^";
        case Markup::subscript:
            return "~";
        case Markup::left_margin:
            return opening ? "" : " ";
        default:
            return "";
        }
    }
};

} // namespace

const OutputFormat& html_format() {
    static const HtmlFormat format;
    return format;
}
const OutputFormat& text_format() {
    static const TextFormat format;
    return format;
}
const OutputFormat& latex_format() {
    static const LatexFormat format;
    return format;
}
const OutputFormat& markdown_format() {
    static const MarkdownFormat format;
    return format;
}

const OutputFormat* find_output_format(std::string_view name) {
    for (const OutputFormat* f :
         {&html_format(), &text_format(), &latex_format(), &markdown_format()}) {
        if (f->name() == name) return f;
    }
    return nullptr;
}

} // namespace bibkit::csl
