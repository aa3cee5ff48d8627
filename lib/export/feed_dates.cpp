#include <bibkit/dates/date_parser.hpp>
#include <bibkit/export/feed_dates.hpp>
#include <charconv>
#include <cstdio>

namespace bibkit::exports {

namespace {

using namespace std::chrono;

unsigned month_of(const dates::DatePoint& date) {
    if (date.is_season()) return (date.month - dates::k_spring) * 3u + 3u; // spring → March
    return date.month == 0 ? 1u : date.month;
}

sys_days day_of(const dates::DatePoint& date) {
    return sys_days(year{date.year} / month{month_of(date)} / day{date.day == 0 ? 1u : date.day});
}

// The zone's offset from UTC in minutes; 0 for "Z" and for no zone.
int offset_minutes(const std::string& zone) {
    if (zone.size() < 3 || (zone[0] != '+' && zone[0] != '-')) return 0;
    int hours = 0, minutes = 0;
    std::from_chars(zone.data() + 1, zone.data() + 3, hours);
    std::size_t at = zone.size() >= 6 && zone[3] == ':' ? 4 : 3;
    if (zone.size() >= at + 2) std::from_chars(zone.data() + at, zone.data() + at + 2, minutes);
    int total = hours * 60 + minutes;
    return zone[0] == '-' ? -total : total;
}

bool is_instant(const dates::DatePoint& date) {
    return date.has_time && !date.time.zone.empty();
}

// Seconds since 1970 in UTC; a date without an instant counts as its day at 00:00 UTC.
sys_seconds utc_of(const dates::DatePoint& date) {
    sys_seconds day = day_of(date);
    if (!is_instant(date)) return day;
    return day + hours{date.time.hour} + minutes{date.time.minute} + seconds{date.time.second} -
           minutes{offset_minutes(date.time.zone)};
}

std::string formatted(const char* format, auto... values) {
    char buffer[64];
    int size = std::snprintf(buffer, sizeof buffer, format, values...);
    return std::string(buffer, size > 0 ? static_cast<std::size_t>(size) : 0);
}

struct Parts {
    int year;
    unsigned month, day, hour, minute, second;
};

Parts parts_of(sys_seconds instant) {
    sys_days day = floor<days>(instant);
    year_month_day ymd(day);
    hh_mm_ss<seconds> time(instant - day);
    return {static_cast<int>(ymd.year()),
            static_cast<unsigned>(ymd.month()),
            static_cast<unsigned>(ymd.day()),
            static_cast<unsigned>(time.hours().count()),
            static_cast<unsigned>(time.minutes().count()),
            static_cast<unsigned>(time.seconds().count())};
}

// The time as written, with its own zone: what Atom and RSS show a reader.
Parts local_parts(const dates::DatePoint& date) {
    year_month_day ymd(day_of(date));
    bool timed = is_instant(date);
    return {static_cast<int>(ymd.year()),     static_cast<unsigned>(ymd.month()),
            static_cast<unsigned>(ymd.day()), timed ? date.time.hour : 0u,
            timed ? date.time.minute : 0u,    timed ? date.time.second : 0u};
}

std::string numeric_zone(const dates::DatePoint& date, bool colon) {
    int offset = is_instant(date) ? offset_minutes(date.time.zone) : 0;
    if (!colon)
        return formatted("%c%02d%02d", offset < 0 ? '-' : '+', std::abs(offset) / 60,
                         std::abs(offset) % 60);
    if (offset == 0) return "Z";
    return formatted("%c%02d:%02d", offset < 0 ? '-' : '+', std::abs(offset) / 60,
                     std::abs(offset) % 60);
}

dates::DatePoint from_day(sys_days day) {
    year_month_day ymd(day);
    dates::DatePoint point;
    point.year = static_cast<int>(ymd.year());
    point.month = static_cast<std::uint8_t>(static_cast<unsigned>(ymd.month()));
    point.day = static_cast<std::uint8_t>(static_cast<unsigned>(ymd.day()));
    return point;
}

// 9999-12-31T23:59:59Z: four-digit years, as every date format here writes them.
constexpr long long k_last_epoch = 253402300799;

} // namespace

std::string rfc3339(const dates::DatePoint& date) {
    Parts p = local_parts(date);
    return formatted("%04d-%02u-%02uT%02u:%02u:%02u", p.year, p.month, p.day, p.hour, p.minute,
                     p.second) +
           numeric_zone(date, true);
}

std::string rfc822(const dates::DatePoint& date) {
    static constexpr const char* k_days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* k_months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    Parts p = local_parts(date);
    unsigned weekday_index = weekday(day_of(date)).c_encoding();
    return formatted("%s, %02u %s %04d %02u:%02u:%02u ", k_days[weekday_index], p.day,
                     k_months[p.month - 1], p.year, p.hour, p.minute, p.second) +
           numeric_zone(date, false);
}

std::string ics_date(const dates::DatePoint& date) {
    Parts p = local_parts(date);
    return formatted("%04d%02u%02u", p.year, p.month, p.day);
}

std::string ics_date_time(const dates::DatePoint& date) {
    if (!date.has_time) return ics_date(date) + "T000000";
    if (date.time.zone.empty()) // floating: the local time at the place, as written
        return ics_date(date) + formatted("T%02u%02u%02u", unsigned{date.time.hour},
                                          unsigned{date.time.minute}, unsigned{date.time.second});
    Parts p = parts_of(utc_of(date));
    return formatted("%04d%02u%02uT%02u%02u%02uZ", p.year, p.month, p.day, p.hour, p.minute,
                     p.second);
}

dates::DatePoint next_day(const dates::DatePoint& date) {
    return from_day(day_of(date) + days{1});
}

int compare_instants(const dates::DatePoint& a, const dates::DatePoint& b) {
    sys_seconds x = utc_of(a), y = utc_of(b);
    return x < y ? -1 : y < x ? 1 : 0;
}

dates::DatePoint last_day(const dates::DatePoint& date) {
    if (date.day != 0 && !date.is_season()) return date;
    dates::DatePoint last = date;
    last.has_time = false;
    last.time = {};
    unsigned month_number = date.month == 0 ? 12u : month_of(date) + (date.is_season() ? 2u : 0u);
    if (month_number > 12) month_number = 12; // winter starts in December
    last.month = static_cast<std::uint8_t>(month_number);
    last.day = static_cast<std::uint8_t>(dates::days_in_month(date.year, last.month));
    return last;
}

Expected<dates::DatePoint, std::string> resolve_today(std::string_view option,
                                                      const char* source_date_epoch,
                                                      std::chrono::system_clock::time_point now) {
    if (!option.empty()) {
        dates::DateResult parsed = dates::parse_date(option, "today");
        const dates::Date& date = parsed.date;
        if (parsed.has_errors() || date.kind != dates::DateKind::single || date.begin.day == 0 ||
            date.begin.has_time || date.begin.is_season())
            return unexpected("--today: expected a date YYYY-MM-DD, got '" + std::string(option) +
                              "'");
        return date.begin;
    }
    if (source_date_epoch) {
        std::string_view text = source_date_epoch;
        long long epoch = 0;
        auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), epoch);
        if (text.empty() || error != std::errc() || end != text.data() + text.size() || epoch < 0 ||
            epoch > k_last_epoch)
            return unexpected("SOURCE_DATE_EPOCH: expected a number of seconds since 1970, got '" +
                              std::string(text) + "'");
        return from_day(floor<days>(sys_seconds{seconds{epoch}}));
    }
    return from_day(floor<days>(now));
}

} // namespace bibkit::exports
