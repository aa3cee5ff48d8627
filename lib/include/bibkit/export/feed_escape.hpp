#pragma once
// Text made safe for the feed formats. Untrusted text (any field, any page) only ever goes
// through these, so it can never become markup or break a line structure.

#include <string>
#include <string_view>

namespace bibkit::exports {

// XML 1.0 character data or attribute value: & < > " ' escaped; characters XML 1.0 forbids
// (C0 controls other than tab and line feed, U+FFFE, U+FFFF) removed; carriage returns removed
// too (XML would turn them into line feeds anyway); bytes that are not UTF-8 become U+FFFD.
void append_xml_escaped(std::string& out, std::string_view text);

// An iCalendar TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped with a
// backslash, a line break (LF, CR or CRLF) as \n; other control characters, which TEXT does
// not allow, removed; invalid UTF-8 as U+FFFD.
void append_ical_escaped(std::string& out, std::string_view text);

// One iCalendar content line (RFC 5545 3.1), folded: at most 75 octets per physical line,
// continuations start with a space, never inside a UTF-8 sequence; every line ends in CRLF.
void append_ical_line(std::string& out, std::string_view line);

// Valid UTF-8 with every invalid byte replaced by U+FFFD.
std::string valid_utf8(std::string_view text);

} // namespace bibkit::exports
