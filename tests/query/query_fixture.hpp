#pragma once
// Test helper: a .bib (text or file) read, resolved and turned into query records.

#include <bibkit/bibtex/bibliography.hpp>
#include <bibkit/model/inheritance.hpp>
#include <bibkit/query/record.hpp>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace bibkit::query::testing {

struct Records {
    bibtex::Bibliography bibliography;
    bibtex::Database db;
    model::EffectiveFields fields;
    std::vector<Record> records;

    const Record& operator[](std::string_view key) const {
        for (const Record& record : records)
            if (record.key() == key) return record;
        throw std::runtime_error("no entry " + std::string(key));
    }
};

// Heap-allocated: the records view into the database, which must not move.
inline std::unique_ptr<Records> records_of(const std::string& text) {
    std::vector<SourceFile> sources;
    sources.push_back(SourceFile::from_string("test.bib", text));
    auto result = std::make_unique<Records>(
        Records{bibtex::Bibliography::from_sources(std::move(sources)), {}, {}, {}});
    result->db = result->bibliography.resolve();
    result->fields = model::EffectiveFields::resolve(result->db);
    result->records = make_records(result->db, result->fields);
    return result;
}

inline std::string read_test_file(const std::string& name) {
    std::ifstream in(std::string(BIBKIT_QUERY_TEST_DATA) + "/" + name, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read test data " + name);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace bibkit::query::testing

#include <bibkit/query/group.hpp>
#include <bibkit/query/selection.hpp>

namespace bibkit::query::testing {

inline std::vector<const Record*> pointers(const std::vector<Record>& records) {
    std::vector<const Record*> out;
    for (const Record& record : records) out.push_back(&record);
    return out;
}

inline std::string keys_of(std::span<const Record* const> records) {
    std::string out;
    for (const Record* record : records) {
        if (!out.empty()) out += ' ';
        out += record->key();
    }
    return out;
}

// Groups as keys.txt writes them, on one line: "## 2024 a b ## 2023 c".
inline void append_groups(std::string& out, std::span<const Group> groups, int level) {
    for (const Group& group : groups) {
        if (!out.empty()) out += ' ';
        out += std::string(static_cast<std::size_t>(level) + 1, '#') + " " + group.heading;
        if (group.heading.empty()) out.pop_back();
        append_groups(out, group.subgroups, level + 1);
        if (!group.records.empty()) out += " " + keys_of(group.records);
    }
}

inline std::string groups_line(std::span<const Group> groups) {
    std::string out;
    append_groups(out, groups, 1);
    return out;
}

// Every record grouped by year, newest first: the lists the export tests render.
inline Selection by_year_descending(const Records& r) {
    ArrangeOptions options;
    options.group.fields = {"year"};
    options.group.orders = {Order::descending};
    return arrange(pointers(r.records), options);
}

} // namespace bibkit::query::testing
