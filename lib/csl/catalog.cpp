// Finding styles and locales by name (catalog.hpp). Files are read whole and parsed by
// Style::parse / Locale::parse; this file only decides which files, in which order.

#include <algorithm>
#include <array>
#include <bibkit/core/ascii.hpp>
#include <bibkit/csl/catalog.hpp>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>
#include <unordered_set>

namespace bibkit::csl {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_system_styles = "/usr/share/citation-style-language/styles";
constexpr std::string_view k_system_locales = "/usr/share/citation-style-language/locales";
// A chain of dependent styles longer than this is a cycle we failed to see, or nonsense.
constexpr std::size_t k_max_dependency_depth = 8;

CslError error_at(std::string message, const fs::path& origin) {
    return CslError{std::move(message), origin.string(), 0, 0};
}

Expected<std::string, CslError> read_whole_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return unexpected(error_at("cannot read the file", path));
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return unexpected(error_at("cannot read the file", path));
    return text.str();
}

bool is_file(const fs::path& path) {
    std::error_code ignored;
    return fs::is_regular_file(path, ignored);
}

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value ? std::string(value) : std::string();
}

// $VAR=a:b:c, empty parts dropped.
void append_path_list(std::vector<fs::path>& out, const std::string& list) {
    std::size_t start = 0;
    while (start <= list.size()) {
        std::size_t end = list.find(':', start);
        if (end == std::string::npos) end = list.size();
        if (end > start) out.emplace_back(list.substr(start, end - start));
        start = end + 1;
    }
}

// $XDG_DATA_HOME, else ~/.local/share (XDG Base Directory Specification); "" without a home.
fs::path user_data_dir() {
    const std::string xdg = env("XDG_DATA_HOME");
    if (!xdg.empty()) return xdg;
    const std::string home = env("HOME");
    return home.empty() ? fs::path() : fs::path(home) / ".local/share";
}

// "apa.csl" and "apa" both name apa.csl.
std::vector<std::string> style_file_names(std::string_view name) {
    std::vector<std::string> names{std::string(name)};
    if (!name.ends_with(".csl")) names.push_back(std::string(name) + ".csl");
    return names;
}

std::optional<fs::path> find_in(const std::vector<fs::path>& directories, std::string_view name) {
    for (const fs::path& directory : directories)
        for (const std::string& file : style_file_names(name))
            if (fs::path candidate = directory / file; is_file(candidate)) return candidate;
    return std::nullopt;
}

// A name, not a path: no directory separator, not "." or "..".
bool is_plain_name(std::string_view name) {
    return !name.empty() && name.find('/') == std::string_view::npos && name != "." && name != "..";
}

// The last segment of the parent's URL: ".../styles/nlm-citation-sequence" → that name.
std::string parent_name(std::string_view url) {
    const std::size_t cut = url.find_first_of("?#");
    if (cut != std::string_view::npos) url = url.substr(0, cut);
    while (!url.empty() && url.back() == '/') url.remove_suffix(1);
    const std::size_t slash = url.rfind('/');
    return std::string(slash == std::string_view::npos ? url : url.substr(slash + 1));
}

std::string directory_list(const std::vector<fs::path>& directories) {
    std::string out;
    for (const fs::path& directory : directories) {
        if (!out.empty()) out += ", ";
        out += directory.string();
    }
    return out.empty() ? "no directories" : out;
}

Expected<Style, CslError> load_style(const fs::path& path) {
    auto xml = read_whole_file(path);
    if (!xml) return unexpected(std::move(xml.error()));
    return Style::parse(*xml, path.string());
}

} // namespace

StyleCatalog::StyleCatalog(std::vector<fs::path> directories)
    : m_directories(std::move(directories)) {}

