// libFuzzer target for YAML settings and front matter (lib/config) and the Jekyll collection
// reader (lib/export collection_source): arbitrary bytes read as a page with front matter (its
// `scholar:` settings, and as a news, talks and publications collection page), as a settings file
// in both section modes, as a Jekyll date, and as the arguments of a `{% bibliography %}` tag.
//
// Invariants (a violation prints what failed and aborts, which libFuzzer reports as a crash):
//   1. No crash, hang or sanitizer report (yaml-cpp included).
//   2. split_front_matter's YAML is a view into the page and its body offset lies within it.
//   3. Every error has a message; a settings error with a line has it within the text's lines
//      (counted from the origin's first line).
//   4. A collection page gives at most one item; a page it leaves out has a diagnostic.
//
// Build with the "fuzz" CMake preset; run with scripts/fuzz.sh (corpus family "config").

#include <bibkit/config/front_matter.hpp>
#include <bibkit/config/settings_file.hpp>
#include <bibkit/config/tag_options.hpp>
#include <bibkit/core/source_file.hpp>
#include <bibkit/export/feed_sources.hpp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

using namespace bibkit;

[[noreturn]] void fail(const char* what, std::string_view detail = {}) {
    std::fprintf(stderr, "config_front_matter_fuzzer: %s: %.*s\n", what,
                 static_cast<int>(detail.size()), detail.data());
    std::abort();
}

std::size_t line_count(std::string_view text) {
    std::size_t lines = 1;
    for (char c : text)
        if (c == '\n' || c == '\r') ++lines; // generous: CR, LF and CRLF all counted
    return lines;
}

void check_error(const config::ConfigError& error, std::string_view text, std::uint32_t first_line,
                 std::string_view input) {
    if (error.message.empty()) fail("settings error without a message", input);
    if (error.line != 0 && error.line > first_line - 1 + line_count(text) + 1)
        fail("settings error line past the text", input);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);

    config::FrontMatter front = config::split_front_matter(input);
    if (front.present) {
        if (!front.yaml.empty() && (front.yaml.data() < input.data() ||
                                    front.yaml.data() + front.yaml.size() > input.data() + size))
            fail("front matter YAML is not a view into the page", input);
        if (front.body_offset > size) fail("body offset past the page", input);
    }
    auto page_settings = config::front_matter_settings(input, "fuzz.md");
    if (!page_settings) check_error(page_settings.error(), input, 1, input);

    for (config::Section section :
         {config::Section::scholar_or_top_level, config::Section::scholar_only}) {
        auto settings = config::parse_settings_yaml(input, {"fuzz.yml", 3}, section);
        if (!settings) check_error(settings.error(), input, 3, input);
    }

    SourceFile page = SourceFile::from_string("_news/2024-05-17-fuzz.md", std::string(input));
    for (exports::FeedKind kind :
         {exports::FeedKind::news, exports::FeedKind::talks, exports::FeedKind::publications}) {
        exports::FeedItems items =
            exports::read_collection_page(page, "2024-05-17-fuzz.md", "news", kind);
        if (items.items.size() > 1) fail("one page gave several items", input);
        if (items.items.empty() && items.diagnostics.empty())
            fail("a page left out without a diagnostic", input);
    }

    (void)exports::parse_jekyll_date(input);

    auto tag = config::parse_tag_options(input);
    if (!tag && tag.error().message.empty()) fail("tag option error without a message", input);
    return 0;
}
