// libFuzzer target for the BibTeX reader: parse arbitrary bytes and check the reader's contracts.
//
// Invariants (any violation prints what failed and aborts, which libFuzzer reports as a crash):
//   1. The blocks tile the input: the first begins at 0, each begins where the previous ended, the
//      last ends at the input's size; empty input has no blocks.
//   2. write_lossless gives back the input byte for byte.
//   3. Every entry's type and key, every field's name, and every value part lies inside its block
//      (value parts in order after the field name, so the whole value is inside too); @string and
//      @preamble keys are empty; index ranges (block -> entry -> fields -> parts) are in bounds;
//      delimited parts start and end with their delimiters; each command block has its own entry.
//   4. resolve() in ValueMode::build and ValueMode::check_only report the same diagnostics (count,
//      and code/line/column of each) and the same entry_count; build mode has entry_count entries.
//   5. When the raw parse has no error diagnostics, format_file's output (default options, and a
//      second, non-default layout) re-parses and resolves to the same entries: type, key, and
//      field names and values, in order.
//   6. Every diagnostic (raw and resolved) has line >= 1 and column >= 1.
//
// Build with the "fuzz" CMake preset; run with scripts/fuzz.sh.

#include <bibkit/bibtex/database.hpp>
#include <bibkit/bibtex/formatter.hpp>
#include <bibkit/bibtex/parser.hpp>
#include <bibkit/bibtex/syntax.hpp>
#include <bibkit/bibtex/writer.hpp>
#include <bibkit/core/diagnostic.hpp>
#include <bibkit/core/source_file.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace bibkit;
using namespace bibkit::bibtex;

[[noreturn]] void fail(const char* invariant, const std::string& detail) {
    std::fprintf(stderr, "\n*** bibtex_reader_fuzzer: invariant violated: %s\n*** %s\n", invariant,
                 detail.c_str());
    std::fflush(stderr);
    std::abort();
}

#define FUZZ_CHECK(cond, invariant, detail)                                                        \
    do {                                                                                           \
        if (!(cond)) fail(invariant, std::string(#cond) + " -- " + (detail));                      \
    } while (false)

std::string span_str(Span s) {
    return "[" + std::to_string(s.begin) + "," + std::to_string(s.end) + ")";
}

bool inside(Span inner, Span outer) {
    return inner.begin <= inner.end && outer.begin <= inner.begin && inner.end <= outer.end;
}

// Printable rendering of a (possibly binary) string, truncated, for failure messages.
std::string shown(std::string_view text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size() && i < 200; ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c == '\\' || c == '"') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c >= 0x20 && c < 0x7F) {
            out += static_cast<char>(c);
        } else {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        }
    }
    if (text.size() > 200) out += "...";
    return out + "\"";
}

void check_diagnostics(std::span<const Diagnostic> diagnostics, const char* where) {
    for (const Diagnostic& d : diagnostics)
        FUZZ_CHECK(d.line >= 1 && d.column >= 1, "diagnostic position is 1-based",
                   std::string(where) + ": " + d.code + " at " + std::to_string(d.line) + ":" +
                       std::to_string(d.column) + ": " + d.message);
}

