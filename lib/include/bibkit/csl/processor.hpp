#pragma once
// The CSL processor: a style and its locales, evaluated over items into citations and a
// bibliography in one output format. Data flow as in jgm/citeproc: style → evaluation into a
// formatted-output tree → an OutputFormat writes it.

#include <bibkit/csl/locale.hpp>
#include <bibkit/csl/output_format.hpp>
#include <bibkit/csl/style.hpp>
#include <bibkit/model/item.hpp>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::csl {

struct ProcessorOptions {
    // The locale tag to render in; "" means the style's default-locale, else en-US.
    std::string locale;
    // False: bibliography(ids) keeps the order of the ids given instead of the style's sort
    // (jekyll-scholar lists entries in its query's order; numbering and year suffixes follow it).
    bool style_sort = true;
};

// One cite inside a citation (CSL-JSON citation item).
struct CitationItem {
    std::string id;
    std::string locator;
    std::string label; // the locator's term ("page", "chapter" …); "" means page
    std::string prefix;
    std::string suffix;
    bool suppress_author = false;
    bool author_only = false;
};

struct Citation {
    std::string id; // the citation's own id, may be ""
    std::vector<CitationItem> items;
    int note_index = 0; // the footnote it sits in (note styles), 0 for in-text
};

struct BibliographyEntry {
    std::string id;      // the item's id (model::Item::key)
    std::string content; // the entry rendered in the output format, without the entry wrapper
};

struct Bibliography {
    std::vector<BibliographyEntry> entries; // in the style's sort order
    // The style's bibliography layout options the caller may need for its wrapper.
    bool hanging_indent = false;
    bool second_field_align = false;
    int line_spacing = 1;
    int entry_spacing = 1;
};

class Processor {
  public:
    // `locales`: locale files, most specific first (LocaleCatalog::chain); the style's own
    // cs:locale elements take precedence as CSL says. `items` must outlive the processor; an
    // item's id is its key.
    Processor(const Style& style, std::span<const Locale> locales,
              std::span<const model::Item> items, const OutputFormat& format,
              ProcessorOptions options = {});
    ~Processor();
    Processor(Processor&&) noexcept;
    Processor& operator=(Processor&&) noexcept;

    // The bibliography of every item (or of the ids given, in that order before sorting),
    // sorted by the style; empty when the style has none.
    Bibliography bibliography() const;
    Bibliography bibliography(std::span<const std::string> ids) const;

    // The citations of a document, in document order: positions (first, subsequent, ibid,
    // ibid-with-locator, near-note), disambiguation and collapsing are computed over all of
    // them. One rendered string per citation.
    std::vector<std::string> cite(std::span<const Citation> citations) const;

    // The bibliography as one block in the output format: for html the test suite's
    // `<div class="csl-bib-body">` with one `  <div class="csl-entry">…</div>` per line; for
    // text one entry per line.
    std::string format_bibliography(const Bibliography& bibliography) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace bibkit::csl
