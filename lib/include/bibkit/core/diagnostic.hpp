#pragma once
// Compiler-style diagnostics: every problem in the input carries file:line:col and the entry key.

#include <bibkit/core/source_file.hpp>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit {

enum class Severity : std::uint8_t { warning, error };

std::string_view to_string(Severity severity);

struct Diagnostic {
    Severity severity = Severity::error;
    std::string code;    // stable, machine-readable: "unbalanced-braces", "duplicate-key", ...
    std::string message; // one sentence, no trailing period
    std::string file;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::string key;         // the entry's key, when the problem is inside an entry
    std::string source_line; // the line of input (a window of a very long one), for the caret
    std::uint32_t source_column = 0; // where the caret goes in source_line, in code points
};

Diagnostic make_diagnostic(const SourceFile& source, std::uint32_t offset, Severity severity,
                           std::string code, std::string message, std::string_view key = {});

// "file:line:col: error: message [entry KEY]", then the source line and a caret when asked.
std::string format_diagnostic(const Diagnostic& diagnostic, bool with_source_line);
void append_diagnostic(std::string& out, const Diagnostic& diagnostic, bool with_source_line);

std::size_t count_errors(std::span<const Diagnostic> diagnostics);

} // namespace bibkit
