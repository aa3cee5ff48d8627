// Decoding LaTeX field values: every accent form, letters, ligatures, spans, case protection,
// math, links, and the warnings for what cannot be understood.

#include "tree.hpp"

#include <bibkit/text/decode.hpp>
#include <bibkit/text/html.hpp>
#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace bibkit::text {
namespace {

using testing::tree;

struct Case {
    const char* latex;
    const char* expected; // tree() of the result
};

void expect_all(const std::vector<Case>& cases) {
    for (const Case& c : cases) {
        Decoded decoded = decode_latex(c.latex);
        EXPECT_EQ(tree(decoded.text), c.expected) << "input: " << c.latex;
        EXPECT_TRUE(decoded.warnings.empty())
            << "input: " << c.latex << " warns " << describe(decoded.warnings.front());
    }
}

TEST(TextDecode, AccentsInEveryForm) {
    expect_all({
        {"{\\\"o}", "\xC3\xB6"},
        {"\\\"{o}", "\xC3\xB6"},
        {"\\\"o", "\xC3\xB6"},
        {"\\\" o", "\xC3\xB6"}, // an argument skips spaces
        {"\\'{\\i}", "\xC3\xAD"},
        {"\\'\\i", "\xC3\xAD"},
        {"{\\'\\i}", "\xC3\xAD"},
        {"\\c c", "\xC3\xA7"},
        {"\\c{c}", "\xC3\xA7"},
        {"\\v{z}", "\xC5\xBE"},
        {"\\H{o}", "\xC5\x91"},
        {"\\k{a}", "\xC4\x85"},
        {"\\r{a}", "\xC3\xA5"},
        {"\\u{g}", "\xC4\x9F"},
        {"\\=a", "\xC4\x81"},
        {"\\.z", "\xC5\xBC"},
        {"\\d{s}", "\xE1\xB9\xA3"},
        {"\\b{b}", "\xE1\xB8\x87"},
        {"\\~n", "\xC3\xB1"},
        {"\\^e", "\xC3\xAA"},
        {"\\`a", "\xC3\xA0"},
        {"\\t{oo}", "o\xCD\xA1o"},
        {"\\\"{\\i}", "\xC3\xAF"},
        {"\\^{\\j}", "\xC4\xB5"},
        {"\\u{\\i}", "\xC4\xAD"},
        {"\\v{C}", "\xC4\x8C"},
        {"\\c{S}", "\xC5\x9E"},
        {"\\k{e}", "\xC4\x99"},
        {"\\.{I}", "\xC4\xB0"},
        {"\\textcommabelow{s}", "\xC8\x99"},
        {"\\'{\\\"u}", "\xC7\x98"}, // two accents compose: ǘ
        {"\\=\\AE", "\xC7\xA2"},    // Ǣ
        {"\\'{\\o}", "\xC7\xBF"},   // ǿ
        {"\\\"{q}", "q\xCC\x88"},   // no precomposed form: the combining mark stays
        {"\\'{ab}", "\xC3\xA1"
                    "b"},      // on the first letter
        {"\\'{}", "\xC2\xB4"}, // an accent alone
        {"\\~{}", "~"},
        {"Caf{\\'e}", "Caf\xC3\xA9"},
        {"Ca\\-f\\'e", "Caf\xC3\xA9"},
    });
}

TEST(TextDecode, LetterCommands) {
    expect_all({
        {"\\ss", "\xC3\x9F"},
        {"\\o", "\xC3\xB8"},
        {"\\O", "\xC3\x98"},
        {"\\l", "\xC5\x82"},
        {"\\L", "\xC5\x81"},
        {"\\ae", "\xC3\xA6"},
        {"\\AE", "\xC3\x86"},
        {"\\oe", "\xC5\x93"},
        {"\\OE", "\xC5\x92"},
        {"\\aa", "\xC3\xA5"},
        {"\\AA", "\xC3\x85"},
        {"\\i", "\xC4\xB1"},
        {"\\j", "\xC8\xB7"},
        {"\\dh", "\xC3\xB0"},
        {"\\DH", "\xC3\x90"},
        {"\\th", "\xC3\xBE"},
        {"\\TH", "\xC3\x9E"},
        {"\\ng", "\xC5\x8B"},
        {"\\NG", "\xC5\x8A"},
        {"\\dj", "\xC4\x91"},
        {"\\DJ", "\xC4\x90"},
        {"\\ss x", "\xC3\x9Fx"}, // a control word swallows the space after it
        {"\\ss{}x", "\xC3\x9Fx"},
        {"{\\ss}x", "\xC3\x9Fx"},
        {"\\ss\\ x", "\xC3\x9F x"},
        {"Stra\\ss e", "Stra\xC3\x9F"
                       "e"},
        {"\\L\\'od\\'z", "\xC5\x81\xC3\xB3"
                         "d\xC5\xBA"},
    });
}

TEST(TextDecode, LigaturesQuotesAndEscapes) {
    expect_all({
        {"1--2", "1\xE2\x80\x93"
                 "2"},
        {"a---b", "a\xE2\x80\x94"
                  "b"},
        {"a-b", "a-b"},
        {"``quoted''", "\xE2\x80\x9Cquoted\xE2\x80\x9D"},
        {"`single'", "\xE2\x80\x98single\xE2\x80\x99"},
        {"O'Brien", "O\xE2\x80\x99"
                    "Brien"},
        {"a~b", "a\xC2\xA0"
                "b"},
        {"?`Qu\\'e?", "\xC2\xBFQu\xC3\xA9?"},
        {"!`Hola!", "\xC2\xA1Hola!"},
        {"\\& \\% \\$ \\# \\_ \\{ \\}", "& % $ # _ { }"},
        {"\\textregistered\\texttrademark\\copyright", "\xC2\xAE\xE2\x84\xA2\xC2\xA9"},
        {"a\\textbackslash b", "a\\b"},
        {"wait\\ldots{} and\\dots", "wait\xE2\x80\xA6 and\xE2\x80\xA6"},
        {"J.\\,R.", "J.\xE2\x80\x89R."},
        {"a\\ b", "a b"},
        {"line\\\\break", "line break"},
        {"line\\\\[2pt] break", "line break"},
        {"\\S 3 \\P", "\xC2\xA7"
                      "3 \xC2\xB6"},
        {"\\euro 5", "\xE2\x82\xAC"
                     "5"},
        {"\\LaTeX{} and \\TeX", "nocase{LaTeX} and nocase{TeX}"},
    });
}

// biblatex's own markup, TUGboat's \Dash and TeX's \kern, which real files use
// (biblatex-examples.bib, Beebe's TUGboat bibliography); pandoc's reader drops them, so the corpus
// suite found them.
TEST(TextDecode, BiblatexQuotesHyphenAndTugboatDash) {
    expect_all({
        {"\\mkbibquote{Intention} und \\enquote{Sinn}",
         "\xE2\x80\x9CIntention\xE2\x80\x9D und \xE2\x80\x9CSinn\xE2\x80\x9D"},
        {"\\enquote{a \\enquote{b} c}", "\xE2\x80\x9C"
                                        "a \xE2\x80\x98"
                                        "b\xE2\x80\x99 c\xE2\x80\x9D"},
        {"methodology\\hyphen independent", "methodology-independent"},
        {"environment\\Dash\n Some ideas", "environment\xE2\x80\x94Some ideas"},
        {"\\mkbibemph{x} \\mkbibitalic{y} \\mkbibbold{z}", "i{x} i{y} b{z}"},
        // TeX's spacing primitives: their dimension is no text.
        {"Euler-\\kern-1pt VM", "Euler-VM"},
        {"\\TeX\\kern-.02em CAD", "nocase{TeX}CAD"},
        {"a\\raise1pt\\hbox{b}", "ab"},
        {"information:\\hfil A", "information: A"},
    });
}

TEST(TextDecode, GreekAndMathSymbolsInText) {
    expect_all({
        {"\\alpha-helix", "\xCE\xB1-helix"},
        {"\\Omega", "\xCE\xA9"},
        {"\\textmu m", "\xC2\xB5m"},
        {"\\textalpha", "\xCE\xB1"},
        {"a \\leq b", "a \xE2\x89\xA4"
                      "b"},
        {"\\infty", "\xE2\x88\x9E"},
    });
}

TEST(TextDecode, FormattingCommandsAndDeclarations) {
    expect_all({
        {"\\emph{x}", "i{x}"},
        {"\\textit{x}", "i{x}"},
        {"\\textsl{x}", "i{x}"},
        {"{\\em x}", "i{x}"},
        {"{\\it x}", "i{x}"},
        {"{\\itshape x}", "i{x}"},
        {"\\textbf{x}", "b{x}"},
        {"{\\bf x}", "b{x}"},
        {"{\\bfseries x}", "b{x}"},
        {"\\textsc{x}", "sc{x}"},
        {"{\\sc x}", "sc{x}"},
        {"\\textsuperscript{th}", "sup{th}"},
        {"\\textsubscript{2}", "sub{2}"},
        {"\\texttt{x}", "tt{x}"},
        {"{\\tt x}", "tt{x}"},
        {"a {\\em b} c", "a i{b} c"},
        {"{\\em a \\bf b}", "i{a b{b}}"},
        {"\\emph x y", "i{x} y"},
        {"\\textbf{bold \\emph{both}}", "b{bold i{both}}"},
        {"\\emph{}x", "x"},
        {"\\texttt{a--b `c'}", "tt{a--b `c'}"}, // typewriter fonts have no ligatures
        {"\\protect\\emph{x}", "i{x}"},
        {"\\relax x", "x"},
        {"\\noopsort{a}Zed", "Zed"},
        {"\\mbox{x} \\hbox{y} \\text{z}", "x y z"},
        {"{\\small x}", "x"},
    });
}

TEST(TextDecode, CaseProtectionFollowsBibtex) {
    expect_all({
        {"{DNA}", "nocase{DNA}"},
        {"The {DNA} of {\\'E}cole", "The nocase{DNA} of \xC3\x89"
                                    "cole"},
        {"{\\\"O}ber", "\xC3\x96"
                       "ber"}, // a special character, not protected
        {"{\\relax DNA}", "nocase{DNA}"},
        {"{\\em DNA}", "i{DNA}"},
        {"{{DNA}}", "nocase{DNA}"},
        {"{A {B} C}", "nocase{A B C}"},
        {"\\emph{{DNA}}", "i{nocase{DNA}}"},
        {"\\emph{DNA}", "i{DNA}"},
        {"{NP}-hard", "nocase{NP}-hard"},
        {"a{}b", "ab"},
    });
}

TEST(TextDecode, Math) {
    expect_all({
        {"$x^2$", "math[x^2|x\xC2\xB2]"},
        {"$\\alpha$", "math[\\alpha|\xCE\xB1]"},
        {"$O(n\\log n)$", "math[O(n\\log n)|O(n log n)]"},
        {"$\\mathbb{R}$", "math[\\mathbb{R}|\xE2\x84\x9D]"},
        {"\\(a\\)", "math[a|a]"},
        {"$$E=mc^2$$", "display[E=mc^2|E = mc\xC2\xB2]"},
        {"\\[x\\]", "display[x|x]"},
        {"$\\binom{n}{k}$", "math[\\binom{n}{k}]"}, // no faithful rendering: TeX only
        {"$ a $", "math[a|a]"},
        {"a $\\$5$ b", "a math[\\$5|$5] b"},
        {"cost $\\leq$ 5", "cost math[\\leq|\xE2\x89\xA4] 5"},
        {"\\ensuremath{\\alpha}", "\xCE\xB1"},
        {"\\ensuremath{x^2}", "math[x^2|x\xC2\xB2]"},
    });
}

TEST(TextDecode, Links) {
    expect_all({
        {"\\url{a_b%20}", "link[a_b%20]{}"},
        {"\\url{http://x.org/a\\_b\\%c\\#d}", "link[http://x.org/a_b%c#d]{}"},
        {"\\url{http://x.org/~me/a--b}", "link[http://x.org/~me/a--b]{}"},
        {"\\url|http://x.org/{}|", "link[http://x.org/{}]{}"},
        {"\\href{http://x.org/}{the \\emph{site}}", "link[http://x.org/]{the i{site}}"},
        {"\\doi{10.1000/x_y}", "link[https://doi.org/10.1000/x_y]{10.1000/x_y}"},
        {"see \\url{a} b", "see link[a]{} b"},
    });
}

TEST(TextDecode, AUrlDelimitedByANonAsciiCharacterIsMissingItsArgument) {
    // Found by text_latex_fuzzer (tests/fuzz/regressions/text/url-utf8-delimiter.txt): the first
    // byte of U+2AAF was taken as \url|…|'s delimiter, and the URL began with the character's
    // other bytes: invalid UTF-8 in every rendering.
    Decoded d = decode_latex("\\url\xE2\xAA\xAFx");
    EXPECT_EQ(tree(d.text), "\xE2\xAA\xAFx");
    ASSERT_EQ(d.warnings.size(), 1u);
    EXPECT_EQ(d.warnings[0].problem, DecodeProblem::missing_argument);
    EXPECT_EQ(d.warnings[0].command, "\\url");
}

TEST(TextDecode, WhitespaceCollapsesAndIsTrimmed) {
    expect_all({
        {"  a  \n\t b  ", "a b"},
        {"a \\emph{ b} c", "a i{b} c"},
        {"a~~b", "a\xC2\xA0\xC2\xA0"
                 "b"},
    });
}

TEST(TextDecode, TheResultIsNfc) {
    // "e" and a combining acute in the input become one code point, on the fast path too.
    EXPECT_EQ(tree(decode_latex("Cafe\xCC\x81").text), "Caf\xC3\xA9");
    EXPECT_EQ(tree(decode_latex("\\emph{Cafe\xCC\x81}").text), "i{Caf\xC3\xA9}");
}

TEST(TextDecode, UnknownCommandsKeepTheirArgumentAndWarnWithTheirOffset) {
    Decoded d = decode_latex("x \\unknowncmd{y} z");
    EXPECT_EQ(tree(d.text), "x y z");
    ASSERT_EQ(d.warnings.size(), 1u);
    EXPECT_EQ(d.warnings[0].offset, 2u);
    EXPECT_EQ(d.warnings[0].problem, DecodeProblem::unknown_command);
    EXPECT_EQ(d.warnings[0].command, "\\unknowncmd");
    EXPECT_EQ(describe(d.warnings[0]), "unknown command \\unknowncmd, kept its argument's text");
    EXPECT_EQ(code(d.warnings[0].problem), "unknown-command");

    d = decode_latex("ab \\emph{\\bad[opt]{x}{y}}");
    EXPECT_EQ(tree(d.text), "ab i{xy}");
    ASSERT_EQ(d.warnings.size(), 1u);
    EXPECT_EQ(d.warnings[0].offset, 9u);
    EXPECT_EQ(d.warnings[0].command, "\\bad");
}

TEST(TextDecode, NoGarbageFromMisspelledCommands) {
    Decoded d = decode_latex("\\textbfbold and \\emph");
    EXPECT_EQ(tree(d.text), "and");
    ASSERT_EQ(d.warnings.size(), 2u);
    EXPECT_EQ(d.warnings[0].command, "\\textbfbold");
    EXPECT_EQ(d.warnings[1].problem, DecodeProblem::missing_argument);
    EXPECT_EQ(d.warnings[1].offset, 16u);
}

TEST(TextDecode, UnbalancedBracesWarnAndDoNotCrash) {
    Decoded d = decode_latex("a}b");
    EXPECT_EQ(tree(d.text), "ab");
    ASSERT_EQ(d.warnings.size(), 1u);
    EXPECT_EQ(d.warnings[0].problem, DecodeProblem::unbalanced_close_brace);
    EXPECT_EQ(d.warnings[0].offset, 1u);

    d = decode_latex("x {a");
    EXPECT_EQ(tree(d.text), "x nocase{a}");
    ASSERT_EQ(d.warnings.size(), 1u);
    EXPECT_EQ(d.warnings[0].problem, DecodeProblem::unclosed_brace);
    EXPECT_EQ(d.warnings[0].offset, 2u);

    d = decode_latex("}}}");
    EXPECT_EQ(tree(d.text), "");
    EXPECT_EQ(d.warnings.size(), 3u);

    d = decode_latex("\\emph{a");
    EXPECT_EQ(tree(d.text), "i{a}");
    EXPECT_EQ(d.warnings.size(), 1u);
}

TEST(TextDecode, DeepNestingIsFlattenedNotRecursedInto) {
    std::string deep = std::string(100000, '{') + "x" + std::string(100000, '}');
    Decoded d = decode_latex(deep);
    EXPECT_EQ(tree(d.text), "nocase{x}");
    EXPECT_TRUE(d.warnings.empty());
    std::string unclosed(50000, '{');
    d = decode_latex(unclosed + "\\emph{" + unclosed);
    EXPECT_FALSE(d.warnings.empty());
}

TEST(TextDecode, UnclosedMathIsALiteralDollar) {
    Decoded d = decode_latex("costs 5$ only");
    EXPECT_EQ(tree(d.text), "costs 5$ only");
    ASSERT_EQ(d.warnings.size(), 1u);
    EXPECT_EQ(d.warnings[0].problem, DecodeProblem::unclosed_math);
    EXPECT_EQ(d.warnings[0].offset, 7u);
}

TEST(TextDecode, UnsafeCommandsInMathAreDefused) {
    Decoded d = decode_latex("a $\\input{x}$");
    EXPECT_EQ(tree(d.text), "a math[\\mathrm{input}{x}|inputx]");
    ASSERT_EQ(d.warnings.size(), 1u);
    EXPECT_EQ(d.warnings[0].problem, DecodeProblem::unsafe_math_command);
    EXPECT_EQ(d.warnings[0].offset, 3u);
    EXPECT_EQ(d.warnings[0].command, "\\input");
}

TEST(TextDecode, FastPathNeedsNoDecoding) {
    EXPECT_FALSE(needs_decoding("A plain title with a-hyphen, 50% and #1"));
    EXPECT_FALSE(needs_decoding("Caf\xC3\xA9"));
    EXPECT_FALSE(needs_decoding(""));
    EXPECT_TRUE(needs_decoding("a--b"));
    EXPECT_TRUE(needs_decoding("x's"));
    EXPECT_TRUE(needs_decoding("a``b"));
    EXPECT_TRUE(needs_decoding("{DNA}"));
    EXPECT_TRUE(needs_decoding("$x$"));
    EXPECT_TRUE(needs_decoding("a~b"));
    EXPECT_TRUE(needs_decoding("a  b"));
    EXPECT_TRUE(needs_decoding("a\nb"));
    EXPECT_TRUE(needs_decoding(" a"));
    EXPECT_TRUE(needs_decoding("?`"));
    Decoded d = decode_latex("A plain title, 50% and #1");
    ASSERT_EQ(d.text.nodes().size(), 1u);
    EXPECT_EQ(tree(d.text), "A plain title, 50% and #1");
}

// Found by model_normalize_fuzzer: the trailing space trimmed after a span had closed left the
// span ending past the last node, and an NFC rebuild then read outside the buffer.
TEST(TextDecode, ATrailingSpaceTrimmedAfterASpanClosedKeepsTheTreeWhole) {
    for (std::string_view latex : {"\\textbf {a $x$ \\fo}", "\\textbf {a \\\"o $x$ \\fo}"}) {
        Decoded d = decode_latex(latex);
        for (const Node& node : d.text.nodes()) EXPECT_LE(node.end, d.text.nodes().size()) << latex;
    }
    EXPECT_EQ(to_html(decode_latex("\\textbf {a \\\"o $x$ \\fo}").text),
              "<b>a \xC3\xB6 <span class=\"math\">\\(x\\)</span></b>");
    EXPECT_EQ(to_html(decode_latex("\\textbf{a \\emph{ \\fo}}").text), "<b>a</b>");
}

TEST(TextDecode, ReusesTheOutputAndAppendsWarnings) {
    RichText out = decode_latex("\\emph{old}").text;
    std::vector<DecodeWarning> warnings(1);
    decode_latex("\\new", out, warnings);
    EXPECT_EQ(tree(out), "");
    EXPECT_EQ(warnings.size(), 2u);
}

} // namespace
} // namespace bibkit::text
