#pragma once
// BibTeX's reading of one or more files: @string macros expanded in order, whitespace collapsed,
// names case-folded, duplicates resolved (the first wins). Entries keep a link to their syntax.
// Text is viewed, not copied, wherever the input already holds it: a Database must not outlive
// the sources (the Bibliography) it was resolved from.

#include <bibkit/bibtex/syntax.hpp>
#include <bibkit/core/huge_page_allocator.hpp>
#include <bibkit/core/text_arena.hpp>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace bibkit::bibtex {

struct Field {
    std::string_view name;  // lower-cased
    std::string_view value; // macros expanded, whitespace collapsed, LaTeX as written
};

struct Entry {
    std::string_view type;         // lower-cased
    std::string_view key;          // as written
    std::span<const Field> fields; // in source order, duplicates dropped (in Database::fields)
    std::uint32_t file = 0;        // index of the RawDatabase it came from
    std::uint32_t raw_entry = 0;
    bool complete = true; // false when a syntax error cut it short

    const Field* find(std::string_view name) const;
};

enum class ValueMode {
    build,      // compute every field value
    check_only, // diagnostics and entry_count only, no entries: what `check` needs
};

struct Database {
    BigVector<Entry> entries; // empty in ValueMode::check_only; huge-page backed when large
    // Every entry's fields, one after the other: one array, not an allocation per entry.
    BigVector<Field> fields;
    std::size_t entry_count = 0; // entries read, duplicates excluded (in every mode)
    std::vector<std::string> preambles;
    // The syntax diagnostics of every file, then resolution's. Huge-page backed: a file can carry
    // tens of thousands, and first-touch page faults dominated `check` on such files.
    BigVector<Diagnostic> diagnostics;
    TextArena text; // holds what the views above cannot take from the input

    std::size_t error_count() const { return count_errors(diagnostics); }
};

namespace detail {
class Resolver;
}

// Resolution block by block, for readers that do not keep the whole syntax tree: `check` hands
// each block over as soon as it is read, while it is still in cache. Blocks must come in file
// order, files in command-line order; the syntax diagnostics of a block before the block.
class IncrementalResolver {
  public:
    explicit IncrementalResolver(ValueMode mode);
    ~IncrementalResolver();
    IncrementalResolver(IncrementalResolver&&) noexcept;

    void reserve(std::size_t entries, std::size_t diagnostics);
    void add_diagnostics(std::span<const Diagnostic> syntax);
    void add_block(const RawDatabase& file, std::uint32_t file_index, const Block& block);
    // A whole (partial) tree: its syntax diagnostics, then each of its blocks.
    void add_file(const RawDatabase& file, std::uint32_t file_index);
    Database finish();

  private:
    std::unique_ptr<detail::Resolver> m_impl;
};

// Resolves files in order, as BibTeX reads several \bibdata files: macros defined in an earlier
// file are visible in later ones, and a key repeated across files is a duplicate.
Database resolve(std::span<const RawDatabase> files, ValueMode mode = ValueMode::build);

// The value of a predefined month macro (jan -> January), or empty for any other name.
std::string month_macro_value(std::string_view name);

} // namespace bibkit::bibtex
