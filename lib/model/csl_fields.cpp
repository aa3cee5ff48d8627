#include <bibkit/model/csl_fields.hpp>
#include <bibkit/model/entry_types.hpp>
#include <bibkit/model/field_aliases.hpp>
#include <unordered_map>

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

namespace {

constexpr std::size_t k_row_count = sizeof(k_rows) / sizeof(k_rows[0]);
constexpr std::uint8_t k_no_name = 0xFF;

// Every field name the rows use gets a small number, so that an entry's fields are looked up
// once each (a hash probe) instead of once per row.
struct NameIndex {
    std::unordered_map<std::string_view, std::uint8_t> ids;
    std::array<std::array<std::uint8_t, 3>, k_row_count> row_ids{};
    std::uint8_t maintitle = k_no_name;

    NameIndex() {
        for (std::size_t r = 0; r < k_row_count; ++r) {
            for (std::size_t p = 0; p < 3; ++p) {
                std::string_view name = k_rows[r].fields[p];
                if (name.empty()) {
                    row_ids[r][p] = k_no_name;
                    continue;
                }
                auto [it, added] = ids.emplace(name, static_cast<std::uint8_t>(ids.size()));
                row_ids[r][p] = it->second;
            }
        }
        maintitle = ids.at("maintitle");
    }
};

const NameIndex& name_index() {
    static const NameIndex index;
    return index;
}

constexpr std::size_t k_max_names = k_row_count * 3; // every row's names distinct, at most

} // namespace

std::vector<CslSource> csl_sources(std::string_view type, std::span<const bibtex::Field> fields) {
    const NameIndex& index = name_index();
    static_assert(k_row_count * 3 < 0xFF);
    // The field for each name the rows use; the canonical spelling wins over an alias.
    std::array<const bibtex::Field*, k_max_names> found{};
    for (const bibtex::Field& field : fields) {
        std::string_view canonical = canonical_field_name(field.name);
        auto it = index.ids.find(canonical);
        if (it == index.ids.end() || it->second >= k_max_names) continue;
        const bibtex::Field*& slot = found[it->second];
        if (!slot || field.name == canonical) slot = &field;
    }
    std::uint8_t families = families_of(canonical_entry_type(type));
    bool maintitle = found[index.maintitle] != nullptr;
    std::vector<CslSource> out;
    std::string_view filled; // the variable of the last source found
    for (std::size_t r = 0; r < k_row_count; ++r) {
        const Row& row = k_rows[r];
        if (row.variable == filled) continue;
        const bibtex::Field* main = found[index.row_ids[r][0]];
        if (!main) continue;
        if (row.only != 0 && (families & row.only) == 0) continue;
        if ((families & row.except) != 0) continue;
        if (row.condition == Condition::has_maintitle && !maintitle) continue;
        if (row.condition == Condition::not_a_url && looks_like_url(main->value)) continue;
        CslSource source{row.variable, row.kind, {main, nullptr, nullptr}};
        for (std::size_t p = 1; p < 3; ++p)
            if (index.row_ids[r][p] != k_no_name) source.parts[p] = found[index.row_ids[r][p]];
        out.push_back(source);
        filled = row.variable;
    }
    return out;
}

} // namespace bibkit::model
