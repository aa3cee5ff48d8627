// year/month/day fields and their combination with biblatex's date.

#include <bibkit/dates/bibtex_date.hpp>
#include <bibkit/dates/date_output.hpp>
#include <gtest/gtest.h>

namespace bibkit::dates {
namespace {

std::string iso(const DateFields& fields) {
    return to_iso(resolve_date(fields).date);
}

TEST(BibtexDate, Years) {
    EXPECT_EQ(to_iso(parse_year("2024").date), "2024");
    EXPECT_EQ(to_iso(parse_year("{2024}").date), "2024");
    EXPECT_EQ(to_iso(parse_year(" 1850 ").date), "1850");
    EXPECT_EQ(to_iso(parse_year("-44").date), "-0044");
    EXPECT_EQ(to_iso(parse_year("c. 1850").date), "1850~");
    EXPECT_EQ(to_iso(parse_year("circa 1850").date), "1850~");
    EXPECT_TRUE(parse_year("2024").diagnostics.empty());
    EXPECT_EQ(parse_year("").date.kind, DateKind::none);
}

TEST(BibtexDate, YearSuffixIsKeptWithAWarning) {
    DateResult result = parse_year("2024a");
    EXPECT_EQ(result.date.begin.year, 2024);
    EXPECT_EQ(result.date.year_suffix, "a");
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].code, "year-suffix");
    EXPECT_EQ(result.diagnostics[0].severity, Severity::warning);
    EXPECT_EQ(result.diagnostics[0].offset, 4u);
}

TEST(BibtexDate, YearRanges) {
    EXPECT_EQ(to_iso(parse_year("2003--2004").date), "2003/2004");
    EXPECT_EQ(to_iso(parse_year("2003-2004").date), "2003/2004");
    EXPECT_EQ(to_iso(parse_year("2003/04").date), "2003/2004");
    EXPECT_EQ(to_iso(parse_year("1998 \xE2\x80\x93 9").date), "1998/1999");
    DateResult backwards = parse_year("2004--2003");
    ASSERT_EQ(backwards.diagnostics.size(), 1u);
    EXPECT_EQ(backwards.diagnostics[0].code, "backwards-range");
}

TEST(BibtexDate, WordsAreLiterals) {
    for (const char* text :
         {"in press", "In Press", "forthcoming", "submitted", "to appear", "n.d."}) {
        DateResult result = parse_year(text);
        EXPECT_EQ(result.date.kind, DateKind::literal) << text;
        EXPECT_EQ(result.date.literal, text);
        EXPECT_TRUE(result.diagnostics.empty()) << text;
    }
    DateResult other = parse_year("{Spring term}");
    EXPECT_EQ(other.date.literal, "Spring term");
    ASSERT_EQ(other.diagnostics.size(), 1u);
    EXPECT_EQ(other.diagnostics[0].message,
              "year `Spring term` is not a number; it is kept as text");
    EXPECT_EQ(other.diagnostics[0].offset, 1u);
    EXPECT_EQ(parse_year("2024 and 2025").date.kind, DateKind::literal);
}

TEST(BibtexDate, YearMonthDay) {
    EXPECT_EQ(iso({{}, "2024", "March", "5"}), "2024-03-05");
    EXPECT_EQ(iso({{}, "2024", "mar", {}}), "2024-03");
    EXPECT_EQ(iso({{}, "2024", "M{\\\"a}rz", "05"}), "2024-03-05");
    EXPECT_EQ(iso({{}, "2024", "Jan--Feb", {}}), "2024-01/2024-02");
    EXPECT_EQ(iso({{}, "2024", "June", "5--7"}), "2024-06-05/2024-06-07");
    EXPECT_EQ(iso({{}, "2003--2004", "Sept", {}}), "2003-09/2004");
}

TEST(BibtexDate, DateWinsOverYearAndMonth) {
    DateResult agree = resolve_date({"2024-03-05", "2024", "mar", {}});
    EXPECT_EQ(to_iso(agree.date), "2024-03-05");
    EXPECT_TRUE(agree.diagnostics.empty());
    DateResult disagree = resolve_date({"2024-03-05", "2023", "apr", {}});
    EXPECT_EQ(to_iso(disagree.date), "2024-03-05");
    ASSERT_EQ(disagree.diagnostics.size(), 2u);
    EXPECT_EQ(disagree.diagnostics[0].code, "date-year-mismatch");
    EXPECT_EQ(disagree.diagnostics[0].message,
              "year `2023` does not agree with date `2024-03-05`; the date is used");
    EXPECT_EQ(disagree.diagnostics[0].field, "year");
    EXPECT_EQ(disagree.diagnostics[1].code, "date-month-mismatch");
    // A blank date is no date.
    EXPECT_EQ(iso({"  ", "2020", {}, {}}), "2020");
}

struct Problem {
    DateFields fields;
    const char* code;
    const char* message;
    const char* field;
    std::uint32_t offset;
    const char* iso; // what is kept
};

TEST(BibtexDate, EveryDiagnostic) {
    const Problem problems[] = {
        {{{}, "2024", "13", {}},
         "month-out-of-range",
         "month 13 does not exist",
         "month",
         0,
         "2024"},
        {{{}, "2024", "Smarch", {}},
         "unknown-month",
         "`Smarch` is not a month",
         "month",
         0,
         "2024"},
        {{{}, "2023", "feb", "29"},
         "impossible-date",
         "2023 is not a leap year: February 2023 has 28 days",
         "day",
         0,
         "2023-02"},
        {{{}, "1900", "2", "29"},
         "impossible-date",
         "1900 is not a leap year: February 1900 has 28 days",
         "day",
         0,
         "1900-02"},
        {{{}, "2024", "apr", "31"},
         "impossible-date",
         "April has 30 days, not 31",
         "day",
         0,
         "2024-04"},
        {{{}, "2024", "jan", "32"},
         "impossible-date",
         "day 32 does not exist",
         "day",
         0,
         "2024-01"},
        {{{}, "2024", "jan", " {0}"},
         "impossible-date",
         "day 0 does not exist",
         "day",
         2,
         "2024-01"},
        {{{}, "2024", "jan", "fifth"},
         "bad-day",
         "day `fifth` is not a number",
         "day",
         0,
         "2024-01"},
        {{{}, "2024", {}, "5"},
         "day-without-month",
         "a day without a month is ignored",
         "day",
         0,
         "2024"},
        {{{}, {}, "jan", {}},
         "month-without-year",
         "a month or day without a year is ignored",
         "month",
         0,
         ""},
        {{"2024-02-30", {}, {}, {}},
         "impossible-date",
         "February has 29 days, not 30",
         "date",
         8,
         "2024-02-30"},
    };
    for (const Problem& p : problems) {
        DateResult result = resolve_date(p.fields);
        ASSERT_EQ(result.diagnostics.size(), 1u) << p.message;
        const DateDiagnostic& d = result.diagnostics[0];
        EXPECT_EQ(d.code, p.code);
        EXPECT_EQ(d.message, p.message);
        EXPECT_EQ(d.field, p.field) << p.message;
        EXPECT_EQ(d.offset, p.offset) << p.message;
        EXPECT_EQ(to_iso(result.date), p.iso) << p.message;
    }
}

TEST(BibtexDate, LeapDaysThatExist) {
    EXPECT_EQ(iso({{}, "2000", "feb", "29"}), "2000-02-29");
    EXPECT_EQ(iso({{}, "2024", "February", "29"}), "2024-02-29");
}

} // namespace
} // namespace bibkit::dates
