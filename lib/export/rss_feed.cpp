// RSS 2.0 (the RSS Advisory Board's specification): channel title, link and description; an item
// per entry with its guid (not a permalink: it is the stable id, not the page), pubDate in
// RFC 822 and the HTML description escaped as text. The channel's link is the site (RSS requires
// one; without --site-url the feed's id stands in), and an atom:link rel="self" when the feed's
// own URL is known, as the RSS Advisory Board recommends.

#include "feed_content.hpp"
#include "feed_writers.hpp"

#include <bibkit/export/feed_dates.hpp>
#include <bibkit/export/feed_escape.hpp>

namespace bibkit::exports::detail {

namespace {

void element(std::string& out, std::string_view indent, std::string_view name,
             std::string_view text, std::string_view attributes = {}) {
    out.append(indent).append("<").append(name).append(attributes).append(">");
    append_xml_escaped(out, text);
    out.append("</").append(name).append(">\n");
}

void item(std::string& out, const FeedItem& entry, const FeedOptions& options) {
    constexpr std::string_view in = "      ";
    out += "    <item>\n";
    element(out, in, "title", plain_title(entry));
    if (std::string url = link_url(entry.url, options); !url.empty()) element(out, in, "link", url);
    element(out, in, "description", item_html(entry, options));
    element(out, in, "guid", entry_id(options, entry), " isPermaLink=\"false\"");
    element(out, in, "pubDate", rfc822(entry.date));
    for (const std::string& tag : entry.tags) element(out, in, "category", tag);
    out += "    </item>\n";
}

class RssFeed final : public FeedFormat {
  public:
    bool supports(FeedKind) const override { return true; }

    Expected<std::string, FeedError> write(const Feed& feed) const override {
        const FeedOptions& options = feed.options;
        std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                          "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n"
                          "  <channel>\n";
        constexpr std::string_view in = "    ";
        std::string title = feed_title(options);
        element(out, in, "title", title);
        element(out, in, "link", options.site_url.empty() ? feed_id(options) : options.site_url);
        element(out, in, "description", title);
        if (!options.feed_url.empty()) {
            out += "    <atom:link rel=\"self\" type=\"application/rss+xml\" href=\"";
            append_xml_escaped(out, options.feed_url);
            out += "\"/>\n";
        }
        element(out, in, "lastBuildDate", rfc822(newest_date(feed.items)));
        element(out, in, "generator", "bibkit " BIBKIT_VERSION);
        for (const FeedItem& entry : feed.items) item(out, entry, options);
        out += "  </channel>\n</rss>\n";
        return out;
    }
};

} // namespace

std::unique_ptr<FeedFormat> make_rss_feed() {
    return std::make_unique<RssFeed>();
}

} // namespace bibkit::exports::detail
