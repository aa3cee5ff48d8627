#pragma once
// `bibkit feed`'s outputs, one small interface with one implementation per format: Atom 1.0
// (RFC 4287), RSS 2.0, JSON Feed 1.1, iCalendar (RFC 5545, talks only), and HTML and Markdown
// lists rendered by a Mustache template (template.hpp; built-in ones, or the user's).
//
// Output is a function of the items and the options alone: no clock, no random ids. Ids come
// from the site's address and the item's key, `updated` from the newest item, so regenerating a
// feed after adding an item changes that item and `updated`, and nothing else.

#include <bibkit/core/expected.hpp>
#include <bibkit/export/feed_item.hpp>
#include <bibkit/export/template.hpp>
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::exports {

struct FeedOptions {
    FeedKind kind = FeedKind::news;
    std::string site_url; // the site's address: ids, the feed's link, relative URLs resolved
    std::string feed_url; // the feed's own address (Atom rel="self", JSON Feed feed_url)
    std::string title;    // empty: "News", "Talks" or "Publications"
    std::string author;   // the feed's author (Atom requires one)
};

// What a format writes: the options and the items, newest first (select_items).
struct Feed {
    const FeedOptions& options;
    std::span<const FeedItem> items;
};

struct FeedError {
    std::string message;
};

class FeedFormat {
  public:
    virtual ~FeedFormat() = default;
    // iCalendar is for talks; the others take any kind.
    virtual bool supports(FeedKind kind) const = 0;
    virtual Expected<std::string, FeedError> write(const Feed& feed) const = 0;
};

// The names make_feed_format knows: atom, rss, json, ics, html, markdown.
std::span<const std::string_view> feed_format_names();

// Null for an unknown name. `list_template` replaces the built-in template of html and markdown
// (the other formats ignore it).
std::unique_ptr<FeedFormat> make_feed_format(std::string_view name,
                                             std::optional<Template> list_template = {});

enum class When : std::uint8_t { all, upcoming, past };

struct Selection {
    When when = When::all;
    dates::DatePoint today; // for upcoming and past
    std::size_t limit = 0;  // 0: no limit
};

// Newest first (ties by key, so the order never depends on the input's); upcoming keeps the
// items whose last day is today or later, past the others; then at most `limit`.
std::vector<FeedItem> select_items(std::vector<FeedItem> items, const Selection& selection);

} // namespace bibkit::exports
