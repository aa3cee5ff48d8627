// Numbers, ordinals, roman numerals and page ranges (CSL's numeric variables).
#include "evaluator.hpp"

#include <cctype>

namespace bibkit::csl::detail {

namespace {

constexpr std::string_view k_en_dash = "\xE2\x80\x93";

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// A number token: optional letters, digits, optional letters ("D2", "2b").
bool is_number_token(std::string_view t) {
    std::size_t i = 0;
    while (i < t.size() && is_alpha(t[i])) ++i;
    std::size_t digits = i;
    while (i < t.size() && is_digit(t[i])) ++i;
    if (i == digits) return false;
    while (i < t.size() && is_alpha(t[i])) ++i;
    return i == t.size();
}

struct Piece {
    std::string_view text;
    bool separator = false;
};

// Splits at separators (, & - – and "and"), trimming spaces around numbers.
std::vector<Piece> split_numbers(std::string_view value) {
    std::vector<Piece> out;
    std::size_t i = 0;
    while (i < value.size()) {
        std::size_t start = i;
        bool sep = false;
        // "10,020,123": a comma between digits groups thousands.
        bool thousands = value[i] == ',' && i > 0 && i + 1 < value.size() &&
                         is_digit(value[i - 1]) && is_digit(value[i + 1]);
        if (thousands) {
            ++i;
            while (i < value.size() && value[i] != ',' && value[i] != '&' && value[i] != '-' &&
                   value[i] != ' ' && !value.substr(i).starts_with(k_en_dash)) {
                ++i;
            }
            if (!out.empty() && !out.back().separator) {
                std::size_t begin = static_cast<std::size_t>(out.back().text.data() - value.data());
                out.back().text = value.substr(begin, i - begin);
            } else {
                out.push_back({value.substr(start, i - start), false});
            }
            continue;
        }
        if (value[i] == ',' || value[i] == '&' || value[i] == '-' || value[i] == ' ') {
            sep = true;
            ++i;
        } else if (value.substr(i).starts_with(k_en_dash)) {
            sep = true;
            i += k_en_dash.size();
        } else {
            while (i < value.size() && value[i] != ',' && value[i] != '&' && value[i] != '-' &&
                   value[i] != ' ' && !value.substr(i).starts_with(k_en_dash)) {
                ++i;
            }
        }
        if (sep && !out.empty() && out.back().separator) {
            out.back().text =
                value.substr(static_cast<std::size_t>(out.back().text.data() - value.data()),
                             i - static_cast<std::size_t>(out.back().text.data() - value.data()));
        } else {
            out.push_back({value.substr(start, i - start), sep});
        }
    }
    return out;
}

std::string roman(long n) {
    if (n <= 0 || n >= 4000) return std::to_string(n);
    static constexpr std::pair<long, const char*> k_table[] = {
        {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
        {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
    std::string out;
    for (auto [value, letters] : k_table) {
        while (n >= value) {
            out += letters;
            n -= value;
        }
    }
    return out;
}

std::string trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return std::string(s);
}

// The separator as CSL prints it: hyphens become en dashes, commas and ampersands get spacing.
std::string normalize_separator(std::string_view sep) {
    std::string t = trim(sep);
    if (t == "-" || t == k_en_dash || t == "--") return std::string(k_en_dash);
    if (t == ",") return ", ";
    if (t == "&") return " & ";
    if (t.empty()) return " ";
    return std::string(sep);
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        if (!is_digit(c)) return false;
    }
    return true;
}

} // namespace

std::string numeric_sort_key(std::string_view value) {
    std::string digits;
    for (char c : value) {
        if (c >= '0' && c <= '9')
            digits += c;
        else if (!digits.empty())
            break;
    }
    if (digits.empty()) return digits;
    return std::string(digits.size() < 12 ? 12 - digits.size() : 0, '0') + digits;
}

bool is_numeric(std::string_view value) {
    std::vector<Piece> pieces = split_numbers(value);
    bool any = false;
    for (const Piece& p : pieces) {
        if (p.separator) continue;
        if (p.text == "and") continue;
        if (!is_number_token(p.text)) return false;
        any = true;
    }
    return any;
}

bool is_plural_value(std::string_view value) {
    int numbers = 0;
    for (const Piece& p : split_numbers(value)) {
        if (!p.separator && p.text != "and") ++numbers;
    }
    return numbers > 1;
}

std::string format_numbers(std::string_view value, Form form, const LocaleChain& locale,
                           Gender gender) {
    std::string out;
    for (const Piece& p : split_numbers(value)) {
        if (p.separator) {
            out += normalize_separator(p.text);
            continue;
        }
        if (!all_digits(p.text)) {
            out += p.text;
            continue;
        }
        long n = std::atol(std::string(p.text).c_str());
        switch (form) {
        case Form::ordinal:
            out += std::to_string(n) + locale.ordinal_suffix(n, gender);
            break;
        case Form::long_ordinal:
            out += locale.long_ordinal(n, gender);
            break;
        case Form::roman:
            out += roman(n);
            break;
        default:
            out += p.text;
        }
    }
    return out;
}

namespace {

std::string compact_range(const std::string& first, std::string last, PageRangeFormat format) {
    if (last.size() < first.size()) last = first.substr(0, first.size() - last.size()) + last;
    if (format == PageRangeFormat::expanded || last.size() != first.size()) return last;
    long begin = std::atol(first.c_str());
    std::size_t same = 0;
    while (same + 1 < first.size() && first[same] == last[same]) ++same;
    auto minimal = [&](std::size_t at_least) {
        std::size_t keep = last.size() - same;
        if (keep < at_least) keep = std::min(at_least, last.size());
        return last.substr(last.size() - keep);
    };
    switch (format) {
    case PageRangeFormat::minimal:
        return minimal(1);
    case PageRangeFormat::minimal_two:
        return minimal(2);
    case PageRangeFormat::chicago:
    case PageRangeFormat::chicago16: {
        if (begin < 100 || begin % 100 == 0) return last;
        if (begin % 100 < 10) return minimal(1);
        if (format == PageRangeFormat::chicago && first.size() == 4 && last.size() - same >= 3) {
            return last;
        }
        return minimal(2);
    }
    default:
        return last;
    }
}

} // namespace

namespace {

bool is_roman(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        if (std::string_view("ivxlcdmIVXLCDM").find(c) == std::string_view::npos) return false;
    }
    return true;
}

// "N110" → {"N", "110"}; no digits after the letters → {"", ""}.
std::pair<std::string_view, std::string_view> split_prefix(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && is_alpha(s[i])) ++i;
    std::string_view digits = s.substr(i);
    if (!all_digits(digits)) return {};
    return {s.substr(0, i), digits};
}

// One range "first–last" as the page-range format says; hyphen kept where it joins no numbers.
std::string format_range(std::string_view first, std::string_view last, PageRangeFormat format,
                         std::string_view dash) {
    auto compact = [&](std::string_view a, std::string_view b) {
        return format == PageRangeFormat::none
                   ? std::string(b)
                   : compact_range(std::string(a), std::string(b), format);
    };
    if (all_digits(first) && all_digits(last))
        return std::string(first) + std::string(dash) + compact(first, last);
    auto [prefix_a, digits_a] = split_prefix(first);
    auto [prefix_b, digits_b] = split_prefix(last);
    if (!digits_a.empty() && !digits_b.empty() && !prefix_a.empty() && prefix_a == prefix_b) {
        std::string out = std::string(first) + std::string(dash);
        if (format == PageRangeFormat::expanded || format == PageRangeFormat::none) {
            return out + std::string(prefix_b) + compact(digits_a, digits_b);
        }
        return out + compact(digits_a, digits_b);
    }
    if (is_roman(first) && is_roman(last))
        return std::string(first) + std::string(dash) + std::string(last);
    return std::string(first) + "-" + std::string(last);
}

} // namespace

std::string format_page_range(std::string_view value, PageRangeFormat format,
                              std::string_view dash) {
    if (dash.empty()) dash = k_en_dash;
    std::vector<Piece> pieces = split_numbers(value);
    std::string out;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const Piece& p = pieces[i];
        std::string sep = trim(p.text);
        bool range = p.separator && (sep == "-" || sep == k_en_dash || sep == "--");
        if (range && i > 0 && i + 1 < pieces.size() && !pieces[i - 1].separator &&
            !pieces[i + 1].separator) {
            // The number before was written already: replace it with the whole range.
            out.resize(out.size() - pieces[i - 1].text.size());
            out += format_range(pieces[i - 1].text, pieces[i + 1].text, format, dash);
            ++i;
        } else if (p.separator) {
            out += sep == "," ? ", " : std::string(p.text);
        } else {
            out += p.text;
        }
    }
    return out;
}

} // namespace bibkit::csl::detail
