#include <algorithm>
#include <array>
#include <bibkit/core/ascii.hpp>
#include <bibkit/model/entry_types.hpp>
#include <bibkit/model/field_aliases.hpp>
#include <bibkit/model/identifiers.hpp>

namespace bibkit::model {

namespace {

using enum TypeOrigin;

// Sorted by name, for binary search.
constexpr std::array<EntryType, 53> k_types{{
    {"article", "article", "article-journal", "", bibtex, "author title journal year|date"},
    {"artwork", "artwork", "graphic", "", biblatex, "author|editor title year|date"},
    {"audio", "audio", "song", "", biblatex, "author|editor title year|date"},
    {"book", "book", "book", "", bibtex, "author|editor title publisher year|date"},
    {"bookinbook", "bookinbook", "chapter", "", biblatex, "author title booktitle year|date"},
    {"booklet", "booklet", "pamphlet", "", bibtex, "title"},
    {"collection", "collection", "book", "", biblatex, "editor title year|date"},
    {"commentary", "commentary", "book", "", biblatex, "author|editor title year|date"},
    {"conference", "inproceedings", "paper-conference", "", bibtex,
     "author title booktitle year|date"},
    {"data", "dataset", "dataset", "", biblatex, "author|editor title year|date"},
    {"dataset", "dataset", "dataset", "", biblatex, "author|editor title year|date"},
    {"electronic", "online", "webpage", "", biblatex,
     "author|editor title year|date url|doi|eprint"},
    {"image", "image", "graphic", "", biblatex, "author|editor title year|date"},
    {"inbook", "inbook", "chapter", "", bibtex,
     "author|editor title chapter|pages publisher year|date"},
    {"incollection", "incollection", "chapter", "", bibtex,
     "author title booktitle publisher year|date"},
    {"inproceedings", "inproceedings", "paper-conference", "", bibtex,
     "author title booktitle year|date"},
    {"inreference", "inreference", "entry-encyclopedia", "", biblatex,
     "author title booktitle year|date"},
    {"jurisdiction", "jurisdiction", "legal_case", "", biblatex, "title year|date"},
    {"legal", "legal", "treaty", "", biblatex, "title year|date"},
    {"legislation", "legislation", "legislation", "", biblatex, "title year|date"},
    {"letter", "letter", "personal_communication", "", biblatex, "author title year|date"},
    {"manual", "manual", "book", "", bibtex, "title"},
    {"mastersthesis", "thesis", "thesis", "mathesis", bibtex, "author title school year|date"},
    {"misc", "misc", "document", "", bibtex, ""},
    {"movie", "movie", "motion_picture", "", biblatex, "title year|date"},
    {"music", "music", "song", "", biblatex, "author|editor title year|date"},
    {"mvbook", "mvbook", "book", "", biblatex, "author title year|date"},
    {"mvcollection", "mvcollection", "book", "", biblatex, "editor title year|date"},
    {"mvproceedings", "mvproceedings", "book", "", biblatex, "title year|date"},
    {"mvreference", "mvreference", "book", "", biblatex, "editor title year|date"},
    {"news", "news", "post", "", bibkit, "year|date"},
    {"online", "online", "webpage", "", biblatex, "author|editor title year|date url|doi|eprint"},
    {"patent", "patent", "patent", "", biblatex, "author title number year|date"},
    {"performance", "performance", "performance", "", biblatex, "title year|date"},
    {"periodical", "periodical", "periodical", "", biblatex, "editor title year|date"},
    {"phdthesis", "thesis", "thesis", "phdthesis", bibtex, "author title school year|date"},
    {"proceedings", "proceedings", "book", "", bibtex, "title year|date"},
    {"reference", "reference", "book", "", biblatex, "editor title year|date"},
    {"report", "report", "report", "", biblatex, "author title type institution year|date"},
    {"review", "review", "review", "", biblatex, "author title year|date"},
    {"set", "set", "", "", biblatex, ""},
    {"software", "software", "software", "", biblatex, "author|editor title year|date"},
    {"standard", "standard", "standard", "", biblatex, "title year|date"},
    {"suppbook", "suppbook", "chapter", "", biblatex, "author title booktitle year|date"},
    {"suppcollection", "suppcollection", "chapter", "", biblatex,
     "author title booktitle year|date"},
    {"suppperiodical", "suppperiodical", "article-journal", "", biblatex,
     "author title journaltitle year|date"},
    {"talk", "talk", "speech", "", bibkit, "title year|date"},
    {"techreport", "report", "report", "techreport", bibtex, "author title institution year|date"},
    {"thesis", "thesis", "thesis", "", biblatex, "author title type institution year|date"},
    {"unpublished", "unpublished", "manuscript", "", bibtex, "author title note"},
    {"video", "video", "motion_picture", "", biblatex, "title year|date"},
    {"www", "online", "webpage", "", biblatex, "author|editor title year|date url|doi|eprint"},
    {"xdata", "xdata", "", "", biblatex, ""}, // fields for other entries to pull in: no work
}};

constexpr bool sorted_by_name() {
    for (std::size_t i = 1; i < k_types.size(); ++i)
        if (!(k_types[i - 1].name < k_types[i].name)) return false;
    return true;
}
static_assert(sorted_by_name(), "k_types must stay sorted by name");

constexpr std::string_view k_unknown_csl_type = "document";

bool group_satisfied(std::string_view group, std::span<const bibtex::Field> fields) {
    while (!group.empty()) {
        std::size_t bar = group.find('|');
        std::string_view name = group.substr(0, bar);
        const bibtex::Field* field = find_field(fields, name);
        if (field && !field->value.empty()) return true;
        if (bar == std::string_view::npos) break;
        group.remove_prefix(bar + 1);
    }
    return false;
}

} // namespace

std::span<const EntryType> entry_types() {
    return k_types;
}

const EntryType* find_entry_type(std::string_view name) {
    auto it =
        std::lower_bound(k_types.begin(), k_types.end(), name,
                         [](const EntryType& type, std::string_view n) { return type.name < n; });
    return it != k_types.end() && it->name == name ? &*it : nullptr;
}

std::string_view canonical_entry_type(std::string_view name) {
    const EntryType* type = find_entry_type(name);
    return type ? type->canonical : name;
}

std::string_view csl_type(std::string_view type, std::span<const bibtex::Field> fields) {
    const EntryType* info = find_entry_type(type);
    if (!info) return k_unknown_csl_type;
    std::string_view canonical = info->canonical;
    if (canonical == "article" || canonical == "periodical" || canonical == "suppperiodical") {
        if (const bibtex::Field* subtype = find_field(fields, "entrysubtype")) {
            if (ascii::iequals(subtype->value, "magazine")) return "article-magazine";
            if (ascii::iequals(subtype->value, "newspaper")) return "article-newspaper";
        }
    }
    // An arXiv paper kept as @misc (bibkit arxiv writes unpublished preprints so, as do arXiv's
    // own BibTeX and Google Scholar) is CSL's preprint type, `article`, as Zotero imports it:
    // styles then treat it as a preprint (apa.csl: the year only, not the day of a document).
    if (canonical == "misc" && find_arxiv_id(fields).value) return "article";
    if (canonical == "unpublished" &&
        (find_field(fields, "eventtitle") || find_field(fields, "eventdate") ||
         find_field(fields, "venue")))
        return "speech";
    return info->csl_type;
}

std::string_view genre_for_type_key(std::string_view key) {
    struct Genre {
        std::string_view key;
        std::string_view text;
    };
    static constexpr Genre k_genres[] = {
        {"candthesis", "Candidate thesis"}, {"mathesis", "Master\u2019s thesis"},
        {"phdthesis", "PhD thesis"},        {"resreport", "Research report"},
        {"techreport", "Technical report"},
    };
    for (const Genre& genre : k_genres)
        if (ascii::iequals(key, genre.key)) return genre.text;
    return {};
}

std::vector<std::string_view> missing_required_fields(std::string_view type,
                                                      std::span<const bibtex::Field> fields) {
    std::vector<std::string_view> missing;
    const EntryType* info = find_entry_type(type);
    if (!info) return missing;
    std::string_view required = info->required;
    while (!required.empty()) {
        std::size_t space = required.find(' ');
        std::string_view group = required.substr(0, space);
        if (!group_satisfied(group, fields)) missing.push_back(group);
        if (space == std::string_view::npos) break;
        required.remove_prefix(space + 1);
    }
    return missing;
}

} // namespace bibkit::model
