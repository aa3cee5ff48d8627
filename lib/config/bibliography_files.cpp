#include <algorithm>
#include <bibkit/config/bibliography_files.hpp>
#include <filesystem>
#include <fnmatch.h>
#include <set>
#include <span>

namespace bibkit::config {
namespace {

namespace fs = std::filesystem;

bool is_pattern(std::string_view segment) {
    return segment.find_first_of("*?[") != std::string_view::npos;
}

bool matches(const std::string& pattern, const std::string& name) {
    // FNM_PERIOD: like Ruby's Dir.glob, a wildcard does not match a leading dot.
    return ::fnmatch(pattern.c_str(), name.c_str(), FNM_PERIOD) == 0;
}

void expand(const fs::path& at, std::span<const std::string> segments, std::vector<fs::path>& out);

// `**`: zero or more directories, not following links (Ruby's Dir.glob does not either).
void expand_any_depth(const fs::path& at, std::span<const std::string> segments,
                      std::vector<fs::path>& out) {
    expand(at, segments.subspan(1), out);
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(at, error)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with('.') || entry.is_symlink(error) || !entry.is_directory(error))
            continue;
        expand(entry.path(), segments, out);
    }
}

void expand(const fs::path& at, std::span<const std::string> segments, std::vector<fs::path>& out) {
    std::error_code error;
    if (segments.empty()) {
        if (fs::is_regular_file(at, error)) out.push_back(at);
        return;
    }
    const std::string& segment = segments.front();
    if (segment == "**") return expand_any_depth(at, segments, out);
    if (!is_pattern(segment)) return expand(at / segment, segments.subspan(1), out);
    for (const auto& entry : fs::directory_iterator(at, error))
        if (matches(segment, entry.path().filename().string()))
            expand(entry.path(), segments.subspan(1), out);
}

// The directories before the first wildcard, which must exist for an absolute pattern to be
// taken as absolute (see `under`).
fs::path literal_prefix(const fs::path& pattern) {
    fs::path prefix = pattern.root_path();
    for (const fs::path& part : pattern.relative_path()) {
        if (is_pattern(part.string())) break;
        prefix /= part;
    }
    return prefix;
}

std::vector<fs::path> glob(const fs::path& source, const fs::path& pattern) {
    std::error_code error;
    const bool absolute = pattern.is_absolute() && fs::is_directory(literal_prefix(pattern), error);
    std::vector<std::string> segments;
    for (const fs::path& part : pattern.relative_path())
        if (!part.empty() && part != ".") segments.push_back(part.string());
    std::vector<fs::path> found;
    expand(absolute ? pattern.root_path() : source, segments, found);
    // Ruby 3's Dir.glob sorts its matches byte-wise.
    std::sort(found.begin(), found.end(),
              [](const fs::path& a, const fs::path& b) { return a.native() < b.native(); });
    return found;
}

// jekyll-scholar joins an absolute path that does not exist to the directory (File.join), so
// al-folio's `source: /_bibliography/` is the site's _bibliography folder.
fs::path under(const fs::path& dir, const fs::path& path) {
    std::error_code error;
    if (path.is_absolute() && fs::exists(path, error)) return path;
    return dir / path.relative_path();
}

fs::path source_dir(const Settings& settings, const std::string& site_dir) {
    return under(site_dir.empty() ? fs::path(".") : fs::path(site_dir), settings.source);
}

// jekyll-scholar's extend_path: relative to the source, and `.bib` added to a name without an
// extension unless a file of that very name exists.
fs::path resolve(const fs::path& source, const std::string& name) {
    fs::path path = under(source, name);
    std::error_code error;
    if (!path.has_extension() && !fs::exists(path, error)) path += ".bib";
    return path;
}

} // namespace

Expected<std::vector<std::string>, ConfigError>
site_bibliography_files(const Settings& settings, const std::string& site_dir) {
    if (settings.bibliography.empty())
        return unexpected(ConfigError{{}, 0, 0, "bibliography names no file"});
    const fs::path source = source_dir(settings, site_dir);
    std::vector<std::string> files;
    std::set<std::string, std::less<>> seen;
    auto add = [&](const fs::path& path) {
        std::string normal = path.lexically_normal().string();
        if (seen.insert(normal).second) files.push_back(std::move(normal));
    };
    for (const std::string& name : settings.bibliography) {
        // jekyll-scholar takes a name for a pattern only when it has a `*`.
        if (name.find('*') == std::string::npos) {
            add(resolve(source, name));
            continue;
        }
        const std::vector<fs::path> matches = glob(source, name);
        if (matches.empty())
            return unexpected(ConfigError{{},
                                          0,
                                          0,
                                          "bibliography '" + name + "' matches no file in '" +
                                              source.lexically_normal().string() + "'"});
        for (const fs::path& match : matches) add(match);
    }
    return files;
}

} // namespace bibkit::config
