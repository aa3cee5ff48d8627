// Styles that would make the parser or the evaluator recurse without bound: a macro that calls
// itself (directly, through another macro, or from a sort key), and elements nested thousands
// deep. Each is an error at loading, with the line and column of the element at fault.

#include <bibkit/csl/style.hpp>
#include <gtest/gtest.h>
#include <string>

namespace bibkit::csl {
namespace {

std::string style(const std::string& macros, const std::string& citation,
                  const std::string& bibliography = "") {
    return "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\">\n"
           "<info><id>t</id><title>t</title><updated>2024-01-01T00:00:00+00:00</updated></info>\n" +
           macros + "<citation><layout>" + citation + "</layout></citation>\n" + bibliography +
           "</style>\n";
}

TEST(CslStyleLimits, AMacroThatCallsItselfIsAnError) {
    auto parsed = Style::parse(
        style("<macro name=\"m\"><text macro=\"m\"/></macro>\n", "<text macro=\"m\"/>"), "s.csl");
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error().to_string(),
              "s.csl:3:1: macro \"m\" calls itself (directly or through other macros)");
}

TEST(CslStyleLimits, MacrosCallingEachOtherAreAnErrorEvenWhenOnlyASortKeyUsesThem) {
    auto parsed =
        Style::parse(style("<macro name=\"a\"><group><text macro=\"b\"/></group></macro>\n"
                           "<macro name=\"b\"><text macro=\"a\"/></macro>\n",
                           "<text value=\"x\"/>",
                           "<bibliography><sort><key macro=\"a\"/></sort>"
                           "<layout><text variable=\"title\"/></layout></bibliography>\n"),
                     "s.csl");
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error().message,
              "macro \"a\" calls itself (directly or through other macros)");
    EXPECT_EQ(parsed.error().line, 3u);
}

TEST(CslStyleLimits, ElementsNestedThousandsDeepAreAnError) {
    std::string deep;
    for (int i = 0; i < 5000; ++i) deep += "<group>";
    deep += "<text variable=\"title\"/>";
    for (int i = 0; i < 5000; ++i) deep += "</group>";
    auto parsed = Style::parse(style("", deep), "s.csl");
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error().message, "elements nested more than 100 deep");
    EXPECT_EQ(parsed.error().line, 3u);
    // <citation><layout> and 100 groups come before the 101st group's '<'.
    EXPECT_EQ(parsed.error().column, 1u + 18 + 100 * 7);
}

TEST(CslStyleLimits, AChainOfMacrosDeeperThanTheLimitIsAnError) {
    std::string macros;
    for (int i = 0; i < 150; ++i)
        macros += "<macro name=\"m" + std::to_string(i) + "\"><text macro=\"m" +
                  std::to_string(i + 1) + "\"/></macro>\n";
    macros += "<macro name=\"m150\"><text variable=\"title\"/></macro>\n";
    auto parsed = Style::parse(style(macros, "<text macro=\"m0\"/>"), "s.csl");
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error().message,
              "macro \"m0\": elements nest more than 100 deep with its macros expanded");
    EXPECT_EQ(parsed.error().line, 3u);
}

TEST(CslStyleLimits, MacrosCalledManyTimesAndNestedModeratelyAreFine) {
    // Real styles: macros calling macros a few levels deep, each called from several places.
    std::string macros;
    for (int i = 0; i < 30; ++i)
        macros += "<macro name=\"m" + std::to_string(i) + "\"><group><text macro=\"m" +
                  std::to_string(i + 1) + "\"/><text macro=\"m" + std::to_string(i + 1) +
                  "\"/></group></macro>\n";
    macros += "<macro name=\"m30\"><text variable=\"title\"/></macro>\n";
    auto parsed = Style::parse(style(macros, "<text macro=\"m0\"/><text macro=\"m5\"/>"), "s.csl");
    ASSERT_TRUE(parsed) << parsed.error().to_string();
}

} // namespace
} // namespace bibkit::csl
