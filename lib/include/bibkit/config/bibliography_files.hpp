#pragma once
// The .bib files that `source` and `bibliography` name, resolved as jekyll-scholar does
// (utilities.rb: bibtex_files, extend_path, scholar_source):
// - `source` is relative to the site directory, and so is an absolute path that does not exist
//   (al-folio's `source: /_bibliography/`);
// - each `bibliography` item is relative to `source` in the same way; a name with `*` is a glob
//   (`*`, `?`, `[...]` within a path segment, `**` for any depth; hidden files only when the
//   pattern names the dot), its matches sorted byte-wise as Ruby's Dir.glob sorts them;
// - a name without an extension that does not exist gets `.bib`.
// Items keep their order (it is the order entries are read in); a path listed twice is read once.
// A file that does not exist is returned all the same, so that reading it reports the I/O error;
// a glob that matches nothing is an error (jekyll-scholar silently lists nothing).

#include <bibkit/config/settings.hpp>
#include <bibkit/core/expected.hpp>
#include <string>
#include <vector>

namespace bibkit::config {

// `site_dir`: the site, or the directory of the --config file ("" for the current directory).
Expected<std::vector<std::string>, ConfigError>
site_bibliography_files(const Settings& settings, const std::string& site_dir);

} // namespace bibkit::config
