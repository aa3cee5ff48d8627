// libFuzzer target for the query language: arbitrary bytes parsed as a query and, when they
// parse, evaluated against a small bibliography with LaTeX, crossref, months and missing fields.
//
// Invariants (a violation prints what failed and aborts, which libFuzzer reports as a crash):
//   1. No crash, hang or sanitizer report in parse_query, select or matches.
//   2. A QueryError has a non-empty message and a column between 1 and the number of code points
//      plus one.
//   3. The canonical form (to_string) of a parsed query parses again, to the same canonical form,
//      and selects the same records.
//   4. select() agrees with matches() on every record.
//
// Build with the "fuzz" CMake preset; run with scripts/fuzz.sh (corpus family "query").

#include <bibkit/bibtex/bibliography.hpp>
#include <bibkit/model/inheritance.hpp>
#include <bibkit/query/query.hpp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace bibkit;

[[noreturn]] void fail(const char* what, std::string_view detail = {}) {
    std::fprintf(stderr, "query_fuzzer: %s: %.*s\n", what, static_cast<int>(detail.size()),
                 detail.data());
    std::abort();
}

constexpr std::string_view k_bibliography = R"(
@string{jmlr = {Journal of Machine Learning Research}}
@article{durand2024sparse, title = {Sparse {SGD} for Caf{\'e} Networks}, year = 2024,
  author = {Durand, Camille and M{\"u}ller, Anna}, journal = jmlr, month = mar,
  keywords = {sparse networks, stochastic optimization}, volume = {25}, selected = {true}}
@inproceedings{child, crossref = {proc}, title = {Gossip $\ell_1$}, note = {}, pages = {1--9}}
@proceedings{proc, title = {Workshop on {H}ardware}, year = {2022}, month = {Sept.}}
@misc{Durand:2021:gossip, howpublished = {\url{https://example.org}}, month = 7, type = {Talk}}
@book{b, date = {2019-03-04}, author = {{\v{S}}koda, Petr}, edition = {2.5}}
)";

struct Fixture {
    bibtex::Bibliography bibliography;
    bibtex::Database database;
    model::EffectiveFields fields;
    std::vector<query::Record> records;
};

const Fixture& fixture() {
    static const Fixture* instance = [] {
        std::vector<SourceFile> sources;
        sources.push_back(SourceFile::from_string("fuzz.bib", std::string(k_bibliography)));
        auto* f = new Fixture{bibtex::Bibliography::from_sources(std::move(sources)), {}, {}, {}};
        f->database = f->bibliography.resolve();
        f->fields = model::EffectiveFields::resolve(f->database);
        f->records = query::make_records(f->database, f->fields);
        return f;
    }();
    return *instance;
}

std::uint32_t code_points(std::string_view text) {
    std::uint32_t count = 0;
    for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return count;
}

void check_error(std::string_view text, const query::QueryError& error) {
    if (error.message.empty()) fail("error without a message", text);
    if (error.column < 1 || error.column > code_points(text) + 1)
        fail("error column out of range", text);
}

void check_query(std::string_view text, const query::Query& parsed) {
    const auto& records = fixture().records;
    const std::vector<std::size_t> selected = query::select(parsed, records);
    std::size_t next = 0;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const bool in_selection = next < selected.size() && selected[next] == i;
        if (in_selection) ++next;
        if (query::matches(parsed, records[i]) != in_selection)
            fail("select and matches disagree", text);
    }

    const std::string canonical = query::to_string(parsed);
    auto reparsed = query::parse_query(canonical);
    if (!reparsed) fail("the canonical form does not parse", canonical);
    if (query::to_string(*reparsed) != canonical)
        fail("the canonical form is not stable", canonical);
    if (query::select(*reparsed, records) != selected)
        fail("the canonical form selects other records", canonical);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto parsed = query::parse_query(text);
    if (parsed)
        check_query(text, *parsed);
    else
        check_error(text, parsed.error());
    return 0;
}
