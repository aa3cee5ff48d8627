// HTML and Markdown lists of news, talks or papers: the items as a template data tree
// (documented in man/bibkit-feed.1 and the README), rendered by the built-in template of the
// kind and format or by the user's own.

#include "feed_content.hpp"
#include "feed_writers.hpp"

#include <bibkit/export/feed_text.hpp>
#include <bibkit/text/link_policy.hpp>
#include <bibkit/text/markdown.hpp>

namespace bibkit::exports::detail {

namespace {

// Built-in templates, in the manner of the seeds' lists.
constexpr std::string_view k_news_html = R"(<ul class="news">
{{#items}}
  <li><span class="news-date">{{date_month}}</span>: {{#page_url}}<a href="{{page_url}}">{{/page_url}}{{{headline_html}}}{{#page_url}}</a>{{/page_url}}</li>
{{/items}}
</ul>
)";

constexpr std::string_view k_news_markdown = R"({{#items}}
- {{date_month}}: {{#page_url}}[{{/page_url}}{{{headline_markdown}}}{{#page_url}}]({{{page_url_markdown}}}){{/page_url}}
{{/items}}
)";

// kainjow-mustache keeps the line of a standalone section tag whose section is not shown, so
// optional parts open and close their sections on lines that hold other text.
constexpr std::string_view k_talks_html = R"(<ul class="talks">
{{#items}}
  <li class="talk">
    <p class="talk-title">{{#url}}<a href="{{url}}">{{/url}}{{{title_html}}}{{#url}}</a>{{/url}}</p>
    <p class="talk-details">{{details}}</p>{{#content_html}}
    <div class="talk-abstract">{{{content_html}}}</div>{{/content_html}}{{#has_links}}
    <p class="talk-links">{{#links}}<a href="{{url}}">{{label}}</a> {{/links}}</p>{{/has_links}}
  </li>
{{/items}}
</ul>
)";

constexpr std::string_view k_talks_markdown = R"({{#items}}
### {{#url}}[{{/url}}{{{title_markdown}}}{{#url}}]({{{url_markdown}}}){{/url}}

{{details}}{{#content_markdown}}

{{{content_markdown}}}{{/content_markdown}}{{#has_links}}

{{#links}}[{{label}}]({{{url_markdown}}}) {{/links}}{{/has_links}}

{{/items}}
)";

constexpr std::string_view k_papers_html = R"(<ol class="bibliography">
{{#items}}
  <li><span id="{{key}}"><span class="title">{{#url}}<a href="{{url}}">{{/url}}{{{title_html}}}{{#url}}</a>{{/url}}</span>. <span class="details">{{details}}</span>{{#links}} <a href="{{url}}">{{label}}</a>{{/links}}</span></li>
{{/items}}
</ol>
)";

constexpr std::string_view k_papers_markdown = R"({{#items}}
1. {{#url}}[{{/url}}{{{title_markdown}}}{{#url}}]({{{url_markdown}}}){{/url}}. {{details}}{{#links}} [{{label}}]({{{url_markdown}}}){{/links}}
{{/items}}
)";

std::string markdown_url(std::string_view url) {
    return percent_encoded(url, ":/?#[]@!$&'*+,;=%");
}

// Sets `name` and `name_markdown` when the URL may be a link.
void set_url(TemplateValue& value, std::string_view name, std::string_view url) {
    if (!text::is_linkable_url(url)) return;
    value.set(name, std::string(url));
    value.set(std::string(name) + "_markdown", markdown_url(url));
}

TemplateValue links_value(const FeedItem& item) {
    TemplateValue links = TemplateValue::list();
    for (const FeedLink& link : item.links) {
        if (!text::is_linkable_url(link.url)) continue;
        TemplateValue value;
        value.set("label", link.label);
        set_url(value, "url", link.url);
        links.push(std::move(value));
    }
    return links;
}

TemplateValue strings_value(const std::vector<std::string>& strings) {
    TemplateValue list = TemplateValue::list();
    for (const std::string& text : strings) list.push(TemplateValue::text(text));
    return list;
}

void set_dates(TemplateValue& value, const FeedItem& item) {
    value.set("date", iso_date(item.date));
    value.set("date_month", month_year(item.date));
    value.set("date_long", long_date(item.date));
    value.set("year", std::to_string(item.date.year));
    value.set("time", time_of_day(item.date));
    if (item.end) {
        value.set("end_date", iso_date(*item.end));
        value.set("end_date_long", long_date(*item.end));
    }
}

void set_texts(TemplateValue& value, const FeedItem& item) {
    value.set("title", plain_title(item));
    value.set("title_html", html_title(item));
    value.set("title_markdown", text::to_markdown(item.title));
    value.set("content_html", to_html(item.content));
    value.set("content_inline_html", to_inline_html(item.content));
    value.set("content_markdown", to_markdown(item.content));
    // What a one-line list shows: an inline announcement's text, else the title.
    bool body = item.inline_news && !item.content.empty();
    value.set("headline_html", body ? to_inline_html(item.content) : html_title(item));
    value.set("headline_markdown",
              body ? to_markdown(item.content) : text::to_markdown(item.title));
}

TemplateValue item_value(const FeedItem& item) {
    TemplateValue value;
    value.set("key", item.key);
    value.set("kind", std::string(to_string(item.kind)));
    set_texts(value, item);
    set_dates(value, item);
    set_url(value, "url", item.url);
    // An announcement shown inline has no page of its own to link to.
    if (!item.inline_news) set_url(value, "page_url", item.url);
    value.set("inline", item.inline_news);
    value.set("type", item.talk_type);
    value.set("event", item.event);
    value.set("venue", item.venue);
    value.set("location", item.location);
    value.set("details", details_line(item));
    value.set("authors", strings_value(item.authors));
    value.set("tags", strings_value(item.tags));
    TemplateValue links = links_value(item);
    value.set("has_links", !std::get<TemplateValue::List>(links.value()).empty());
    value.set("links", std::move(links));
    return value;
}

TemplateValue feed_value(const Feed& feed) {
    TemplateValue value;
    value.set("title", feed_title(feed.options));
    value.set("kind", std::string(to_string(feed.options.kind)));
    value.set("site_url", feed.options.site_url);
    value.set("count", std::to_string(feed.items.size()));
    TemplateValue items = TemplateValue::list();
    for (const FeedItem& item : feed.items) items.push(item_value(item));
    value.set("items", std::move(items));
    return value;
}

struct BuiltIn {
    std::string_view news, talks, papers;
    std::string_view of(FeedKind kind) const {
        return kind == FeedKind::news ? news : kind == FeedKind::talks ? talks : papers;
    }
};

class TemplateList final : public FeedFormat {
  public:
    TemplateList(Escape escape, BuiltIn built_in, std::optional<Template> user)
        : m_escape(escape), m_built_in(built_in), m_user(std::move(user)) {}

    bool supports(FeedKind) const override { return true; }

    Expected<std::string, FeedError> write(const Feed& feed) const override {
        std::optional<Template> built_in;
        if (!m_user) {
            auto parsed = Template::parse(std::string(m_built_in.of(feed.options.kind)));
            if (!parsed)
                return unexpected(FeedError{"built-in template: " + parsed.error().message});
            built_in = std::move(*parsed);
        }
        const Template& chosen = m_user ? *m_user : *built_in;
        auto rendered = chosen.render(feed_value(feed), m_escape);
        if (!rendered) return unexpected(FeedError{"template: " + rendered.error().message});
        return std::move(*rendered);
    }

  private:
    Escape m_escape;
    BuiltIn m_built_in;
    std::optional<Template> m_user;
};

} // namespace

std::unique_ptr<FeedFormat> make_html_list(std::optional<Template> list_template) {
    return std::make_unique<TemplateList>(
        Escape::html, BuiltIn{k_news_html, k_talks_html, k_papers_html}, std::move(list_template));
}

std::unique_ptr<FeedFormat> make_markdown_list(std::optional<Template> list_template) {
    return std::make_unique<TemplateList>(
        Escape::markdown, BuiltIn{k_news_markdown, k_talks_markdown, k_papers_markdown},
        std::move(list_template));
}

} // namespace bibkit::exports::detail
