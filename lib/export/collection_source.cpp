// Feed items from a Jekyll collection: one Markdown page with YAML front matter per item.

#include <algorithm>
#include <bibkit/config/front_matter.hpp>
#include <bibkit/core/ascii.hpp>
#include <bibkit/export/feed_sources.hpp>
#include <cstdio>
#include <filesystem>
#include <yaml-cpp/yaml.h>

namespace bibkit::exports {

namespace {

namespace fs = std::filesystem;

// Reads a fixed number of digits; false when they are not there.
bool digits(std::string_view& text, std::size_t count, int& value) {
    if (text.size() < count) return false;
    value = 0;
    for (std::size_t i = 0; i < count; ++i) {
        if (!ascii::is_digit(text[i])) return false;
        value = value * 10 + (text[i] - '0');
    }
    text.remove_prefix(count);
    return true;
}

bool literal(std::string_view& text, char c) {
    if (text.empty() || text[0] != c) return false;
    text.remove_prefix(1);
    return true;
}

// "Z", "+01:00", "-0400", "+01" → "Z" or "+hh:mm"; nothing for anything else.
std::optional<std::string> parse_zone(std::string_view text) {
    if (text == "Z" || text == "UTC") return std::string("Z");
    if (text.empty() || (text[0] != '+' && text[0] != '-')) return std::nullopt;
    char sign = text[0];
    text.remove_prefix(1);
    int hours = 0, minutes = 0;
    if (!digits(text, 2, hours)) return std::nullopt;
    literal(text, ':');
    if (!text.empty() && !digits(text, 2, minutes)) return std::nullopt;
    if (!text.empty() || hours > 23 || minutes > 59) return std::nullopt;
    char zone[16];
    std::snprintf(zone, sizeof zone, "%c%02d:%02d", sign, hours, minutes);
    return std::string(zone);
}

bool parse_time(std::string_view& text, dates::DatePoint& date) {
    int hour = 0, minute = 0, second = 0;
    if (!digits(text, 2, hour) || !literal(text, ':') || !digits(text, 2, minute)) return false;
    if (literal(text, ':') && !digits(text, 2, second)) return false;
    if (literal(text, '.'))
        while (!text.empty() && ascii::is_digit(text[0])) text.remove_prefix(1);
    if (hour > 23 || minute > 59 || second > 60) return false;
    date.has_time = true;
    date.time.hour = static_cast<std::uint8_t>(hour);
    date.time.minute = static_cast<std::uint8_t>(minute);
    date.time.second = static_cast<std::uint8_t>(second);
    while (!text.empty() && text[0] == ' ') text.remove_prefix(1);
    if (text.empty()) return true;
    std::optional<std::string> zone = parse_zone(text);
    if (!zone) return false;
    date.time.zone = *zone;
    text = {};
    return true;
}

std::string scalar(const YAML::Node& page, std::string_view name) {
    YAML::Node node = page[std::string(name)];
    if (!node || !node.IsScalar()) return {};
    return node.Scalar();
}

std::string first_scalar(const YAML::Node& page, std::initializer_list<std::string_view> names) {
    for (std::string_view name : names)
        if (std::string value = scalar(page, name); !value.empty()) return value;
    return {};
}

std::vector<std::string> strings(const YAML::Node& page, std::string_view name) {
    std::vector<std::string> out;
    YAML::Node node = page[std::string(name)];
    if (node && node.IsSequence()) {
        for (const YAML::Node& item : node)
            if (item.IsScalar()) out.push_back(item.Scalar());
    } else if (node && node.IsScalar() && !node.Scalar().empty()) {
        out.push_back(node.Scalar());
    }
    return out;
}

bool yaml_true(const YAML::Node& page, std::string_view name) {
    std::string value = scalar(page, name);
    return ascii::iequals(value, "true") || ascii::iequals(value, "yes");
}

// The byte offset of a YAML mark (0-based line and column of the YAML text) in the page.
std::uint32_t page_offset(std::string_view page, const config::FrontMatter& front,
                          const YAML::Mark& mark) {
    std::size_t offset = static_cast<std::size_t>(front.yaml.data() - page.data());
    for (int line = 0; line < mark.line; ++line) {
        std::size_t next = page.find('\n', offset);
        if (next == std::string_view::npos) break;
        offset = next + 1;
    }
    if (mark.column > 0) offset += static_cast<std::size_t>(mark.column);
    return static_cast<std::uint32_t>(std::min(offset, page.size()));
}

struct PageContext {
    const SourceFile& source;
    const config::FrontMatter& front;
    std::string_view path;
    std::string_view collection;
    FeedKind kind;
};

std::string default_url(const PageContext& page, std::string_view key) {
    return "/" + std::string(page.collection) + "/" + std::string(key) + "/";
}

FeedItem page_item(const PageContext& page, const YAML::Node& yaml, std::string key,
                   const dates::DatePoint& date) {
    FeedItem item;
    item.kind = page.kind;
    item.title = text::RichText::from_plain(scalar(yaml, "title"));
    item.date = date;
    std::string body(page.source.text().substr(page.front.body_offset));
    item.content = FeedText::from_markdown(std::move(body));
    item.inline_news = yaml_true(yaml, "inline");
    item.talk_type = first_scalar(yaml, {"talk_type", "type"});
    item.event = scalar(yaml, "event");
    item.venue = scalar(yaml, "venue");
    item.location = scalar(yaml, "location");
    std::string permalink = scalar(yaml, "permalink");
    item.url = page.kind == FeedKind::talks ? first_scalar(yaml, {"talk_url", "url"}) : "";
    if (item.url.empty()) item.url = permalink.empty() ? default_url(page, key) : permalink;
    for (std::string_view name : {"slides", "slides_url"})
        if (std::string url = scalar(yaml, name); !url.empty()) {
            item.links.push_back({"Slides", url});
            break;
        }
    if (std::string url = scalar(yaml, "video"); !url.empty()) item.links.push_back({"Video", url});
    item.tags = strings(yaml, "tags");
    if (item.tags.empty()) item.tags = strings(yaml, "keywords");
    item.key = std::move(key);
    return item;
}

std::string page_key(std::string_view path) {
    std::string key(path);
    std::size_t slash = key.rfind('/');
    std::size_t dot = key.rfind('.');
    if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) key.resize(dot);
    return key;
}

bool is_page(const fs::path& path) {
    std::string extension = path.extension().string();
    std::string name = path.filename().string();
    return (extension == ".md" || extension == ".markdown") && !name.starts_with('.') &&
           !name.starts_with('_');
}

} // namespace

