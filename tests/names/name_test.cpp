// The normalized Name: given, family, particles, suffix, literal, initials.

#include <bibkit/names/name.hpp>
#include <gtest/gtest.h>

namespace bibkit::names {
namespace {

Name make(std::string given, std::string family, std::string particle, std::string suffix,
          std::string initials) {
    Name name;
    name.given = std::move(given);
    name.family = std::move(family);
    name.particle = std::move(particle);
    name.suffix = std::move(suffix);
    name.initials = std::move(initials);
    return name;
}

TEST(Name, BibTeXPartsMapToCSLParts) {
    EXPECT_EQ(parse_name("Ludwig van Beethoven"), make("Ludwig", "Beethoven", "van", "", "L."));
    EXPECT_EQ(parse_name("de la Fontaine, Jr., Jean"),
              make("Jean", "Fontaine", "de la", "Jr.", "J."));
    EXPECT_EQ(parse_name("Donald~E. Knuth"), make("Donald~E.", "Knuth", "", "", "D. E."));
}

TEST(Name, InitialsKeepHyphens) {
    EXPECT_EQ(parse_name("Jean-Pierre Dupont").initials, "J.-P.");
    EXPECT_EQ(parse_name("John Paul Jones").initials, "J. P.");
    EXPECT_EQ(parse_name("{\\'E}mile Zola").initials, "{\\'E}.");
    EXPECT_EQ(initials("J.-P."), "J.-P.");
    EXPECT_EQ(initials("Łukasz"), "Ł.");
    EXPECT_EQ(initials("Łukasz", LetterCase::bibtex_bytes), "\xC5.");
    EXPECT_EQ(initials("John & Paul"), "J. P.");
    EXPECT_EQ(initials(""), "");
}

TEST(Name, ASingleBraceGroupIsALiteral) {
    Name name = parse_name("{World Health Organization}");
    EXPECT_EQ(name.literal, "World Health Organization");
    EXPECT_TRUE(name.family.empty());
    // A special character or a group followed by more text is not one.
    EXPECT_EQ(parse_name("{\\AA}se").family, "{\\AA}se");
    EXPECT_EQ(parse_name("{AT\\&T} Research").given, "{AT\\&T}");
    EXPECT_EQ(parse_name("{A}{B}").literal, "");
}

TEST(Name, ExtendedFormWithPrefixes) {
    EXPECT_EQ(parse_name("family=Neumann, given=John, prefix=von, useprefix=true"),
              make("John", "Neumann", "von", "", "J."));
    Name dropped = parse_name("family=Beethoven, given=Ludwig, prefix=van, useprefix=false");
    EXPECT_EQ(dropped.particle, "");
    EXPECT_EQ(dropped.dropping_particle, "van");
    EXPECT_EQ(parse_name("family=Neumann, prefix=von").particle, "von");
    EXPECT_EQ(parse_name("given={Jean Pierre}, family=Doe, given-i=J.-P").initials, "J.-P.");
}

TEST(Name, ListsCarryDiagnosticsWithOffsetsIntoTheValue) {
    ParsedNames names = parse_names("Smith, John, and and Doe, J. and others");
    ASSERT_EQ(names.names.size(), 2u);
    EXPECT_EQ(names.names[0].family, "Smith");
    EXPECT_EQ(names.names[1].family, "Doe");
    EXPECT_EQ(names.et_al, EtAl::yes);
    ASSERT_EQ(names.diagnostics.size(), 2u);
    EXPECT_EQ(names.diagnostics[0].code, "comma-at-end");
    EXPECT_EQ(names.diagnostics[0].offset, 11u);
    EXPECT_EQ(names.diagnostics[1].code, "empty-name");
    EXPECT_EQ(names.diagnostics[1].offset, 16u); // the space between the two `and`s
}

TEST(Name, UnicodeGivenNames) {
    EXPECT_EQ(parse_name("Émile Zola"), make("Émile", "Zola", "", "", "É."));
    EXPECT_EQ(parse_name("Émile Zola", nullptr, LetterCase::bibtex_bytes).particle, "Émile");
}

TEST(Name, ForEachNameHandsOverWhatParseNamesCollects) {
    std::string_view value = "Doe, Jane and and {World Health Organization} and given=Ann, "
                             "family=Roe and Ludwig van Beethoven and others";
    ParsedNames all = parse_names(value);
    NameList list = split_name_list(value);
    std::vector<Name> one_by_one;
    std::vector<NameDiagnostic> diagnostics;
    for_each_name(
        value, list, [&](Name&& name) { one_by_one.push_back(std::move(name)); }, diagnostics);
    EXPECT_EQ(one_by_one, all.names);
    ASSERT_EQ(diagnostics.size(), all.diagnostics.size());
    for (std::size_t i = 0; i < diagnostics.size(); ++i) {
        EXPECT_EQ(diagnostics[i].code, all.diagnostics[i].code);
        EXPECT_EQ(diagnostics[i].offset, all.diagnostics[i].offset);
    }
    EXPECT_EQ(list.et_al, EtAl::yes);
    ASSERT_EQ(one_by_one.size(), 4u); // the empty name is a warning, not a name
    EXPECT_EQ(one_by_one[3].particle, "van");
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(diagnostics[0].code, "empty-name");
}

} // namespace
} // namespace bibkit::names
