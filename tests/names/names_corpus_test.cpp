// BibTeX 0.99d's own answers (../shared/names, printed by real BibTeX with names_oracle.bst)
// against split_name + NameFormat and count_names. In byte mode every row must agree; in the
// default Unicode mode every row with unicode_case = 0 must agree, and the rows where BibTeX's
// byte-level letter case is wrong for the name (unicode_case = 1) must give the Unicode answers
// written down in data/names_unicode_case.tsv.

#include <bibkit/names/name_format.hpp>
#include <bibkit/names/name_list.hpp>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace bibkit::names {
namespace {

std::filesystem::path shared_names_dir() {
    return std::filesystem::path(BIBKIT_SHARED_DIR) / "names";
}

#define REQUIRE_SHARED_NAMES(file)                                                                 \
    if (!std::filesystem::exists(shared_names_dir() / file))                                       \
    GTEST_SKIP() << "../shared/names/" << file << " is absent: the BibTeX name oracle is not here"

using Row = std::vector<std::string>;

// Tab-separated bytes, no quoting (../shared/names/README.md, "Format"); the header is dropped.
std::vector<Row> read_tsv(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::vector<Row> rows;
    std::string line;
    bool header = true;
    while (std::getline(in, line)) {
        if (header) {
            header = false;
            continue;
        }
        Row row;
        std::size_t start = 0;
        for (;;) {
            std::size_t tab = line.find('\t', start);
            row.push_back(line.substr(start, tab == std::string::npos ? tab : tab - start));
            if (tab == std::string::npos) break;
            start = tab + 1;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

// What BibTeX's .bib reader made of the input before format.name$ saw it: white space runs
// collapsed to one space, leading and trailing white space removed.
std::string as_read_by_bibtex(std::string_view input) {
    std::string out;
    for (char c : input) {
        bool white = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (white) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

struct Column {
    std::string name;
    NameFormat format;
};

std::vector<Column> columns(const std::vector<std::pair<std::string, std::string>>& patterns) {
    std::vector<Column> out;
    for (const auto& [name, pattern] : patterns) {
        auto format = NameFormat::parse(pattern);
        EXPECT_TRUE(format) << pattern;
        if (format) out.push_back({name, *format});
    }
    return out;
}

const std::vector<std::pair<std::string, std::string>> k_main_patterns = {
    {"first", "{ff}"},
    {"von", "{vv}"},
    {"last", "{ll}"},
    {"jr", "{jj}"},
    {"full", "{ff~}{vv~}{ll}{, jj}"},
    {"sorted_initials", "{vv~}{ll}{, jj}{, f.}"}};
const std::vector<std::pair<std::string, std::string>> k_extra_patterns = {
    {"abbrv", "{f.~}{vv~}{ll}{, jj}"},
    {"first_initials", "{f.}"},
    {"sortkey", "{vv{ } }{ll{ }}{  ff{ }}{  jj{ }}"},
    {"label", "{v{}}{l{}}"}};

struct Agreement {
    std::size_t rows = 0;
    std::size_t agreeing = 0;
};

// Compares every row's columns (from index 2 on, unicode_case last) with our formatting.
Agreement compare(const std::vector<Row>& rows, const std::vector<Column>& formats, LetterCase mode,
                  int unicode_case_filter) {
    Agreement agreement;
    for (const Row& row : rows) {
        EXPECT_EQ(row.size(), formats.size() + 3) << row[0];
        if (row.size() != formats.size() + 3) continue;
        int unicode_case = row.back() == "1" ? 1 : 0;
        if (unicode_case_filter >= 0 && unicode_case != unicode_case_filter) continue;
        ++agreement.rows;
        std::string input = as_read_by_bibtex(row[1]);
        BibtexName name = split_name(input, mode);
        bool all = true;
        for (std::size_t i = 0; i < formats.size(); ++i) {
            std::string ours = formats[i].format.format(name);
            EXPECT_EQ(ours, row[i + 2])
                << "id " << row[0] << " `" << row[1] << "` column " << formats[i].name;
            all = all && ours == row[i + 2];
        }
        if (all) ++agreement.agreeing;
    }
    return agreement;
}

void report(const char* what, Agreement agreement) {
    std::cout << "[ names    ] " << what << ": " << agreement.agreeing << "/" << agreement.rows
              << " rows agree with BibTeX 0.99d\n";
}

TEST(NamesCorpus, ByteModeAgreesWithBibTeXOnEveryRow) {
    REQUIRE_SHARED_NAMES("names.tsv");
    std::vector<Row> rows = read_tsv(shared_names_dir() / "names.tsv");
    ASSERT_EQ(rows.size(), 347u);
    Agreement agreement = compare(rows, columns(k_main_patterns), LetterCase::bibtex_bytes, -1);
    report("names.tsv, byte mode, all rows", agreement);
    EXPECT_EQ(agreement.agreeing, rows.size());
}

TEST(NamesCorpus, ByteModeExtraFormatsAgreeOnEveryRow) {
    REQUIRE_SHARED_NAMES("names_extra_formats.tsv");
    std::vector<Row> rows = read_tsv(shared_names_dir() / "names_extra_formats.tsv");
    ASSERT_EQ(rows.size(), 347u);
    Agreement agreement = compare(rows, columns(k_extra_patterns), LetterCase::bibtex_bytes, -1);
    report("names_extra_formats.tsv, byte mode, all rows", agreement);
    EXPECT_EQ(agreement.agreeing, rows.size());
}

TEST(NamesCorpus, UnicodeModeAgreesWithBibTeXWhereCaseIsASCII) {
    REQUIRE_SHARED_NAMES("names.tsv");
    std::vector<Row> rows = read_tsv(shared_names_dir() / "names.tsv");
    Agreement agreement = compare(rows, columns(k_main_patterns), LetterCase::unicode, 0);
    report("names.tsv, Unicode mode, unicode_case = 0", agreement);
    EXPECT_EQ(agreement.agreeing, agreement.rows);
    EXPECT_EQ(agreement.rows, 327u);
}

TEST(NamesCorpus, UnicodeModeExtraFormatsAgreeWhereCaseIsASCII) {
    REQUIRE_SHARED_NAMES("names_extra_formats.tsv");
    std::vector<Row> rows = read_tsv(shared_names_dir() / "names_extra_formats.tsv");
    Agreement agreement = compare(rows, columns(k_extra_patterns), LetterCase::unicode, 0);
    report("names_extra_formats.tsv, Unicode mode, unicode_case = 0", agreement);
    EXPECT_EQ(agreement.agreeing, agreement.rows);
}

TEST(NamesCorpus, UnicodeModeGivesTheDocumentedUnicodeAnswers) {
    REQUIRE_SHARED_NAMES("names.tsv");
    std::vector<Row> oracle = read_tsv(shared_names_dir() / "names.tsv");
    std::map<std::string, std::string> inputs;
    std::size_t unicode_rows = 0;
    for (const Row& row : oracle)
        if (row.back() == "1") {
            inputs[row[0]] = row[1];
            ++unicode_rows;
        }
    // Our expectations: id, first, von, last, jr, full, sorted_initials (no input column, so that
    // the file is valid UTF-8 and readable; the input comes from the oracle by id).
    std::vector<Row> expected =
        read_tsv(std::filesystem::path(BIBKIT_NAMES_TEST_DATA) / "names_unicode_case.tsv");
    ASSERT_EQ(expected.size(), unicode_rows) << "one expectation per unicode_case = 1 row";
    std::vector<Column> formats = columns(k_main_patterns);
    Agreement agreement;
    for (const Row& row : expected) {
        ASSERT_EQ(row.size(), 7u);
        ASSERT_TRUE(inputs.count(row[0])) << "id " << row[0] << " is not a unicode_case row";
        ++agreement.rows;
        std::string input = as_read_by_bibtex(inputs[row[0]]);
        BibtexName name = split_name(input, LetterCase::unicode);
        bool all = true;
        for (std::size_t i = 0; i < formats.size(); ++i) {
            std::string ours = formats[i].format.format(name);
            EXPECT_EQ(ours, row[i + 1])
                << "id " << row[0] << " `" << input << "` column " << formats[i].name;
            all = all && ours == row[i + 1];
            // Stable: formatting again gives the same bytes.
            EXPECT_EQ(formats[i].format.format(split_name(input, LetterCase::unicode)), ours);
        }
        if (all) ++agreement.agreeing;
    }
    std::cout << "[ names    ] unicode_case = 1 rows, Unicode mode: " << agreement.agreeing << "/"
              << agreement.rows << " agree with data/names_unicode_case.tsv\n";
}

TEST(NamesCorpus, NameListCountsAgreeWithBibTeX) {
    REQUIRE_SHARED_NAMES("name_lists.tsv");
    std::vector<Row> rows = read_tsv(shared_names_dir() / "name_lists.tsv");
    ASSERT_EQ(rows.size(), 58u);
    Agreement agreement;
    for (const Row& row : rows) {
        ASSERT_EQ(row.size(), 3u);
        ++agreement.rows;
        std::string input = as_read_by_bibtex(row[1]);
        std::size_t count = count_names(input);
        EXPECT_EQ(std::to_string(count), row[2]) << "id " << row[0] << " `" << row[1] << "`";
        if (std::to_string(count) == row[2]) ++agreement.agreeing;
        // The list splitter sees the same names (plus `others` when it is the et-al mark).
        NameList list = split_name_list(input);
        EXPECT_EQ(list.names.size() + (list.et_al == EtAl::yes ? 1 : 0), count) << row[1];
    }
    report("name_lists.tsv counts", agreement);
    EXPECT_EQ(agreement.agreeing, rows.size());
}

} // namespace
} // namespace bibkit::names