std::optional<dates::DatePoint> parse_jekyll_date(std::string_view text) {
    while (!text.empty() && ascii::is_space(text.back())) text.remove_suffix(1);
    while (!text.empty() && ascii::is_space(text.front())) text.remove_prefix(1);
    dates::DatePoint date;
    int year = 0, month = 0, day = 0;
    if (!digits(text, 4, year) || !literal(text, '-') || !digits(text, 2, month) ||
        !literal(text, '-') || !digits(text, 2, day))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > dates::days_in_month(year, month))
        return std::nullopt;
    date.year = year;
    date.month = static_cast<std::uint8_t>(month);
    date.day = static_cast<std::uint8_t>(day);
    if (text.empty()) return date;
    if (text[0] != ' ' && text[0] != 'T') return std::nullopt;
    text.remove_prefix(1);
    if (!parse_time(text, date) || !text.empty()) return std::nullopt;
    return date;
}

FeedItems read_collection_page(const SourceFile& source, std::string_view path,
                               std::string_view collection, FeedKind kind) {
    FeedItems result;
    std::string_view text = source.text();
    config::FrontMatter front = config::split_front_matter(text);
    auto report = [&](std::uint32_t offset, Severity severity, std::string code,
                      std::string message) {
        result.diagnostics.push_back(
            deferred_diagnostic(source, offset, severity, std::move(code), std::move(message)));
        locate_diagnostics(result.diagnostics);
    };
    if (!front.present) {
        report(0, Severity::warning, "no-front-matter",
               "no YAML front matter (a '---' line first): not a page of the collection");
        return result;
    }
    YAML::Node yaml;
    try {
        yaml = YAML::Load(std::string(front.yaml));
    } catch (const YAML::Exception& error) {
        report(page_offset(text, front, error.mark), Severity::error, "front-matter",
               "front matter: " + error.msg);
        return result;
    }
    PageContext page{source, front, path, collection, kind};
    YAML::Node date_node = yaml.IsMap() ? yaml["date"] : YAML::Node();
    std::optional<dates::DatePoint> date;
    if (date_node && date_node.IsScalar()) date = parse_jekyll_date(date_node.Scalar());
    if (!date) {
        std::uint32_t offset =
            date_node ? page_offset(text, front, date_node.Mark()) : page_offset(text, front, {});
        report(offset, Severity::error, "feed-no-date",
               date_node ? "date: expected YYYY-MM-DD, optionally with a time and a zone"
                         : "no date in the front matter: left out of the feed");
        return result;
    }
    result.items.push_back(page_item(page, yaml, page_key(path), *date));
    return result;
}

Expected<FeedItems, IoError> read_collection(const std::string& dir, FeedKind kind) {
    std::error_code error;
    std::vector<fs::path> pages;
    for (fs::recursive_directory_iterator it(dir, error), end; !error && it != end;
         it.increment(error))
        if (it->is_regular_file(error) && is_page(it->path())) pages.push_back(it->path());
    if (error) return unexpected(IoError{dir, error.message()});
    std::sort(pages.begin(), pages.end());
    std::string collection = fs::path(dir).lexically_normal().filename().string();
    if (collection.empty())
        collection = fs::path(dir).lexically_normal().parent_path().filename().string();
    if (collection.starts_with('_')) collection.erase(0, 1);
    FeedItems result;
    for (const fs::path& path : pages) {
        auto source = SourceFile::open(path.string());
        if (!source) return unexpected(source.error());
        std::string relative = path.lexically_relative(dir).generic_string();
        FeedItems page = read_collection_page(*source, relative, collection, kind);
        for (FeedItem& item : page.items) result.items.push_back(std::move(item));
        for (Diagnostic& diagnostic : page.diagnostics)
            result.diagnostics.push_back(std::move(diagnostic));
    }
    return result;
}

} // namespace bibkit::exports
