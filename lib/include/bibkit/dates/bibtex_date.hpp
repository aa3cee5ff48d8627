#pragma once
// The date of an entry from whichever of date, year, month and day it has: `date` wins over
// year/month/day (a warning when they disagree), as biblatex does.
//
// year: `2024`, `{2024}`, `-44`; `2024a` keeps the letters as Date::year_suffix (with a warning);
// `2003--2004`, `2003-2004`, `2003/2004` are ranges; `in press`, `forthcoming`, `submitted`,
// `to appear`, `accepted`, `n.d.` and similar are literals without a warning, any other text a
// literal with one. month: see month.hpp; a month range such as `Jan--Feb` makes a range within
// the year. day: 1-31 or a range `5--7`, checked against the month and year.
// An unknown month or impossible day is an error whose part is left out: the rest (the year, or
// year and month) is kept, since those fields were given separately. (An impossible biblatex
// `date` instead becomes a literal, see date_parser.hpp.)

#include <bibkit/dates/date.hpp>
#include <optional>
#include <string_view>

namespace bibkit::dates {

struct DateFields {
    std::optional<std::string_view> date; // biblatex date
    std::optional<std::string_view> year;
    std::optional<std::string_view> month;
    std::optional<std::string_view> day;
};

DateResult resolve_date(const DateFields& fields);

// The `year` field on its own (no month or day).
DateResult parse_year(std::string_view value);

} // namespace bibkit::dates
