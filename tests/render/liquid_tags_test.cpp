// Liquid tags in a page (liquid_tags.hpp): names, trimmed arguments and offsets, the
// whitespace-trimming forms, raw blocks, output markup left alone, and an unclosed tag.

#include <bibkit/render/liquid_tags.hpp>
#include <gtest/gtest.h>

namespace bibkit::render {
namespace {

TEST(LiquidTags, NamesArgumentsAndOffsets) {
    const std::string_view page = "a {% bibliography -q @article %} b {%- cite k1 k2 -%} {{ x }}";
    const LiquidScan scan = scan_liquid_tags(page);
    ASSERT_TRUE(scan.errors.empty());
    ASSERT_EQ(scan.tags.size(), 2u);
    EXPECT_EQ(scan.tags[0].name, "bibliography");
    EXPECT_EQ(scan.tags[0].arguments, "-q @article");
    EXPECT_EQ(scan.tags[0].begin, 2u);
    EXPECT_EQ(scan.tags[0].end, 32u);
    EXPECT_EQ(scan.tags[0].arguments_offset, 18u);
    EXPECT_EQ(page.substr(scan.tags[0].arguments_offset, 11), "-q @article");
    EXPECT_EQ(scan.tags[1].name, "cite");
    EXPECT_EQ(scan.tags[1].arguments, "k1 k2");
    EXPECT_EQ(scan.tags[1].begin, 35u);
    EXPECT_EQ(page.substr(scan.tags[1].end - 3, 3), "-%}");
}

TEST(LiquidTags, ATagWithoutArguments) {
    const LiquidScan scan = scan_liquid_tags("{%bibliography%}");
    ASSERT_EQ(scan.tags.size(), 1u);
    EXPECT_EQ(scan.tags[0].name, "bibliography");
    EXPECT_EQ(scan.tags[0].arguments, "");
}

// What is inside {% raw %}…{% endraw %} is text, as in Liquid.
TEST(LiquidTags, RawBlocksHoldNoTags) {
    const LiquidScan scan =
        scan_liquid_tags("{% raw %}{% cite x %}{%- endraw -%} {% cite y %}{% raw %}{% cite z %}");
    ASSERT_TRUE(scan.errors.empty());
    ASSERT_EQ(scan.tags.size(), 1u);
    EXPECT_EQ(scan.tags[0].name, "cite");
    EXPECT_EQ(scan.tags[0].arguments, "y");
}

TEST(LiquidTags, AnUnclosedTagIsAnError) {
    const LiquidScan scan = scan_liquid_tags("{% cite a %}\nx {% cite b");
    ASSERT_EQ(scan.tags.size(), 1u);
    ASSERT_EQ(scan.errors.size(), 1u);
    EXPECT_EQ(scan.errors[0].offset, 15u);
    EXPECT_EQ(scan.errors[0].message, "the tag is not closed with %}");
}

TEST(LiquidTags, PositionsAreOneBasedLinesAndColumns) {
    const std::string_view text = "ab\ncd\n";
    EXPECT_EQ(position_of(text, 0).line, 1u);
    EXPECT_EQ(position_of(text, 0).column, 1u);
    EXPECT_EQ(position_of(text, 4).line, 2u);
    EXPECT_EQ(position_of(text, 4).column, 2u);
    EXPECT_EQ(position_of(text, 99).line, 3u);
}

} // namespace
} // namespace bibkit::render
