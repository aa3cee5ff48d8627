#include <bibkit/export/feed_escape.hpp>
#include <cstdint>

namespace bibkit::exports {

namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD"; // U+FFFD

struct CodePoint {
    char32_t value = 0;
    std::size_t size = 0; // 0: the byte at the start is not valid UTF-8
};

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
CodePoint decode(std::string_view text) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    unsigned char lead = byte(0);
    if (lead < 0x80) return {lead, 1};
    std::size_t size = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    if (size == 0 || lead > 0xF4 || text.size() < size) return {};
    char32_t value = lead & (0x7F >> size);
    for (std::size_t i = 1; i < size; ++i) {
        if ((byte(i) & 0xC0) != 0x80) return {};
        value = (value << 6) | (byte(i) & 0x3F);
    }
    constexpr char32_t k_smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (value < k_smallest[size] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return {};
    return {value, size};
}

// Calls emit(code point, its bytes) for each character, with U+FFFD for each invalid byte.
template <class Emit> void for_each_character(std::string_view text, Emit&& emit) {
    while (!text.empty()) {
        CodePoint point = decode(text);
        if (point.size == 0) {
            emit(char32_t{0xFFFD}, k_replacement);
            text.remove_prefix(1);
            continue;
        }
        emit(point.value, text.substr(0, point.size));
        text.remove_prefix(point.size);
    }
}

bool is_control(char32_t c) {
    return c < 0x20 || c == 0x7F;
}

} // namespace

std::string valid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for_each_character(text, [&](char32_t, std::string_view bytes) { out += bytes; });
    return out;
}

void append_xml_escaped(std::string& out, std::string_view text) {
    for_each_character(text, [&](char32_t c, std::string_view bytes) {
        switch (c) {
        case '&':
            out += "&amp;";
            return;
        case '<':
            out += "&lt;";
            return;
        case '>':
            out += "&gt;";
            return;
        case '"':
            out += "&quot;";
            return;
        case '\'':
            out += "&apos;";
            return;
        case '\t':
        case '\n':
            out += bytes;
            return;
        default:
            break;
        }
        if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) return;
        out += bytes;
    });
}

void append_ical_escaped(std::string& out, std::string_view text) {
    bool after_cr = false;
    for_each_character(text, [&](char32_t c, std::string_view bytes) {
        bool cr = c == '\r';
        if (c == '\n' && after_cr) {
            after_cr = false; // the LF of a CRLF: the break is written
            return;
        }
        after_cr = cr;
        switch (c) {
        case '\\':
            out += "\\\\";
            return;
        case ';':
            out += "\\;";
            return;
        case ',':
            out += "\\,";
            return;
        case '\n':
        case '\r':
            out += "\\n";
            return;
        case '\t':
            out += bytes;
            return;
        default:
            break;
        }
        if (is_control(c)) return;
        out += bytes;
    });
}

void append_ical_line(std::string& out, std::string_view line) {
    constexpr std::size_t k_octets = 75;
    std::size_t room = k_octets;
    while (line.size() > room) {
        std::size_t cut = room;
        // Back up to the start of a UTF-8 sequence (never a continuation byte 10xxxxxx).
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        if (cut == 0) cut = room; // not UTF-8 at all: callers pass valid text, but never loop
        out.append(line.substr(0, cut)).append("\r\n ");
        line.remove_prefix(cut);
        room = k_octets - 1; // the leading space counts
    }
    out.append(line).append("\r\n");
}

} // namespace bibkit::exports
