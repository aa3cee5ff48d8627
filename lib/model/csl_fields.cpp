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

// `howpublished` is a URL (`\url{…}`, `\href{…}{…}` or a bare http(s)/ftp address) or text
// ("Talk at …", "See \url{…}"): the one is the item's URL, the other its publisher.
enum class Condition : std::uint8_t { none, has_maintitle, a_url, not_a_url };

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
    {"URL", identifier, 0, 0, Condition::a_url, {"howpublished"}},
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

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

// The whole value is one URL: `\url{…}`, `\href{…}{…}` or an address without spaces.
bool is_a_url(std::string_view value) {
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
    for (std::string_view command : {std::string_view("\\url{"), std::string_view("\\href{")}) {
        if (!starts_with(value, command)) continue;
        std::size_t close = value.find('}');
        if (command == "\\href{" && close != std::string_view::npos &&
            value.substr(close, 2) == "}{")
            close = value.find('}', close + 2);
        return close == value.size() - 1;
    }
    if (!(starts_with(value, "http://") || starts_with(value, "https://") ||
          starts_with(value, "ftp://")))
        return false;
    return value.find(' ') == std::string_view::npos;
}

} // namespace

namespace {

constexpr std::size_t k_row_count = std::size(k_rows);
constexpr std::size_t k_max_names = k_row_count * 3; // every row's names distinct, at most
constexpr std::uint8_t k_no_name = 0xFF;
static_assert(k_max_names < k_no_name);

// Field name -> number: open addressing over a hash of the bytes. An alias spelling (journal)
// maps to its canonical name's number (journaltitle), marked so that the canonical spelling
// wins when an entry has both.
struct NameSlot {
    std::string_view name;
    std::uint8_t id = k_no_name;
    bool alias = false;
};

constexpr std::size_t k_name_slots = 256; // a power of two, well above the names' count

// Length and three bytes tell the names apart well enough (probing settles the rest) at a
// fraction of the cost of hashing every byte.
std::size_t name_hash(std::string_view name) {
    if (name.empty()) return 0;
    auto byte = [&](std::size_t i) { return static_cast<std::size_t>(name[i]) & 0xFF; };
    std::size_t hash =
        name.size() * 131 + byte(0) * 31 + byte(name.size() / 2) * 7 + byte(name.size() - 1);
    return hash & (k_name_slots - 1);
}

// The rows in flat form: every field name they use gets a small number, so that an entry's
// fields are looked up once each (one probe of a small table) instead of once per row.
class RowIndex {
  public:
    RowIndex() {
        for (std::size_t r = 0; r < k_row_count; ++r) {
            for (std::size_t p = 0; p < 3; ++p) {
                std::string_view name = k_rows[r].fields[p];
                m_row_ids[r][p] = name.empty() ? k_no_name : add(name);
            }
            // Rows for one variable are adjacent: each run of them gets a number, compared
            // instead of the variable's name.
            bool same = r > 0 && k_rows[r].variable == k_rows[r - 1].variable;
            m_groups[r] = r == 0 ? 0 : static_cast<std::uint8_t>(m_groups[r - 1] + !same);
        }
        for (const FieldAlias& alias : k_field_aliases)
            if (const NameSlot* canonical = find(alias.canonical))
                insert(alias.alias, canonical->id, true);
        m_maintitle = find("maintitle")->id;
    }

    const NameSlot* find(std::string_view name) const {
        for (std::size_t at = name_hash(name); m_table[at].id != k_no_name;
             at = (at + 1) & (k_name_slots - 1))
            if (m_table[at].name == name) return &m_table[at];
        return nullptr;
    }
    std::uint8_t id(std::size_t row, std::size_t part) const { return m_row_ids[row][part]; }
    std::uint8_t group(std::size_t row) const { return m_groups[row]; }
    std::uint8_t maintitle() const { return m_maintitle; }

  private:
    std::uint8_t add(std::string_view name) {
        if (const NameSlot* slot = find(name)) return slot->id;
        auto id = static_cast<std::uint8_t>(m_count++);
        insert(name, id, false);
        return id;
    }
    void insert(std::string_view name, std::uint8_t id, bool alias) {
        std::size_t at = name_hash(name);
        while (m_table[at].id != k_no_name) at = (at + 1) & (k_name_slots - 1);
        m_table[at] = {name, id, alias};
    }

    std::array<NameSlot, k_name_slots> m_table{};
    std::array<std::array<std::uint8_t, 3>, k_row_count> m_row_ids{};
    std::array<std::uint8_t, k_row_count> m_groups{};
    std::size_t m_count = 0;
    std::uint8_t m_maintitle = k_no_name;
};

const RowIndex& row_index() {
    static const RowIndex index;
    return index;
}

} // namespace

std::vector<CslSource> csl_sources(std::string_view type, std::span<const bibtex::Field> fields) {
    const RowIndex& index = row_index();
    // The field for each name the rows use; the canonical spelling wins over an alias.
    std::array<const bibtex::Field*, k_max_names> found{};
    for (const bibtex::Field& field : fields) {
        const NameSlot* name = index.find(field.name);
        if (!name) continue;
        const bibtex::Field*& slot = found[name->id];
        if (!slot || !name->alias) slot = &field;
    }
    std::uint8_t families = families_of(canonical_entry_type(type));
    bool maintitle = found[index.maintitle()] != nullptr;
    std::vector<CslSource> out;
    out.reserve(fields.size() + 2); // about a source per field: one allocation, not several
    int filled = -1;                // the group of the last source found
    for (std::size_t r = 0; r < k_row_count; ++r) {
        const Row& row = k_rows[r];
        if (index.group(r) == filled) continue;
        const bibtex::Field* main = found[index.id(r, 0)];
        if (!main) continue;
        if (row.only != 0 && (families & row.only) == 0) continue;
        if ((families & row.except) != 0) continue;
        if (row.condition == Condition::has_maintitle && !maintitle) continue;
        if (row.condition == Condition::a_url && !is_a_url(main->value)) continue;
        if (row.condition == Condition::not_a_url && is_a_url(main->value)) continue;
        CslSource source{row.variable, row.kind, {main, nullptr, nullptr}};
        for (std::size_t p = 1; p < 3; ++p)
            if (index.id(r, p) != k_no_name) source.parts[p] = found[index.id(r, p)];
        out.push_back(source);
        filled = index.group(r);
    }
    return out;
}

} // namespace bibkit::model
