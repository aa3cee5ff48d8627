#pragma once
// Test helper: a .bib text read and resolved, with the sources the Database views into.

#include <bibkit/bibtex/bibliography.hpp>
#include <bibkit/bibtex/database.hpp>
#include <string>
#include <utility>
#include <vector>

namespace bibkit::model::testing {

struct Read {
    bibtex::Bibliography bibliography;
    bibtex::Database db;

    const bibtex::Entry& entry(std::string_view key) const {
        for (const bibtex::Entry& e : db.entries)
            if (e.key == key) return e;
        throw std::runtime_error("no entry " + std::string(key));
    }
};

inline Read read_bib(const std::string& text) {
    std::vector<SourceFile> sources;
    sources.push_back(SourceFile::from_string("test.bib", text));
    Read result{bibtex::Bibliography::from_sources(std::move(sources)), {}};
    result.db = result.bibliography.resolve();
    return result;
}

} // namespace bibkit::model::testing
