#include "feed_content.hpp"

#include <algorithm>
#include <bibkit/core/ascii.hpp>
#include <bibkit/core/percent_encoding.hpp>
#include <bibkit/export/feed_dates.hpp>
#include <bibkit/export/feed_escape.hpp>
#include <bibkit/export/feed_text.hpp>
#include <bibkit/text/html.hpp>
#include <bibkit/text/link_policy.hpp>
#include <bibkit/text/plain_text.hpp>
#include <cstdio>

namespace bibkit::exports::detail {

namespace {

constexpr const char* k_month_names[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};

std::string joined(std::initializer_list<std::string_view> parts, std::string_view separator) {
    std::string out;
    for (std::string_view part : parts) {
        if (part.empty()) continue;
        if (!out.empty()) out += separator;
        out += part;
    }
    return out;
}

std::string authors_text(const FeedItem& item) {
    std::string out;
    for (std::size_t i = 0; i < item.authors.size(); ++i) {
        if (i > 0) out += i + 1 == item.authors.size() ? " and " : ", ";
        out += item.authors[i];
    }
    return out;
}

std::string when_text(const FeedItem& item) {
    std::string when = long_date(item.date);
    if (item.end) when += " – " + long_date(*item.end);
    std::string time = time_of_day(item.date);
    return time.empty() ? when : when + ", " + time;
}

} // namespace

std::string percent_encoded(std::string_view text, std::string_view keep) {
    std::string out;
    append_percent_encoded(out, text, [keep](char c) {
        return !is_unreserved(c) && keep.find(c) == std::string_view::npos;
    });
    return out;
}

std::string feed_title(const FeedOptions& options) {
    if (!options.title.empty()) return options.title;
    switch (options.kind) {
    case FeedKind::news:
        return "News";
    case FeedKind::talks:
        return "Talks";
    case FeedKind::publications:
        return "Publications";
    }
    return "News";
}

std::string site_host(const FeedOptions& options) {
    std::string_view url = options.site_url;
    std::size_t start = url.find("://");
    if (start == std::string_view::npos) return {};
    url.remove_prefix(start + 3);
    url = url.substr(0, url.find_first_of("/?#"));
    url = url.substr(url.find('@') == std::string_view::npos ? 0 : url.find('@') + 1);
    return std::string(url.substr(0, url.find(':')));
}

std::string feed_author(const FeedOptions& options) {
    if (!options.author.empty()) return options.author;
    std::string host = site_host(options);
    return host.empty() ? feed_title(options) : host;
}

std::string feed_id(const FeedOptions& options) {
    if (!options.feed_url.empty()) return options.feed_url;
    std::string kind(to_string(options.kind));
    if (!options.site_url.empty()) return resolve_url("#" + kind, options.site_url);
    return "urn:bibkit:feed:" + kind;
}

std::string entry_id(const FeedOptions& options, const FeedItem& item) {
    // The fragment may hold '/' (a collection page's path); everything else is encoded.
    std::string key = percent_encoded(item.key, "/");
    if (!options.site_url.empty()) return resolve_url("#" + key, options.site_url);
    return "urn:bibkit:" + std::string(to_string(item.kind)) + ":" + key;
}

std::string link_url(std::string_view url, const FeedOptions& options) {
    if (!text::is_linkable_url(url)) return {};
    return resolve_url(url, options.site_url);
}

std::string absolute_url(std::string_view url, const FeedOptions& options) {
    std::string link = link_url(url, options);
    return link.find(':') == std::string::npos ? std::string() : link;
}

// al-folio's inline news have no title: feed readers list entries by title, so the body's start
// stands in, cut at a space.
std::string title_from_body(const FeedItem& item) {
    constexpr std::size_t k_length = 80;
    std::string body = to_plain_text(item.content);
    std::replace(body.begin(), body.end(), '\n', ' ');
    if (body.size() <= k_length) return body;
    std::size_t cut = body.rfind(' ', k_length);
    return body.substr(0, cut == std::string::npos || cut == 0 ? k_length : cut) + " …";
}

std::string plain_title(const FeedItem& item) {
    if (item.title.empty()) return valid_utf8(title_from_body(item));
    return text::to_plain_text(item.title);
}

std::string html_title(const FeedItem& item) {
    if (!item.title.empty()) return text::to_html(item.title);
    std::string out;
    text::append_html_escaped(out, plain_title(item));
    return out;
}

std::string month_year(const dates::DatePoint& date) {
    if (date.month < 1 || date.month > 12) return std::to_string(date.year);
    return std::string(k_month_names[date.month - 1]).substr(0, 3) + " " +
           std::to_string(date.year);
}

std::string long_date(const dates::DatePoint& date) {
    if (date.month < 1 || date.month > 12) return std::to_string(date.year);
    std::string month_year_text =
        std::string(k_month_names[date.month - 1]) + " " + std::to_string(date.year);
    return date.day == 0 ? month_year_text : std::to_string(date.day) + " " + month_year_text;
}

std::string iso_date(const dates::DatePoint& date) {
    char buffer[48];
    int size = std::snprintf(buffer, sizeof buffer, "%04d", date.year);
    if (date.month != 0)
        size += std::snprintf(buffer + size, sizeof buffer - size, "-%02u", unsigned{date.month});
    if (date.day != 0)
        size += std::snprintf(buffer + size, sizeof buffer - size, "-%02u", unsigned{date.day});
    std::string out(buffer, static_cast<std::size_t>(size));
    if (date.has_time) out += "T" + time_of_day(date);
    return out;
}

std::string time_of_day(const dates::DatePoint& date) {
    if (!date.has_time) return {};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02u:%02u", unsigned{date.time.hour},
                  unsigned{date.time.minute});
    const std::string& zone = date.time.zone;
    if (zone.empty()) return buffer;
    return std::string(buffer) + " UTC" + (zone == "Z" ? "" : zone);
}

