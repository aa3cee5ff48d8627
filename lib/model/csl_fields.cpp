#include <bibkit/model/csl_fields.hpp>
#include <bibkit/model/entry_types.hpp>
#include <bibkit/model/field_aliases.hpp>

namespace bibkit::model {

namespace {

// Families of (canonical) types that some rows are limited to.
enum Family : std::uint8_t {
    any = 0,
    article_like = 1, // the container is a journal: article, periodical, suppperiodical, review
    chapter_like = 2, // the container is a book: inbook, incollection, inproceedings, …
    in_series = 4,    // `number` is the number in a series (books, collections and their parts)
    periodical = 8,   // the entry is the journal issue itself
    talk = 16,        // bibkit's @talk: the location is the event's
    patent = 32,      // the location is a jurisdiction
};

enum class Condition : std::uint8_t { none, has_maintitle, not_a_url };

struct Row {
    std::string_view variable;
    CslValueKind kind;
    std::uint8_t only;   // the entry must be in one of these families (0: any)
    std::uint8_t except; // and in none of these
    Condition condition;
    std::array<std::string_view, 3> fields; // main, then subtitle/addon or month/day
};

using enum CslValueKind;
constexpr Condition none = Condition::none;
constexpr Condition has_maintitle = Condition::has_maintitle;

// Alternatives for one variable are adjacent; the first that applies and whose main field is
// present wins.
constexpr Row k_rows[] = {
    {"title", title, periodical, 0, none, {"issuetitle", "issuesubtitle", "issuetitleaddon"}},
    {"title",
     title,
     0,
     chapter_like,
     has_maintitle,
     {"maintitle", "mainsubtitle", "maintitleaddon"}},
    {"title", title, 0, 0, none, {"title", "subtitle", "titleaddon"}},
    {"title-short", text, 0, 0, none, {"shorttitle"}},
    {"volume-title", title, 0, chapter_like, has_maintitle, {"title", "subtitle", "titleaddon"}},
    {"volume-title",
     title,
     chapter_like,
     0,
     has_maintitle,
     {"booktitle", "booksubtitle", "booktitleaddon"}},
    {"container-title", title, periodical, 0, none, {"title", "subtitle", "titleaddon"}},
    {"container-title",
     title,
     chapter_like,
     0,
     none,
     {"maintitle", "mainsubtitle", "maintitleaddon"}},
    {"container-title",
     title,
     chapter_like,
     0,
     none,
     {"booktitle", "booksubtitle", "booktitleaddon"}},
    {"container-title",
     title,
     0,
     0,
     none,
     {"journaltitle", "journalsubtitle", "journaltitleaddon"}},
    {"container-title-short", text, 0, 0, none, {"shortjournal"}},
    {"collection-title", title, 0, 0, none, {"series"}},
    {"collection-number", number, in_series, 0, none, {"number"}},
    {"issue", number, article_like, 0, none, {"number"}},
    {"issue", number, article_like, 0, none, {"issue"}},
    {"number", number, 0, in_series | article_like, none, {"number"}},
    {"volume", number, 0, 0, none, {"volume"}},
    {"part", number, 0, 0, none, {"part"}},
    {"number-of-volumes", number, 0, 0, none, {"volumes"}},
    {"number-of-pages", number, 0, 0, none, {"pagetotal"}},
    {"page", page, 0, 0, none, {"pages"}},
    {"chapter-number", number, 0, 0, none, {"chapter"}},
    {"edition", number, 0, 0, none, {"edition"}},
    {"version", number, 0, 0, none, {"version"}},
    {"author", names, 0, 0, none, {"author"}},
    {"editor", names, 0, 0, none, {"editor"}},
    {"translator", names, 0, 0, none, {"translator"}},
    {"container-author", names, 0, 0, none, {"bookauthor"}},
    {"publisher", text, 0, 0, none, {"publisher"}},
    {"publisher", text, 0, 0, none, {"institution"}},
    {"publisher", text, 0, 0, none, {"organization"}},
    {"publisher", text, 0, 0, Condition::not_a_url, {"howpublished"}},
    {"publisher-place", text, 0, talk | patent, none, {"location"}},
    {"jurisdiction", text, patent, 0, none, {"location"}},
    {"event-title", title, 0, 0, none, {"eventtitle", "", "eventtitleaddon"}},
    {"event-title", title, talk, 0, none, {"event"}},
    {"event-place", text, 0, 0, none, {"venue"}},
    {"event-place", text, talk, 0, none, {"location"}},
    {"event-date", date, 0, 0, none, {"eventdate"}},
    {"event-date", date, talk, 0, none, {"date"}},
    {"event-date", date, talk, 0, none, {"year", "month", "day"}},
    {"issued", date, 0, 0, none, {"date"}},
    {"issued", date, 0, 0, none, {"year", "month", "day"}},
    {"accessed", date, 0, 0, none, {"urldate"}},
    {"original-date", date, 0, 0, none, {"origdate"}},
    {"original-title", title, 0, 0, none, {"origtitle"}},
    {"original-publisher", text, 0, 0, none, {"origpublisher"}},
    {"original-publisher-place", text, 0, 0, none, {"origlocation"}},
    {"DOI", identifier, 0, 0, none, {"doi"}},
    {"URL", identifier, 0, 0, none, {"url"}},
    {"ISBN", identifier, 0, 0, none, {"isbn"}},
    {"ISSN", identifier, 0, 0, none, {"issn"}},
    {"PMID", identifier, 0, 0, none, {"pmid"}},
    {"PMCID", identifier, 0, 0, none, {"pmcid"}},
    {"call-number", identifier, 0, 0, none, {"library"}},
    {"abstract", text, 0, 0, none, {"abstract"}},
    {"note", text, 0, 0, none, {"note"}},
    {"note", text, 0, 0, none, {"addendum"}},
    {"annote", text, 0, 0, none, {"annotation"}},
    {"keyword", keywords, 0, 0, none, {"keywords"}},
    {"language", identifier, 0, 0, none, {"langid"}},
    {"language", identifier, 0, 0, none, {"language"}},
    {"genre", text, 0, 0, none, {"type"}},
    {"status", text, 0, 0, none, {"pubstate"}},
};

std::uint8_t families_of(std::string_view canonical) {
    auto is = [&](std::initializer_list<std::string_view> names) {
        for (std::string_view name : names)
            if (canonical == name) return true;
        return false;
    };
    std::uint8_t families = 0;
    if (is({"article", "periodical", "suppperiodical", "review"})) families |= article_like;
    if (is({"inbook", "incollection", "inproceedings", "inreference", "bookinbook", "suppbook",
            "suppcollection"}))
        families |= chapter_like;
    if (is({"book", "collection", "proceedings", "reference", "mvbook", "mvcollection",
            "mvproceedings", "mvreference", "bookinbook", "inbook", "incollection", "inproceedings",
            "inreference", "suppbook", "suppcollection"}))
        families |= in_series;
    if (canonical == "periodical") families |= periodical;
    if (canonical == "talk") families |= talk;
    if (canonical == "patent") families |= patent;
    return families;
}

bool looks_like_url(std::string_view value) {
    return value.find("://") != std::string_view::npos ||
           value.find("\\url") != std::string_view::npos ||
           value.find("\\href") != std::string_view::npos;
}

} // namespace

std::vector<CslSource> csl_sources(std::string_view type, std::span<const bibtex::Field> fields) {
    std::uint8_t families = families_of(canonical_entry_type(type));
    bool maintitle = find_field(fields, "maintitle") != nullptr;
    std::vector<CslSource> out;
    std::string_view filled; // the variable of the last source found
    for (const Row& row : k_rows) {
        if (row.variable == filled) continue;
        if (row.only != 0 && (families & row.only) == 0) continue;
        if ((families & row.except) != 0) continue;
        if (row.condition == Condition::has_maintitle && !maintitle) continue;
        const bibtex::Field* main = find_field(fields, row.fields[0]);
        if (!main) continue;
        if (row.condition == Condition::not_a_url && looks_like_url(main->value)) continue;
        CslSource source{row.variable, row.kind, {main, nullptr, nullptr}};
        for (std::size_t i = 1; i < 3; ++i)
            if (!row.fields[i].empty()) source.parts[i] = find_field(fields, row.fields[i]);
        out.push_back(source);
        filled = row.variable;
    }
    return out;
}

} // namespace bibkit::model
