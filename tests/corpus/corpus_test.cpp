// Real-world files (corpora/bib) against the real BibTeX 0.99d, plus the reader's own promises:
// byte-for-byte round trips, format-then-read equivalence, parallel reading equal to sequential.

#include "shared_data.hpp"

#include <bibkit/bibtex/bibliography.hpp>
#include <bibkit/bibtex/check.hpp>
#include <bibkit/bibtex/formatter.hpp>
#include <bibkit/bibtex/parser.hpp>
#include <bibkit/bibtex/writer.hpp>

namespace bibkit::testing {
namespace {

bibtex::Database read_resolved(const SourceFile& source) {
    std::vector<bibtex::RawDatabase> files;
    files.push_back(bibtex::parse(source));
    return bibtex::resolve(files);
}

void expect_same_entries(const bibtex::Database& a, const bibtex::Database& b) {
    ASSERT_EQ(a.entries.size(), b.entries.size());
    for (std::size_t i = 0; i < a.entries.size(); ++i) {
        const bibtex::Entry& x = a.entries[i];
        const bibtex::Entry& y = b.entries[i];
        ASSERT_EQ(x.key, y.key);
        EXPECT_EQ(x.type, y.type) << x.key;
        ASSERT_EQ(x.fields.size(), y.fields.size()) << x.key;
        for (std::size_t f = 0; f < x.fields.size(); ++f) {
            EXPECT_EQ(x.fields[f].name, y.fields[f].name) << x.key;
            EXPECT_EQ(x.fields[f].value, y.fields[f].value) << x.key << " " << x.fields[f].name;
        }
    }
}

TEST(Corpus, EntriesAndValuesAgreeWithBibTeX) {
    BIBKIT_REQUIRE_SHARED("corpora/bib");
    if (!have_program("bibtex"))
        GTEST_SKIP() << "bibtex (Debian texlive-binaries) is not installed";
    for (const auto& path : corpus_files()) {
        SCOPED_TRACE(path.filename().string());
        OracleResult oracle = ask_bibtex(path);
        auto source = SourceFile::open(path.string());
        ASSERT_TRUE(source);
        bibtex::Database database = read_resolved(*source);
        ASSERT_EQ(database.entries.size(), oracle.entries.size());
        std::size_t mismatches = 0;
        for (std::size_t i = 0; i < oracle.entries.size(); ++i) {
            const bibtex::Entry& entry = database.entries[i];
            const OracleEntry& wanted = oracle.entries[i];
            ASSERT_EQ(entry.key, wanted.key);
            // type$ is empty for types the oracle's style does not define (all but article).
            if (!wanted.type.empty()) {
                EXPECT_EQ(entry.type, wanted.type) << entry.key;
            }
            auto value = [&](const char* name) {
                const bibtex::Field* field = entry.find(name);
                return field ? folded(field->value) : std::string();
            };
            // The oracle's style defines only the `jan` macro, so months are not compared.
            bool same = value("title") == folded(wanted.title) &&
                        value("journal") == folded(wanted.journal) &&
                        value("year") == folded(wanted.year) &&
                        value("pages") == folded(wanted.pages) &&
                        value("note") == folded(wanted.note);
            if (!same && ++mismatches <= 5)
                ADD_FAILURE() << entry.key
                              << ": title/journal/year/pages/note differ from BibTeX's:\n"
                              << value("title") << "|" << value("journal") << "|" << value("year")
                              << "|" << value("pages") << "|" << value("note") << "\n"
                              << folded(wanted.title) << "|" << folded(wanted.journal) << "|"
                              << folded(wanted.year) << "|" << folded(wanted.pages) << "|"
                              << folded(wanted.note);
        }
        EXPECT_EQ(mismatches, 0u);
    }
}

TEST(Corpus, MalformedBetterBibTeXFileReportsEachBrokenEntryAndKeepsTheRest) {
    BIBKIT_REQUIRE_SHARED("corpora/bib/bbt_export_cache_does_not_seem_to_fill_1296.bib");
    auto path = shared_dir() / "corpora/bib/bbt_export_cache_does_not_seem_to_fill_1296.bib";
    auto source = SourceFile::open(path.string());
    ASSERT_TRUE(source);
    bibtex::Database database = read_resolved(*source);
    ASSERT_EQ(database.error_count(), 23u);
    for (const Diagnostic& d : database.diagnostics) {
        EXPECT_EQ(d.code, "unterminated-entry");
        // Each points at the value with the unbalanced `{{\&}`, on its own line.
        EXPECT_NE(d.source_line.find("{{\\&}"), std::string::npos) << d.line;
        EXPECT_FALSE(d.key.empty());
    }
    // 3,748 entries begin a line; the 23 broken ones are kept (cut short) and none is lost.
    std::size_t starts = 0;
    std::string_view text = source->text();
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '@' && (i == 0 || text[i - 1] == '\n')) ++starts;
    EXPECT_EQ(database.entries.size(), starts);
    std::size_t incomplete = 0;
    for (const bibtex::Entry& entry : database.entries) incomplete += !entry.complete;
    EXPECT_EQ(incomplete, 23u);
}

TEST(Corpus, LosslessWriteReproducesEveryFileByteForByte) {
    BIBKIT_REQUIRE_SHARED("corpora/bib");
    for (const auto& path : corpus_files()) {
        SCOPED_TRACE(path.filename().string());
        auto source = SourceFile::open(path.string());
        ASSERT_TRUE(source);
        bibtex::RawDatabase raw = bibtex::parse(*source);
        std::string out;
        bibtex::write_lossless(raw, out);
        EXPECT_TRUE(out == source->text());
    }
}

TEST(Corpus, FormattingKeepsEveryEntryAndValue) {
    BIBKIT_REQUIRE_SHARED("corpora/bib");
    for (const auto& path : corpus_files()) {
        SCOPED_TRACE(path.filename().string());
        auto source = SourceFile::open(path.string());
        ASSERT_TRUE(source);
        bibtex::Database original = read_resolved(*source);
        std::string formatted;
        bibtex::format_file(bibtex::parse(*source), bibtex::FormatOptions{}, formatted);
        SourceFile again = SourceFile::from_string("formatted.bib", formatted);
        bibtex::Database reread = read_resolved(again);
        expect_same_entries(original, reread);
        EXPECT_EQ(original.error_count(), reread.error_count());
        // Formatting is idempotent on what it produced.
        std::string twice;
        bibtex::format_file(bibtex::parse(again), bibtex::FormatOptions{}, twice);
        if (original.error_count() == 0) {
            EXPECT_TRUE(twice == formatted);
        }
    }
}

TEST(Corpus, CheckingBlockByBlockReportsWhatCheckingTheTreeReports) {
    BIBKIT_REQUIRE_SHARED("corpora/bib");
    std::vector<std::string> paths;
    for (const auto& path : corpus_files()) paths.push_back(path.string());
    // Each file alone, then all together (duplicate keys across files), then a file large enough
    // to be read in two halves, with an @comment body running across the middle.
    std::vector<std::vector<std::string>> runs;
    for (const std::string& path : paths) runs.push_back({path});
    runs.push_back(paths);
    std::string large;
    for (int pass = 0; pass < 2; ++pass)
        for (const std::string& path : paths) large += read_file(path);
    std::string spanning = large.substr(0, large.size() / 2 - 1000) + "\n@comment{\n" +
                           std::string(4000, 'x') + "\n}\n" + large.substr(large.size() / 2 - 1000);
    auto directory = std::filesystem::path(::testing::TempDir());
    for (auto [name, text] :
         {std::pair{"large.bib", &large}, std::pair{"spanning.bib", &spanning}}) {
        std::ofstream(directory / name, std::ios::binary) << *text;
        runs.push_back({(directory / name).string()});
    }
    for (const auto& run : runs) {
        SCOPED_TRACE(run.size() == 1 ? run[0] : "all files");
        auto streamed = bibtex::check_files(run);
        ASSERT_TRUE(streamed);
        auto whole = bibtex::Bibliography::read(run);
        ASSERT_TRUE(whole);
        bibtex::CheckReport expected = bibtex::check(*whole);
        EXPECT_EQ(streamed->entries, expected.entries);
        EXPECT_TRUE(bibtex::to_json(*streamed) == bibtex::to_json(expected));
    }
}

TEST(Corpus, ParallelReadingEqualsSequentialReading) {
    BIBKIT_REQUIRE_SHARED("corpora/bib");
    // Large enough to be read in parts.
    std::string text;
    for (int pass = 0; pass < 2; ++pass)
        for (const auto& path : corpus_files()) text += read_file(path);
    ASSERT_GT(text.size(), 8u << 20);
    SourceFile source = SourceFile::from_string("all.bib", text);
    bibtex::RawDatabase one = bibtex::parse(source, bibtex::Threading::single);
    bibtex::RawDatabase two = bibtex::parse_in_parts(source, 5);
    ASSERT_EQ(one.blocks().size(), two.blocks().size());
    for (std::size_t i = 0; i < one.blocks().size(); ++i) {
        ASSERT_EQ(one.blocks()[i].span.begin, two.blocks()[i].span.begin);
        ASSERT_EQ(one.blocks()[i].span.end, two.blocks()[i].span.end);
        ASSERT_EQ(one.blocks()[i].kind, two.blocks()[i].kind);
        ASSERT_EQ(one.blocks()[i].entry, two.blocks()[i].entry);
    }
    ASSERT_EQ(one.diagnostics().size(), two.diagnostics().size());
    for (std::size_t i = 0; i < one.diagnostics().size(); ++i)
        EXPECT_EQ(format_diagnostic(one.diagnostics()[i], true),
                  format_diagnostic(two.diagnostics()[i], true));
    std::vector<bibtex::RawDatabase> a, b;
    a.push_back(std::move(one));
    b.push_back(std::move(two));
    expect_same_entries(bibtex::resolve(a), bibtex::resolve(b));
}

} // namespace
} // namespace bibkit::testing
