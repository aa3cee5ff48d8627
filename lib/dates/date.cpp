#include <bibkit/dates/date.hpp>

namespace bibkit::dates {

bool DateResult::has_errors() const {
    for (const DateDiagnostic& diagnostic : diagnostics)
        if (diagnostic.severity == Severity::error) return true;
    return false;
}

bool is_leap_year(std::int32_t year) {
    // Written for negative (astronomical) years too: -4 is a leap year like 4.
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

int days_in_month(std::int32_t year, int month) {
    switch (month) {
    case 1:
    case 3:
    case 5:
    case 7:
    case 8:
    case 10:
    case 12:
        return 31;
    case 4:
    case 6:
    case 9:
    case 11:
        return 30;
    case 2:
        return is_leap_year(year) ? 29 : 28;
    default:
        return 0;
    }
}

} // namespace bibkit::dates
