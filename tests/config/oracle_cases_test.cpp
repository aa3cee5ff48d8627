// Every configuration, front matter and tag of the jekyll-scholar oracle cases
// (../shared/jekyll-scholar/cases) reads without an error, and each case's config.yml agrees with
// the scholar: section of its site_config.yml. Skipped when ../shared is not there.

#include <bibkit/config/front_matter.hpp>
#include <bibkit/config/settings_file.hpp>
#include <bibkit/config/tag_options.hpp>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

namespace bibkit::config {
namespace {

namespace fs = std::filesystem;

const fs::path k_cases = fs::path(BIBKIT_CONFIG_SHARED_DIR) / "jekyll-scholar" / "cases";

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<fs::path> case_dirs() {
    std::vector<fs::path> dirs;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(k_cases, error))
        if (entry.is_directory()) dirs.push_back(entry.path());
    std::sort(dirs.begin(), dirs.end());
    return dirs;
}

// The arguments of every {% bibliography ... %} and {% bibliography_count ... %} on a page.
std::vector<std::string> tag_arguments(std::string_view page) {
    std::vector<std::string> arguments;
    for (std::size_t at = page.find("{%"); at != std::string_view::npos;
         at = page.find("{%", at + 2)) {
        const std::size_t end = page.find("%}", at);
        if (end == std::string_view::npos) break;
        std::string_view tag = page.substr(at + 2, end - at - 2);
        tag.remove_prefix(std::min(tag.find_first_not_of(' '), tag.size()));
        for (std::string_view name : {"bibliography_count", "bibliography"}) {
            if (!tag.starts_with(name)) continue;
            arguments.emplace_back(tag.substr(name.size()));
            break;
        }
    }
    return arguments;
}

TEST(SettingsOracleCases, EverySiteConfigAndPageReads) {
    const std::vector<fs::path> dirs = case_dirs();
    if (dirs.empty()) GTEST_SKIP() << "no oracle cases in " << k_cases;
    std::size_t tags = 0;
    for (const fs::path& dir : dirs) {
        auto site = load_settings_file((dir / "site_config.yml").string());
        ASSERT_TRUE(site) << to_string(site.error());
        EXPECT_EQ(site->style, "apa") << dir;
        EXPECT_EQ(site->source, "./_bibliography") << dir;
        EXPECT_EQ(site->bibliography, StringList{"papers.bib"}) << dir;

        // config.yml holds the keys merged into scholar:, in their own spelling.
        if (fs::exists(dir / "config.yml")) {
            auto layer = read_settings_file((dir / "config.yml").string());
            ASSERT_TRUE(layer) << to_string(layer.error());
            EXPECT_EQ(applied(*site, *layer), *site) << dir;
        }

        const std::string page = read(dir / "page.md");
        auto front = front_matter_settings(page, (dir / "page.md").string());
        ASSERT_TRUE(front) << to_string(front.error());
        for (const std::string& arguments : tag_arguments(page)) {
            auto options = parse_tag_options(arguments);
            ASSERT_TRUE(options) << dir << ": " << arguments << ": " << to_string(options.error());
            EXPECT_TRUE(options->positional.empty()) << dir << ": " << arguments;
            ++tags;
        }
    }
    EXPECT_GT(tags, 90u);
}

TEST(SettingsOracleCases, Case45PageOverridesTheSite) {
    const fs::path dir = k_cases / "45_page_frontmatter_config";
    if (!fs::exists(dir)) GTEST_SKIP() << "no case 45";
    auto site = load_settings_file((dir / "site_config.yml").string());
    ASSERT_TRUE(site);
    auto page = front_matter_settings(read(dir / "page.md"), "page.md");
    ASSERT_TRUE(page);
    auto tag = parse_tag_options(" -q @*[year>=2022] ");
    ASSERT_TRUE(tag);
    const Settings settings = applied(applied(*site, *page), tag->overrides);
    EXPECT_EQ(settings.group_by, StringList{"type"});
    EXPECT_EQ(settings.type_order, (StringList{"book", "article"}));
    EXPECT_EQ(settings.sort_by, StringList{"year"});
    EXPECT_EQ(settings.order, StringList{"descending"});
    EXPECT_EQ(settings.query, "@*[year>=2022]");
    EXPECT_EQ(settings.style, "apa");
}

} // namespace
} // namespace bibkit::config
