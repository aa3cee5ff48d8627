// The model's pieces over the real-world .bib files in ../shared/corpora/bib: inheritance finds
// no problem where there is none, and biblatex's own example resolves as its manual describes.

#include <bibkit/bibtex/bibliography.hpp>
#include <bibkit/model/entry_types.hpp>
#include <bibkit/model/identifiers.hpp>
#include <bibkit/model/inheritance.hpp>
#include <filesystem>
#include <gtest/gtest.h>

namespace bibkit::model {
namespace {

namespace fs = std::filesystem;

fs::path corpus_dir() {
    return fs::path(BIBKIT_SHARED_DIR) / "corpora" / "bib";
}

struct Loaded {
    bibtex::Bibliography bibliography;
    bibtex::Database db;
};

std::optional<Loaded> load(const std::string& name) {
    auto bibliography = bibtex::Bibliography::read({(corpus_dir() / name).string()});
    if (!bibliography) return std::nullopt;
    Loaded loaded{std::move(*bibliography), {}};
    loaded.db = loaded.bibliography.resolve();
    return loaded;
}

TEST(ModelCorpus, BiblatexExamplesCrossrefFromCollection) {
    if (!fs::exists(corpus_dir() / "biblatex-examples.bib"))
        GTEST_SKIP() << "../shared/corpora/bib/biblatex-examples.bib is absent";
    auto loaded = load("biblatex-examples.bib");
    ASSERT_TRUE(loaded);
    EffectiveFields fields = EffectiveFields::resolve(loaded->db);
    EXPECT_TRUE(fields.problems().empty());
    std::size_t space = 0;
    while (loaded->db.entries[space].key != "westfahl:space") ++space;
    auto list = fields.fields(space);
    auto value = [&](std::string_view name) -> std::string {
        for (const bibtex::Field& f : list)
            if (f.name == name) return std::string(f.value);
        return "(absent)";
    };
    // The manual: an incollection inherits the collection's title as booktitle, its subtitle
    // as booksubtitle; the collection's own booktitle field does not override that.
    EXPECT_EQ(value("title"), "The True Frontier");
    EXPECT_EQ(value("booktitle"), "Space and Beyond");
    EXPECT_EQ(value("booksubtitle"), "The Frontier Theme in Science Fiction");
    EXPECT_EQ(value("editor"), "Westfahl, Gary");
    EXPECT_EQ(value("publisher"), "Greenwood");
    EXPECT_EQ(value("location"), "Westport, Conn. and London");
    EXPECT_EQ(value("date"), "2000");
    EXPECT_EQ(value("indextitle"), "True Frontier, The"); // its own, not the parent's
    EXPECT_TRUE(missing_required_fields(loaded->db.entries[space].type, list).empty());
}

TEST(ModelCorpus, EveryFileResolvesWithoutInheritanceProblems) {
    if (!fs::exists(corpus_dir())) GTEST_SKIP() << "../shared/corpora/bib is absent";
    std::size_t files = 0;
    for (const auto& file : fs::directory_iterator(corpus_dir())) {
        if (file.path().extension() != ".bib") continue;
        auto loaded = load(file.path().filename().string());
        ASSERT_TRUE(loaded) << file.path();
        EffectiveFields fields = EffectiveFields::resolve(loaded->db);
        EXPECT_TRUE(fields.problems().empty()) << file.path();
        ASSERT_EQ(fields.size(), loaded->db.entries.size());
        // Without crossref or xdata an entry's effective fields are its own, aliases folded.
        for (std::size_t i = 0; i < fields.size(); ++i) {
            const bibtex::Entry& entry = loaded->db.entries[i];
            if (entry.find("crossref") || entry.find("xdata")) continue;
            EXPECT_LE(fields.fields(i).size(), entry.fields.size()) << entry.key;
        }
        ++files;
    }
    EXPECT_GE(files, 1u);
}

TEST(ModelCorpus, ZoteroExportIdentifiers) {
    // A Better BibTeX export from Zotero: DOIs and ISBNs as Zotero stores them.
    constexpr const char* k_file = "bbt_export_cache_does_not_seem_to_fill_1296.bib";
    if (!fs::exists(corpus_dir() / k_file))
        GTEST_SKIP() << "../shared/corpora/bib/" << k_file << " is absent";
    auto loaded = load(k_file);
    ASSERT_TRUE(loaded);
    std::size_t dois = 0;
    std::size_t isbns = 0;
    std::vector<std::string> doi_problems;
    std::vector<std::string> isbn_problems;
    for (const bibtex::Entry& entry : loaded->db.entries) {
        auto doi = find_doi(entry.fields);
        auto isbn = find_isbn(entry.fields);
        dois += doi.value ? 1 : 0;
        isbns += isbn.value ? 1 : 0;
        for (const auto& p : doi.problems)
            doi_problems.push_back(std::string(entry.key) + " " + p.error.code);
        for (const auto& p : isbn.problems)
            isbn_problems.push_back(std::string(entry.key) + " " + p.error.code);
    }
    // doi.acm.org URLs, also behind a library proxy, are DOIs; a list of names is not.
    EXPECT_EQ(doi_problems, std::vector<std::string>{"Wickens:1984p6955 malformed-doi"});
    EXPECT_EQ(dois, 2073u);
    // Zotero's garbled "New-2005\textsubscript{…}" values, an 11-digit number, and check digits
    // that are wrong (Paradiso:2005iy's 087025020x: the first nine weigh 171 ≡ 6 (mod 11), so
    // the check digit is 5, not 8).
    EXPECT_EQ(isbn_problems,
              (std::vector<std::string>{
                  "Baillot:2001gr malformed-isbn", "Bastian:2010gj malformed-isbn",
                  "Davis:1954uo malformed-isbn", "Nguyen:2013ci malformed-isbn",
                  "Olsen:2007ik isbn-checksum", "Opiyo:2006eq isbn-checksum",
                  "Paradiso:2005iy isbn-checksum", "Pei:2015im isbn-checksum",
                  "Poupyrev:2004jx isbn-checksum", "Ross:2000fl isbn-checksum",
                  "Sato:2008ej malformed-isbn", "vandenHengel:2009dd malformed-isbn"}));
    EXPECT_EQ(isbns, 1409u);
}

} // namespace
} // namespace bibkit::model
