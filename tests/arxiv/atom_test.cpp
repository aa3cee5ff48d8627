#include <bibkit/arxiv/atom.hpp>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <string>

namespace bibkit::arxiv {
namespace {

std::string read_data(const std::string& name) {
    std::ifstream in(std::string(BIBKIT_ARXIV_TEST_DATA) + "/" + name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

Feed parse_data(const std::string& name) {
    auto feed = parse_atom_feed(read_data(name));
    EXPECT_TRUE(feed.has_value()) << name << ": " << (feed ? "" : feed.error().message);
    return feed ? *feed : Feed{};
}

TEST(AtomFeed, ManyAuthorsInUtf8) {
    Feed feed = parse_data("arxivpy_2026_id_1707.08567_many_authors_utf8.xml");
    EXPECT_EQ(feed.total_results, 1u);
    EXPECT_EQ(feed.items_per_page, 100u);
    ASSERT_EQ(feed.papers.size(), 1u);
    const Paper& paper = feed.papers[0];
    EXPECT_EQ(paper.id.id, "1707.08567");
    EXPECT_EQ(paper.id.version, 1u);
    EXPECT_EQ(paper.title,
              "Proceedings of Workshop AEW10: Concepts in Information Theory and Communications");
    ASSERT_EQ(paper.authors.size(), 34u);
    EXPECT_EQ(paper.authors.front().name, "Kees A. Schouhamer Immink");
    bool found = false;
    for (const Author& author : paper.authors) found = found || author.name == "Dirk W\u00fcbben";
    EXPECT_TRUE(found);
    EXPECT_EQ(paper.published, "2017-07-27T08:18:33Z");
    EXPECT_EQ(paper.primary_category, "cs.IT");
    EXPECT_EQ(paper.comment,
              "44 pages, editors for the proceedings: Yanling Chen and A. J. Han Vinck");
    EXPECT_EQ(paper.abs_url, "https://arxiv.org/abs/1707.08567v1");
    EXPECT_EQ(paper.pdf_url, "https://arxiv.org/pdf/1707.08567v1");
    EXPECT_TRUE(paper.doi.empty());
}

TEST(AtomFeed, OldStyleIdWithAffiliationsAndJournalRef) {
    Feed feed = parse_data("arxivpy_2026_id_astro-ph_0601001_oldstyle_affil_jref.xml");
    ASSERT_EQ(feed.papers.size(), 1u);
    const Paper& paper = feed.papers[0];
    EXPECT_EQ(paper.id.id, "astro-ph/0601001");
    EXPECT_EQ(paper.id.style, model::ArxivStyle::legacy);
    EXPECT_EQ(paper.id.version, 1u);
    EXPECT_EQ(paper.journal_ref, "ActaAstron.56:1-50,2006");
    ASSERT_GE(paper.authors.size(), 2u);
    EXPECT_EQ(paper.authors[0].name, "Andrew Gould");
    ASSERT_EQ(paper.authors[0].affiliations.size(), 1u);
    EXPECT_EQ(paper.authors[0].affiliations[0], "Ohio State");
    // Entities decoded, the leading indentation of the summary gone.
    EXPECT_TRUE(paper.summary.starts_with("We derive the frequencies"));
    EXPECT_NE(paper.summary.find("Gould & Morgan (2003)"), std::string::npos);
    EXPECT_NE(paper.summary.find("V_max<17.5"), std::string::npos);
}

TEST(AtomFeed, SearchPageWithDois) {
    Feed feed = parse_data("arxivpy_2026_search_all_testing_s0_m10_doi.xml");
    EXPECT_EQ(feed.total_results, 214881u);
    EXPECT_EQ(feed.start_index, 0u);
    ASSERT_EQ(feed.papers.size(), 10u);
    EXPECT_EQ(feed.papers[0].id.id, "2202.12139");
    int with_doi = 0;
    for (const Paper& paper : feed.papers) with_doi += paper.doi.empty() ? 0 : 1;
    EXPECT_GE(with_doi, 3);
    bool found = false;
    for (const Paper& paper : feed.papers)
        found = found || paper.doi == "10.1109/ICSTW55395.2022.00035";
    EXPECT_TRUE(found);
}

TEST(AtomFeed, NonexistentIdIsAnEmptyFeedNotAnError) {
    Feed feed = parse_data("arxivpy_2026_id_0000.0000_empty.xml");
    EXPECT_EQ(feed.total_results, 0u);
    EXPECT_TRUE(feed.papers.empty());
}

TEST(AtomFeed, ErrorEntryIsTheServersMessage) {
    auto feed = parse_atom_feed(read_data("arxivpy_2026_id_abc_error_http400.xml"));
    ASSERT_FALSE(feed.has_value());
    EXPECT_EQ(feed.error().kind, AtomError::Kind::api_error);
    EXPECT_EQ(feed.error().message, "incorrect id format for abc");
}

TEST(AtomFeed, NamespacesDeclaredOnEachElementAndAnyOrder) {
    Feed feed = parse_data("old_format_per_element_namespaces.xml");
    EXPECT_EQ(feed.total_results, 2u);
    EXPECT_EQ(feed.items_per_page, 2u);
    ASSERT_EQ(feed.papers.size(), 2u);
    const Paper& old = feed.papers[0];
    EXPECT_EQ(old.id.id, "hep-th/9901001");
    EXPECT_EQ(old.id.version, 3u);
    EXPECT_EQ(old.title,
              "A hard-wrapped title with $\\mathcal{N}=4$ Super Yang--Mills and \\emph{emphasis}");
    EXPECT_EQ(old.summary, "First line of the summary, second line & an ampersand.");
    ASSERT_EQ(old.authors.size(), 1u);
    EXPECT_EQ(old.authors[0].name, "Jane Q. Example");
    ASSERT_EQ(old.authors[0].affiliations.size(), 1u);
    EXPECT_EQ(old.authors[0].affiliations[0], "Nowhere Institute");
    EXPECT_EQ(old.primary_category, "hep-th");
    EXPECT_EQ(old.categories, (std::vector<std::string>{"hep-th", "gr-qc"}));
    EXPECT_EQ(old.journal_ref, "Phys. Rev. D 60 (1999) 1");
    EXPECT_EQ(old.doi, "10.1103/PhysRevD.60.000001"); // from the DOI link
    EXPECT_EQ(old.published, "1999-01-04T12:00:00-05:00");

    const Paper& prefixed = feed.papers[1];
    EXPECT_EQ(prefixed.id.versioned(), "2406.09241v2");
    EXPECT_EQ(prefixed.title, "Prefixed Atom elements"); // the foreign <title> is not Atom's
    EXPECT_EQ(prefixed.doi, "10.1000/xyz123");
    EXPECT_EQ(prefixed.comment, "12 pages");
    ASSERT_EQ(prefixed.authors.size(), 1u);
    EXPECT_EQ(prefixed.authors[0].name, "Zo\u00eb \u00dcnal");
    EXPECT_EQ(prefixed.primary_category, "cs.LG"); // no primary_category: the first category
    EXPECT_EQ(prefixed.id.primary_category, "cs.LG");
}

TEST(AtomFeed, TruncatedAnswerIsMalformedNotShorter) {
    std::string xml = read_data("arxivpy_2026_search_all_testing_s0_m10_doi.xml");
    for (std::size_t cut : {xml.size() / 3, xml.size() / 2, xml.size() - 8}) {
        auto feed = parse_atom_feed(std::string_view(xml).substr(0, cut));
        ASSERT_FALSE(feed.has_value()) << "cut at " << cut;
        EXPECT_EQ(feed.error().kind, AtomError::Kind::malformed_xml);
        EXPECT_LE(feed.error().offset, cut);
    }
}

TEST(AtomFeed, ReportsWhatIsWrong) {
    auto html = parse_atom_feed("<html><body>Service Unavailable</body></html>");
    ASSERT_FALSE(html.has_value());
    EXPECT_EQ(html.error().kind, AtomError::Kind::not_a_feed);

    auto garbage = parse_atom_feed("<feed xmlns='http://www.w3.org/2005/Atom'><entry>");
    ASSERT_FALSE(garbage.has_value());
    EXPECT_EQ(garbage.error().kind, AtomError::Kind::malformed_xml);

    auto empty = parse_atom_feed("");
    ASSERT_FALSE(empty.has_value());

    // A <feed> in no namespace is not Atom.
    auto bare = parse_atom_feed("<feed><entry/></feed>");
    ASSERT_FALSE(bare.has_value());
    EXPECT_EQ(bare.error().kind, AtomError::Kind::not_a_feed);

    auto bad_id = parse_atom_feed("<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>"
                                  "http://arxiv.org/abs/9913.0001</id></entry></feed>");
    ASSERT_FALSE(bad_id.has_value());
    EXPECT_NE(bad_id.error().message.find("9913.0001"), std::string::npos);
}

TEST(AtomFeed, DeepNestingDoesNotRecurse) {
    std::string xml = "<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>"
                      "http://arxiv.org/abs/2406.09241</id><title>";
    for (int i = 0; i < 100000; ++i) xml += "<b>";
    xml += "deep";
    for (int i = 0; i < 100000; ++i) xml += "</b>";
    xml += "</title></entry></feed>";
    auto feed = parse_atom_feed(xml);
    ASSERT_TRUE(feed.has_value());
    ASSERT_EQ(feed->papers.size(), 1u);
    EXPECT_EQ(feed->papers[0].title, "deep");
}

} // namespace
} // namespace bibkit::arxiv
