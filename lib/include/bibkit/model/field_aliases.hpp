#pragma once
// Field names that biblatex and BibTeX spell differently for the same thing. biblatex's name is
// the canonical one (as biber maps them): journal → journaltitle, address → location,
// school → institution, archiveprefix → eprinttype, primaryclass → eprintclass,
// annote → annotation, hyphenation → langid. `date` versus year/month/day is not an alias (one
// field against three): date_fields() reports which of them holds an entry's date.

#include <bibkit/bibtex/database.hpp>
#include <span>
#include <string_view>
#include <vector>

namespace bibkit::model {

struct FieldAlias {
    std::string_view alias;     // BibTeX's (or legacy biblatex's) name
    std::string_view canonical; // biblatex's name
};

// A constant, so that other tables can be built from it at compile time.
inline constexpr FieldAlias k_field_aliases[] = {
    {"journal", "journaltitle"},     {"address", "location"},         {"school", "institution"},
    {"archiveprefix", "eprinttype"}, {"primaryclass", "eprintclass"}, {"annote", "annotation"},
    {"hyphenation", "langid"},
};

std::span<const FieldAlias> field_aliases();

// The canonical name of a lower-case field name: itself unless it is an alias.
std::string_view canonical_field_name(std::string_view name);

// The first field named `name` or any alias of it, in a list with or without folded names:
// find_field(fields, "journaltitle") finds `journal` too, and find_field(fields, "journal")
// finds `journaltitle`.
const bibtex::Field* find_field(std::span<const bibtex::Field> fields, std::string_view name);

struct FoldedFields {
    std::vector<bibtex::Field> fields;            // canonical names, source order
    std::vector<std::string_view> original_names; // parallel to fields: the name as read
    // Fields dropped because the entry also had the canonical name (journal beside
    // journaltitle): the canonical one wins, as in biber. For lints; names as read.
    std::vector<bibtex::Field> shadowed;
};

FoldedFields fold_aliases(std::span<const bibtex::Field> fields);

// Where an entry's date lives: biblatex's `<prefix>date`, else BibTeX's `<prefix>year`,
// `<prefix>month`, `<prefix>day` (prefix "" for the publication date, "event", "orig", "url").
// Parsing the values is the dates module's business.
struct DateFields {
    const bibtex::Field* date = nullptr;
    const bibtex::Field* year = nullptr;
    const bibtex::Field* month = nullptr;
    const bibtex::Field* day = nullptr;

    bool empty() const { return !date && !year; }
};

DateFields date_fields(std::span<const bibtex::Field> fields, std::string_view prefix = {});

} // namespace bibkit::model
