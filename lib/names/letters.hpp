#pragma once
// Letter classification shared by the name splitter and the formatter: ASCII by byte (as BibTeX),
// non-ASCII either as BibTeX's caseless bytes or by Unicode character properties (ICU).

#include <bibkit/names/bibtex_name.hpp>
#include <cstddef>
#include <string>
#include <string_view>

namespace bibkit::names::detail {

enum class Case : std::uint8_t { upper, lower, none };

struct Utf8Char {
    char32_t code_point = 0xFFFD;
    std::size_t length = 1; // bytes; 1 for an invalid sequence
};

Utf8Char decode_utf8(std::string_view text, std::size_t at);

constexpr bool is_ascii_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
constexpr bool is_ascii_lower(char c) {
    return c >= 'a' && c <= 'z';
}
constexpr bool is_ascii_letter(char c) {
    return is_ascii_upper(c) || is_ascii_lower(c);
}
constexpr bool is_non_ascii(char c) {
    return static_cast<unsigned char>(c) >= 0x80;
}
constexpr bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The case of the character at `at` for the von test, and how many bytes it takes.
struct CaseAt {
    Case letter_case = Case::none;
    std::size_t length = 1;
};
CaseAt case_at(std::string_view text, std::size_t at, LetterCase mode);

// Where the initial of the character at `at` ends, or `at` when it is not a letter (BibTeX's
// lex_class alpha: ASCII letters and, in byte mode, every non-ASCII byte). In Unicode mode a
// letter keeps the combining marks that follow it.
std::size_t letter_end(std::string_view text, std::size_t at, LetterCase mode);

} // namespace bibkit::names::detail

namespace bibkit::names::detail {

// Where the group that opens just before `at` closes (the index after its `}`), or npos.
std::size_t skip_group(std::string_view text, std::size_t at);

// BibTeX's abbreviation of a token: its first letter, or its first special character `{\...}`
// whole; nothing when it has neither. Returns whether it appended anything.
bool append_initial(std::string& out, std::string_view token, LetterCase mode);

} // namespace bibkit::names::detail
