#pragma once
// BibTeX → biblatex: the same entries in biblatex's vocabulary, for biber.

#include <bibkit/bibtex/database.hpp>
#include <string>

namespace bibkit::model {

// Each entry with biblatex's type (conference → inproceedings, phdthesis → thesis with
// type = {phdthesis}, www → online …), biblatex's field names (journal → journaltitle,
// address → location, school → institution, archiveprefix → eprinttype, primaryclass →
// eprintclass …) and year/month/day as one ISO 8601 `date` when they make a valid date (as
// written otherwise). Values keep their LaTeX; crossref and xdata stay links for biber to follow.
void write_biblatex(const bibtex::Database& database, std::string& out);

} // namespace bibkit::model
