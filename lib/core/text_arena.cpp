#include <bibkit/core/text_arena.hpp>
#include <cstring>

namespace bibkit {

std::string_view TextArena::copy(std::string_view text) {
    if (text.empty()) return {};
    if (text.size() > m_left) {
        if (text.size() > k_chunk / 4) {
            // A large text gets a chunk of its own, so the current chunk's space is not lost.
            m_chunks.push_back(std::make_unique_for_overwrite<char[]>(text.size()));
            std::memcpy(m_chunks.back().get(), text.data(), text.size());
            return {m_chunks.back().get(), text.size()};
        }
        m_chunks.push_back(std::make_unique_for_overwrite<char[]>(k_chunk));
        m_next = m_chunks.back().get();
        m_left = k_chunk;
    }
    std::memcpy(m_next, text.data(), text.size());
    std::string_view stored(m_next, text.size());
    m_next += text.size();
    m_left -= text.size();
    return stored;
}

} // namespace bibkit
