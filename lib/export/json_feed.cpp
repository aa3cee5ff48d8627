// JSON Feed 1.1 (jsonfeed.org/version/1.1), written with the project's JSON writer, which
// escapes every string and replaces invalid UTF-8.

#include "feed_content.hpp"
#include "feed_writers.hpp"

#include <bibkit/core/json_writer.hpp>
#include <bibkit/export/feed_dates.hpp>

namespace bibkit::exports::detail {

namespace {

void member(JsonWriter& json, std::string_view name, std::string_view value) {
    if (value.empty()) return;
    json.key(name);
    json.value(value);
}

void authors(JsonWriter& json, const std::vector<std::string>& names) {
    if (names.empty()) return;
    json.key("authors");
    json.begin_array();
    for (const std::string& name : names) {
        json.begin_object();
        member(json, "name", name);
        json.end_object();
    }
    json.end_array();
}

void item(JsonWriter& json, const FeedItem& entry, const FeedOptions& options) {
    json.begin_object();
    member(json, "id", entry_id(options, entry));
    member(json, "url", absolute_url(entry.url, options));
    member(json, "title", plain_title(entry));
    // JSON Feed requires content_html or content_text, even when it is empty.
    json.key("content_html");
    json.value(item_html(entry, options));
    member(json, "date_published", rfc3339(entry.date));
    authors(json, entry.authors);
    if (!entry.tags.empty()) {
        json.key("tags");
        json.begin_array();
        for (const std::string& tag : entry.tags) json.value(tag);
        json.end_array();
    }
    json.end_object();
}

class JsonFeed final : public FeedFormat {
  public:
    bool supports(FeedKind) const override { return true; }

    Expected<std::string, FeedError> write(const Feed& feed) const override {
        const FeedOptions& options = feed.options;
        std::string out;
        JsonWriter json(out, true);
        json.begin_object();
        member(json, "version", "https://jsonfeed.org/version/1.1");
        member(json, "title", feed_title(options));
        member(json, "home_page_url", options.site_url);
        member(json, "feed_url", options.feed_url);
        authors(json, {feed_author(options)});
        json.key("items");
        json.begin_array();
        for (const FeedItem& entry : feed.items) item(json, entry, options);
        json.end_array();
        json.end_object();
        out += '\n';
        return out;
    }
};

} // namespace

std::unique_ptr<FeedFormat> make_json_feed() {
    return std::make_unique<JsonFeed>();
}

} // namespace bibkit::exports::detail
