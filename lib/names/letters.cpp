#include "letters.hpp"

#include <unicode/uchar.h>

namespace bibkit::names::detail {

Utf8Char decode_utf8(std::string_view text, std::size_t at) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    unsigned char lead = byte(at);
    if (lead < 0x80) return {lead, 1};
    std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
    if (length == 0 || lead > 0xF4 || at + length > text.size()) return {};
    char32_t value = lead & (0x7F >> length);
    for (std::size_t i = 1; i < length; ++i) {
        if (!is_continuation(text[at + i])) return {};
        value = (value << 6) | (byte(at + i) & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not characters.
    if ((length == 3 && value < 0x800) || (length == 4 && (value < 0x10000 || value > 0x10FFFF)) ||
        (value >= 0xD800 && value <= 0xDFFF))
        return {};
    return {value, length};
}

CaseAt case_at(std::string_view text, std::size_t at, LetterCase mode) {
    char c = text[at];
    if (is_ascii_upper(c)) return {Case::upper, 1};
    if (is_ascii_lower(c)) return {Case::lower, 1};
    if (!is_non_ascii(c) || mode == LetterCase::bibtex_bytes) return {Case::none, 1};
    Utf8Char decoded = decode_utf8(text, at);
    auto cp = static_cast<UChar32>(decoded.code_point);
    if (u_isupper(cp) || u_istitle(cp)) return {Case::upper, decoded.length};
    if (u_islower(cp)) return {Case::lower, decoded.length};
    return {Case::none, decoded.length};
}

std::size_t letter_end(std::string_view text, std::size_t at, LetterCase mode) {
    char c = text[at];
    std::size_t end = at;
    if (is_ascii_letter(c)) {
        end = at + 1;
    } else if (!is_non_ascii(c)) {
        return at;
    } else if (mode == LetterCase::bibtex_bytes) {
        return at + 1;
    } else {
        Utf8Char decoded = decode_utf8(text, at);
        if (!u_isalpha(static_cast<UChar32>(decoded.code_point))) return at;
        end = at + decoded.length;
    }
    if (mode == LetterCase::bibtex_bytes) return end;
    while (end < text.size() && is_non_ascii(text[end])) {
        Utf8Char mark = decode_utf8(text, end);
        if ((U_GET_GC_MASK(static_cast<UChar32>(mark.code_point)) & U_GC_M_MASK) == 0) break;
        end += mark.length;
    }
    return end;
}

} // namespace bibkit::names::detail

namespace bibkit::names::detail {

std::size_t skip_group(std::string_view text, std::size_t at) {
    int depth = 1;
    while (at < text.size()) {
        if (text[at] == '{')
            ++depth;
        else if (text[at] == '}' && --depth == 0)
            return at + 1;
        ++at;
    }
    return std::string_view::npos;
}

bool append_initial(std::string& out, std::string_view token, LetterCase mode) {
    std::size_t at = 0;
    while (at < token.size()) {
        std::size_t end = letter_end(token, at, mode);
        if (end > at) {
            out.append(token.substr(at, end - at));
            return true;
        }
        if (token[at] == '{' && at + 1 < token.size() && token[at + 1] == '\\') {
            std::size_t close = skip_group(token, at + 1);
            out.append(token.substr(at, close == std::string_view::npos ? token.npos : close - at));
            return true;
        }
        at += (mode == LetterCase::unicode && is_non_ascii(token[at]))
                  ? decode_utf8(token, at).length
                  : 1;
    }
    return false;
}

} // namespace bibkit::names::detail
