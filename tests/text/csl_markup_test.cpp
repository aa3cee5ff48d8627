// CSL-JSON's HTML-like markup.

#include <bibkit/text/csl_markup.hpp>
#include <bibkit/text/decode.hpp>
#include <bibkit/text/html.hpp>
#include <bibkit/text/markdown.hpp>
#include <bibkit/text/plain_text.hpp>
#include <gtest/gtest.h>

namespace bibkit::text {
namespace {

std::string csl(const char* latex) {
    return to_csl_markup(decode_latex(latex).text);
}

TEST(TextCsl, TheMarkupCslProcessorsRead) {
    EXPECT_EQ(
        csl("\\emph{i} \\textbf{b} \\textsc{sc} \\textsuperscript{2} \\textsubscript{x} {DNA}"),
        "<i>i</i> <b>b</b> <span style=\"font-variant:small-caps;\">sc</span> <sup>2</sup> "
        "<sub>x</sub> <span class=\"nocase\">DNA</span>");
}

TEST(TextCsl, MonospaceAndLinksBecomeText) {
    EXPECT_EQ(csl("\\texttt{grep} at \\href{http://x.org}{the site} or \\url{http://y.org}"),
              "grep at the site or http://y.org");
}

TEST(TextCsl, MathIsItsRenderingProtectedFromCaseChanges) {
    EXPECT_EQ(csl("An $O(n)$ method"), "An <span class=\"nocase\">O(n)</span> method");
    EXPECT_EQ(csl("$a<b$"), "<span class=\"nocase\">a &lt; b</span>");
}

TEST(TextCsl, Escapes) {
    EXPECT_EQ(csl("A \\& B <i>not markup</i>"), "A &amp; B &lt;i&gt;not markup&lt;/i&gt;");
}

TEST(TextCsl, MarkupNestedThousandsDeepKeepsItsTextAndRenders) {
    // Found by text_latex_fuzzer (tests/fuzz/regressions/text/deep-csl-markup.txt): 9,000 nested
    // <i> overflowed the stack of the recursive Markdown renderer. Spans past the builder's
    // depth limit are not made; the text stays, and every renderer copes.
    std::string markup;
    for (int i = 0; i < 9000; ++i) markup += "<i>";
    markup += "x";
    for (int i = 0; i < 9000; ++i) markup += "</i>";
    RichText text = from_csl_markup(markup);
    EXPECT_EQ(to_plain_text(text), "x");
    EXPECT_NE(to_markdown(text).find('x'), std::string::npos);
    EXPECT_NE(to_html(text).find('x'), std::string::npos);
    EXPECT_NE(to_csl_markup(text).find('x'), std::string::npos);
}

} // namespace
} // namespace bibkit::text
