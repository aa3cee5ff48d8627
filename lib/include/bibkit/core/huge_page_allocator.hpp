#pragma once
// An allocator for the few very large arrays of a syntax tree. Large blocks are mapped directly
// and marked for transparent huge pages: reading a 64 MB file otherwise spends a quarter of its
// time in page faults (measured: 82,000 minor faults, 0.5 s of system time, on a VM).

#include <cstddef>
#include <memory>
#include <new>
#include <vector>

namespace bibkit {

namespace detail {
void* map_huge(std::size_t bytes);
void unmap_huge(void* pointer, std::size_t bytes);
// From 128 KiB up (glibc's own mmap threshold): zeroing one 2 MiB page costs about as much as
// the 32 faults of touching the same memory in 4 KiB pages (measured about 10 µs a fault on
// this VM), and such arrays grow on towards a huge page anyway.
inline constexpr std::size_t k_huge_threshold = std::size_t(128) << 10;
} // namespace detail

template <class T> class HugePageAllocator {
  public:
    using value_type = T;

    HugePageAllocator() noexcept = default;
    template <class U> HugePageAllocator(const HugePageAllocator<U>&) noexcept {}

    T* allocate(std::size_t n) {
        std::size_t bytes = n * sizeof(T);
        if (bytes < detail::k_huge_threshold) return std::allocator<T>{}.allocate(n);
        void* pointer = detail::map_huge(bytes);
        if (!pointer) throw std::bad_alloc();
        return static_cast<T*>(pointer);
    }

    void deallocate(T* pointer, std::size_t n) noexcept {
        std::size_t bytes = n * sizeof(T);
        if (bytes < detail::k_huge_threshold)
            std::allocator<T>{}.deallocate(pointer, n);
        else
            detail::unmap_huge(pointer, bytes);
    }

    template <class U> bool operator==(const HugePageAllocator<U>&) const noexcept { return true; }
};

template <class T> using BigVector = std::vector<T, HugePageAllocator<T>>;

} // namespace bibkit
