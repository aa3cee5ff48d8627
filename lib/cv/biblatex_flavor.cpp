// The biblatex flavour: the selected entries as cv.bib, each with a keyword per section it is
// in and the owner marked with biblatex's data annotations (author+an = {2=highlight}), and a
// fragment that prints one subbibliography per section. Talks and courses, which biblatex has
// no type for, become @misc with their kind in entrysubtype.

#include "flavor_common.hpp"
#include "markup.hpp"

#include <bibkit/core/ascii.hpp>
#include <bibkit/text/decode.hpp>
#include <bibkit/text/latex.hpp>
#include <map>
#include <set>

namespace bibkit::cv::detail {

namespace {

std::string section_keyword(const CvSection& section) {
    return "bibkitcv-" + section.spec.id;
}

std::string biblatex_type(const CvEntry& entry) {
    if (entry.bibtex_type == "talk" || entry.bibtex_type == "course") return "misc";
    return entry.bibtex_type;
}

// biblatex wants a month as a number ("legacy month field 'April' … is not an integer"); the
// value as read is the macro's expansion.
std::string biblatex_month(const std::string& value) {
    static constexpr std::string_view k_names[] = {"january",   "february", "march",    "april",
                                                   "may",       "june",     "july",     "august",
                                                   "september", "october",  "november", "december"};
    for (std::size_t i = 0; i < 12; ++i) {
        const std::string_view name = k_names[i];
        if (ascii::lowered(value) == name || ascii::lowered(value) == name.substr(0, 3))
            return std::to_string(i + 1);
    }
    return value;
}

// biber reads ISO 8601 dates without a time of day ("2025-03-11T14:00" is ignored).
std::string biblatex_date(const std::string& value) {
    const std::size_t time = value.find('T');
    if (time == 10 && value.find('/') == std::string::npos) return value.substr(0, time);
    return value;
}

// Fields biber reads verbatim (their text is never run as TeX, but must not end the value),
// and the file names and links of al-folio's fields, which biblatex's data model drops.
bool is_verbatim_field(std::string_view name) {
    for (std::string_view verbatim :
         {"url", "doi", "eprint", "file", "pdf", "urlraw", "arxiv", "html", "code", "slides",
          "poster", "video", "supp", "website", "blog"})
        if (name == verbatim) return true;
    return false;
}

// A value as cv.bib holds it. biblatex typesets what biber hands it, so, as in the other
// flavours, no value may run a command: text with none of TeX's special characters stays as
// read ("1123--1158", "Whitfield, Jr., Thomas"); any other is decoded and written again from
// the model (accents, {protection}, italics, sanitized math re-emitted; \input{…} and
// \write18 gone, specials escaped). A verbatim field with a backslash, a brace or a space is
// left out (""), as no link could use it.
std::string safe_value(std::string_view name, const std::string& value,
                       text::LatexCharset charset) {
    if (is_verbatim_field(name)) {
        for (char ch : value)
            if (ch == '\\' || ch == '{' || ch == '}' || static_cast<unsigned char>(ch) <= ' ')
                return {};
        return value;
    }
    if (value.find_first_of("\\{}$%#&^_~") == std::string::npos) return value;
    return text::to_latex(text::decode_latex(value).text, charset);
}

// The entry again, as BibTeX, its values made safe (safe_value), its keywords joined with the
// sections' own. The key is the one the fragment cites: safe_key's.
std::string bib_entry(const CvEntry& entry, const std::vector<std::string>& section_keywords,
                      text::LatexCharset charset) {
    std::string out = "@" + biblatex_type(entry) + "{" + safe_key(entry.key) + ",\n";
    std::string keywords;
    for (const RawField& field : entry.fields) {
        if (field.name == "keywords") {
            keywords = safe_value(field.name, field.value, charset);
            continue;
        }
        if (field.name == "author+an" || field.name == "entrysubtype") continue;
        const std::string value = field.name == "month"  ? biblatex_month(field.value)
                                  : field.name == "date" ? biblatex_date(field.value)
                                                         : field.value;
        const std::string safe = safe_value(field.name, value, charset);
        if (!safe.empty()) out += "  " + field.name + " = {" + safe + "},\n";
    }
    if (entry.bibtex_type == "talk" || entry.bibtex_type == "course")
        out += "  entrysubtype = {" + entry.bibtex_type + "},\n";
    for (const std::string& keyword : section_keywords)
        keywords += (keywords.empty() ? "" : ", ") + keyword;
    out += "  keywords = {" + keywords + "},\n";
    if (!entry.owner_positions.empty()) {
        std::string annotation;
        for (std::size_t position : entry.owner_positions)
            annotation +=
                (annotation.empty() ? "" : "; ") + std::to_string(position) + "=highlight";
        out += "  author+an = {" + annotation + "},\n";
    }
    return out + "}\n\n";
}

constexpr std::string_view k_macros =
    "% Add \\addbibresource{cv.bib} to the preamble (biblatex, backend=biber); with pdflatex,\n"
    "% run biber --output-safechars so that names reach LaTeX as accent commands.\n"
    "\\providecommand{\\bibkitowner}[1]{\\textbf{#1}}\n"
    "% The owner's name, which cv.bib marks with author+an = {N=highlight}, in \\bibkitowner.\n"
    "\\providecommand{\\bibkithighlight}[1]{\\ifitemannotation{highlight}{\\bibkitowner{#1}}{#1}}\n"
    "\\renewcommand*{\\mkbibnamegiven}[1]{\\bibkithighlight{#1}}\n"
    "\\renewcommand*{\\mkbibnamefamily}[1]{\\bibkithighlight{#1}}\n";

class BiblatexFlavor final : public Flavor {
  public:
    explicit BiblatexFlavor(text::LatexCharset charset) : m_charset(charset) {}
    std::string_view name() const override { return "biblatex"; }
    Markup markup() const override { return Markup::latex; }
    std::vector<OutputFile> write(std::span<const CvSection> sections) const override {
        return {{"cv.bib", bib(sections)}, {"cv-sections.tex", fragment(sections)}};
    }

