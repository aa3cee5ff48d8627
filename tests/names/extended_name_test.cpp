// biblatex's extended name format.

#include <bibkit/names/extended_name.hpp>
#include <gtest/gtest.h>

namespace bibkit::names {
namespace {

TEST(ExtendedName, ReadsEveryPart) {
    auto name =
        parse_extended_name("family=Doe, given=John, prefix=von, suffix=Jr, useprefix=true");
    ASSERT_TRUE(name);
    EXPECT_EQ(name->family, "Doe");
    EXPECT_EQ(name->given, "John");
    EXPECT_EQ(name->prefix, "von");
    EXPECT_EQ(name->suffix, "Jr");
    EXPECT_EQ(name->use_prefix, UsePrefix::yes);
}

TEST(ExtendedName, KeysAreCaseInsensitiveAndValuesMayBeBracedOrQuoted) {
    auto name = parse_extended_name("Family = {Doe, Smith}, GIVEN={John Paul}, given-i=Jo, "
                                    "prefix=\"de la\", useprefix=False");
    ASSERT_TRUE(name);
    EXPECT_EQ(name->family, "Doe, Smith");
    EXPECT_EQ(name->given, "John Paul");
    EXPECT_EQ(name->given_initials, "Jo");
    EXPECT_EQ(name->prefix, "de la");
    EXPECT_EQ(name->use_prefix, UsePrefix::no);
    // Braces that do not enclose the whole value stay.
    EXPECT_EQ(parse_extended_name("family={A}{B}")->family, "{A}{B}");
}

TEST(ExtendedName, OnlyAKnownKeyAtDepthZeroMarksTheFormat) {
    EXPECT_FALSE(is_extended_name("John Smith"));
    EXPECT_FALSE(is_extended_name("{family=Doe}"));
    EXPECT_FALSE(is_extended_name("a=b, c"));
    EXPECT_TRUE(is_extended_name("Doe, given=John"));
    EXPECT_FALSE(parse_extended_name("Smith, John"));
}

TEST(ExtendedName, StrayPartsAndUnknownKeysAreReported) {
    std::vector<NameDiagnostic> diagnostics;
    auto name = parse_extended_name("Doe, given=John, nickname=Jo, useprefix=maybe", &diagnostics);
    ASSERT_TRUE(name);
    EXPECT_EQ(name->given, "John");
    ASSERT_EQ(diagnostics.size(), 3u);
    EXPECT_EQ(diagnostics[0].code, "extended-name-part");
    EXPECT_EQ(diagnostics[0].offset, 0u);
    EXPECT_EQ(diagnostics[1].code, "extended-name-key");
    EXPECT_EQ(diagnostics[1].message, "unknown key `nickname` in a name; it is ignored");
    EXPECT_EQ(diagnostics[1].offset, 16u);
    EXPECT_EQ(diagnostics[2].code, "extended-name-useprefix");
    EXPECT_EQ(diagnostics[2].offset, 40u);
}

} // namespace
} // namespace bibkit::names
