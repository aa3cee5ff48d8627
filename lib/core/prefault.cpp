#include <bibkit/core/prefault.hpp>
#include <cstdint>
#include <sys/mman.h>

namespace bibkit {

namespace {
constexpr std::uintptr_t k_page = 4096;
constexpr std::uintptr_t k_huge_page = std::uintptr_t(2) << 20;

std::uintptr_t align_up(std::uintptr_t address, std::uintptr_t unit) {
    return (address + unit - 1) & ~(unit - 1);
}
std::uintptr_t align_down(std::uintptr_t address, std::uintptr_t unit) {
    return address & ~(unit - 1);
}
} // namespace

void prefault(void* pointer, std::size_t bytes) {
    auto begin = reinterpret_cast<std::uintptr_t>(pointer);
    // Only whole pages inside the range: the pages at its ends may hold other data.
    std::uintptr_t first = align_up(begin, k_page);
    std::uintptr_t last = align_down(begin + bytes, k_page);
    if (last <= first) return;
    std::uintptr_t huge_first = align_up(first, k_huge_page);
    std::uintptr_t huge_last = align_down(last, k_huge_page);
    if (huge_last > huge_first)
        ::madvise(reinterpret_cast<void*>(huge_first), huge_last - huge_first, MADV_HUGEPAGE);
#ifdef MADV_POPULATE_WRITE
    ::madvise(reinterpret_cast<void*>(first), last - first, MADV_POPULATE_WRITE);
#endif
}

} // namespace bibkit
