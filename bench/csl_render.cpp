// bibkit's side of bench/csl.sh: the bibliography of every item of a CSL-JSON file in a style,
// timed in-process as bench/citeproc_js_bench.mjs times citeproc-js.
//
//   csl_render STYLE.csl LOCALE_DIR ITEMS.json [RUNS] [OUT]
//
// Reading the files and parsing the JSON are outside the timing (as JSON.parse is on the other
// side, whose items come as objects); they are printed apart. A run is: parse the style, load
// its locale chain, build the processor, bibliography() in the style's order, and
// format_bibliography() in html. Prints `bibkit <best ms> <entries>` and writes the last run's
// output to OUT when given.

#include <algorithm>
#include <bibkit/csl/catalog.hpp>
#include <bibkit/csl/csl_json_reader.hpp>
#include <bibkit/csl/processor.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <limits>
#include <sstream>

namespace {

using Clock = std::chrono::steady_clock;
namespace csl = bibkit::csl;

std::string read_file(const char* path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

double milliseconds_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// One timed run; the bibliography in html, or "" after printing why not.
std::string render(const std::string& style_path, const std::string& locale_dir,
                   const csl::CslJsonItems& items) {
    auto style = csl::StyleCatalog({}).find(style_path);
    if (!style) {
        std::cerr << "csl_render: " << style.error().to_string() << '\n';
        return {};
    }
    const std::string tag = style->default_locale.empty() ? "en-US" : style->default_locale;
    auto locales = csl::LocaleCatalog({locale_dir}).chain(tag);
    if (!locales) {
        std::cerr << "csl_render: " << locales.error().to_string() << '\n';
        return {};
    }
    csl::ProcessorOptions options;
    options.locale = tag;
    const csl::Processor processor(style->style, *locales, items.items, csl::html_format(),
                                   options);
    return processor.format_bibliography(processor.bibliography());
}

std::size_t count_entries(const std::string& html) {
    std::size_t count = 0;
    for (std::size_t at = html.find("<div class=\"csl-entry\">"); at != std::string::npos;
         at = html.find("<div class=\"csl-entry\">", at + 1))
        ++count;
    return count;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: csl_render STYLE.csl LOCALE_DIR ITEMS.json [RUNS] [OUT]\n";
        return 2;
    }
    const int runs = argc > 4 ? std::max(1, std::atoi(argv[4])) : 1;
    const auto read_start = Clock::now();
    auto items = csl::read_csl_json(read_file(argv[3]), argv[3]);
    if (!items) {
        std::cerr << "csl_render: " << items.error().to_string() << '\n';
        return 1;
    }
    std::cerr << "csl_render: read " << items->items.size() << " items in "
              << milliseconds_since(read_start) << " ms (not timed below)\n";
    double best = std::numeric_limits<double>::infinity();
    std::string output;
    for (int run = 0; run < runs; ++run) {
        const auto start = Clock::now();
        output = render(argv[1], argv[2], *items);
        best = std::min(best, milliseconds_since(start));
        if (output.empty()) return 1;
    }
    if (argc > 5) std::ofstream(argv[5], std::ios::binary) << output;
    std::printf("bibkit %.1f %zu\n", best, count_entries(output));
    return 0;
}
