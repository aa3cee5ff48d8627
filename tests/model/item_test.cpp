// The normalized item: each CSL variable decoded from the fields that feed it.

#include "read_bib.hpp"

#include <bibkit/model/item.hpp>
#include <bibkit/text/plain_text.hpp>
#include <gtest/gtest.h>

namespace bibkit::model {
namespace {

using testing::read_bib;

TEST(Normalize, TitleNamesDateAndNumbersOfAnArticle) {
    auto read = read_bib("@article{k, author = {M{\\\"u}ller, Hans and Jean-Pierre de la Fontaine "
                         "and others}, title = {On {DNA} and $\\alpha$-Helices}, journal = {J. "
                         "Biol.}, year = 2021, month = mar, volume = 3, number = {4}, pages = "
                         "{10--20}, doi = {https://doi.org/10.1000/ABC}}");
    Normalized n = normalize(read.bibliography, read.db);
    ASSERT_EQ(n.items.size(), 1u);
    const Item& item = n.items[0];
    EXPECT_EQ(item.key, "k");
    EXPECT_EQ(item.csl_type, "article-journal");
    ASSERT_NE(item.text("title"), nullptr);
    EXPECT_EQ(text::to_plain_text(*item.text("title")), "On DNA and α-Helices");
    EXPECT_EQ(text::to_plain_text(*item.text("container-title")), "J. Biol.");
    const Names* authors = item.name_list("author");
    ASSERT_NE(authors, nullptr);
    ASSERT_EQ(authors->people.size(), 2u);
    EXPECT_TRUE(authors->et_al);
    EXPECT_EQ(authors->people[0], (Person{"Müller", "Hans", "", "", "", ""}));
    EXPECT_EQ(authors->people[1], (Person{"Fontaine", "Jean-Pierre", "de la", "", "", ""}));
    ASSERT_NE(item.date("issued"), nullptr);
    EXPECT_EQ(item.date("issued")->begin.year, 2021);
    EXPECT_EQ(item.date("issued")->begin.month, 3);
    EXPECT_EQ(*item.plain_text("page"), "10-20");
    EXPECT_EQ(*item.plain_text("volume"), "3");
    EXPECT_EQ(*item.plain_text("issue"), "4");
    EXPECT_EQ(*item.plain_text("DOI"), "10.1000/ABC");
    ASSERT_TRUE(item.doi);
    EXPECT_TRUE(n.diagnostics.empty());
}

// A year that is no date is kept as text, decoded like any other (biber_etc_papers.bib's
// `2004-- \ldots` came out with the backslash before the corpus suite compared it).
TEST(Normalize, ALiteralDateIsDecoded) {
    auto read = read_bib("@misc{m, title = {T}, year = {2004-- \\ldots}}\n"
                         "@misc{n, title = {T}, year = {in press}}");
    Normalized n = normalize(read.bibliography, read.db);
    ASSERT_EQ(n.items.size(), 2u);
    ASSERT_NE(n.items[0].date("issued"), nullptr);
    EXPECT_EQ(n.items[0].date("issued")->kind, dates::DateKind::literal);
    EXPECT_EQ(n.items[0].date("issued")->literal, "2004\u2013 \u2026");
    EXPECT_EQ(n.items[1].date("issued")->literal, "in press");
}

// BibTeX would make "{r}il" the last name (it splits at the ~ of \~); the model keeps the accent.
// A thesis's genre: its `type` field, with biblatex's localization keys in words, or else the
// one its entry type implies (pandoc and citation-js give the same); none for a report.
TEST(Normalize, ThesisGenreFromTheEntryTypeOrTheTypeField) {
    auto read = read_bib("@phdthesis{p, title = {T}, school = {U}, year = 2020}\n"
                         "@mastersthesis{m, title = {T}, school = {U}, year = 2020}\n"
                         "@mastersthesis{d, title = {T}, type = {Diploma thesis}}\n"
                         "@thesis{b, title = {T}, type = {phdthesis}}\n"
                         "@thesis{n, title = {T}}\n"
                         "@techreport{r, title = {T}, institution = {I}}");
    Normalized n = normalize(read.bibliography, read.db);
    ASSERT_EQ(n.items.size(), 6u);
    auto genre = [&](std::size_t i) {
        const text::RichText* text = n.items[i].text("genre");
        return text ? text::to_plain_text(*text) : std::string("(none)");
    };
    EXPECT_EQ(genre(0), "PhD thesis");
    EXPECT_EQ(genre(1), "Master\u2019s thesis");
    EXPECT_EQ(genre(2), "Diploma thesis");
    EXPECT_EQ(genre(3), "PhD thesis");
    EXPECT_EQ(genre(4), "(none)");
    EXPECT_EQ(genre(5), "(none)");
}

// A `howpublished` link is the item's URL; text around a link makes it the publisher.
TEST(Normalize, HowpublishedLinkIsTheUrl) {
    auto read =
        read_bib("@misc{b, title = {Boost}, howpublished = {\\url{http://www.boost.org/}}}\n"
                 "@misc{d, title = {D}, howpublished = {See \\url{http://x.org/c/}}}");
    Normalized n = normalize(read.bibliography, read.db);
    ASSERT_EQ(n.items.size(), 2u);
    ASSERT_NE(n.items[0].plain_text("URL"), nullptr);
    EXPECT_EQ(*n.items[0].plain_text("URL"), "http://www.boost.org/");
    EXPECT_EQ(n.items[0].text("publisher"), nullptr);
    EXPECT_EQ(n.items[1].plain_text("URL"), nullptr);
    ASSERT_NE(n.items[1].text("publisher"), nullptr);
    EXPECT_EQ(text::to_plain_text(*n.items[1].text("publisher")), "See http://x.org/c/");
}

TEST(Normalize, ATildeAccentInANameIsNoTie) {
    auto read = read_bib("@misc{k, author = {Ne\\~{s}et\\~{r}il, J. and Bla \\~Zmazek}}");
    Normalized n = normalize(read.bibliography, read.db);
    const Names* authors = n.items[0].name_list("author");
    ASSERT_NE(authors, nullptr);
    ASSERT_EQ(authors->people.size(), 2u);
    EXPECT_EQ(authors->people[0].family, "Ne\u0073\u0303et\u0072\u0303il");
    EXPECT_EQ(authors->people[0].given, "J.");
    EXPECT_EQ(authors->people[1].family, "Z\u0303mazek");
    EXPECT_EQ(authors->people[1].given, "Bla");
}

TEST(Normalize, CrossrefGivesTheProceedingsTitleAsContainerTitle) {
    auto read = read_bib("@inproceedings{p, author = {A. Author}, title = {Paper}, crossref = "
                         "{conf}}\n@proceedings{conf, title = {Proc. of Things}, year = 2019, "
                         "publisher = {ACM}}\n");
    Normalized n = normalize(read.bibliography, read.db);
    ASSERT_EQ(n.items.size(), 2u);
    const Item& paper = n.items[0];
    EXPECT_EQ(paper.csl_type, "paper-conference");
    EXPECT_EQ(text::to_plain_text(*paper.text("title")), "Paper");
    EXPECT_EQ(text::to_plain_text(*paper.text("container-title")), "Proc. of Things");
    EXPECT_EQ(paper.date("issued")->begin.year, 2019);
    EXPECT_EQ(text::to_plain_text(*paper.text("publisher")), "ACM");
}

TEST(Normalize, ArxivPreprintsKeywordsProjectsAndTalks) {
    auto read = read_bib("@misc{a, title = {T}, author = {X, Y}, eprint = {2406.09241v2}, "
                         "archiveprefix = {arXiv}, keywords = {optimization; {SGD}, theory}, "
                         "project = {sgd-noise}}\n"
                         "@talk{t, title = {A Talk}, author = {X, Y}, date = {2024-05-06}}\n");
    Normalized n = normalize(read.bibliography, read.db);
    ASSERT_EQ(n.items.size(), 2u);
    ASSERT_TRUE(n.items[0].arxiv);
    EXPECT_EQ(n.items[0].arxiv->id, "2406.09241");
    EXPECT_EQ(n.items[0].keywords, (std::vector<std::string>{"optimization", "SGD", "theory"}));
    EXPECT_EQ(n.items[0].projects, (std::vector<std::string>{"sgd-noise"}));
    EXPECT_EQ(n.items[1].csl_type, "speech");
    EXPECT_EQ(n.items[1].date("issued")->begin.day, 6);
}

TEST(Normalize, ProblemsPointIntoTheValueWithTheEntryKey) {
    auto read = read_bib("@article{bad,\n  title = {A \\foo{B}},\n  year = 2023, month = feb, "
                         "day = 30}\n");
    Normalized n = normalize(read.bibliography, read.db);
    ASSERT_EQ(n.diagnostics.size(), 2u);
    EXPECT_EQ(n.diagnostics[0].code, "unknown-command");
    EXPECT_EQ(n.diagnostics[0].line, 2u);
    EXPECT_EQ(n.diagnostics[0].column, 14u); // the backslash of \foo
    EXPECT_EQ(n.diagnostics[0].key, "bad");
    EXPECT_EQ(text::to_plain_text(*n.items[0].text("title")), "A B");
    EXPECT_EQ(n.diagnostics[1].line, 3u);
    EXPECT_EQ(n.diagnostics[1].severity, Severity::error);
}

} // namespace
} // namespace bibkit::model
