#pragma once
// Byte-level helpers for ASCII-only decisions (BibTeX's syntax is defined on bytes).

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace bibkit::ascii {

constexpr char to_lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

constexpr bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

constexpr bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

inline bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (to_lower(a[i]) != to_lower(b[i])) return false;
    return true;
}

inline std::string lowered(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = to_lower(c);
    return out;
}

// Case-insensitive hashing and equality, usable for heterogeneous lookup with string_view.
// Hashes eight bytes at a time. Setting bit 5 of every byte folds ASCII case; it also folds a few
// punctuation pairs ('@' and '`'), which only costs an equality check, never correctness.
struct CaseInsensitiveHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept {
        constexpr std::uint64_t fold = 0x2020202020202020ull;
        std::uint64_t hash = 0x9E3779B97F4A7C15ull ^ text.size();
        std::size_t i = 0;
        for (; i + 8 <= text.size(); i += 8) {
            std::uint64_t word;
            std::memcpy(&word, text.data() + i, 8);
            hash = mix(hash ^ (word | fold));
        }
        if (i < text.size()) {
            std::uint64_t word = 0;
            std::memcpy(&word, text.data() + i, text.size() - i);
            hash = mix(hash ^ (word | fold));
        }
        return static_cast<std::size_t>(hash);
    }

  private:
    static std::uint64_t mix(std::uint64_t x) noexcept {
        x *= 0xBF58476D1CE4E5B9ull;
        return x ^ (x >> 31);
    }
};

struct CaseInsensitiveEqual {
    using is_transparent = void;
    bool operator()(std::string_view a, std::string_view b) const noexcept { return iequals(a, b); }
};

} // namespace bibkit::ascii
