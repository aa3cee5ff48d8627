#include <bibkit/core/huge_page_allocator.hpp>
#include <bibkit/core/text_arena.hpp>
#include <cstring>
#include <new>

namespace bibkit {

void TextArena::ChunkDeleter::operator()(char* chunk) const noexcept {
    if (size >= detail::k_huge_threshold)
        detail::unmap_huge(chunk, size);
    else
        delete[] chunk;
}

TextArena::Chunk TextArena::allocate(std::size_t size) {
    if (size < detail::k_huge_threshold) return Chunk(new char[size], ChunkDeleter{size});
    void* chunk = detail::map_huge(size);
    if (!chunk) throw std::bad_alloc();
    return Chunk(static_cast<char*>(chunk), ChunkDeleter{size});
}

std::string_view TextArena::copy(std::string_view text) {
    if (text.empty()) return {};
    if (text.size() > m_left) {
        if (text.size() > m_chunk_size / 4) {
            // A large text gets a chunk of its own, so the current chunk's space is not lost.
            m_chunks.push_back(allocate(text.size()));
            std::memcpy(m_chunks.back().get(), text.data(), text.size());
            return {m_chunks.back().get(), text.size()};
        }
        m_chunks.push_back(allocate(m_chunk_size));
        m_next = m_chunks.back().get();
        m_left = m_chunk_size;
        m_chunk_size = k_chunk;
    }
    std::memcpy(m_next, text.data(), text.size());
    std::string_view stored(m_next, text.size());
    m_next += text.size();
    m_left -= text.size();
    return stored;
}

} // namespace bibkit
