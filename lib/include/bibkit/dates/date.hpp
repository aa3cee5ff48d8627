#pragma once
// The date model shared by the BibTeX year/month/day fields and biblatex's ISO 8601 / EDTF date
// fields (date, urldate, eventdate, origdate).
//
// Years are astronomical, as in ISO 8601, EDTF and biblatex: 0 is 1 BC, -1 is 2 BC. Months are
// 1-12, or an EDTF season 21-24 (spring, summer, autumn, winter); 0 means absent, as does day 0.
// A time of day (`2024-03-05T10:30:00Z`) is kept but plays no part in CSL output or sorting.

#include <bibkit/core/diagnostic.hpp>
#include <cstdint>
#include <string>
#include <vector>

namespace bibkit::dates {

// EDTF level 1 qualification of a date: `~` approximate (circa), `?` uncertain, `%` both.
enum class Qualifier : std::uint8_t { none, approximate, uncertain, approximate_uncertain };

inline constexpr std::uint8_t k_spring = 21;
inline constexpr std::uint8_t k_summer = 22;
inline constexpr std::uint8_t k_autumn = 23;
inline constexpr std::uint8_t k_winter = 24;

struct TimeOfDay {
    std::uint8_t hour = 0;
    std::uint8_t minute = 0;
    std::uint8_t second = 0;
    std::string zone; // "", "Z" or "+hh:mm" / "-hh:mm" as written

    bool operator==(const TimeOfDay&) const = default;
};

struct DatePoint {
    std::int32_t year = 0;
    std::uint8_t month = 0; // 0 absent, 1-12, 21-24 seasons
    std::uint8_t day = 0;   // 0 absent
    Qualifier qualifier = Qualifier::none;
    bool has_time = false;
    TimeOfDay time;

    bool is_season() const { return month >= k_spring && month <= k_winter; }
    bool operator==(const DatePoint&) const = default;
};

// One end of a range: a date, open (`..`: goes on, e.g. ongoing), or unknown (left empty).
enum class Bound : std::uint8_t { date, open, unknown };

enum class DateKind : std::uint8_t {
    none,    // no date given
    single,  // begin only
    range,   // begin/end, either of which may be open or unknown
    literal, // text that is not a date: "in press", "forthcoming", or an impossible date as written
};

struct Date {
    DateKind kind = DateKind::none;
    DatePoint begin;
    DatePoint end;
    Bound begin_bound = Bound::date;
    Bound end_bound = Bound::date;
    std::string literal;     // DateKind::literal only
    std::string year_suffix; // `2024a` in a BibTeX year field: "a"

    bool operator==(const Date&) const = default;
};

struct DateDiagnostic {
    Severity severity = Severity::error;
    std::string code;    // "impossible-date", "unknown-month", "date-year-mismatch", ...
    std::string message; // one sentence, no trailing period
    std::string field;   // which value `offset` points into: "date", "year", "month", "day", ...
    std::uint32_t offset = 0;

    bool operator==(const DateDiagnostic&) const = default;
};

struct DateResult {
    Date date;
    std::vector<DateDiagnostic> diagnostics;

    bool has_errors() const;
};

// Gregorian rules (proleptic, on astronomical years): every 4th year, but not every 100th unless
// every 400th. 1900 is not a leap year, 2000 is.
bool is_leap_year(std::int32_t year);
// 28-31 for months 1-12; 0 for anything else.
int days_in_month(std::int32_t year, int month);

} // namespace bibkit::dates
