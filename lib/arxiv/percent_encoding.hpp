#pragma once
// Percent-encoding of the bytes a target cannot carry (a BibTeX URL field, a Markdown link).

#include <string>
#include <string_view>

namespace bibkit::arxiv::detail {

inline void append_percent_encoded(std::string& out, std::string_view text,
                                   std::string_view unsafe) {
    static constexpr char k_hex[] = "0123456789ABCDEF";
    for (char c : text) {
        if (unsafe.find(c) == std::string_view::npos) {
            out += c;
            continue;
        }
        auto byte = static_cast<unsigned char>(c);
        out += '%';
        out += k_hex[byte >> 4];
        out += k_hex[byte & 0xF];
    }
}

} // namespace bibkit::arxiv::detail
