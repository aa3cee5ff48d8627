#pragma once
// What every subcommand shares: reading inputs, writing outputs, printing diagnostics.

#include <bibkit/bibtex/bibliography.hpp>
#include <bibkit/core/diagnostic.hpp>
#include <optional>
#include <string>
#include <vector>

namespace bibkit::cli {

// jekyll-scholar users write `--group_by`; every long option also accepts underscores. Returns the
// arguments in the reversed order CLI11's parse(std::vector) expects.
std::vector<std::string> normalize_spellings(int argc, char** argv);

// Prints "bibkit: PATH: reason" on standard error.
void print_io_error(const IoError& error);

// Reads the files, or prints "bibkit: PATH: reason" and returns nothing (exit code 3).
std::optional<bibtex::Bibliography> read_bibliography(const std::vector<std::string>& paths);

// Writes to standard output when path is empty or "-", else atomically to path. False on failure
// (the message is printed).
bool write_output(const std::string& path, std::string_view contents);
// The same for contents in pieces, written one after the other (no joining copy).
bool write_output(const std::string& path, std::span<const std::string_view> parts);
// Standard output in pieces: write_chunk as often as needed, then finish_output, which reports
// a failed write (a full disk, a closed pipe) and returns false.
void write_chunk(std::string_view chunk);
bool finish_output();

void print_diagnostics(std::span<const Diagnostic> diagnostics);

// 1 when the input had errors, else 0.
int problems_exit_code(std::span<const Diagnostic> diagnostics);

} // namespace bibkit::cli
