#include <bibkit/core/ascii.hpp>
#include <bibkit/render/liquid_tags.hpp>

namespace bibkit::render {

namespace {

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || ascii::is_digit(c) || c == '_';
}

// The tag that starts at `begin` ("{%"), or an error when it has no "%}".
bool read_tag(std::string_view page, std::size_t begin, LiquidTag& tag) {
    const std::size_t close = page.find("%}", begin + 2);
    if (close == std::string_view::npos) return false;
    std::size_t from = begin + 2;
    std::size_t to = close;
    if (from < to && page[from] == '-') ++from;
    if (to > from && page[to - 1] == '-') --to;
    while (from < to && ascii::is_space(page[from])) ++from;
    while (to > from && ascii::is_space(page[to - 1])) --to;
    std::size_t name_end = from;
    while (name_end < to && is_name_char(page[name_end])) ++name_end;
    std::size_t arguments = name_end;
    while (arguments < to && ascii::is_space(page[arguments])) ++arguments;
    tag.begin = begin;
    tag.end = close + 2;
    tag.name = page.substr(from, name_end - from);
    tag.arguments = page.substr(arguments, to - arguments);
    tag.arguments_offset = arguments;
    return true;
}

} // namespace

LiquidScan scan_liquid_tags(std::string_view page) {
    LiquidScan scan;
    std::size_t at = 0;
    bool raw = false;
    while ((at = page.find("{%", at)) != std::string_view::npos) {
        LiquidTag tag;
        if (!read_tag(page, at, tag)) {
            scan.errors.push_back({at, "the tag is not closed with %}"});
            break;
        }
        at = tag.end;
        if (raw) {
            raw = tag.name != "endraw";
            continue;
        }
        if (tag.name == "raw") {
            raw = true;
            continue;
        }
        scan.tags.push_back(tag);
    }
    return scan;
}

Position position_of(std::string_view text, std::size_t offset) {
    Position position;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++position.line;
            position.column = 1;
        } else {
            ++position.column;
        }
    }
    return position;
}

} // namespace bibkit::render
