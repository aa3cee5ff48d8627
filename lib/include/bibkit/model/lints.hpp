#pragma once
// What `bibkit check` finds beyond the syntax: the meaning of the entries. Impossible dates and
// unknown months, malformed DOIs, arXiv ids, ISBNs and URLs, required fields a type lacks,
// crossref/xdata links to nothing or in a cycle, and the same work entered twice (same DOI,
// same arXiv id, or the same title and year).

#include <bibkit/bibtex/bibliography.hpp>
#include <bibkit/bibtex/check.hpp>
#include <bibkit/bibtex/database.hpp>
#include <bibkit/core/diagnostic.hpp>
#include <vector>

namespace bibkit::model {

// Diagnostics in entry order. `database` is `bibliography` resolved with ValueMode::build.
std::vector<Diagnostic> lint(const bibtex::Bibliography& bibliography,
                             const bibtex::Database& database);

// `bibkit check`: what reading finds and the lints, in one report (bibtex::check_files is the
// faster reading-only check).
Expected<bibtex::CheckReport, IoError>
check_files_with_lints(const std::vector<std::string>& paths);

} // namespace bibkit::model
