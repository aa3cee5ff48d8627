// LaTeX written from the model: markup, escaping, ASCII accents, and the round trip
// decode → write → decode.

#include "tree.hpp"

#include <bibkit/text/decode.hpp>
#include <bibkit/text/latex.hpp>
#include <gtest/gtest.h>

namespace bibkit::text {
namespace {

std::string latex(const char* input, LatexCharset charset = LatexCharset::utf8) {
    return to_latex(decode_latex(input).text, charset);
}

TEST(TextLatex, Spans) {
    EXPECT_EQ(
        latex("{\\em i} {\\bf b} {\\sc s} \\textsuperscript{2} \\textsubscript{x} {\\tt t}"),
        "\\emph{i} \\textbf{b} \\textsc{s} \\textsuperscript{2} \\textsubscript{x} \\texttt{t}");
}

TEST(TextLatex, NocaseIsABraceGroupThatBibtexStillSeesAsOne) {
    EXPECT_EQ(latex("The {DNA} and {\\relax \\emph{RNA}}"), "The {DNA} and {\\relax \\emph{RNA}}");
    EXPECT_EQ(latex("{\\relax \\textbackslash x}"), "{\\relax \\textbackslash{}x}");
}

TEST(TextLatex, MathKeepsItsTex) {
    EXPECT_EQ(latex("$x^2$ and \\(y\\) and $$z$$"), "$x^2$ and $y$ and \\[z\\]");
    EXPECT_EQ(latex("$\\input{x}$"), "$\\mathrm{input}{x}$");
}

TEST(TextLatex, LinksWithUrlsEscapedForHyperref) {
    EXPECT_EQ(latex("\\url{http://x.org/a_b%20#c}"), "\\url{http://x.org/a_b\\%20\\#c}");
    EXPECT_EQ(latex("\\href{http://x.org/{a} b\\c}{x}"),
              "\\href{http://x.org/\\%7Ba\\%7Db\\%5Cc}{x}");
}

TEST(TextLatex, SpecialCharactersAreEscaped) {
    EXPECT_EQ(
        latex("\\& \\% \\$ \\# \\_ \\{ \\} \\textasciitilde \\textasciicircum \\textbackslash"),
        "\\& \\% \\$ \\# \\_ \\{ \\} \\textasciitilde{}\\textasciicircum{}\\textbackslash{}");
    EXPECT_EQ(latex("\\textquotesingle\\textquotesingle{} \\textless{}\\textgreater{} \\textbar"),
              "\\textquotesingle{}\\textquotesingle{} \\textless{}\\textgreater{} \\textbar{}");
    EXPECT_EQ(latex("a-{}-b x~y"), "a-{}-b x~y");
}

TEST(TextLatex, UntrustedTextCannotRunCommands) {
    // Whatever the input, the output is text: its backslashes and braces are escaped.
    RichText t = RichText::from_plain("\\input{/etc/passwd} \\write18{rm -rf /} $x$ % c");
    EXPECT_EQ(to_latex(t), "\\textbackslash{}input\\{/etc/passwd\\} \\textbackslash{}write18\\{rm "
                           "-rf /\\} \\$x\\$ \\% c");
    EXPECT_EQ(latex("\\input{/etc/passwd}"), "/etc/passwd");
}

TEST(TextLatex, Utf8KeepsCharacters) {
    EXPECT_EQ(latex("Caf\\'e \\ss{} -- ``q''"),
              "Caf\xC3\xA9 \xC3\x9F \xE2\x80\x93 \xE2\x80\x9Cq\xE2\x80\x9D");
}

TEST(TextLatex, AsciiWritesAccentsAndCommands) {
    EXPECT_EQ(
        latex("Caf\xC3\xA9 M\xC3\xBCller \xC3\xA7 \xC3\xAD \xC3\x9F \xC3\xB8 \xC5\x82 \xC7\x98",
              LatexCharset::ascii),
        "Caf{\\'e} M{\\\"u}ller {\\c{c}} {\\'{\\i}} {\\ss} {\\o} {\\l} {\\'{\\\"u}}");
    EXPECT_EQ(latex("\xE2\x80\x93 \xE2\x80\x94 \xE2\x80\x9Cq\xE2\x80\x9D \xE2\x80\x98s\xE2\x80\x99",
                    LatexCharset::ascii),
              "-- --- ``q'' `s'");
    EXPECT_EQ(latex("\xCE\xB1-helix \xC2\xA7", LatexCharset::ascii),
              "\\ensuremath{\\alpha}-helix {\\S}");
    EXPECT_EQ(latex("\xE4\xB8\xAD", LatexCharset::ascii), "\xE4\xB8\xAD"); // no command: UTF-8
    // Ligatures that writing would create are broken up.
    EXPECT_EQ(latex("\xE2\x80\x93-", LatexCharset::ascii), "--{}-");
}

TEST(TextLatex, RoundTripGivesTheSameModel) {
    const char* inputs[] = {
        "Caf{\\'e} \\\"o {\\\"O}ber \\c{c} \\v{z} \\H{o} \\k{a} \\r{a} \\u{g} \\=a \\.z \\d{s} "
        "\\b{b} "
        "\\t{oo} \\'{\\i} \\ss x \\o \\AE \\L{}\\'od\\'z",
        "The {DNA} of {\\relax \\emph{RNA}} and \\emph{{NP}-hard}",
        "{\\em a \\bf b} \\textsc{sc} \\textsuperscript{th} \\textsubscript{2} \\texttt{a--b `c'}",
        "1--2 a---b ``q'' `s' O'Brien a~b ?`Qu\\'e? \\& \\% \\$ \\# \\_ \\{ \\} \\textbackslash",
        "$x^2$ $\\alpha$ $O(n\\log n)$ $\\mathbb{R}$ $$E=mc^2$$ \\[y\\] $\\binom{n}{k}$ "
        "$\\input{x}$",
        "\\url{http://x.org/a_b%20} \\href{https://y.org/?q=1#top}{the \\textbf{site}} "
        "\\doi{10.1/x}",
        "\\LaTeX{} and \\TeX, \\alpha-helix, \\S 3, \\euro 5, \\textregistered, \\ldots",
        "a-{}-b \\textquotesingle \\textasciigrave \\textasciitilde \\textasciicircum \\textbar",
        "<script>alert(1)</script> \\input{/etc/passwd} 50\\% & #1",
        "\\emph{\\\"{x}} \\'{ab} \\textcommabelow{s} \\textmu m J.\\,R. \\textonehalf",
        "\\texttt{`a'} {\\tt b} \\textbf{\\textit{\\textsc{deep}}}",
    };
    for (const char* input : inputs) {
        RichText decoded = decode_latex(input).text;
        for (LatexCharset charset : {LatexCharset::utf8, LatexCharset::ascii}) {
            std::string written = to_latex(decoded, charset);
            Decoded again = decode_latex(written);
            EXPECT_EQ(testing::tree(again.text), testing::tree(decoded)) << input << "\n"
                                                                         << written;
            EXPECT_TRUE(again.text == decoded) << input << "\n" << written;
            EXPECT_TRUE(again.warnings.empty()) << written;
        }
    }
}

TEST(TextLatex, EscapeHelpers) {
    std::string out;
    append_latex_escaped(out, "50% of $x_1$ & {y}");
    EXPECT_EQ(out, "50\\% of \\$x\\_1\\$ \\& \\{y\\}");
    out.clear();
    append_latex_url(out, "http://x.org/a b%#^");
    EXPECT_EQ(out, "http://x.org/a\\%20b\\%\\#\\%5E");
}

} // namespace
} // namespace bibkit::text
