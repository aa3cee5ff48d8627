#include <bibkit/bibtex/writer.hpp>
#include <bibkit/dates/bibtex_date.hpp>
#include <bibkit/dates/date_output.hpp>
#include <bibkit/model/biblatex.hpp>
#include <bibkit/model/entry_types.hpp>
#include <bibkit/model/field_aliases.hpp>

namespace bibkit::model {

namespace {

// year/month/day → date, when they form a date biblatex reads the same way.
void fold_date(std::vector<bibtex::Field>& fields, std::string& storage) {
    DateFields found = date_fields(fields);
    if (found.date || !found.year) return;
    dates::DateResult result = dates::resolve_date(
        {std::nullopt, found.year->value,
         found.month ? std::optional<std::string_view>(found.month->value) : std::nullopt,
         found.day ? std::optional<std::string_view>(found.day->value) : std::nullopt});
    bool plain =
        result.diagnostics.empty() && result.date.year_suffix.empty() &&
        (result.date.kind == dates::DateKind::single || result.date.kind == dates::DateKind::range);
    if (!plain) return;
    storage = dates::to_iso(result.date);
    const bibtex::Field* year = found.year;
    const bibtex::Field* month = found.month;
    const bibtex::Field* day = found.day;
    std::vector<bibtex::Field> out;
    out.reserve(fields.size());
    for (const bibtex::Field& field : fields) {
        if (&field == year) {
            out.push_back({"date", storage});
        } else if (&field != month && &field != day) {
            out.push_back(field);
        }
    }
    fields = std::move(out);
}

} // namespace

void write_biblatex(const bibtex::Database& database, std::string& out) {
    for (const std::string& preamble : database.preambles) {
        out += "@preamble{";
        bibtex::append_braced(out, preamble);
        out += "}\n\n";
    }
    std::string date;
    for (std::size_t i = 0; i < database.entries.size(); ++i) {
        const bibtex::Entry& entry = database.entries[i];
        if (i > 0) out += '\n';
        std::vector<bibtex::Field> fields = fold_aliases(entry.fields).fields;
        fold_date(fields, date);
        std::string_view type = entry.type;
        if (const EntryType* known = find_entry_type(entry.type)) {
            type = known->canonical;
            if (!known->implied_type.empty() && !find_field(fields, "type"))
                fields.push_back({"type", known->implied_type});
        }
        bibtex::write_entry(out, type, entry.key, fields);
    }
}

} // namespace bibkit::model
