#pragma once
// Code points of UTF-8 text, for the engine's character tests.

#include <cstdint>
#include <string_view>
#include <unicode/utf8.h>

namespace bibkit::csl::detail {

// The code point at byte `i` of `s` (U_SENTINEL for an ill-formed sequence or at the end),
// moving `i` past it.
inline UChar32 next_code_point(std::string_view s, int32_t& i) {
    if (i < 0 || static_cast<std::size_t>(i) >= s.size()) return U_SENTINEL;
    UChar32 c;
    // ICU's macro narrows int to uint8_t inside on purpose: silenced here, not file-wide.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
    U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
#pragma GCC diagnostic pop
    return c;
}

} // namespace bibkit::csl::detail
