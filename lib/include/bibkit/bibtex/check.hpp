#pragma once
// `bibkit check`: read files and report every problem, as text or as JSON.

#include <bibkit/bibtex/bibliography.hpp>
#include <bibkit/core/diagnostic.hpp>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::bibtex {

struct CheckReport {
    std::vector<std::string> files;
    std::size_t entries = 0;
    BigVector<Diagnostic> diagnostics; // in file order, then by position

    std::size_t errors() const { return count_errors(diagnostics); }
    std::size_t warnings() const { return diagnostics.size() - errors(); }
};

CheckReport check(const Bibliography& bibliography);

// A report of these diagnostics, sorted by file (in this order) and position.
CheckReport make_check_report(std::vector<std::string> files, std::size_t entries,
                              BigVector<Diagnostic> diagnostics);

// The same report straight from files, without keeping their syntax trees: each block is
// checked as soon as it is read, while it is in cache (what `bibkit check` runs).
Expected<CheckReport, IoError> check_files(const std::vector<std::string>& paths);

// {"files":[…],"entries":N,"diagnostics":[{"severity","file","line","column","key","code","message"}]}
std::string to_json(const CheckReport& report);

// Compiler-style lines with the source line and a caret, then a one-line summary.
std::string to_text(const CheckReport& report);
// The same text in chunks of about 64 KiB: a reused buffer stays in cache, where one string
// for tens of thousands of diagnostics costs a page fault every 4 KiB.
void write_text(const CheckReport& report, const std::function<void(std::string_view)>& write);

} // namespace bibkit::bibtex
