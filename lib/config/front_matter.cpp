#include <bibkit/config/front_matter.hpp>
#include <bibkit/config/settings_file.hpp>
#include <bibkit/core/ascii.hpp>

namespace bibkit::config {
namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";

bool is_blank(char c) {
    return ascii::is_space(c) && c != '\n';
}

// If a line starting at `at` is `marker` followed by blanks only, the offset just past its line
// break (or the end of the page); else npos.
std::size_t marker_line_end(std::string_view page, std::size_t at, std::string_view marker) {
    if (page.substr(at, marker.size()) != marker) return std::string_view::npos;
    std::size_t i = at + marker.size();
    while (i < page.size() && is_blank(page[i])) ++i;
    if (i == page.size()) return i;
    return page[i] == '\n' ? i + 1 : std::string_view::npos;
}

// Jekyll's closing `(---|\.\.\.)\s*$\n?` also swallows the blank lines after the marker.
std::size_t skip_blank_lines(std::string_view page, std::size_t at) {
    std::size_t body = at;
    for (std::size_t i = at; i < page.size(); ++i) {
        if (page[i] == '\n')
            body = i + 1;
        else if (!is_blank(page[i]))
            return body;
    }
    return page.size();
}

} // namespace

FrontMatter split_front_matter(std::string_view page) {
    const std::size_t start = page.starts_with(k_bom) ? k_bom.size() : 0;
    const std::size_t yaml_start = marker_line_end(page, start, "---");
    if (yaml_start == std::string_view::npos || yaml_start == page.size()) return {};
    for (std::size_t at = yaml_start; at < page.size();) {
        std::size_t end = marker_line_end(page, at, "---");
        if (end == std::string_view::npos) end = marker_line_end(page, at, "...");
        if (end != std::string_view::npos)
            return FrontMatter{true, page.substr(yaml_start, at - yaml_start), 2,
                               skip_blank_lines(page, end)};
        const std::size_t newline = page.find('\n', at);
        at = newline == std::string_view::npos ? page.size() : newline + 1;
    }
    return {}; // never closed: Jekyll reads the whole page as body
}

Expected<Overrides, ConfigError> front_matter_settings(std::string_view page,
                                                       const std::string& file) {
    const FrontMatter front = split_front_matter(page);
    if (!front.present) return Overrides{};
    return parse_settings_yaml(front.yaml, Origin{file, front.yaml_line}, Section::scholar_only);
}

} // namespace bibkit::config
