// libFuzzer target for everything after reading: arbitrary bytes read as a .bib, resolved,
// normalized (LaTeX decoding, names, dates, identifiers, crossref/xdata inheritance), linted, and
// written as CSL-JSON and biblatex; every rich text rendered to plain text, HTML, LaTeX and
// Markdown.
//
// Invariants (a violation prints what failed and aborts, which libFuzzer reports as a crash):
//   1. No crash, hang or sanitizer report anywhere on the way.
//   2. The CSL-JSON output is valid JSON: an array with one object per item, each with "id" and
//      "type" strings.
//   3. Every diagnostic of normalize() and lint() has a line and a column (it was located).
//   4. The HTML of a rich text never contains a '<' that is not one of the renderer's own tags:
//      no field value becomes markup.
//
// Build with the "fuzz" CMake preset; run with scripts/fuzz.sh.

#include <bibkit/bibtex/bibliography.hpp>
#include <bibkit/model/biblatex.hpp>
#include <bibkit/model/csl_json.hpp>
#include <bibkit/model/item.hpp>
#include <bibkit/model/lints.hpp>
#include <bibkit/text/html.hpp>
#include <bibkit/text/latex.hpp>
#include <bibkit/text/markdown.hpp>
#include <bibkit/text/plain_text.hpp>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace bibkit;

[[noreturn]] void fail(const char* what, std::string_view detail = {}) {
    std::fprintf(stderr, "model_normalize_fuzzer: %s: %.*s\n", what,
                 static_cast<int>(detail.size()), detail.data());
    std::abort();
}

void check_located(const std::vector<Diagnostic>& diagnostics) {
    for (const Diagnostic& d : diagnostics)
        if (d.line == 0 || d.column == 0) fail("diagnostic without a position", d.message);
}

// The tags the HTML renderer writes; anything else after '<' would be markup from the input.
void check_html(std::string_view html) {
    static constexpr std::string_view k_tags[] = {
        "<i>",    "</i>",   "<b>",     "</b>",   "<sup>",   "</sup>",     "<sub>",
        "</sub>", "<code>", "</code>", "<span ", "</span>", "<a href=\"", "</a>"};
    for (std::size_t at = html.find('<'); at != std::string_view::npos;
         at = html.find('<', at + 1)) {
        bool known = false;
        for (std::string_view tag : k_tags) known |= html.substr(at, tag.size()) == tag;
        if (!known) fail("unexpected markup in HTML", html.substr(at, 40));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<SourceFile> sources;
    sources.push_back(SourceFile::from_string(
        "fuzz.bib", std::string(reinterpret_cast<const char*>(data), size)));
    bibtex::Bibliography bibliography = bibtex::Bibliography::from_sources(std::move(sources));
    bibtex::Database database = bibliography.resolve();

    model::Normalized normalized = model::normalize(bibliography, database);
    check_located(normalized.diagnostics);
    check_located(model::lint(bibliography, database));

    std::string json;
    model::write_csl_json(json, normalized.items, model::JsonLayout::compact);
    nlohmann::json parsed = nlohmann::json::parse(json, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_array()) fail("CSL-JSON is not a JSON array", json);
    if (parsed.size() != normalized.items.size()) fail("CSL-JSON item count", json);
    for (const auto& item : parsed)
        if (!item.contains("id") || !item["id"].is_string() || !item["type"].is_string())
            fail("CSL-JSON item without id or type", item.dump());

    std::string biblatex;
    model::write_biblatex(database, biblatex);

    for (const model::Item& item : normalized.items) {
        for (const auto& variable : item.texts) {
            check_html(text::to_html(variable.value));
            (void)text::to_plain_text(variable.value);
            (void)text::to_latex(variable.value);
            (void)text::to_latex(variable.value, text::LatexCharset::ascii);
            (void)text::to_markdown(variable.value);
        }
    }
    return 0;
}
