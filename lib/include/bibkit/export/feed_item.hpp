#pragma once
// What a news item, a talk or a paper is to a feed or a list, whatever it was read from: a
// BibTeX @news/@talk/paper entry or a page of a Jekyll collection (al-folio's _news, academicpages'
// _talks). Every output format (feed_format.hpp) reads only this.

#include <bibkit/dates/date.hpp>
#include <bibkit/text/rich_text.hpp>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::exports {

enum class FeedKind : std::uint8_t { news, talks, publications };

std::string_view to_string(FeedKind kind);
// "news", "talks", "publications"; nothing for any other name.
std::optional<FeedKind> parse_feed_kind(std::string_view name);
std::span<const std::string_view> feed_kind_names();

// A body or an abstract: LaTeX decoded from a BibTeX field (a talk's or a paper's abstract), or
// Markdown (a news body, a Jekyll page's body), rendered by feed_text.hpp.
struct FeedText {
    enum class Syntax : std::uint8_t { none, rich, markdown };
    Syntax syntax = Syntax::none;
    text::RichText rich;  // Syntax::rich
    std::string markdown; // Syntax::markdown

    bool empty() const { return syntax == Syntax::none; }
    static FeedText from_rich(text::RichText rich);
    static FeedText from_markdown(std::string markdown);
};

// A link besides the item's own page: slides, video, PDF, DOI, arXiv, code.
struct FeedLink {
    std::string label; // "Slides", "Video", "PDF", "DOI", "arXiv", "Code"
    std::string url;   // as written; may be relative to the site
};

struct FeedItem {
    // The stable part of every id derived from the item: the BibTeX key, or the page's path in
    // its collection without the extension (Jekyll's :path, "2024-05-17-map5").
    std::string key;
    FeedKind kind = FeedKind::news;
    text::RichText title;
    // At least a year. A time of day only when the source gave one (zone as written: "", "Z" or
    // "+hh:mm"); a date without a time is a whole day.
    dates::DatePoint date;
    // The last day (or moment) of an item that spans several days (a mini-course), else none.
    std::optional<dates::DatePoint> end;
    FeedText content; // news body, talk or paper abstract
    std::string url;  // the item's own page (may be relative to the site)
    std::vector<FeedLink> links;
    std::vector<std::string> authors; // display names: the speaker, the paper's authors
    std::string talk_type;            // "Invited talk", "Seminar"
    std::string event;                // the conference, workshop or seminar series
    std::string venue;                // the institution, the journal or proceedings
    std::string location;             // the city
    std::vector<std::string> tags;    // keywords
    bool inline_news = false;         // al-folio's `inline`: a one-line announcement
};

} // namespace bibkit::exports
