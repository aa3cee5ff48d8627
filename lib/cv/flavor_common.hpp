#pragma once
// What the flavours share: the LaTeX file set (a file per section, cv-sections.tex inputting
// them, the macro block at the top of each) and the text of talk and course entries.

#include <bibkit/cv/flavor.hpp>
#include <string>
#include <string_view>

namespace bibkit::cv::detail {

// "Invited talk, Workshop …, Universidad de Chile, Santiago, Chile, 18 May 2027" of the parts
// that are there (title excluded).
std::string entry_details(const CvEntry& entry);

// "Title." unless the title already ends in . ? or ! (markup closing a span is looked through).
std::string with_period(std::string text);

// A key as it may appear in a LaTeX comment or an HTML id: letters, digits and - _ : . / only.
std::string safe_key(std::string_view key);

// \bibkitlinks{\bibkitlink{URL}{DOI}\bibkitlinksep …}, or "" without links.
std::string latex_links(const CvEntry& entry);
// Plain text escaped for LaTeX (UTF-8 kept: the file set converts it as the charset says).
std::string latex_escaped(std::string_view plain_text);

// A LaTeX flavour: the file set is common, the macros and each section's body are its own.
class LatexFlavor : public Flavor {
  public:
    explicit LatexFlavor(text::LatexCharset charset) : m_charset(charset) {}
    Markup markup() const override { return Markup::latex; }
    std::vector<OutputFile> write(std::span<const CvSection> sections) const override;

  protected:
    // \providecommand lines, one macro each.
    virtual std::string macros() const = 0;
    virtual void section(std::string& out, const CvSection& section) const = 0;

  private:
    std::string header() const;
    text::LatexCharset m_charset;
};

} // namespace bibkit::cv::detail
