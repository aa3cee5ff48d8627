#include "feed_writers.hpp"

#include <algorithm>
#include <array>
#include <bibkit/export/feed_dates.hpp>
#include <bibkit/export/feed_format.hpp>

namespace bibkit::exports {

namespace {

constexpr std::array<std::string_view, 3> k_kind_names = {"news", "talks", "publications"};

struct FormatEntry {
    std::string_view name;
    std::unique_ptr<FeedFormat> (*make)(std::optional<Template>);
};

// One table, no branches: the name of each format and how to make it.
const std::array<FormatEntry, 6> k_formats = {{
    {"atom", [](std::optional<Template>) { return detail::make_atom_feed(); }},
    {"rss", [](std::optional<Template>) { return detail::make_rss_feed(); }},
    {"json", [](std::optional<Template>) { return detail::make_json_feed(); }},
    {"ics", [](std::optional<Template>) { return detail::make_ics_feed(); }},
    {"html", detail::make_html_list},
    {"markdown", detail::make_markdown_list},
}};

constexpr std::array<std::string_view, 6> k_format_names = {"atom", "rss",  "json",
                                                            "ics",  "html", "markdown"};

bool is_upcoming(const FeedItem& item, const dates::DatePoint& today) {
    dates::DatePoint last = last_day(item.end ? *item.end : item.date);
    dates::DatePoint day = today;
    return std::tie(last.year, last.month, last.day) >= std::tie(day.year, day.month, day.day);
}

} // namespace

std::string_view to_string(FeedKind kind) {
    return k_kind_names[static_cast<std::size_t>(kind)];
}

std::optional<FeedKind> parse_feed_kind(std::string_view name) {
    for (std::size_t i = 0; i < k_kind_names.size(); ++i)
        if (k_kind_names[i] == name) return static_cast<FeedKind>(i);
    return std::nullopt;
}

std::span<const std::string_view> feed_kind_names() {
    return k_kind_names;
}

FeedText FeedText::from_rich(text::RichText rich) {
    FeedText text;
    if (rich.empty()) return text;
    text.syntax = Syntax::rich;
    text.rich = std::move(rich);
    return text;
}

FeedText FeedText::from_markdown(std::string markdown) {
    FeedText text;
    if (markdown.find_first_not_of(" \t\r\n") == std::string::npos) return text;
    text.syntax = Syntax::markdown;
    text.markdown = std::move(markdown);
    return text;
}

std::span<const std::string_view> feed_format_names() {
    return k_format_names;
}

std::unique_ptr<FeedFormat> make_feed_format(std::string_view name,
                                             std::optional<Template> list_template) {
    for (const FormatEntry& entry : k_formats)
        if (entry.name == name) return entry.make(std::move(list_template));
    return nullptr;
}

std::vector<FeedItem> select_items(std::vector<FeedItem> items, const Selection& selection) {
    if (selection.when != When::all) {
        bool upcoming = selection.when == When::upcoming;
        std::erase_if(items, [&](const FeedItem& item) {
            return is_upcoming(item, selection.today) != upcoming;
        });
    }
    std::stable_sort(items.begin(), items.end(), [](const FeedItem& a, const FeedItem& b) {
        int order = compare_instants(a.date, b.date);
        if (order != 0) return order > 0;
        return a.key < b.key;
    });
    if (selection.limit != 0 && items.size() > selection.limit) items.resize(selection.limit);
    return items;
}

} // namespace bibkit::exports
