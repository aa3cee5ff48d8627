#pragma once
// A Date in the forms later features need: ISO 8601 / EDTF text, CSL-JSON, and a sort key.

#include <bibkit/core/json_writer.hpp>
#include <bibkit/dates/date.hpp>
#include <nlohmann/json.hpp>
#include <string>

namespace bibkit::dates {

// EDTF text: `2024-03-05`, `2024-21`, `2024~`, `-0044`, `2024-03-05T10:30:00Z`,
// `2020/2021`, `2020/..`, `../2020`, `2020/`; a literal as it is; no date as "".
std::string to_iso(const Date& date);

// The CSL-JSON date object: {"date-parts": [[2024, 3, 5]]}; a range as two arrays; a season as
// the year alone plus "season": 1-4; "circa": true when approximate; {"literal": "in press"} for
// text. CSL numbers years from 1 BC = -1 (no year 0), so astronomical years <= 0 move down by one.
// An open or unknown end is written [0] (citeproc-js's open range: "2020–"); an open or unknown
// start has no CSL form and becomes a literal "–2020". No date gives null.
nlohmann::json to_csl_json(const Date& date);

// A single date with no season and no circa (what year/month/day fields give) written straight
// into `json`, the same bytes as to_csl_json's tree; false, with nothing written, for any other.
bool write_plain_csl_json(JsonWriter& json, const Date& date);

// A string whose byte order is chronological order: earlier dates first, a year before its months
// (`2024` < `2024-01`), seasons after the months they start in, ranges by start then end, literals
// after all dates (by their text), no date last. Times are ignored.
std::string sort_key(const Date& date);

} // namespace bibkit::dates
