#pragma once
// Mapping memory ahead of its first write, off the critical path: a page fault costs about
// 10 µs on a VM, and a large output buffer takes thousands of them.

#include <cstddef>

namespace bibkit {

// Maps the pages of [pointer, pointer + bytes) now (huge pages where whole ones fit), leaving
// their contents alone. A hint only: where the kernel refuses, pages fault in when written.
void prefault(void* pointer, std::size_t bytes);

} // namespace bibkit
