// Which .bib files `source` and `bibliography` name, as jekyll-scholar resolves them.

#include <bibkit/config/bibliography_files.hpp>
#include <bibkit/config/settings_file.hpp>
#include <filesystem>
#include <gtest/gtest.h>

namespace bibkit::config {
namespace {

using List = std::vector<std::string>;

const std::string k_site = std::string(BIBKIT_CONFIG_TEST_DATA) + "/site";
const std::string k_bib = k_site + "/_bibliography";

List files(const Settings& settings, const std::string& site_dir = k_site) {
    auto found = site_bibliography_files(settings, site_dir);
    EXPECT_TRUE(found) << (found ? "" : to_string(found.error()));
    return found ? *found : List{};
}

Settings with(std::string source, List bibliography) {
    Settings settings;
    settings.source = std::move(source);
    settings.bibliography = std::move(bibliography);
    return settings;
}

TEST(SettingsBibliographyFiles, DefaultsNameReferencesBibInTheSiteBibliographyFolder) {
    // Missing files are returned all the same: reading them reports the I/O error.
    EXPECT_EQ(files(Settings{}), List{k_bib + "/references.bib"});
    EXPECT_EQ(files(Settings{}, ""), List{"_bibliography/references.bib"});
}

TEST(SettingsBibliographyFiles, AlFolioAbsoluteSourceIsInTheSite) {
    // al-folio: `source: /_bibliography/`, which jekyll-scholar joins to the site directory.
    auto site = load_site(k_site);
    ASSERT_TRUE(site);
    EXPECT_EQ(files(site->settings, site->dir), List{k_bib + "/papers.bib"});
}

TEST(SettingsBibliographyFiles, AnExistingAbsolutePathIsKept) {
    EXPECT_EQ(files(with(k_bib, {"talks.bib"}), "/elsewhere"), List{k_bib + "/talks.bib"});
    EXPECT_EQ(files(with("unused", {k_bib + "/talks.bib"})), List{k_bib + "/talks.bib"});
}

TEST(SettingsBibliographyFiles, BibIsAddedToANameWithoutExtension) {
    EXPECT_EQ(files(with("_bibliography", {"papers"})), List{k_bib + "/papers.bib"});
    EXPECT_EQ(files(with("_bibliography", {"missing"})), List{k_bib + "/missing.bib"});
    // ... unless a file of that very name exists (extend_path checks File.exist?).
    EXPECT_EQ(files(with("_bibliography", {"extensionless"})), List{k_bib + "/extensionless"});
}

TEST(SettingsBibliographyFiles, GlobsAreSortedAndSkipHiddenFiles) {
    EXPECT_EQ(files(with("_bibliography", {"*.bib"})),
              (List{k_bib + "/papers.bib", k_bib + "/talks.bib"}));
    EXPECT_EQ(files(with("_bibliography", {".*.bib"})), List{k_bib + "/.hidden.bib"});
    EXPECT_EQ(files(with("_bibliography", {"[pt]a*.bib"})),
              (List{k_bib + "/papers.bib", k_bib + "/talks.bib"}));
    EXPECT_EQ(files(with("_bibliography", {"*/*.bib"})), List{k_bib + "/nested/more.bib"});
}

TEST(SettingsBibliographyFiles, DoubleStarGoesToAnyDepth) {
    EXPECT_EQ(files(with("_bibliography", {"**/*.bib"})),
              (List{k_bib + "/nested/more.bib", k_bib + "/papers.bib", k_bib + "/talks.bib"}));
}

TEST(SettingsBibliographyFiles, AGlobThatMatchesNothingIsAnError) {
    auto found = site_bibliography_files(with("_bibliography", {"*.bibtex"}), k_site);
    ASSERT_FALSE(found);
    EXPECT_EQ(found.error().message, "bibliography '*.bibtex' matches no file in '" + k_bib + "'");
    EXPECT_FALSE(site_bibliography_files(with("no-such-folder", {"*.bib"}), k_site));
    EXPECT_FALSE(site_bibliography_files(with("_bibliography", {}), k_site));
}

TEST(SettingsBibliographyFiles, ListsKeepTheirOrderAndReadAFileOnce) {
    EXPECT_EQ(files(with("./_bibliography/", {"talks.bib", "*.bib", "./papers.bib"})),
              (List{k_bib + "/talks.bib", k_bib + "/papers.bib"}));
}

TEST(SettingsBibliographyFiles, AnAbsolutePatternThatExistsIsAbsolute) {
    EXPECT_EQ(files(with("elsewhere", {k_bib + "/nested/*.bib"})),
              List{k_bib + "/nested/more.bib"});
}

} // namespace
} // namespace bibkit::config
