#pragma once
// A CV section's entries, rendered once for one markup (LaTeX, Markdown or HTML) and then laid
// out by a flavour (flavor.hpp). Every text here is already escaped for its markup: values from
// a .bib reach the output only through the rich-text writers and the CSL processor's formats,
// never passed through.

#include <bibkit/core/diagnostic.hpp>
#include <bibkit/core/exit_code.hpp>
#include <bibkit/core/expected.hpp>
#include <bibkit/cv/owner.hpp>
#include <bibkit/cv/section.hpp>
#include <bibkit/export/csl_listing.hpp>
#include <bibkit/query/record.hpp>
#include <bibkit/text/latex.hpp>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace bibkit::cv {

enum class Markup : std::uint8_t { latex, markdown, html };

struct CvLink {
    std::string label; // "DOI", "arXiv", "PDF", "Code", "Slides", "Video", "Website"
    std::string url;   // absolute http(s) only, as written: each flavour escapes it
};

// A field as the .bib has it (macros expanded), for the biblatex flavour.
struct RawField {
    std::string name;
    std::string value;
};

struct CvEntry {
    std::string key;
    std::string number; // "J3"; "" in an unnumbered section
    Layout layout = Layout::publication;
    // publication: the whole entry in the CSL style, the owner's name in bold.
    std::string citation;
    // talk: title, talk type, event, venue, location, date ("18 May 2027").
    // course: title, role, level and programme, institution, "", term or dates.
    std::string title, kind, event, venue, location, date;
    std::string year; // digits, or ""
    std::vector<CvLink> links;

    // The biblatex flavour writes the entry again, as BibTeX: its type, fields, and where the
    // owner is in the author list (1-based).
    std::string bibtex_type;
    std::vector<RawField> fields;
    std::vector<std::size_t> owner_positions;
};

struct CvSection {
    SectionSpec spec;
    std::vector<CvEntry> entries; // in output order, numbered
};

struct CvOptions {
    std::optional<OwnerName> owner;
    exports::CslListingOptions csl; // the publications' style and locale
    Markup markup = Markup::latex;
    text::LatexCharset charset = text::LatexCharset::utf8;
    std::string base_url; // relative links made absolute against it; "" leaves them out
};

struct CvError {
    ExitCode code; // usage (a bad query, style or locale) or io
    std::string message;
};

// What the sections are selected from; all of it must outlive the call.
struct CvSource {
    const bibtex::Bibliography* bibliography = nullptr;
    const bibtex::Database* database = nullptr;
    const model::EffectiveFields* fields = nullptr;
    std::span<const query::Record> records;
};

// Each section's entries: its query's selection, sorted, cut to max, numbered and rendered.
// LaTeX, name and date problems of the entries go to `diagnostics` (not yet located: see
// locate_diagnostics).
Expected<std::vector<CvSection>, CvError> build_sections(const CvSource& source,
                                                         std::span<const SectionSpec> specs,
                                                         const CvOptions& options,
                                                         std::vector<Diagnostic>& diagnostics);

// "J3" for the i-th (0-based) of n entries; counting down when reversed; "" without a prefix.
std::string entry_number(const SectionSpec& spec, std::size_t i, std::size_t n);

} // namespace bibkit::cv
