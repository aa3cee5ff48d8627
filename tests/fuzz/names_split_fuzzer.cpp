// libFuzzer target for names: arbitrary bytes split as a name-list field (lib/names), every name
// split into BibTeX's parts in both letter-case modes and formatted with the standard patterns,
// read as a biblatex extended name; and the same bytes compiled as a `format.name$` pattern.
//
// Invariants (a violation prints what failed and aborts, which libFuzzer reports as a crash):
//   1. No crash, hang or sanitizer report.
//   2. Every name of the list is a view into the value, in order, not overlapping.
//   3. count_names equals the names split plus one for `and others`, unless the value is blank.
//   4. A split name's four part ranges lie within its tokens, do not overlap and come in the
//      order First von Last Jr or von Last Jr First; every token is a view into the name; at most
//      two commas are counted.
//   5. Extended-name parts are views into the name.
//
// Build with the "fuzz" CMake preset; run with scripts/fuzz.sh (corpus family "names").

#include <bibkit/names/bibtex_name.hpp>
#include <bibkit/names/extended_name.hpp>
#include <bibkit/names/name_format.hpp>
#include <bibkit/names/name_list.hpp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace bibkit;
using namespace bibkit::names;

[[noreturn]] void fail(const char* what, std::string_view detail = {}) {
    std::fprintf(stderr, "names_split_fuzzer: %s: %.*s\n", what, static_cast<int>(detail.size()),
                 detail.data());
    std::abort();
}

bool within(std::string_view inner, std::string_view outer) {
    if (inner.empty()) return true; // an empty view may point anywhere
    return inner.data() >= outer.data() &&
           inner.data() + inner.size() <= outer.data() + outer.size();
}

bool blank(std::string_view s) {
    for (char c : s)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
    return true;
}

void check_range(const BibtexName& name, TokenRange range, std::string_view input) {
    if (!range.empty() && range.end > name.tokens.size()) fail("part range past the tokens", input);
}

void check_name(std::string_view one, LetterCase letter_case, std::string_view input) {
    BibtexName name = split_name(one, letter_case);
    for (const NameToken& token : name.tokens)
        if (!within(token.text, one)) fail("token is not a view into the name", input);
    if (name.commas > 2) fail("more than two commas counted", input);
    check_range(name, name.first, input);
    check_range(name, name.von, input);
    check_range(name, name.last, input);
    check_range(name, name.jr, input);
    // Non-empty parts in either order, disjoint.
    const TokenRange* parts[] = {&name.first, &name.von, &name.last, &name.jr};
    for (int a = 0; a < 4; ++a)
        for (int b = a + 1; b < 4; ++b) {
            const TokenRange& x = *parts[a];
            const TokenRange& y = *parts[b];
            if (x.empty() || y.empty()) continue;
            if (x.begin < y.end && y.begin < x.end) fail("name parts overlap", input);
        }
    for (const TokenRange* part : parts) (void)name.joined(*part);
    (void)format_name(name, k_plain_full_pattern);
    (void)format_name(name, k_abbrv_pattern);
    (void)format_name(name, k_plain_sort_pattern);
    (void)is_von_token(one, letter_case);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);

    NameList list = split_name_list(input);
    const char* previous_end = input.data();
    for (std::string_view one : list.names) {
        if (!within(one, input)) fail("name is not a view into the value", input);
        if (!one.empty()) {
            if (one.data() < previous_end) fail("names overlap or are out of order", input);
            previous_end = one.data() + one.size();
        }
    }
    std::size_t counted = count_names(input);
    if (!blank(input) && counted != list.names.size() + (list.et_al == EtAl::yes ? 1 : 0))
        fail("count_names differs from split_name_list", input);

    for (std::string_view one : list.names) {
        check_name(one, LetterCase::unicode, input);
        check_name(one, LetterCase::bibtex_bytes, input);
        std::vector<NameDiagnostic> diagnostics;
        if (auto extended = parse_extended_name(one, &diagnostics)) {
            for (std::string_view part : {extended->family, extended->given, extended->prefix,
                                          extended->suffix, extended->given_initials})
                if (!within(part, one)) fail("extended part is not a view into the name", input);
        }
    }

    // The bytes as a format.name$ pattern, applied to a fixed name.
    if (auto format = NameFormat::parse(input)) {
        (void)format->format(
            split_name("Charles Louis Xavier Joseph de la Vall{\\'e}e Poussin, Jr."));
        (void)format->format(split_name("von der Leyen, Ursula"));
        (void)format->format(split_name(""));
    }
    return 0;
}
