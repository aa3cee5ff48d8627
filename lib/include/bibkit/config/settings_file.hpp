#pragma once
// Reading settings from YAML: bibkit.yml, `--config FILE`, a Jekyll site's `_config.yml`
// (`--site DIR`) and page front matter. Errors carry file:line:col (yaml-cpp's marks), both for
// YAML syntax and for values of the wrong kind ("group_order must be a string or a list of
// strings"). Keys that bibkit does not type are kept in Settings::extra; none is an error, as in
// jekyll-scholar, which ignores what it does not know.

#include <bibkit/config/settings.hpp>
#include <bibkit/core/expected.hpp>
#include <cstdint>
#include <string>
#include <string_view>

namespace bibkit::config {

// Where YAML text came from, for error positions: front matter starts on a page's second line.
struct Origin {
    std::string file;
    std::uint32_t first_line = 1;
};

enum class Section : std::uint8_t {
    // A top-level `scholar:` mapping if there is one (a Jekyll _config.yml), else the top-level
    // mapping itself (a bibkit.yml with the settings at the top).
    scholar_or_top_level,
    // Only a top-level `scholar:` mapping: the rest of a _config.yml or a page's front matter
    // is Jekyll's, not ours.
    scholar_only,
};

Expected<Overrides, ConfigError> parse_settings_yaml(std::string_view yaml, const Origin& origin,
                                                     Section section);

// bibkit.yml or `--config FILE` (Section::scholar_or_top_level): the layer, or the defaults with
// the layer applied.
Expected<Overrides, ConfigError> read_settings_file(const std::string& path);
Expected<Settings, ConfigError> load_settings_file(const std::string& path);

// A Jekyll site: DIR/_config.yml (else DIR/_config.yaml, as Jekyll), its `scholar:` section over
// the defaults. `dir` is kept: `source` and `bibliography` name files relative to it (see
// site_bibliography_files).
struct Site {
    std::string dir;
    std::string config_file;
    Settings settings;
};
Expected<Site, ConfigError> load_site(const std::string& dir);

} // namespace bibkit::config
