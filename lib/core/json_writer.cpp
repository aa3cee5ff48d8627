#include <array>
#include <bibkit/core/json_writer.hpp>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace bibkit {

namespace {

// Length of the valid UTF-8 sequence at text[i], or 0 when it is malformed.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char c = byte(i);
    std::size_t length = c < 0x80           ? 1
                         : (c >> 5) == 0x6  ? 2
                         : (c >> 4) == 0xE  ? 3
                         : (c >> 3) == 0x1E ? 4
                                            : 0;
    if (length == 0 || i + length > text.size()) return 0;
    for (std::size_t k = 1; k < length; ++k)
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    if (length == 2 && c < 0xC2) return 0; // overlong
    if (length == 3) {
        unsigned char c1 = byte(i + 1);
        if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) return 0; // overlong, surrogate
    }
    if (length == 4) {
        unsigned char c1 = byte(i + 1);
        if ((c == 0xF0 && c1 < 0x90) || c > 0xF4 || (c == 0xF4 && c1 >= 0x90)) return 0;
    }
    return length;
}

} // namespace

namespace {

// What a byte needs in a JSON string: 0 nothing, 1 a check (the start of a UTF-8 sequence or
// a stray byte), otherwise the letter of its two-character escape ('u' for \u00XX).
constexpr std::array<char, 256> make_escape_table() {
    std::array<char, 256> table{};
    for (int c = 0; c < 0x20; ++c) table[c] = 'u';
    table['\b'] = 'b';
    table['\t'] = 't';
    table['\n'] = 'n';
    table['\f'] = 'f';
    table['\r'] = 'r';
    table['"'] = '"';
    table['\\'] = '\\';
    table[0x7F] = 'u';
    for (int c = 0x80; c < 0x100; ++c) table[c] = 1;
    return table;
}

constexpr std::array<char, 256> k_escape = make_escape_table();

// The first index from `i` on whose byte is not plain (k_escape is not 0), or text.size().
std::size_t find_special(std::string_view text, std::size_t i) {
#if defined(__SSE2__)
    // Signed compare: bytes below 0x20 and from 0x80 up (negative) are both "less than 0x20".
    const char* data = text.data();
    for (; i + 16 <= text.size(); i += 16) {
        __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
        __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(bytes, _mm_set1_epi8(0x20)),
                                                    _mm_cmpeq_epi8(bytes, _mm_set1_epi8(0x7F))),
                                       _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"')),
                                                    _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\'))));
        if (int mask = _mm_movemask_epi8(special); mask != 0)
            return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    }
#endif
    while (i < text.size() && k_escape[static_cast<unsigned char>(text[i])] == 0) ++i;
    return i;
}

} // namespace

void append_json_string(std::string& out, std::string_view text) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    // Bytes that are copied as they are (plain ASCII and valid UTF-8) gather into one run,
    // appended when an escape or the end interrupts it.
    std::size_t run = 0;
    std::size_t i = 0;
    while ((i = find_special(text, i)) < text.size()) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        char escape = k_escape[c];
        if (escape == 1) {
            std::size_t length = utf8_sequence_length(text, i);
            if (length != 0) {
                i += length;
                continue;
            }
            out.append(text.data() + run, i - run);
            out += "\xEF\xBF\xBD";
            run = ++i;
            continue;
        }
        out.append(text.data() + run, i - run);
        char escaped[6] = {'\\', escape, '0', '0', hex[c >> 4], hex[c & 0xF]};
        out.append(escaped, escape == 'u' ? 6 : 2);
        run = ++i;
    }
    out.append(text.data() + run, text.size() - run);
    out += '"';
}

void JsonWriter::newline() {
    if (!m_pretty) return;
    // A line break and the indentation in one append for the usual depths.
    static constexpr std::string_view k_break = "\n                                ";
    std::size_t indent = m_has_items.size() * 2;
    if (indent < k_break.size()) {
        m_out.append(k_break.data(), indent + 1);
        return;
    }
    m_out += '\n';
    m_out.append(indent, ' ');
}

void JsonWriter::before_value() {
    if (m_after_key) {
        m_after_key = false;
        return;
    }
    if (m_has_items.empty()) return;
    if (m_has_items.back()) m_out += ',';
    m_has_items.back() = true;
    newline();
}

void JsonWriter::begin_object() {
    before_value();
    m_out += '{';
    m_has_items.push_back(false);
}

void JsonWriter::close(char bracket) {
    bool had_items = m_has_items.back();
    m_has_items.pop_back();
    if (had_items) newline();
    m_out += bracket;
}

void JsonWriter::end_object() {
    close('}');
}

void JsonWriter::begin_array() {
    before_value();
    m_out += '[';
    m_has_items.push_back(false);
}

void JsonWriter::end_array() {
    close(']');
}

void JsonWriter::key(std::string_view name) {
    before_value();
    append_json_string(m_out, name);
    m_out += m_pretty ? ": " : ":";
    m_after_key = true;
}

void JsonWriter::value(std::string_view text) {
    before_value();
    append_json_string(m_out, text);
}

void JsonWriter::value(std::int64_t number) {
    before_value();
    m_out += std::to_string(number);
}

void JsonWriter::value(bool flag) {
    before_value();
    m_out += flag ? "true" : "false";
}

void JsonWriter::null() {
    before_value();
    m_out += "null";
}

} // namespace bibkit
