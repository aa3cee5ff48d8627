// The tidy printer: one layout for every entry, and nothing else changed. Whatever the options,
// formatting twice changes nothing, and the formatted file reads as the same entries.

#include "entry_lines.hpp"

#include <algorithm>
#include <bibkit/bibtex/bibliography.hpp>
#include <bibkit/bibtex/formatter.hpp>
#include <bibkit/bibtex/parser.hpp>
#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace bibkit::bibtex {
namespace {

using Lines = std::vector<std::string>;

std::string format(const std::string& text, const FormatOptions& options = {}) {
    SourceFile source = SourceFile::from_string("test.bib", text);
    RawDatabase db = parse(source);
    std::string out;
    format_file(db, options, out);
    return out;
}

// The entry keys of a text, in order.
Lines keys(const std::string& text) {
    SourceFile source = SourceFile::from_string("test.bib", text);
    RawDatabase db = parse(source);
    Lines out;
    for (const Block& block : db.blocks())
        if (block.kind == BlockKind::entry)
            out.emplace_back(db.text(db.entries()[block.entry].key));
    return out;
}

// What BibTeX reads from a text: "type|key|name=value|…" per entry, then "P|…" per preamble.
Lines reading(const std::string& text) {
    std::vector<SourceFile> sources;
    sources.push_back(SourceFile::from_string("test.bib", text));
    Bibliography bibliography = Bibliography::from_sources(std::move(sources));
    Database db = bibliography.resolve(); // views into the bibliography's text
    Lines out = testing::entry_lines(db);
    for (const std::string& preamble : db.preambles) out.push_back("P|" + preamble);
    return out;
}

const std::string k_knuth = "@Article{Knuth84,\n"
                            "  Title = \"Literate Programming\",\n"
                            "  author={Donald E. Knuth},\n"
                            "     YEAR = 1984,\n"
                            "  journal = cj # \" (UK)\"\n"
                            "}\n";

// ---- layout -------------------------------------------------------------------------------------

TEST(FormatLayout, DefaultAlignsEqualsSignsIndentsByTwoAndUsesBraces) {
    EXPECT_EQ(format(k_knuth), "@article{Knuth84,\n"
                               "  title   = {Literate Programming},\n"
                               "  author  = {Donald E. Knuth},\n"
                               "  year    = 1984,\n"
                               "  journal = cj # { (UK)}\n"
                               "}\n");
}

TEST(FormatLayout, WithoutAlignment) {
    FormatOptions options;
    options.align_equals = false;
    EXPECT_EQ(format(k_knuth, options), "@article{Knuth84,\n"
                                        "  title = {Literate Programming},\n"
                                        "  author = {Donald E. Knuth},\n"
                                        "  year = 1984,\n"
                                        "  journal = cj # { (UK)}\n"
                                        "}\n");
}

TEST(FormatLayout, Indent) {
    FormatOptions four;
    four.indent = 4;
    EXPECT_EQ(format("@misc{k, title = {T}, year = 2000}", four), "@misc{k,\n"
                                                                  "    title = {T},\n"
                                                                  "    year  = 2000\n"
                                                                  "}\n");
    FormatOptions none;
    none.indent = 0;
    EXPECT_EQ(format("@misc{k, title = {T}, year = 2000}", none), "@misc{k,\n"
                                                                  "title = {T},\n"
                                                                  "year  = 2000\n"
                                                                  "}\n");
}

TEST(FormatLayout, QuotedValuesBecomeBracedUnlessAskedToKeepThem) {
    const std::string input =
        "@misc{k, title = \"A {\"}quoted{\"} title\", note = \"x\" # {y} # \"z\"}\n";
    EXPECT_EQ(format(input), "@misc{k,\n"
                             "  title = {A {\"}quoted{\"} title},\n"
                             "  note  = {x} # {y} # {z}\n"
                             "}\n");
    FormatOptions keep;
    keep.delimiters = Delimiters::keep;
    EXPECT_EQ(format(input, keep), "@misc{k,\n"
                                   "  title = \"A {\"}quoted{\"} title\",\n"
                                   "  note  = \"x\" # {y} # \"z\"\n"
                                   "}\n");
}

TEST(FormatLayout, TypeAndFieldNamesAreLowerCasedUnlessAskedToKeepThem) {
    FormatOptions keep;
    keep.name_case = NameCase::keep;
    EXPECT_EQ(format(k_knuth, keep), "@Article{Knuth84,\n"
                                     "  Title   = {Literate Programming},\n"
                                     "  author  = {Donald E. Knuth},\n"
                                     "  YEAR    = 1984,\n"
                                     "  journal = cj # { (UK)}\n"
                                     "}\n");
}

TEST(FormatLayout, TrailingComma) {
    FormatOptions options;
    options.trailing_comma = true;
    EXPECT_EQ(format("@misc{k, title = {T}}", options), "@misc{k,\n"
                                                        "  title = {T},\n"
                                                        "}\n");
}

TEST(FormatLayout, StringsPreamblesAndEntriesWithoutFields) {
    EXPECT_EQ(format("@STRING( ACM = \"Assoc.\" # { Comp.} )\n@PREAMBLE{ \"\\def\\x{y}\" }\n@MISC{ "
                     "onlykey }\n"),
              "@string{ACM = {Assoc.} # { Comp.}}\n"
              "\n"
              "@preamble{{\\def\\x{y}}}\n"
              "\n"
              "@misc{onlykey}\n");
}

TEST(FormatLayout, AKeyWithAClosingBraceKeepsParentheses) {
    EXPECT_EQ(format("@misc(a}b, title = {T})\n"), "@misc(a}b,\n"
                                                   "  title = {T}\n"
                                                   ")\n");
}

// ---- field order and stripping ------------------------------------------------------------------

const std::string k_scrambled = "@misc{k, zzz = {1}, journal = {J}, year = 2000, author = {A}, url "
                                "= {U}, title = {T}, aaa = {2}}\n";

TEST(FormatFields, KeepsTheOriginalOrderByDefault) {
    EXPECT_EQ(format(k_scrambled), "@misc{k,\n"
                                   "  zzz     = {1},\n"
                                   "  journal = {J},\n"
                                   "  year    = 2000,\n"
                                   "  author  = {A},\n"
                                   "  url     = {U},\n"
                                   "  title   = {T},\n"
                                   "  aaa     = {2}\n"
                                   "}\n");
}

TEST(FormatFields, StandardOrderPutsKnownFieldsFirstAndTheRestAfterInTheirOrder) {
    FormatOptions options;
    options.field_order = FieldOrder::standard;
    EXPECT_EQ(format(k_scrambled, options), "@misc{k,\n"
                                            "  title   = {T},\n"
                                            "  author  = {A},\n"
                                            "  year    = 2000,\n"
                                            "  journal = {J},\n"
                                            "  url     = {U},\n"
                                            "  zzz     = {1},\n"
                                            "  aaa     = {2}\n"
                                            "}\n");
}

TEST(FormatFields, StandardOrderStartsWithTitleAuthorEditorYear) {
    const std::vector<std::string>& order = standard_field_order();
    ASSERT_GE(order.size(), 5u);
    EXPECT_EQ(Lines(order.begin(), order.begin() + 5),
              (Lines{"title", "shorttitle", "author", "editor", "year"}));
}

TEST(FormatFields, CustomOrderIsCaseInsensitive) {
    FormatOptions options;
    options.field_order = FieldOrder::custom;
    options.custom_order = {"YEAR", "title"};
    EXPECT_EQ(format(k_scrambled, options), "@misc{k,\n"
                                            "  year    = 2000,\n"
                                            "  title   = {T},\n"
                                            "  zzz     = {1},\n"
                                            "  journal = {J},\n"
                                            "  author  = {A},\n"
                                            "  url     = {U},\n"
                                            "  aaa     = {2}\n"
                                            "}\n");
}

TEST(FormatFields, StrippedFieldsAreRemovedCaseInsensitivelyAndDoNotWidenTheAlignment) {
    FormatOptions options;
    options.strip_fields = {"abstract", "File"};
    EXPECT_EQ(
        format("@misc{k, title = {T}, Abstract = {Long text.}, file = {a.pdf}, year = 2000}\n",
               options),
        "@misc{k,\n"
        "  title = {T},\n"
        "  year  = 2000\n"
        "}\n");
}

// ---- sorting ------------------------------------------------------------------------------------

TEST(FormatSort, ByKeyCaseInsensitivelyNeverAcrossADefinition) {
    // Moving `b` below the @string, or `A` above it, could change what a macro means.
    FormatOptions options;
    options.sort = EntrySort::key;
    EXPECT_EQ(format("@article{d, title = {D}}\n"
                     "@article{b, title = {B}}\n"
                     "@string{x = {X}}\n"
                     "@article{c, title = {C}}\n"
                     "@article{A, title = x}\n",
                     options),
              "@article{b,\n"
              "  title = {B}\n"
              "}\n"
              "\n"
              "@article{d,\n"
              "  title = {D}\n"
              "}\n"
              "\n"
              "@string{x = {X}}\n"
              "\n"
              "@article{A,\n"
              "  title = x\n"
              "}\n"
              "\n"
              "@article{c,\n"
              "  title = {C}\n"
              "}\n");
}

TEST(FormatSort, CommentsTravelWithTheEntryBelowThem) {
    FormatOptions options;
    options.sort = EntrySort::key;
    EXPECT_EQ(format("% about c\n"
                     "@article{c, year = 2000}\n"
                     "\n"
                     "% about a\n"
                     "% (two lines)\n"
                     "@article{a, year = 2010}\n"
                     "\n"
                     "% end of file\n",
                     options),
              "% about a\n"
              "% (two lines)\n"
              "@article{a,\n"
              "  year = 2010\n"
              "}\n"
              "\n"
              "% about c\n"
              "@article{c,\n"
              "  year = 2000\n"
              "}\n"
              "\n"
              "% end of file\n");
}

const std::string k_years = "@misc{y2010, year = 2010}\n"
                            "@misc{none, title = {No year}}\n"
                            "@misc{y999, year = 999}\n"
                            "@misc{d2015, date = {2015-03-01}}\n"
                            "@misc{y2001, year = {2001}}\n"
                            "@misc{y2020, year = \"2020\"}\n";

TEST(FormatSort, ByYearComparesNumbersAsNumbersAndPutsMissingYearsLast) {
    FormatOptions options;
    options.sort = EntrySort::year;
    std::string out = format(k_years + "@misc{ymacro, year = someyear}\n", options);
    EXPECT_EQ(keys(out), (Lines{"y999", "y2001", "y2010", "d2015", "y2020", "none", "ymacro"}));
    EXPECT_EQ(out.substr(0, out.find("\n\n")), "@misc{y999,\n  year = 999\n}");
}

TEST(FormatSort, ByYearDescendingStillPutsMissingYearsLast) {
    FormatOptions options;
    options.sort = EntrySort::year;
    options.descending = true;
    EXPECT_EQ(keys(format(k_years, options)),
              (Lines{"y2020", "d2015", "y2010", "y2001", "y999", "none"}));
}

TEST(FormatSort, EqualYearsKeepTheirKeyOrder) {
    FormatOptions options;
    options.sort = EntrySort::year;
    EXPECT_EQ(keys(format("@misc{b, year = 2000}\n@misc{a, year = 2000}\n@misc{c, year = 1999}\n",
                          options)),
              (Lines{"c", "a", "b"}));
}

TEST(FormatSort, ByType) {
    FormatOptions options;
    options.sort = EntrySort::type;
    EXPECT_EQ(keys(format("@misc{m}\n@Book{b2}\n@article{a}\n@book{b1}\n", options)),
              (Lines{"a", "b1", "b2", "m"}));
}

TEST(FormatSort, SortingKeepsTheValueOfAMacroThatIsRedefined) {
    // k1 reads title = "x" and k0 title = "y". Moving both @string commands above the sorted
    // entries would give k1 the value "y".
    const std::string input = "@string{a = {x}}\n"
                              "@article{k1, title = a}\n"
                              "@string{a = {y}}\n"
                              "@article{k0, title = a}\n";
    FormatOptions options;
    options.sort = EntrySort::key;
    std::string out = format(input, options);
    Lines before = reading(input), after = reading(out);
    std::sort(before.begin(), before.end());
    std::sort(after.begin(), after.end());
    EXPECT_EQ(before, (Lines{"article|k0|title=y", "article|k1|title=x"}));
    EXPECT_EQ(after, before) << out;
}

// ---- what the formatter must not touch ----------------------------------------------------------

TEST(FormatKeeps, BrokenEntriesVerbatim) {
    EXPECT_EQ(
        format("@article{k9, title = {X}\n  year = {2000}}\n@article{ok, title = \"After\"}\n"),
        "@article{k9, title = {X}\n"
        "  year = {2000}}\n"
        "\n"
        "@article{ok,\n"
        "  title = {After}\n"
        "}\n");
}

TEST(FormatKeeps, CommentsAndTextBetweenEntries) {
    EXPECT_EQ(format("This file is mine.\n"
                     "\n"
                     "\n"
                     "@comment{keep me}\n"
                     "% Knuth's paper\n"
                     "@article{a, title={T}}\n"
                     "Contact me at foo@bar.com for details.\n"
                     "@misc{b}\n"
                     "\n"
                     "Trailing words\n"),
              "This file is mine.\n"
              "\n"
              "@comment{keep me}\n"
              "\n"
              "% Knuth's paper\n"
              "@article{a,\n"
              "  title = {T}\n"
              "}\n"
              "\n"
              "Contact me at foo@bar.com for details.\n"
              "@misc{b}\n"
              "\n"
              "Trailing words\n");
}

TEST(FormatKeeps, AnEmptyFileStaysEmpty) {
    EXPECT_EQ(format(""), "");
    EXPECT_EQ(format("\n\n  \n"), "");
}

// ---- properties over many inputs ----------------------------------------------------------------

// The BibTeX edge cases (corpora/edge E01-E22), inline, and a few more.
const std::vector<std::string> k_inputs = {
    "@article(k1, title = \"Paren Title\", year = 2001)\n@article{ok, title = {After}}\n",
    "@comment{ @article{hidden, title = {Hidden}} }\n@article{ok, title = {After}}\n",
    "Contact me at foo@bar.com for details.\n@article{ok, title = {After}}\n",
    "@string{acm = \"ACM\"}\n@article{k4, journal = acm # \" Trans\", month = jan # \"~1\", title "
    "= \"A\" # {B} # 12}\n",
    "@article{dup, title = {First}}\n@article{dup, title = {Second}}\n@article{ok, title = "
    "{After}}\n",
    "@article{k6, title = {First}, title = {Second}}\n@article{ok, title = {After}}\n",
    "@article{k7, year = 2020, volume = 12, pages = 12-34}\n@article{ok, title = {After}}\n",
    "@ARTICLE{K8, TITLE = {Upper}, Journal = JAN}\n@article{ok, title = {After}}\n",
    "@article{k9, title = {X}\n  year = {2000}}\n@article{ok, title = {After}}\n",
    "@article{k10, title = {Taylor {{\\&} Francis}, year = {2000}}\n\n@article{ok, title = "
    "{After}}\n",
    "@article{k11, title = {X}, % a comment, with = {junk}\n  year = {2000}}\n@article{ok, title = "
    "{After}}\n",
    "@article{k12, title = \"a {\"} b\", note = \"x {\\\"o} y\"}\n@article{ok, title = {After}}\n",
    "@article{k13, note = {mail a@b.org}, title = \"x @ y\"}\n@article{ok, title = {After}}\n",
    "@article{k14, title = {X},}\n@article{ok, title = {After}}\n",
    "@article{a:b/c-d.e_f+g, title = {X}}\n@article{ok, title = {After}}\n",
    "@article{, title = {X}}\n@article{ok, title = {After}}\n",
    "@article{1234, title = {X}}\n@article{ok, title = {After}}\n",
    "@article{k18, journal = nosuchmacro, title = {X}}\n@article{ok, title = {After}}\n",
    "@article{k19, title = {  A\n   multi     line\n   title  }}\n@article{ok, title = {After}}\n",
    "@preamble{ \"\\newcommand{\\noopsort}[1]{}\" # \"\\def\\x{y}\" }\n@article{ok, title = "
    "{After}}\n",
    "@ article { k21 , title = {Spaced} }\n@article{ok, title = {After}}\n",
    "@comment(this is ) a comment)\n@article{ok, title = {After}}\n",
    "@article{k, title = {Open {brace,\n  year = {2000}}\n@article{ok, title = {After}}\n",
    "@article{k12, title = \"a } b\", note = {x}}\n@article{ok, title = {After}}\n",
    "@article{k, title = {X},\n  year = 2000\n",
    "\xEF\xBB\xBF% BOM\r\n@misc{crlf,\r\n  title = {Line\r\n  two},\r\n}\r\n",
    "@misc(a}b, title = {T})\n@misc{c, author = \"{\\\"O}zt{\\\"u}rk\" # { and } # others}\n",
    "@article{a, title = {T}} % same-line note\n@article{b, title = {U}}\n",
    "% head\n@comment{c1}\n% between\n@comment note\n@string{s = {S}}\n\n\n@misc{m, title = "
    "s}\ntail",
};

const std::vector<FormatOptions> k_option_sets = [] {
    std::vector<FormatOptions> sets(6);
    sets[1].align_equals = false;
    sets[1].indent = 4;
    sets[1].trailing_comma = true;
    sets[2].delimiters = Delimiters::keep;
    sets[2].name_case = NameCase::keep;
    sets[3].field_order = FieldOrder::standard;
    sets[3].sort = EntrySort::key;
    sets[4].sort = EntrySort::year;
    sets[4].descending = true;
    sets[5].field_order = FieldOrder::custom;
    sets[5].custom_order = {"year", "title"};
    sets[5].strip_fields = {"note"};
    sets[5].sort = EntrySort::type;
    return sets;
}();

TEST(FormatProperties, FormattingFormattedOutputChangesNothing) {
    for (std::size_t set = 0; set < k_option_sets.size(); ++set) {
        for (const std::string& input : k_inputs) {
            SCOPED_TRACE("option set " + std::to_string(set) + ", input:\n" + input);
            std::string once = format(input, k_option_sets[set]);
            EXPECT_EQ(format(once, k_option_sets[set]), once);
        }
    }
}

TEST(FormatProperties, TheFormattedFileReadsAsTheSameEntries) {
    // Options that keep the field order, the entry order and every field: the reading must be
    // identical, entry by entry, field by field, value by value.
    for (std::size_t set : {0u, 1u, 2u}) {
        for (const std::string& input : k_inputs) {
            SCOPED_TRACE("option set " + std::to_string(set) + ", input:\n" + input);
            EXPECT_EQ(reading(format(input, k_option_sets[set])), reading(input));
        }
    }
}

TEST(FormatProperties, SortingAndReorderingFieldsKeepEveryValue) {
    for (std::size_t set : {3u, 4u}) {
        for (const std::string& input : k_inputs) {
            SCOPED_TRACE("option set " + std::to_string(set) + ", input:\n" + input);
            Lines before = reading(input), after = reading(format(input, k_option_sets[set]));
            // Same entries in another order, each with the same fields in another order.
            auto normalized = [](Lines lines) {
                for (std::string& line : lines) {
                    Lines items;
                    std::size_t start = 0;
                    for (std::size_t bar; (bar = line.find('|', start)) != std::string::npos;
                         start = bar + 1)
                        items.push_back(line.substr(start, bar - start));
                    items.push_back(line.substr(start));
                    if (items.size() > 2) std::sort(items.begin() + 2, items.end());
                    line.clear();
                    for (const std::string& item : items) line += item + "|";
                }
                std::sort(lines.begin(), lines.end());
                return lines;
            };
            EXPECT_EQ(normalized(after), normalized(before));
        }
    }
}

} // namespace
} // namespace bibkit::bibtex
