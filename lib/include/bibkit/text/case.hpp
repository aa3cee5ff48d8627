#pragma once
// Case conversion that respects what must not change: nocase spans (BibTeX's `{DNA}`),
// monospace (code), math and URLs keep their case; everything else, formatting spans included, is
// converted with ICU's full Unicode case mappings (ß → SS, Σ at a word's end → ς).

#include <bibkit/text/rich_text.hpp>

namespace bibkit::text {

RichText to_lowercase(const RichText& text);
RichText to_uppercase(const RichText& text);

// The first letter upper case (title-case mapping, so "ǆ" becomes "ǅ"); nothing else changes.
RichText capitalize_first(const RichText& text);

// Everything lower case except the first letter of the text and the first letter after a
// colon, which become upper case. A protected span or math at the start counts as the first
// letter ("{iPhone} apps" stays as it is).
RichText to_sentence_case(const RichText& text);

// CSL 1.0.2's English title case: words in lower case get a capital first letter, words with
// capitals stay as they are; when the text has no lower-case letter at all, every word is
// first lowered. Stop words (a, an, and, as, at, but, by, down, for, from, in, into, nor, of,
// on, onto, or, over, so, the, till, to, up, via, with, yet) are lower case unless first, last
// or after a colon. Words are separated by spaces, hyphens, dashes and slashes.
RichText to_title_case(const RichText& text);

} // namespace bibkit::text
