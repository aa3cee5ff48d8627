// BibTeX's format.name$ patterns (hand-checked against bibtex.web's rules; the corpus suite
// checks 694 more against BibTeX itself).

#include <bibkit/names/name_format.hpp>
#include <gtest/gtest.h>

namespace bibkit::names {
namespace {

std::string format(std::string_view name, std::string_view pattern,
                   LetterCase mode = LetterCase::unicode) {
    auto parsed = NameFormat::parse(pattern);
    EXPECT_TRUE(parsed) << pattern;
    return parsed ? parsed->format(split_name(name, mode)) : "";
}

TEST(NameFormat, FullTokensAreJoinedWithATieBetweenTheLastTwo) {
    EXPECT_EQ(format("Donald Ervin Knuth", "{ff}"), "Donald~Ervin");
    EXPECT_EQ(format("Alpha Beta Gamma Knuth", "{ff}"), "Alpha Beta~Gamma");
}

TEST(NameFormat, ATieFollowsAShortFirstToken) {
    EXPECT_EQ(format("A B C Knuth", "{ff}"), "A~B~C");
    EXPECT_EQ(format("Al Bert Cid Knuth", "{ff}"), "Al~Bert~Cid");
    EXPECT_EQ(format("Ali Bert Cid Knuth", "{ff}"), "Ali Bert~Cid");
}

TEST(NameFormat, InitialsGetPeriodsBetweenAndThePatternsOwnAtTheEnd) {
    EXPECT_EQ(format("John Paul Jones", "{f.}"), "J.~P.");
    EXPECT_EQ(format("John Paul Jones", "{f}"), "J.~P");
    EXPECT_EQ(format("Jean-Pierre Dupont", "{f.}"), "J.-P.");
    EXPECT_EQ(format("John~Paul Jones", "{f.}"), "J.~P.");
}

TEST(NameFormat, InitialsOfSpecialCharactersAndGroups) {
    EXPECT_EQ(format("{\\'E}mile Zola", "{f.}"), "{\\'E}.");
    EXPECT_EQ(format("Dupont, {\\relax Ch}ristophe", "{f.}"), "{\\relax Ch}.");
    EXPECT_EQ(format("Dupont, {Ch}ristophe", "{f.}"), "C.");
    EXPECT_EQ(format("Kowalski, Łukasz", "{f.}"), "Ł.");
    EXPECT_EQ(format("Kowalski, Łukasz", "{f.}", LetterCase::bibtex_bytes), "\xC5.");
}

TEST(NameFormat, TheDiscretionaryTieStaysOnlyAfterAShortPart) {
    EXPECT_EQ(format("A. Hoenig", "{ff~}{ll}"), "A.~Hoenig");
    EXPECT_EQ(format("Ann Hoenig", "{ff~}{ll}"), "Ann Hoenig");
    EXPECT_EQ(format("Ludwig van Beethoven", "{ff~}{vv~}{ll}"), "Ludwig van Beethoven");
    EXPECT_EQ(format("Jean de Gaulle", "{vv~}{ll}"), "de~Gaulle");
}

TEST(NameFormat, EmptyPartsDropTheirWholeGroup) {
    EXPECT_EQ(format("Knuth", "{ff~}{vv~}{ll}{, jj}"), "Knuth");
    EXPECT_EQ(format("Ford, Jr., Henry", "{ff~}{vv~}{ll}{, jj}"), "Henry Ford, Jr.");
    EXPECT_EQ(format("Ford, Jr., Henry", "{vv~}{ll}{, jj}{, f.}"), "Ford, Jr., H.");
}

TEST(NameFormat, ACustomSeparatorReplacesTheDefaultOne) {
    EXPECT_EQ(format("Jean-Paul de la Sartre", "{vv{ } }{ll{ }}{  ff{ }}{  jj{ }}"),
              "de la Sartre  Jean Paul");
    EXPECT_EQ(format("Jean-Paul de la Sartre", "{v{}}{l{}}"), "dlS");
}

TEST(NameFormat, TextOutsideGroupsIsAlwaysWritten) {
    EXPECT_EQ(format("Knuth", "<{ff}|{ll}>"), "<|Knuth>");
}

TEST(NameFormat, NestedBracesInAGroupAreCopied) {
    EXPECT_EQ(format("Donald Knuth", "{{\\sc x}ll}"), "{\\sc x}Knuth");
    // Letters at the group's own level are part letters: `\textsc` there is an error.
    EXPECT_FALSE(NameFormat::parse("{\\textsc{x}ll}"));
}

TEST(NameFormat, TheBraceDepthLeaksBetweenLengthTestsAsInBibTeX) {
    // After `{TUG}` the depth is left at 1, so `{\TeX}` is no longer a one-character special.
    const char* name = "{TUG} {Working} {Group} on a {\\TeX} {Directory} {Structure}";
    EXPECT_EQ(format(name, "{ll}"), "{\\TeX}~{Directory}~{Structure}");
    EXPECT_EQ(format(name, "{ff~}{vv~}{ll}{, jj}"),
              "{TUG} {Working}~{Group} on~a {\\TeX} {Directory}~{Structure}");
}

TEST(NameFormat, LengthsCountCharactersInUnicodeModeAndBytesInByteMode) {
    EXPECT_EQ(format("小明 王", "{ff~}{ll}"), "小明~王");
    EXPECT_EQ(format("小明 王", "{ff~}{ll}", LetterCase::bibtex_bytes), "小明 王");
}

TEST(NameFormat, BadPatternsAreErrorsWithAnOffset) {
    auto unbalanced = NameFormat::parse("{ff");
    ASSERT_FALSE(unbalanced);
    EXPECT_EQ(unbalanced.error().offset, 0u);
    auto closing = NameFormat::parse("{ff}}");
    ASSERT_FALSE(closing);
    EXPECT_EQ(closing.error().offset, 4u);
    auto two_letters = NameFormat::parse("{ff ll}");
    ASSERT_FALSE(two_letters);
    EXPECT_EQ(two_letters.error().offset, 4u);
    EXPECT_FALSE(NameFormat::parse("{xx}"));
    EXPECT_EQ(format_name(split_name("A B"), "{ff"), "");
}

TEST(NameFormat, AppendAddsToWhatIsThere) {
    auto format = NameFormat::parse(k_plain_full_pattern);
    ASSERT_TRUE(format);
    std::string out = "by ";
    format->append(out, split_name("van Beethoven, Ludwig"));
    EXPECT_EQ(out, "by Ludwig van Beethoven");
}

} // namespace
} // namespace bibkit::names
