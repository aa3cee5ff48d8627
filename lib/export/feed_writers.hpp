#pragma once
// The implementations behind make_feed_format (private to lib/export).

#include <bibkit/export/feed_format.hpp>
#include <memory>
#include <optional>

namespace bibkit::exports::detail {

std::unique_ptr<FeedFormat> make_atom_feed();
std::unique_ptr<FeedFormat> make_rss_feed();
std::unique_ptr<FeedFormat> make_json_feed();
std::unique_ptr<FeedFormat> make_ics_feed();
std::unique_ptr<FeedFormat> make_html_list(std::optional<Template> list_template);
std::unique_ptr<FeedFormat> make_markdown_list(std::optional<Template> list_template);

} // namespace bibkit::exports::detail
