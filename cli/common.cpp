#include "common.hpp"

#include <algorithm>
#include <bibkit/core/atomic_file.hpp>
#include <bibkit/core/exit_code.hpp>
#include <cstdio>
#include <iostream>

namespace bibkit::cli {

std::vector<std::string> normalize_spellings(int argc, char** argv) {
    std::vector<std::string> arguments;
    bool options_ended = false;
    for (int i = 1; i < argc; ++i) {
        std::string argument = argv[i];
        if (argument == "--") options_ended = true;
        if (!options_ended && argument.size() > 2 && argument.starts_with("--")) {
            std::size_t name_end = std::min(argument.find('='), argument.size());
            for (std::size_t k = 2; k < name_end; ++k)
                if (argument[k] == '_') argument[k] = '-';
        }
        arguments.push_back(std::move(argument));
    }
    std::reverse(arguments.begin(), arguments.end());
    return arguments;
}

void print_io_error(const IoError& error) {
    std::cerr << "bibkit: " << error.path << ": " << error.message << '\n';
}

std::optional<bibtex::Bibliography> read_bibliography(const std::vector<std::string>& paths) {
    auto bibliography = bibtex::Bibliography::read(paths);
    if (!bibliography) {
        print_io_error(bibliography.error());
        return std::nullopt;
    }
    return std::move(*bibliography);
}

void write_chunk(std::string_view chunk) {
    std::fwrite(chunk.data(), 1, chunk.size(), stdout);
}

bool finish_output() {
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
        std::cerr << "bibkit: cannot write to standard output\n";
        return false;
    }
    return true;
}

bool write_output(const std::string& path, std::string_view contents) {
    return write_output(path, std::span<const std::string_view>(&contents, 1));
}

bool write_output(const std::string& path, std::span<const std::string_view> parts) {
    if (path.empty() || path == "-") {
        for (std::string_view part : parts) write_chunk(part);
        return finish_output();
    }
    auto written = write_file_atomically(path, parts);
    if (!written) {
        print_io_error(written.error());
        return false;
    }
    return true;
}

void print_diagnostics(std::span<const Diagnostic> diagnostics) {
    if (diagnostics.empty()) return;
    // One buffer for them all, written at once: thousands of diagnostics are common on large
    // files, and standard error is unbuffered.
    std::string text;
    text.reserve(diagnostics.size() * 200);
    for (const Diagnostic& d : diagnostics) append_diagnostic(text, d, true);
    std::fwrite(text.data(), 1, text.size(), stderr);
}

int problems_exit_code(std::span<const Diagnostic> diagnostics) {
    return count_errors(diagnostics) > 0 ? to_int(ExitCode::problems) : to_int(ExitCode::ok);
}

} // namespace bibkit::cli
