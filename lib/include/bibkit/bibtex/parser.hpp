#pragma once
// Reads BibTeX 0.99d's language into the lossless syntax layer. Never fails: syntax errors become
// diagnostics, and reading resumes at the next entry that starts a line.

#include <bibkit/bibtex/syntax.hpp>

namespace bibkit::bibtex {

enum class Threading {
    automatic, // large inputs are read in two halves in parallel; the result is identical
    single,
};

// The result views into source, which must outlive it.
RawDatabase parse(const SourceFile& source, Threading threading = Threading::automatic);

} // namespace bibkit::bibtex
