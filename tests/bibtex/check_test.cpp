// `bibkit check`: every problem of every file, in file order then by position, as text or JSON.

#include <bibkit/bibtex/check.hpp>
#include <cstdio>
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

std::string write_temp_file(const std::string& name, const std::string& text) {
    std::string path = ::testing::TempDir() + "/" + name;
    FILE* out = std::fopen(path.c_str(), "wb");
    EXPECT_NE(out, nullptr);
    if (!out) return path;
    std::fwrite(text.data(), 1, text.size(), out);
    std::fclose(out);
    return path;
}

// Clean entries, enough for check_files to read the file in two halves on two threads.
std::string filler(const std::string& prefix, std::size_t bytes) {
    std::string text;
    for (std::size_t i = 0; text.size() < bytes; ++i)
        text += "@article{" + prefix + std::to_string(i) +
                ",\n  author = {Ann Author and Bob Builder},\n  title = {A Study of Things " +
                std::to_string(i) + "},\n  journal = {Journal of Studies},\n  year = 2001\n}\n\n";
    return text;
}

// What the second half of a file needs from the first (macros, keys) is settled after both
// halves are read; the result must be exactly that of reading the file in order.
TEST(CheckFiles, TheSecondHalfOfALargeFileIsCheckedAsIfReadInOrder) {
    std::string first_half = "@string{j = {Journal}}\n@string{feb = {Febr.}}\n"
                             "@string{same = {S}}\n@article{dup, title = {First}}\n"
                             "@article{Twice, title = {First}}\n";
    std::string second_half = "@article{usesj, journal = j, note = nowhere, howpublished = later}\n"
                              "@string{later = {L}}\n"
                              "@string{j = {Another Journal}}\n@string{same = {S}}\n"
                              "@string{jan = {Jan.}}\n@string{feb = {Feb.}}\n"
                              "@article{DUP, title = {A}, title = {B}, note = missing}\n"
                              "@article{twice, year = 1}\n@article{TWICE, year = 2}\n"
                              "@article{inner, year = 1}\n@article{Inner, year = 2, year = 3}\n"
                              "@article{, title = {No key}}\n";
    std::string a = write_temp_file("halves_a.bib", first_half + filler("f", 3u << 20) +
                                                        filler("g", 3u << 20) + second_half);
    std::string b = write_temp_file("halves_b.bib",
                                    "@article{x, journal = later}\n@article{inner, year = 4}\n");
    auto streamed = check_files({a, b});
    ASSERT_TRUE(streamed);
    auto whole = Bibliography::read({a, b});
    ASSERT_TRUE(whole);
    CheckReport expected = check(*whole);
    EXPECT_EQ(to_text(*streamed), to_text(expected));
    Lines codes;
    for (const Diagnostic& d : expected.diagnostics)
        codes.push_back(d.code + " " + d.key + ": " + d.message);
    // The expectation itself, so that both cannot be wrong the same way.
    EXPECT_EQ(codes, (Lines{
                         "undefined-macro usesj: undefined macro 'nowhere'; its value is empty",
                         "undefined-macro usesj: undefined macro 'later'; its value is empty",
                         "macro-redefined : macro 'j' is redefined with a different value",
                         "macro-redefined : macro 'feb' is redefined with a different value",
                         "duplicate-key DUP: duplicate entry key 'DUP': the entry at line 4 is "
                         "kept and this one is skipped",
                         "undefined-macro DUP: undefined macro 'missing'; its value is empty",
                         "duplicate-key twice: duplicate entry key 'twice': the entry at line 5 "
                         "is kept and this one is skipped",
                         "duplicate-key TWICE: duplicate entry key 'TWICE': the entry at line 5 "
                         "is kept and this one is skipped",
                         codes[8], // Inner repeats inner: its line depends on the filler
                         "empty-key : entry has an empty key",
                         codes[10], // b.bib's inner repeats a.bib's
                     }));
    EXPECT_EQ(codes[8].substr(0, 50), "duplicate-key Inner: duplicate entry key 'Inner': ");
    EXPECT_NE(codes[10].find("the entry at " + a + ", line "), std::string::npos) << codes[10];
    EXPECT_EQ(streamed->entries, expected.entries);
}

// An @string in the second half built from a macro of the first cannot be settled on its own:
// that half is then read again in order.
TEST(CheckFiles, ASecondHalfMacroBuiltFromTheFirstHalfIsReadInOrder) {
    std::string text = "@string{j = {Journal}}\n" + filler("f", 3u << 20) + filler("g", 3u << 20) +
                       "@string{jj = j # { of Things}}\n@string{jj = {Other}}\n"
                       "@article{k, journal = jj, note = undefined}\n";
    std::string path = write_temp_file("halves_fallback.bib", text);
    auto streamed = check_files({path});
    ASSERT_TRUE(streamed);
    auto whole = Bibliography::read({path});
    ASSERT_TRUE(whole);
    CheckReport expected = check(*whole);
    EXPECT_EQ(to_text(*streamed), to_text(expected));
    ASSERT_EQ(expected.diagnostics.size(), 2u);
    EXPECT_EQ(expected.diagnostics[0].code, "macro-redefined");
    EXPECT_EQ(expected.diagnostics[1].code, "undefined-macro");
}

TEST(CheckFiles, AFileThatCannotBeReadIsAnIoError) {
    auto report = check_files({"/nonexistent/dir/refs.bib"});
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().path, "/nonexistent/dir/refs.bib");
    EXPECT_EQ(report.error().message, "No such file or directory");
}

} // namespace
} // namespace bibkit::bibtex