// Invariants 1-3 on one parse of `text`.
void check_structure(const RawDatabase& db, std::string_view text) {
    const auto size = static_cast<std::uint32_t>(text.size());
    std::span<const Block> blocks = db.blocks();
    std::span<const RawEntry> entries = db.entries();

    // 1. Tiling.
    if (size == 0)
        FUZZ_CHECK(blocks.empty(), "empty input has no blocks", std::to_string(blocks.size()));
    else
        FUZZ_CHECK(!blocks.empty(), "blocks tile the input", "no blocks for non-empty input");
    std::uint32_t expected_begin = 0;
    std::size_t command_blocks = 0;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const Block& b = blocks[i];
        FUZZ_CHECK(b.span.begin == expected_begin, "blocks tile the input",
                   "block " + std::to_string(i) + " is " + span_str(b.span) +
                       ", expected to begin at " + std::to_string(expected_begin));
        FUZZ_CHECK(b.span.end > b.span.begin, "blocks tile the input",
                   "block " + std::to_string(i) + " is empty or reversed: " + span_str(b.span));
        expected_begin = b.span.end;
        if (b.kind == BlockKind::entry || b.kind == BlockKind::string ||
            b.kind == BlockKind::preamble)
            ++command_blocks;
    }
    FUZZ_CHECK(expected_begin == size, "blocks tile the input",
               "last block ends at " + std::to_string(expected_begin) + ", input size " +
                   std::to_string(size));
    FUZZ_CHECK(command_blocks == entries.size(), "one raw entry per command block",
               std::to_string(command_blocks) + " command blocks, " +
                   std::to_string(entries.size()) + " entries");

    // 2. Lossless writing.
    std::string lossless;
    write_lossless(db, lossless);
    if (lossless != text) {
        std::size_t at = 0;
        while (at < lossless.size() && at < text.size() && lossless[at] == text[at]) ++at;
        fail("write_lossless reproduces the input",
             "first difference at byte " + std::to_string(at) + " (output " +
                 std::to_string(lossless.size()) + " bytes, input " + std::to_string(text.size()) +
                 ")");
    }

    // 3. Spans nest inside their block, indexes in range.
    std::vector<bool> entry_seen(entries.size(), false);
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const Block& b = blocks[i];
        if (b.kind == BlockKind::junk || b.kind == BlockKind::comment) continue;
        const std::string where = "block " + std::to_string(i) + " " + span_str(b.span);
        FUZZ_CHECK(b.entry < entries.size(), "block's entry index in range", where);
        FUZZ_CHECK(!entry_seen[b.entry], "each raw entry belongs to one block", where);
        entry_seen[b.entry] = true;
        const RawEntry& e = entries[b.entry];
        FUZZ_CHECK(inside(e.type, b.span), "entry type inside its block",
                   where + " type " + span_str(e.type));
        // @string and @preamble have no key: RawEntry::key stays the empty default span {0, 0}.
        if (b.kind == BlockKind::entry)
            FUZZ_CHECK(inside(e.key, b.span), "entry key inside its block",
                       where + " key " + span_str(e.key));
        else
            FUZZ_CHECK(e.key.empty(), "@string/@preamble have an empty key",
                       where + " key " + span_str(e.key));
        FUZZ_CHECK(e.open_delimiter == '{' || e.open_delimiter == '(', "entry opens with { or (",
                   where + " open " + std::to_string(static_cast<int>(e.open_delimiter)));
        if (b.kind == BlockKind::string || b.kind == BlockKind::preamble)
            FUZZ_CHECK(e.field_count <= 1, "@string/@preamble have at most one value", where);
        if (e.complete && b.kind != BlockKind::entry)
            FUZZ_CHECK(e.field_count == 1, "complete @string/@preamble have one value", where);
        for (const RawField& f : db.fields(e)) {
            FUZZ_CHECK(inside(f.name, b.span), "field name inside its block",
                       where + " name " + span_str(f.name));
            FUZZ_CHECK(f.part_count >= 1, "a field has at least one value part", where);
            // The value (first part to last) lies inside the block when every part does and the
            // parts are in order, after the field's name.
            std::uint32_t previous_end = f.name.end;
            for (const ValuePart& p : db.parts(f)) {
                const std::string pwhere = where + " part " + span_str(p.token);
                FUZZ_CHECK(inside(p.token, b.span), "value part inside its block", pwhere);
                FUZZ_CHECK(p.token.begin >= previous_end,
                           "value parts in order, after the field name",
                           pwhere + ", previous end " + std::to_string(previous_end));
                previous_end = p.token.end;
                FUZZ_CHECK(!p.token.empty(), "value parts are not empty", pwhere);
                if (p.kind == ValuePartKind::braced || p.kind == ValuePartKind::quoted) {
                    const char open = p.kind == ValuePartKind::braced ? '{' : '"';
                    const char close = p.kind == ValuePartKind::braced ? '}' : '"';
                    FUZZ_CHECK(p.token.size() >= 2 && text[p.token.begin] == open &&
                                   text[p.token.end - 1] == close,
                               "delimited part starts and ends with its delimiters", pwhere);
                }
            }
        }
    }
    for (std::size_t i = 0; i < entry_seen.size(); ++i)
        FUZZ_CHECK(entry_seen[i], "each raw entry belongs to one block",
                   "entry " + std::to_string(i));
}

// RawDatabase::fields()/parts() are std::span::subspan, which does not check its range, so the
// ranges are checked against the parser's own vectors before anything follows them.
void check_ranges(RawDatabase& db) {
    const std::size_t field_total = db.mutable_fields().size();
    const std::size_t part_total = db.mutable_parts().size();
    for (std::size_t i = 0; i < db.entries().size(); ++i) {
        const RawEntry& e = db.entries()[i];
        FUZZ_CHECK(std::size_t{e.first_field} + e.field_count <= field_total,
                   "entry's field range in bounds",
                   "entry " + std::to_string(i) + " fields [" + std::to_string(e.first_field) +
                       ", +" + std::to_string(e.field_count) + ") of " +
                       std::to_string(field_total));
    }
    for (std::size_t i = 0; i < field_total; ++i) {
        const RawField& f = db.mutable_fields()[i];
        FUZZ_CHECK(std::size_t{f.first_part} + f.part_count <= part_total,
                   "field's part range in bounds",
                   "field " + std::to_string(i) + " parts [" + std::to_string(f.first_part) +
                       ", +" + std::to_string(f.part_count) + ") of " + std::to_string(part_total));
    }
}

