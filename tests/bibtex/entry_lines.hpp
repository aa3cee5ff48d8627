#pragma once
// Test helper: resolved entries as one line each, "type|key|name=value|name=value", so that
// tests compare whole readings with one EXPECT_EQ.

#include <bibkit/bibtex/database.hpp>
#include <string>
#include <vector>

namespace bibkit::bibtex::testing {

inline std::vector<std::string> entry_lines(const Database& db) {
    std::vector<std::string> out;
    for (const Entry& entry : db.entries) {
        std::string line = std::string(entry.type) + "|" + std::string(entry.key);
        for (const Field& field : entry.fields)
            line += "|" + std::string(field.name) + "=" + std::string(field.value);
        out.push_back(line);
    }
    return out;
}

} // namespace bibkit::bibtex::testing
