#include <algorithm>
#include <bibkit/core/diagnostic.hpp>
#include <charconv>
#include <functional>
#include <vector>

namespace bibkit {

std::string_view to_string(Severity severity) {
    return severity == Severity::error ? "error" : "warning";
}

namespace {

void locate(Diagnostic& d, const SourceFile& source) {
    std::uint32_t offset = d.offset;
    if (d.line_reference != Diagnostic::k_no_line_reference) {
        d.message += std::to_string(source.line_of(d.line_reference));
        d.message += d.message_rest;
        d.message_rest = {};
        d.line_reference = Diagnostic::k_no_line_reference;
    }
    d.pending_source = nullptr;
    LineColumn position = source.line_column(offset);
    d.line = position.line;
    d.column = position.column;
    // Very long lines (one-line files) would drown the message: show a window around the spot.
    std::string_view line = source.line_at(offset);
    std::size_t at =
        std::min<std::size_t>(offset - (line.data() - source.text().data()), line.size());
    constexpr std::size_t k_half_window = 60; // the window fits a terminal line
    if (line.size() <= 2 * k_half_window) {
        d.source_line = std::string(line);
        d.source_column = d.column;
        return;
    }
    auto is_continuation = [&](std::size_t i) {
        return i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80;
    };
    std::size_t begin = at > k_half_window ? at - k_half_window : 0;
    while (begin > 0 && is_continuation(begin)) --begin;
    std::size_t end = std::min(line.size(), at + k_half_window);
    while (end < line.size() && is_continuation(end)) ++end;
    d.source_line = (begin > 0 ? "..." : "") + std::string(line.substr(begin, end - begin)) +
                    (end < line.size() ? "..." : "");
    std::uint32_t column = begin > 0 ? 4 : 1;
    for (std::size_t i = begin; i < at; ++i) column += !is_continuation(i);
    d.source_column = column;
}

} // namespace

Diagnostic deferred_diagnostic(const SourceFile& source, std::uint32_t offset, Severity severity,
                               std::string code, std::string message, std::string_view key) {
    Diagnostic d;
    d.severity = severity;
    d.code = std::move(code);
    d.message = std::move(message);
    d.file = source.name();
    d.key = std::string(key);
    d.offset = std::min(offset, source.size());
    d.pending_source = &source;
    return d;
}

Diagnostic deferred_diagnostic(const SourceFile& source, std::uint32_t offset, Severity severity,
                               std::string code, std::string message, std::uint32_t line_reference,
                               std::string message_rest, std::string_view key) {
    Diagnostic d =
        deferred_diagnostic(source, offset, severity, std::move(code), std::move(message), key);
    d.line_reference = std::min(line_reference, source.size());
    d.message_rest = std::move(message_rest);
    return d;
}

Diagnostic make_diagnostic(const SourceFile& source, std::uint32_t offset, Severity severity,
                           std::string code, std::string message, std::string_view key) {
    Diagnostic d =
        deferred_diagnostic(source, offset, severity, std::move(code), std::move(message), key);
    locate(d, source);
    return d;
}

void locate_diagnostics(std::span<Diagnostic> diagnostics) {
    // In offset order the source's line cursor moves forward only, and each line is found once.
    std::vector<Diagnostic*> pending;
    for (Diagnostic& d : diagnostics)
        if (d.pending_source) pending.push_back(&d);
    if (pending.empty()) return;
    std::sort(pending.begin(), pending.end(), [](const Diagnostic* a, const Diagnostic* b) {
        if (a->pending_source != b->pending_source)
            return std::less<const SourceFile*>()(a->pending_source, b->pending_source);
        return a->offset < b->offset;
    });
    for (Diagnostic* d : pending) locate(*d, *d->pending_source);
}

std::string format_diagnostic(const Diagnostic& d, bool with_source_line) {
    std::string out;
    append_diagnostic(out, d, with_source_line);
    return out;
}

namespace {

void append_number(std::string& out, std::uint32_t number) {
    char digits[16];
    auto [end, error] = std::to_chars(digits, digits + sizeof digits, number);
    out.append(digits, end);
}

// Spaces up to the caret under column `target` of the source line; tabs are copied so that
// the caret lines up however the terminal expands them.
void append_caret(std::string& out, std::string_view line, std::uint32_t target) {
    std::uint32_t column = 1;
    for (std::size_t i = 0; i < line.size() && column < target; ++i) {
        unsigned char c = static_cast<unsigned char>(line[i]);
        if ((c & 0xC0) == 0x80) continue;
        out += c == '\t' ? '\t' : ' ';
        ++column;
    }
    if (column < target) out.append(target - column, ' ');
    out += "^\n";
}

} // namespace

// Appends piece by piece, with no temporary strings: files with many problems print
// thousands of these.
void append_diagnostic(std::string& out, const Diagnostic& d, bool with_source_line) {
    out += d.file;
    out += ':';
    append_number(out, d.line);
    out += ':';
    append_number(out, d.column);
    out += ": ";
    out += to_string(d.severity);
    out += ": ";
    out += d.message;
    if (!d.key.empty()) {
        out += " [entry ";
        out += d.key;
        out += ']';
    }
    out += '\n';
    if (with_source_line && d.line > 0) {
        out += "  ";
        out += d.source_line;
        out += "\n  ";
        append_caret(out, d.source_line, d.source_column ? d.source_column : d.column);
    }
}

std::size_t count_errors(std::span<const Diagnostic> diagnostics) {
    return static_cast<std::size_t>(
        std::count_if(diagnostics.begin(), diagnostics.end(),
                      [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

} // namespace bibkit
