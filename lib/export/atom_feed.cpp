// Atom 1.0 (RFC 4287). Titles and content are HTML escaped as text (type="html"), so nothing an
// item holds can add XML elements; every id is derived from the site and the key.

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

void link(std::string& out, std::string_view indent, std::string_view rel, std::string_view href,
          std::string_view title = {}) {
    out.append(indent).append("<link rel=\"").append(rel).append("\" href=\"");
    append_xml_escaped(out, href);
    out += '"';
    if (!title.empty()) {
        out += " title=\"";
        append_xml_escaped(out, title);
        out += '"';
    }
    out += "/>\n";
}

void author(std::string& out, std::string_view indent, std::string_view name) {
    out.append(indent).append("<author>\n");
    element(out, std::string(indent) + "  ", "name", name);
    out.append(indent).append("</author>\n");
}

void entry(std::string& out, const FeedItem& item, const FeedOptions& options) {
    constexpr std::string_view in = "    ";
    out += "  <entry>\n";
    element(out, in, "id", entry_id(options, item));
    element(out, in, "title", html_title(item), " type=\"html\"");
    element(out, in, "published", rfc3339(item.date));
    element(out, in, "updated", rfc3339(item.date));
    if (std::string url = link_url(item.url, options); !url.empty())
        link(out, in, "alternate", url);
    for (const FeedLink& extra : item.links)
        if (std::string url = link_url(extra.url, options); !url.empty())
            link(out, in, "related", url, extra.label);
    for (const std::string& name : item.authors) author(out, in, name);
    for (const std::string& tag : item.tags) {
        out.append(in).append("<category term=\"");
        append_xml_escaped(out, tag);
        out += "\"/>\n";
    }
    element(out, in, "content", item_html(item, options), " type=\"html\"");
    out += "  </entry>\n";
}

class AtomFeed final : public FeedFormat {
  public:
    bool supports(FeedKind) const override { return true; }

    Expected<std::string, FeedError> write(const Feed& feed) const override {
        const FeedOptions& options = feed.options;
        std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                          "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
        element(out, "  ", "id", feed_id(options));
        element(out, "  ", "title", feed_title(options));
        element(out, "  ", "updated", rfc3339(newest_date(feed.items)));
        if (!options.site_url.empty()) link(out, "  ", "alternate", options.site_url);
        if (!options.feed_url.empty()) link(out, "  ", "self", options.feed_url);
        author(out, "  ", feed_author(options));
        out += "  <generator version=\"" BIBKIT_VERSION "\">bibkit</generator>\n";
        for (const FeedItem& item : feed.items) entry(out, item, options);
        out += "</feed>\n";
        return out;
    }
};

} // namespace

std::unique_ptr<FeedFormat> make_atom_feed() {
    return std::make_unique<AtomFeed>();
}

} // namespace bibkit::exports::detail
