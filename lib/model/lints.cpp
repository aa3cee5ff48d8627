#include "field_place.hpp"

#include <bibkit/dates/bibtex_date.hpp>
#include <bibkit/model/entry_types.hpp>
#include <bibkit/model/field_aliases.hpp>
#include <bibkit/model/identifiers.hpp>
#include <bibkit/model/inheritance.hpp>
#include <bibkit/model/lints.hpp>
#include <bibkit/names/name.hpp>
#include <bibkit/names/name_list.hpp>
#include <bibkit/text/decode.hpp>
#include <bibkit/text/plain_text.hpp>
#include <unordered_map>

namespace bibkit::model {

namespace {

struct FirstSeen {
    std::uint32_t entry;
};

class Linter {
  public:
    Linter(const bibtex::Bibliography& bibliography, const bibtex::Database& database)
        : m_bibliography(bibliography), m_database(database),
          m_fields(EffectiveFields::resolve(database)) {}

    std::vector<Diagnostic> run();

  private:
    void lint_entry(std::uint32_t index);
    void lint_dates(const bibtex::Entry& entry, std::span<const bibtex::Field> own);
    void lint_identifiers(const bibtex::Entry& entry, std::span<const bibtex::Field> own);
    void lint_required(const bibtex::Entry& entry, std::span<const bibtex::Field> fields);
    void note_work(std::uint32_t index, std::span<const bibtex::Field> own,
                   std::span<const bibtex::Field> fields);
    void same_work(std::uint32_t index, std::uint32_t first, std::string what);

    void report(const bibtex::Entry& entry, const bibtex::Field* field, std::uint32_t at,
                Severity severity, std::string code, std::string message) {
        detail::FieldPlace place;
        if (field) {
            place = detail::place_in_value(m_bibliography, entry, field->name, field->value, at);
        } else {
            const bibtex::RawDatabase& file = m_bibliography.files()[entry.file];
            place = {&file.source(), file.entries()[entry.raw_entry].key.begin};
        }
        // Lines are looked up once, in order, at the end (locate_diagnostics).
        m_out.push_back(deferred_diagnostic(*place.source, place.offset, severity, std::move(code),
                                            std::move(message), entry.key));
    }

