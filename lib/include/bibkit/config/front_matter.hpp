#pragma once
// A page's YAML front matter, found as Jekyll finds it: the page starts (after an optional UTF-8
// BOM) with a `---` line; the YAML runs to the next line that is `---` or `...` (trailing blanks
// allowed). Like Jekyll, the body starts at the first line after it that is not blank.

#include <bibkit/config/settings.hpp>
#include <bibkit/core/expected.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace bibkit::config {

struct FrontMatter {
    bool present = false;
    std::string_view yaml;       // a view into the page; empty without front matter
    std::uint32_t yaml_line = 0; // the page line the YAML starts on (1-based; 0 if absent)
    std::size_t body_offset = 0; // where the body starts in the page (0 if absent)
};

FrontMatter split_front_matter(std::string_view page);

// The settings in the page's front matter `scholar:` section (empty when the page has none);
// errors name `file` and the page's own line numbers.
Expected<Overrides, ConfigError> front_matter_settings(std::string_view page,
                                                       const std::string& file);

} // namespace bibkit::config
