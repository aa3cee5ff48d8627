// Resolution as BibTeX 0.99d reads files: macros, month names, case folding, white space, and
// duplicates (the first wins), across one or several files.

#include "entry_lines.hpp"

#include <bibkit/bibtex/bibliography.hpp>
#include <bibkit/bibtex/database.hpp>
#include <gtest/gtest.h>
#include <string>
#include <utility>
#include <vector>

namespace bibkit::bibtex {
namespace {

using Lines = std::vector<std::string>;
using NamedText = std::pair<std::string, std::string>;

// What was read, with the sources it views into: a Database must not outlive them.
struct Read {
    Bibliography bibliography;
    Database db;
};

Read read_files(const std::vector<NamedText>& files, ValueMode mode = ValueMode::build) {
    std::vector<SourceFile> sources;
    for (const auto& [name, text] : files) sources.push_back(SourceFile::from_string(name, text));
    Read result{Bibliography::from_sources(std::move(sources)), {}};
    result.db = result.bibliography.resolve(mode);
    return result;
}

Read read(const std::string& text, ValueMode mode = ValueMode::build) {
    return read_files({{"test.bib", text}}, mode);
}

// Each entry as "type|key|name=value|name=value".
Lines entries(const Database& db) {
    return testing::entry_lines(db);
}

// Each diagnostic as "file:line:column severity code [key]".
Lines diagnostics(const Database& db) {
    Lines out;
    for (const Diagnostic& d : db.diagnostics)
        out.push_back(d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + " " +
                      std::string(to_string(d.severity)) + " " + d.code + " [" + d.key + "]");
    return out;
}

// ---- macros -------------------------------------------------------------------------------------

TEST(DatabaseMacros, StringMacrosExpandAndPartsConcatenate) {
    Read reading = read("@string{acm = \"ACM\"}\n"
                        "@article{k4, journal = acm # \" Trans\", month = jan # \"~1\", "
                        "title = \"A\" # {B} # 12}\n");
    const Database& db = reading.db;
    EXPECT_EQ(entries(db), (Lines{"article|k4|journal=ACM Trans|month=January~1|title=AB12"}));
    EXPECT_TRUE(db.diagnostics.empty());
    EXPECT_EQ(db.entry_count, 1u);
}

TEST(DatabaseMacros, MacrosMayUseEarlierMacros) {
    Read reading = read("@string{acm = {ACM}}\n@string{tog = acm # { Trans. Graph.}}\n"
                        "@article{k, journal = tog}\n");
    const Database& db = reading.db;
    EXPECT_EQ(entries(db), (Lines{"article|k|journal=ACM Trans. Graph."}));
}

TEST(DatabaseMacros, TheTwelveMonthMacrosAreFullEnglishNames) {
    Read reading = read("@misc{m, a = jan, b = feb, c = mar, d = apr, e = may, f = jun, g = jul, "
                        "h = aug, i = sep, j = oct, k = nov, l = dec}\n");
    const Database& db = reading.db;
    EXPECT_EQ(entries(db), (Lines{"misc|m|a=January|b=February|c=March|d=April|e=May|f=June|g=July|"
                                  "h=August|i=September|j=October|k=November|l=December"}));
}

TEST(DatabaseMacros, MonthMacroValue) {
    EXPECT_EQ(month_macro_value("jan"), "January");
    EXPECT_EQ(month_macro_value("SEP"), "September");
    EXPECT_EQ(month_macro_value("Dec"), "December");
    EXPECT_EQ(month_macro_value("sept"), "");
    EXPECT_EQ(month_macro_value("january"), "");
    EXPECT_EQ(month_macro_value(""), "");
}

TEST(DatabaseMacros, MacroNamesAreCaseInsensitive) {
    Read reading = read("@string{ACM = {Assoc. for Computing Machinery}}\n"
                        "@article{k, journal = acm, publisher = Acm, month = MAY}\n");
    const Database& db = reading.db;
    EXPECT_EQ(entries(db), (Lines{"article|k|journal=Assoc. for Computing Machinery|"
                                  "publisher=Assoc. for Computing Machinery|month=May"}));
}

TEST(DatabaseMacros, AnUndefinedMacroWarnsAndGivesAnEmptyValue) {
    Read reading = read("@article{k18, journal = nosuchmacro, title = {X}}\n"
                        "@article{ok, title = {After}}\n");
    const Database& db = reading.db;
    EXPECT_EQ(entries(db), (Lines{"article|k18|journal=|title=X", "article|ok|title=After"}));
    EXPECT_EQ(diagnostics(db), (Lines{"test.bib:1:25 warning undefined-macro [k18]"}));
    EXPECT_EQ(db.diagnostics[0].message, "undefined macro 'nosuchmacro'; its value is empty");
    EXPECT_EQ(db.error_count(), 0u);
}

TEST(DatabaseMacros, AMacroIsOnlyKnownAfterItsDefinition) {
    Read reading =
        read("@article{k, journal = later}\n@string{later = {L}}\n@article{k2, journal = later}\n");
    const Database& db = reading.db;
    EXPECT_EQ(entries(db), (Lines{"article|k|journal=", "article|k2|journal=L"}));
    EXPECT_EQ(diagnostics(db), (Lines{"test.bib:1:23 warning undefined-macro [k]"}));
}

TEST(DatabaseMacros, RedefiningWithADifferentValueWarnsAndTheLastDefinitionWins) {
    Read reading = read("@string{a = {x}}\n"
                        "@article{k1, title = a}\n"
                        "@string{A = {y}}\n"
                        "@string{a = {y}}\n"
                        "@article{k2, title = a}\n");
    const Database& db = reading.db;
    EXPECT_EQ(entries(db), (Lines{"article|k1|title=x", "article|k2|title=y"}));
    // Line 4 repeats the same value: no news, no warning.
    EXPECT_EQ(diagnostics(db), (Lines{"test.bib:3:9 warning macro-redefined []"}));
    EXPECT_EQ(db.diagnostics[0].message, "macro 'A' is redefined with a different value");
}

TEST(DatabaseMacros, RedefiningAMonthOnceIsExpectedTwiceWarns) {
    // Styles predefine the months, and files commonly override them: that is not news. BibTeX
    // 0.99d reads month = Jan. then month = X here.
    Read reading = read("@string{jan = {Jan.}}\n@article{k2, month = jan}\n"
                        "@string{jan = {X}}\n@article{k3, month = jan}\n");
    const Database& db = reading.db;
    EXPECT_EQ(entries(db), (Lines{"article|k2|month=Jan.", "article|k3|month=X"}));
    EXPECT_EQ(diagnostics(db), (Lines{"test.bib:3:9 warning macro-redefined []"}));
}

// ---- case and white space -----------------------------------------------------------------------

TEST(DatabaseCase, TypesAndFieldNamesAreLowerCasedKeysAreKeptAsWritten) {
    Read reading =
        read("@ARTICLE{K8, TITLE = {Upper}, Journal = JAN}\n@article{ok, title = {After}}\n");
    const Database& db = reading.db;
    EXPECT_EQ(entries(db),
              (Lines{"article|K8|title=Upper|journal=January", "article|ok|title=After"}));
    ASSERT_EQ(db.entries.size(), 2u);
    ASSERT_NE(db.entries[0].find("title"), nullptr);
    EXPECT_EQ(db.entries[0].find("title")->value, "Upper");
    EXPECT_EQ(db.entries[0].find("year"), nullptr);
}

TEST(DatabaseWhitespace, RunsOfWhiteSpaceBecomeOneSpaceAndTheEndsAreTrimmed) {
    Read reading = read("@article{k19, title = {  A\n   multi     line\n   title  }}\n");
    const Database& db = reading.db;
    EXPECT_EQ(entries(db), (Lines{"article|k19|title=A multi line title"}));
}

TEST(DatabaseWhitespace, CollapsingWorksAcrossPartsLineBreaksAndNestedBraces) {
    Read reading = read(
        "@article{k, title = \"  A \" # \" B \", pages = \" \" # {1}, note = \"a\" # { } # \"b\",\n"
        "  booktitle = {The {DNA}  of \t  {Life  x}},\n"
        "  journal = {\r\n  Line \r\n two}, edition = {   }}\n");
    const Database& db = reading.db;
    EXPECT_EQ(entries(db),
              (Lines{"article|k|title=A B|pages=1|note=a b|booktitle=The {DNA} of {Life x}|"
                     "journal=Line two|edition="}));
}

TEST(DatabaseWhitespace, AMacroKeepsTheSpacesAtItsEndsForConcatenation) {
    // BibTeX 0.99d reads title = "a x y b", note = "a b", journal = "x y": a macro's value is
    // collapsed but not trimmed; only the whole field's value is trimmed.
    Read reading =
        read("@string{sp = \" x  y \"}\n@string{e = \" \"}\n"
             "@article{k, title = \"a\" # sp # \"b\", note = \"a\" # e # \"b\", journal = sp}\n");
    const Database& db = reading.db;
    EXPECT_EQ(entries(db), (Lines{"article|k|title=a x y b|note=a b|journal=x y"}));
}

// Reference collapsing, byte by byte, for values long enough to take the 16-byte scan.
std::string collapsed(const std::string& text) {
    std::string out;
    bool pending = false;
    for (char c : text) {
        bool space = c == ' ' || (c >= '\t' && c <= '\r');
        if (space) {
            pending = true;
            continue;
        }
        if (pending && !out.empty()) out += ' ';
        pending = false;
        out += c;
    }
    return out;
}

TEST(DatabaseWhitespace, EveryKindOfWhiteSpaceAtEveryPositionOfALongValue) {
    // Positions around the 16-byte blocks, each white-space byte, alone and doubled, and bytes
    // of UTF-8 text (which must never be taken for white space) around them.
    const std::string base = "Word w\xC3\xA9rd \xE2\x80\x93 longer words here and there again";
    for (std::size_t at = 0; at <= base.size(); ++at) {
        for (const char* run : {" ", "  ", "\t", "\n", "\r\n", "\v", "\f", " \t "}) {
            std::string value = base;
            value.insert(at, run);
            Read reading = read("@misc{k, note = {" + value + "}}\n");
            ASSERT_EQ(entries(reading.db), (Lines{"misc|k|note=" + collapsed(value)}))
                << "at " << at << " run " << ::testing::PrintToString(std::string(run));
        }
    }
}

TEST(DatabaseWhitespace, NumbersAreTheirDigits) {
    Read reading = read("@misc{k, year = 2001, volume = 007}\n");
    const Database& db = reading.db;
    EXPECT_EQ(entries(db), (Lines{"misc|k|year=2001|volume=007"}));
}

// ---- duplicates ---------------------------------------------------------------------------------

TEST(DatabaseDuplicates, ARepeatedKeyIsAnErrorNamingTheFirstAndTheFirstWins) {
    Read reading = read("@article{dup, title = {First}}\n@article{dup, title = {Second}}\n"
                        "@article{ok, title = {After}}\n");
    const Database& db = reading.db;
    EXPECT_EQ(entries(db), (Lines{"article|dup|title=First", "article|ok|title=After"}));
    EXPECT_EQ(diagnostics(db), (Lines{"test.bib:2:10 error duplicate-key [dup]"}));
    EXPECT_EQ(db.diagnostics[0].message,
              "duplicate entry key 'dup': the entry at line 1 is kept and this one is skipped");
    EXPECT_EQ(db.entry_count, 2u);
    EXPECT_EQ(db.error_count(), 1u);
}

TEST(DatabaseDuplicates, KeysAreComparedCaseInsensitively) {
    Read reading = read("@book{Knuth84, title = {One}}\n\n@article{KNUTH84, title = {Two}}\n");
    const Database& db = reading.db;
    EXPECT_EQ(entries(db), (Lines{"book|Knuth84|title=One"}));
    EXPECT_EQ(diagnostics(db), (Lines{"test.bib:3:10 error duplicate-key [KNUTH84]"}));
    EXPECT_EQ(db.diagnostics[0].message,
              "duplicate entry key 'KNUTH84': the entry at line 1 is kept and this one is skipped");
}

TEST(DatabaseDuplicates, ARepeatedFieldWarnsAndTheFirstWins) {
    Read reading =
        read("@article{k6, title = {First}, TITLE = {Second}}\n@article{ok, title = {After}}\n");
    const Database& db = reading.db;
    EXPECT_EQ(entries(db), (Lines{"article|k6|title=First", "article|ok|title=After"}));
    EXPECT_EQ(diagnostics(db), (Lines{"test.bib:1:31 warning duplicate-field [k6]"}));
    EXPECT_EQ(db.diagnostics[0].message,
              "duplicate field 'title': the first, at line 1, is used and this one is ignored");
}

TEST(DatabaseDuplicates, ARepeatedFieldOnALaterLineNamesTheLineOfTheFirst) {
    Read reading = read("@article{k,\n  year = 1999,\n  title = {T},\n  Year = 2000\n}\n");
    const Database& db = reading.db;
    EXPECT_EQ(entries(db), (Lines{"article|k|year=1999|title=T"}));
    EXPECT_EQ(diagnostics(db), (Lines{"test.bib:4:3 warning duplicate-field [k]"}));
    EXPECT_EQ(db.diagnostics[0].message,
              "duplicate field 'year': the first, at line 2, is used and this one is ignored");
}

// ---- entries with problems ----------------------------------------------------------------------

TEST(DatabaseProblems, AnEntryCutShortKeepsTheFieldsReadSoFar) {
    // As BibTeX 0.99d reads E09 and E07.
    Read reading = read("@article{k9, title = {X}\n  year = {2000}}\n"
                        "@article{k7, year = 2020, volume = 12, pages = 12-34}\n"
                        "@article{ok, title = {After}}\n");
    const Database& db = reading.db;
    EXPECT_EQ(entries(db), (Lines{"article|k9|title=X", "article|k7|year=2020|volume=12|pages=12",
                                  "article|ok|title=After"}));
    ASSERT_EQ(db.entries.size(), 3u);
    EXPECT_FALSE(db.entries[0].complete);
    EXPECT_FALSE(db.entries[1].complete);
    EXPECT_TRUE(db.entries[2].complete);
    EXPECT_EQ(db.error_count(), 2u);
}

TEST(DatabaseProblems, AnEmptyKeyIsAWarning) {
    Read reading = read("@article{, title = {X}}\n@article{ok, title = {After}}\n");
    const Database& db = reading.db;
    EXPECT_EQ(entries(db), (Lines{"article||title=X", "article|ok|title=After"}));
    EXPECT_EQ(diagnostics(db), (Lines{"test.bib:1:10 warning empty-key []"}));
    EXPECT_EQ(db.diagnostics[0].message, "entry has an empty key");
}

TEST(DatabaseProblems, EntriesRememberWhereTheyCameFrom) {
    Read reading = read("@string{s = {S}}\n@misc{a}\n@comment{x}\n@misc{b}\n");
    const Database& db = reading.db;
    ASSERT_EQ(db.entries.size(), 2u);
    EXPECT_EQ(db.entries[0].raw_entry, 1u); // after the @string
    EXPECT_EQ(db.entries[1].raw_entry, 2u);
    EXPECT_EQ(db.entries[0].file, 0u);
}

// ---- preambles ----------------------------------------------------------------------------------

TEST(DatabasePreambles, AreExpandedAndKeptInOrder) {
    Read reading = read("@preamble{ \"\\newcommand{\\noopsort}[1]{}\" # \"\\def\\x{y}\" }\n"
                        "@string{p = \"\\def\\a{b}\"}\n"
                        "@preamble(p)\n"
                        "@article{ok, title = {After}}\n");
    const Database& db = reading.db;
    EXPECT_EQ(db.preambles, (Lines{"\\newcommand{\\noopsort}[1]{}\\def\\x{y}", "\\def\\a{b}"}));
    EXPECT_EQ(entries(db), (Lines{"article|ok|title=After"}));
    EXPECT_EQ(db.entry_count, 1u);
}

// ---- several files ------------------------------------------------------------------------------

TEST(DatabaseFiles, MacrosCarryAcrossFilesAndKeysRepeatedAcrossFilesNameTheOtherFile) {
    Read reading = read_files({
        {"a.bib", "@string{acm = {ACM}}\n@article{x1, journal = acm}\n"},
        {"b.bib", "@article{X1, title = {Again}}\n@article{y, journal = acm}\n"},
    });
    const Database& db = reading.db;
    EXPECT_EQ(entries(db), (Lines{"article|x1|journal=ACM", "article|y|journal=ACM"}));
    EXPECT_EQ(diagnostics(db), (Lines{"b.bib:1:10 error duplicate-key [X1]"}));
    EXPECT_EQ(
        db.diagnostics[0].message,
        "duplicate entry key 'X1': the entry at a.bib, line 2 is kept and this one is skipped");
    ASSERT_EQ(db.entries.size(), 2u);
    EXPECT_EQ(db.entries[0].file, 0u);
    EXPECT_EQ(db.entries[1].file, 1u);
    EXPECT_EQ(db.entry_count, 2u);
}

TEST(DatabaseFiles, AMacroDefinedInALaterFileIsNotKnownEarlier) {
    Read reading = read_files({
        {"a.bib", "@article{x, journal = acm}\n"},
        {"b.bib", "@string{acm = {ACM}}\n@article{y, journal = acm}\n"},
    });
    const Database& db = reading.db;
    EXPECT_EQ(entries(db), (Lines{"article|x|journal=", "article|y|journal=ACM"}));
    EXPECT_EQ(diagnostics(db), (Lines{"a.bib:1:23 warning undefined-macro [x]"}));
}

TEST(DatabaseFiles, SyntaxDiagnosticsOfEveryFileAreIncluded) {
    Read reading = read_files({
        {"a.bib", "@article{a, title {X}}\n"},
        {"b.bib", "@article{b, title = {X}\n  year = 1}\n"},
    });
    const Database& db = reading.db;
    EXPECT_EQ(diagnostics(db), (Lines{"a.bib:1:19 error expected-equals [a]",
                                      "b.bib:2:3 error expected-comma [b]"}));
    EXPECT_EQ(db.entry_count, 2u);
}

// ---- check_only ---------------------------------------------------------------------------------

TEST(DatabaseCheckOnly, GivesTheSameDiagnosticsAndCountWithoutEntries) {
    const std::vector<NamedText> files = {
        {"a.bib", "@string{acm = {ACM}}\n"
                  "@article{k1, journal = acm # undefined1, title = {T}, TITLE = undefined2}\n"
                  "@article{k2, title = {X}\n  year = 2000}\n"
                  "@article{, title = {Empty key}}\n"
                  "Contact me at foo@bar.com for details.\n"
                  "@string{acm = {Other}}\n"},
        {"b.bib", "@article{K1, journal = undefined3}\n"
                  "@article{k3, month = jan, journal = acm}\n"},
    };
    Read reading_built = read_files(files, ValueMode::build);
    const Database& built = reading_built.db;
    Read reading_checked = read_files(files, ValueMode::check_only);
    const Database& checked = reading_checked.db;
    EXPECT_EQ(diagnostics(checked), diagnostics(built));
    EXPECT_EQ(diagnostics(built), (Lines{
                                      "a.bib:4:3 error expected-comma [k2]",
                                      "a.bib:6:26 warning stray-at []",
                                      "a.bib:2:30 warning undefined-macro [k1]",
                                      "a.bib:2:55 warning duplicate-field [k1]",
                                      "a.bib:2:63 warning undefined-macro [k1]",
                                      "a.bib:5:10 warning empty-key []",
                                      "a.bib:7:9 warning macro-redefined []",
                                      "b.bib:1:10 error duplicate-key [K1]",
                                      "b.bib:1:24 warning undefined-macro [K1]",
                                  }));
    EXPECT_EQ(checked.entry_count, built.entry_count);
    EXPECT_EQ(built.entry_count, 4u);
    EXPECT_EQ(built.entries.size(), 4u);
    EXPECT_TRUE(checked.entries.empty());
}

} // namespace
} // namespace bibkit::bibtex
