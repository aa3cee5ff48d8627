#pragma once
// The normalized entry every later feature reads (query, CSL, exporters): CSL's view of a BibTeX
// entry. Each CSL variable the entry can fill (csl_fields.hpp says from which field) holds its
// decoded value: rich text, names, a date or plain text. The effective BibTeX fields (own,
// xdata, crossref; canonical names) stay available for what CSL has no variable for (al-folio's
// abbr, selected, pdf, code …).

#include <bibkit/bibtex/bibliography.hpp>
#include <bibkit/bibtex/database.hpp>
#include <bibkit/core/diagnostic.hpp>
#include <bibkit/dates/date.hpp>
#include <bibkit/model/arxiv_id.hpp>
#include <bibkit/model/doi.hpp>
#include <bibkit/model/inheritance.hpp>
#include <bibkit/model/isbn.hpp>
#include <bibkit/text/rich_text.hpp>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::model {

// One name, decoded to Unicode text (CSL's name parts).
struct Person {
    std::string family;
    std::string given;
    std::string particle;          // CSL non-dropping-particle (BibTeX's von part)
    std::string dropping_particle; // CSL dropping-particle
    std::string suffix;
    std::string literal; // an institution, `{World Health Organization}`
    bool operator==(const Person&) const = default;
};

// The name in reading order, "Given particle Family, Suffix" ("Ludwig van Beethoven", "Martin
// Luther King, Jr."), or the literal: for feeds and web pages, which show names as written.
std::string display_name(const Person& person);

struct Names {
    std::vector<Person> people;
    bool et_al = false; // the list ended in `and others`
};

template <class Value> struct Variable {
    std::string_view name; // the CSL variable: "title", "container-title", "author", "issued"
    Value value;
};

struct Item {
    std::string_view key;      // as written
    std::string_view type;     // as read, lower-cased: "inproceedings", "talk"
    std::string_view csl_type; // "paper-conference", "speech"
    std::uint32_t entry = 0;   // index into Database::entries
    // The effective fields: own, then xdata's, then crossref's; biblatex's names.
    std::span<const bibtex::Field> fields;

    std::vector<Variable<text::RichText>> texts; // title, container-title, publisher, note …
    std::vector<Variable<std::string>> plain;    // volume, issue, page, DOI, URL, ISBN …
    std::vector<Variable<Names>> names;          // author, editor, translator …
    std::vector<Variable<dates::Date>> dates;    // issued, accessed, event-date …
    std::vector<std::string> keywords;           // decoded, in order
    std::vector<std::string> projects;           // al-folio's `project`, decoded

    std::optional<Doi> doi;
    std::optional<ArxivId> arxiv;
    std::optional<Isbn> isbn;
    std::optional<std::string> url;

    const text::RichText* text(std::string_view variable) const;
    const std::string* plain_text(std::string_view variable) const;
    const Names* name_list(std::string_view variable) const;
    const dates::Date* date(std::string_view variable) const;
    // A BibTeX field by biblatex's name or any alias ("journal" finds journaltitle), or null.
    const bibtex::Field* field(std::string_view name) const;
};

struct Normalized {
    std::vector<Item> items;             // in Database::entries order
    std::vector<Diagnostic> diagnostics; // LaTeX, name and date problems met on the way
    EffectiveFields fields;              // what Item::fields views into
};

// Every entry of `database` (resolved from `bibliography`, both of which must outlive the
// result). Entries of types that are no work (@xdata, @set) are left out.
Normalized normalize(const bibtex::Bibliography& bibliography, const bibtex::Database& database);

// Entries [begin, end) of `database` one at a time, each handed to `visit` and then dropped: for
// writers that need no item after writing it (memory stays flat, and warm). `fields` must have
// been resolved from `database`. Diagnostics are deferred, as for normalize_entry.
void normalize_each(const bibtex::Bibliography& bibliography, const bibtex::Database& database,
                    const EffectiveFields& fields, std::size_t begin, std::size_t end,
                    std::vector<Diagnostic>& diagnostics,
                    const std::function<void(const Item&)>& visit);

// One entry (an index into Database::entries), for commands that normalize only what they
// selected; `fields` must have been resolved from `database`. Nothing for entries that are no
// work. The diagnostics are deferred: call locate_diagnostics before printing them.
std::optional<Item> normalize_entry(const bibtex::Bibliography& bibliography,
                                    const bibtex::Database& database, const EffectiveFields& fields,
                                    std::size_t entry, std::vector<Diagnostic>& diagnostics);

} // namespace bibkit::model
