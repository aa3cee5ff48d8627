#pragma once
// Small text helpers shared by the date parsers (ASCII decisions on bytes).

#include <bibkit/core/ascii.hpp>
#include <bibkit/dates/date.hpp>
#include <string>
#include <string_view>

namespace bibkit::dates::detail {

// `value` without surrounding white space and, when one brace group encloses all of it, without
// those braces (`{2024}`); `offset` moves by what was cut at the front.
std::string_view unwrapped(std::string_view value, std::size_t& offset);

constexpr bool is_digit(char c) {
    return ascii::is_digit(c);
}

// A run of digits at `at` as a number (saturating at a large value); `length` gets its length.
std::int64_t read_number(std::string_view text, std::size_t at, std::size_t& length);

// "January" ... "December", for messages.
std::string_view month_name(int month);

// The message for a day that the month does not have, or "" when the day exists.
std::string impossible_day_message(std::int32_t year, int month, int day);

DateDiagnostic make_diagnostic(Severity severity, std::string code, std::string message,
                               std::string_view field, std::size_t offset);

} // namespace bibkit::dates::detail
