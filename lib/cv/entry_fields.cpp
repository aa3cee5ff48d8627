// Talk and course entries, dates and links.

#include "entry_fields.hpp"

#include <array>
#include <bibkit/core/ascii.hpp>
#include <bibkit/dates/date_parser.hpp>
#include <bibkit/text/decode.hpp>

namespace bibkit::cv::detail {

namespace {

constexpr std::array<std::string_view, 12> k_months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 4> k_seasons = {"Spring", "Summer", "Autumn", "Winter"};

std::string_view month_name(std::uint8_t month) {
    if (month >= 1 && month <= 12) return k_months[month - 1u];
    if (month >= dates::k_spring && month <= dates::k_winter)
        return k_seasons[month - dates::k_spring];
    return {};
}

std::string format_point(const dates::DatePoint& point, bool with_year) {
    std::string out;
    if (point.day > 0 && point.month >= 1 && point.month <= 12)
        out += std::to_string(point.day) + " ";
    if (!month_name(point.month).empty()) out += std::string(month_name(point.month));
    if (with_year) out += (out.empty() ? "" : " ") + std::to_string(point.year);
    return out;
}

std::string_view raw(const model::Item& item, std::string_view field) {
    const bibtex::Field* found = item.field(field);
    return found ? found->value : std::string_view();
}

// The first of the fields that parses as a date.
std::optional<dates::Date> first_date(const model::Item& item,
                                      std::initializer_list<std::string_view> fields) {
    for (std::string_view field : fields) {
        const std::string_view value = raw(item, field);
        if (value.empty()) continue;
        dates::Date date = dates::parse_date(value, field).date;
        if (date.kind == dates::DateKind::single || date.kind == dates::DateKind::range)
            return date;
    }
    if (const dates::Date* issued = item.date("issued")) return *issued;
    return std::nullopt;
}

// "A, B, C" of the parts that are not empty.
std::string joined(std::initializer_list<std::string> parts) {
    std::string out;
    for (const std::string& part : parts) {
        if (part.empty()) continue;
        if (!out.empty()) out += ", ";
        out += part;
    }
    return out;
}

} // namespace

bool is_absolute_web_url(std::string_view url) {
    return ascii::lowered(url.substr(0, 8)) == "https://" ||
           ascii::lowered(url.substr(0, 7)) == "http://";
}

std::string resolve_relative_url(std::string_view base, std::string_view relative) {
    if (!is_absolute_web_url(base) || relative.empty() || relative.starts_with("//")) return {};
    for (char ch : relative)
        if (static_cast<unsigned char>(ch) <= ' ' || ch == '\\' || ch == '"' || ch == '<' ||
            ch == '>')
            return {};
    // A scheme ("javascript:", "mailto:") is a colon before any '/', '?' or '#'.
    const std::size_t colon = relative.find(':');
    if (colon != std::string_view::npos && colon < relative.find_first_of("/?#")) return {};
    base = base.substr(0, base.find_first_of("?#"));
    const std::size_t host = base.find("://") + 3;
    const std::size_t path = base.find('/', host);
    if (relative.starts_with('/')) return std::string(base.substr(0, path)) + std::string(relative);
    while (relative.starts_with("./")) relative.remove_prefix(2);
    // The base's folder: up to its last '/', the whole base when it has no path.
    std::string folder = path == std::string_view::npos
                             ? std::string(base) + "/"
                             : std::string(base.substr(0, base.rfind('/') + 1));
    return folder + std::string(relative);
}

std::string field_text(const model::Item& item, std::string_view field, const TextMarkup& markup) {
    const std::string_view value = raw(item, field);
    if (value.empty()) return {};
    return markup.rich(text::decode_latex(value).text);
}

std::string format_date(const dates::Date& date) {
    const bool bounded = date.begin_bound == dates::Bound::date;
    if (date.kind == dates::DateKind::single && bounded) return format_point(date.begin, true);
    if (date.kind != dates::DateKind::range || !bounded) return {};
    if (date.end_bound != dates::Bound::date)
        return format_point(date.begin, true) + (date.end_bound == dates::Bound::open ? " –" : "");
    const bool same_year = date.begin.year == date.end.year;
    if (same_year && date.begin.month == date.end.month && date.begin.day && date.end.day)
        return std::to_string(date.begin.day) + "–" + format_point(date.end, true);
    if (same_year) return format_point(date.begin, false) + "–" + format_point(date.end, true);
    return format_point(date.begin, true) + " – " + format_point(date.end, true);
}

void fill_talk(CvEntry& entry, const model::Item& item, const TextMarkup& markup) {
    entry.title = field_text(item, "title", markup);
    entry.kind = field_text(item, "type", markup);
    entry.event = field_text(item, "event", markup);
    if (entry.event.empty()) entry.event = field_text(item, "eventtitle", markup);
    entry.venue = field_text(item, "venue", markup);
    entry.location = field_text(item, "location", markup);
    if (auto date = first_date(item, {"date", "eventdate"}))
        entry.date = markup.plain(format_date(*date));
}

void fill_course(CvEntry& entry, const model::Item& item, const TextMarkup& markup) {
    entry.title = field_text(item, "title", markup);
    entry.kind = field_text(item, "role", markup);
    entry.event = joined({field_text(item, "level", markup), field_text(item, "program", markup)});
    entry.venue = field_text(item, "institution", markup);
    entry.date = field_text(item, "term", markup);
    if (entry.date.empty())
        if (auto date = first_date(item, {"date"})) entry.date = markup.plain(format_date(*date));
}

std::vector<CvLink> links_of(const model::Item& item, std::string_view base_url) {
    std::vector<CvLink> links;
    const auto add = [&](std::string_view label, std::string_view value) {
        std::string resolved;
        std::string_view url = value;
        if (!is_absolute_web_url(url)) {
            if (base_url.empty()) return;
            resolved = resolve_relative_url(base_url, value);
            if (resolved.empty()) return;
            url = resolved;
        }
        for (const CvLink& link : links)
            if (link.url == url) return;
        links.push_back({std::string(label), std::string(url)});
    };
    if (item.doi) add("DOI", item.doi->url());
    if (item.arxiv) add("arXiv", item.arxiv->abs_url());
    for (auto [label, field] : {std::pair{"PDF", "pdf"},
                                {"Code", "code"},
                                {"Slides", "slides"},
                                {"Poster", "poster"},
                                {"Video", "video"}})
        add(label, raw(item, field));
    if (item.url) add("Website", *item.url);
    return links;
}

} // namespace bibkit::cv::detail
