// `bibkit check`: every problem of every file, in file order then by position, as text or JSON.

#include <bibkit/bibtex/check.hpp>
#include <gtest/gtest.h>
#include <string>
#include <utility>
#include <vector>

namespace bibkit::bibtex {
namespace {

using Lines = std::vector<std::string>;

Bibliography bibliography(const std::vector<std::pair<std::string, std::string>>& files) {
    std::vector<SourceFile> sources;
    for (const auto& [name, text] : files) sources.push_back(SourceFile::from_string(name, text));
    return Bibliography::from_sources(std::move(sources));
}

Lines positions(const CheckReport& report) {
    Lines out;
    for (const Diagnostic& d : report.diagnostics)
        out.push_back(d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + " " +
                      d.code);
    return out;
}

const std::vector<std::pair<std::string, std::string>> k_two_files = {
    {"a.bib", "@article{k1, journal = nosuchmacro}\n"
              "@article{k2, title = {X}\n"
              "  year = 2000}\n"
              "@article{k1, title = {Again}}\n"},
    {"b.bib", "Contact me at foo@bar.com for details.\n"
              "@article{b1, title = {T}, title = {U}}\n"},
};

TEST(Check, CountsEntriesWithoutDuplicatesAndSortsDiagnosticsByFileThenPosition) {
    CheckReport report = check(bibliography(k_two_files));
    EXPECT_EQ(report.files, (Lines{"a.bib", "b.bib"}));
    EXPECT_EQ(report.entries, 3u); // k1, k2, b1: the second k1 is a duplicate
    // Syntax problems (a.bib:3:3, b.bib:1:26) and resolution problems interleave by position.
    EXPECT_EQ(positions(report), (Lines{"a.bib:1:24 undefined-macro", "a.bib:3:3 expected-comma",
                                        "a.bib:4:10 duplicate-key", "b.bib:1:26 stray-at",
                                        "b.bib:2:27 duplicate-field"}));
    EXPECT_EQ(report.errors(), 2u);
    EXPECT_EQ(report.warnings(), 3u);
}

TEST(Check, FilesKeepTheirCommandLineOrderInTheSort) {
    // "z.bib" before "a.bib": diagnostics follow the files' order, not their names.
    CheckReport report = check(
        bibliography({{"z.bib", "@misc{k, title {X}}\n"}, {"a.bib", "@misc{j, title {X}}\n"}}));
    EXPECT_EQ(positions(report),
              (Lines{"z.bib:1:16 expected-equals", "a.bib:1:16 expected-equals"}));
}

TEST(Check, ACleanFileHasNoDiagnostics) {
    CheckReport report =
        check(bibliography({{"ok.bib", "@misc{a, title = {A}}\n@misc{b, title = {B}}\n"}}));
    EXPECT_EQ(report.entries, 2u);
    EXPECT_TRUE(report.diagnostics.empty());
    EXPECT_EQ(to_text(report), "1 file, 2 entries: 0 errors, 0 warnings\n");
}

TEST(CheckToText, EachDiagnosticWithItsSourceLineThenASummary) {
    CheckReport report =
        check(bibliography({{"x.bib", "@article{k18, journal = nosuchmacro, title = {X}}\n"
                                      "mail me@home.org now\n"}}));
    EXPECT_EQ(
        to_text(report),
        "x.bib:1:25: warning: undefined macro 'nosuchmacro'; its value is empty [entry k18]\n"
        "  @article{k18, journal = nosuchmacro, title = {X}}\n"
        "                          ^\n"
        "x.bib:2:17: warning: expected '{' or '(' after '@home.org', got 'n'; the text is skipped\n"
        "  mail me@home.org now\n"
        "                  ^\n"
        "1 file, 1 entry: 0 errors, 2 warnings\n");
}

TEST(CheckToText, TheSummaryCountsFilesEntriesErrorsAndWarnings) {
    std::string text = to_text(check(bibliography(k_two_files)));
    EXPECT_TRUE(text.ends_with("\n2 files, 3 entries: 2 errors, 3 warnings\n")) << text;
    CheckReport one_error = check(bibliography({{"e.bib", "@misc{k, title {X}}\n"}}));
    EXPECT_TRUE(to_text(one_error).ends_with("\n1 file, 1 entry: 1 error, 0 warnings\n"));
}

TEST(CheckToJson, ExactOutput) {
    CheckReport report =
        check(bibliography({{"x.bib", "@article{k18, journal = nosuchmacro, title = {X}}\n"
                                      "mail me@home.org now\n"}}));
    EXPECT_EQ(to_json(report), R"({
  "files": [
    "x.bib"
  ],
  "entries": 1,
  "diagnostics": [
    {
      "severity": "warning",
      "file": "x.bib",
      "line": 1,
      "column": 25,
      "key": "k18",
      "code": "undefined-macro",
      "message": "undefined macro 'nosuchmacro'; its value is empty"
    },
    {
      "severity": "warning",
      "file": "x.bib",
      "line": 2,
      "column": 17,
      "key": null,
      "code": "stray-at",
      "message": "expected '{' or '(' after '@home.org', got 'n'; the text is skipped"
    }
  ]
}
)");
}

TEST(CheckToJson, NoDiagnosticsIsAnEmptyArray) {
    CheckReport report = check(bibliography({{"e.bib", ""}}));
    EXPECT_EQ(to_json(report), R"({
  "files": [
    "e.bib"
  ],
  "entries": 0,
  "diagnostics": []
}
)");
}

