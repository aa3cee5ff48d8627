#pragma once
// Entry types: BibTeX's, biblatex's and bibkit's own (@talk, @news), each with its biblatex
// name, its CSL 1.0.2 type and the fields it requires. One table (entry_types.cpp), no branches.
//
// CSL types follow the consensus of pandoc's and citation-js's BibTeX converters, and the newer
// CSL 1.0.2 types where they fit better than pandoc's older choices (software, standard,
// periodical, performance). Where the two disagree, pandoc's choice is taken: booklet → pamphlet,
// manual → book, music → song, image → graphic, inreference → entry-encyclopedia. misc and
// unknown types → document (CSL 1.0.2's type for "a document not fitting another type"; pandoc
// leaves the type empty, which the CSL-JSON schema rejects).
// talk → speech: a talk is a presentation at an event, which is what CSL's speech is.
// news → post: a news item on a researcher's site is a short dated announcement published on
// that site (usually also in its feed). CSL's post ("a post on an online forum, social media
// platform, or similar") is the closest; article-newspaper would claim a newspaper published
// it, and webpage loses that it is a dated item of a series.

#include <bibkit/bibtex/database.hpp>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace bibkit::model {

enum class TypeOrigin : std::uint8_t { bibtex, biblatex, bibkit };

struct EntryType {
    std::string_view name;      // lower-case, as in .bib files
    std::string_view canonical; // biblatex's name (conference → inproceedings, www → online)
    std::string_view csl_type;  // CSL 1.0.2; empty for entries that are no work (@xdata, @set)
    // The biblatex `type` the name implies (phdthesis → "phdthesis", mastersthesis → "mathesis",
    // techreport → "techreport"; biblatex localization keys), or empty.
    std::string_view implied_type;
    TypeOrigin origin = TypeOrigin::bibtex;
    // Required fields: groups separated by spaces, alternatives within a group by '|'
    // ("author|editor title publisher year|date"). BibTeX's standard styles for BibTeX's types,
    // biblatex's manual for biblatex's. Any spelling of an aliased field satisfies its group.
    std::string_view required;
};

std::span<const EntryType> entry_types();

// nullptr for a type bibkit does not know. The name must be lower-case (Database's are).
const EntryType* find_entry_type(std::string_view name);

// biblatex's name of a type; an unknown name is returned unchanged.
std::string_view canonical_entry_type(std::string_view name);

// The CSL type of an entry, refined by its fields as pandoc does: article/periodical with
// entrysubtype magazine or newspaper → article-magazine/-newspaper; unpublished with
// eventtitle, eventdate or venue → speech; misc with an arXiv id → article (a preprint).
// Unknown types → document.
std::string_view csl_type(std::string_view type, std::span<const bibtex::Field> fields);

// The CSL `genre` for a biblatex localization key as written in a `type` field, or for the key
// a type implies (implied_type): phdthesis → "PhD thesis", mathesis → "Master’s thesis",
// candthesis, techreport, resreport (the texts of biblatex's English strings, which
// citation-js and pandoc give these types too). Empty for any other value, which is a genre as
// it is written.
std::string_view genre_for_type_key(std::string_view key);

// The required-field groups the fields do not satisfy, as written in the table ("author|editor"),
// in table order. Empty for unknown types and for types without requirements.
std::vector<std::string_view> missing_required_fields(std::string_view type,
                                                      std::span<const bibtex::Field> fields);

} // namespace bibkit::model
