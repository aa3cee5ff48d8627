#pragma once
// One input file's bytes, read once and kept for the life of everything that views into it.

#include <atomic>
#include <bibkit/core/expected.hpp>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit {

struct LineColumn {
    std::uint32_t line = 0;   // 1-based
    std::uint32_t column = 0; // 1-based, in Unicode code points
};

struct IoError {
    std::string path;
    std::string message;
};

// Offsets into a source are 32-bit to keep syntax trees small; larger inputs are refused.
inline constexpr std::uint64_t k_max_source_size = 0xFFFFFFF0u;

class SourceFile {
  public:
    // Reads a file ("-" is standard input). Regular files are memory-mapped.
    static Expected<SourceFile, IoError> open(const std::string& path);
    static SourceFile from_string(std::string name, std::string text);

    SourceFile(SourceFile&&) noexcept;
    SourceFile& operator=(SourceFile&&) noexcept;
    ~SourceFile();

    const std::string& name() const { return m_name; }
    std::string_view text() const { return m_text; }
    std::uint32_t size() const { return static_cast<std::uint32_t>(m_text.size()); }

    // Counts the line breaks of the 1 KiB blocks that start in [begin, end). Readers call this
    // for the stretch they are about to read, while its bytes are in cache: counting the whole
    // file later costs a pass over cold memory. Threads may count disjoint (or even the same)
    // stretches at once; blocks nobody counted are counted on the first lookup that needs them.
    void count_lines(std::uint32_t begin, std::uint32_t end) const;

    // Cheap once the blocks before offset are counted. Safe to call from several threads.
    LineColumn line_column(std::uint32_t offset) const;
    // The line number alone: cheap at any offset, in any order.
    std::uint32_t line_of(std::uint32_t offset) const;
    // The whole line holding offset, without its line break.
    std::string_view line_at(std::uint32_t offset) const;

  private:
    SourceFile() = default;
    void allocate_line_counts();
    std::uint32_t newlines_in_block(std::size_t block) const;

    std::string m_name;
    std::string m_owned;       // used when the text is not memory-mapped
    void* m_mapping = nullptr; // munmap'ed in the destructor
    std::size_t m_mapping_size = 0;
    std::string_view m_text;
    // Line breaks in each 1 KiB block (k_uncounted until someone counts them; atomics because
    // two readers may count at once), and their running sums, extended as far as a lookup needs:
    // a query then counts within one block only.
    static constexpr std::uint16_t k_uncounted = 0xFFFF;
    std::unique_ptr<std::atomic<std::uint16_t>[]> m_block_newlines;
    mutable std::vector<std::uint32_t> m_lines_before_block;
    // The last line looked up: diagnostics come in order, often many on one long line, and
    // finding a line's ends or a column from scratch each time would be quadratic.
    struct LineCursor {
        std::uint32_t line_start = 0;
        std::uint32_t line_end = 0; // 0 with line_start 0 means: not known yet
        std::uint32_t offset = 0;   // a position on that line and its column
        std::uint32_t column = 1;
        bool valid = false;
    };
    mutable LineCursor m_cursor;
    mutable std::unique_ptr<std::mutex> m_lock = std::make_unique<std::mutex>();
    void move_cursor(std::uint32_t offset) const;
    std::uint32_t line_of_locked(std::uint32_t offset) const;
};

} // namespace bibkit
