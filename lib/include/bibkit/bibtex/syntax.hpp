#pragma once
// The lossless syntax layer: every block of a .bib file with its byte span, macros unresolved.
// Blocks tile the file, so printing their spans in order gives back the input byte for byte.

#include <bibkit/core/diagnostic.hpp>
#include <bibkit/core/huge_page_allocator.hpp>
#include <bibkit/core/source_file.hpp>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace bibkit::bibtex {

struct Span {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;

    std::uint32_t size() const { return end - begin; }
    bool empty() const { return begin == end; }
    std::string_view in(std::string_view text) const { return text.substr(begin, end - begin); }
};

enum class BlockKind : std::uint8_t {
    entry,    // @article{key, ...}
    string,   // @string{name = value}
    preamble, // @preamble{value}
    comment,  // @comment{...}
    junk,     // any text between commands
};

enum class ValuePartKind : std::uint8_t {
    braced, // {text}
    quoted, // "text"
    number, // 2001
    macro,  // jan, acm
};

struct ValuePart {
    Span token; // with its delimiters
    ValuePartKind kind = ValuePartKind::braced;

    // The text inside the delimiters.
    Span content() const {
        bool delimited = kind == ValuePartKind::braced || kind == ValuePartKind::quoted;
        return delimited ? Span{token.begin + 1, token.end - 1} : token;
    }
};

struct RawField {
    Span name; // empty for @preamble's value
    std::uint32_t first_part = 0;
    std::uint32_t part_count = 0;
};

// An @entry, @string or @preamble command.
struct RawEntry {
    Span type;
    Span key; // empty for @string and @preamble
    std::uint32_t first_field = 0;
    std::uint32_t field_count = 0;
    char open_delimiter = '{';
    bool complete = true; // false when a syntax error cut the entry short
};

struct Block {
    BlockKind kind = BlockKind::junk;
    Span span;
    std::uint32_t entry = 0; // index into RawDatabase::entries() for entry, string, preamble
};

class RawDatabase {
  public:
    explicit RawDatabase(const SourceFile& source) : m_source(&source) {}

    const SourceFile& source() const { return *m_source; }
    std::string_view text() const { return m_source->text(); }
    std::string_view text(Span span) const { return span.in(m_source->text()); }

    std::span<const Block> blocks() const { return m_blocks; }
    std::span<const RawEntry> entries() const { return m_entries; }
    std::span<const RawField> fields(const RawEntry& entry) const {
        return std::span<const RawField>(m_fields).subspan(entry.first_field, entry.field_count);
    }
    // From the first part to the end of the last one, '#' and spaces included.
    Span value_span(const RawField& field) const {
        if (field.part_count == 0) return {field.name.end, field.name.end};
        return {m_parts[field.first_part].token.begin,
                m_parts[field.first_part + field.part_count - 1].token.end};
    }
    std::span<const ValuePart> parts(const RawField& field) const {
        return std::span<const ValuePart>(m_parts).subspan(field.first_part, field.part_count);
    }
    const std::vector<Diagnostic>& diagnostics() const { return m_diagnostics; }

    // Room for a text of this many bytes. Generous estimates (real files average a block per
    // ~120 bytes and a field per ~60): the arrays are mapped lazily, so unused reserve costs
    // address space, not memory, and the arrays never have to be copied while growing.
    void reserve_for_bytes(std::uint32_t bytes) {
        m_blocks.reserve(bytes / 48 + 16);
        m_entries.reserve(bytes / 96 + 16);
        m_fields.reserve(bytes / 24 + 16);
        m_parts.reserve(bytes / 24 + 16);
    }

    // Empties the tree, keeping its memory, for readers that consume it block by block.
    void clear() {
        m_blocks.clear();
        m_entries.clear();
        m_fields.clear();
        m_parts.clear();
        m_diagnostics.clear();
    }

    // Building (used by the parser).
    BigVector<Block>& mutable_blocks() { return m_blocks; }
    BigVector<RawEntry>& mutable_entries() { return m_entries; }
    BigVector<RawField>& mutable_fields() { return m_fields; }
    BigVector<ValuePart>& mutable_parts() { return m_parts; }
    std::vector<Diagnostic>& mutable_diagnostics() { return m_diagnostics; }

  private:
    const SourceFile* m_source;
    BigVector<Block> m_blocks;
    BigVector<RawEntry> m_entries;
    BigVector<RawField> m_fields;
    BigVector<ValuePart> m_parts;
    std::vector<Diagnostic> m_diagnostics;
};

} // namespace bibkit::bibtex
