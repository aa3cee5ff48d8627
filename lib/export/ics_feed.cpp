// iCalendar (RFC 5545) for talks: a VEVENT per talk.
//
// - UID: KEY@HOST (the host of --site-url) or KEY@bibkit: the same talk keeps its UID, so
//   calendar clients update it instead of adding a copy.
// - DTSTAMP is the talk's own date (its UTC instant, or its day at 00:00 UTC). RFC 5545 means it
//   as the moment the object was created; using the clock would change every event on every
//   run, and stable output is a requirement (regenerated calendars must not re-announce
//   anything). A rescheduled talk gets a new DTSTAMP, which is what clients need to notice.
// - DTSTART: VALUE=DATE for a talk without a time; with a time, UTC when the source gives a zone
//   or an offset, else a floating local time (the talk is at 14:00 wherever it is). No TZID: it
//   would require a VTIMEZONE with the zone's rules, which BibTeX sources do not carry.
// - DTEND only for a talk given as a range (date = {2027-02-08/2027-02-19}); all-day ends are
//   exclusive, so the day after the last.

#include "feed_content.hpp"
#include "feed_writers.hpp"

#include <bibkit/export/feed_dates.hpp>
#include <bibkit/export/feed_escape.hpp>

namespace bibkit::exports::detail {

namespace {

void text_property(std::string& out, std::string_view name, std::string_view value) {
    if (value.empty()) return;
    std::string line(name);
    line += ':';
    append_ical_escaped(line, value);
    append_ical_line(out, line);
}

void date_property(std::string& out, std::string_view name, const dates::DatePoint& date) {
    std::string line(name);
    line += date.has_time ? ":" + ics_date_time(date) : ";VALUE=DATE:" + ics_date(date);
    append_ical_line(out, line);
}

// A URI value is not TEXT: no escaping, but nothing that could end the line either.
void uri_property(std::string& out, std::string_view name, std::string_view uri) {
    if (uri.empty()) return;
    std::string line(name);
    line += ':';
    for (char c : valid_utf8(uri))
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) line += c;
    append_ical_line(out, line);
}

std::string stamp(const dates::DatePoint& date) {
    dates::DatePoint instant = date;
    if (!instant.has_time || instant.time.zone.empty()) {
        instant.has_time = true;
        instant.time = {0, 0, 0, "Z"};
    }
    return ics_date_time(instant);
}

void event(std::string& out, const FeedItem& talk, const FeedOptions& options) {
    append_ical_line(out, "BEGIN:VEVENT");
    std::string host = site_host(options);
    text_property(out, "UID", talk.key + "@" + (host.empty() ? "bibkit" : host));
    append_ical_line(out, "DTSTAMP:" + stamp(talk.date));
    date_property(out, "DTSTART", talk.date);
    // DTSTART and DTEND must be of the same value type (RFC 5545 3.6.1).
    if (talk.end && talk.end->has_time == talk.date.has_time)
        date_property(out, "DTEND", talk.end->has_time ? *talk.end : next_day(*talk.end));
    text_property(out, "SUMMARY", plain_title(talk));
    std::string place = talk.venue;
    if (!talk.location.empty()) place += (place.empty() ? "" : ", ") + talk.location;
    text_property(out, "LOCATION", place);
    text_property(out, "DESCRIPTION", item_plain_text(talk, options));
    if (!talk.talk_type.empty()) text_property(out, "CATEGORIES", talk.talk_type);
    uri_property(out, "URL", absolute_url(talk.url, options));
    append_ical_line(out, "END:VEVENT");
}

class IcsFeed final : public FeedFormat {
  public:
    bool supports(FeedKind kind) const override { return kind == FeedKind::talks; }

    Expected<std::string, FeedError> write(const Feed& feed) const override {
        std::string out;
        append_ical_line(out, "BEGIN:VCALENDAR");
        append_ical_line(out, "VERSION:2.0");
        append_ical_line(out, "PRODID:-//bibkit//bibkit " BIBKIT_VERSION "//EN");
        append_ical_line(out, "CALSCALE:GREGORIAN");
        text_property(out, "X-WR-CALNAME", feed_title(feed.options));
        for (const FeedItem& talk : feed.items) event(out, talk, feed.options);
        append_ical_line(out, "END:VCALENDAR");
        return out;
    }
};

} // namespace

std::unique_ptr<FeedFormat> make_ics_feed() {
    return std::make_unique<IcsFeed>();
}

} // namespace bibkit::exports::detail
