#include <array>
#include <bibkit/dates/month.hpp>
#include <bibkit/model/entry_types.hpp>
#include <bibkit/model/field_aliases.hpp>
#include <bibkit/query/record.hpp>

namespace bibkit::query {

namespace {

constexpr std::array<std::string_view, 12> k_months = {"jan", "feb", "mar", "apr", "may", "jun",
                                                       "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::array<std::string_view, 12> k_month_numbers = {"1", "2", "3", "4",  "5",  "6",
                                                              "7", "8", "9", "10", "11", "12"};

int month_number(std::string_view value) {
    auto parsed = dates::parse_month(value);
    return parsed ? parsed->month : 0;
}

// The year of a biblatex date: its leading digits ("2021-03-04" → "2021", "2021/2022" → "2021").
std::optional<std::string_view> year_of_date(std::string_view date) {
    std::size_t end = 0;
    if (end < date.size() && (date[end] == '-' || date[end] == '+')) ++end;
    const std::size_t digits = end;
    while (end < date.size() && date[end] >= '0' && date[end] <= '9') ++end;
    if (end == digits) return std::nullopt;
    return date.substr(0, end);
}

} // namespace

std::string_view month_abbreviation(int month) {
    return month >= 1 && month <= 12 ? k_months[static_cast<std::size_t>(month - 1)]
                                     : std::string_view{};
}

std::optional<std::string_view> Record::value(std::string_view field) const {
    if (field == "key") return m_entry->key;
    if (field == "month" || field == "month_numeric") {
        const bibtex::Field* month = model::find_field(m_fields, "month");
        if (!month) return std::nullopt;
        const int number = month_number(month->value);
        if (number == 0) return field == "month" ? std::optional(month->value) : std::nullopt;
        const auto i = static_cast<std::size_t>(number - 1);
        return field == "month" ? k_months[i] : k_month_numbers[i];
    }
    if (const bibtex::Field* found = model::find_field(m_fields, field)) return found->value;
    if (field == "year") {
        if (const bibtex::Field* date = model::find_field(m_fields, "date"))
            return year_of_date(date->value);
    }
    return std::nullopt;
}

std::vector<Record> make_records(const bibtex::Database& database,
                                 const model::EffectiveFields& fields) {
    std::vector<Record> records;
    records.reserve(database.entries.size());
    for (std::size_t i = 0; i < database.entries.size(); ++i) {
        const bibtex::Entry& entry = database.entries[i];
        const model::EntryType* type = model::find_entry_type(entry.type);
        if (type && type->csl_type.empty()) continue; // @xdata, @set: no works of their own
        records.emplace_back(entry, fields.fields(i), static_cast<std::uint32_t>(i));
    }
    return records;
}

} // namespace bibkit::query
