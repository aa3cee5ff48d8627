// HTML fragments: markup for every span, math for MathJax, safe links, everything escaped.

#include <bibkit/text/decode.hpp>
#include <bibkit/text/html.hpp>
#include <gtest/gtest.h>

namespace bibkit::text {
namespace {

std::string html(const char* latex) {
    return to_html(decode_latex(latex).text);
}

TEST(TextHtml, EverySpan) {
    EXPECT_EQ(html("\\emph{i} \\textbf{b} \\textsc{sc} \\textsuperscript{sup} \\textsubscript{sub} "
                   "\\texttt{tt} {DNA}"),
              "<i>i</i> <b>b</b> <span style=\"font-variant:small-caps\">sc</span> <sup>sup</sup> "
              "<sub>sub</sub> <code>tt</code> <span class=\"nocase\">DNA</span>");
}

TEST(TextHtml, MathIsTexForMathJaxEscaped) {
    EXPECT_EQ(html("$a<b$ and $$x$$"), "<span class=\"math\">\\(a&lt;b\\)</span> and "
                                       "<span class=\"math display\">\\[x\\]</span>");
}

TEST(TextHtml, SafeLinksOnly) {
    EXPECT_EQ(html("\\href{https://x.org/?a=1&b=\"2\"}{site}"),
              "<a href=\"https://x.org/?a=1&amp;b=&quot;2&quot;\">site</a>");
    EXPECT_EQ(html("\\url{papers/a.pdf}"), "<a href=\"papers/a.pdf\">papers/a.pdf</a>");
    EXPECT_EQ(html("\\href{javascript:alert(1)}{click}"), "click");
    EXPECT_EQ(html("\\url{javascript:alert(1)}"), "javascript:alert(1)");
    EXPECT_EQ(html("\\url{\"><script>x</script>}"),
              "<a href=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\">&quot;&gt;&lt;script&gt;x&lt;/"
              "script&gt;</a>");
}

TEST(TextHtml, UntrustedTextIsInert) {
    EXPECT_EQ(to_html(RichText::from_plain("<script>alert('x')</script> & <img src=x onerror=y>")),
              "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;img src=x onerror=y&gt;");
    // Decoded quotes are curly, and entity-looking text stays text.
    EXPECT_EQ(html("&amp; &#106;"), "&amp;amp; &amp;#106;");
    EXPECT_EQ(html("\\input{/etc/passwd} $\\write18{x}$"),
              "/etc/passwd <span class=\"math\">\\(\\mathrm{write}18{x}\\)</span>");
}

TEST(TextHtml, EscapeHelper) {
    std::string out;
    append_html_escaped(out, "<a href='x'>&\"");
    EXPECT_EQ(out, "&lt;a href=&#39;x&#39;&gt;&amp;&quot;");
}

} // namespace
} // namespace bibkit::text
