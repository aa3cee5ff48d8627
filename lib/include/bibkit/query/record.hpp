#pragma once
// What queries, sorting and grouping see of an entry: jekyll-scholar's view of it. A field's
// value is BibTeX's (macros expanded, whitespace collapsed, LaTeX as written), inherited fields
// included (crossref, xdata: see model/inheritance.hpp), found under any alias (journal finds
// journaltitle). Like bibtex-ruby, `month` reads as jan…dec whatever its spelling; on top of the
// fields there are `key`, `month_numeric` (1…12) and `year`, which falls back to the year of a
// biblatex `date`. Nothing is copied: values view into the Database.

#include <bibkit/bibtex/database.hpp>
#include <bibkit/model/inheritance.hpp>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace bibkit::query {

class Record {
  public:
    Record(const bibtex::Entry& entry, std::span<const bibtex::Field> fields, std::uint32_t index)
        : m_entry(&entry), m_fields(fields), m_index(index) {}

    std::string_view key() const { return m_entry->key; }
    std::string_view type() const { return m_entry->type; } // lower-case
    // The entry's index in Database::entries: file order, for stable results.
    std::uint32_t index() const { return m_index; }
    const bibtex::Entry& entry() const { return *m_entry; }
    std::span<const bibtex::Field> fields() const { return m_fields; }

    // The value of a lower-case field name as described above, or nullopt when the entry has
    // none.
    std::optional<std::string_view> value(std::string_view field) const;

  private:
    const bibtex::Entry* m_entry;
    std::span<const bibtex::Field> m_fields;
    std::uint32_t m_index;
};

// A record per entry that is a work (not @xdata or @set), in file order. `fields` must have been
// resolved from `database`; both must outlive the records.
std::vector<Record> make_records(const bibtex::Database& database,
                                 const model::EffectiveFields& fields);

// "jan" … "dec" for 1 … 12; empty otherwise.
std::string_view month_abbreviation(int month);

} // namespace bibkit::query
