// BibTeX 0.99d's name splitting, rule by rule (expected values worked out from bibtex.web's
// rules by hand; the corpus suite checks the same against BibTeX's own output).

#include <bibkit/names/bibtex_name.hpp>
#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace bibkit::names {
namespace {

struct Parts {
    std::string first, von, last, jr;
    bool operator==(const Parts&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Parts& parts) {
    return out << "[" << parts.first << "|" << parts.von << "|" << parts.last << "|" << parts.jr
               << "]";
}

Parts parts(std::string_view text, LetterCase mode = LetterCase::unicode) {
    BibtexName name = split_name(text, mode);
    return {name.joined(name.first), name.joined(name.von), name.joined(name.last),
            name.joined(name.jr)};
}

TEST(BibtexName, FirstVonLast) {
    EXPECT_EQ(parts("Donald E. Knuth"), (Parts{"Donald E.", "", "Knuth", ""}));
    EXPECT_EQ(parts("Ludwig van Beethoven"), (Parts{"Ludwig", "van", "Beethoven", ""}));
    EXPECT_EQ(parts("Jean de la Fontaine"), (Parts{"Jean", "de la", "Fontaine", ""}));
    EXPECT_EQ(parts("Aristotle"), (Parts{"", "", "Aristotle", ""}));
}

TEST(BibtexName, VonPartRunsToTheLastLowerCaseWordButNeverTakesTheLastToken) {
    EXPECT_EQ(parts("Charles Louis Xavier Joseph de la Vall{\\'e}e Poussin"),
              (Parts{"Charles Louis Xavier Joseph", "de la", "Vall{\\'e}e Poussin", ""}));
    EXPECT_EQ(parts("Jean de la fontaine"), (Parts{"Jean", "de la", "fontaine", ""}));
    EXPECT_EQ(parts("a b c D e F"), (Parts{"", "a b c D e", "F", ""}));
}

TEST(BibtexName, VonLastFirstAndVonLastJrFirst) {
    EXPECT_EQ(parts("van Beethoven, Ludwig"), (Parts{"Ludwig", "van", "Beethoven", ""}));
    EXPECT_EQ(parts("Ford, Jr., Henry"), (Parts{"Henry", "", "Ford", "Jr."}));
    EXPECT_EQ(parts("de la Fontaine, Jr., Jean"), (Parts{"Jean", "de la", "Fontaine", "Jr."}));
    // In the comma forms von runs from the start: an upper-case word before it is von too.
    EXPECT_EQ(parts("Van der Berg, Jan"), (Parts{"Jan", "Van der", "Berg", ""}));
}

TEST(BibtexName, OneCommaMakesTheRestTheFirstName) {
    EXPECT_EQ(parts("Martin Luther King, Jr."), (Parts{"Jr.", "", "Martin Luther King", ""}));
}

TEST(BibtexName, HyphensAndTiesSeparateTokens) {
    BibtexName name = split_name("Jean-Paul Sartre");
    ASSERT_EQ(name.tokens.size(), 3u);
    EXPECT_EQ(name.tokens[1].text, "Paul");
    EXPECT_EQ(name.tokens[1].separator, '-');
    EXPECT_EQ(parts("Jean-Paul Sartre"), (Parts{"Jean-Paul", "", "Sartre", ""}));
    EXPECT_EQ(parts("jean-Paul Sartre"), (Parts{"", "jean", "Paul Sartre", ""}));
    EXPECT_EQ(parts("Xiao-ming Wang"), (Parts{"Xiao", "ming", "Wang", ""}));
    EXPECT_EQ(parts("Donald~E. Knuth"), (Parts{"Donald~E.", "", "Knuth", ""}));
}

TEST(BibtexName, WithoutVonTheLastNameKeepsTokensJoinedByHyphens) {
    EXPECT_EQ(parts("John Smith-Jones"), (Parts{"John", "", "Smith-Jones", ""}));
    // ... but not by ties.
    EXPECT_EQ(parts("John Smith~Jones"), (Parts{"John Smith", "", "Jones", ""}));
}

TEST(BibtexName, OnlyTheFirstSeparatorAfterATokenCounts) {
    BibtexName name = split_name("A -B");
    ASSERT_EQ(name.tokens.size(), 2u);
    EXPECT_EQ(name.tokens[1].separator, ' ');
    name = split_name("A- B");
    EXPECT_EQ(name.tokens[1].separator, '-');
}

TEST(BibtexName, BraceGroupsBelongToTheirToken) {
    EXPECT_EQ(parts("{Barnes and Noble} Inc"), (Parts{"{Barnes and Noble}", "", "Inc", ""}));
    BibtexName name = split_name("a{b c}d e");
    ASSERT_EQ(name.tokens.size(), 2u);
    EXPECT_EQ(name.tokens[0].text, "a{b c}d");
    // A comma inside braces does not count.
    EXPECT_EQ(parts("{Smith, Jones} Bob"), (Parts{"{Smith, Jones}", "", "Bob", ""}));
}

TEST(BibtexName, GroupsWithoutAControlSequenceAreInvisibleToTheVonTest) {
    EXPECT_EQ(parts("{Ch}ristophe Dupont"), (Parts{"", "{Ch}ristophe", "Dupont", ""}));
    EXPECT_EQ(parts("{World Health Organization}"),
              (Parts{"", "", "{World Health Organization}", ""}));
    EXPECT_EQ(parts("{van} Beethoven"), (Parts{"{van}", "", "Beethoven", ""}));
}

TEST(BibtexName, SpecialCharactersHaveTheCaseOfTheirLetter) {
    EXPECT_TRUE(is_von_token("{\\\"u}ber"));
    EXPECT_FALSE(is_von_token("{\\'E}mile"));
    EXPECT_FALSE(is_von_token("{\\relax Ch}ristophe"));
    EXPECT_TRUE(is_von_token("{\\relax de}"));
    // BibTeX's own letters: \ss \i \o \l \ae \oe \aa lower, \O \L \AE \OE \AA upper.
    EXPECT_TRUE(is_von_token("{\\ss}"));
    EXPECT_TRUE(is_von_token("{\\o}ster"));
    EXPECT_FALSE(is_von_token("{\\O}ster"));
    EXPECT_FALSE(is_von_token("{\\AA}se"));
    EXPECT_TRUE(is_von_token("{\\aa}se"));
    EXPECT_EQ(parts("{\\'E}mile Zola"), (Parts{"{\\'E}mile", "", "Zola", ""}));
    // A command outside braces is not a special character: `\v{Z}` is skipped to the `u`.
    EXPECT_TRUE(is_von_token("\\v{Z}ubrini{\\'c}"));
}

TEST(BibtexName, UnicodeCaseDecidesNonASCIIWordsByDefault) {
    EXPECT_EQ(parts("Émile Zola"), (Parts{"Émile", "", "Zola", ""}));
    EXPECT_EQ(parts("Łukasz Kowalski"), (Parts{"Łukasz", "", "Kowalski", ""}));
    EXPECT_EQ(parts("élodie durand"), (Parts{"", "élodie", "durand", ""}));
    EXPECT_EQ(parts("Ángel Di María"), (Parts{"Ángel Di", "", "María", ""}));
    // Caseless scripts are skipped by the test, as BibTeX skips caseless characters.
    EXPECT_EQ(parts("王 小明"), (Parts{"王", "", "小明", ""}));
}

TEST(BibtexName, ByteModeIsBibTeXToTheByte) {
    EXPECT_EQ(parts("Émile Zola", LetterCase::bibtex_bytes), (Parts{"", "Émile", "Zola", ""}));
    EXPECT_EQ(parts("Ángel Di María", LetterCase::bibtex_bytes),
              (Parts{"", "Ángel", "Di María", ""}));
    EXPECT_EQ(parts("Hans Müller", LetterCase::bibtex_bytes), (Parts{"Hans", "", "Müller", ""}));
}

TEST(BibtexName, LeadingAndTrailingJunkIsDropped) {
    EXPECT_EQ(parts("  ~-John Smith- ~"), (Parts{"John", "", "Smith", ""}));
    BibtexName name = split_name("Smith, John,");
    EXPECT_EQ(name.commas, 1);
    ASSERT_EQ(name.diagnostics.size(), 1u);
    EXPECT_EQ(name.diagnostics[0].code, "comma-at-end");
    EXPECT_EQ(name.diagnostics[0].offset, 11u);
}

TEST(BibtexName, ATieOrHyphenBeforeACommaDoesNotBecomeTheSeparator) {
    BibtexName name = split_name("Smith , John");
    ASSERT_EQ(name.tokens.size(), 2u);
    EXPECT_EQ(name.tokens[1].separator, ',');
}

TEST(BibtexName, TooManyCommasAreReportedAndIgnored) {
    BibtexName name = split_name("AA, BB, CC, DD");
    EXPECT_EQ(name.commas, 2);
    EXPECT_EQ((Parts{name.joined(name.first), name.joined(name.von), name.joined(name.last),
                     name.joined(name.jr)}),
              (Parts{"CC DD", "", "AA", "BB"}));
    ASSERT_EQ(name.diagnostics.size(), 1u);
    EXPECT_EQ(name.diagnostics[0].code, "too-many-commas");
    EXPECT_EQ(name.diagnostics[0].offset, 10u);
}

TEST(BibtexName, NothingBeforeTheCommaGivesNoLastName) {
    EXPECT_EQ(parts(", John"), (Parts{"John", "", "", ""}));
    EXPECT_EQ(parts(""), (Parts{"", "", "", ""}));
}

TEST(BibtexName, TokensAreViewsIntoTheName) {
    std::string text = "Ludwig van Beethoven";
    BibtexName name = split_name(text);
    ASSERT_EQ(name.tokens.size(), 3u);
    EXPECT_EQ(name.tokens[2].text.data(), text.data() + 11);
}

} // namespace
} // namespace bibkit::names
