#pragma once
// What goes wrong loading a style, a locale or CSL-JSON items: where (file, line, column) and why.

#include <cstdint>
#include <string>

namespace bibkit::csl {

struct CslError {
    std::string message;      // one sentence, no trailing period
    std::string origin;       // the file, or "<built-in>", or what the caller named the text
    std::uint32_t line = 0;   // 1-based; 0 when unknown
    std::uint32_t column = 0; // 1-based; 0 when unknown

    // "origin:line:column: message", leaving out what is unknown.
    std::string to_string() const;
};

} // namespace bibkit::csl
