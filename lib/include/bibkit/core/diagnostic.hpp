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
    std::uint32_t offset = 0;        // byte offset of the problem in file

    // Set while the diagnostic is deferred (see deferred_diagnostic): line, column and source
    // line are still to be filled in, and the message may go on with a line number.
    const SourceFile* pending_source = nullptr;
    static constexpr std::uint32_t k_no_line_reference = 0xFFFFFFFF;
    std::uint32_t line_reference = k_no_line_reference; // the message continues with its line
    std::string message_rest;                           // and then with this
};

Diagnostic make_diagnostic(const SourceFile& source, std::uint32_t offset, Severity severity,
                           std::string code, std::string message, std::string_view key = {});

// "file:line:col: error: message [entry KEY]", then the source line and a caret when asked.
std::string format_diagnostic(const Diagnostic& diagnostic, bool with_source_line);
void append_diagnostic(std::string& out, const Diagnostic& diagnostic, bool with_source_line);

// Readers report without looking up lines: two threads report at once while the file is still
// being read, and line numbers are found in one ordered pass afterwards (locate_diagnostics).
// `source` must outlive the call to locate_diagnostics.
Diagnostic deferred_diagnostic(const SourceFile& source, std::uint32_t offset, Severity severity,
                               std::string code, std::string message, std::string_view key = {});
// The same, with a message that names the line of another offset in the same source:
// message + "<line>" + message_rest.
Diagnostic deferred_diagnostic(const SourceFile& source, std::uint32_t offset, Severity severity,
                               std::string code, std::string message, std::uint32_t line_reference,
                               std::string message_rest, std::string_view key = {});
// Fills in every deferred diagnostic, in offset order per source.
void locate_diagnostics(std::span<Diagnostic> diagnostics);

std::size_t count_errors(std::span<const Diagnostic> diagnostics);

} // namespace bibkit
