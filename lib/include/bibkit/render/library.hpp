#pragma once
// What `bibkit query` and `bibkit render` share: settings from their layers, the bibliography
// read once, and the query's selection arranged by the settings.

#include <bibkit/bibtex/bibliography.hpp>
#include <bibkit/config/settings.hpp>
#include <bibkit/config/tag_options.hpp>
#include <bibkit/core/diagnostic.hpp>
#include <bibkit/core/expected.hpp>
#include <bibkit/core/source_file.hpp>
#include <bibkit/export/listing.hpp>
#include <bibkit/model/inheritance.hpp>
#include <bibkit/query/query.hpp>
#include <bibkit/query/record.hpp>
#include <bibkit/query/selection.hpp>
#include <memory>
#include <string>
#include <vector>

namespace bibkit::render {

// The layers of settings, weakest first: defaults < ./bibkit.yml (when neither site nor
// configs) < the site's _config.yml < each config (YAML, or a page whose front matter has a
// `scholar:` section) < each tag-options string < the command-line options.
struct SettingsSources {
    std::string site;
    std::vector<std::string> configs;
    std::vector<std::string> tag_options;
    std::vector<config::OptionValue> command_line;
};

struct LoadedSettings {
    config::Settings settings;
    // Where `source` and `bibliography` are relative to: the site, the directory of a config
    // that names them, "." for ./bibkit.yml; "" when nothing says.
    std::string site_dir;
};

Expected<LoadedSettings, config::ConfigError> load_settings(const SettingsSources& sources);

// The files to read: `files` when given, else those the settings name.
Expected<std::vector<std::string>, std::string> bibliography_paths(std::vector<std::string> files,
                                                                   const LoadedSettings& loaded);

// "in the query, column N: message", then the query and a caret under the column.
std::string query_error_message(std::string_view query, const query::QueryError& error);

// A bibliography read and resolved, with the records queries run on. Not movable: the records
// point into it.
class Library {
  public:
    static Expected<std::unique_ptr<Library>, IoError> read(const std::vector<std::string>& paths);
    Library(const Library&) = delete;
    Library& operator=(const Library&) = delete;

    exports::ListingSource source() const { return {&m_bibliography, &m_database, &m_fields}; }
    const std::vector<query::Record>& records() const { return m_records; }
    const query::Record* find(std::string_view key) const;

    // The entries the settings' query selects, arranged (sorted, grouped, cut); `count` leaves
    // max and offset out, as jekyll-scholar's bibliography_count. With settings.cited, only the
    // `cited` keys are listed (cited_in_order: in that order, unsorted). The error is the
    // query's.
    Expected<query::Selection, std::string> select(const config::Settings& settings,
                                                   bool count = false,
                                                   std::span<const std::string> cited = {}) const;

    // The database's and inheritance's diagnostics (once).
    std::vector<Diagnostic> take_diagnostics();

  private:
    explicit Library(bibtex::Bibliography bibliography);
    bibtex::Bibliography m_bibliography;
    bibtex::Database m_database;
    model::EffectiveFields m_fields;
    std::vector<query::Record> m_records;
    bool m_diagnostics_taken = false;
};

} // namespace bibkit::render