std::string details_line(const FeedItem& item) {
    switch (item.kind) {
    case FeedKind::news:
        return {};
    case FeedKind::talks:
        return joined({item.talk_type, item.event, item.venue, item.location, when_text(item)},
                      ", ");
    case FeedKind::publications:
        return joined(
            {authors_text(item), joined({item.venue, std::to_string(item.date.year)}, ", ")}, ". ");
    }
    return {};
}

std::string item_html(const FeedItem& item, const FeedOptions& options) {
    std::string out;
    std::string details = details_line(item);
    if (!details.empty()) {
        out += "<p>";
        text::append_html_escaped(out, details);
        out += "</p>\n";
    }
    out += to_html(item.content, options.site_url);
    std::string links;
    for (const FeedLink& link : item.links) {
        std::string url = link_url(link.url, options);
        if (url.empty()) continue;
        links += links.empty() ? "<p>" : " | ";
        links += "<a href=\"";
        text::append_html_escaped(links, url);
        links += "\">";
        text::append_html_escaped(links, link.label);
        links += "</a>";
    }
    if (!links.empty()) out += links + "</p>\n";
    return out;
}

std::string item_plain_text(const FeedItem& item, const FeedOptions& options) {
    std::string out = details_line(item);
    std::string content = to_plain_text(item.content, options.site_url);
    if (!content.empty()) out += (out.empty() ? "" : "\n\n") + content;
    for (const FeedLink& link : item.links) {
        std::string url = link_url(link.url, options);
        if (!url.empty()) out += (out.empty() ? "" : "\n") + link.label + ": " + url;
    }
    return out;
}

dates::DatePoint newest_date(std::span<const FeedItem> items) {
    dates::DatePoint newest;
    newest.year = 1970;
    newest.month = 1;
    newest.day = 1;
    bool any = false;
    for (const FeedItem& item : items) {
        if (!any || compare_instants(item.date, newest) > 0) newest = item.date;
        any = true;
    }
    return newest;
}

} // namespace bibkit::exports::detail
