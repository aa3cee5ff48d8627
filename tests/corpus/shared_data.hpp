#pragma once
// Access to ../shared (real-world corpora, BibTeX's own answers). Suites skip, saying why, when
// it is absent, so that the unit tests still run on a bare checkout.

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace bibkit::testing {

inline std::filesystem::path shared_dir() {
    return std::filesystem::path(BIBKIT_SHARED_DIR);
}

inline bool have_shared(const std::string& sub) {
    return std::filesystem::exists(shared_dir() / sub);
}

#define BIBKIT_REQUIRE_SHARED(sub)                                                                 \
    do {                                                                                           \
        if (!::bibkit::testing::have_shared(sub))                                                  \
            GTEST_SKIP() << "shared test data absent: " << (::bibkit::testing::shared_dir() / sub) \
                         << " (CI provides ../shared beside the project)";                         \
    } while (0)

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// Standard output of a shell command (stderr discarded).
inline std::string run_command(const std::string& command) {
    std::string out;
    FILE* pipe = ::popen((command + " 2>/dev/null").c_str(), "r");
    if (!pipe) return out;
    char buffer[1 << 16];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
    ::pclose(pipe);
    return out;
}

inline bool have_program(const std::string& name) {
    return !run_command("command -v " + name).empty();
}

inline std::vector<std::filesystem::path> corpus_files() {
    std::vector<std::filesystem::path> files;
    for (const auto& item : std::filesystem::directory_iterator(shared_dir() / "corpora/bib"))
        if (item.path().extension() == ".bib") files.push_back(item.path());
    std::sort(files.begin(), files.end());
    return files;
}

// BibTeX breaks long .bbl lines at a space and indents the continuation by two spaces, so its
// answers are compared with runs of white space folded.
inline std::string folded(std::string_view text) {
    std::string out;
    for (char c : text) {
        bool space = c == ' ' || c == '\n' || c == '\t';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// One record of tools/bibtex-oracle's output:
// E|type|key|title=…|journal=…|month=…|year=…|pages=…|note=…
struct OracleEntry {
    std::string type, key, title, journal, month, year, pages, note;
};

struct OracleResult {
    std::vector<OracleEntry> entries;
    std::string preamble;
    std::string messages; // BibTeX's warnings and errors, ';'-separated
};

// Records are joined by spaces on one line; a record starts with "E|type|key|title=" or "P|".
inline OracleResult parse_oracle(const std::string& records_line, const std::string& messages) {
    OracleResult result;
    result.messages = messages;
    static const std::regex record_start(R"((^| )(E\|[A-Za-z]*\|[^| ]*\|title=|P\|))");
    std::vector<std::size_t> starts;
    for (auto it = std::sregex_iterator(records_line.begin(), records_line.end(), record_start);
         it != std::sregex_iterator(); ++it)
        starts.push_back(static_cast<std::size_t>(it->position(2)));
    std::vector<std::string> records;
    for (std::size_t i = 0; i < starts.size(); ++i) {
        std::size_t end = i + 1 < starts.size() ? starts[i + 1] - 1 : records_line.size();
        records.push_back(records_line.substr(starts[i], end - starts[i]));
    }
    for (std::string record : records) {
        while (!record.empty() && record.back() == ' ') record.pop_back();
        if (record.rfind("P|", 0) == 0) {
            result.preamble = record.substr(2);
            continue;
        }
        if (record.rfind("E|", 0) != 0) continue;
        OracleEntry entry;
        std::size_t a = 2, b = record.find('|', a);
        entry.type = record.substr(a, b - a);
        a = b + 1;
        b = record.find("|title=", a);
        entry.key = record.substr(a, b - a);
        auto field = [&](const std::string& name, const std::string& next) {
            std::size_t from = record.find("|" + name + "=", b);
            std::size_t begin = from + name.size() + 2;
            std::size_t end = next.empty() ? record.size() : record.find("|" + next + "=", begin);
            b = end == std::string::npos ? record.size() : end;
            return record.substr(begin, b - begin);
        };
        entry.title = field("title", "journal");
        entry.journal = field("journal", "month");
        entry.month = field("month", "year");
        entry.year = field("year", "pages");
        entry.pages = field("pages", "note");
        entry.note = field("note", "");
        result.entries.push_back(entry);
    }
    return result;
}

// Asks the real BibTeX 0.99d (tools/bibtex-oracle) what it reads from a file.
inline OracleResult ask_bibtex(const std::filesystem::path& file) {
    std::string output = run_command("'" + (shared_dir() / "tools/bibtex-oracle").string() + "' '" +
                                     file.string() + "'");
    std::size_t newline = output.find('\n');
    std::string records = output.substr(0, newline);
    std::string messages = newline == std::string::npos ? "" : output.substr(newline + 1);
    return parse_oracle(records, messages);
}

} // namespace bibkit::testing
