// A page's front matter, found as Jekyll finds it, and the settings in its `scholar:` section.

#include <bibkit/config/front_matter.hpp>
#include <gtest/gtest.h>

namespace bibkit::config {
namespace {

using List = StringList;

TEST(FrontMatter, APageWithoutFrontMatter) {
    for (std::string_view page : {"", "{% bibliography %}\n", "----\na: b\n---\n", " ---\n---\n",
                                  "--- x\n---\n", "---", "---\n", "---\na: b\n"}) {
        const FrontMatter front = split_front_matter(page);
        EXPECT_FALSE(front.present) << page;
        EXPECT_EQ(front.yaml, "") << page;
        EXPECT_EQ(front.body_offset, 0u) << page;
    }
}

TEST(FrontMatter, YamlBetweenTheMarkers) {
    // Case 45_page_frontmatter_config's page.md.
    const std::string_view page = "---\n"
                                  "scholar:\n"
                                  "  group_by: type\n"
                                  "  type_order: [book, article]\n"
                                  "  sort_by: year\n"
                                  "  order: descending\n"
                                  "---\n"
                                  "{% bibliography -q @*[year>=2022] %}\n";
    const FrontMatter front = split_front_matter(page);
    ASSERT_TRUE(front.present);
    EXPECT_EQ(front.yaml, "scholar:\n  group_by: type\n  type_order: [book, article]\n"
                          "  sort_by: year\n  order: descending\n");
    EXPECT_EQ(front.yaml_line, 2u);
    EXPECT_EQ(page.substr(front.body_offset), "{% bibliography -q @*[year>=2022] %}\n");
}

TEST(FrontMatter, ClosedByDots) {
    const std::string_view page = "---\ntitle: x\n...\nbody\n";
    const FrontMatter front = split_front_matter(page);
    EXPECT_EQ(front.yaml, "title: x\n");
    EXPECT_EQ(page.substr(front.body_offset), "body\n");
}

TEST(FrontMatter, EmptyFrontMatter) {
    const std::string_view page = "---\n---\nbody";
    const FrontMatter front = split_front_matter(page);
    EXPECT_TRUE(front.present);
    EXPECT_EQ(front.yaml, "");
    EXPECT_EQ(page.substr(front.body_offset), "body");
}

TEST(FrontMatter, BlanksAfterMarkersAndWindowsLineBreaks) {
    const std::string_view page = "---  \r\ntitle: x\r\n--- \t\r\nbody\r\n";
    const FrontMatter front = split_front_matter(page);
    EXPECT_EQ(front.yaml, "title: x\r\n");
    EXPECT_EQ(page.substr(front.body_offset), "body\r\n");
}

TEST(FrontMatter, AByteOrderMarkBeforeTheMarker) {
    const std::string_view page = "\xEF\xBB\xBF---\ntitle: x\n---\nbody";
    const FrontMatter front = split_front_matter(page);
    EXPECT_EQ(front.yaml, "title: x\n");
    EXPECT_EQ(page.substr(front.body_offset), "body");
}

TEST(FrontMatter, BlankLinesAfterTheClosingMarkerGoWithIt) {
    // Jekyll's `(---|\.\.\.)\s*$\n?` takes them; the first line with text keeps its indentation.
    const std::string_view page = "---\na: 1\n---\n\n  \n    code\n";
    const FrontMatter front = split_front_matter(page);
    EXPECT_EQ(page.substr(front.body_offset), "    code\n");
    EXPECT_EQ(split_front_matter("---\na: 1\n---\n \n").body_offset, 15u);
    EXPECT_EQ(split_front_matter("---\na: 1\n---").body_offset, 12u);
}

TEST(FrontMatter, MarkersInsideTheBodyStayInTheBody) {
    const std::string_view page = "---\na: 1\n---\ntext\n---\nmore\n";
    const FrontMatter front = split_front_matter(page);
    EXPECT_EQ(front.yaml, "a: 1\n");
    EXPECT_EQ(page.substr(front.body_offset), "text\n---\nmore\n");
    // A line that only starts with --- does not close the front matter.
    EXPECT_EQ(split_front_matter("---\na: 1\n---x\n---\nbody").yaml, "a: 1\n---x\n");
}

TEST(FrontMatter, SettingsFromTheScholarSection) {
    const std::string_view page = "---\n"
                                  "title: Publications\n"
                                  "scholar:\n"
                                  "  group_by: type\n"
                                  "  type_order: [book, article]\n"
                                  "  sort_by: year\n"
                                  "  order: descending\n"
                                  "---\n"
                                  "{% bibliography -q @*[year>=2022] %}\n";
    auto layer = front_matter_settings(page, "page.md");
    ASSERT_TRUE(layer) << to_string(layer.error());
    const Settings settings = applied(Settings{}, *layer);
    EXPECT_EQ(settings.group_by, List{"type"});
    EXPECT_EQ(settings.type_order, (List{"book", "article"}));
    EXPECT_EQ(settings.sort_by, List{"year"});
    EXPECT_EQ(settings.order, List{"descending"});
    EXPECT_TRUE(settings.extra.empty()); // title is the page's, not a setting
}

TEST(FrontMatter, PagesWithoutScholarSettings) {
    for (std::string_view page :
         {"no front matter", "---\ntitle: x\nlayout: page\n---\nbody", "---\n---\n"}) {
        auto layer = front_matter_settings(page, "page.md");
        ASSERT_TRUE(layer) << page;
        EXPECT_TRUE(layer->empty()) << page;
    }
}

TEST(FrontMatter, ErrorsPointAtThePageLine) {
    const std::string_view page = "---\n"
                                  "title: x\n"
                                  "scholar:\n"
                                  "  group_by: year\n"
                                  "  group_order: {a: b}\n"
                                  "---\n";
    auto layer = front_matter_settings(page, "pubs.md");
    ASSERT_FALSE(layer);
    EXPECT_EQ(to_string(layer.error()),
              "pubs.md:5:16: error: group_order must be a string or a list of strings");
    auto syntax = front_matter_settings("---\ntitle: x\nscholar: [\n---\n", "pubs.md");
    ASSERT_FALSE(syntax);
    EXPECT_EQ(syntax.error().file, "pubs.md");
    EXPECT_GE(syntax.error().line, 3u);
}

} // namespace
} // namespace bibkit::config
