#pragma once
// A FeedText (a body or abstract) and a FeedItem's URLs in the forms the outputs need.
//
// Markdown is read with cmark (CommonMark) and cleaned on its syntax tree before any rendering:
// raw HTML (blocks and inline) is dropped, and a link or image whose URL is_linkable_url refuses
// (javascript:, data:, vbscript:, file: …) keeps its text but stops being a link; cmark 0.30's own
// safe mode only drops some schemes and keeps others (ftp:, about:), so the filter is ours. With a
// base URL (a feed's --site-url), relative link targets become absolute, so that feed readers,
// which show an entry away from the site, can follow them.

#include <bibkit/export/feed_item.hpp>
#include <string>
#include <string_view>

namespace bibkit::exports {

// Block HTML: Markdown's paragraphs, lists …; rich text as one <p>. Empty for no text.
std::string to_html(const FeedText& text, std::string_view base_url = {});
// The same without the <p> around a text that is one paragraph, for one-line list items.
std::string to_inline_html(const FeedText& text, std::string_view base_url = {});
// CommonMark (cleaned the same way), no trailing newline.
std::string to_markdown(const FeedText& text, std::string_view base_url = {});
// Plain text for iCalendar: paragraphs separated by a blank line, a link as "text (URL)".
std::string to_plain_text(const FeedText& text, std::string_view base_url = {});

// `url` resolved against `base` (a site's address): absolute URLs (with a scheme) and
// everything when base is empty stay as they are; "//host/x" takes base's scheme; "/x" base's
// scheme and host; "x" and "#x" go after base (read as a folder).
std::string resolve_url(std::string_view url, std::string_view base);

} // namespace bibkit::exports
