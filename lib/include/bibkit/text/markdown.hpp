#pragma once
// Rich text as CommonMark (inline): italic *…*, bold **…**, monospace `…`, superscript
// <sup>…</sup>, subscript <sub>…</sub>, small caps <span style="font-variant:small-caps">…</span>,
// math $TeX$ ($$TeX$$ for display), links [text](url) when is_linkable_url allows them. Case
// protection has no Markdown form and leaves no trace. Every character Markdown could read as
// markup is backslash-escaped (\ ` * _ [ ] < > $ ~ | &, and # + - = at the start), so text
// never turns into emphasis, links or HTML.

#include <bibkit/text/rich_text.hpp>
#include <string>
#include <string_view>

namespace bibkit::text {

std::string to_markdown(const RichText& text);
void append_markdown(std::string& out, const RichText& text);

void append_markdown_escaped(std::string& out, std::string_view text);

} // namespace bibkit::text
