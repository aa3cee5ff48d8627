#include <bibkit/arxiv/bib_file.hpp>
#include <bibkit/bibtex/bibliography.hpp>
#include <gtest/gtest.h>

namespace bibkit::arxiv {
namespace {

constexpr std::string_view k_library = R"(% My papers
@misc{smith2020,
  title = {Pinned Version},
  eprint = {2001.00001v1},
  archivePrefix = {arXiv},
}

@article{jones,
    title = {Has a Journal and a Note},
    journal = {arXiv preprint arXiv:2002.00002},
    note = {Draft}}
@misc{noarxiv, title={No id}}
@misc{bare, eprint={hep-th/9901001}, archiveprefix={arXiv}}
@article{journal_only,
	title = {Tab indented},
	journal = {CoRR},
	volume = {abs/2003.00003}
}
@misc{done, eprint = {2004.00004}, archiveprefix = {arXiv}, doi = {10.1/done}}
)";

Paper paper(std::string id, std::uint32_t version, std::string doi, std::string journal_ref) {
    Paper p;
    p.id = *model::parse_arxiv_id(id);
    p.id.version = version;
    p.title = "Fetched";
    p.authors = {{"Ada Lovelace", {}}};
    p.published = "2020-01-02T00:00:00Z";
    p.primary_category = "cs.LG";
    p.doi = std::move(doi);
    p.journal_ref = std::move(journal_ref);
    return p;
}

struct Library {
    bibtex::Bibliography bibliography;
    bibtex::Database database;
};

Library read_library(std::string_view text) {
    std::vector<SourceFile> sources;
    sources.push_back(SourceFile::from_string("library.bib", std::string(text)));
    Library library{bibtex::Bibliography::from_sources(std::move(sources)), {}};
    library.database = library.bibliography.resolve();
    return library;
}

std::vector<Paper> latest_papers() {
    return {paper("2001.00001", 3, "10.1000/new.1", "J. Foo 1 (2021) 2"),
            paper("2002.00002", 1, "", "Phys. Rev. X 2 (2022)"),
            paper("hep-th/9901001", 2, "10.1000/old", ""),
            paper("2003.00003", 1, "", "Ann. Bar 3 (2023)"),
            paper("2004.00004", 2, "10.1/done", "")};
}

TEST(BibFile, FindsTheCitedPreprints) {
    Library library = read_library(k_library);
    std::vector<CitedPreprint> cited = cited_preprints(library.database);
    ASSERT_EQ(cited.size(), 5u);
    EXPECT_EQ(cited[0].key, "smith2020");
    EXPECT_EQ(cited[0].id.id, "2001.00001");
    EXPECT_EQ(cited[0].id.version, 1u);
    EXPECT_EQ(cited[1].key, "jones");
    EXPECT_TRUE(cited[1].has_journal);
    EXPECT_TRUE(cited[1].has_note);
    EXPECT_EQ(cited[2].id.id, "hep-th/9901001");
    EXPECT_EQ(cited[3].id.id, "2003.00003"); // DBLP's CoRR + abs/ volume
    EXPECT_EQ(cited[4].doi, "10.1/done");
}

TEST(BibFile, UpdatesSayWhatIsNew) {
    Library library = read_library(k_library);
    std::vector<CitedPreprint> cited = cited_preprints(library.database);
    std::vector<Paper> latest = latest_papers();
    std::vector<PreprintUpdate> updates = find_updates(cited, latest);
    ASSERT_EQ(updates.size(), 5u);
    EXPECT_TRUE(updates[0].newer_version); // v1 pinned, v3 out
    EXPECT_TRUE(updates[0].new_doi);
    EXPECT_TRUE(updates[0].new_journal_ref);
    // A journal and a note already: nothing to add, nothing to report.
    EXPECT_FALSE(updates[1].any());
    EXPECT_FALSE(updates[2].newer_version); // the entry pins no version
    EXPECT_TRUE(updates[2].new_doi);
    EXPECT_TRUE(updates[3].new_journal_ref);
    EXPECT_FALSE(updates[4].any()); // same DOI, no version pinned
}

TEST(BibFile, InPlaceAddsFieldsAndKeepsEveryOtherByte) {
    Library library = read_library(k_library);
    std::vector<CitedPreprint> cited = cited_preprints(library.database);
    std::vector<Paper> latest = latest_papers();
    std::vector<PreprintUpdate> updates = find_updates(cited, latest);
    std::string updated = apply_updates(library.bibliography.files().front(), updates);
    constexpr std::string_view expected = R"(% My papers
@misc{smith2020,
  title = {Pinned Version},
  eprint = {2001.00001v1},
  archivePrefix = {arXiv},
  doi = {10.1000/new.1},
  journal = {J. Foo 1 (2021) 2},
}

@article{jones,
    title = {Has a Journal and a Note},
    journal = {arXiv preprint arXiv:2002.00002},
    note = {Draft}}
@misc{noarxiv, title={No id}}
@misc{bare, eprint={hep-th/9901001}, archiveprefix={arXiv},
  doi = {10.1000/old}}
@article{journal_only,
	title = {Tab indented},
	journal = {CoRR},
	volume = {abs/2003.00003},
	note = {Published in Ann. Bar 3 (2023)}
}
@misc{done, eprint = {2004.00004}, archiveprefix = {arXiv}, doi = {10.1/done}}
)";
    EXPECT_EQ(updated, expected);
    // The result reads back without a problem and with the new values.
    Library reread = read_library(updated);
    EXPECT_EQ(reread.database.error_count(), 0u);
    EXPECT_EQ(reread.database.entries.size(), 6u);
    const bibtex::Field* doi = reread.database.entries[0].find("doi");
    ASSERT_NE(doi, nullptr);
    EXPECT_EQ(doi->value, "10.1000/new.1");
}

