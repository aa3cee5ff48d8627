#pragma once
// Which URLs may become links in HTML and Markdown: http, https, mailto and relative ones.
// Anything else (`javascript:`, `data:`, `vbscript:` …) is shown as text, never followed.

#include <string_view>

namespace bibkit::text {

// False also for URLs with control characters or leading spaces, which browsers strip before
// they read the scheme ("java\tscript:" is javascript:), and for the empty URL.
bool is_linkable_url(std::string_view url);

} // namespace bibkit::text