StyleCatalog StyleCatalog::with_default_directories(const fs::path& project_root) {
    std::vector<fs::path> directories;
    append_path_list(directories, env("BIBKIT_STYLES"));
    if (!project_root.empty()) directories.push_back(project_root / "styles");
    if (fs::path data = user_data_dir(); !data.empty())
        directories.push_back(data / "bibkit/styles");
    if (std::string home = env("HOME"); !home.empty())
        directories.push_back(fs::path(home) / ".csl/styles");
    directories.emplace_back(k_system_styles);
    // Debian keeps the dependent styles apart from the independent ones.
    directories.push_back(fs::path(k_system_styles) / "dependent");
    return StyleCatalog(std::move(directories));
}

Expected<ResolvedStyle, CslError> StyleCatalog::find(std::string_view name_or_path) const {
    fs::path path(name_or_path);
    if (!is_file(path)) {
        if (!is_plain_name(name_or_path)) return unexpected(error_at("no such style file", path));
        auto found = find_in(m_directories, name_or_path);
        if (!found)
            return unexpected(CslError{"no style named '" + std::string(name_or_path) + "' in " +
                                           directory_list(m_directories),
                                       "", 0, 0});
        path = *found;
    }
    auto style = load_style(path);
    if (!style) return unexpected(std::move(style.error()));
    ResolvedStyle resolved{*style, path, std::string(style->default_locale())};

    // A dependent style borrows everything but its default-locale from its parent; the parent
    // is looked for beside it first, then in the catalog's directories.
    std::vector<std::string> chain{path.string()};
    while (resolved.style.is_dependent()) {
        const std::string name = parent_name(resolved.style.independent_parent());
        if (name.empty())
            return unexpected(
                error_at("a dependent style without an independent-parent link", resolved.path));
        std::vector<fs::path> directories{resolved.path.parent_path()};
        for (const fs::path& directory : m_directories)
            if (directory != directories.front()) directories.push_back(directory);
        auto parent_path = find_in(directories, name);
        if (!parent_path)
            return unexpected(error_at("its independent parent '" + name + "' (" +
                                           std::string(resolved.style.independent_parent()) +
                                           ") is in none of " + directory_list(directories),
                                       resolved.path));
        const std::string parent_text = parent_path->string();
        const bool cycle = std::find(chain.begin(), chain.end(), parent_text) != chain.end();
        chain.push_back(parent_text);
        if (cycle || chain.size() > k_max_dependency_depth) {
            std::string links;
            for (const std::string& link : chain) links += (links.empty() ? "" : " → ") + link;
            return unexpected(error_at("dependent styles form a cycle: " + links, path));
        }
        auto parent = load_style(*parent_path);
        if (!parent) return unexpected(std::move(parent.error()));
        resolved.style = *parent;
        resolved.path = *parent_path;
        if (resolved.default_locale.empty())
            resolved.default_locale = std::string(parent->default_locale());
    }
    return resolved;
}

// ---------------------------------------------------------------------------------------------
// Locales

