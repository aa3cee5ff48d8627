#include "text_helpers.hpp"

#include <array>

namespace bibkit::dates::detail {

std::string_view unwrapped(std::string_view value, std::size_t& offset) {
    for (;;) {
        while (!value.empty() && ascii::is_space(value.front())) {
            value.remove_prefix(1);
            ++offset;
        }
        while (!value.empty() && ascii::is_space(value.back())) value.remove_suffix(1);
        if (value.size() < 2 || value.front() != '{' || value.back() != '}') return value;
        int depth = 0;
        for (std::size_t at = 0; at + 1 < value.size(); ++at) {
            if (value[at] == '{')
                ++depth;
            else if (value[at] == '}' && --depth == 0)
                return value; // `{a}{b}`: the first group closes early
        }
        value = value.substr(1, value.size() - 2);
        ++offset;
    }
}

std::int64_t read_number(std::string_view text, std::size_t at, std::size_t& length) {
    std::int64_t value = 0;
    length = 0;
    while (at + length < text.size() && is_digit(text[at + length])) {
        if (value < 1'000'000'000'000) value = value * 10 + (text[at + length] - '0');
        ++length;
    }
    return value;
}

std::string_view month_name(int month) {
    static constexpr std::array<std::string_view, 12> k_names = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    return month >= 1 && month <= 12 ? k_names[month - 1] : std::string_view("?");
}

std::string impossible_day_message(std::int32_t year, int month, int day) {
    if (day >= 1 && day <= days_in_month(year, month)) return "";
    if (day < 1 || day > 31) return "day " + std::to_string(day) + " does not exist";
    if (month == 2 && day == 29)
        return std::to_string(year) + " is not a leap year: February " + std::to_string(year) +
               " has 28 days";
    return std::string(month_name(month)) + " has " + std::to_string(days_in_month(year, month)) +
           " days, not " + std::to_string(day);
}

DateDiagnostic make_diagnostic(Severity severity, std::string code, std::string message,
                               std::string_view field, std::size_t offset) {
    return {severity, std::move(code), std::move(message), std::string(field),
            static_cast<std::uint32_t>(offset)};
}

} // namespace bibkit::dates::detail
