#include "text_helpers.hpp"

#include <bibkit/dates/date_parser.hpp>
#include <optional>

namespace bibkit::dates {

namespace {

using detail::is_digit;

constexpr std::int64_t k_max_year = 999'999'999;

class PointParser {
  public:
    PointParser(std::string_view text, std::size_t offset, std::string_view field,
                std::vector<DateDiagnostic>& diagnostics)
        : m_text(text), m_offset(offset), m_field(field), m_diagnostics(diagnostics) {}

    std::optional<DatePoint> parse() {
        DatePoint point;
        if (!year(point)) return std::nullopt;
        if (peek('-') && digit_at(m_at + 1)) {
            ++m_at;
            if (!two_digits(point.month, "a month", k_month_slot)) return std::nullopt;
            if (peek('-') && digit_at(m_at + 1)) {
                ++m_at;
                if (!two_digits(point.day, "a day", k_day_slot)) return std::nullopt;
            }
        }
        if (peek('T') && !time(point)) return std::nullopt;
        if (peek('~') || peek('?') || peek('%')) {
            char q = m_text[m_at++];
            point.qualifier = q == '~'   ? Qualifier::approximate
                              : q == '?' ? Qualifier::uncertain
                                         : Qualifier::approximate_uncertain;
        }
        if (m_at < m_text.size()) {
            error("bad-date", "unexpected `" + std::string(m_text.substr(m_at, 1)) + "` in a date",
                  m_at);
            return std::nullopt;
        }
        if (!valid(point)) return std::nullopt;
        return point;
    }

  private:
    bool peek(char c) const { return m_at < m_text.size() && m_text[m_at] == c; }
    bool digit_at(std::size_t at) const { return at < m_text.size() && is_digit(m_text[at]); }

    void error(std::string code, std::string message, std::size_t at) {
        m_diagnostics.push_back(detail::make_diagnostic(
            Severity::error, std::move(code), std::move(message), m_field, m_offset + at));
    }

    bool year(DatePoint& point) {
        bool long_form = peek('Y'); // EDTF: `Y` before a year of more than four digits
        if (long_form) ++m_at;
        bool negative = peek('-');
        if (negative) ++m_at;
        std::size_t start = m_at;
        std::size_t length = 0;
        std::int64_t value = detail::read_number(m_text, m_at, length);
        if (length == 0 || (!long_form && length != 4) || value > k_max_year) {
            if (length > 0 && m_at + length < m_text.size() && m_text[m_at + length] == 'X')
                error("bad-date", "unspecified digits (`X`) are not supported", m_at + length);
            else
                error("bad-date", "a year has four digits (or more after `Y`)", start);
            return false;
        }
        m_at += length;
        point.year = static_cast<std::int32_t>(negative ? -value : value);
        return true;
    }

    bool two_digits(std::uint8_t& out, const char* what, std::size_t slot) {
        std::size_t length = 0;
        std::int64_t value = detail::read_number(m_text, m_at, length);
        if (length != 2) {
            error("bad-date", std::string(what) + " has two digits", m_at);
            return false;
        }
        m_value_at[slot] = m_at;
        m_at += length;
        out = static_cast<std::uint8_t>(value);
        return true;
    }

    bool time(DatePoint& point) {
        std::size_t start = m_at++;
        auto field = [&](std::uint8_t& out, int limit) {
            std::size_t length = 0;
            std::int64_t value = detail::read_number(m_text, m_at, length);
            if (length != 2 || value > limit) return false;
            out = static_cast<std::uint8_t>(value);
            m_at += 2;
            return true;
        };
        bool ok = field(point.time.hour, 23) && peek(':') && (++m_at, field(point.time.minute, 59));
        if (ok && peek(':')) {
            ++m_at;
            ok = field(point.time.second, 60); // 60: a leap second
        }
        if (ok && peek('Z')) {
            point.time.zone = "Z";
            ++m_at;
        } else if (ok && (peek('+') || peek('-'))) {
            std::size_t zone = m_at++;
            std::uint8_t hours = 0;
            std::uint8_t minutes = 0;
            ok = field(hours, 14);
            if (ok && peek(':')) {
                ++m_at;
                ok = field(minutes, 59);
            }
            point.time.zone = std::string(m_text.substr(zone, m_at - zone));
        }
        if (!ok) {
            error("bad-date", "a time is hh:mm or hh:mm:ss, then Z or an offset if any", start);
            return false;
        }
        point.has_time = true;
        return true;
    }

