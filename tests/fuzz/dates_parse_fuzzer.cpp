// libFuzzer target for dates (lib/dates): arbitrary bytes parsed as a biblatex date field, a
// BibTeX year and a month, and, split at '|', as the date/year/month/day fields of one entry;
// every result written as ISO 8601/EDTF, as CSL-JSON and as a sort key.
//
// Invariants (a violation prints what failed and aborts, which libFuzzer reports as a crash):
//   1. No crash, hang or sanitizer report.
//   2. Every diagnostic has a code and a message, and its offset lies within the value it names.
//   3. A date field that parses as a date without diagnostics reads back from its own to_iso
//      text as the same date.
//   4. When write_plain_csl_json writes a date, it writes the bytes of to_csl_json(date).dump().
//   5. A month value that parses is 1-12 (its range end 0 or 1-12).
//
// Build with the "fuzz" CMake preset; run with scripts/fuzz.sh (corpus family "dates").

#include <bibkit/core/json_writer.hpp>
#include <bibkit/dates/bibtex_date.hpp>
#include <bibkit/dates/date_output.hpp>
#include <bibkit/dates/date_parser.hpp>
#include <bibkit/dates/month.hpp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace bibkit;
using namespace bibkit::dates;

[[noreturn]] void fail(const char* what, std::string_view detail = {}) {
    std::fprintf(stderr, "dates_parse_fuzzer: %s: %.*s\n", what, static_cast<int>(detail.size()),
                 detail.data());
    std::abort();
}

void check_diagnostics(const DateResult& result, std::string_view input,
                       std::size_t longest_value) {
    for (const DateDiagnostic& diagnostic : result.diagnostics) {
        if (diagnostic.code.empty() || diagnostic.message.empty())
            fail("diagnostic without a code or message", input);
        if (diagnostic.offset > longest_value) fail("diagnostic offset past its value", input);
    }
}

void write_all(const Date& date, std::string_view input) {
    (void)to_iso(date);
    (void)sort_key(date);
    nlohmann::json tree = to_csl_json(date);
    std::string out;
    JsonWriter json(out);
    if (write_plain_csl_json(json, date)) {
        if (out != tree.dump()) fail("write_plain_csl_json differs from to_csl_json", input);
    } else if (!out.empty()) {
        fail("write_plain_csl_json wrote something and returned false", input);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);

    DateResult date = parse_date(input);
    check_diagnostics(date, input, size);
    write_all(date.date, input);
    if (date.diagnostics.empty() &&
        (date.date.kind == DateKind::single || date.date.kind == DateKind::range)) {
        std::string iso = to_iso(date.date);
        DateResult again = parse_date(iso);
        if (!(again.date == date.date)) fail("to_iso text reads back as another date", input);
    }

    DateResult year = parse_year(input);
    check_diagnostics(year, input, size);
    write_all(year.date, input);

    if (auto month = parse_month(input)) {
        if (month->month < 1 || month->month > 12 || month->end_month > 12)
            fail("month out of range", input);
    } else if (month.error().message.empty()) {
        fail("month error without a message", input);
    }
    (void)month_number(input);

    // date|year|month|day, any of them absent when its part is missing.
    std::string_view parts[4];
    std::size_t count = 0;
    std::string_view rest = input;
    while (count < 4) {
        std::size_t bar = rest.find('|');
        parts[count++] = rest.substr(0, bar);
        if (bar == std::string_view::npos) break;
        rest.remove_prefix(bar + 1);
    }
    DateFields fields;
    auto part = [&](std::size_t i) -> std::optional<std::string_view> {
        if (i >= count || parts[i].empty()) return std::nullopt;
        return parts[i];
    };
    fields.date = part(0);
    fields.year = part(1);
    fields.month = part(2);
    fields.day = part(3);
    DateResult resolved = resolve_date(fields);
    check_diagnostics(resolved, input, size);
    write_all(resolved.date, input);
    return 0;
}
