#pragma once
// Finding Liquid tags in a page: `{% name arguments %}` and its whitespace-trimming forms
// `{%- … -%}`. What is inside `{% raw %}…{% endraw %}` is no tag, as in Liquid. Output markup
// (`{{ … }}`) and every other tag are left for whoever reads the page next.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::render {

struct LiquidTag {
    std::size_t begin = 0; // the offset of "{%"
    std::size_t end = 0;   // one past "%}"
    std::string_view name;
    std::string_view arguments;   // trimmed
    std::size_t arguments_offset; // where `arguments` starts in the page
};

struct LiquidError {
    std::size_t offset = 0;
    std::string message;
};

// The tags in page order, or the first that is not closed.
struct LiquidScan {
    std::vector<LiquidTag> tags;
    std::vector<LiquidError> errors;
};
LiquidScan scan_liquid_tags(std::string_view page);

// 1-based line and column (in bytes) of an offset.
struct Position {
    std::uint32_t line = 1;
    std::uint32_t column = 1;
};
Position position_of(std::string_view text, std::size_t offset);

} // namespace bibkit::render
