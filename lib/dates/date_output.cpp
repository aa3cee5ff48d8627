#include <bibkit/core/json_writer.hpp>
#include <bibkit/dates/date_output.hpp>
#include <cstdio>

namespace bibkit::dates {

namespace {

std::string two_digits(int value) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02d", value);
    return buffer;
}

std::string iso_year(std::int32_t year) {
    char buffer[16];
    if (year > 9999 || year < -9999)
        std::snprintf(buffer, sizeof buffer, "Y%d", year);
    else if (year < 0)
        std::snprintf(buffer, sizeof buffer, "-%04d", -year);
    else
        std::snprintf(buffer, sizeof buffer, "%04d", year);
    return buffer;
}

std::string iso_point(const DatePoint& point) {
    std::string out = iso_year(point.year);
    if (point.month != 0) out += "-" + two_digits(point.month);
    if (point.day != 0) out += "-" + two_digits(point.day);
    if (point.has_time)
        out += "T" + two_digits(point.time.hour) + ":" + two_digits(point.time.minute) + ":" +
               two_digits(point.time.second) + point.time.zone;
    switch (point.qualifier) {
    case Qualifier::none:
        break;
    case Qualifier::approximate:
        out += '~';
        break;
    case Qualifier::uncertain:
        out += '?';
        break;
    case Qualifier::approximate_uncertain:
        out += '%';
        break;
    }
    return out;
}

std::string iso_bound(const DatePoint& point, Bound bound) {
    switch (bound) {
    case Bound::date:
        return iso_point(point);
    case Bound::open:
        return "..";
    case Bound::unknown:
        return "";
    }
    return "";
}

// CSL has no year 0: 1 BC is -1.
std::int32_t csl_year(std::int32_t year) {
    return year <= 0 ? year - 1 : year;
}

nlohmann::json csl_parts(const DatePoint& point) {
    nlohmann::json parts = nlohmann::json::array({csl_year(point.year)});
    if (point.month != 0 && !point.is_season()) {
        parts.push_back(point.month);
        if (point.day != 0) parts.push_back(point.day);
    }
    return parts;
}

bool approximate(const DatePoint& point) {
    return point.qualifier == Qualifier::approximate ||
           point.qualifier == Qualifier::approximate_uncertain;
}

// Year shifted to be non-negative, ten digits; months as 2m so that a season (spring = between
// March and April) fits between them; day.
std::string point_key(const DatePoint& point) {
    char buffer[32];
    int month = point.month;
    if (point.is_season())
        month = (month - k_spring) * 6 + 7; // 07 13 19 25
    else
        month *= 2;
    std::snprintf(buffer, sizeof buffer, "%010lld%02d%02d",
                  static_cast<long long>(point.year) + 1'000'000'000LL, month, point.day);
    return buffer;
}

} // namespace

std::string to_iso(const Date& date) {
    switch (date.kind) {
    case DateKind::none:
        return "";
    case DateKind::literal:
        return date.literal;
    case DateKind::single:
        return iso_point(date.begin);
    case DateKind::range:
        return iso_bound(date.begin, date.begin_bound) + "/" + iso_bound(date.end, date.end_bound);
    }
    return "";
}

nlohmann::json to_csl_json(const Date& date) {
    nlohmann::json out = nlohmann::json::object();
    switch (date.kind) {
    case DateKind::none:
        return nullptr;
    case DateKind::literal:
        out["literal"] = date.literal;
        return out;
    case DateKind::single:
        out["date-parts"] = nlohmann::json::array({csl_parts(date.begin)});
        break;
    case DateKind::range:
        if (date.begin_bound != Bound::date) {
            out["literal"] = "\xE2\x80\x93" + iso_point(date.end);
            return out;
        }
        out["date-parts"] = nlohmann::json::array(
            {csl_parts(date.begin),
             date.end_bound == Bound::date ? csl_parts(date.end) : nlohmann::json::array({0})});
        break;
    }
    if (date.begin.is_season()) out["season"] = date.begin.month - k_spring + 1;
    if (approximate(date.begin) || (date.kind == DateKind::range && approximate(date.end)))
        out["circa"] = true;
    return out;
}

bool write_plain_csl_json(JsonWriter& json, const Date& date) {
    if (date.kind != DateKind::single || date.begin.is_season() || approximate(date.begin))
        return false;
    // The bytes to_csl_json gives for such a date, without building its tree.
    const DatePoint& point = date.begin;
    json.begin_object();
    json.key("date-parts");
    json.begin_array();
    json.begin_array();
    json.value(std::int64_t{csl_year(point.year)});
    if (point.month != 0) {
        json.value(std::int64_t{point.month});
        if (point.day != 0) json.value(std::int64_t{point.day});
    }
    json.end_array();
    json.end_array();
    json.end_object();
    return true;
}

std::string sort_key(const Date& date) {
    switch (date.kind) {
    case DateKind::none:
        return "Z";
    case DateKind::literal:
        return "L" + date.literal;
    case DateKind::single:
        return "D" + point_key(date.begin);
    case DateKind::range: {
        std::string begin =
            date.begin_bound == Bound::date ? point_key(date.begin) : std::string(14, '0');
        std::string end =
            date.end_bound == Bound::date ? point_key(date.end) : std::string(14, '9');
        return "D" + begin + end;
    }
    }
    return "Z";
}

} // namespace bibkit::dates
