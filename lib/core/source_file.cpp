#include <algorithm>
#include <bibkit/core/source_file.hpp>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <iostream>
#include <iterator>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace bibkit {

namespace {

IoError io_error(const std::string& path, int error_number) {
    return {path, std::strerror(error_number)};
}

Expected<std::string, IoError> read_stream(int fd, const std::string& name) {
    std::string text;
    char buffer[1 << 16];
    for (;;) {
        ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            return unexpected(io_error(name, errno));
        }
        text.append(buffer, static_cast<std::size_t>(n));
        if (text.size() > k_max_source_size) return unexpected(IoError{name, "file too large"});
    }
    return text;
}

} // namespace

Expected<SourceFile, IoError> SourceFile::open(const std::string& path) {
    if (path == "-") {
        auto text = read_stream(STDIN_FILENO, "<stdin>");
        if (!text) return unexpected(text.error());
        return from_string("<stdin>", std::move(*text));
    }
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return unexpected(io_error(path, errno));
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        int saved = errno;
        ::close(fd);
        return unexpected(io_error(path, saved));
    }
    if (S_ISDIR(info.st_mode)) {
        ::close(fd);
        return unexpected(IoError{path, "is a directory"});
    }
    if (!S_ISREG(info.st_mode) || info.st_size == 0) {
        // Pipes, devices and empty files cannot (or need not) be mapped.
        auto text = read_stream(fd, path);
        ::close(fd);
        if (!text) return unexpected(text.error());
        return from_string(path, std::move(*text));
    }
    auto size = static_cast<std::uint64_t>(info.st_size);
    if (size > k_max_source_size) {
        ::close(fd);
        return unexpected(IoError{path, "file too large (the limit is 4 GiB)"});
    }
    // MAP_POPULATE faults the pages in one batch: on virtual machines each fault is costly.
    void* mapping = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    int saved = errno;
    ::close(fd);
    if (mapping == MAP_FAILED) return unexpected(io_error(path, saved));
    ::madvise(mapping, size, MADV_SEQUENTIAL);
    SourceFile file;
    file.m_name = path;
    file.m_mapping = mapping;
    file.m_mapping_size = size;
    file.m_text = std::string_view(static_cast<const char*>(mapping), size);
    file.allocate_line_counts();
    return file;
}

SourceFile SourceFile::from_string(std::string name, std::string text) {
    SourceFile file;
    file.m_name = std::move(name);
    file.m_owned = std::move(text);
    file.m_text = file.m_owned;
    file.allocate_line_counts();
    return file;
}

SourceFile::SourceFile(SourceFile&& other) noexcept {
    *this = std::move(other);
}

SourceFile& SourceFile::operator=(SourceFile&& other) noexcept {
    if (this == &other) return *this;
    if (m_mapping) ::munmap(m_mapping, m_mapping_size);
    m_name = std::move(other.m_name);
    bool owned = other.m_mapping == nullptr;
    m_owned = std::move(other.m_owned);
    m_mapping = std::exchange(other.m_mapping, nullptr);
    m_mapping_size = std::exchange(other.m_mapping_size, 0);
    // A moved std::string may carry its small buffer along, so re-point the view.
    m_text = owned ? std::string_view(m_owned) : other.m_text;
    other.m_text = {};
    m_block_newlines = std::move(other.m_block_newlines);
    m_lines_before_block = std::move(other.m_lines_before_block);
    m_cursor = other.m_cursor;
    m_lock = std::move(other.m_lock);
    other.m_lock = std::make_unique<std::mutex>();
    return *this;
}

SourceFile::~SourceFile() {
    if (m_mapping) ::munmap(m_mapping, m_mapping_size);
}

namespace {
constexpr std::uint32_t k_line_block = 1024;

// Newlines in [begin, end): sixteen bytes at a time where SSE2 is available (GCC does not
// vectorize the plain loop, and this runs over the whole file on the first diagnostic).
std::uint32_t count_newlines(const char* begin, const char* end) {
    std::uint32_t count = 0;
    const char* p = begin;
#if defined(__SSE2__)
    // Matches are subtracted as -1 bytes into byte counters, which are summed every 255 rounds
    // (before they can overflow) with psadbw: no popcount instruction needed on baseline x86-64.
    const __m128i newline = _mm_set1_epi8('\n');
    const __m128i zero = _mm_setzero_si128();
    while (p + 16 <= end) {
        __m128i counters = zero;
        for (int round = 0; round < 255 && p + 16 <= end; ++round, p += 16) {
            __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
            counters = _mm_sub_epi8(counters, _mm_cmpeq_epi8(chunk, newline));
        }
        __m128i sums = _mm_sad_epu8(counters, zero);
        count += static_cast<std::uint32_t>(_mm_cvtsi128_si32(sums) + _mm_extract_epi16(sums, 4));
    }
#endif
    for (; p < end; ++p) count += *p == '\n';
    return count;
}
} // namespace

