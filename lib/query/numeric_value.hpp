#pragma once
// A field value read as a number when the whole of it is one ("2020", " 7 ", "-3", "2.5"), as
// bibtex-ruby's Value#numeric? decides whether to compare numerically.

#include <optional>
#include <string_view>

namespace bibkit::query::detail {

inline std::optional<double> numeric_value(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '{')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '}')) text.remove_suffix(1);
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    double value = 0;
    std::size_t digits = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++digits)
        value = value * 10 + (text[i] - '0');
    if (i < text.size() && text[i] == '.') {
        double scale = 0.1;
        for (++i; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++digits) {
            value += (text[i] - '0') * scale;
            scale /= 10;
        }
    }
    if (digits == 0 || i != text.size()) return std::nullopt;
    return text.front() == '-' ? -value : value;
}

// Text with its runs of digits compared by value ("9" < "10", "1992--1993" < "1993" < "2004",
// "2004" < "2004-- \ldots"), the rest bytewise: a total order that agrees with comparing
// integers as numbers, so that mixing the two in one sort stays consistent.
inline int natural_compare(std::string_view a, std::string_view b) {
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (digit(a[i]) && digit(b[j])) {
            while (i < a.size() && a[i] == '0') ++i;
            while (j < b.size() && b[j] == '0') ++j;
            std::size_t ei = i, ej = j;
            while (ei < a.size() && digit(a[ei])) ++ei;
            while (ej < b.size() && digit(b[ej])) ++ej;
            if (ei - i != ej - j) return ei - i < ej - j ? -1 : 1;
            if (int c = a.substr(i, ei - i).compare(b.substr(j, ej - j)); c != 0)
                return c < 0 ? -1 : 1;
            i = ei;
            j = ej;
            continue;
        }
        if (a[i] != b[j])
            return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]) ? -1 : 1;
        ++i;
        ++j;
    }
    if (i == a.size() && j == b.size()) return 0;
    return i == a.size() ? -1 : 1;
}

} // namespace bibkit::query::detail
