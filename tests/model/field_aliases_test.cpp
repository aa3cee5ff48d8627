// BibTeX and biblatex spellings folded to biblatex's, with the names as read kept.

#include "read_bib.hpp"

#include <bibkit/model/field_aliases.hpp>
#include <gtest/gtest.h>

namespace bibkit::model {
namespace {

using testing::read_bib;

std::string line(std::span<const bibtex::Field> fields) {
    std::string out;
    for (const bibtex::Field& f : fields)
        out +=
            std::string(out.empty() ? "" : "|") + std::string(f.name) + "=" + std::string(f.value);
    return out;
}

TEST(FieldAliases, CanonicalNames) {
    EXPECT_EQ(canonical_field_name("journal"), "journaltitle");
    EXPECT_EQ(canonical_field_name("address"), "location");
    EXPECT_EQ(canonical_field_name("school"), "institution");
    EXPECT_EQ(canonical_field_name("archiveprefix"), "eprinttype");
    EXPECT_EQ(canonical_field_name("primaryclass"), "eprintclass");
    EXPECT_EQ(canonical_field_name("annote"), "annotation");
    EXPECT_EQ(canonical_field_name("hyphenation"), "langid");
    EXPECT_EQ(canonical_field_name("journaltitle"), "journaltitle");
    EXPECT_EQ(canonical_field_name("title"), "title");
    EXPECT_EQ(field_aliases().size(), 7u);
}

TEST(FieldAliases, FoldKeepsOrderAndOriginalNames) {
    auto reading = read_bib("@article{k, journal = {J}, title = {T}, address = {Paris}, "
                            "archivePrefix = {arXiv}, school = {MIT}}");
    FoldedFields folded = fold_aliases(reading.db.entries[0].fields);
    EXPECT_EQ(line(folded.fields),
              "journaltitle=J|title=T|location=Paris|eprinttype=arXiv|institution=MIT");
    EXPECT_EQ(folded.original_names, (std::vector<std::string_view>{"journal", "title", "address",
                                                                    "archiveprefix", "school"}));
    EXPECT_TRUE(folded.shadowed.empty());
}

TEST(FieldAliases, CanonicalSpellingWinsOverTheAlias) {
    auto reading = read_bib("@article{a, journal = {Old}, journaltitle = {New}, year = 2000}\n"
                            "@article{b, location = {L}, address = {A}}");
    FoldedFields a = fold_aliases(reading.db.entries[0].fields);
    EXPECT_EQ(line(a.fields), "journaltitle=New|year=2000");
    EXPECT_EQ(a.original_names[0], "journaltitle");
    EXPECT_EQ(line(a.shadowed), "journal=Old");
    FoldedFields b = fold_aliases(reading.db.entries[1].fields);
    EXPECT_EQ(line(b.fields), "location=L");
    EXPECT_EQ(line(b.shadowed), "address=A");
}

TEST(FieldAliases, FindFieldAcceptsEitherSpelling) {
    auto reading = read_bib("@article{a, journal = {J}}\n@article{b, journaltitle = {JT}}\n"
                            "@article{c, journal = {J}, journaltitle = {JT}}");
    const auto& e = reading.db.entries;
    EXPECT_EQ(find_field(e[0].fields, "journaltitle")->value, "J");
    EXPECT_EQ(find_field(e[0].fields, "journal")->value, "J");
    EXPECT_EQ(find_field(e[1].fields, "journal")->value, "JT");
    EXPECT_EQ(find_field(e[2].fields, "journal")->value, "JT");
    EXPECT_EQ(find_field(e[0].fields, "title"), nullptr);
}

TEST(FieldAliases, DateFieldsSayWhereTheDateIs) {
    auto reading =
        read_bib("@misc{a, date = {2020-05}, year = 2019}\n"
                 "@misc{b, year = 2019, month = may, day = 3}\n"
                 "@misc{c, title = {T}}\n"
                 "@misc{d, eventyear = 2018, eventdate = {2018-01-02}, urldate = {2024-01-01}}");
    const auto& e = reading.db.entries;
    DateFields a = date_fields(e[0].fields);
    ASSERT_TRUE(a.date);
    EXPECT_EQ(a.date->value, "2020-05");
    EXPECT_EQ(a.year, nullptr);
    DateFields b = date_fields(e[1].fields);
    EXPECT_EQ(b.date, nullptr);
    EXPECT_EQ(b.year->value, "2019");
    EXPECT_EQ(b.month->value, "May");
    EXPECT_EQ(b.day->value, "3");
    EXPECT_TRUE(date_fields(e[2].fields).empty());
    EXPECT_EQ(date_fields(e[3].fields, "event").date->value, "2018-01-02");
    EXPECT_EQ(date_fields(e[3].fields, "url").date->value, "2024-01-01");
    EXPECT_TRUE(date_fields(e[3].fields, "orig").empty());
}

} // namespace
} // namespace bibkit::model
