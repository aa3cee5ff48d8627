// `bibkit check`'s lints: one problem of each kind, with its position and entry key.

#include "read_bib.hpp"

#include <bibkit/model/lints.hpp>
#include <gtest/gtest.h>

namespace bibkit::model {
namespace {

using testing::read_bib;
using Lines = std::vector<std::string>;

Lines lints(const std::string& bib) {
    auto read = read_bib(bib);
    Lines out;
    for (const Diagnostic& d : lint(read.bibliography, read.db))
        out.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.code +
                      " [" + d.key + "] " + d.message);
    return out;
}

TEST(Lint, ACleanBibliographyHasNone) {
    EXPECT_EQ(lints("@article{a, author = {A. B}, title = {T}, journal = {J}, year = 2020, doi "
                    "= {10.1000/x}}\n@misc{b, title = {Other}}\n"),
              Lines{});
}

TEST(Lint, ImpossibleDatesUnknownMonthsAndBadIdentifiers) {
    Lines found = lints("@misc{d,\n  date = {2023-02-29}}\n"
                        "@misc{m,\n  year = 2020, month = {Smarch}}\n"
                        "@misc{i,\n  doi = {not a doi}, eprint = {2413.00001}, archiveprefix = "
                        "{arXiv}}\n");
    ASSERT_EQ(found.size(), 4u) << ::testing::PrintToString(found);
    // Each points at the part that is wrong: the day, the month, the value.
    EXPECT_EQ(found[0].substr(0, 24), "2:19 impossible-date [d]");
    EXPECT_EQ(found[1].substr(0, 22), "4:25 unknown-month [m]");
    EXPECT_EQ(found[2].substr(0, 22), "6:10 malformed-doi [i]");
    EXPECT_EQ(found[3].substr(0, 29), "6:32 malformed-arxiv-id [i] '");
}

TEST(Lint, ADateThatDisagreesWithYearAndAMonthWithoutYear) {
    Lines found = lints("@misc{a, date = {2021-05-01}, year = 2020}\n@misc{b, month = jan}\n"
                        "@xdata{x, date = {2021-02-30}}\n");
    ASSERT_EQ(found.size(), 2u) << ::testing::PrintToString(found);
    EXPECT_NE(found[0].find("date-year-mismatch [a]"), std::string::npos) << found[0];
    EXPECT_NE(found[1].find("month-without-year [b]"), std::string::npos) << found[1];
}

TEST(Lint, MissingRequiredFieldsAndDanglingCrossrefs) {
    EXPECT_EQ(lints("@article{a, title = {T}, year = 2020, journal = undefinedmacro}\n"
                    "@inproceedings{p, author = {X}, title = {T}, year = 1, crossref = {nope}}\n"),
              (Lines{"2:67 dangling-crossref [p] crossref refers to 'nope', which no entry has",
                     "1:10 missing-field [a] @article entries need 'author' (missing or empty)",
                     "1:10 missing-field [a] @article entries need 'journal' (missing or empty)",
                     "2:16 missing-field [p] @inproceedings entries need 'booktitle' (missing or "
                     "empty)"}));
}

TEST(Lint, TheSameWorkTwiceByDoiArxivIdOrTitleYearAndAuthor) {
    Lines found = lints(
        "@article{a1, author = {Smith, J.}, title = {Deep Things}, journal = {J}, year = 2020, "
        "doi = {10.1000/ABC}}\n"
        "@misc{a2, doi = {https://doi.org/10.1000/abc}}\n"
        "@misc{b1, eprint = {2101.00001}, archiveprefix = {arXiv}}\n"
        "@misc{b2, url = {https://arxiv.org/abs/2101.00001v3}}\n"
        "@inproceedings{c1, author = {Smith, John}, title = {Deep {T}hings!}, booktitle = {B}, "
        "year = 2020}\n"
        "@talk{t, author = {Smith, J.}, title = {Deep Things}, year = 2020}\n"
        "@misc{d, author = {Jones, A.}, title = {Deep Things}, year = 2020}\n");
    ASSERT_EQ(found.size(), 3u) << ::testing::PrintToString(found);
    EXPECT_EQ(found[0], "2:7 duplicate-work [a2] same DOI 10.1000/abc as entry 'a1': the same work "
                        "entered twice?");
    EXPECT_EQ(found[1], "4:7 duplicate-work [b2] same arXiv id 2101.00001 as entry 'b1': the "
                        "same work entered twice?");
    EXPECT_EQ(found[2], "5:16 duplicate-work [c1] same title and year as entry 'a1': the same "
                        "work entered twice?");
}

} // namespace
} // namespace bibkit::model
