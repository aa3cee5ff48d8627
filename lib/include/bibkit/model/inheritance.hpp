#pragma once
// crossref and xdata inheritance: each entry's effective fields are its own (aliases folded to
// biblatex's names, see field_aliases.hpp), then those of its `xdata` entries in the order
// listed, then those inherited from its `crossref` parent; a field already present is never
// replaced. Parents are resolved first, so chains (a → b → c) pass fields down; cycles and
// references to missing keys are reported as problems and the offending link is ignored.
// Keys match without regard to case, as in BibTeX. Linear in entries and fields: each entry is
// resolved once, on an explicit stack (no recursion, whatever the chain's length).
//
// crossref follows biblatex's type-pair rules (its manual, appendix B): a book's, collection's
// or proceedings' title/subtitle/titleaddon become booktitle/booksubtitle/booktitleaddon in its
// inbook/incollection/inproceedings… children, an mv* parent's become maintitle/…, a
// periodical's become journaltitle/…; book and mvbook authors become the child's bookauthor
// too; shorttitle, sorttitle, indextitle, indexsorttitle are then not inherited. Every other
// field is inherited under its own name, except the entry's own bookkeeping: ids, crossref,
// xref, xdata, entryset, entrysubtype, execute, key, label, options, presort, related*,
// shorthand, shorthandintro, sortkey. A field from a rule wins over a parent's field of the same
// name (a proceedings' title, not its booktitle, becomes the paper's booktitle), as in biber.

#include <bibkit/bibtex/bibliography.hpp>
#include <bibkit/bibtex/database.hpp>
#include <bibkit/core/diagnostic.hpp>
#include <bibkit/core/huge_page_allocator.hpp>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::model {

enum class CrossrefRules : std::uint8_t {
    biblatex, // the type-pair rules above
    bibtex,   // BibTeX 0.99d: every field the child lacks, under its own name
};

enum class Inherited : std::uint8_t { own, xdata, crossref };

struct FieldOrigin {
    Inherited via = Inherited::own; // how the field reached this entry
    std::uint32_t entry = 0;        // Database::entries index of the entry that holds the value
    std::string_view name;          // the name it has there, as read ("title" for a booktitle)
};

enum class InheritanceProblemKind : std::uint8_t {
    dangling_crossref, // crossref names a key no entry has
    dangling_xdata,    // likewise for one of the xdata keys
    crossref_cycle,    // following crossref/xdata links comes back to the entry
    xdata_cycle,
};

struct InheritanceProblem {
    InheritanceProblemKind kind = InheritanceProblemKind::dangling_crossref;
    std::uint32_t entry = 0; // the entry whose link is ignored
    std::string_view key;    // its key, as written
    std::string_view target; // the key it links to, as written
    std::string message;     // one sentence, no trailing period

    // "dangling-crossref", "dangling-xdata", "crossref-cycle", "xdata-cycle".
    std::string_view code() const;
    // Dangling links are warnings (BibTeX goes on without the parent); cycles are errors.
    Severity severity() const;
};

class EffectiveFields {
  public:
    // The database must outlive the result: names and values view into it.
    static EffectiveFields resolve(const bibtex::Database& database,
                                   CrossrefRules rules = CrossrefRules::biblatex);

    std::size_t size() const { return m_ranges.size(); }
    // Entry i's fields (canonical names) and, parallel to them, where each came from.
    std::span<const bibtex::Field> fields(std::size_t entry) const;
    std::span<const FieldOrigin> origins(std::size_t entry) const;
    std::span<const InheritanceProblem> problems() const { return m_problems; }

  private:
    friend class InheritanceResolver;
    struct Range {
        std::uint32_t begin = 0;
        std::uint32_t count = 0;
    };
    // Huge-page backed: first touches of fresh memory dominated resolution on a VM.
    BigVector<bibtex::Field> m_fields;
    BigVector<FieldOrigin> m_origins;
    std::vector<Range> m_ranges; // by entry index
    std::vector<InheritanceProblem> m_problems;
};

// The problems as compiler-style diagnostics pointing at the crossref or xdata value, with the
// entry key. `bibliography` is the one `database` was resolved from.
std::vector<Diagnostic> inheritance_diagnostics(const EffectiveFields& fields,
                                                const bibtex::Database& database,
                                                const bibtex::Bibliography& bibliography);

} // namespace bibkit::model
