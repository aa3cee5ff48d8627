#pragma once
// Rich text as plain text: runs as they are, math as its Unicode rendering (its TeX where it
// has none), a link as its text (its URL when it has none). Formatting and case protection
// leave no trace.

#include <bibkit/text/rich_text.hpp>
#include <string>
#include <string_view>

namespace bibkit::text {

std::string to_plain_text(const RichText& text);
void append_plain_text(std::string& out, const RichText& text);

// LaTeX as written in a field, as plain text: decoded (warnings dropped), or copied as it is when
// decoding could not change it. For headings and sort keys.
std::string latex_to_plain_text(std::string_view latex);

// The text to sort and compare by: the plain text in ICU's NFKC_Casefold form (so case,
// compatibility forms such as ﬁ or the no-break space, and canonical differences vanish),
// whitespace collapsed to single spaces and trimmed. Accents stay: "Müller" ≠ "Muller".
std::string to_comparison_text(const RichText& text);
std::string to_comparison_text(std::string_view plain_utf8);

} // namespace bibkit::text
