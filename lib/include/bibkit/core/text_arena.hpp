#pragma once
// Storage for text that cannot be a view into the input (expanded macros, collapsed white space,
// lower-cased names): copied into large chunks, so that a hundred thousand entries cost a few
// allocations. Views stay valid for the arena's life, also after it is moved.

#include <memory>
#include <string_view>
#include <vector>

namespace bibkit {

class TextArena {
  public:
    std::string_view copy(std::string_view text);

  private:
    static constexpr std::size_t k_chunk = std::size_t(1) << 20;
    std::vector<std::unique_ptr<char[]>> m_chunks;
    char* m_next = nullptr;
    std::size_t m_left = 0;
};

} // namespace bibkit
