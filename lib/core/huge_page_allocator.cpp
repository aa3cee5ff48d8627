#include <bibkit/core/huge_page_allocator.hpp>
#include <cstdint>
#include <sys/mman.h>

namespace bibkit::detail {

namespace {
constexpr std::size_t k_huge_page = std::size_t(2) << 20;

std::size_t round_up(std::size_t bytes) {
    return (bytes + k_huge_page - 1) & ~(k_huge_page - 1);
}
} // namespace

void* map_huge(std::size_t bytes) {
    std::size_t size = round_up(bytes);
    // Over-map by one huge page so the block can start on a 2 MiB boundary, then trim.
    void* raw = ::mmap(nullptr, size + k_huge_page, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) return nullptr;
    auto begin = reinterpret_cast<std::uintptr_t>(raw);
    std::uintptr_t aligned = (begin + k_huge_page - 1) & ~(std::uintptr_t(k_huge_page) - 1);
    if (aligned > begin) ::munmap(raw, aligned - begin);
    std::size_t tail = (begin + size + k_huge_page) - (aligned + size);
    if (tail > 0) ::munmap(reinterpret_cast<void*>(aligned + size), tail);
    ::madvise(reinterpret_cast<void*>(aligned), size, MADV_HUGEPAGE);
    return reinterpret_cast<void*>(aligned);
}

void unmap_huge(void* pointer, std::size_t bytes) {
    ::munmap(pointer, round_up(bytes));
}

} // namespace bibkit::detail
