#include "identifier_text.hpp"

#include <bibkit/core/ascii.hpp>
#include <bibkit/model/lists.hpp>
#include <string>
#include <unicode/unistr.h>
#include <unordered_set>

namespace bibkit::model {

namespace {

bool is_ascii(std::string_view text) {
    for (char c : text)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

// The comparison key: ASCII lower-cased on the fast path, ICU's full case folding otherwise.
std::string folded(std::string_view item) {
    if (is_ascii(item)) return ascii::lowered(item);
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(item.data(), static_cast<int32_t>(item.size())));
    text.foldCase();
    std::string out;
    text.toUTF8String(out);
    return out;
}

} // namespace

std::vector<std::string_view> split_list(std::string_view value) {
    std::vector<std::string_view> items;
    std::size_t start = 0;
    int depth = 0;
    auto add = [&](std::size_t end) {
        std::string_view item = detail::trim(value.substr(start, end - start));
        if (!item.empty()) items.push_back(item);
        start = end + 1;
    };
    for (std::size_t i = 0; i < value.size(); ++i) {
        char c = value[i];
        if (c == '\\') {
            ++i; // an escaped brace or separator (\{, \;) is text
        } else if (c == '{') {
            ++depth;
        } else if (c == '}') {
            if (depth > 0) --depth;
        } else if ((c == ',' || c == ';') && depth == 0) {
            add(i);
        }
    }
    add(value.size());
    if (items.size() < 2) return items;
    std::unordered_set<std::string> seen;
    std::vector<std::string_view> unique;
    unique.reserve(items.size());
    for (std::string_view item : items)
        if (seen.insert(folded(item)).second) unique.push_back(item);
    return unique;
}

} // namespace bibkit::model
