// Settings from YAML: bibkit.yml, --config FILE, a Jekyll site's _config.yml.

#include <bibkit/config/settings_file.hpp>
#include <gtest/gtest.h>

namespace bibkit::config {
namespace {

using List = StringList;

const std::string k_data = BIBKIT_CONFIG_TEST_DATA;

Overrides parsed(std::string_view yaml, Section section = Section::scholar_or_top_level) {
    auto layer = parse_settings_yaml(yaml, Origin{"test.yml", 1}, section);
    EXPECT_TRUE(layer) << (layer ? "" : to_string(layer.error()));
    return layer ? *layer : Overrides{};
}

Settings settings_of(std::string_view yaml) {
    return applied(Settings{}, parsed(yaml));
}

ConfigError error_of(std::string_view yaml, std::uint32_t first_line = 1) {
    auto layer =
        parse_settings_yaml(yaml, Origin{"test.yml", first_line}, Section::scholar_or_top_level);
    EXPECT_FALSE(layer);
    return layer ? ConfigError{} : layer.error();
}

TEST(SettingsYaml, ScholarSectionOfAJekyllConfig) {
    const Settings settings = settings_of("title: Site\n"
                                          "group_by: type\n"
                                          "scholar:\n"
                                          "  group_by: year\n");
    EXPECT_EQ(settings.group_by, List{"year"});
    EXPECT_TRUE(settings.extra.empty()); // the rest is Jekyll's
}

TEST(SettingsYaml, TopLevelWithoutAScholarSection) {
    const Settings settings = settings_of("group_by: year\nstyle: ieee\n");
    EXPECT_EQ(settings.group_by, List{"year"});
    EXPECT_EQ(settings.style, "ieee");
}

TEST(SettingsYaml, ScholarOnlyIgnoresTheTopLevel) {
    EXPECT_TRUE(parsed("group_by: year\n", Section::scholar_only).empty());
    EXPECT_TRUE(parsed("scholar:\n", Section::scholar_only).empty());
}

TEST(SettingsYaml, EmptyDocumentsAreEmptyLayers) {
    EXPECT_TRUE(parsed("").empty());
    EXPECT_TRUE(parsed("# nothing\n").empty());
    EXPECT_TRUE(parsed("---\n").empty());
}

TEST(SettingsYaml, ListsAsStringsOrYamlLists) {
    // Case 19 (group_by: year,type; group_order: descending,ascending) and case 27's list.
    Settings settings = settings_of("group_by: year,type\n"
                                    "group_order: descending,ascending\n"
                                    "type_order: [article, inproceedings]\n");
    EXPECT_EQ(settings.group_by, (List{"year", "type"}));
    EXPECT_EQ(settings.group_order, (List{"descending", "ascending"}));
    EXPECT_EQ(settings.type_order, (List{"article", "inproceedings"}));
    // Spaces after commas, and commas inside list items, as jekyll-scholar's split(/\s*,\s*/).
    settings = settings_of("sort_by: ' year ,  month '\norder: [descending, 'ascending, desc']\n");
    EXPECT_EQ(settings.sort_by, (List{"year", "month"}));
    EXPECT_EQ(settings.order, (List{"descending", "ascending", "descending"}));
}

TEST(SettingsYaml, NoneMeansNoSortingOrGrouping) {
    Overrides layer = parsed("sort_by: none\ngroup_by: [None]\n");
    EXPECT_TRUE(layer.contains("sort_by"));
    EXPECT_TRUE(layer.values.sort_by.empty());
    EXPECT_TRUE(layer.values.group_by.empty());
    // A page can switch off the site's grouping (seed 004: --group_by none).
    Settings settings = settings_of("group_by: year\n");
    apply(settings, parsed("group_by: none\n"));
    EXPECT_TRUE(settings.group_by.empty());
}

TEST(SettingsYaml, CaseConfigurations) {
    // Case 29_group_year_type_order's config.yml, as written.
    const Settings settings = settings_of("group_by: year,type\n"
                                          "group_order: descending,ascending\n"
                                          "type_order: [article, inproceedings, incollection]\n"
                                          "sort_by: month\n"
                                          "order: descending\n"
                                          "bibliography_group_tag: h3,h4\n");
    EXPECT_EQ(settings.group_by, (List{"year", "type"}));
    EXPECT_EQ(settings.group_order, (List{"descending", "ascending"}));
    EXPECT_EQ(settings.type_order, (List{"article", "inproceedings", "incollection"}));
    EXPECT_EQ(settings.sort_by, List{"month"});
    EXPECT_EQ(settings.order, List{"descending"});
    EXPECT_EQ(settings.bibliography_group_tag, (List{"h3", "h4"}));
}

TEST(SettingsYaml, AlFolioPublicationsConfig) {
    // Case 22_alfolio_publications's config.yml: the keys bibkit does not type are kept.
    const Settings settings = settings_of("bibliography_template: '{{reference}}'\n"
                                          "bibtex_filters: [latex, smallcaps, superscript]\n"
                                          "replace_strings: true\n"
                                          "join_strings: true\n"
                                          "details_dir: bibliography\n"
                                          "details_link: Details\n"
                                          "query: \"@*\"\n"
                                          "group_by: year\n"
                                          "group_order: descending\n");
    EXPECT_EQ(settings.bibliography_template, "{{reference}}");
    EXPECT_EQ(settings.query, "@*");
    EXPECT_EQ(settings.group_by, List{"year"});
    EXPECT_EQ(settings.group_order, List{"descending"});
    const StringMap extra{{"bibtex_filters", "[latex, smallcaps, superscript]"},
                          {"details_dir", "bibliography"},
                          {"details_link", "Details"},
                          {"join_strings", "true"},
                          {"replace_strings", "true"}};
    EXPECT_EQ(settings.extra, extra);
}

TEST(SettingsYaml, ExtraKeysKeepTheirText) {
    const Settings settings = settings_of("bibtex_options: {strip: false, parse_months: true}\n"
                                          "repository:\n"
                                          "details_permalink: /:details_dir/:key:extension\n");
    EXPECT_EQ(settings.extra.at("bibtex_options"), "{strip: false, parse_months: true}");
    EXPECT_EQ(settings.extra.at("repository"), "");
    EXPECT_EQ(settings.extra.at("details_permalink"), "/:details_dir/:key:extension");
}

TEST(SettingsYaml, TagOnlyKeysAreExtraInYaml) {
    // jekyll-scholar reads prefix, cited ... only from tags; max and offset bibkit reads here too.
    const Settings settings = settings_of("prefix: sel\ncited: true\nmax: 5\noffset: 2\n");
    EXPECT_EQ(settings.prefix, "");
    EXPECT_EQ(settings.cited, Citations::all);
    EXPECT_EQ(settings.extra.at("prefix"), "sel");
    EXPECT_EQ(settings.max, 5u);
    EXPECT_EQ(settings.offset, 2u);
}

TEST(SettingsYaml, DirectionsAreNormalized) {
    const Settings settings = settings_of("order: [DESC, Reverse, asc, ascending]\n"
                                          "group_order: Descending\n");
    EXPECT_EQ(settings.order, (List{"descending", "descending", "ascending", "ascending"}));
    EXPECT_EQ(settings.group_order, List{"descending"});
}

TEST(SettingsYaml, AMisspelledDirectionIsAnError) {
    // jekyll-scholar would sort "decending" ascending, silently.
    const ConfigError error = error_of("scholar:\n  order: desc\n  group_order: decending\n");
    EXPECT_EQ(to_string(error),
              "test.yml:3:16: error: group_order must be ascending or descending, got "
              "'decending'");
}

TEST(SettingsYaml, WronglyTypedValuesAreErrorsAtTheirPosition) {
    auto error = load_settings_file(k_data + "/bad_order.yml");
    ASSERT_FALSE(error);
    EXPECT_EQ(to_string(error.error()), k_data + "/bad_order.yml:4:5: error: group_order must be a "
                                                 "string or a list of strings");
    EXPECT_EQ(error_of("style: [apa, ieee]\n").message, "style must be a string");
    EXPECT_EQ(error_of("type_order: [[article]]\n").message,
              "type_order must be a string or a list of strings");
    EXPECT_EQ(error_of("type_names: [article]\n").message,
              "type_names must be a mapping of strings");
    EXPECT_EQ(error_of("type_names: {article: [a, b]}\n").message,
              "type_names must be a mapping of strings");
    EXPECT_EQ(error_of("max: lots\n").message, "max must be a non-negative integer, got 'lots'");
    EXPECT_EQ(error_of("max: -1\n").message, "max must be a non-negative integer, got '-1'");
    EXPECT_EQ(error_of("remove_duplicates: {a: b}\n").message,
              "remove_duplicates must be true, false or a list of fields");
    EXPECT_EQ(error_of("bibliography_list_tag: '<ul>'\n").message,
              "bibliography_list_tag must be an HTML tag name such as ol or h2, got '<ul>'");
    EXPECT_EQ(error_of("bibliography_group_tag: h2,h 3\n").message,
              "bibliography_group_tag must be an HTML tag name such as ol or h2, got 'h 3'");
    EXPECT_EQ(error_of("bibliography_group_tag: ''\n").message,
              "bibliography_group_tag must name at least one tag");
}

TEST(SettingsYaml, SyntaxErrorsCarryTheirPosition) {
    ConfigError error = error_of("scholar:\n  group_by: [year\n  sort_by: year\n");
    EXPECT_EQ(error.file, "test.yml");
    EXPECT_EQ(error.line, 3u);
    EXPECT_EQ(error.message, "invalid YAML: end of sequence flow not found");
    // Front matter starts on the page's second line: positions are the page's.
    error = error_of("a: b: c\n", 2);
    EXPECT_EQ(to_string(error), "test.yml:2:5: error: invalid YAML: illegal map value");
}

TEST(SettingsYaml, DeepNestingIsAnErrorNotACrash) {
    const std::string deep = "extra: " + std::string(100000, '[') + std::string(100000, ']');
    EXPECT_EQ(error_of(deep).message, "invalid YAML: nested too deeply");
}

TEST(SettingsYaml, TheDocumentMustBeAMapping) {
    EXPECT_EQ(error_of("- group_by\n").message, "expected a mapping of settings");
    EXPECT_EQ(error_of("just text\n").message, "expected a mapping of settings");
    EXPECT_EQ(error_of("scholar: [a]\n").message, "scholar must be a mapping");
    EXPECT_EQ(error_of("{[a]: b}\n").message, "a setting's name must be a string");
}

TEST(SettingsYaml, MonthNamesAreTwelveOrNone) {
    Settings settings = settings_of("month_names: [Jan, Feb, Mar, Apr, May, Jun, Jul, Aug, Sep, "
                                    "Oct, Nov, Dec]\n");
    EXPECT_EQ(settings.month_names.size(), 12u);
    EXPECT_EQ(settings.month_names[9], "Oct");
    EXPECT_EQ(error_of("month_names: [Jan, Feb]\n").message,
              "month_names must be a list of 12 month names, got 2");
    EXPECT_EQ(error_of("month_names: January\n").message,
              "month_names must be a list of 12 month names");
    EXPECT_TRUE(settings_of("month_names: []\n").month_names.empty());
    // Null is the default again: a page can undo the site's names.
    apply(settings, parsed("month_names:\n"));
    EXPECT_TRUE(settings.month_names.empty());
}

TEST(SettingsYaml, TypeMapsAreLowerCase) {
    const Settings settings = settings_of("type_names: {Article: Papers, talk: Talks}\n"
                                          "type_aliases: {Report: TechReport}\n"
                                          "type_order: [Article, TechReport]\n");
    EXPECT_EQ(settings.type_names.at("article"), "Papers");
    EXPECT_EQ(settings.type_names.at("talk"), "Talks");
    EXPECT_EQ(settings.type_names.at("book"), "Books");
    EXPECT_EQ(settings.type_aliases.at("report"), "techreport");
    EXPECT_EQ(settings.type_aliases.at("phdthesis"), "thesis");
    EXPECT_EQ(settings.type_order, (List{"article", "techreport"}));
}

TEST(SettingsYaml, AttributeMapsKeepTheirCase) {
    const Settings settings = settings_of("bibliography_list_attributes: {reversed: reversed, "
                                          "data-Kind: pubs}\n");
    EXPECT_EQ(settings.bibliography_list_attributes,
              (StringMap{{"data-Kind", "pubs"}, {"reversed", "reversed"}}));
}

TEST(SettingsYaml, RemoveDuplicates) {
    EXPECT_EQ(settings_of("remove_duplicates: true\n").remove_duplicates, (Duplicates{true, {}}));
    EXPECT_EQ(settings_of("remove_duplicates: no\n").remove_duplicates, (Duplicates{false, {}}));
    EXPECT_EQ(settings_of("remove_duplicates: [Title, author]\n").remove_duplicates,
              (Duplicates{true, {"title", "author"}}));
    EXPECT_EQ(settings_of("remove_duplicates: title, year\n").remove_duplicates,
              (Duplicates{true, {"title", "year"}}));
}

TEST(SettingsYaml, BibliographyIsAFileOrAList) {
    // A file name is never split at commas; a list is bibkit's extension.
    EXPECT_EQ(settings_of("bibliography: 'a,b.bib'\n").bibliography, List{"a,b.bib"});
    EXPECT_EQ(settings_of("bibliography: [papers.bib, talks.bib]\n").bibliography,
              (List{"papers.bib", "talks.bib"}));
    EXPECT_EQ(settings_of("bibliography: '*.bib'\n").bibliography, List{"*.bib"});
}

TEST(SettingsYaml, OwnerNames) {
    // al-folio's _config.yml: scholar: last_name: [Einstein], first_name: [Albert, A.]
    Settings settings = settings_of("last_name: [Durand]\nfirst_name: [Camille, C.]\n");
    EXPECT_EQ(settings.last_name, List{"Durand"});
    EXPECT_EQ(settings.first_name, (List{"Camille", "C."}));
    // A string is one name, even with a comma in it.
    settings = settings_of("last_name: Smith, Jr.\n");
    EXPECT_EQ(settings.last_name, List{"Smith, Jr."});
}

TEST(SettingsYaml, AnEmptyTemplateIsTheDefault) {
    EXPECT_EQ(settings_of("bibliography_template: ''\n").bibliography_template, "{{reference}}");
    EXPECT_EQ(settings_of("bibliography_template:\n").bibliography_template, "{{reference}}");
    EXPECT_EQ(settings_of("bibliography_template: bib\n").bibliography_template, "bib");
}

TEST(SettingsYaml, EveryKeyReadsAndNullRestoresItsDefault) {
    const std::string_view yaml = "source: bib\n"
                                  "bibliography: [a.bib]\n"
                                  "query: '@article'\n"
                                  "remove_duplicates: true\n"
                                  "sort_by: year\n"
                                  "order: desc\n"
                                  "group_by: type\n"
                                  "group_order: desc\n"
                                  "type_names: {talk: Talks}\n"
                                  "type_aliases: {report: techreport}\n"
                                  "type_order: [article]\n"
                                  "month_names: [a, b, c, d, e, f, g, h, i, j, k, l]\n"
                                  "style: ieee\n"
                                  "locale: fr\n"
                                  "bibliography_list_tag: ul\n"
                                  "bibliography_item_tag: div\n"
                                  "bibliography_group_tag: h3\n"
                                  "bibliography_class: pubs\n"
                                  "bibliography_list_attributes: {reversed: reversed}\n"
                                  "bibliography_item_attributes: {class: item}\n"
                                  "bibliography_template: bib\n"
                                  "reference_tagname: div\n"
                                  "missing_reference: '?'\n"
                                  "cite_class: cite\n"
                                  "last_name: Durand\n"
                                  "first_name: Camille\n"
                                  "max: 4\n"
                                  "offset: 1\n";
    const Overrides layer = parsed(yaml);
    EXPECT_EQ(layer.keys.size(), 28u);
    EXPECT_TRUE(layer.values.extra.empty());
    const Settings settings = applied(Settings{}, layer);
    EXPECT_EQ(settings.source, "bib");
    EXPECT_EQ(settings.cite_class, "cite");
    EXPECT_EQ(settings.reference_tagname, "div");
    EXPECT_EQ(settings.bibliography_item_attributes.at("class"), "item");
    EXPECT_EQ(settings.max, 4u);

    // The same keys, each set to nothing: every one is back to its default.
    std::string nulls;
    for (const std::string& key : layer.keys) nulls += key + ":\n";
    Settings reset = settings;
    apply(reset, parsed(nulls));
    Settings expected;
    expected.type_names["talk"] = "Talks"; // maps merge: a null map adds nothing, removes nothing
    expected.type_aliases["report"] = "techreport";
    expected.bibliography_list_attributes["reversed"] = "reversed";
    expected.bibliography_item_attributes["class"] = "item";
    EXPECT_EQ(reset, expected);
}

TEST(SettingsYaml, ARepeatedKeyEndsWithItsLastValue) {
    EXPECT_EQ(settings_of("style: apa\nstyle: ieee\n").style, "ieee");
}

TEST(SettingsYaml, ScalarsOfOtherYamlTypesAreText) {
    const Settings settings = settings_of("locale: 1\nquery: '@*[year>=2020]'\nsort_by: 2020\n");
    EXPECT_EQ(settings.locale, "1");
    EXPECT_EQ(settings.query, "@*[year>=2020]");
    EXPECT_EQ(settings.sort_by, List{"2020"});
}

TEST(SettingsFile, BibkitYmlAtTheTopLevel) {
    auto settings = load_settings_file(k_data + "/bibkit.yml");
    ASSERT_TRUE(settings) << to_string(settings.error());
    EXPECT_EQ(settings->bibliography, List{"*.bib"});
    EXPECT_EQ(settings->source, "bib");
    EXPECT_EQ(settings->sort_by, (List{"year", "month"}));
    EXPECT_EQ(settings->order, (List{"descending", "ascending"}));
    EXPECT_EQ(settings->type_order, (List{"article", "inproceedings"}));
    EXPECT_EQ(settings->month_names[1], "février");
    EXPECT_EQ(settings->style, "apa");
}

TEST(SettingsFile, AMissingFileIsAnError) {
    auto settings = load_settings_file(k_data + "/no-such.yml");
    ASSERT_FALSE(settings);
    EXPECT_EQ(settings.error().file, k_data + "/no-such.yml");
    EXPECT_FALSE(settings.error().message.empty());
}

TEST(SettingsSite, ReadsTheScholarSectionOfConfigYml) {
    auto site = load_site(k_data + "/site");
    ASSERT_TRUE(site) << to_string(site.error());
    EXPECT_EQ(site->dir, k_data + "/site");
    EXPECT_EQ(site->config_file, k_data + "/site/_config.yml");
    const Settings& settings = site->settings;
    EXPECT_EQ(settings.source, "/_bibliography/");
    EXPECT_EQ(settings.bibliography, List{"papers.bib"});
    EXPECT_EQ(settings.bibliography_template, "bib");
    EXPECT_EQ(settings.group_by, List{"year"});
    EXPECT_EQ(settings.group_order, List{"descending"});
    EXPECT_EQ(settings.first_name, (List{"Camille", "C."}));
    EXPECT_EQ(settings.extra.at("bibtex_filters"), "[latex, smallcaps, superscript]");
    EXPECT_EQ(settings.extra.count("title"), 0u); // Jekyll's, not ours
}

TEST(SettingsSite, FallsBackToConfigYaml) {
    auto site = load_site(k_data + "/site_yaml");
    ASSERT_TRUE(site) << to_string(site.error());
    EXPECT_EQ(site->config_file, k_data + "/site_yaml/_config.yaml");
    EXPECT_EQ(site->settings.sort_by, (List{"year", "month"}));
}

TEST(SettingsSite, AConfigWithoutScholarGivesTheDefaults) {
    auto site = load_site(k_data + "/site_plain");
    ASSERT_TRUE(site) << to_string(site.error());
    EXPECT_EQ(site->settings, Settings{}); // its top-level group_by is not a scholar: key
}

TEST(SettingsSite, ADirectoryWithoutConfigIsAnError) {
    auto site = load_site(k_data + "/site/_bibliography");
    ASSERT_FALSE(site);
    EXPECT_EQ(site.error().file, k_data + "/site/_bibliography/_config.yml");
}

} // namespace
} // namespace bibkit::config