void SourceFile::allocate_line_counts() {
    std::size_t blocks = m_text.size() / k_line_block + 1;
    m_block_newlines = std::make_unique<std::atomic<std::uint16_t>[]>(blocks);
    for (std::size_t b = 0; b < blocks; ++b)
        m_block_newlines[b].store(k_uncounted, std::memory_order_relaxed);
}

std::uint32_t SourceFile::newlines_in_block(std::size_t block) const {
    std::uint16_t known = m_block_newlines[block].load(std::memory_order_relaxed);
    if (known != k_uncounted) return known;
    std::size_t begin = block * k_line_block;
    std::size_t end = std::min(begin + k_line_block, m_text.size());
    std::uint32_t count = count_newlines(m_text.data() + begin, m_text.data() + end);
    m_block_newlines[block].store(static_cast<std::uint16_t>(count), std::memory_order_relaxed);
    return count;
}

void SourceFile::count_lines(std::uint32_t begin, std::uint32_t end) const {
    end = std::min(end, size() + 1);
    for (std::size_t block = (begin + k_line_block - 1) / k_line_block; block * k_line_block < end;
         ++block)
        newlines_in_block(block);
}

std::uint32_t SourceFile::line_of(std::uint32_t offset) const {
    std::lock_guard lock(*m_lock);
    return line_of_locked(offset);
}

std::uint32_t SourceFile::line_of_locked(std::uint32_t offset) const {
    offset = std::min<std::uint32_t>(offset, size());
    std::size_t block = offset / k_line_block;
    if (m_lines_before_block.size() <= block) {
        // Extend the running sums to this block; they never shrink, so this is linear overall.
        std::size_t known = m_lines_before_block.size();
        m_lines_before_block.resize(block + 1);
        for (std::size_t b = known; b <= block; ++b)
            m_lines_before_block[b] =
                b == 0 ? 0 : m_lines_before_block[b - 1] + newlines_in_block(b - 1);
    }
    std::size_t block_begin = block * k_line_block;
    return m_lines_before_block[block] +
           count_newlines(m_text.data() + block_begin, m_text.data() + offset) + 1;
}

namespace {
std::uint32_t code_points(std::string_view text) {
    std::uint32_t count = 0;
    for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return count;
}
} // namespace

void SourceFile::move_cursor(std::uint32_t offset) const {
    LineCursor& cursor = m_cursor;
    if (cursor.valid && offset >= cursor.line_start && offset <= cursor.line_end) {
        // Same line: count columns from the nearer known point.
        if (offset >= cursor.offset) {
            cursor.column += code_points(m_text.substr(cursor.offset, offset - cursor.offset));
        } else {
            cursor.column =
                1 + code_points(m_text.substr(cursor.line_start, offset - cursor.line_start));
        }
        cursor.offset = offset;
        return;
    }
    std::size_t start = offset == 0 ? std::string_view::npos : m_text.rfind('\n', offset - 1);
    start = start == std::string_view::npos ? 0 : start + 1;
    std::size_t end = m_text.find('\n', offset);
    if (end == std::string_view::npos) end = m_text.size();
    cursor.line_start = static_cast<std::uint32_t>(start);
    cursor.line_end = static_cast<std::uint32_t>(end);
    cursor.offset = offset;
    cursor.column = 1 + code_points(m_text.substr(start, offset - start));
    cursor.valid = true;
}

LineColumn SourceFile::line_column(std::uint32_t offset) const {
    std::lock_guard lock(*m_lock);
    offset = std::min<std::uint32_t>(offset, size());
    std::uint32_t line = line_of_locked(offset);
    move_cursor(offset);
    return {line, m_cursor.column};
}

std::string_view SourceFile::line_at(std::uint32_t offset) const {
    std::lock_guard lock(*m_lock);
    offset = std::min<std::uint32_t>(offset, size());
    move_cursor(offset);
    std::string_view line =
        m_text.substr(m_cursor.line_start, m_cursor.line_end - m_cursor.line_start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

} // namespace bibkit
