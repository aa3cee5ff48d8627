#include <bibkit/core/ascii.hpp>
#include <bibkit/query/duplicates.hpp>
#include <unordered_set>

namespace bibkit::query {

namespace {

// Type and field values without whitespace and in lower case (what bibtex-ruby's digest meant
// to compare: it computes that form and then discards it, comparing exactly), each ended by a byte
// no value holds (values never contain NUL), and a marker telling a missing field from an empty
// one.
std::string digest(const Record& record, std::span<const std::string> fields) {
    std::string out(record.type());
    out.push_back('\0');
    for (const std::string& field : fields) {
        auto value = record.value(field);
        out.push_back(value ? '+' : '-');
        if (value)
            for (char c : *value)
                if (!ascii::is_space(c)) out.push_back(ascii::to_lower(c));
        out.push_back('\0');
    }
    return out;
}

} // namespace

std::vector<std::string> default_duplicate_fields() {
    return {"year", "title"};
}

void remove_duplicates(std::vector<const Record*>& records, std::span<const std::string> fields) {
    std::unordered_set<std::string> seen;
    seen.reserve(records.size());
    std::erase_if(records, [&](const Record* record) {
        return !seen.insert(digest(*record, fields)).second;
    });
}

} // namespace bibkit::query
