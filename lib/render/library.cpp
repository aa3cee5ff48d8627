#include <algorithm>
#include <bibkit/config/arrangement.hpp>
#include <bibkit/config/bibliography_files.hpp>
#include <bibkit/config/front_matter.hpp>
#include <bibkit/config/settings_file.hpp>
#include <bibkit/query/query.hpp>
#include <bibkit/render/library.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace bibkit::render {

namespace {

// A settings file: YAML (bibkit.yml, a Jekyll _config.yml) or a page whose front matter has a
// `scholar:` section.
Expected<config::Overrides, config::ConfigError> read_config(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return unexpected(config::ConfigError{path, 0, 0, "cannot read the file"});
    std::ostringstream text;
    text << in.rdbuf();
    const std::string page = text.str();
    if (config::split_front_matter(page).present) return config::front_matter_settings(page, path);
    return config::read_settings_file(path);
}

} // namespace

Expected<LoadedSettings, config::ConfigError> load_settings(const SettingsSources& sources) {
    LoadedSettings loaded;
    if (!sources.site.empty()) {
        auto site = config::load_site(sources.site);
        if (!site) return unexpected(site.error());
        loaded.settings = site->settings;
        loaded.site_dir = site->dir;
    } else if (sources.configs.empty() && std::filesystem::exists("bibkit.yml")) {
        auto file = config::load_settings_file("bibkit.yml");
        if (!file) return unexpected(file.error());
        loaded.settings = *file;
        loaded.site_dir = ".";
    }
    for (const std::string& path : sources.configs) {
        auto layer = read_config(path);
        if (!layer) return unexpected(layer.error());
        config::apply(loaded.settings, *layer);
        if (sources.site.empty() && (layer->contains("source") || layer->contains("bibliography")))
            loaded.site_dir = std::filesystem::path(path).parent_path().string();
    }
    for (const std::string& arguments : sources.tag_options) {
        auto tag = config::parse_tag_options(arguments);
        if (!tag) return unexpected(tag.error());
        config::apply(loaded.settings, tag->overrides);
    }
    auto layer = config::parse_options(sources.command_line);
    if (!layer) return unexpected(layer.error());
    config::apply(loaded.settings, *layer);
    return loaded;
}

Expected<std::vector<std::string>, std::string> bibliography_paths(std::vector<std::string> files,
                                                                   const LoadedSettings& loaded) {
    if (!files.empty()) return files;
    if (loaded.site_dir.empty())
        return unexpected(
            std::string("no files: name .bib files, or a site (--site DIR) or "
                        "settings (--config FILE) that give source and bibliography"));
    auto site_files = config::site_bibliography_files(loaded.settings, loaded.site_dir);
    if (!site_files) return unexpected(config::to_string(site_files.error()));
    return std::move(*site_files);
}

std::string query_error_message(std::string_view query, const query::QueryError& error) {
    return "in the query, column " + std::to_string(error.column) + ": " + error.message + "\n  " +
           std::string(query) + "\n  " + std::string(error.column > 0 ? error.column - 1 : 0, ' ') +
           "^";
}

Library::Library(bibtex::Bibliography bibliography)
    : m_bibliography(std::move(bibliography)), m_database(m_bibliography.resolve()),
      m_fields(model::EffectiveFields::resolve(m_database)),
      m_records(query::make_records(m_database, m_fields)) {}

Expected<std::unique_ptr<Library>, IoError> Library::read(const std::vector<std::string>& paths) {
    auto bibliography = bibtex::Bibliography::read(paths);
    if (!bibliography) return unexpected(bibliography.error());
    return std::unique_ptr<Library>(new Library(std::move(*bibliography)));
}

const query::Record* Library::find(std::string_view key) const {
    for (const query::Record& record : m_records)
        if (record.key() == key) return &record;
    return nullptr;
}

Expected<query::Selection, std::string> Library::select(const config::Settings& settings,
                                                        bool count,
                                                        std::span<const std::string> cited) const {
    auto parsed = query::parse_query(settings.query);
    if (!parsed) return unexpected(query_error_message(settings.query, parsed.error()));
    std::vector<const query::Record*> selected;
    for (std::size_t i : query::select(*parsed, m_records)) selected.push_back(&m_records[i]);
    query::ArrangeOptions arrange = config::arrange_options(settings);
    if (settings.cited != config::Citations::all) {
        const auto rank = [&](const query::Record* record) {
            return std::find(cited.begin(), cited.end(), record->key()) - cited.begin();
        };
        std::erase_if(selected,
                      [&](const query::Record* r) { return rank(r) == std::ssize(cited); });
        if (settings.cited == config::Citations::cited_in_order) {
            std::stable_sort(selected.begin(), selected.end(),
                             [&](auto* a, auto* b) { return rank(a) < rank(b); });
            arrange.sort.clear();
        }
    }
    if (count) arrange.max = arrange.offset = 0;
    return query::arrange(std::move(selected), arrange);
}

std::vector<Diagnostic> Library::take_diagnostics() {
    if (m_diagnostics_taken) return {};
    m_diagnostics_taken = true;
    std::vector<Diagnostic> diagnostics(m_database.diagnostics.begin(),
                                        m_database.diagnostics.end());
    for (Diagnostic& diagnostic :
         model::inheritance_diagnostics(m_fields, m_database, m_bibliography))
        diagnostics.push_back(std::move(diagnostic));
    return diagnostics;
}

} // namespace bibkit::render
