#pragma once
// Storage for text that cannot be a view into the input (expanded macros, collapsed white space,
// lower-cased names): copied into large chunks, so that a hundred thousand entries cost a few
// allocations. Views stay valid for the arena's life, also after it is moved.

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace bibkit {

class TextArena {
  public:
    std::string_view copy(std::string_view text);

  private:
    // A small first chunk (a small file needs little), then huge pages: a chunk from the
    // huge-page threshold up is mapped as whole 2 MiB pages anyway (huge_page_allocator.hpp).
    static constexpr std::size_t k_first_chunk = std::size_t(64) << 10;
    static constexpr std::size_t k_chunk = std::size_t(2) << 20;

    struct ChunkDeleter {
        std::size_t size = 0;
        void operator()(char* chunk) const noexcept;
    };
    using Chunk = std::unique_ptr<char[], ChunkDeleter>;
    static Chunk allocate(std::size_t size);

    std::vector<Chunk> m_chunks;
    char* m_next = nullptr;
    std::size_t m_left = 0;
    std::size_t m_chunk_size = k_first_chunk;
};

} // namespace bibkit
