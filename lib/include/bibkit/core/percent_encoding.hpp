#pragma once
// Percent-encoding (RFC 3986, 2.1): the bytes a target cannot carry written as %XX. Which bytes
// those are depends on the target (a query string, a BibTeX url field, a Markdown link), so the
// caller says.

#include <string>
#include <string_view>

namespace bibkit {

// RFC 3986's unreserved characters, the only ones no URL ever needs encoded. Not std::isalnum:
// a UTF-8 locale must not change what is encoded.
constexpr bool is_unreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

// Appends `text`, each byte for which `should_encode(byte)` holds written as %XX.
template <class ShouldEncode>
void append_percent_encoded(std::string& out, std::string_view text, ShouldEncode should_encode) {
    static constexpr char k_hex[] = "0123456789ABCDEF";
    for (char c : text) {
        if (!should_encode(c)) {
            out += c;
            continue;
        }
        auto byte = static_cast<unsigned char>(c);
        out += '%';
        out += k_hex[byte >> 4];
        out += k_hex[byte & 0xF];
    }
}

// The bytes of `set`, for append_percent_encoded.
constexpr auto bytes_in(std::string_view set) {
    return [set](char c) { return set.find(c) != std::string_view::npos; };
}

} // namespace bibkit
