// Plain text and the text to compare and sort by.

#include <bibkit/text/decode.hpp>
#include <bibkit/text/plain_text.hpp>
#include <gtest/gtest.h>

namespace bibkit::text {
namespace {

std::string plain(const char* latex) {
    return to_plain_text(decode_latex(latex).text);
}

TEST(TextPlain, FormattingLeavesNoTrace) {
    EXPECT_EQ(plain("The {DNA} of \\emph{Caf\\'e} \\textbf{x}\\textsuperscript{th}"),
              "The DNA of Caf\xC3\xA9 xth");
}

TEST(TextPlain, MathShowsItsRenderingOrItsTex) {
    EXPECT_EQ(plain("An $O(n\\log n)$ sort over $\\mathbb{R}$"),
              "An O(n log n) sort over \xE2\x84\x9D");
    EXPECT_EQ(plain("$\\binom{n}{k}$ ways"), "\\binom{n}{k} ways");
}

TEST(TextPlain, LinksShowTheirTextOrTheirUrl) {
    EXPECT_EQ(plain("see \\url{http://x.org/a_b} or \\href{http://y.org}{here}"),
              "see http://x.org/a_b or here");
}

TEST(TextPlain, LineBreaksAreSpaces) {
    EXPECT_EQ(plain("a\\\\b"), "a b");
}

TEST(TextPlain, ComparisonTextFoldsCaseAndCompatibilityForms) {
    EXPECT_EQ(to_comparison_text(decode_latex("Caf{\\'e}  \\textsc{DNA}").text), "caf\xC3\xA9 dna");
    EXPECT_EQ(to_comparison_text(decode_latex("Caf\\'e").text),
              to_comparison_text(decode_latex("CAF\xC3\x89").text));
    EXPECT_EQ(to_comparison_text("Stra\xC3\x9F"
                                 "e"),
              "strasse");
    EXPECT_EQ(to_comparison_text("\xEF\xAC\x81"
                                 "le a\xC2\xA0"
                                 "b"),
              "file a b"); // ﬁ, no-break space
    EXPECT_EQ(to_comparison_text(" a \t b "), "a b");
    EXPECT_NE(to_comparison_text("M\xC3\xBCller"), to_comparison_text("Muller"));
}

} // namespace
} // namespace bibkit::text
