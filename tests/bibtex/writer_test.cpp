// Writing BibTeX back: byte for byte from the syntax layer, or tidy from the resolved entries.

#include <bibkit/bibtex/bibliography.hpp>
#include <bibkit/bibtex/parser.hpp>
#include <bibkit/bibtex/writer.hpp>
#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace bibkit::bibtex {
namespace {

std::string lossless(const std::string& text) {
    SourceFile source = SourceFile::from_string("test.bib", text);
    RawDatabase db = parse(source);
    std::string out;
    write_lossless(db, out);
    return out;
}

// The entries and preambles read from text, written back tidy.
std::string resolved(const std::string& text) {
    std::vector<SourceFile> sources;
    sources.push_back(SourceFile::from_string("test.bib", text));
    Bibliography bibliography = Bibliography::from_sources(std::move(sources));
    std::string out;
    write_resolved(bibliography.resolve(), out); // the entries view into the bibliography's text
    return out;
}

// ---- write_lossless -----------------------------------------------------------------------------

const std::vector<std::string> k_tricky = {
    "",
    "no entries at all",
    "@article{k, title = {T}}",                             // no final line break
    "\xEF\xBB\xBF@misc{bom, title = {X}}\n",                // byte order mark
    "@article{k1,\r\n  title = {CRLF}\r\n}\r\n\r\n",        // Windows line breaks
    "\t@ARTICLE ( k , TITLE = \"q\" # {b} # 12 # jan ) \n", // odd spacing, parentheses
    std::string("@misc{nul, note = {a\0b}}\n\0\n", 27),     // NUL bytes
    "@misc{latin1, author = {M\xFCller}}\n\xFF\xFE\n",      // invalid UTF-8
    "@comment{ @article{hidden, title = {Hidden}} }\n@comment(paren ) rest)\n@comment line\n",
    "@string{acm = \"ACM\"}\n@preamble{ \"\\def\\x{y}\" }\n",
    "Contact me at foo@bar.com.\n% a comment\n@article{ok, title = {After}}\n",
    "@article{k9, title = {X}\n  year = {2000}}\n@article{ok, title = {After}}\n",
    "@article{k10, title = {Taylor {{\\&} Francis}, year = {2000}}\n\n@article{ok}\n",
    "@article{k, title = {Open {brace,\n  year = {2000}}\n@article{ok, title = {After}}\n",
    "@article{k12, title = \"a } b\", note = {x}}\n@article{ok}\n",
    "@article{k, title = {X},\n  year = 2000\n",
    "@comment{never closed\n@misc{m}\n",
    "}}}} {{{{ @ @@ @{ @x @x{ \"",
};

TEST(WriteLossless, GivesBackEveryInputByteForByte) {
    for (const std::string& input : k_tricky) {
        SCOPED_TRACE(input);
        EXPECT_EQ(lossless(input), input);
    }
}

TEST(WriteLossless, AppendsToTheOutput) {
    SourceFile source = SourceFile::from_string("test.bib", "@misc{a}\n");
    RawDatabase db = parse(source);
    std::string out = "% header\n";
    write_lossless(db, out);
    EXPECT_EQ(out, "% header\n@misc{a}\n");
}

// ---- write_resolved -----------------------------------------------------------------------------

TEST(WriteResolved, PreamblesThenEntriesWithMacrosExpandedAndNamesAligned) {
    EXPECT_EQ(
        resolved("@preamble{\"\\def\\x{y}\"}\n"
                 "@string{acm = {ACM}}\n"
                 "@Article{K1, Title = \"A \" # {B}, YEAR = 2001, journal = acm, pages = {1--2}}\n"
                 "@misc{m, year = {2020}, month = oct, note = {  spaced \n  out }}\n"),
        "@preamble{{\\def\\x{y}}}\n"
        "\n"
        "@article{K1,\n"
        "  title   = {A B},\n"
        "  year    = 2001,\n"
        "  journal = {ACM},\n"
        "  pages   = {1--2}\n"
        "}\n"
        "\n"
        "@misc{m,\n"
        "  year  = 2020,\n"
        "  month = {October},\n"
        "  note  = {spaced out}\n"
        "}\n");
}

TEST(WriteResolved, DuplicatesAreDroppedAsWhenReading) {
    EXPECT_EQ(resolved("@misc{a, title = {First}, TITLE = {Second}}\n@misc{A, title = {Other}}\n"),
              "@misc{a,\n"
              "  title = {First}\n"
              "}\n");
}

TEST(WriteResolved, EmptyValuesAndEntriesWithoutFields) {
    EXPECT_EQ(resolved("@misc{solo}\n@misc{e, journal = undefined, note = {}}\n"),
              "@misc{solo\n"
              "}\n"
              "\n"
              "@misc{e,\n"
              "  journal = {},\n"
              "  note    = {}\n"
              "}\n");
}

TEST(WriteResolved, NothingToWriteGivesNothing) {
    EXPECT_EQ(resolved("just text\n"), "");
}

TEST(WriteResolved, ReadingTheOutputGivesTheSameEntries) {
    std::string first =
        resolved("@string{j = {J.}}\n"
                 "@article{k, journal = j # { Comput.}, title = \"On {\"}quotes{\"}\",\n"
                 "  pages = 12 # {--} # 34, note = {a @misc{x, y} b}}\n");
    EXPECT_EQ(first, "@article{k,\n"
                     "  journal = {J. Comput.},\n"
                     "  title   = {On {\"}quotes{\"}},\n"
                     "  pages   = {12--34},\n"
                     "  note    = {a @misc{x, y} b}\n"
                     "}\n");
    EXPECT_EQ(resolved(first), first);
}

TEST(WriteResolved, AKeyWithAClosingBraceReadsBackAsTheSameEntry) {
    // BibTeX 0.99d reads the key "a}b" from a parenthesized entry; between braces it would end
    // the entry, so the output must use parentheses for it, as the formatter does.
    std::string first = resolved("@misc(a}b, title = {T})\n@misc{ok, title = {After}}\n");
    EXPECT_EQ(resolved(first), first);
    EXPECT_EQ(first.substr(0, first.find('\n')), "@misc(a}b,") << first;
}

TEST(AppendBraced, WrapsTheTextInBraces) {
    std::string out = "title = ";
    append_braced(out, "The {DNA}");
    EXPECT_EQ(out, "title = {The {DNA}}");
    std::string empty;
    append_braced(empty, "");
    EXPECT_EQ(empty, "{}");
}

} // namespace
} // namespace bibkit::bibtex