  private:
    std::string bib(std::span<const CvSection> sections) const {
        std::map<std::string, std::vector<std::string>> keywords; // key → its sections
        for (const CvSection& section : sections)
            for (const CvEntry& entry : section.entries)
                keywords[entry.key].push_back(section_keyword(section));
        std::string out = "% Written by bibkit cv (biblatex flavour): the CV's entries, with a "
                          "keyword per section.\n\n";
        std::set<std::string> written;
        for (const CvSection& section : sections)
            for (const CvEntry& entry : section.entries)
                if (written.insert(entry.key).second)
                    out += bib_entry(entry, keywords[entry.key], m_charset);
        return out;
    }

    // Each refsection cites its own entries, in the section's order: with sorting=none the
    // numbers then count 1, 2 … per section (\nocite{*} would number every entry of cv.bib
    // in each). Keys as cv.bib writes them (safe_key: nothing TeX could misread).
    static std::string nocite(const CvSection& section) {
        if (section.entries.empty()) return {};
        std::string keys;
        for (const CvEntry& entry : section.entries)
            keys += (keys.empty() ? "" : ",") + safe_key(entry.key);
        return "\\nocite{" + keys + "}\n";
    }

    std::string fragment(std::span<const CvSection> sections) const {
        std::string out = "% Written by bibkit cv (biblatex flavour): do not edit, run bibkit cv "
                          "again.\n";
        out += k_macros;
        for (const CvSection& section : sections) {
            std::string title;
            text::append_latex_escaped(title, section.spec.title, m_charset);
            out += "\n\\begin{refsection}\n" + nocite(section);
            // Counting down: the first entry shows N, the last 1 (local to the refsection).
            if (section.spec.reversed && !section.entries.empty())
                out += "\\DeclareFieldFormat{labelnumber}{\\number\\numexpr " +
                       std::to_string(section.entries.size() + 1) + "-#1\\relax}\n";
            out += "\\newrefcontext[sorting=none";
            if (!section.spec.prefix.empty()) {
                out += ",labelprefix=";
                text::append_latex_escaped(out, section.spec.prefix, m_charset);
            }
            out += "]\n\\printbibliography[heading=subbibliography,title={" + title +
                   "},keyword={" + section_keyword(section) + "}]\n\\end{refsection}\n";
        }
        latex_unicode(out, m_charset);
        return out;
    }

    text::LatexCharset m_charset;
};

} // namespace

std::unique_ptr<Flavor> make_biblatex_flavor(text::LatexCharset charset) {
    return std::make_unique<BiblatexFlavor>(charset);
}

} // namespace bibkit::cv::detail
