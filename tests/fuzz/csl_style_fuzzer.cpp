// libFuzzer target for CSL style loading (lib/csl style_parser, element parser) and locale
// parsing: arbitrary bytes parsed as a style and as a locale file. A style that loads renders a
// bibliography and two citations of two tiny items with the built-in en-US locale; a locale that
// loads renders the same items through a fixed small style that uses terms, dates and numbers.
// So the evaluator runs over whatever the parser accepts.
//
// Invariants (a violation prints what failed and aborts, which libFuzzer reports as a crash):
//   1. No crash, hang or sanitizer report.
//   2. A parse error has a message.
//   3. A style with a bibliography gives one entry per item; every citation renders to a string.
//
// Build with the "fuzz" CMake preset; run with scripts/fuzz.sh (corpus family "csl").

#include <bibkit/csl/csl_json_reader.hpp>
#include <bibkit/csl/locale.hpp>
#include <bibkit/csl/output_format.hpp>
#include <bibkit/csl/processor.hpp>
#include <bibkit/csl/style.hpp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace bibkit;

[[noreturn]] void fail(const char* what, std::string_view detail = {}) {
    std::fprintf(stderr, "csl_style_fuzzer: %s: %.*s\n", what, static_cast<int>(detail.size()),
                 detail.data());
    std::abort();
}

constexpr std::string_view k_items = R"([
 {"id": "a", "type": "article-journal", "title": "The <i>first</i> title",
  "author": [{"family": "Doe", "given": "Jane"}, {"family": "Roe", "given": "R.", "non-dropping-particle": "van"},
             {"literal": "The Collective"}],
  "container-title": "Journal", "volume": "12", "issue": "3", "page": "101-119",
  "issued": {"date-parts": [[2024, 3, 5]]}, "DOI": "10.1000/xyz", "edition": 2},
 {"id": "b", "type": "book", "title": "Second", "editor": [{"family": "Doe", "given": "Jane"}],
  "publisher": "Press", "publisher-place": "Place", "issued": {"date-parts": [[2024], [2025]]},
  "number-of-pages": "300", "URL": "https://example.org/b", "accessed": {"raw": "2024-05-01"}}
])";

constexpr std::string_view k_locale_style = R"csl(<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>fuzz</id><title>fuzz</title><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout delimiter="; ">
    <names variable="author"><name form="short" and="text"/><et-al term="et-al"/></names>
    <date variable="issued" form="text" date-parts="year-month-day"/>
    <text term="page" form="short" plural="true"/><number variable="edition" form="ordinal"/>
    <number variable="edition" form="long-ordinal"/><number variable="volume" form="roman"/>
  </layout></citation>
  <bibliography><layout suffix=".">
    <names variable="author editor"><name and="symbol" initialize-with=". "/><label prefix=" (" suffix=")"/>
      <substitute><text variable="title"/></substitute></names>
    <date variable="issued" form="numeric"/><date variable="accessed" form="text"/>
    <text term="accessed" text-case="capitalize-first"/><text term="edition" form="short"/>
    <group delimiter=", "><text variable="container-title" font-style="italic"/>
      <label variable="page" form="short"/><text variable="page"/></group>
  </layout></bibliography>
</style>)csl";

struct Fixture {
    csl::CslJsonItems items;
    csl::Style locale_style;
};

const Fixture& fixture() {
    static const Fixture f = [] {
        auto items = csl::read_csl_json(k_items, "fuzz-items.json");
        if (!items) fail("the fixed items do not read", items.error().message);
        auto style = csl::Style::parse(k_locale_style, "fuzz-locale-style.csl");
        if (!style) fail("the fixed style does not parse", style.error().message);
        return Fixture{std::move(*items), std::move(*style)};
    }();
    return f;
}

void render(const csl::Style& style, std::span<const csl::Locale> locales, std::string_view input) {
    const Fixture& f = fixture();
    for (const csl::OutputFormat* format : {&csl::html_format(), &csl::text_format()}) {
        csl::Processor processor(style, locales, f.items.items, *format);
        csl::Bibliography bibliography = processor.bibliography();
        if (style.has_bibliography() && !style.is_dependent() &&
            bibliography.entries.size() != f.items.items.size())
            fail("bibliography entry count differs from the items", input);
        (void)processor.format_bibliography(bibliography);
        std::vector<csl::Citation> citations(3);
        citations[0].items = {{"a", "12", "page", "see ", "", false, false},
                              {"b", "", "", "", "", false, false}};
        citations[0].note_index = 1;
        citations[1].items = {{"a", "13", "chapter", "", "", true, false}};
        citations[1].note_index = 2;
        citations[2].items = {{"b", "", "", "", "", false, true}};
        citations[2].note_index = 2;
        std::vector<std::string> cited = processor.cite(citations);
        if (cited.size() != citations.size()) fail("citation count differs", input);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    const Fixture& f = fixture();

    auto style = csl::Style::parse(input, "fuzz.csl");
    if (style) {
        (void)style->id();
        (void)style->title();
        (void)style->default_locale();
        (void)style->independent_parent();
        const csl::Locale builtin[] = {csl::Locale::builtin_en_us()};
        render(*style, builtin, input);
    } else if (style.error().message.empty()) {
        fail("style error without a message", input);
    }

    auto locale = csl::Locale::parse(input, "fuzz-locale.xml");
    if (locale) {
        (void)locale->tag();
        const csl::Locale chain[] = {*locale, csl::Locale::builtin_en_us()};
        render(f.locale_style, chain, input);
    } else if (locale.error().message.empty()) {
        fail("locale error without a message", input);
    }
    return 0;
}
