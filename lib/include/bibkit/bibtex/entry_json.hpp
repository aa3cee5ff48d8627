#pragma once
// The entries as JSON: [{"type","key","fields":{name: value}}], values as BibTeX resolves them.

#include <bibkit/bibtex/database.hpp>
#include <string>

namespace bibkit::bibtex {

void write_entries_json(const Database& database, std::string& out, bool pretty = true);

} // namespace bibkit::bibtex
