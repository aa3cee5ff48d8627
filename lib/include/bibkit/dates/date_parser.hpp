#pragma once
// biblatex's date fields (date, urldate, eventdate, origdate): ISO 8601 / EDTF levels 0 and 1 as
// biblatex accepts them: `2024`, `2024-03`, `2024-03-05`, `2024-03-05T10:30:00` (+ `Z` or an
// offset), seasons `2024-21`..`2024-24`, qualifiers `2024~` `2024?` `2024%`, negative years
// `-0044` and long years `Y170000002`, ranges `2024-03-05/2024-04-01`, `2024/2025`, open ends
// `2020/..` and `../2020`, unknown ends `2020/` and `/2020`.
// Impossible dates (`2023-02-29`, `2024-13-01`, `2024-04-31`) are errors; the date is then a
// literal holding the text as written, so nothing is lost and nothing wrong is printed.

#include <bibkit/dates/date.hpp>
#include <string_view>

namespace bibkit::dates {

// `field` names the value in diagnostics ("date", "urldate", ...).
DateResult parse_date(std::string_view value, std::string_view field = "date");

} // namespace bibkit::dates
