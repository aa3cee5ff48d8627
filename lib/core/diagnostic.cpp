#include <bibkit/core/diagnostic.hpp>

#include <algorithm>

namespace bibkit {

std::string_view to_string(Severity severity) {
    return severity == Severity::error ? "error" : "warning";
}

Diagnostic make_diagnostic(const SourceFile& source, std::uint32_t offset, Severity severity,
                           std::string code, std::string message, std::string_view key) {
    Diagnostic d;
    d.severity = severity;
    d.code = std::move(code);
    d.message = std::move(message);
    d.file = source.name();
    LineColumn position = source.line_column(offset);
    d.line = position.line;
    d.column = position.column;
    d.key = std::string(key);
    // Very long lines (minified files) would drown the message; keep a window.
    std::string_view line = source.line_at(offset);
    d.source_line = std::string(line.substr(0, std::min<std::size_t>(line.size(), 400)));
    return d;
}

std::string format_diagnostic(const Diagnostic& d, bool with_source_line) {
    std::string out = d.file;
    out += ':' + std::to_string(d.line) + ':' + std::to_string(d.column) + ": ";
    out += to_string(d.severity);
    out += ": ";
    out += d.message;
    if (!d.key.empty()) out += " [entry " + d.key + "]";
    out += '\n';
    if (with_source_line && d.line > 0) {
        out += "  ";
        out += d.source_line;
        out += "\n  ";
        // Tabs are copied so that the caret lines up however the terminal expands them.
        std::uint32_t column = 1;
        for (std::size_t i = 0; i < d.source_line.size() && column < d.column; ++i) {
            unsigned char c = static_cast<unsigned char>(d.source_line[i]);
            if ((c & 0xC0) == 0x80) continue;
            out += c == '\t' ? '\t' : ' ';
            ++column;
        }
        while (column++ < d.column) out += ' ';
        out += "^\n";
    }
    return out;
}

std::size_t count_errors(const std::vector<Diagnostic>& diagnostics) {
    return static_cast<std::size_t>(
        std::count_if(diagnostics.begin(), diagnostics.end(),
                      [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

} // namespace bibkit