TEST(BibFile, NoUpdatesLeaveTheFileAsItWas) {
    Library library = read_library(k_library);
    EXPECT_EQ(apply_updates(library.bibliography.files().front(), {}), k_library);
}

TEST(BibFile, HostileValuesStayInsideTheirField) {
    Library library = read_library("@misc{x, eprint = {2001.00001}, archiveprefix = {arXiv}}\n");
    std::vector<CitedPreprint> cited = cited_preprints(library.database);
    std::vector<Paper> latest = {paper("2001.00001", 1, "", "J. }, author = {Mallory} % 100")};
    std::string updated =
        apply_updates(library.bibliography.files().front(), find_updates(cited, latest));
    Library reread = read_library(updated);
    EXPECT_EQ(reread.database.error_count(), 0u) << updated;
    ASSERT_EQ(reread.database.entries.size(), 1u);
    EXPECT_EQ(reread.database.entries[0].find("author"), nullptr) << updated;
    ASSERT_NE(reread.database.entries[0].find("journal"), nullptr) << updated;
}

TEST(BibFile, AppendKeepsTheFileAndAddsABlankLine) {
    BibtexEntry entry{"misc", "lovelace2020fetched", {{"title", "Fetched"}, {"year", "2020"}}};
    std::string text = append_entries("@misc{a, title = {A}}", std::span(&entry, 1));
    EXPECT_TRUE(text.starts_with("@misc{a, title = {A}}\n\n@misc{lovelace2020fetched,"));
    EXPECT_TRUE(text.ends_with("}\n"));
    EXPECT_FALSE(text.ends_with("\n\n"));
    Library reread = read_library(text);
    EXPECT_EQ(reread.database.entries.size(), 2u);
    EXPECT_EQ(append_entries("@misc{a}\n", {}), "@misc{a}\n");
    EXPECT_TRUE(append_entries("", std::span(&entry, 1)).starts_with("@misc{lovelace2020fetched,"));
}

} // namespace
} // namespace bibkit::arxiv
