// The type table spot-checked: CSL types, biblatex names, required fields.

#include "read_bib.hpp"

#include <bibkit/model/entry_types.hpp>
#include <gtest/gtest.h>

namespace bibkit::model {
namespace {

using testing::read_bib;

std::string_view csl_of(std::string_view type) {
    return csl_type(type, {});
}

TEST(EntryTypes, CslTypesOfBibtexTypes) {
    EXPECT_EQ(csl_of("article"), "article-journal");
    EXPECT_EQ(csl_of("book"), "book");
    EXPECT_EQ(csl_of("booklet"), "pamphlet");
    EXPECT_EQ(csl_of("inbook"), "chapter");
    EXPECT_EQ(csl_of("incollection"), "chapter");
    EXPECT_EQ(csl_of("inproceedings"), "paper-conference");
    EXPECT_EQ(csl_of("conference"), "paper-conference");
    EXPECT_EQ(csl_of("manual"), "book");
    EXPECT_EQ(csl_of("mastersthesis"), "thesis");
    EXPECT_EQ(csl_of("phdthesis"), "thesis");
    EXPECT_EQ(csl_of("misc"), "document");
    EXPECT_EQ(csl_of("proceedings"), "book");
    EXPECT_EQ(csl_of("techreport"), "report");
    EXPECT_EQ(csl_of("unpublished"), "manuscript");
}

TEST(EntryTypes, CslTypesOfBiblatexAndBibkitTypes) {
    EXPECT_EQ(csl_of("online"), "webpage");
    EXPECT_EQ(csl_of("electronic"), "webpage");
    EXPECT_EQ(csl_of("www"), "webpage");
    EXPECT_EQ(csl_of("mvbook"), "book");
    EXPECT_EQ(csl_of("bookinbook"), "chapter");
    EXPECT_EQ(csl_of("suppbook"), "chapter");
    EXPECT_EQ(csl_of("collection"), "book");
    EXPECT_EQ(csl_of("periodical"), "periodical");
    EXPECT_EQ(csl_of("patent"), "patent");
    EXPECT_EQ(csl_of("dataset"), "dataset");
    EXPECT_EQ(csl_of("software"), "software");
    EXPECT_EQ(csl_of("video"), "motion_picture");
    EXPECT_EQ(csl_of("audio"), "song");
    EXPECT_EQ(csl_of("thesis"), "thesis");
    EXPECT_EQ(csl_of("report"), "report");
    EXPECT_EQ(csl_of("inreference"), "entry-encyclopedia");
    EXPECT_EQ(csl_of("standard"), "standard");
    EXPECT_EQ(csl_of("talk"), "speech");
    EXPECT_EQ(csl_of("news"), "post");
    EXPECT_EQ(csl_of("set"), "");
    EXPECT_EQ(csl_of("xdata"), "");
    EXPECT_EQ(csl_of("frobnicate"), "document");
}

TEST(EntryTypes, FieldsRefineTheCslType) {
    auto reading = read_bib("@article{a, entrysubtype = {magazine}}\n"
                            "@article{b, entrysubtype = {Newspaper}}\n"
                            "@unpublished{c, eventtitle = {Workshop}}\n"
                            "@unpublished{d, venue = {Paris}}\n");
    const auto& e = reading.db.entries;
    EXPECT_EQ(csl_type(e[0].type, e[0].fields), "article-magazine");
    EXPECT_EQ(csl_type(e[1].type, e[1].fields), "article-newspaper");
    EXPECT_EQ(csl_type(e[2].type, e[2].fields), "speech");
    EXPECT_EQ(csl_type(e[3].type, e[3].fields), "speech");
}

// An arXiv paper as @misc is a preprint (CSL `article`); any other @misc stays a document.
TEST(EntryTypes, MiscWithAnArxivIdIsAPreprint) {
    auto reading = read_bib("@misc{a, eprint = {2405.01234}, archivePrefix = {arXiv}}\n"
                            "@misc{b, arxiv = {2405.01234}}\n"
                            "@misc{c, url = {https://arxiv.org/abs/2405.01234}}\n"
                            "@misc{d, howpublished = {Software}, url = {https://x.org}}\n"
                            "@unpublished{e, eprint = {2405.01234}, eprinttype = {arxiv}}\n");
    const auto& e = reading.db.entries;
    EXPECT_EQ(csl_type(e[0].type, e[0].fields), "article");
    EXPECT_EQ(csl_type(e[1].type, e[1].fields), "article");
    EXPECT_EQ(csl_type(e[2].type, e[2].fields), "article");
    EXPECT_EQ(csl_type(e[3].type, e[3].fields), "document");
    EXPECT_EQ(csl_type(e[4].type, e[4].fields), "manuscript");
}

TEST(EntryTypes, CanonicalNamesAndImpliedTypes) {
    EXPECT_EQ(canonical_entry_type("conference"), "inproceedings");
    EXPECT_EQ(canonical_entry_type("www"), "online");
    EXPECT_EQ(canonical_entry_type("phdthesis"), "thesis");
    EXPECT_EQ(canonical_entry_type("article"), "article");
    EXPECT_EQ(canonical_entry_type("custom"), "custom");
    EXPECT_EQ(find_entry_type("phdthesis")->implied_type, "phdthesis");
    EXPECT_EQ(find_entry_type("mastersthesis")->implied_type, "mathesis");
    EXPECT_EQ(find_entry_type("techreport")->implied_type, "techreport");
    EXPECT_EQ(find_entry_type("talk")->origin, TypeOrigin::bibkit);
    EXPECT_EQ(find_entry_type("Article"), nullptr); // names are lower-case
    EXPECT_EQ(entry_types().size(), 53u);
}

TEST(EntryTypes, RequiredFieldsOfBibtexStandardStyles) {
    auto reading = read_bib("@article{a, author = {A}, title = {T}, journal = {J}, year = 2000}\n"
                            "@article{b, author = {A}, title = {T}}\n"
                            "@article{c, author = {A}, title = {T}, journaltitle = {J}, "
                            "date = {2000-01}}\n"
                            "@book{d, editor = {E}, title = {T}, publisher = {P}, year = 2000}\n"
                            "@inbook{e, author = {A}, title = {T}, publisher = {P}, year = 2000}\n"
                            "@phdthesis{f, author = {A}, title = {T}, institution = {I}, "
                            "year = 2000}\n"
                            "@misc{g}\n"
                            "@unpublished{h, author = {A}, title = {T}}\n"
                            "@article{i, author = {}, title = {T}, journal = {J}, year = 2000}\n");
    const auto& e = reading.db.entries;
    using Missing = std::vector<std::string_view>;
    EXPECT_EQ(missing_required_fields(e[0].type, e[0].fields), Missing{});
    EXPECT_EQ(missing_required_fields(e[1].type, e[1].fields), (Missing{"journal", "year|date"}));
    EXPECT_EQ(missing_required_fields(e[2].type, e[2].fields), Missing{});
    EXPECT_EQ(missing_required_fields(e[3].type, e[3].fields), Missing{});
    EXPECT_EQ(missing_required_fields(e[4].type, e[4].fields), (Missing{"chapter|pages"}));
    EXPECT_EQ(missing_required_fields(e[5].type, e[5].fields), Missing{}); // school via alias
    EXPECT_EQ(missing_required_fields(e[6].type, e[6].fields), Missing{});
    EXPECT_EQ(missing_required_fields(e[7].type, e[7].fields), (Missing{"note"}));
    EXPECT_EQ(missing_required_fields(e[8].type, e[8].fields), (Missing{"author"})); // empty
    EXPECT_EQ(missing_required_fields("frobnicate", e[0].fields), Missing{});
}

TEST(EntryTypes, RequiredFieldsOfBiblatexAndBibkitTypes) {
    auto reading = read_bib("@online{a, author = {A}, title = {T}, year = 2020}\n"
                            "@talk{b, title = {T}}\n"
                            "@news{c, date = {2024-05-01}}\n"
                            "@thesis{d, author = {A}, title = {T}, school = {S}, year = 2000}\n");
    const auto& e = reading.db.entries;
    using Missing = std::vector<std::string_view>;
    EXPECT_EQ(missing_required_fields(e[0].type, e[0].fields), (Missing{"url|doi|eprint"}));
    EXPECT_EQ(missing_required_fields(e[1].type, e[1].fields), (Missing{"year|date"}));
    EXPECT_EQ(missing_required_fields(e[2].type, e[2].fields), Missing{});
    EXPECT_EQ(missing_required_fields(e[3].type, e[3].fields), (Missing{"type"}));
}

} // namespace
} // namespace bibkit::model
