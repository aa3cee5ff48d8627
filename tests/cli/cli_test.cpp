// End-to-end tests of the bibkit program: each test runs the real executable in a fresh temporary
// directory and asserts its exit code, standard output and standard error exactly.

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <optional>
#include <poll.h>
#include <sstream>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#if __has_include(<nlohmann/json.hpp>)
#include <nlohmann/json.hpp>
#define BIBKIT_TEST_HAVE_JSON 1
#endif

#include "program.hpp"

namespace {

using namespace bibkit_test;

namespace fs = std::filesystem;

// The example researcher's files, sorted by name.
std::vector<std::string> example_data_files() {
    std::vector<std::string> files;
    for (const fs::directory_entry& entry : fs::directory_iterator(BIBKIT_DATA_DIR))
        if (entry.path().extension() == ".bib") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

class Cli : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "bibkit-cli-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr) << std::strerror(errno);
        m_dir = pattern;
    }

    void TearDown() override {
        std::error_code ignored;
        fs::remove_all(m_dir, ignored);
    }

    fs::path path(const std::string& name) const { return m_dir / name; }

    void write(const std::string& name, std::string_view text) const {
        std::ofstream out(path(name), std::ios::binary);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        ASSERT_TRUE(out.flush()) << "cannot write " << name;
    }

    std::string read(const std::string& name) const { return read_whole(path(name)); }

    // The names in the test directory, sorted (hidden files included).
    std::vector<std::string> listing() const {
        std::vector<std::string> names;
        for (const fs::directory_entry& entry : fs::directory_iterator(m_dir))
            names.push_back(entry.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }

    // Runs bibkit in the test directory, so that messages name files as the tests wrote them.
    RunResult run(const std::vector<std::string>& args, const RunOptions& options = {}) const {
        return run_program(m_dir, args, options);
    }

    RunResult run_with_input(const std::vector<std::string>& args, std::string input) const {
        RunOptions options;
        options.input = std::move(input);
        return run_program(m_dir, args, options);
    }

    fs::path m_dir;
};

using Strings = std::vector<std::string>;

// ---------------------------------------------------------------------------------------------
// Inputs shared by several tests.

constexpr std::string_view k_clean = R"(@article{knuth1984,
  author  = {Donald E. Knuth},
  title   = {Literate Programming},
  journal = {The Computer Journal},
  year    = 1984
}

@book{lamport1994,
  author    = {Leslie Lamport},
  title     = {LaTeX},
  publisher = {Addison-Wesley},
  year      = 1994
}
)";

// Line 8, column 3: the field after 'title' lacks the comma before it.
constexpr std::string_view k_syntax_error = R"(@article{good,
  title = {Fine},
  year = 2020
}

@article{broken,
  title = {Oops}
  year = 2021
}
)";

constexpr std::string_view k_syntax_error_report =
    R"(syntax.bib:8:3: error: expected ',' or '}' after the value of 'title', got 'y' [entry broken]
    year = 2021
    ^
)";

// A duplicate field and an undefined macro: warnings, no errors.
constexpr std::string_view k_warnings = R"(@article{dup,
  title = {One},
  Title = {Two},
  journal = jacm
}
)";

constexpr std::string_view k_warnings_report =
    R"(warn.bib:3:3: warning: duplicate field 'title': the first, at line 2, is used and this one is ignored [entry dup]
    Title = {Two},
    ^
warn.bib:4:13: warning: undefined macro 'jacm'; its value is empty [entry dup]
    journal = jacm
              ^
1 file, 1 entry: 0 errors, 2 warnings
)";

// Macros (bare, concatenated, a month), messy white space, mixed-case names, a duplicate field.
constexpr std::string_view k_convert_input = R"--(% a comment line
@String{acm = "Communications of the {ACM}"}
@preamble{"\newcommand{\noop}[1]{}"}

@ARTICLE{Smith2020,
  Author  = {John   Smith and
             Jane Doe},
  TITLE   = "A   Study",
  Journal = acm # " (Letters)",
  month   = mar,
  year    = 2020,
  title   = {Ignored duplicate},
}

@misc{other, howpublished = {online}}
)--";

constexpr std::string_view k_convert_warning =
    R"(conv.bib:12:3: warning: duplicate field 'title': the first, at line 8, is used and this one is ignored [entry Smith2020]
    title   = {Ignored duplicate},
    ^
)";

constexpr std::string_view k_convert_json = R"--([
  {
    "type": "article",
    "key": "Smith2020",
    "fields": {
      "author": "John Smith and Jane Doe",
      "title": "A Study",
      "journal": "Communications of the {ACM} (Letters)",
      "month": "March",
      "year": "2020"
    }
  },
  {
    "type": "misc",
    "key": "other",
    "fields": {
      "howpublished": "online"
    }
  }
]
)--";

constexpr std::string_view k_convert_bibtex = R"(@preamble{{\newcommand{\noop}[1]{}}}

@article{Smith2020,
  author  = {John Smith and Jane Doe},
  title   = {A Study},
  journal = {Communications of the {ACM} (Letters)},
  month   = {March},
  year    = 2020
}

@misc{other,
  howpublished = {online}
}
)";

// Everything the tidy printer changes: spacing, case, quotes, parentheses, field layout. The
// comment, the @string, the concatenation and the junk at the end are kept.
constexpr std::string_view k_messy = R"(% My references


