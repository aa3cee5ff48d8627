#pragma once
// UTF-8 steps the text module needs on its hot paths, without a round trip through UTF-16.

#include <cstdint>
#include <string>
#include <string_view>

namespace bibkit::text::utf8 {

inline constexpr char32_t k_invalid = 0xFFFD;

// The code point at text[pos] and its length in bytes; malformed bytes count as one U+FFFD.
struct Decoded {
    char32_t code_point = 0;
    std::uint32_t size = 0;
};

inline Decoded decode(std::string_view text, std::size_t pos) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    unsigned char lead = byte(pos);
    if (lead < 0x80) return {lead, 1};
    std::uint32_t size = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    if (size == 0 || lead > 0xF4 || pos + size > text.size()) return {k_invalid, 1};
    char32_t cp = lead & (0x7F >> size);
    for (std::uint32_t i = 1; i < size; ++i) {
        unsigned char next = byte(pos + i);
        if ((next & 0xC0) != 0x80) return {k_invalid, 1};
        cp = (cp << 6) | (next & 0x3F);
    }
    constexpr char32_t k_min[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < k_min[size] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {k_invalid, 1};
    return {cp, size};
}

inline void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

inline bool is_ascii(std::string_view text) {
    unsigned char any = 0;
    for (char c : text) any |= static_cast<unsigned char>(c);
    return any < 0x80;
}

constexpr bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

} // namespace bibkit::text::utf8
