// Identifiers taken from entries, from every field SPEC.md lists, in its order of preference.

#include "read_bib.hpp"

#include <bibkit/model/field_aliases.hpp>
#include <bibkit/model/identifiers.hpp>
#include <gtest/gtest.h>

namespace bibkit::model {
namespace {

using testing::read_bib;

std::string arxiv_of(const std::string& fields) {
    auto reading = read_bib("@misc{k, " + fields + "}");
    auto found = find_arxiv_id(reading.db.entries.at(0).fields);
    if (!found.value) {
        std::string out = "none";
        for (const auto& problem : found.problems)
            out += "|" + std::string(problem.field) + ": " + problem.error.message;
        return out;
    }
    return found.value->versioned() + " from " + std::string(found.field) +
           (found.value->primary_category.empty() ? "" : " in " + found.value->primary_category);
}

TEST(FindArxivId, EprintWithArchivePrefixOrEprintType) {
    EXPECT_EQ(arxiv_of("eprint = {2406.09241}, archivePrefix = {arXiv}, primaryClass = {cs.LG}"),
              "2406.09241 from eprint in cs.LG");
    EXPECT_EQ(arxiv_of("eprint = {2406.09241v2}, eprinttype = {ARXIV}"),
              "2406.09241v2 from eprint");
    EXPECT_EQ(arxiv_of("eprint = {hep-th/9901001}, eprinttype = {arxiv}, eprintclass = {hep-ph}"),
              "hep-th/9901001 from eprint in hep-th");
    // Another eprint type is not arXiv.
    EXPECT_EQ(arxiv_of("eprint = {12345}, eprinttype = {pubmed}"), "none");
    EXPECT_EQ(arxiv_of("eprint = {arXiv:2406.09241}"), "2406.09241 from eprint");
}

TEST(FindArxivId, AlFolioField) {
    EXPECT_EQ(arxiv_of("arxiv = {2406.09241}"), "2406.09241 from arxiv");
}

TEST(FindArxivId, JournalForms) {
    EXPECT_EQ(arxiv_of("journal = {arXiv preprint arXiv:2406.09241}"), "2406.09241 from journal");
    EXPECT_EQ(arxiv_of("journal = {arXiv preprint arXiv:1706.03762v5 [cs.CL]}"),
              "1706.03762v5 from journal");
    EXPECT_EQ(arxiv_of("journal = {ArXiv}, volume = {abs/2406.09241}"), "2406.09241 from volume");
    EXPECT_EQ(arxiv_of("journal = {CoRR}, volume = {abs/1412.6980}"), "1412.6980 from volume");
    EXPECT_EQ(arxiv_of("journaltitle = {arXiv preprint arXiv:2406.09241}"),
              "2406.09241 from journaltitle");
    EXPECT_EQ(arxiv_of("journal = {arXiv e-prints}"), "none");
}

TEST(FindArxivId, UrlsHowpublishedAndNote) {
    EXPECT_EQ(arxiv_of("url = {https://arxiv.org/abs/2406.09241v1}"), "2406.09241v1 from url");
    EXPECT_EQ(arxiv_of("url = {https://arxiv.org/pdf/2406.09241.pdf}"), "2406.09241 from url");
    EXPECT_EQ(arxiv_of("howpublished = {\\url{https://arxiv.org/abs/math.GT/0309136}}"),
              "math.GT/0309136 from howpublished in math.GT");
    EXPECT_EQ(arxiv_of("note = {Preprint, arXiv:2406.09241.}"), "2406.09241 from note");
    EXPECT_EQ(arxiv_of("url = {https://example.org/paper.pdf}"), "none");
}

TEST(FindArxivId, EprintComesBeforeOtherPlaces) {
    EXPECT_EQ(arxiv_of("note = {arXiv:1111.1111}, eprint = {2406.09241}, archiveprefix = {arXiv}"),
              "2406.09241 from eprint");
}

TEST(FindArxivId, MalformedIdsInArxivFieldsAreProblems) {
    EXPECT_EQ(arxiv_of("eprint = {2413.00001}, archiveprefix = {arXiv}"),
              "none|eprint: '2413.00001' is not an arXiv id: month 13 does not exist");
    EXPECT_EQ(arxiv_of("arxiv = {foo-bar/9901001}"),
              "none|arxiv: 'foo-bar/9901001' is not an arXiv id: unknown archive 'foo-bar'");
    // Free text that merely mentions something odd is not a problem.
    EXPECT_EQ(arxiv_of("note = {see arXiv:9999.99999}"), "none");
}

TEST(FindArxivId, WorksOnAliasFoldedFields) {
    auto reading = read_bib("@misc{k, archiveprefix = {arXiv}, eprint = {2406.09241}, "
                            "primaryclass = {cs.LG}}");
    FoldedFields folded = fold_aliases(reading.db.entries[0].fields);
    auto found = find_arxiv_id(folded.fields);
    ASSERT_TRUE(found.value);
    EXPECT_EQ(found.value->id, "2406.09241");
    EXPECT_EQ(found.value->primary_category, "cs.LG");
}

TEST(FindDoi, FromDoiThenUrls) {
    auto reading = read_bib("@misc{a, doi = {https://doi.org/10.1000/ABC}}\n"
                            "@misc{b, url = {https://dx.doi.org/10.1000/xyz}}\n"
                            "@misc{c, howpublished = {\\url{https://doi.org/10.1000/how}}}\n"
                            "@misc{d, url = {https://example.org/10.1000/xyz}}\n"
                            "@misc{e, doi = {10.1000}, url = {https://doi.org/10.1000/ok}}\n");
    const auto& entries = reading.db.entries;
    auto a = find_doi(entries[0].fields);
    ASSERT_TRUE(a.value);
    EXPECT_EQ(a.value->value, "10.1000/ABC");
    EXPECT_EQ(a.field, "doi");
    auto b = find_doi(entries[1].fields);
    ASSERT_TRUE(b.value);
    EXPECT_EQ(b.value->value, "10.1000/xyz");
    EXPECT_EQ(b.field, "url");
    auto c = find_doi(entries[2].fields);
    ASSERT_TRUE(c.value);
    EXPECT_EQ(c.value->value, "10.1000/how");
    EXPECT_FALSE(find_doi(entries[3].fields).value);
    EXPECT_TRUE(find_doi(entries[3].fields).problems.empty());
    auto e = find_doi(entries[4].fields);
    ASSERT_TRUE(e.value);
    EXPECT_EQ(e.value->value, "10.1000/ok");
    ASSERT_EQ(e.problems.size(), 1u);
    EXPECT_EQ(e.problems[0].field, "doi");
    EXPECT_EQ(e.problems[0].error.code, "malformed-doi");
}

TEST(FindIsbn, FirstValidOfSeveralAndProblemsForTheRest) {
    auto reading = read_bib("@book{k, isbn = {0-306-40615-3, 978-0-306-40615-7; 0-306-40615-2}}");
    auto found = find_isbn(reading.db.entries[0].fields);
    ASSERT_TRUE(found.value);
    EXPECT_EQ(found.value->digits, "9780306406157");
    ASSERT_EQ(found.problems.size(), 1u);
    EXPECT_EQ(found.problems[0].error.code, "isbn-checksum");
}

TEST(FindUrl, FromUrlOrHowpublished) {
    auto reading = read_bib("@misc{a, url = {https://example.org/a\\_b}}\n"
                            "@misc{b, howpublished = {Online at \\url{https://example.org/b}}}\n"
                            "@misc{c, howpublished = {https://example.org/c}}\n"
                            "@misc{d, howpublished = {Privately printed}}\n"
                            "@misc{e, url = {javascript:alert(1)}}\n");
    const auto& entries = reading.db.entries;
    EXPECT_EQ(find_url(entries[0].fields).value.value_or("none"), "https://example.org/a_b");
    EXPECT_EQ(find_url(entries[1].fields).value.value_or("none"), "https://example.org/b");
    EXPECT_EQ(find_url(entries[1].fields).field, "howpublished");
    EXPECT_EQ(find_url(entries[2].fields).value.value_or("none"), "https://example.org/c");
    EXPECT_EQ(find_url(entries[3].fields).value.value_or("none"), "none");
    EXPECT_TRUE(find_url(entries[3].fields).problems.empty());
    auto e = find_url(entries[4].fields);
    EXPECT_FALSE(e.value);
    ASSERT_EQ(e.problems.size(), 1u);
    EXPECT_EQ(e.problems[0].error.code, "unsupported-url-scheme");
}

} // namespace
} // namespace bibkit::model
