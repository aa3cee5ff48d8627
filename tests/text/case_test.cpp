// Case conversion: nocase, code, math and URLs are untouched.

#include <bibkit/text/case.hpp>
#include <bibkit/text/decode.hpp>
#include <bibkit/text/html.hpp>
#include <gtest/gtest.h>

namespace bibkit::text {
namespace {

std::string lower(const char* latex) {
    return to_html(to_lowercase(decode_latex(latex).text));
}
std::string upper(const char* latex) {
    return to_html(to_uppercase(decode_latex(latex).text));
}
std::string sentence(const char* latex) {
    return to_html(to_sentence_case(decode_latex(latex).text));
}
std::string title(const char* latex) {
    return to_html(to_title_case(decode_latex(latex).text));
}

TEST(TextCase, LowerAndUpperLeaveProtectedPartsAlone) {
    EXPECT_EQ(lower("The {DNA} of \\emph{Mice} $X$ \\texttt{GetX} \\url{HTTP://X.ORG}"),
              "the <span class=\"nocase\">DNA</span> of <i>mice</i> "
              "<span class=\"math\">\\(X\\)</span> <code>GetX</code> "
              "<a href=\"HTTP://X.ORG\">HTTP://X.ORG</a>");
    EXPECT_EQ(upper("stra\\ss e {iPhone} \\'etude"),
              "STRASSE <span class=\"nocase\">iPhone</span> \xC3\x89TUDE");
    EXPECT_EQ(lower("\xCE\x9F\xCE\x94\xCE\x8F\xCE\xA3"),
              "\xCE\xBF\xCE\xB4\xCF\x8E\xCF\x82"); // final sigma
}

TEST(TextCase, CapitalizeFirst) {
    EXPECT_EQ(to_html(capitalize_first(decode_latex("\\emph{\\'etude} of x").text)),
              "<i>\xC3\x89tude</i> of x");
    EXPECT_EQ(to_html(capitalize_first(decode_latex("{iPhone} apps").text)),
              "<span class=\"nocase\">iPhone</span> apps");
}

TEST(TextCase, SentenceCase) {
    EXPECT_EQ(sentence("Deep Learning for {DNA} Sequencing"),
              "Deep learning for <span class=\"nocase\">DNA</span> sequencing");
    EXPECT_EQ(sentence("THE BEST: A SURVEY"), "The best: A survey");
    EXPECT_EQ(sentence("{iPhone} Apps"), "<span class=\"nocase\">iPhone</span> apps");
    EXPECT_EQ(sentence("$k$-Means Clustering"),
              "<span class=\"math\">\\(k\\)</span>-means clustering");
}

TEST(TextCase, TitleCaseFollowsCsl) {
    EXPECT_EQ(title("the quick brown fox: a tale of the art"),
              "The Quick Brown Fox: A Tale of the Art");
    EXPECT_EQ(title("a guide to {iOS} and macOS for the masses"),
              "A Guide to <span class=\"nocase\">iOS</span> and macOS for the Masses");
    EXPECT_EQ(title("DEEP LEARNING FOR THE WIN"), "Deep Learning for the Win");
    EXPECT_EQ(title("what it is made of"), "What It Is Made Of");
    EXPECT_EQ(title("state-of-the-art methods"), "State-of-the-Art Methods");
    EXPECT_EQ(title("\\emph{deep} learning"), "<i>Deep</i> Learning");
}

// A letter after a digit is inside the word: "24th" stays (citeproc-js: "24th International
// Conference"), while punctuation before the first letter does not hide it.
TEST(TextCase, TitleCaseLeavesLettersAfterDigits) {
    EXPECT_EQ(title("proceedings of the 24th international conference"),
              "Proceedings of the 24th International Conference");
    EXPECT_EQ(title("a 3d view (revisited)"), "A 3d View (Revisited)");
}

} // namespace
} // namespace bibkit::text
