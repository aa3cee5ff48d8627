#include <bibkit/core/json_writer.hpp>

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

bool needs_escape(unsigned char c) {
    return c < 0x20 || c == '"' || c == '\\' || c >= 0x7F;
}

} // namespace

void append_json_string(std::string& out, std::string_view text) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    for (std::size_t i = 0; i < text.size();) {
        // Most text needs no escaping: copy it in runs.
        std::size_t run = i;
        while (run < text.size() && !needs_escape(static_cast<unsigned char>(text[run]))) ++run;
        out.append(text.substr(i, run - i));
        i = run;
        if (i >= text.size()) break;
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            std::size_t length = utf8_sequence_length(text, i);
            if (length == 0) {
                out += "\xEF\xBF\xBD";
                ++i;
            } else {
                out.append(text.substr(i, length));
                i += length;
            }
            continue;
        }
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
        ++i;
    }
    out += '"';
}

void JsonWriter::newline() {
    if (!m_pretty) return;
    m_out += '\n';
    m_out.append(m_has_items.size() * 2, ' ');
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
