#pragma once
// What the feed formats share (private to lib/export): ids, titles, dates as people read them,
// and an item's description as HTML and as plain text.

#include <bibkit/export/feed_format.hpp>
#include <string>
#include <string_view>

namespace bibkit::exports::detail {

// --title, or "News", "Talks", "Publications".
std::string feed_title(const FeedOptions& options);
// --author, else the site's host, else the title: Atom needs an author for the feed.
std::string feed_author(const FeedOptions& options);
// The feed's id: its own URL, or the site's with "#KIND", or urn:bibkit:feed:KIND.
std::string feed_id(const FeedOptions& options);
// An item's id: the site's URL with "#KEY", or urn:bibkit:KIND:KEY (key percent-encoded).
std::string entry_id(const FeedOptions& options, const FeedItem& item);
// The host of the site's URL ("example.org"), or empty.
std::string site_host(const FeedOptions& options);

// A URL a reader may follow, resolved against the site; empty when is_linkable_url refuses it.
std::string link_url(std::string_view url, const FeedOptions& options);
// The same, only when the result is absolute (iCalendar's URL, JSON Feed's url).
std::string absolute_url(std::string_view url, const FeedOptions& options);

// The title; for an item without one (al-folio inline news), the start of its body.
std::string plain_title(const FeedItem& item);
std::string html_title(const FeedItem& item);

// "Sep 2024" (the seeds' news lists), "9 February 2027", "2027-02-09T10:30" (ISO, as given).
std::string month_year(const dates::DatePoint& date);
std::string long_date(const dates::DatePoint& date);
std::string iso_date(const dates::DatePoint& date);
// "10:30", "10:30 UTC", "10:30 UTC+01:00" (the zone as given), or empty.
std::string time_of_day(const dates::DatePoint& date);

// One line on where and when: "Invited talk, Workshop, Venue, Place, 9 February 2027, 10:30";
// for a paper "Authors. Venue, 2025"; for news nothing.
std::string details_line(const FeedItem& item);

// The entry's content for Atom, RSS and JSON Feed: the details line, the body or abstract and
// the links, as HTML; relative URLs resolved against the site.
std::string item_html(const FeedItem& item, const FeedOptions& options);
// The same as plain text (iCalendar's DESCRIPTION).
std::string item_plain_text(const FeedItem& item, const FeedOptions& options);

// The newest item's date, or 1970-01-01 for no items (a fixed value keeps output stable).
dates::DatePoint newest_date(std::span<const FeedItem> items);

// Percent-encodes every byte outside unreserved characters and `keep`.
std::string percent_encoded(std::string_view text, std::string_view keep);

} // namespace bibkit::exports::detail
