#pragma once
// The BibTeX `month` field in every common spelling: `jan`, `Jan.`, `January`, `january`, `1`,
// `01`, `Sept`, `Sep.`; German, French, Spanish, Italian and Dutch names and their usual
// abbreviations
// (`Januar`, `März`, `janvier`, `février`, `enero`, `gennaio`, `mei`, `Okt.`, `mrt` ...), accented
// either in UTF-8 or in LaTeX (`M{\"a}rz`, `f\'evrier`, `ao{\^u}t`); and ranges (`Jan--Feb`,
// `March-April`, `Jan/Feb`), of which the first month is the month.

#include <bibkit/core/expected.hpp>
#include <bibkit/dates/date.hpp>
#include <string_view>

namespace bibkit::dates {

struct MonthValue {
    std::uint8_t month = 0;     // 1-12
    std::uint8_t end_month = 0; // the second month of a range, else 0
};

// An error (unknown-month, month-out-of-range) when the value is not a month; field "month".
Expected<MonthValue, DateDiagnostic> parse_month(std::string_view value);

// One month name or number on its own (no range): 1-12, or 0 when it is not one.
std::uint8_t month_number(std::string_view word);

} // namespace bibkit::dates