    bool valid(const DatePoint& point) {
        if (m_value_at[k_month_slot] == std::string_view::npos) return true;
        if (point.is_season()) {
            if (point.day == 0) return true;
            error("impossible-date", "a season (21-24) has no days", m_value_at[k_day_slot]);
            return false;
        }
        if (point.month == 0 || point.month > 12) {
            error("impossible-date", "month " + std::to_string(point.month) + " does not exist",
                  m_value_at[k_month_slot]);
            return false;
        }
        if (point.day == 0 && m_value_at[k_day_slot] == std::string_view::npos) return true;
        std::string problem = detail::impossible_day_message(point.year, point.month, point.day);
        if (problem.empty()) return true;
        error("impossible-date", problem, m_value_at[k_day_slot]);
        return false;
    }

    std::string_view m_text;
    std::size_t m_offset;
    std::string_view m_field;
    std::vector<DateDiagnostic>& m_diagnostics;
    std::size_t m_at = 0;
    static constexpr std::size_t k_month_slot = 0;
    static constexpr std::size_t k_day_slot = 1;
    std::size_t m_value_at[2] = {std::string_view::npos, std::string_view::npos}; // where they were
};

bool looks_like_a_date(std::string_view text) {
    char c = text.front();
    return is_digit(c) || c == '-' || c == 'Y' || c == '.' || c == '/';
}

} // namespace

DateResult parse_date(std::string_view value, std::string_view field) {
    DateResult result;
    std::size_t offset = 0;
    std::string_view text = detail::unwrapped(value, offset);
    if (text.empty()) return result;
    auto as_literal = [&] {
        result.date = {};
        result.date.kind = DateKind::literal;
        result.date.literal = std::string(text);
        return result;
    };
    if (!looks_like_a_date(text)) {
        result.diagnostics.push_back(detail::make_diagnostic(
            Severity::warning, "not-a-date",
            "`" + std::string(text) + "` is not an ISO 8601 date; it is kept as text", field,
            offset));
        return as_literal();
    }
    std::size_t slash = text.find('/');
    if (slash == std::string_view::npos) {
        auto point = PointParser(text, offset, field, result.diagnostics).parse();
        if (!point) return as_literal();
        result.date.kind = DateKind::single;
        result.date.begin = *point;
        return result;
    }
    std::string_view first = text.substr(0, slash);
    std::string_view second = text.substr(slash + 1);
    result.date.kind = DateKind::range;
    auto bound = [&](std::string_view part, std::size_t at, DatePoint& point, Bound& kind) {
        if (part.empty()) {
            kind = Bound::unknown;
            return true;
        }
        if (part == "..") {
            kind = Bound::open;
            return true;
        }
        auto parsed = PointParser(part, offset + at, field, result.diagnostics).parse();
        if (!parsed) return false;
        point = *parsed;
        return true;
    };
    if (!bound(first, 0, result.date.begin, result.date.begin_bound) ||
        !bound(second, slash + 1, result.date.end, result.date.end_bound))
        return as_literal();
    if (result.date.begin_bound != Bound::date && result.date.end_bound != Bound::date) {
        result.diagnostics.push_back(detail::make_diagnostic(
            Severity::error, "bad-date", "a range needs at least one date", field, offset));
        return as_literal();
    }
    return result;
}

} // namespace bibkit::dates