@STRING{ jacm = "Journal of the {ACM}" }
@Article{ Knuth84 ,TITLE="Literate Programming",
    Author = {Donald E. Knuth},
 journal=jacm, Year = 1984, abstract = {Long text.}, file = {knuth.pdf}}
   @book{lamport94,
year={1994},author={Leslie Lamport},title={{LaTeX}: A Document Preparation System},
   publisher = "Addison-Wesley" # { Longman},
}
@misc(noyear, title = {Undated}, note={n})
trailing junk text
)";

constexpr std::string_view k_messy_formatted = R"(% My references

@string{jacm = {Journal of the {ACM}}}

@article{Knuth84,
  title    = {Literate Programming},
  author   = {Donald E. Knuth},
  journal  = jacm,
  year     = 1984,
  abstract = {Long text.},
  file     = {knuth.pdf}
}

@book{lamport94,
  year      = {1994},
  author    = {Leslie Lamport},
  title     = {{LaTeX}: A Document Preparation System},
  publisher = {Addison-Wesley} # { Longman}
}

@misc{noyear,
  title = {Undated},
  note  = {n}
}

trailing junk text
)";

// ---------------------------------------------------------------------------------------------
// bibkit check

TEST_F(Cli, CheckCleanFilePrintsOnlyTheSummary) {
    write("clean.bib", k_clean);
    RunResult r = run({"check", "clean.bib"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, "1 file, 2 entries: 0 errors, 0 warnings\n");
    EXPECT_EQ(r.err, "");
}

TEST_F(Cli, CheckSyntaxErrorPrintsCompilerStyleMessageWithSourceLineAndCaret) {
    write("syntax.bib", k_syntax_error);
    RunResult r = run({"check", "--syntax-only", "syntax.bib"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out,
              std::string(k_syntax_error_report) + "1 file, 2 entries: 1 error, 0 warnings\n");
    EXPECT_EQ(r.err, "");
}

TEST_F(Cli, CheckWarningsOnlyExitsWithZero) {
    write("warn.bib", k_warnings);
    RunResult r = run({"check", "--syntax-only", "warn.bib"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, k_warnings_report);
    EXPECT_EQ(r.err, "");
}

TEST_F(Cli, CheckStrictFailsOnWarnings) {
    write("warn.bib", k_warnings);
    RunResult r = run({"check", "--syntax-only", "--strict", "warn.bib"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, k_warnings_report);
}

TEST_F(Cli, CheckStrictPassesACleanFile) {
    write("clean.bib", k_clean);
    RunResult r = run({"check", "--strict", "clean.bib"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, "1 file, 2 entries: 0 errors, 0 warnings\n");
}

TEST_F(Cli, CheckMissingFileIsAnIoError) {
    RunResult r = run({"check", "nope.bib"});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "bibkit: nope.bib: No such file or directory\n");
}

TEST_F(Cli, CheckMissingFileAmongGoodOnesIsAnIoError) {
    write("clean.bib", k_clean);
    RunResult r = run({"check", "clean.bib", "missing/nope.bib"});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "bibkit: missing/nope.bib: No such file or directory\n");
}

TEST_F(Cli, CheckDirectoryIsAnIoError) {
    fs::create_directory(path("sub"));
    RunResult r = run({"check", "sub"});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "bibkit: sub: is a directory\n");
}

TEST_F(Cli, CheckUnknownOptionIsAUsageError) {
    write("clean.bib", k_clean);
    RunResult r = run({"check", "--bogus", "clean.bib"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("--bogus"), std::string::npos) << r.err;
}

TEST_F(Cli, CheckWithoutFilesIsAUsageError) {
    RunResult r = run({"check"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err, "");
}

TEST_F(Cli, CheckUnknownReportFormatIsAUsageError) {
    write("clean.bib", k_clean);
    RunResult r = run({"check", "--format", "xml", "clean.bib"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("xml"), std::string::npos) << r.err;
}

TEST_F(Cli, CheckJsonReport) {
    // A redefined macro is reported outside any entry ("key": null); an undefined one inside.
    write("j.bib", R"(@string{ven = "Venue"}
@string{ven = "Other"}
@misc{a,
  note = ven # und
}
)");
    RunResult r = run({"check", "--format", "json", "j.bib"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.err, "");
    constexpr std::string_view expected = R"({
  "files": [
    "j.bib"
  ],
  "entries": 1,
  "diagnostics": [
    {
      "severity": "warning",
      "file": "j.bib",
      "line": 2,
      "column": 9,
      "key": null,
      "code": "macro-redefined",
      "message": "macro 'ven' is redefined with a different value"
    },
    {
      "severity": "warning",
      "file": "j.bib",
      "line": 4,
      "column": 16,
      "key": "a",
      "code": "undefined-macro",
      "message": "undefined macro 'und'; its value is empty"
    }
  ]
}
)";
    EXPECT_EQ(r.out, expected);
#ifdef BIBKIT_TEST_HAVE_JSON
    nlohmann::json parsed = nlohmann::json::parse(r.out); // throws (and fails) on invalid JSON
    EXPECT_EQ(parsed, nlohmann::json::parse(expected));
    EXPECT_TRUE(parsed["diagnostics"][0]["key"].is_null());
    EXPECT_EQ(parsed["diagnostics"][1]["key"], "a");
#endif
}

TEST_F(Cli, CheckJsonReportWithErrorsExitsWithOne) {
    write("syntax.bib", k_syntax_error);
    RunResult r = run({"check", "--syntax-only", "--format", "json", "syntax.bib"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.out, R"({
  "files": [
    "syntax.bib"
  ],
  "entries": 2,
  "diagnostics": [
    {
      "severity": "error",
      "file": "syntax.bib",
      "line": 8,
      "column": 3,
      "key": "broken",
      "code": "expected-comma",
      "message": "expected ',' or '}' after the value of 'title', got 'y'"
    }
  ]
}
)");
}

TEST_F(Cli, CheckJsonReportOfACleanFileHasAnEmptyList) {
    write("clean.bib", k_clean);
    RunResult r = run({"check", "--format", "json", "clean.bib"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, R"({
  "files": [
    "clean.bib"
  ],
  "entries": 2,
  "diagnostics": []
}
)");
}

TEST_F(Cli, CheckReportsWhatTheEntriesMeanByDefault) {
    write("lint.bib",
          "@article{a, author = {A. B}, title = {T}, journal = {J}, year = 2023,\n"
          "  month = feb, day = 30}\n"
          "@misc{b, doi = {10.1000/xyz}}\n@misc{c, doi = {https://doi.org/10.1000/XYZ}}\n");
    RunResult r = run({"check", "lint.bib"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, R"(lint.bib:2:22: error: February has 28 days, not 30 [entry a]
    month = feb, day = 30}
                       ^
lint.bib:4:7: warning: same DOI 10.1000/XYZ as entry 'b': the same work entered twice? [entry c]
  @misc{c, doi = {https://doi.org/10.1000/XYZ}}
        ^
1 file, 3 entries: 1 error, 1 warning
)");
    RunResult syntax = run({"check", "--syntax-only", "lint.bib"});
    EXPECT_EQ(syntax.exit_code, 0);
    EXPECT_EQ(syntax.out, "1 file, 3 entries: 0 errors, 0 warnings\n");
}

TEST_F(Cli, CheckReadsStandardInput) {
    RunResult r = run_with_input({"check", "--syntax-only", "-"}, std::string(k_syntax_error));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(
        r.out,
        R"(<stdin>:8:3: error: expected ',' or '}' after the value of 'title', got 'y' [entry broken]
    year = 2021
    ^
1 file, 2 entries: 1 error, 0 warnings
)");
    EXPECT_EQ(r.err, "");
}

TEST_F(Cli, CheckReadsEmptyStandardInput) {
    RunResult r = run_with_input({"check", "-"}, "");
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, "1 file, 0 entries: 0 errors, 0 warnings\n");
}

TEST_F(Cli, CheckFindsDuplicateKeysAcrossFiles) {
    write("a.bib", "@misc{Same, note = {a}}\n");
    write("b.bib", "% b\n@misc{same, note = {b}}\n@misc{other, note = {c}}\n");
    RunResult r = run({"check", "a.bib", "b.bib"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(
        r.out,
        R"(b.bib:2:7: error: duplicate entry key 'same': the entry at a.bib, line 1 is kept and this one is skipped [entry same]
  @misc{same, note = {b}}
        ^
2 files, 2 entries: 1 error, 0 warnings
)");
}

TEST_F(Cli, CheckReportsAFailedWriteAsAnIoError) {
    if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full here";
    write("clean.bib", k_clean);
    RunOptions options;
    options.stdout_path = "/dev/full";
    RunResult r = run({"check", "clean.bib"}, options);
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_EQ(r.err, "bibkit: cannot write to standard output\n");
}

// ---------------------------------------------------------------------------------------------
// bibkit convert

TEST_F(Cli, ConvertToJson) {
    write("conv.bib", k_convert_input);
    RunResult r = run({"convert", "--to", "json", "conv.bib"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, k_convert_json);
    EXPECT_EQ(r.err, k_convert_warning);
#ifdef BIBKIT_TEST_HAVE_JSON
    EXPECT_EQ(nlohmann::json::parse(r.out)[0]["fields"]["month"], "March");
#endif
}

TEST_F(Cli, ConvertToCompactJson) {
    write("conv.bib", k_convert_input);
    RunResult r = run({"convert", "--to", "json", "--compact", "conv.bib"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(
        r.out,
        R"--([{"type":"article","key":"Smith2020","fields":{"author":"John Smith and Jane Doe","title":"A Study","journal":"Communications of the {ACM} (Letters)","month":"March","year":"2020"}},{"type":"misc","key":"other","fields":{"howpublished":"online"}}])--"
        "\n");
}

TEST_F(Cli, ConvertToBibtex) {
    write("conv.bib", k_convert_input);
    RunResult r = run({"convert", "--to", "bibtex", "conv.bib"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, k_convert_bibtex);
    EXPECT_EQ(r.err, k_convert_warning);
}

TEST_F(Cli, ConvertDropsDuplicateKeysAndExitsWithOne) {
    write("dupkey.bib",
          "@misc{A, note = {first}}\n@misc{a, note = {second}}\n@misc{b, note = {third}}\n");
    RunResult r = run({"convert", "--to", "json", "dupkey.bib"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, R"([
  {
    "type": "misc",
    "key": "A",
    "fields": {
      "note": "first"
    }
  },
  {
    "type": "misc",
    "key": "b",
    "fields": {
      "note": "third"
    }
  }
]
)");
    EXPECT_EQ(
        r.err,
        R"(dupkey.bib:2:7: error: duplicate entry key 'a': the entry at line 1 is kept and this one is skipped [entry a]
  @misc{a, note = {second}}
        ^
)");
}

TEST_F(Cli, ConvertReadsStandardInput) {
    RunResult r = run_with_input({"convert", "--to", "json", "-"}, std::string(k_convert_input));
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, k_convert_json);
    EXPECT_EQ(r.err.rfind("<stdin>:12:3: warning: duplicate field 'title'", 0), 0u) << r.err;
}

TEST_F(Cli, ConvertLosslessIsByteIdentical) {
    write("conv.bib", k_convert_input);
    RunResult r = run({"convert", "--to", "bibtex", "--lossless", "conv.bib"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, k_convert_input);
}

TEST_F(Cli, ConvertLosslessKeepsEveryByteOfAFileWithErrors) {
    // CRLF lines, tabs, trailing blanks, UTF-8, junk, @comment, parentheses, an unbalanced brace
    // and no final newline.
    fs::path input = fs::path(BIBKIT_TEST_DATA) / "cli" / "lossless.bib";
    std::string original = read_whole(input);
    ASSERT_FALSE(original.empty());
    RunResult r = run({"convert", "--to", "bibtex", "--lossless", input.string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, original);
    EXPECT_NE(r.err.find(": error: "), std::string::npos) << r.err;
}

TEST_F(Cli, ConvertLosslessOfSyntaxErrorIsCompleteAndExitsWithOne) {
    write("syntax.bib", k_syntax_error);
    RunResult r = run({"convert", "--to", "bibtex", "--lossless", "syntax.bib"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, k_syntax_error);
    EXPECT_EQ(r.err, k_syntax_error_report);
}

TEST_F(Cli, ConvertLosslessOfExampleData) {
    for (const std::string& file : example_data_files()) {
        RunResult r = run({"convert", "--to", "bibtex", "--lossless", file});
        EXPECT_EQ(r.exit_code, 0) << file;
        EXPECT_TRUE(r.out == read_whole(file)) << file << " does not come back byte for byte";
    }
}

TEST_F(Cli, ConvertWritesTheOutputFile) {
    write("conv.bib", k_convert_input);
    RunResult r = run({"convert", "--to", "json", "-o", "out.json", "conv.bib"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, k_convert_warning);
    EXPECT_EQ(read("out.json"), k_convert_json);
    EXPECT_EQ(listing(), (Strings{"conv.bib", "out.json"})); // no temporary file left
}

TEST_F(Cli, ConvertLosslessWritesTheOutputFileEvenWithErrors) {
    write("syntax.bib", k_syntax_error);
    RunResult r =
        run({"convert", "--to", "bibtex", "--lossless", "--output", "copy.bib", "syntax.bib"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(read("copy.bib"), k_syntax_error);
}

TEST_F(Cli, ConvertOutputInMissingDirectoryIsAnIoError) {
    write("clean.bib", k_clean);
    RunResult r = run({"convert", "--to", "json", "-o", "no/such/dir/out.json", "clean.bib"});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "bibkit: no/such/dir/out.json: No such file or directory\n");
}

TEST_F(Cli, ConvertLosslessToJsonIsAUsageError) {
    write("clean.bib", k_clean);
    RunResult r = run({"convert", "--to", "json", "--lossless", "-o", "out.json", "clean.bib"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "bibkit convert: --lossless only applies to --to bibtex\n");
    EXPECT_FALSE(fs::exists(path("out.json")));
}

TEST_F(Cli, ConvertToUnknownFormatIsAUsageError) {
    write("clean.bib", k_clean);
    RunResult r = run({"convert", "--to", "yaml", "clean.bib"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("yaml"), std::string::npos) << r.err;
}

TEST_F(Cli, ConvertWithoutTargetIsAUsageError) {
    write("clean.bib", k_clean);
    RunResult r = run({"convert", "clean.bib"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("--to"), std::string::npos) << r.err;
}

// ---------------------------------------------------------------------------------------------
// bibkit format

TEST_F(Cli, FormatMessyInput) {
    write("messy.bib", k_messy);
    RunResult r = run({"format", "messy.bib"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, k_messy_formatted);
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(read("messy.bib"), k_messy); // only printed, not written
}

TEST_F(Cli, FormatIsIdempotent) {
    write("tidy.bib", k_messy_formatted);
    RunResult r = run({"format", "tidy.bib"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, k_messy_formatted);
}

TEST_F(Cli, FormatReadsStandardInput) {
    RunResult r = run_with_input({"format", "-"}, std::string(k_messy));
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, k_messy_formatted);
    EXPECT_EQ(r.err, "");
}

TEST_F(Cli, FormatWritesTheOutputFile) {
    write("messy.bib", k_messy);
    RunResult r = run({"format", "-o", "tidy.bib", "messy.bib"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(read("tidy.bib"), k_messy_formatted);
    EXPECT_EQ(read("messy.bib"), k_messy);
}

TEST_F(Cli, FormatInPlaceRewritesTheFileAndKeepsItsPermissions) {
    write("messy.bib", k_messy);
    fs::permissions(path("messy.bib"),
                    fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    ASSERT_EQ(permission_bits(path("messy.bib")), 0640u);
    RunResult r = run({"format", "--in-place", "messy.bib"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(read("messy.bib"), k_messy_formatted);
    EXPECT_EQ(permission_bits(path("messy.bib")), 0640u);
    EXPECT_EQ(listing(), Strings{"messy.bib"}); // no temporary file left behind
}

TEST_F(Cli, FormatInPlaceRewritesEveryFileGiven) {
    write("one.bib", k_messy);
    write("two.bib", "@misc{x,note={y}}\n");
    RunResult r = run({"format", "-i", "one.bib", "two.bib"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(read("one.bib"), k_messy_formatted);
    EXPECT_EQ(read("two.bib"), "@misc{x,\n  note = {y}\n}\n");
    EXPECT_EQ(listing(), (Strings{"one.bib", "two.bib"}));
}

TEST_F(Cli, FormatInPlaceLeavesAFormattedFileUntouched) {
    write("tidy.bib", k_messy_formatted);
    set_old_modification_time(path("tidy.bib"));
    RunResult r = run({"format", "--in-place", "tidy.bib"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(read("tidy.bib"), k_messy_formatted);
    expect_old_modification_time(path("tidy.bib"));
    EXPECT_EQ(listing(), Strings{"tidy.bib"});
}

TEST_F(Cli, FormatInPlaceWritesNothingWhenAFileIsMissing) {
    write("messy.bib", k_messy);
    RunResult r = run({"format", "--in-place", "messy.bib", "nope.bib"});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_EQ(r.err, "bibkit: nope.bib: No such file or directory\n");
    EXPECT_EQ(read("messy.bib"), k_messy);
}

TEST_F(Cli, FormatInPlaceWritesThroughASymbolicLink) {
    // A site's bibliography is often a link to the file kept with the CV: the link must survive
    // and the file it points to must be the one formatted.
    write("target.bib", k_messy);
    fs::create_symlink("target.bib", path("link.bib"));
    RunResult r = run({"format", "--in-place", "link.bib"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_TRUE(fs::is_symlink(path("link.bib"))) << "the link was replaced by a regular file";
    EXPECT_EQ(read("target.bib"), k_messy_formatted);
    EXPECT_EQ(read("link.bib"), k_messy_formatted);
}

TEST_F(Cli, FormatCheckNamesAFileThatWouldChangeAndWritesNothing) {
    write("messy.bib", k_messy);
    set_old_modification_time(path("messy.bib"));
    RunResult r = run({"format", "--check", "messy.bib"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "messy.bib: would be reformatted\n");
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(read("messy.bib"), k_messy);
    expect_old_modification_time(path("messy.bib"));
    EXPECT_EQ(listing(), Strings{"messy.bib"});
}

TEST_F(Cli, FormatCheckAcceptsAFormattedFile) {
    write("tidy.bib", k_messy_formatted);
    set_old_modification_time(path("tidy.bib"));
    RunResult r = run({"format", "--check", "tidy.bib"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "");
    expect_old_modification_time(path("tidy.bib"));
}

TEST_F(Cli, FormatCheckNamesOnlyTheFilesThatWouldChange) {
    write("tidy.bib", k_messy_formatted);
    write("messy.bib", k_messy);
    RunResult r = run({"format", "--check", "tidy.bib", "messy.bib"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "messy.bib: would be reformatted\n");
    EXPECT_EQ(read("messy.bib"), k_messy);
}

TEST_F(Cli, FormatInPlaceOfStandardInputIsAUsageError) {
    RunResult r = run_with_input({"format", "--in-place", "-"}, std::string(k_messy));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "bibkit format: standard input cannot be formatted in place\n");
}

TEST_F(Cli, FormatCheckOfStandardInputIsAUsageError) {
    RunResult r = run_with_input({"format", "--check", "-"}, std::string(k_messy));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
}

TEST_F(Cli, FormatInPlaceWithOutputFileIsAUsageError) {
    write("messy.bib", k_messy);
    RunResult r = run({"format", "--in-place", "-o", "out.bib", "messy.bib"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "bibkit format: -o cannot be combined with --in-place or --check\n");
    EXPECT_EQ(read("messy.bib"), k_messy);
    EXPECT_FALSE(fs::exists(path("out.bib")));
}

TEST_F(Cli, FormatUnknownSortIsAUsageError) {
    write("messy.bib", k_messy);
    RunResult r = run({"format", "--sort", "author", "messy.bib"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
}

TEST_F(Cli, FormatSortByYearDescending) {
    // Years braced, quoted, bare, or from a biblatex date; the undated entry goes last; the
    // @string stays first; a comment travels with the entry below it.
    write("sort.bib", R"(@string{conf = {Conference}}

@misc{b2019, year = 2019, title = {Old}}
@misc{nodate, title = {Undated}}
@misc{c2021, year = "2021", title = {Quoted year}}
% About the next entry.
@misc{a2020, year = {2020}, title = {Braced year}}
@misc{d2022, date = {2022-05-01}, title = {Dated}}
)");
    RunResult r = run({"format", "--sort", "year", "--descending", "sort.bib"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.out, R"(@string{conf = {Conference}}

@misc{d2022,
  date  = {2022-05-01},
  title = {Dated}
}

@misc{c2021,
  year  = {2021},
  title = {Quoted year}
}

% About the next entry.
@misc{a2020,
  year  = {2020},
  title = {Braced year}
}

@misc{b2019,
  year  = 2019,
  title = {Old}
}

@misc{nodate,
  title = {Undated}
}
)");
}

TEST_F(Cli, FormatStripsFieldsWhateverTheirCase) {
    write("strip.bib", R"(@article{s,
  title = {T},
  Abstract = {Long.},
  FILE = {s.pdf},
  year = 2020,
  file = {dup.pdf}
}
)");
    constexpr std::string_view expected = "@article{s,\n  title = {T},\n  year  = 2020\n}\n";
    RunResult r = run({"format", "--strip", "abstract,file", "strip.bib"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, expected);
    RunResult repeated = run({"format", "--strip", "abstract", "--strip", "file", "strip.bib"});
    EXPECT_EQ(repeated.exit_code, 0);
    EXPECT_EQ(repeated.out, expected);
}

TEST_F(Cli, FormatStandardFieldOrder) {
    write("order.bib", R"(@article{rich,
  note = {A note}, url = {https://example.org}, doi = {10.1000/xyz},
  pages = {1--10}, Custom = {kept last}, year = 2020, title = {Rich},
  author = {Ann Author}, volume = 3, journal = {J}}
)");
    RunResult r = run({"format", "--field-order", "standard", "order.bib"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, R"(@article{rich,
  title   = {Rich},
  author  = {Ann Author},
  year    = 2020,
  journal = {J},
  volume  = 3,
  pages   = {1--10},
  doi     = {10.1000/xyz},
  url     = {https://example.org},
  note    = {A note},
  custom  = {kept last}
}
)");
}

TEST_F(Cli, FormatCustomFieldOrderPutsTheListedFieldsFirst) {
    write("opts.bib",
          "@Article{k1,\n  Year = 2001, TITLE = \"Quoted {Word}\", Author = {A. Author}, "
          "DOI = {10.1/x}}\n");
    RunResult r = run({"format", "--field-order", "doi,author", "opts.bib"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, R"(@article{k1,
  doi    = {10.1/x},
  author = {A. Author},
  year   = 2001,
  title  = {Quoted {Word}}
}
)");
}

TEST_F(Cli, FormatLayoutOptions) {
    write("opts.bib",
          "@Article{k1,\n  Year = 2001, TITLE = \"Quoted {Word}\", Author = {A. Author}, "
          "DOI = {10.1/x}}\n");
    RunResult r = run({"format", "--keep-quotes", "--keep-case", "--trailing-comma", "--no-align",
                       "--indent", "4", "opts.bib"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, R"(@Article{k1,
    Year = 2001,
    TITLE = "Quoted {Word}",
    Author = {A. Author},
    DOI = {10.1/x},
}
)");
}

TEST_F(Cli, FormatAcceptsUnderscoreSpellingsOfLongOptions) {
    // SPEC.md: "the long options also accept jekyll-scholar's underscore spellings".
    write("order.bib", "@misc{k, note = {n}, title = {T}}\n");
    RunResult r = run({"format", "--field_order", "standard", "order.bib"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "@misc{k,\n  title = {T},\n  note  = {n}\n}\n");
}

TEST_F(Cli, FormatKeepsABrokenEntryVerbatim) {
    write("syntax.bib", k_syntax_error);
    RunResult r = run({"format", "syntax.bib"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, R"(@article{good,
  title = {Fine},
  year  = 2020
}

@article{broken,
  title = {Oops}
  year = 2021
}
)");
    EXPECT_EQ(r.err, k_syntax_error_report);
}

TEST_F(Cli, FormatInPlaceOfABrokenFileKeepsTheBrokenEntry) {
    write("syntax.bib",
          "@Misc{ok,Note={fine}}\n\n@article{broken,\n  title = {Oops}\n  year = 2021\n}\n");
    RunResult r = run({"format", "--in-place", "syntax.bib"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(
        read("syntax.bib"),
        "@misc{ok,\n  note = {fine}\n}\n\n@article{broken,\n  title = {Oops}\n  year = 2021\n}\n");
    EXPECT_EQ(listing(), Strings{"syntax.bib"});
}

// ---------------------------------------------------------------------------------------------
// The example researcher's data

TEST_F(Cli, CheckExampleDataHasNoErrors) {
    std::vector<std::string> files = example_data_files();
    ASSERT_FALSE(files.empty()) << "no .bib files in " << BIBKIT_DATA_DIR;
    std::vector<std::string> args{"check"};
    args.insert(args.end(), files.begin(), files.end());
    RunResult r = run(args);
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_EQ(r.err, "");
    // Warnings are allowed; the summary is the last line.
    std::string summary = r.out.substr(r.out.rfind('\n', r.out.size() - 2) + 1);
    EXPECT_EQ(summary.rfind(std::to_string(files.size()) + " files, ", 0), 0u) << summary;
    EXPECT_NE(summary.find(" entries: 0 errors, "), std::string::npos) << summary;
    EXPECT_EQ(r.out.find(": error: "), std::string::npos) << r.out;
}

TEST_F(Cli, FormattingExampleDataIsStableAndKeepsEveryValue) {
    for (const std::string& file : example_data_files()) {
        RunResult once = run({"format", file});
        ASSERT_EQ(once.exit_code, 0) << file << "\n" << once.err;
        write("formatted.bib", once.out);
        RunResult twice = run({"format", "formatted.bib"});
        EXPECT_EQ(twice.exit_code, 0) << file;
        EXPECT_TRUE(twice.out == once.out) << file << ": formatting twice changes the output";
        RunResult before = run({"convert", "--to", "json", file});
        RunResult after = run({"convert", "--to", "json", "formatted.bib"});
        EXPECT_EQ(before.exit_code, 0) << file;
        EXPECT_TRUE(before.out == after.out) << file << ": formatting changes what BibTeX reads";
    }
}

// ---------------------------------------------------------------------------------------------
// The program itself

TEST_F(Cli, VersionFlag) {
    RunResult r = run({"--version"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, "bibkit 0.1.0\n");
    EXPECT_EQ(r.err, "");
}

// Every command pays for the shared libraries loaded before main; libcurl and its thirty
// dependencies are for `bibkit arxiv` alone, which loads it when it first needs it.
TEST_F(Cli, StartsWithoutLoadingTheNetworkLibrary) {
    // The dynamic loader lists what it would load, as ldd does, and runs nothing.
    ::setenv("LD_TRACE_LOADED_OBJECTS", "1", 1);
    RunResult r = run({"--version"});
    ::unsetenv("LD_TRACE_LOADED_OBJECTS");
    ASSERT_NE(r.out.find("libc.so"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("libcurl"), std::string::npos) << r.out;
}

TEST_F(Cli, NoSubcommandIsAUsageError) {
    RunResult r = run({});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err, "");
}

TEST_F(Cli, UnknownSubcommandIsAUsageError) {
    RunResult r = run({"frobnicate", "x.bib"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err, "");
}

// ---------------------------------------------------------------------------------------------
// bibkit query

constexpr const char* k_papers = "@article{a, title = {Sparse}, year = 2024, month = mar, "
                                 "keywords = {sparse nets}, author = {Durand, C.}}\n"
                                 "@inproceedings{b, title = {Gossip}, year = 2023, "
                                 "author = {M{\\\"u}ller, K.}}\n"
                                 "@article{c, title = {Old}, year = 2019}\n"
                                 "@misc{d, title = {Undated}}\n";

TEST_F(Cli, QuerySelectsGroupsAndSortsWithJekyllScholarSpellings) {
    write("papers.bib", k_papers);
    RunResult r = run({"query", "papers.bib", "-q", "@article", "--group_by", "year",
                       "--group_order", "descending"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "## 2024\na\n## 2019\nc\n");
    r = run({"query", "papers.bib", "--sort-by", "year", "--order", "ascending"});
    EXPECT_EQ(r.out, "c\nb\na\nd\n"); // missing values last
    r = run({"query", "papers.bib", "-q", "@*[author~=Müller]", "-f", "count"});
    EXPECT_EQ(r.out, "1\n");
}

TEST_F(Cli, QueryTagOptionsReadAsInAJekyllTag) {
    write("papers.bib", k_papers);
    RunResult r = run({"query", "papers.bib", "--tag-options", "-q @*[year>=2020] -g type"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "## Journal Articles\na\n## Conference Articles\nb\n");
}

TEST_F(Cli, QueryMalformedQueryIsAUsageErrorWithItsColumn) {
    write("papers.bib", k_papers);
    RunResult r = run({"query", "papers.bib", "-q", "@article[year>="});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("column 16: expected a value"), std::string::npos) << r.err;
}

TEST_F(Cli, QueryBadSettingIsAUsageError) {
    write("papers.bib", k_papers);
    RunResult r = run({"query", "papers.bib", "--group-order", "sideways"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("sideways"), std::string::npos) << r.err;
    r = run({"query", "papers.bib", "--format", "yaml"});
    EXPECT_EQ(r.exit_code, 2);
}

TEST_F(Cli, QueryRendersWithTheProjectsDefaultStyle) {
    write("papers.bib", k_papers);
    RunResult r = run({"query", "papers.bib", "-q", "@article[year=2024]", "-f", "text"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "Durand, C. (2024). Sparse.\n");
    r = run({"query", "papers.bib", "-q", "@article[year=2024]", "-g", "year", "-f", "html",
             "--locale", "en-US"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    // jekyll-scholar's markup: the web list (web_list.hpp).
    EXPECT_EQ(r.out, "<h2 class=\"bibliography\">2024</h2>\n<ol class=\"bibliography\"><li><span "
                     "id=\"a\">Durand, C. (2024). Sparse.</span></li>\n</ol>\n");
}

TEST_F(Cli, RenderExpandsTheTagsAndKeepsThePage) {
    write("papers.bib", k_papers);
    write("page.md", "---\ntitle: Papers\n---\n{{ page.title }}: {% bibliography_count %} "
                     "papers.\n{% bibliography -q @article[year=2024] %}\n{% raw %}{% cite a "
                     "%}{% endraw %}\n");
    RunResult r = run({"render", "page.md", "-f", "papers.bib", "--style", "bibkit"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "---\ntitle: Papers\n---\n{{ page.title }}: 4 papers.\n<ol "
                     "class=\"bibliography\"><li><span id=\"a\">Durand, C. (2024). "
                     "Sparse.</span></li>\n</ol>\n\n{% raw %}{% cite a %}{% endraw %}\n");
}

TEST_F(Cli, RenderReportsABadTagAtItsPosition) {
    write("papers.bib", k_papers);
    write("page.md", "Intro\n\n  {% bibliography --bogus x %}\n");
    RunResult r = run({"render", "page.md", "-f", "papers.bib"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "bibkit render: page.md:3:19: error: unknown option '--bogus'\n");
}

TEST_F(Cli, QueryStyleAndLocaleErrors) {
    write("papers.bib", k_papers);
    RunResult r = run({"query", "papers.bib", "-f", "html", "--style", "no-such-style"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("bibkit query: --style: no style named 'no-such-style' in "),
              std::string::npos)
        << r.err;
    r = run({"query", "papers.bib", "-f", "html", "--style", "styles/missing.csl"});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_EQ(r.err, "bibkit query: styles/missing.csl: no such style file\n");
    write("broken.csl", "<style xmlns=\"http://purl.org/net/xbiblio/csl\">\n<info>");
    r = run({"query", "papers.bib", "-f", "text", "--style", "./broken.csl"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("bibkit query: --style: ./broken.csl:"), std::string::npos) << r.err;
    r = run({"query", "papers.bib", "-f", "text", "--locale", "en US"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err,
              "bibkit query: --locale: 'en US' is not a locale tag (like en-US, de, pt-BR)\n");
}

TEST_F(Cli, QuerySiteReadsItsConfigAndItsBibliography) {
    fs::create_directories(path("site/_bibliography"));
    write("site/_bibliography/papers.bib", k_papers);
    write("site/_config.yml", "title: x\nscholar:\n  bibliography: papers.bib\n  group_by: year\n"
                              "  group_order: descending\n  query: \"@article\"\n");
    RunResult r = run({"query", "--site", "site"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "## 2024\na\n## 2019\nc\n");
    r = run({"query", "--site", "site", "-g", "none", "-f", "bibtex"});
    EXPECT_EQ(r.out,
              "@article{a, title = {Sparse}, year = 2024, month = mar, keywords = {sparse "
              "nets}, author = {Durand, C.}}\n\n@article{c, title = {Old}, year = 2019}\n\n");
}

TEST_F(Cli, QueryWithoutFilesOrSiteIsAUsageError) {
    RunResult r = run({"query", "-q", "@article"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("no files"), std::string::npos) << r.err;
}

TEST_F(Cli, QueryBibkitYmlInTheCurrentDirectory) {
    write("papers.bib", k_papers);
    write("bibkit.yml", "sort_by: year\norder: descending\nmax: 2\n");
    RunResult r = run({"query", "papers.bib"});
    EXPECT_EQ(r.out, "a\nb\n");
}

// bibkit feed

constexpr std::string_view k_talks = R"(@talk{seminar,
  title = {Exit Times of {SGD}},
  author = {Marchand, {\'E}lodie},
  type = {Seminar},
  venue = {Inria},
  location = {Grenoble, France},
  date = {2025-03-11T14:00},
}
@talk{workshop,
  title = {Large Deviations},
  date = {2027-05-18},
  url = {https://w.example.org/},
}
@news{n, date = {2025-01-01}, title = {Hello}}
)";

TEST_F(Cli, FeedWritesAnIcalendarOfUpcomingTalks) {
    write("talks.bib", k_talks);
    RunResult r = run({"feed", "talks.bib", "--kind", "talks", "--format", "ics", "--upcoming",
                       "--today", "2026-01-01", "--site-url", "https://me.example.org"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bibkit//bibkit " BIBKIT_VERSION
                     "//EN\r\nCALSCALE:GREGORIAN\r\nX-WR-CALNAME:Talks\r\nBEGIN:VEVENT\r\n"
                     "UID:workshop@me.example.org\r\nDTSTAMP:20270518T000000Z\r\n"
                     "DTSTART;VALUE=DATE:20270518\r\nSUMMARY:Large Deviations\r\n"
                     "DESCRIPTION:18 May 2027\r\nURL:https://w.example.org/\r\nEND:VEVENT\r\n"
                     "END:VCALENDAR\r\n");
}

TEST_F(Cli, FeedPastTalksFromSourceDateEpochAsAMarkdownList) {
    write("talks.bib", k_talks);
    // The child inherits the environment: today is 2026-01-01.
    ASSERT_EQ(::setenv("SOURCE_DATE_EPOCH", "1767225600", 1), 0);
    RunResult r = run({"feed", "talks.bib", "-k", "talks", "-f", "markdown", "--past"});
    ::unsetenv("SOURCE_DATE_EPOCH");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("### Exit Times of SGD\n\nSeminar, Inria, Grenoble, France, 11 March "
                         "2025, 14:00\n"),
              std::string::npos)
        << r.out;
    EXPECT_EQ(r.out.find("Large Deviations"), std::string::npos) << r.out;
}

TEST_F(Cli, FeedWritesTheOutputFileWithItsOwnUrl) {
    write("talks.bib", k_talks);
    RunResult r = run({"feed", "talks.bib", "-k", "news", "-f", "atom", "--site-url",
                       "https://me.example.org/", "-o", "news.xml"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "");
    std::string feed = read("news.xml");
    EXPECT_NE(feed.find("<link rel=\"self\" href=\"https://me.example.org/news.xml\"/>"),
              std::string::npos)
        << feed;
    EXPECT_NE(feed.find("<id>https://me.example.org/#n</id>"), std::string::npos) << feed;
}

TEST_F(Cli, FeedUsageErrors) {
    write("talks.bib", k_talks);
    RunResult r = run({"feed", "talks.bib", "-k", "news", "-f", "ics"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "bibkit feed: --format ics is for --kind talks\n");
    r = run({"feed", "talks.bib", "-k", "posts"});
    EXPECT_EQ(r.exit_code, 2);
    r = run({"feed", "talks.bib", "-k", "talks", "--upcoming", "--today", "tomorrow"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "bibkit feed: --today: expected a date YYYY-MM-DD, got 'tomorrow'\n");
    r = run({"feed", "talks.bib", "-k", "talks", "--upcoming", "--past"});
    EXPECT_EQ(r.exit_code, 2);
    write("bad.mustache", "{{#items}}");
    r = run({"feed", "talks.bib", "-k", "talks", "-f", "html", "--template", "bad.mustache"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(r.err.starts_with("bibkit feed: bad.mustache: ")) << r.err;
}

TEST_F(Cli, FeedIoErrors) {
    RunResult r = run({"feed", "missing.bib", "-k", "talks"});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_EQ(r.err, "bibkit: missing.bib: No such file or directory\n");
    write("talks.bib", k_talks);
    r = run({"feed", "talks.bib", "-k", "talks", "-f", "html", "--template", "none.mustache"});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_EQ(r.err, "bibkit: none.mustache: cannot read the file\n");
}

TEST_F(Cli, FeedUserTemplateAndCollectionProblems) {
    fs::create_directories(path("_news"));
    write("_news/a.md", "---\ndate: 2024-09-01\ninline: true\n---\nWe *launched* it.\n");
    write("_news/b.md", "---\ntitle: No date\n---\nx\n");
    write("list.mustache",
          "{{#items}}{{date_month}} {{{content_inline_html}}} {{url}}\n{{/items}}");
    RunResult r = run({"feed", "_news", "-k", "news", "-f", "html", "--template", "list.mustache"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "Sep 2024 We <em>launched</em> it. /news/a/\n");
    EXPECT_EQ(r.err, "_news/b.md:2:1: error: no date in the front matter: left out of the feed\n"
                     "  title: No date\n  ^\n");
}

} // namespace
