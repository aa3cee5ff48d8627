#include "text_helpers.hpp"

#include <array>
#include <bibkit/dates/bibtex_date.hpp>
#include <bibkit/dates/date_parser.hpp>
#include <bibkit/dates/month.hpp>

namespace bibkit::dates {

namespace {

using detail::is_digit;

// Year values that say "no date yet" or "no date": literals without a warning.
constexpr std::array<std::string_view, 16> k_literal_years = {
    "in press",  "inpress",      "in print",    "forthcoming",
    "submitted", "to appear",    "accepted",    "in preparation",
    "in prep.",  "under review", "unpublished", "n.d.",
    "n. d.",     "nd",           "no date",     "s.d."};

bool is_known_literal(std::string_view text) {
    for (std::string_view word : k_literal_years)
        if (ascii::iequals(word, text)) return true;
    return false;
}

// `c. 1850`, `ca. 1850`, `circa 1850`: how long the prefix is, or 0.
std::size_t circa_prefix(std::string_view text) {
    for (std::string_view prefix : {"circa ", "ca. ", "ca ", "c. ", "c."})
        if (text.size() > prefix.size() && ascii::iequals(text.substr(0, prefix.size()), prefix))
            return prefix.size();
    return 0;
}

struct YearNumber {
    std::int32_t value = 0;
    std::size_t length = 0; // bytes read, sign included; 0 when there is no number
    std::size_t digits = 0;
};

YearNumber read_year(std::string_view text, std::size_t at) {
    bool negative = at < text.size() && text[at] == '-';
    std::size_t digits = 0;
    std::int64_t value = detail::read_number(text, at + (negative ? 1 : 0), digits);
    if (digits == 0 || digits > 9) return {};
    return {static_cast<std::int32_t>(negative ? -value : value), digits + (negative ? 1 : 0),
            digits};
}

// After the first year of `2003--2004`, `2003-2004`, `2003/2004`, `2003–2004`: where the second
// starts, or npos.
std::size_t range_second_start(std::string_view text, std::size_t at) {
    std::size_t start = at;
    while (at < text.size() && ascii::is_space(text[at])) ++at;
    if (text.substr(at, 3) == "\xE2\x80\x93") {
        at += 3;
    } else if (at < text.size() && (text[at] == '-' || text[at] == '/')) {
        ++at;
        if (at < text.size() && text[at] == '-') ++at;
    } else {
        return std::string_view::npos;
    }
    while (at < text.size() && ascii::is_space(text[at])) ++at;
    return at > start && at < text.size() && is_digit(text[at]) ? at : std::string_view::npos;
}

DateDiagnostic warning(std::string code, std::string message, std::string_view field,
                       std::size_t offset) {
    return detail::make_diagnostic(Severity::warning, std::move(code), std::move(message), field,
                                   offset);
}

// The `day` field: 1-31, or a range `5--7`, checked against the month (when there is one).
void apply_day(DateResult& result, std::string_view value) {
    std::size_t offset = 0;
    std::string_view text = detail::unwrapped(value, offset);
    if (text.empty()) return;
    Date& date = result.date;
    if (date.begin.month == 0 || date.begin.is_season()) {
        result.diagnostics.push_back(
            warning("day-without-month", "a day without a month is ignored", "day", offset));
        return;
    }
    std::size_t length = 0;
    std::int64_t day = detail::read_number(text, 0, length);
    std::int64_t end_day = 0;
    std::size_t second = length > 0 ? range_second_start(text, length) : std::string_view::npos;
    std::size_t end_length = 0;
    if (second != std::string_view::npos) end_day = detail::read_number(text, second, end_length);
    bool whole =
        length > 0 && (second == std::string_view::npos ? length == text.size()
                                                        : second + end_length == text.size());
    if (!whole) {
        result.diagnostics.push_back(detail::make_diagnostic(
            Severity::error, "bad-day", "day `" + std::string(text) + "` is not a number", "day",
            offset));
        return;
    }
    auto check = [&](std::int64_t d, std::size_t at) {
        std::string problem = detail::impossible_day_message(
            date.begin.year, date.begin.month, static_cast<int>(std::min<std::int64_t>(d, 99)));
        if (!problem.empty())
            result.diagnostics.push_back(detail::make_diagnostic(Severity::error, "impossible-date",
                                                                 problem, "day", offset + at));
        return problem.empty();
    };
    if (!check(day, 0) || (end_length > 0 && !check(end_day, second))) return;
    date.begin.day = static_cast<std::uint8_t>(day);
    if (end_length > 0 && date.kind == DateKind::single) {
        date.kind = DateKind::range;
        date.end = date.begin;
        date.end.day = static_cast<std::uint8_t>(end_day);
    }
}

} // namespace

DateResult parse_year(std::string_view value) {
    DateResult result;
    std::size_t offset = 0;
    std::string_view text = detail::unwrapped(value, offset);
    if (text.empty()) return result;
    auto literal = [&](bool warn) {
        result.date.kind = DateKind::literal;
        result.date.literal = std::string(text);
        if (warn)
            result.diagnostics.push_back(
                warning("not-a-year",
                        "year `" + std::string(text) + "` is not a number; it is kept as text",
                        "year", offset));
        return result;
    };
    if (is_known_literal(text)) return literal(false);
    std::size_t at = circa_prefix(text);
    Qualifier qualifier = at > 0 ? Qualifier::approximate : Qualifier::none;
    YearNumber year = read_year(text, at);
    if (year.length == 0) return literal(true);
    at += year.length;
    result.date.kind = DateKind::single;
    result.date.begin.year = year.value;
    result.date.begin.qualifier = qualifier;
    std::size_t suffix = at;
    while (at < text.size() && ascii::to_lower(text[at]) >= 'a' && ascii::to_lower(text[at]) <= 'z')
        ++at;
    if (at > suffix) {
        result.date.year_suffix = std::string(text.substr(suffix, at - suffix));
        result.diagnostics.push_back(warning("year-suffix",
                                             "`" + result.date.year_suffix +
                                                 "` after the year is kept as a suffix, not as "
                                                 "part of the year",
                                             "year", offset + suffix));
    }
    if (at == text.size()) return result;
    std::size_t second = range_second_start(text, at);
    YearNumber end = second == std::string_view::npos ? YearNumber{} : read_year(text, second);
    if (end.length == 0 || second + end.length != text.size()) {
        result.date = {};
        return literal(true);
    }
    // `2003/04` and `1998--9`: the end year's missing leading digits are the start's.
    std::int32_t end_year = end.value;
    if (end.digits < year.digits && year.value >= 0) {
        std::int32_t scale = 1;
        for (std::size_t i = 0; i < end.digits; ++i) scale *= 10;
        end_year = year.value / scale * scale + end.value;
    }
    result.date.kind = DateKind::range;
    result.date.end.year = end_year;
    result.date.end.qualifier = qualifier;
    if (end_year < year.value)
        result.diagnostics.push_back(warning("backwards-range",
                                             "the range ends (" + std::to_string(end_year) +
                                                 ") before it starts (" +
                                                 std::to_string(year.value) + ")",
                                             "year", offset + second));
    return result;
}

DateResult resolve_date(const DateFields& fields) {
    auto blank = [](const std::optional<std::string_view>& value) {
        std::size_t offset = 0;
        return !value || detail::unwrapped(*value, offset).empty();
    };
    if (!blank(fields.date)) {
        DateResult result = parse_date(*fields.date, "date");
        bool dated = result.date.kind == DateKind::single || result.date.kind == DateKind::range;
        if (dated && result.date.begin_bound == Bound::date && !blank(fields.year)) {
            DateResult year = parse_year(*fields.year);
            if (year.date.kind != DateKind::none &&
                (year.date.kind == DateKind::literal ||
                 year.date.begin.year != result.date.begin.year))
                result.diagnostics.push_back(
                    warning("date-year-mismatch",
                            "year `" + std::string(*fields.year) + "` does not agree with date `" +
                                std::string(*fields.date) + "`; the date is used",
                            "year", 0));
        }
        if (dated && result.date.begin_bound == Bound::date && !blank(fields.month)) {
            auto month = parse_month(*fields.month);
            if (!month || month->month != result.date.begin.month)
                result.diagnostics.push_back(warning(
                    "date-month-mismatch",
                    "month `" + std::string(*fields.month) + "` does not agree with date `" +
                        std::string(*fields.date) + "`; the date is used",
                    "month", 0));
        }
        return result;
    }
    if (blank(fields.year)) {
        DateResult result;
        if (!blank(fields.month) || !blank(fields.day))
            result.diagnostics.push_back(warning("month-without-year",
                                                 "a month or day without a year is ignored",
                                                 blank(fields.month) ? "day" : "month", 0));
        return result;
    }
    DateResult result = parse_year(*fields.year);
    if (result.date.kind == DateKind::literal || blank(fields.month)) {
        if (!blank(fields.day) && result.date.kind != DateKind::literal)
            result.diagnostics.push_back(
                warning("day-without-month", "a day without a month is ignored", "day", 0));
        return result;
    }
    auto month = parse_month(*fields.month);
    if (!month) {
        result.diagnostics.push_back(month.error());
        return result;
    }
    if (result.date.kind == DateKind::range) {
        // A year range with a month: the month belongs to the first year.
        result.date.begin.month = month->month;
        if (month->end_month != 0) result.date.end.month = month->end_month;
    } else {
        result.date.begin.month = month->month;
        if (month->end_month != 0) {
            result.date.kind = DateKind::range;
            result.date.end = result.date.begin;
            result.date.end.month = month->end_month;
        }
    }
    if (!blank(fields.day)) apply_day(result, *fields.day);
    return result;
}

} // namespace bibkit::dates