    const bibtex::Bibliography& m_bibliography;
    const bibtex::Database& m_database;
    EffectiveFields m_fields;
    std::vector<Diagnostic> m_out;
    // Case-folded identifier or title+year → the first entry that has it.
    std::unordered_map<std::string, FirstSeen> m_dois, m_arxiv_ids, m_titles;
    std::string m_scratch;
};

std::vector<Diagnostic> Linter::run() {
    m_out = inheritance_diagnostics(m_fields, m_database, m_bibliography);
    for (std::uint32_t i = 0; i < m_database.entries.size(); ++i) lint_entry(i);
    locate_diagnostics(m_out);
    return std::move(m_out);
}

void Linter::lint_entry(std::uint32_t index) {
    const bibtex::Entry& entry = m_database.entries[index];
    const EntryType* type = find_entry_type(entry.type);
    if (type && type->csl_type.empty()) return; // @xdata, @set: fragments, not works
    // The entry's own fields, as written: what it inherits is checked where it is written.
    std::span<const bibtex::Field> own = entry.fields;
    lint_dates(entry, own);
    lint_identifiers(entry, own);
    if (entry.complete) lint_required(entry, m_fields.fields(index));
    note_work(index, own, m_fields.fields(index));
}

void Linter::lint_dates(const bibtex::Entry& entry, std::span<const bibtex::Field> own) {
    // Every date field as written, also where `date` makes year/month redundant: resolve_date
    // reports when they disagree.
    auto named = [&](std::string_view prefix, std::string_view part) -> const bibtex::Field* {
        for (const bibtex::Field& field : own)
            if (field.name.size() == prefix.size() + part.size() &&
                field.name.starts_with(prefix) && field.name.ends_with(part))
                return &field;
        return nullptr;
    };
    for (std::string_view prefix : {"", "url", "event", "orig"}) {
        const bibtex::Field* date = named(prefix, "date");
        const bibtex::Field* year = named(prefix, "year");
        const bibtex::Field* month = named(prefix, "month");
        const bibtex::Field* day = named(prefix, "day");
        if (!date && !year && !month && !day) continue;
        dates::DateFields values;
        if (date) values.date = date->value;
        if (year) values.year = year->value;
        if (month) values.month = month->value;
        if (day) values.day = day->value;
        dates::DateResult result = dates::resolve_date(values);
        for (const dates::DateDiagnostic& problem : result.diagnostics) {
            const bibtex::Field* field = date ? date : year ? year : month ? month : day;
            if (problem.field.ends_with("month") && month) field = month;
            if (problem.field.ends_with("day") && day) field = day;
            if (problem.field.ends_with("year") && year) field = year;
            report(entry, field, problem.offset, problem.severity, problem.code, problem.message);
        }
    }
}

void Linter::lint_identifiers(const bibtex::Entry& entry, std::span<const bibtex::Field> own) {
    auto note = [&](const auto& found) {
        for (const IdentifierProblem& problem : found.problems)
            report(entry, find_field(own, problem.field), 0, Severity::warning, problem.error.code,
                   problem.error.message);
    };
    note(find_doi(own));
    note(find_arxiv_id(own));
    note(find_isbn(own));
    note(find_url(own));
}

void Linter::lint_required(const bibtex::Entry& entry, std::span<const bibtex::Field> fields) {
    for (std::string_view group : missing_required_fields(entry.type, fields)) {
        std::string shown(group);
        for (std::size_t bar = shown.find('|'); bar != std::string::npos;
             bar = shown.find('|', bar))
            shown.replace(bar, 1, "' or '");
        report(entry, nullptr, 0, Severity::warning, "missing-field",
               "@" + std::string(entry.type) + " entries need '" + shown + "' (missing or empty)");
    }
}

// A title's identity: its text without formatting, case or punctuation.
std::string title_key(std::string_view latex, std::string& scratch) {
    text::Decoded decoded = text::decode_latex(latex);
    scratch = text::to_comparison_text(decoded.text);
    std::string key;
    key.reserve(scratch.size());
    for (char c : scratch) {
        auto byte = static_cast<unsigned char>(c);
        // ASCII punctuation and spaces are not part of a title's identity; other bytes are.
        if ((byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z') || byte >= 0x80) key += c;
    }
    return key;
}

// Identifiers count only where written: a paper inherits its proceedings' DOI through crossref,
// which makes no two papers the same. One warning per repeated work, the strongest evidence first.
void Linter::note_work(std::uint32_t index, std::span<const bibtex::Field> own,
                       std::span<const bibtex::Field> fields) {
    auto doi = find_doi(own);
    if (doi.value) {
        auto [at, inserted] = m_dois.emplace(doi.value->key(), FirstSeen{index});
        if (!inserted) return same_work(index, at->second.entry, "DOI " + doi.value->value);
    }
    auto arxiv = find_arxiv_id(own);
    if (arxiv.value) {
        auto [at, inserted] = m_arxiv_ids.emplace(arxiv.value->id, FirstSeen{index});
        if (!inserted) return same_work(index, at->second.entry, "arXiv id " + arxiv.value->id);
    }
    // Talks, news and types bibkit does not know (a @course taught twice a year) repeat titles
    // without being the same work.
    const EntryType* type = find_entry_type(m_database.entries[index].type);
    if (!type || type->origin == TypeOrigin::bibkit) return;
    const bibtex::Field* title = find_field(fields, "title");
    DateFields date = date_fields(fields);
    if (!title || (!date.date && !date.year)) return;
    std::string_view year = date.date ? date.date->value.substr(0, 4) : date.year->value;
    std::string key = title_key(title->value, m_scratch);
    if (key.size() < 8) return; // "Preface", "Reply": too short to tell works apart
    key += '\x1f';
    key += year;
    // Columns like "Editor's letter" recur every issue: the first author must match too.
    if (const bibtex::Field* author = find_field(fields, "author")) {
        names::NameList list = names::split_name_list(author->value);
        if (!list.names.empty()) {
            key += '\x1f';
            key += title_key(names::parse_name(list.names[0]).family, m_scratch);
        }
    }
    auto [at, inserted] = m_titles.emplace(std::move(key), FirstSeen{index});
    if (!inserted) same_work(index, at->second.entry, "title and year");
}

void Linter::same_work(std::uint32_t index, std::uint32_t first, std::string what) {
    const bibtex::Entry& entry = m_database.entries[index];
    const bibtex::Entry& earlier = m_database.entries[first];
    report(entry, nullptr, 0, Severity::warning, "duplicate-work",
           "same " + what + " as entry '" + std::string(earlier.key) +
               "': the same work entered twice?");
}

} // namespace

std::vector<Diagnostic> lint(const bibtex::Bibliography& bibliography,
                             const bibtex::Database& database) {
    return Linter(bibliography, database).run();
}

Expected<bibtex::CheckReport, IoError>
check_files_with_lints(const std::vector<std::string>& paths) {
    auto bibliography = bibtex::Bibliography::read(paths);
    if (!bibliography) return unexpected(bibliography.error());
    bibtex::Database database = bibliography->resolve(bibtex::ValueMode::build);
    std::vector<Diagnostic> lints = lint(*bibliography, database);
    BigVector<Diagnostic> diagnostics = std::move(database.diagnostics);
    diagnostics.insert(diagnostics.end(), std::make_move_iterator(lints.begin()),
                       std::make_move_iterator(lints.end()));
    std::vector<std::string> files;
    for (std::size_t i = 0; i < bibliography->size(); ++i)
        files.push_back(bibliography->source(i).name());
    return bibtex::make_check_report(std::move(files), database.entry_count,
                                     std::move(diagnostics));
}

} // namespace bibkit::model
