// Settings: jekyll-scholar 7.3.0's defaults, and how layers combine.

#include <bibkit/config/settings.hpp>
#include <bibkit/config/tag_options.hpp>
#include <gtest/gtest.h>

namespace bibkit::config {
namespace {

using List = StringList;

TEST(SettingsDefaults, AreJekyllScholarsDefaults) {
    // lib/jekyll/scholar/defaults.rb at v7.3.0.
    const Settings settings;
    EXPECT_EQ(settings.style, "apa");
    EXPECT_EQ(settings.locale, "en");
    EXPECT_EQ(settings.sort_by, List{}); // 'none'
    EXPECT_EQ(settings.order, List{"ascending"});
    EXPECT_EQ(settings.group_by, List{}); // 'none'
    EXPECT_EQ(settings.group_order, List{"ascending"});
    EXPECT_EQ(settings.bibliography_group_tag, (List{"h2", "h3", "h4", "h5"}));
    EXPECT_EQ(settings.bibliography_list_tag, "ol");
    EXPECT_EQ(settings.bibliography_item_tag, "li");
    EXPECT_TRUE(settings.bibliography_list_attributes.empty());
    EXPECT_TRUE(settings.bibliography_item_attributes.empty());
    EXPECT_EQ(settings.source, "./_bibliography");
    EXPECT_EQ(settings.bibliography, List{"references.bib"});
    EXPECT_EQ(settings.remove_duplicates, Duplicates{});
    EXPECT_EQ(settings.bibliography_class, "bibliography");
    EXPECT_EQ(settings.bibliography_template, "{{reference}}");
    EXPECT_EQ(settings.reference_tagname, "span");
    EXPECT_EQ(settings.missing_reference, "(missing reference)");
    EXPECT_EQ(settings.query, "@*");
    EXPECT_EQ(settings.cite_class, "citation");
    EXPECT_TRUE(settings.type_order.empty());
    EXPECT_TRUE(settings.month_names.empty()); // nil: Date::MONTHNAMES
    EXPECT_TRUE(settings.extra.empty());
}

TEST(SettingsDefaults, TypeNamesAndAliases) {
    const Settings settings;
    const StringMap names{
        {"article", "Journal Articles"},
        {"book", "Books"},
        {"incollection", "Book Chapters"},
        {"inproceedings", "Conference Articles"},
        {"thesis", "Theses"},
        {"mastersthesis", "Master's Theses"},
        {"phdthesis", "PhD Theses"},
        {"manual", "Manuals"},
        {"techreport", "Technical Reports"},
        {"misc", "Miscellaneous"},
        {"unpublished", "Unpublished"},
    };
    EXPECT_EQ(settings.type_names, names);
    // inbook and proceedings have no name: their headings are the raw type (README, type groups).
    EXPECT_EQ(settings.type_names.count("inbook"), 0u);
    EXPECT_EQ(settings.type_names.count("proceedings"), 0u);
    const StringMap aliases{{"phdthesis", "thesis"}, {"mastersthesis", "thesis"}};
    EXPECT_EQ(settings.type_aliases, aliases);
}

TEST(SettingsDefaults, PerTagOptions) {
    const Settings settings;
    EXPECT_EQ(settings.max, 0u);
    EXPECT_EQ(settings.offset, 0u);
    EXPECT_EQ(settings.prefix, "");
    EXPECT_EQ(settings.cited, Citations::all);
    EXPECT_FALSE(settings.clear);
    EXPECT_FALSE(settings.suppress_author);
    EXPECT_TRUE(settings.locators.empty());
    EXPECT_TRUE(settings.last_name.empty());
}

Overrides layer_of(std::string_view arguments) {
    auto options = parse_tag_options(arguments);
    EXPECT_TRUE(options) << (options ? "" : to_string(options.error()));
    return options ? options->overrides : Overrides{};
}

TEST(SettingsApply, LaterLayersOverrideKeyByKey) {
    Settings settings;
    apply(settings, layer_of("--group_by year --group_order descending --style ieee"));
    apply(settings, layer_of("--group_by type"));
    EXPECT_EQ(settings.group_by, List{"type"});
    EXPECT_EQ(settings.group_order, List{"descending"}); // kept: the later layer did not set it
    EXPECT_EQ(settings.style, "ieee");
    EXPECT_EQ(settings.locale, "en");
}

TEST(SettingsApply, AnEmptyLayerChangesNothing) {
    Settings settings;
    apply(settings, Overrides{});
    EXPECT_EQ(settings, Settings{});
    EXPECT_TRUE(Overrides{}.empty());
}

TEST(SettingsApply, MapsMergeEntryByEntry) {
    Overrides site;
    site.values.type_names = {{"article", "Papers"}, {"talk", "Talks"}};
    site.keys.insert("type_names");
    Overrides page;
    page.values.type_names = {{"misc", "Other"}};
    page.keys.insert("type_names");
    Settings settings = applied(applied(Settings{}, site), page);
    EXPECT_EQ(settings.type_names.at("article"), "Papers");
    EXPECT_EQ(settings.type_names.at("talk"), "Talks");
    EXPECT_EQ(settings.type_names.at("misc"), "Other");
    EXPECT_EQ(settings.type_names.at("book"), "Books"); // the default stays
}

TEST(SettingsApply, ListsAreReplacedWhole) {
    Settings settings;
    apply(settings, layer_of("--sort_by year,month --order descending,ascending"));
    apply(settings, layer_of("--order descending"));
    EXPECT_EQ(settings.sort_by, (List{"year", "month"}));
    EXPECT_EQ(settings.order, List{"descending"});
}

TEST(SettingsApply, ExtraKeysMergeByKey) {
    Overrides site;
    site.values.extra = {{"details_dir", "bibliography"}, {"details_link", "Details"}};
    Overrides page;
    page.values.extra = {{"details_link", "More"}};
    Settings settings = applied(applied(Settings{}, site), page);
    EXPECT_EQ(settings.extra,
              (StringMap{{"details_dir", "bibliography"}, {"details_link", "More"}}));
}

TEST(SettingsMerge, EqualsApplyingBothLayersInTurn) {
    Overrides site = layer_of("-g year -G descending -s ieee -q @article");
    site.values.type_names = {{"article", "Papers"}};
    site.keys.insert("type_names");
    Overrides page = layer_of("-g type -O book,article");
    page.values.type_names = {{"book", "Monographs"}};
    page.keys.insert("type_names");

    Overrides both = site;
    merge(both, page);
    EXPECT_EQ(applied(Settings{}, both), applied(applied(Settings{}, site), page));
    EXPECT_EQ(both.values.type_names, (StringMap{{"article", "Papers"}, {"book", "Monographs"}}));
}

TEST(SettingsMerge, AMapTheBaseNeverSetIsReplacedNotMergedWithDefaults) {
    Overrides base;
    Overrides later;
    later.values.type_names = {{"article", "Papers"}};
    later.keys.insert("type_names");
    merge(base, later);
    EXPECT_EQ(base.values.type_names, (StringMap{{"article", "Papers"}}));
    EXPECT_TRUE(base.contains("type_names"));
}

TEST(SettingsError, FormatsLikeOtherDiagnostics) {
    EXPECT_EQ(to_string(ConfigError{"_config.yml", 3, 16, "group_order must be a string"}),
              "_config.yml:3:16: error: group_order must be a string");
    EXPECT_EQ(to_string(ConfigError{"bibkit.yml", 0, 0, "No such file or directory"}),
              "bibkit.yml: error: No such file or directory");
    EXPECT_EQ(to_string(ConfigError{"", 0, 4, "unknown option '--foo'"}),
              "error: unknown option '--foo'");
}

} // namespace
} // namespace bibkit::config