namespace {

// CSL's primary dialects (the locales repository's locales.json): the region a bare language
// tag means. Languages with a single locale file map to it; "no" (Norwegian) means Bokmål.
constexpr std::array<std::pair<std::string_view, std::string_view>, 54> k_primary_dialects = {{
    {"af", "af-ZA"}, {"ar", "ar"},         {"bal", "bal-PK"}, {"bg", "bg-BG"}, {"brh", "brh-PK"},
    {"ca", "ca-AD"}, {"cs", "cs-CZ"},      {"cy", "cy-GB"},   {"da", "da-DK"}, {"de", "de-DE"},
    {"el", "el-GR"}, {"en", "en-US"},      {"es", "es-ES"},   {"et", "et-EE"}, {"eu", "eu"},
    {"fa", "fa-IR"}, {"fi", "fi-FI"},      {"fr", "fr-FR"},   {"gl", "gl-ES"}, {"he", "he-IL"},
    {"hi", "hi-IN"}, {"hr", "hr-HR"},      {"hu", "hu-HU"},   {"hy", "hy-AM"}, {"id", "id-ID"},
    {"is", "is-IS"}, {"it", "it-IT"},      {"ja", "ja-JP"},   {"km", "km-KH"}, {"ko", "ko-KR"},
    {"la", "la"},    {"lij", "lij-IT"},    {"lt", "lt-LT"},   {"lv", "lv-LV"}, {"mn", "mn-MN"},
    {"ms", "ms-MY"}, {"nb", "nb-NO"},      {"nl", "nl-NL"},   {"nn", "nn-NO"}, {"pa", "pa-PK"},
    {"pl", "pl-PL"}, {"pt", "pt-PT"},      {"ro", "ro-RO"},   {"ru", "ru-RU"}, {"sk", "sk-SK"},
    {"sl", "sl-SI"}, {"sr", "sr-Latn-RS"}, {"sv", "sv-SE"},   {"th", "th-TH"}, {"tr", "tr-TR"},
    {"uk", "uk-UA"}, {"vi", "vi-VN"},      {"zh", "zh-CN"},   {"no", "nb-NO"},
}};

std::string lower(std::string_view text) {
    return ascii::lowered(text);
}

bool is_tag_char(char c) {
    return ascii::is_digit(c) || (ascii::to_lower(c) >= 'a' && ascii::to_lower(c) <= 'z') ||
           c == '-';
}

// "de_at" → "de-at": the form locale file names are compared in (lower case).
Expected<std::string, CslError> normalize_tag(std::string_view tag) {
    std::string out = lower(tag);
    std::replace(out.begin(), out.end(), '_', '-');
    const bool valid = !out.empty() && out.front() != '-' && out.back() != '-' &&
                       std::all_of(out.begin(), out.end(), is_tag_char);
    if (!valid)
        return unexpected(CslError{
            "'" + std::string(tag) + "' is not a locale tag (like en-US, de, pt-BR)", "", 0, 0});
    return out;
}

// The tags to try for `tag`, most specific first, without repeats.
std::vector<std::string> candidate_tags(const std::string& tag) {
    std::vector<std::string> tags{tag};
    const std::string language = tag.substr(0, tag.find('-'));
    for (const auto& [bare, dialect] : k_primary_dialects)
        if (bare == language) tags.push_back(lower(dialect));
    tags.emplace_back("en-us");
    std::vector<std::string> unique;
    for (std::string& candidate : tags)
        if (std::find(unique.begin(), unique.end(), candidate) == unique.end())
            unique.push_back(std::move(candidate));
    return unique;
}

// locales-<tag>.xml in `directory`, the file name's case ignored.
std::optional<fs::path> locale_file(const fs::path& directory, const std::string& tag) {
    const std::string wanted = "locales-" + tag + ".xml";
    std::error_code error;
    for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error))
        if (lower(it->path().filename().string()) == wanted && is_file(it->path()))
            return it->path();
    return std::nullopt;
}

} // namespace

LocaleCatalog::LocaleCatalog(std::vector<fs::path> directories)
    : m_directories(std::move(directories)) {}

LocaleCatalog LocaleCatalog::with_default_directories() {
    std::vector<fs::path> directories;
    append_path_list(directories, env("BIBKIT_LOCALES"));
    directories.emplace_back(k_system_locales);
    return LocaleCatalog(std::move(directories));
}

Expected<std::vector<Locale>, CslError> LocaleCatalog::chain(std::string_view tag) const {
    auto normalized = normalize_tag(tag.empty() ? std::string_view("en-US") : tag);
    if (!normalized) return unexpected(std::move(normalized.error()));
    std::vector<Locale> locales;
    bool have_en_us = false;
    for (const std::string& candidate : candidate_tags(*normalized)) {
        for (const fs::path& directory : m_directories) {
            auto path = locale_file(directory, candidate);
            if (!path) continue;
            auto xml = read_whole_file(*path);
            if (!xml) return unexpected(std::move(xml.error()));
            auto locale = Locale::parse(*xml, path->string());
            if (!locale) return unexpected(std::move(locale.error()));
            locales.push_back(std::move(*locale));
            have_en_us = have_en_us || candidate == "en-us";
            break;
        }
    }
    if (!have_en_us) locales.push_back(Locale::builtin_en_us());
    return locales;
}

} // namespace bibkit::csl