// Entry's strings are std::string or views depending on the library version; convert explicitly.
std::string describe(const Entry& e) {
    std::string out = "@" + std::string(e.type) + "{" + shown(e.key);
    for (const Field& f : e.fields) out += ", " + std::string(f.name) + "=" + shown(f.value);
    return out + "}";
}

void check_format_round_trip(const RawDatabase& db, const Database& original,
                             const FormatOptions& options, const char* which) {
    std::string formatted;
    format_file(db, options, formatted);
    SourceFile again = SourceFile::from_string("formatted.bib", std::move(formatted));
    RawDatabase reparsed = parse(again);
    check_diagnostics(reparsed.diagnostics(), "re-parse of format_file output");
    Database resolved = resolve(std::span<const RawDatabase>(&reparsed, 1), ValueMode::build);
    const std::string context = std::string(which) + "; formatted text: " + shown(again.text());
    FUZZ_CHECK(resolved.entries.size() == original.entries.size(),
               "format_file output resolves to the same entries",
               std::to_string(original.entries.size()) + " entries before, " +
                   std::to_string(resolved.entries.size()) + " after; " + context);
    for (std::size_t i = 0; i < original.entries.size(); ++i) {
        const Entry& a = original.entries[i];
        const Entry& b = resolved.entries[i];
        bool same = a.type == b.type && a.key == b.key && a.fields.size() == b.fields.size();
        for (std::size_t j = 0; same && j < a.fields.size(); ++j)
            same = a.fields[j].name == b.fields[j].name && a.fields[j].value == b.fields[j].value;
        FUZZ_CHECK(same, "format_file output resolves to the same entries",
                   "entry " + std::to_string(i) + ": before " + describe(a) + ", after " +
                       describe(b) + "; " + context);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 1u << 20) return 0; // scripts/fuzz.sh caps at 64 KiB; stay fast for odd invocations
    SourceFile source =
        SourceFile::from_string("fuzz.bib", std::string(reinterpret_cast<const char*>(data), size));
    RawDatabase db = parse(source);
    FUZZ_CHECK(source.text().size() == size, "SourceFile keeps the input",
               std::to_string(source.size()));

    check_diagnostics(db.diagnostics(), "parse");
    check_ranges(db);
    check_structure(db, source.text());

    // 4. Both resolution modes agree on diagnostics and entry counts.
    std::span<const RawDatabase> files(&db, 1);
    Database built = resolve(files, ValueMode::build);
    Database checked = resolve(files, ValueMode::check_only);
    check_diagnostics(built.diagnostics, "resolve(build)");
    check_diagnostics(checked.diagnostics, "resolve(check_only)");
    FUZZ_CHECK(built.diagnostics.size() == checked.diagnostics.size(), "build and check_only agree",
               "diagnostics: build " + std::to_string(built.diagnostics.size()) + ", check_only " +
                   std::to_string(checked.diagnostics.size()));
    for (std::size_t i = 0; i < built.diagnostics.size(); ++i) {
        const Diagnostic& a = built.diagnostics[i];
        const Diagnostic& b = checked.diagnostics[i];
        FUZZ_CHECK(a.code == b.code && a.line == b.line && a.column == b.column &&
                       a.severity == b.severity,
                   "build and check_only agree",
                   "diagnostic " + std::to_string(i) + ": build " + a.code + "@" +
                       std::to_string(a.line) + ":" + std::to_string(a.column) + ", check_only " +
                       b.code + "@" + std::to_string(b.line) + ":" + std::to_string(b.column));
    }
    FUZZ_CHECK(built.entry_count == checked.entry_count, "build and check_only agree",
               "entry_count: build " + std::to_string(built.entry_count) + ", check_only " +
                   std::to_string(checked.entry_count));
    FUZZ_CHECK(built.entries.size() == built.entry_count, "build mode keeps entry_count entries",
               std::to_string(built.entries.size()) + " vs " + std::to_string(built.entry_count));

    // 5. Formatting preserves meaning, for inputs the reader accepted without errors.
    if (count_errors(db.diagnostics()) == 0) {
        check_format_round_trip(db, built, FormatOptions{}, "default options");
        FormatOptions other;
        other.indent = 0;
        other.align_equals = false;
        other.delimiters = Delimiters::keep;
        other.name_case = NameCase::keep;
        other.trailing_comma = true;
        check_format_round_trip(db, built, other,
                                "indent 0, keep delimiters and case, trailing comma");
    }
    return 0;
}