TEST(CheckToJson, MessagesAreEscaped) {
    CheckReport report = check(bibliography({{"q\"uote.bib", "@misc{k, title = }\n"}}));
    std::string json = to_json(report);
    EXPECT_NE(json.find(R"("file": "q\"uote.bib")"), std::string::npos) << json;
    EXPECT_NE(
        json.find(
            R"("message": "expected a value ({...}, \"...\", a number or a macro name), got '}'")"),
        std::string::npos)
        << json;
}

} // namespace
} // namespace bibkit::bibtex

namespace bibkit::bibtex {
namespace {

// check_files reads from disk block by block; it must report exactly what check() reports on
// the same files read whole.
TEST(CheckFiles, ReportsExactlyWhatCheckReportsOnTheWholeTree) {
    std::string directory = ::testing::TempDir();
    std::vector<std::pair<std::string, std::string>> files = {
        {directory + "/cf_a.bib",
         "@string{j = {J}}\n@article{a, journal = j, title = {T}, title = {U}}\n"
         "mail me@example.org\n@article{b, title = {x}\n"},
        {directory + "/cf_b.bib",
         "@article{A, note = undefinedmacro}\n@book{c, year = 2000}\n@@@\n"},
    };
    std::vector<std::string> paths;
    for (const auto& [path, text] : files) {
        FILE* out = std::fopen(path.c_str(), "wb");
        ASSERT_NE(out, nullptr);
        std::fwrite(text.data(), 1, text.size(), out);
        std::fclose(out);
        paths.push_back(path);
    }
    auto streamed = check_files(paths);
    ASSERT_TRUE(streamed);
    auto whole = Bibliography::read(paths);
    ASSERT_TRUE(whole);
    CheckReport expected = check(*whole);
    EXPECT_EQ(streamed->entries, expected.entries);
    EXPECT_EQ(streamed->entries, 3u); // a, b (cut short) and c; A repeats a
    EXPECT_EQ(to_json(*streamed), to_json(expected));
    EXPECT_EQ(to_text(*streamed), to_text(expected));
}

TEST(CheckFiles, AFileThatCannotBeReadIsAnIoError) {
    auto report = check_files({"/nonexistent/dir/refs.bib"});
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().path, "/nonexistent/dir/refs.bib");
    EXPECT_EQ(report.error().message, "No such file or directory");
}

} // namespace
} // namespace bibkit::bibtex
