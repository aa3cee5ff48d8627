#pragma once
// Which BibTeX/biblatex field feeds which CSL 1.0.2 variable: one table (csl_fields.cpp) of
// alternatives in priority order, some limited to a family of types (issue from `number` for
// articles, collection-number for books and their parts, number otherwise). It follows
// pandoc's converter where pandoc and citation-js differ (maintitle/booktitle/volume-title,
// the publisher chain). Values are not converted here: names, dates and LaTeX text belong to
// their own modules; this says where each variable comes from.

#include <array>
#include <bibkit/bibtex/database.hpp>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace bibkit::model {

enum class CslValueKind : std::uint8_t {
    title,      // rich text; parts: main, subtitle, addon, joined "main: subtitle. addon"
    text,       // rich text (publisher, note, abstract, …)
    number,     // volume, issue, edition, …: text that CSL may treat as a number
    page,       // a page range; see page_range.hpp
    names,      // a name list (author, editor, …)
    date,       // parts: `date`-style field, or year, month, day
    identifier, // raw text, no LaTeX decoding beyond escapes: DOI, URL, ISBN, ISSN, PMID, …
    keywords,   // a list; see lists.hpp
};

struct CslSource {
    std::string_view variable; // "container-title"
    CslValueKind kind = CslValueKind::text;
    // parts[0] is the field the value comes from. Titles: subtitle and addon in [1], [2];
    // dates from BibTeX fields: year in [0], month in [1], day in [2]. Unused parts are null.
    std::array<const bibtex::Field*, 3> parts{};

    const bibtex::Field& field() const { return *parts[0]; }
};

// The sources of every CSL variable the fields can fill, in table order; at most one per
// variable. `type` is the entry type (any spelling; canonical_entry_type() is applied). Field
// names may be as read or alias-folded. The pointers view into `fields`.
std::vector<CslSource> csl_sources(std::string_view type, std::span<const bibtex::Field> fields);

} // namespace bibkit::model
