#pragma once
// A Boost.Spirit X3 reader for BibTeX's language: the baseline that bibkit's hand-written scanner
// (lib/bibtex/parser.cpp) is measured against. It builds the same flat shape as the syntax layer
// (entries, their fields, the parts of each value) as views into the input, with one reserved
// vector per level and no other allocation. Its only error handling is BibTeX's own: a command
// that does not parse is skipped up to the next '@'. Benchmark code, not part of the library.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace bibkit::bench::x3_reader {

enum class CommandKind : std::uint8_t { entry, string, preamble };
enum class PartKind : std::uint8_t { braced, quoted, number, macro };

struct Part {
    std::string_view token; // with its delimiters
    PartKind kind = PartKind::braced;
};

struct Field {
    std::string_view name;  // empty for @preamble's value
    std::string_view value; // from the first part to the end of the last one
    std::uint32_t first_part = 0;
    std::uint32_t part_count = 0;
};

// An @entry, @string or @preamble command (like bibtex::RawEntry).
struct Entry {
    CommandKind kind = CommandKind::entry;
    std::string_view type;
    std::string_view key; // empty for @string and @preamble
    std::uint32_t first_field = 0;
    std::uint32_t field_count = 0;
};

struct Result {
    std::vector<Entry> entries;
    std::vector<Field> fields;
    std::vector<Part> parts;
    std::size_t comments = 0;  // @comment commands
    std::size_t stray_ats = 0; // '@'s that began no well-formed command (skipped as junk)
    bool consumed_all = false; // the grammar reached the end of the input

    std::span<const Field> fields_of(const Entry& entry) const {
        return std::span<const Field>(fields).subspan(entry.first_field, entry.field_count);
    }
    std::span<const Part> parts_of(const Field& field) const {
        return std::span<const Part>(parts).subspan(field.first_part, field.part_count);
    }
};

// The result views into text, which must outlive it.
Result parse(std::string_view text);

} // namespace bibkit::bench::x3_reader
