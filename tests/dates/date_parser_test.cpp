// biblatex date fields: ISO 8601 / EDTF levels 0 and 1.

#include <bibkit/dates/date_output.hpp>
#include <bibkit/dates/date_parser.hpp>
#include <gtest/gtest.h>

namespace bibkit::dates {
namespace {

DatePoint point(std::int32_t year, int month = 0, int day = 0,
                Qualifier qualifier = Qualifier::none) {
    DatePoint p;
    p.year = year;
    p.month = static_cast<std::uint8_t>(month);
    p.day = static_cast<std::uint8_t>(day);
    p.qualifier = qualifier;
    return p;
}

Date single(DatePoint begin) {
    Date date;
    date.kind = DateKind::single;
    date.begin = begin;
    return date;
}

Date range(DatePoint begin, DatePoint end, Bound begin_bound = Bound::date,
           Bound end_bound = Bound::date) {
    Date date;
    date.kind = DateKind::range;
    date.begin = begin;
    date.end = end;
    date.begin_bound = begin_bound;
    date.end_bound = end_bound;
    return date;
}

struct Case {
    const char* text;
    Date expected;
};

TEST(DateParser, ValidDates) {
    const Case cases[] = {
        {"2024", single(point(2024))},
        {"2024-03", single(point(2024, 3))},
        {"2024-03-05", single(point(2024, 3, 5))},
        {"2024-02-29", single(point(2024, 2, 29))},
        {"2000-02-29", single(point(2000, 2, 29))},
        {"{2024-12-31}", single(point(2024, 12, 31))},
        {" 2024 ", single(point(2024))},
        {"2024-21", single(point(2024, k_spring))},
        {"2024-24", single(point(2024, k_winter))},
        {"2024~", single(point(2024, 0, 0, Qualifier::approximate))},
        {"2024?", single(point(2024, 0, 0, Qualifier::uncertain))},
        {"2024-03%", single(point(2024, 3, 0, Qualifier::approximate_uncertain))},
        {"-0044-03-15", single(point(-44, 3, 15))},
        {"0000", single(point(0))},
        {"Y170000002", single(point(170000002))},
        {"2024-03-05/2024-04-01", range(point(2024, 3, 5), point(2024, 4, 1))},
        {"2024/2025", range(point(2024), point(2025))},
        {"2004?/2005~",
         range(point(2004, 0, 0, Qualifier::uncertain), point(2005, 0, 0, Qualifier::approximate))},
        {"2020/..", range(point(2020), {}, Bound::date, Bound::open)},
        {"../2020", range({}, point(2020), Bound::open, Bound::date)},
        {"2020/", range(point(2020), {}, Bound::date, Bound::unknown)},
        {"/2020", range({}, point(2020), Bound::unknown, Bound::date)},
    };
    for (const Case& c : cases) {
        DateResult result = parse_date(c.text);
        EXPECT_TRUE(result.diagnostics.empty()) << c.text << ": " << result.diagnostics[0].message;
        EXPECT_EQ(result.date, c.expected) << c.text << " gave " << to_iso(result.date);
    }
}

TEST(DateParser, TimesAreKept) {
    DateResult result = parse_date("2024-03-05T10:30:00");
    ASSERT_TRUE(result.diagnostics.empty());
    EXPECT_TRUE(result.date.begin.has_time);
    EXPECT_EQ(result.date.begin.time, (TimeOfDay{10, 30, 0, ""}));
    EXPECT_EQ(parse_date("2024-03-05T10:30Z").date.begin.time, (TimeOfDay{10, 30, 0, "Z"}));
    EXPECT_EQ(parse_date("2024-03-05T23:59:60+05:30").date.begin.time,
              (TimeOfDay{23, 59, 60, "+05:30"}));
    DateResult bad = parse_date("2024-03-05T25:00");
    ASSERT_EQ(bad.diagnostics.size(), 1u);
    EXPECT_EQ(bad.diagnostics[0].offset, 10u);
}

TEST(DateParser, EmptyIsNoDate) {
    EXPECT_EQ(parse_date("").date.kind, DateKind::none);
    EXPECT_EQ(parse_date(" {} ").date.kind, DateKind::none);
}

struct Problem {
    const char* text;
    const char* code;
    const char* message;
    std::uint32_t offset;
};

TEST(DateParser, ImpossibleDatesAreErrorsAndTheTextIsKept) {
    const Problem problems[] = {
        {"2023-02-29", "impossible-date", "2023 is not a leap year: February 2023 has 28 days", 8},
        {"1900-02-29", "impossible-date", "1900 is not a leap year: February 1900 has 28 days", 8},
        {"2024-13-01", "impossible-date", "month 13 does not exist", 5},
        {"2024-00", "impossible-date", "month 0 does not exist", 5},
        {"2024-01-32", "impossible-date", "day 32 does not exist", 8},
        {"2024-04-31", "impossible-date", "April has 30 days, not 31", 8},
        {"2024-06-00", "impossible-date", "day 0 does not exist", 8},
        {"2024-21-05", "impossible-date", "a season (21-24) has no days", 8},
        {"2024-25", "impossible-date", "month 25 does not exist", 5},
        {"{2024-13}", "impossible-date", "month 13 does not exist", 6},
        {"2024/2025-02-30", "impossible-date", "February has 28 days, not 30", 13},
        {"24-03-05", "bad-date", "a year has four digits (or more after `Y`)", 0},
        {"2024-3-5", "bad-date", "a month has two digits", 5},
        {"2024-03-05x", "bad-date", "unexpected `x` in a date", 10},
        {"199X", "bad-date", "unspecified digits (`X`) are not supported", 3},
        {"../..", "bad-date", "a range needs at least one date", 0},
    };
    for (const Problem& p : problems) {
        DateResult result = parse_date(p.text, "urldate");
        ASSERT_EQ(result.diagnostics.size(), 1u) << p.text;
        const DateDiagnostic& d = result.diagnostics[0];
        EXPECT_EQ(d.severity, Severity::error) << p.text;
        EXPECT_EQ(d.code, p.code) << p.text;
        EXPECT_EQ(d.message, p.message) << p.text;
        EXPECT_EQ(d.offset, p.offset) << p.text;
        EXPECT_EQ(d.field, "urldate");
        EXPECT_EQ(result.date.kind, DateKind::literal) << p.text;
    }
    EXPECT_EQ(parse_date(" 2023-02-29").date.literal, "2023-02-29");
}

TEST(DateParser, TextIsALiteralWithAWarning) {
    DateResult result = parse_date("in press");
    EXPECT_EQ(result.date.kind, DateKind::literal);
    EXPECT_EQ(result.date.literal, "in press");
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].severity, Severity::warning);
    EXPECT_EQ(result.diagnostics[0].message,
              "`in press` is not an ISO 8601 date; it is kept as text");
}

} // namespace
} // namespace bibkit::dates
