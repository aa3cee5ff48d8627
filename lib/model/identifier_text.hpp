#pragma once
// Text helpers shared by the identifier parsers: identifiers arrive wrapped in LaTeX (\url{…},
// \_), in URLs (percent-encoding) and with stray punctuation, and each parser peels the same
// layers before looking at the identifier itself.

#include <initializer_list>
#include <string>
#include <string_view>

namespace bibkit::model::detail {

std::string_view trim(std::string_view text);

// Case-insensitive (ASCII) prefix test and search.
bool istarts_with(std::string_view text, std::string_view prefix);
bool iends_with(std::string_view text, std::string_view suffix);
std::size_t ifind(std::string_view text, std::string_view needle, std::size_t from = 0);

// The URL argument of a value that is exactly `\url{x}` or `\href{x}{text}`; otherwise the text.
std::string_view unwrap_url_command(std::string_view text);

// The argument of the first `\url{…}` or `\href{…}{…}` anywhere in the text, or empty.
std::string_view find_url_command(std::string_view text);

// Undoes the escapes BibTeX users put into identifiers: `\_` `\%` `\&` `\#` `\$` `\~`,
// `\textunderscore`, and grouping braces. Other commands are kept as written.
std::string unescape_latex(std::string_view text);

// %XX sequences decoded; malformed ones kept as written.
std::string percent_decode(std::string_view text);

// When the text is a URL on one of the hosts ("http://" or "https://" optional, "www."
// optional), replaces it by the path after the host's slash and returns true.
bool strip_url_host(std::string_view& text, std::initializer_list<std::string_view> hosts);

} // namespace bibkit::model::detail
