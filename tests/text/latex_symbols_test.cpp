// The symbol and accent tables: lookups both ways.

#include <algorithm>
#include <bibkit/text/latex_symbols.hpp>
#include <gtest/gtest.h>

namespace bibkit::text {
namespace {

TEST(TextSymbols, TheTableIsLargeAndSorted) {
    EXPECT_GT(symbols().size(), 500u);
    EXPECT_TRUE(std::is_sorted(symbols().begin(), symbols().end(),
                               [](const Symbol& a, const Symbol& b) { return a.name < b.name; }));
}

TEST(TextSymbols, FindsByNameCaseSensitively) {
    ASSERT_NE(find_symbol("o"), nullptr);
    EXPECT_EQ(find_symbol("o")->utf8, "\xC3\xB8");
    EXPECT_EQ(find_symbol("O")->utf8, "\xC3\x98");
    EXPECT_EQ(find_symbol("alpha")->utf8, "\xCE\xB1");
    EXPECT_EQ(find_symbol("alpha")->mode, SymbolMode::math);
    EXPECT_EQ(find_symbol("Gamma")->utf8, "\xCE\x93");
    EXPECT_EQ(find_symbol("leq")->utf8, "\xE2\x89\xA4");
    EXPECT_EQ(find_symbol("textregistered")->utf8, "\xC2\xAE");
    EXPECT_EQ(find_symbol("ss")->mode, SymbolMode::text);
    EXPECT_EQ(find_symbol("nosuchcommand"), nullptr);
    EXPECT_EQ(find_symbol(""), nullptr);
}

TEST(TextSymbols, EveryGreekLetterIsThere) {
    for (const char* name :
         {"alpha", "beta",  "gamma",      "delta",    "epsilon", "zeta",   "eta",      "theta",
          "iota",  "kappa", "lambda",     "mu",       "nu",      "xi",     "pi",       "rho",
          "sigma", "tau",   "upsilon",    "phi",      "chi",     "psi",    "omega",    "Gamma",
          "Delta", "Theta", "Lambda",     "Xi",       "Pi",      "Sigma",  "Upsilon",  "Phi",
          "Psi",   "Omega", "varepsilon", "vartheta", "varpi",   "varrho", "varsigma", "varphi"})
        EXPECT_NE(find_symbol(name), nullptr) << name;
}

TEST(TextSymbols, Accents) {
    ASSERT_NE(find_text_accent("\""), nullptr);
    EXPECT_EQ(find_text_accent("\"")->combining, U'\u0308');
    EXPECT_EQ(find_text_accent("c")->combining, U'\u0327');
    EXPECT_EQ(find_text_accent("H")->combining, U'\u030B');
    EXPECT_EQ(find_text_accent("x"), nullptr);
    EXPECT_EQ(find_math_accent("hat")->combining, U'\u0302');
    EXPECT_EQ(find_math_accent("vec")->combining, U'\u20D7');
    EXPECT_EQ(find_text_accent_for(U'\u0301')->name, "'");
    EXPECT_EQ(find_text_accent_for(U'\u0328')->name, "k");
    EXPECT_EQ(find_text_accent_for(U'\u20D7'), nullptr);
}

TEST(TextSymbols, ReverseLookupPrefersTextCommands) {
    ASSERT_NE(find_symbol_for("\xC3\x9F"), nullptr);
    EXPECT_EQ(find_symbol_for("\xC3\x9F")->name, "ss");
    EXPECT_EQ(find_symbol_for("\xC5\x82")->name, "l");
    EXPECT_EQ(find_symbol_for("\xC2\xA7")->name, "S");
    EXPECT_EQ(find_symbol_for("\xE2\x80\xA6")->name, "dots"); // over \ldots and \textellipsis
    EXPECT_EQ(find_symbol_for("\xCE\xB1")->name, "alpha");    // not textgreek's \textalpha
    EXPECT_EQ(find_symbol_for("\xE2\x89\xA4")->name, "le");
    EXPECT_EQ(find_symbol_for("\xE4\xB8\xAD"), nullptr); // 中
}

} // namespace
} // namespace bibkit::text
