// Diagnostics: file:line:col, the entry key, and the source line with a caret under the column.

#include <bibkit/core/diagnostic.hpp>
#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace bibkit {
namespace {

const char* const k_entry = "@article{k1,\n"
                            "  title {X},\n"
                            "}\n";

TEST(MakeDiagnostic, FillsPositionKeyAndSourceLineFromAnOffset) {
    SourceFile source = SourceFile::from_string("refs.bib", k_entry);
    // Offset 21 is the '{' after "title" on line 2.
    Diagnostic d = make_diagnostic(source, 21, Severity::error, "expected-equals",
                                   "expected '=' after the field name 'title', got '{'", "k1");
    EXPECT_EQ(d.severity, Severity::error);
    EXPECT_EQ(d.code, "expected-equals");
    EXPECT_EQ(d.message, "expected '=' after the field name 'title', got '{'");
    EXPECT_EQ(d.file, "refs.bib");
    EXPECT_EQ(d.line, 2u);
    EXPECT_EQ(d.column, 9u);
    EXPECT_EQ(d.key, "k1");
    EXPECT_EQ(d.source_line, "  title {X},");
}

TEST(MakeDiagnostic, WithoutAKeyTheKeyIsEmpty) {
    SourceFile source = SourceFile::from_string("refs.bib", "junk @ here\n");
    Diagnostic d = make_diagnostic(source, 5, Severity::warning, "stray-at", "stray '@'");
    EXPECT_EQ(d.key, "");
    EXPECT_EQ(d.line, 1u);
    EXPECT_EQ(d.column, 6u);
    EXPECT_EQ(d.source_line, "junk @ here");
}

TEST(MakeDiagnostic, ColumnsCountCodePointsAndCrLfIsNotPartOfTheLine) {
    SourceFile source = SourceFile::from_string("u.bib", "@misc{caf\xC3\xA9, x}\r\n");
    // Offset 13 is the 'x': "@misc{café, " is 12 code points in 13 bytes.
    Diagnostic d = make_diagnostic(source, 13, Severity::error, "c", "m", "caf\xC3\xA9");
    EXPECT_EQ(d.column, 13u);
    EXPECT_EQ(d.source_line, "@misc{caf\xC3\xA9, x}");
}

TEST(MakeDiagnostic, AVeryLongLineIsShownAsAWindowAroundTheSpot) {
    SourceFile source = SourceFile::from_string("long.bib", std::string(500, 'a') + "X" +
                                                                std::string(500, 'b') + "\n");
    Diagnostic d = make_diagnostic(source, 500, Severity::error, "c", "m");
    EXPECT_EQ(d.column, 501u);
    EXPECT_EQ(d.source_line, "..." + std::string(60, 'a') + "X" + std::string(59, 'b') + "...");
    EXPECT_EQ(d.source_column, 64u); // after "..." and 60 letters
    std::string shown = format_diagnostic(d, true);
    EXPECT_EQ(shown.substr(shown.rfind('\n', shown.size() - 2) + 1),
              "  " + std::string(63, ' ') + "^\n");
}

TEST(MakeDiagnostic, ANearStartSpotOnALongLineShowsTheLineStart) {
    // Lines up to 120 bytes are shown whole; longer ones as 60 bytes either side of the spot.
    SourceFile source = SourceFile::from_string("long.bib", std::string(1000, 'a') + "\n");
    Diagnostic d = make_diagnostic(source, 10, Severity::error, "c", "m");
    EXPECT_EQ(d.source_line, std::string(70, 'a') + "...");
    EXPECT_EQ(d.source_column, 11u);
}

TEST(SeverityToString, NamesBothSeverities) {
    EXPECT_EQ(to_string(Severity::error), "error");
    EXPECT_EQ(to_string(Severity::warning), "warning");
}

Diagnostic sample(Severity severity, std::string key, std::string source_line,
                  std::uint32_t column) {
    Diagnostic d;
    d.severity = severity;
    d.code = "expected-equals";
    d.message = "expected '=' after the field name 'title', got '{'";
    d.file = "refs.bib";
    d.line = 2;
    d.column = column;
    d.key = std::move(key);
    d.source_line = std::move(source_line);
    return d;
}

TEST(FormatDiagnostic, OneLineWithoutTheSourceLine) {
    Diagnostic d = sample(Severity::error, "k1", "  title {X},", 9);
    EXPECT_EQ(
        format_diagnostic(d, false),
        "refs.bib:2:9: error: expected '=' after the field name 'title', got '{' [entry k1]\n");
}

TEST(FormatDiagnostic, WithTheSourceLineAndACaretUnderTheColumn) {
    Diagnostic d = sample(Severity::error, "k1", "  title {X},", 9);
    EXPECT_EQ(format_diagnostic(d, true),
              "refs.bib:2:9: error: expected '=' after the field name 'title', got '{' [entry k1]\n"
              "    title {X},\n"
              "          ^\n");
}

TEST(FormatDiagnostic, AWarningWithoutAKeyHasNoEntrySuffix) {
    Diagnostic d = sample(Severity::warning, "", "  title {X},", 1);
    EXPECT_EQ(format_diagnostic(d, true),
              "refs.bib:2:1: warning: expected '=' after the field name 'title', got '{'\n"
              "    title {X},\n"
              "  ^\n");
}

TEST(FormatDiagnostic, TheCaretLineCopiesTabsSoItLinesUpInAnyTerminal) {
    Diagnostic d = sample(Severity::error, "k", "\ttitle\t{X},", 8);
    EXPECT_EQ(format_diagnostic(d, true),
              "refs.bib:2:8: error: expected '=' after the field name 'title', got '{' [entry k]\n"
              "  \ttitle\t{X},\n"
              "  \t     \t^\n");
}

TEST(FormatDiagnostic, TheCaretLineHasOneSpacePerCodePoint) {
    // "  title = {Café} x": the 'x' is column 18 although it is byte 19.
    Diagnostic d = sample(Severity::error, "k", "  title = {Caf\xC3\xA9} x", 18);
    std::string text = format_diagnostic(d, true);
    EXPECT_EQ(text.substr(text.find('\n') + 1), "    title = {Caf\xC3\xA9} x\n"
                                                "                   ^\n");
}

TEST(FormatDiagnostic, ACaretAtTheEndOfTheLinePointsPastTheLastCharacter) {
    Diagnostic d = sample(Severity::error, "", "ab", 3);
    std::string text = format_diagnostic(d, true);
    EXPECT_EQ(text.substr(text.find('\n') + 1), "  ab\n"
                                                "    ^\n");
}

TEST(FormatDiagnostic, NoSourceLineWhenThereIsNoPosition) {
    Diagnostic d = sample(Severity::error, "", "", 0);
    d.line = 0;
    EXPECT_EQ(format_diagnostic(d, true),
              "refs.bib:0:0: error: expected '=' after the field name 'title', got '{'\n");
}

TEST(CountErrors, CountsOnlyErrors) {
    std::vector<Diagnostic> diagnostics;
    EXPECT_EQ(count_errors(diagnostics), 0u);
    diagnostics.push_back(sample(Severity::warning, "", "", 1));
    EXPECT_EQ(count_errors(diagnostics), 0u);
    diagnostics.push_back(sample(Severity::error, "", "", 1));
    diagnostics.push_back(sample(Severity::warning, "", "", 1));
    diagnostics.push_back(sample(Severity::error, "", "", 1));
    EXPECT_EQ(count_errors(diagnostics), 2u);
}

} // namespace
} // namespace bibkit
