// Markdown: emphasis, code, links and escapes.

#include <bibkit/text/decode.hpp>
#include <bibkit/text/markdown.hpp>
#include <gtest/gtest.h>

namespace bibkit::text {
namespace {

std::string md(const char* latex) {
    return to_markdown(decode_latex(latex).text);
}

TEST(TextMarkdown, Spans) {
    EXPECT_EQ(md("\\emph{i} \\textbf{b} \\textsuperscript{th} \\textsubscript{2} {DNA}"),
              "*i* **b** <sup>th</sup> <sub>2</sub> DNA");
    EXPECT_EQ(md("\\textsc{Sc}"), "<span style=\"font-variant:small-caps\">Sc</span>");
    EXPECT_EQ(md("\\textbf{bold \\emph{both}}"), "**bold *both***");
}

TEST(TextMarkdown, EmphasisHugsItsText) {
    EXPECT_EQ(md("a\\emph{ b }c"), "a *b* c");
}

TEST(TextMarkdown, CodeSpansAreRawWithALongEnoughFence) {
    EXPECT_EQ(md("\\texttt{a*b}"), "`a*b`");
    EXPECT_EQ(md("\\texttt{a`b}"), "``a`b``");
    EXPECT_EQ(md("\\texttt{`x}"), "`` `x ``");
}

TEST(TextMarkdown, MathAndLinks) {
    EXPECT_EQ(md("$x^2$ and $$y$$"), "$x^2$ and $$y$$");
    EXPECT_EQ(md("\\href{http://x.org/a(b)}{the *site*}"),
              "[the \\*site\\*](http://x.org/a%28b%29)");
    RichTextBuilder builder;
    builder.open_link("a b<c>");
    builder.append_text("x");
    EXPECT_EQ(to_markdown(builder.finish()), "[x](a%20b%3Cc%3E)");
    EXPECT_EQ(md("\\url{http://x.org/a_b}"), "[http://x.org/a\\_b](http://x.org/a_b)");
    EXPECT_EQ(md("\\href{javascript:alert(1)}{click}"), "click");
}

TEST(TextMarkdown, SpecialCharactersAreEscaped) {
    EXPECT_EQ(md("a*b_c [d](e) <f> \\$ | \\& \\textbackslash{} `x"),
              "a\\*b\\_c \\[d\\](e) \\<f\\> \\$ \\| \\& \\\\ \xE2\x80\x98x");
    EXPECT_EQ(md("<script>alert(1)</script>"), "\\<script\\>alert(1)\\</script\\>");
    EXPECT_EQ(md("\\# Not a heading"), "\\# Not a heading");
    EXPECT_EQ(md("2024. A year"), "2024\\. A year");
    EXPECT_EQ(md("- not a list"), "\\- not a list");
    EXPECT_EQ(md("a - b # c"), "a - b # c");
}

} // namespace
} // namespace bibkit::text
