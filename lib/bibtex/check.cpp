#include <bibkit/bibtex/check.hpp>

#include <bibkit/core/json_writer.hpp>

#include <algorithm>

namespace bibkit::bibtex {

CheckReport check(const Bibliography& bibliography) {
    CheckReport report;
    for (std::size_t i = 0; i < bibliography.size(); ++i) report.files.push_back(bibliography.source(i).name());
    Database database = bibliography.resolve(ValueMode::check_only);
    report.entries = database.entry_count;
    report.diagnostics = std::move(database.diagnostics);
    // Syntax and resolution diagnostics interleave by position, file by file.
    auto rank_of = [&](const std::string& file) {
        auto it = std::find(report.files.begin(), report.files.end(), file);
        return static_cast<std::size_t>(it - report.files.begin());
    };
    std::stable_sort(report.diagnostics.begin(), report.diagnostics.end(),
                     [&](const Diagnostic& a, const Diagnostic& b) {
                         if (a.file != b.file) return rank_of(a.file) < rank_of(b.file);
                         if (a.line != b.line) return a.line < b.line;
                         return a.column < b.column;
                     });
    return report;
}

std::string to_json(const CheckReport& report) {
    std::string out;
    JsonWriter json(out, true);
    json.begin_object();
    json.key("files");
    json.begin_array();
    for (const std::string& file : report.files) json.value(file);
    json.end_array();
    json.key("entries");
    json.value(static_cast<std::int64_t>(report.entries));
    json.key("diagnostics");
    json.begin_array();
    for (const Diagnostic& d : report.diagnostics) {
        json.begin_object();
        json.key("severity");
        json.value(to_string(d.severity));
        json.key("file");
        json.value(d.file);
        json.key("line");
        json.value(static_cast<std::int64_t>(d.line));
        json.key("column");
        json.value(static_cast<std::int64_t>(d.column));
        json.key("key");
        if (d.key.empty()) json.null();
        else json.value(d.key);
        json.key("code");
        json.value(d.code);
        json.key("message");
        json.value(d.message);
        json.end_object();
    }
    json.end_array();
    json.end_object();
    out += '\n';
    return out;
}

std::string to_text(const CheckReport& report) {
    std::string out;
    for (const Diagnostic& d : report.diagnostics) out += format_diagnostic(d, true);
    auto count = [](std::size_t n, const char* one, const char* many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    out += count(report.files.size(), "file", "files") + ", " +
           count(report.entries, "entry", "entries") + ": " +
           count(report.errors(), "error", "errors") + ", " +
           count(report.warnings(), "warning", "warnings") + "\n";
    return out;
}

} // namespace bibkit::bibtex
