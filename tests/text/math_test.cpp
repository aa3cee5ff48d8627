// TeX math: Unicode renderings where faithful, and the sanitizing of the TeX itself.

#include <bibkit/text/math.hpp>
#include <gtest/gtest.h>
#include <optional>
#include <string>
#include <vector>

namespace bibkit::text {
namespace {

TEST(TextMath, RendersWhatUnicodeCanShow) {
    struct Case {
        const char* tex;
        const char* unicode;
    };
    const Case cases[] = {
        {"\\alpha", "\xCE\xB1"},
        {"x^2", "x\xC2\xB2"},
        {"x^{10}", "x\xC2\xB9\xE2\x81\xB0"},
        {"10^{-3}", "10\xE2\x81\xBB\xC2\xB3"},
        {"x_i", "x\xE1\xB5\xA2"},
        {"H_2O", "H\xE2\x82\x82O"},
        {"O(n\\log n)", "O(n log n)"},
        {"O(n^2)", "O(n\xC2\xB2)"},
        {"\\log(x)", "log(x)"},
        {"\\mathbb{R}", "\xE2\x84\x9D"},
        {"\\mathbb{R}^n", "\xE2\x84\x9D\xE2\x81\xBF"},
        {"\\mathbb{E}", "\xF0\x9D\x94\xBC"},
        {"\\mathcal{L}", "\xE2\x84\x92"},
        {"\\mathcal{A}", "\xF0\x9D\x92\x9C"},
        {"\\mathbf{x}", "\xF0\x9D\x90\xB1"},
        {"\\mathfrak{g}", "\xF0\x9D\x94\xA4"},
        {"a \\leq b", "a \xE2\x89\xA4 b"},
        {"a=b", "a = b"},
        {"a+b", "a + b"},
        {"-1", "\xE2\x88\x92"
               "1"},
        {"a-b", "a \xE2\x88\x92 b"},
        {"x \\in A", "x \xE2\x88\x88 A"},
        {"\\infty", "\xE2\x88\x9E"},
        {"x \\rightarrow \\infty", "x \xE2\x86\x92 \xE2\x88\x9E"},
        {"f(x, y)", "f(x, y)"},
        {"\\sqrt{2}", "\xE2\x88\x9A"
                      "2"},
        {"\\sqrt{n+1}", "\xE2\x88\x9A(n + 1)"},
        {"\\sqrt[3]{x}", "\xE2\x88\x9Bx"},
        {"\\frac{1}{2}", "1/2"},
        {"\\frac{a}{b+c}", "a/(b + c)"},
        {"\\hat{x}", "x\xCC\x82"},
        {"\\vec{v}", "v\xE2\x83\x97"},
        {"\\overline{AB}", "A\xCC\x85"
                           "B\xCC\x85"},
        {"90^\\circ", "90\xC2\xB0"},
        {"f'(x)", "f\xE2\x80\xB2(x)"},
        {"x^{\\prime}", "x\xE2\x80\xB2"},
        {"A^\\top", "A\xE1\xB5\x80"},
        {"A^T", "A\xE1\xB5\x80"},
        {"\\not= ", "\xE2\x89\xA0"},
        {"\\not\\in", "\xE2\x88\x89"},
        {"\\{x\\}", "{x}"},
        {"\\left( x \\right)", "(x)"},
        {"\\sum_{i=1}^n x_i",
         "\xE2\x88\x91\xE1\xB5\xA2\xE2\x82\x8C\xE2\x82\x81\xE2\x81\xBF x\xE1\xB5\xA2"},
        {"\\text{if } x", "if x"},
        {"\\mathrm{d}x", "dx"},
        {"n!", "n!"},
        {"1{,}000", "1,000"},
        {"a\\,b", "a b"},
        {"\\epsilon \\varepsilon \\phi \\varphi", "\xCF\xB5\xCE\xB5\xCF\x95\xCF\x86"},
        {"k", "k"},
    };
    for (const Case& c : cases) {
        std::optional<std::string> rendered = math_to_unicode(c.tex);
        ASSERT_TRUE(rendered.has_value()) << c.tex;
        EXPECT_EQ(*rendered, c.unicode) << c.tex;
    }
}

TEST(TextMath, NoRenderingWhereNoneIsFaithful) {
    for (const char* tex :
         {"\\binom{n}{k}", "e^{i\\pi}", "x_{i,j}", "\\hat{xy}", "\\unknown", "\\mathbb{\\alpha}",
          "\\sqrt[5]{x}", "a & b", "\\overset{a}{b}", "x^", "\\frac{1}"}) {
        EXPECT_FALSE(math_to_unicode(tex).has_value()) << tex;
    }
}

TEST(TextMath, DeepNestingGivesUpInsteadOfOverflowing) {
    std::string deep = std::string(10000, '{') + "x" + std::string(10000, '}');
    EXPECT_FALSE(math_to_unicode(deep).has_value());
    std::string supers;
    for (int i = 0; i < 10000; ++i) supers += "x^{";
    EXPECT_FALSE(math_to_unicode(supers).has_value());
}

TEST(TextMath, SanitizeKeepsKnownMath) {
    for (const char* tex :
         {"\\alpha + \\beta", "\\frac{a}{b}", "\\mathbb{R}^n", "\\left( x \\right)",
          "\\text{if } x", "\\sum_{i=1}^n", "a \\, b \\; c \\! d", "\\{x\\}",
          "\\operatorname{tr}(A)", "\\hat{x}"}) {
        std::vector<RemovedMathCommand> removed;
        EXPECT_EQ(math_sanitize(tex, &removed), tex);
        EXPECT_TRUE(removed.empty()) << tex;
    }
}

TEST(TextMath, SanitizeDefusesEverythingElse) {
    std::vector<RemovedMathCommand> removed;
    EXPECT_EQ(math_sanitize("\\input{/etc/passwd}", &removed), "\\mathrm{input}{/etc/passwd}");
    ASSERT_EQ(removed.size(), 1u);
    EXPECT_EQ(removed[0].offset, 0u);
    EXPECT_EQ(removed[0].command, "\\input");

    removed.clear();
    EXPECT_EQ(math_sanitize("x\\immediate\\write18{rm -rf /}", &removed),
              "x\\mathrm{immediate}\\mathrm{write}18{rm -rf /}");
    ASSERT_EQ(removed.size(), 2u);
    EXPECT_EQ(removed[1].offset, 11u);

    EXPECT_EQ(math_sanitize("\\href{javascript:alert(1)}{x}"),
              "\\mathrm{href}{javascript:alert(1)}{x}");
    EXPECT_EQ(math_sanitize("\\require{action}"), "\\mathrm{require}{action}");
    EXPECT_EQ(math_sanitize("\\begin{x}"), "\\mathrm{begin}{x}");
    EXPECT_EQ(math_sanitize("\\def\\x{y}"), "\\mathrm{def}\\mathrm{x}{y}");
    // TeX's ^^5c is a backslash; broken up it is two superscripts.
    EXPECT_EQ(math_sanitize("^^5cinput"), "^{}^5cinput");
    EXPECT_EQ(math_sanitize("50% & #1 $"), "50\\% \\& \\#1 \\$");
    EXPECT_EQ(math_sanitize("a}b{c"), "ab{c}");
    EXPECT_EQ(math_sanitize("a\nb"), "a b");
    removed.clear();
    EXPECT_EQ(math_sanitize("\\(x\\)", &removed), "(x)");
    EXPECT_EQ(removed.size(), 2u);
}

TEST(TextMath, AllowedCommands) {
    EXPECT_TRUE(is_allowed_math_command("alpha"));
    EXPECT_TRUE(is_allowed_math_command("frac"));
    EXPECT_TRUE(is_allowed_math_command("log"));
    EXPECT_TRUE(is_allowed_math_command("hat"));
    EXPECT_FALSE(is_allowed_math_command("input"));
    EXPECT_FALSE(is_allowed_math_command("write"));
    EXPECT_FALSE(is_allowed_math_command("catcode"));
    EXPECT_FALSE(is_allowed_math_command("href"));
}

} // namespace
} // namespace bibkit::text
