#include <algorithm>
#include <bibkit/arxiv/bib_file.hpp>
#include <bibkit/model/identifiers.hpp>

namespace bibkit::arxiv {

namespace {

std::string_view field_value(const bibtex::Entry& entry, std::string_view name) {
    const bibtex::Field* field = entry.find(name);
    return field ? field->value : std::string_view{};
}

std::string_view entry_field(const BibtexEntry& entry, std::string_view name) {
    for (const auto& [field, value] : entry.fields)
        if (field == name) return value;
    return {};
}

// Where new fields go: right after the last value (a trailing comma, the closing delimiter and
// anything else stay where they were), or after the key of an entry without fields.
std::uint32_t insertion_point(const bibtex::RawDatabase& file, const bibtex::RawEntry& entry) {
    auto fields = file.fields(entry);
    if (fields.empty()) return entry.key.end;
    return file.value_span(fields.back()).end;
}

// The white space before the entry's last field on its line, so added fields line up with it.
std::string_view field_indent(const bibtex::RawDatabase& file, const bibtex::RawEntry& entry) {
    auto fields = file.fields(entry);
    if (fields.empty()) return "  ";
    std::string_view text = file.text();
    std::uint32_t name = fields.back().name.begin;
    std::uint32_t line_start = name;
    while (line_start > 0 && text[line_start - 1] != '\n') --line_start;
    std::string_view before = text.substr(line_start, name - line_start);
    bool blank =
        std::all_of(before.begin(), before.end(), [](char c) { return c == ' ' || c == '\t'; });
    return blank && !before.empty() ? before : std::string_view("  ");
}

struct Insertion {
    std::uint32_t offset = 0;
    std::string text;
};

Insertion make_insertion(const bibtex::RawDatabase& file, const PreprintUpdate& update) {
    const bibtex::RawEntry& entry = file.entries()[update.cited.raw_entry];
    Insertion insertion{insertion_point(file, entry), {}};
    std::string_view indent = field_indent(file, entry);
    for (const auto& [name, value] : update.fields_to_add()) {
        insertion.text += ",\n";
        insertion.text += indent;
        insertion.text += name;
        insertion.text += " = {";
        insertion.text += value;
        insertion.text += '}';
    }
    return insertion;
}

} // namespace

std::vector<CitedPreprint> cited_preprints(const bibtex::Database& database) {
    std::vector<CitedPreprint> cited;
    for (const bibtex::Entry& entry : database.entries) {
        auto found = model::find_arxiv_id(entry.fields);
        if (!found.value) continue;
        CitedPreprint preprint;
        preprint.key = std::string(entry.key);
        preprint.id = *found.value;
        preprint.doi = std::string(field_value(entry, "doi"));
        preprint.has_journal = entry.find("journal") || entry.find("journaltitle");
        preprint.has_note = entry.find("note") != nullptr;
        preprint.raw_entry = entry.raw_entry;
        cited.push_back(std::move(preprint));
    }
    return cited;
}

std::vector<std::pair<std::string, std::string>> PreprintUpdate::fields_to_add() const {
    // The values come from the same export as new entries, so they are escaped the same way.
    BibtexEntry exported = to_bibtex_entry(latest, cited.key, {});
    std::vector<std::pair<std::string, std::string>> fields;
    if (new_doi) fields.emplace_back("doi", std::string(entry_field(exported, "doi")));
    if (new_journal_ref) {
        std::string_view journal = entry_field(exported, "journal");
        if (!cited.has_journal)
            fields.emplace_back("journal", std::string(journal));
        else if (!cited.has_note)
            fields.emplace_back("note", "Published in " + std::string(journal));
    }
    return fields;
}

std::vector<PreprintUpdate> find_updates(std::span<const CitedPreprint> cited,
                                         std::span<const Paper> latest) {
    std::vector<PreprintUpdate> updates;
    for (const CitedPreprint& preprint : cited) {
        auto paper = std::find_if(latest.begin(), latest.end(),
                                  [&](const Paper& p) { return p.id.id == preprint.id.id; });
        if (paper == latest.end()) continue;
        PreprintUpdate update{preprint, *paper};
        update.newer_version = preprint.id.version != 0 && paper->id.version > preprint.id.version;
        update.new_doi = preprint.doi.empty() && !paper->doi.empty();
        update.new_journal_ref =
            !paper->journal_ref.empty() && (!preprint.has_journal || !preprint.has_note);
        updates.push_back(std::move(update));
    }
    return updates;
}

std::string apply_updates(const bibtex::RawDatabase& file,
                          std::span<const PreprintUpdate> updates) {
    std::vector<Insertion> insertions;
    for (const PreprintUpdate& update : updates) {
        if (update.cited.raw_entry >= file.entries().size()) continue;
        if (!file.entries()[update.cited.raw_entry].complete) continue;
        Insertion insertion = make_insertion(file, update);
        if (!insertion.text.empty()) insertions.push_back(std::move(insertion));
    }
    std::stable_sort(insertions.begin(), insertions.end(),
                     [](const Insertion& a, const Insertion& b) { return a.offset < b.offset; });
    std::string_view text = file.text();
    std::string out;
    out.reserve(text.size() + insertions.size() * 64);
    std::uint32_t copied = 0;
    for (const Insertion& insertion : insertions) {
        out.append(text.substr(copied, insertion.offset - copied));
        out += insertion.text;
        copied = insertion.offset;
    }
    out.append(text.substr(copied));
    return out;
}

std::string append_entries(std::string_view text, std::span<const BibtexEntry> entries) {
    std::string out(text);
    if (entries.empty()) return out;
    if (!out.empty() && out.back() != '\n') out += '\n';
    if (!out.empty()) out += '\n';
    for (const BibtexEntry& entry : entries) append_bibtex(out, entry);
    // append_bibtex ends each entry with a blank line; the file ends with one line break.
    while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n')
        out.pop_back();
    return out;
}

} // namespace bibkit::arxiv
