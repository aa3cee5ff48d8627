#pragma once
// The scan behind BibTeX's white-space collapsing. Most values are already collapsed (words
// separated by single spaces), so what matters is finding the first place where they are not,
// 16 bytes at a time where SSE2 is available.

#include <bibkit/core/ascii.hpp>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace bibkit::bibtex::detail {

// True when collapsing changes something at text[i]: white space other than a single space
// that is followed by a non-space byte (so also a space at the very end).
inline bool irregular_at(std::string_view text, std::size_t i) {
    char c = text[i];
    if (!ascii::is_space(c)) return false;
    return c != ' ' || i + 1 == text.size() || ascii::is_space(text[i + 1]);
}

#if defined(__SSE2__)
// 0xFF in each byte that is BibTeX white space: ' ', or '\t' '\n' '\v' '\f' '\r' (9 to 13).
// Bytes from 0x80 up compare as negative, so they are never taken for white space.
inline __m128i white_space(__m128i bytes) {
    __m128i control = _mm_and_si128(_mm_cmpgt_epi8(bytes, _mm_set1_epi8(8)),
                                    _mm_cmplt_epi8(bytes, _mm_set1_epi8(14)));
    return _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(' ')), control);
}
#endif

// True when one of the 8 bytes at `bytes` is below 33: white space, or another control byte.
// Exact for bytes from 0x80 up too (their high bit masks them out).
inline bool has_byte_below_33(const char* bytes) {
    std::uint64_t word;
    std::memcpy(&word, bytes, sizeof word); // unaligned
    constexpr std::uint64_t k_ones = 0x0101010101010101ull;
    return ((word - k_ones * 33) & ~word & (k_ones * 0x80)) != 0;
}

// The first index from `i` on where irregular_at holds, or text.size().
inline std::size_t find_irregular(std::string_view text, std::size_t i) {
#if defined(__SSE2__)
    // Each block also reads the byte after it (is a space followed by more space?), hence +16
    // < size. Unaligned loads: the text is a view anywhere into the input.
    const char* data = text.data();
    for (; i + 16 < text.size(); i += 16) {
        __m128i here = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
        __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i + 1));
        __m128i space = white_space(here);
        __m128i blank = _mm_cmpeq_epi8(here, _mm_set1_epi8(' '));
        // Irregular: white space that is not a blank, or that is followed by white space.
        __m128i bad =
            _mm_or_si128(_mm_andnot_si128(blank, space), _mm_and_si128(space, white_space(next)));
        if (int mask = _mm_movemask_epi8(bad); mask != 0)
            return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    }
#endif
    // Short values and tails: most have no white space at all (numbers, single words), which
    // two overlapping 8-byte words tell at once.
    if (std::size_t left = text.size() - i; left >= 8 && left <= 16 &&
                                            !has_byte_below_33(text.data() + i) &&
                                            !has_byte_below_33(text.data() + text.size() - 8))
        return text.size();
    for (; i < text.size(); ++i)
        if (irregular_at(text, i)) return i;
    return text.size();
}

// True when BibTeX's collapsing leaves the text unchanged: no white space at either end and
// only single spaces inside.
inline bool already_collapsed(std::string_view text) {
    if (text.empty()) return true;
    return !ascii::is_space(text.front()) && find_irregular(text, 0) == text.size();
}

} // namespace bibkit::bibtex::detail
