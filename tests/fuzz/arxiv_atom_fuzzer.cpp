// libFuzzer target for arXiv's Atom answers and everything made from them: arbitrary bytes parsed
// as an answer and, when they parse, every paper exported as BibTeX and as the Markdown, HTML and
// JSON lists.
//
// Invariants (a violation prints what failed and aborts, which libFuzzer reports as a crash):
//   1. No crash, hang or sanitizer report in parse_atom_feed or the exporters.
//   2. An error has a message; a malformed-XML offset lies within the input.
//   3. The BibTeX written for the papers reads back without an error, one entry per paper, with
//      the keys it was written with: nothing in an answer can break out of a field.
//   4. The HTML list has as many <li> as papers: no text becomes markup.
//
// Build with the "fuzz" CMake preset; run with scripts/fuzz.sh (corpus family "arxiv").

#include <bibkit/arxiv/atom.hpp>
#include <bibkit/arxiv/bibtex_export.hpp>
#include <bibkit/bibtex/bibliography.hpp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace bibkit;

[[noreturn]] void fail(const char* what, std::string_view detail = {}) {
    std::fprintf(stderr, "arxiv_atom_fuzzer: %s: %.*s\n", what, static_cast<int>(detail.size()),
                 detail.data());
    std::abort();
}

std::size_t count(std::string_view text, std::string_view needle) {
    std::size_t n = 0;
    for (std::size_t at = text.find(needle); at != std::string_view::npos;
         at = text.find(needle, at + 1))
        ++n;
    return n;
}

void check_bibtex(const std::vector<arxiv::Paper>& papers) {
    arxiv::KeyAllocator keys;
    std::string text;
    std::vector<std::string> written_keys;
    for (const arxiv::Paper& paper : papers) {
        arxiv::BibtexEntry entry =
            arxiv::to_bibtex_entry(paper, keys.allocate(paper), {true, "p", {"k"}});
        written_keys.push_back(entry.key);
        arxiv::append_bibtex(text, entry);
    }
    std::vector<SourceFile> sources;
    sources.push_back(SourceFile::from_string("fuzz.bib", text));
    bibtex::Bibliography bibliography = bibtex::Bibliography::from_sources(std::move(sources));
    bibtex::Database database = bibliography.resolve();
    if (database.error_count() != 0) fail("exported BibTeX does not read back", text);
    if (database.entries.size() != papers.size()) fail("exported entry count differs", text);
    for (std::size_t i = 0; i < papers.size(); ++i)
        if (database.entries[i].key != written_keys[i]) fail("exported key differs", text);
}

void check_lists(const std::vector<arxiv::Paper>& papers) {
    std::string html;
    arxiv::append_html_list(html, papers);
    if (count(html, "<li") != papers.size()) fail("HTML list items differ from papers", html);
    std::string markdown;
    arxiv::append_markdown_list(markdown, papers);
    std::string json;
    arxiv::append_json(json, papers);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    auto feed = arxiv::parse_atom_feed(input);
    if (!feed) {
        if (feed.error().message.empty()) fail("error without a message", input);
        if (feed.error().offset > size) fail("error offset past the input", input);
        return 0;
    }
    check_bibtex(feed->papers);
    check_lists(feed->papers);
    return 0;
}
