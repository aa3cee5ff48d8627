// Throughput of bibkit's reading and writing stages, and of a Boost.Spirit X3 reader for the same
// language as a baseline for the hand-written scanner.
//
//   bibkit_bench [google-benchmark flags]
//       Input: the file named by BIBKIT_BENCH_FILE, else the real-world files in
//       shared/corpora/bib (all but the malformed bbt_* one) concatenated.
//   bibkit_bench --verify FILE...
//       Checks that the X3 reader and bibtex::parse read the same commands, fields and value
//       parts (same spans) from each file; exits with 1 on any difference.

#include "x3_reader.hpp"

#include <algorithm>
#include <benchmark/benchmark.h>
#include <bibkit/bibtex/database.hpp>
#include <bibkit/bibtex/formatter.hpp>
#include <bibkit/bibtex/parser.hpp>
#include <bibkit/bibtex/syntax.hpp>
#include <bibkit/bibtex/writer.hpp>
#include <bibkit/core/source_file.hpp>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#ifndef BIBKIT_SHARED_DIR
#define BIBKIT_SHARED_DIR ""
#endif

namespace {

using namespace bibkit;
namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------------
// Comparing the two readers.

std::uint32_t offset_in(std::string_view text, std::string_view part) {
    return static_cast<std::uint32_t>(part.data() - text.data());
}

bool same_span(std::string_view text, std::string_view view, bibtex::Span span) {
    return view.size() == span.size() && (view.empty() || offset_in(text, view) == span.begin);
}

// From the first part to the end of the last one ('#' and spaces included).
bibtex::Span value_span(const bibtex::RawDatabase& raw, const bibtex::RawField& field) {
    auto parts = raw.parts(field);
    if (parts.empty()) return {field.name.end, field.name.end};
    return {parts.front().token.begin, parts.back().token.end};
}

// An empty string when both readers agree, else the first difference.
std::string compare(const bibtex::RawDatabase& raw, const bench::x3_reader::Result& x3) {
    std::string_view text = raw.text();
    std::ostringstream out;
    auto entries = raw.entries();
    std::size_t bibkit_fields = 0;
    std::size_t bibkit_parts = 0;
    for (const auto& entry : entries) {
        bibkit_fields += entry.field_count;
        for (const auto& field : raw.fields(entry)) bibkit_parts += field.part_count;
    }
    auto comments = static_cast<std::size_t>(
        std::count_if(raw.blocks().begin(), raw.blocks().end(), [](const bibtex::Block& block) {
            return block.kind == bibtex::BlockKind::comment;
        }));
    if (entries.size() != x3.entries.size() || bibkit_fields != x3.fields.size() ||
        bibkit_parts != x3.parts.size() || comments != x3.comments) {
        out << "counts differ: bibkit " << entries.size() << " commands, " << bibkit_fields
            << " fields, " << bibkit_parts << " parts, " << comments << " comments; X3 "
            << x3.entries.size() << ", " << x3.fields.size() << ", " << x3.parts.size() << ", "
            << x3.comments;
        return out.str();
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& a = entries[i];
        const auto& b = x3.entries[i];
        std::string_view key = raw.text(a.key);
        if (!same_span(text, b.type, a.type) || key != b.key || a.field_count != b.field_count) {
            out << "command " << i << " differs: bibkit @" << raw.text(a.type) << "{" << key
                << " with " << a.field_count << " fields, X3 @" << b.type << "{" << b.key
                << " with " << b.field_count << " fields";
            return out.str();
        }
        auto fa = raw.fields(a);
        auto fb = x3.fields_of(b);
        for (std::size_t f = 0; f < fa.size(); ++f) {
            bool same = same_span(text, fb[f].name, fa[f].name) &&
                        same_span(text, fb[f].value, value_span(raw, fa[f])) &&
                        fa[f].part_count == fb[f].part_count;
            auto pa = raw.parts(fa[f]);
            auto pb = x3.parts_of(fb[f]);
            for (std::size_t p = 0; same && p < pa.size(); ++p)
                same = same_span(text, pb[p].token, pa[p].token) &&
                       static_cast<int>(pa[p].kind) == static_cast<int>(pb[p].kind);
            if (!same) {
                out << "entry '" << key << "', field " << f << " ('" << raw.text(fa[f].name)
                    << "') differs: bibkit value '" << raw.text(value_span(raw, fa[f])) << "', X3 '"
                    << fb[f].value << "'";
                return out.str();
            }
        }
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
// The input, read once before the benchmarks run.

struct Input {
    std::unique_ptr<SourceFile> source; // heap-allocated: the syntax tree points into it
    std::optional<bibtex::RawDatabase> raw;
    std::string description;
    std::string error; // why the benchmarks are skipped
};

Input g_input;

std::optional<std::string> read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream contents;
    contents << in.rdbuf();
    return std::move(contents).str();
}

void load_input() {
    if (const char* path = std::getenv("BIBKIT_BENCH_FILE"); path && *path) {
        auto source = SourceFile::open(path);
        if (!source) {
            g_input.error = "cannot read BIBKIT_BENCH_FILE=" + std::string(path) + ": " +
                            source.error().message;
            return;
        }
        g_input.source = std::make_unique<SourceFile>(std::move(*source));
        g_input.description = path;
    } else {
        fs::path dir = fs::path(BIBKIT_SHARED_DIR) / "corpora" / "bib";
        std::error_code ec;
        if (std::string_view(BIBKIT_SHARED_DIR).empty() || !fs::is_directory(dir, ec)) {
            g_input.error = "no input: BIBKIT_BENCH_FILE is unset and the corpus directory " +
                            dir.string() + " does not exist";
            return;
        }
        std::vector<fs::path> files;
        for (const auto& item : fs::directory_iterator(dir, ec)) {
            std::string name = item.path().filename().string();
            // The bbt_* file is malformed on purpose (unbalanced braces): leave it out.
            if (item.path().extension() == ".bib" && name.rfind("bbt_", 0) != 0)
                files.push_back(item.path());
        }
        std::sort(files.begin(), files.end());
        if (files.empty()) {
            g_input.error = "no input: no .bib files in " + dir.string();
            return;
        }
        std::string text;
        for (const auto& file : files) {
            auto contents = read_file(file);
            if (!contents) {
                g_input.error = "cannot read " + file.string();
                return;
            }
            text += *contents;
            text += '\n';
        }
        g_input.description = std::to_string(files.size()) + " files of " + dir.string();
        g_input.source =
            std::make_unique<SourceFile>(SourceFile::from_string("corpora.bib", std::move(text)));
    }
    g_input.raw = bibtex::parse(*g_input.source);
}

bool skip_if_no_input(benchmark::State& state) {
    if (g_input.source) return false;
    state.SkipWithError(g_input.error.c_str());
    return true;
}

void set_throughput(benchmark::State& state) {
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(g_input.source->size()));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(g_input.raw->entries().size()));
}

// ---------------------------------------------------------------------------------------------
// The benchmarks. items/s counts @entry/@string/@preamble commands. CPU time is the whole
// process's (bibtex::parse may read a large input on two threads), and the rates are per CPU
// second: work per core, comparable between the scanner and the single-threaded X3 reader. The
// Time column is wall-clock.

void BM_Parse(benchmark::State& state) {
    if (skip_if_no_input(state)) return;
    for (auto _ : state) {
        bibtex::RawDatabase raw = bibtex::parse(*g_input.source);
        benchmark::DoNotOptimize(raw.entries().data());
        benchmark::ClobberMemory();
    }
    set_throughput(state);
}

// The scanner alone on one thread: the like-for-like comparison with BM_X3Parse.
void BM_ParseSingleThread(benchmark::State& state) {
    if (skip_if_no_input(state)) return;
    for (auto _ : state) {
        bibtex::RawDatabase raw = bibtex::parse(*g_input.source, bibtex::Threading::single);
        benchmark::DoNotOptimize(raw.entries().data());
        benchmark::ClobberMemory();
    }
    set_throughput(state);
}

void BM_X3Parse(benchmark::State& state) {
    if (skip_if_no_input(state)) return;
    for (auto _ : state) {
        auto result = bench::x3_reader::parse(g_input.source->text());
        benchmark::DoNotOptimize(result.entries.data());
        benchmark::ClobberMemory();
    }
    set_throughput(state);
}

void resolve(benchmark::State& state, bibtex::ValueMode mode) {
    if (skip_if_no_input(state)) return;
    std::span<const bibtex::RawDatabase> files(&*g_input.raw, 1);
    for (auto _ : state) {
        bibtex::Database database = bibtex::resolve(files, mode);
        benchmark::DoNotOptimize(database.entry_count);
        benchmark::ClobberMemory();
    }
    set_throughput(state);
}

void BM_ResolveCheckOnly(benchmark::State& state) {
    resolve(state, bibtex::ValueMode::check_only);
}
void BM_ResolveBuild(benchmark::State& state) {
    resolve(state, bibtex::ValueMode::build);
}

// The CLI writes into a new string, so "fresh_buffer" is closer to what a user waits for: it pays
// for the output's regrowth copies (and page faults, when the allocator hands out new pages).
// "reused_buffer" writes into the same warm buffer every time: the formatting work alone.
void BM_Format(benchmark::State& state, bool fresh_buffer) {
    if (skip_if_no_input(state)) return;
    bibtex::FormatOptions options;
    std::string reused;
    for (auto _ : state) {
        std::string fresh;
        std::string& out = fresh_buffer ? fresh : reused;
        out.clear();
        bibtex::format_file(*g_input.raw, options, out);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    set_throughput(state);
}

void BM_WriteLossless(benchmark::State& state, bool fresh_buffer) {
    if (skip_if_no_input(state)) return;
    std::string reused;
    for (auto _ : state) {
        std::string fresh;
        std::string& out = fresh_buffer ? fresh : reused;
        out.clear();
        bibtex::write_lossless(*g_input.raw, out);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    set_throughput(state);
}

BENCHMARK(BM_Parse)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(BM_ParseSingleThread)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(BM_X3Parse)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(BM_ResolveCheckOnly)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(BM_ResolveBuild)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(BM_Format, fresh_buffer, true)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(BM_Format, reused_buffer, false)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(BM_WriteLossless, fresh_buffer, true)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(BM_WriteLossless, reused_buffer, false)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime();

// ---------------------------------------------------------------------------------------------

int verify(int argc, char** argv) {
    if (argc == 0) {
        std::cerr << "usage: bibkit_bench --verify FILE...\n";
        return 2;
    }
    int status = 0;
    for (int i = 0; i < argc; ++i) {
        auto source = SourceFile::open(argv[i]);
        if (!source) {
            std::cerr << argv[i] << ": " << source.error().message << "\n";
            status = 1;
            continue;
        }
        bibtex::RawDatabase raw = bibtex::parse(*source);
        auto x3 = bench::x3_reader::parse(source->text());
        std::size_t fields = 0;
        for (const auto& entry : raw.entries()) fields += entry.field_count;
        std::string difference = compare(raw, x3);
        std::cout << argv[i] << ": bibkit " << raw.entries().size() << " commands, " << fields
                  << " fields, " << raw.diagnostics().size() << " diagnostics; X3 "
                  << x3.entries.size() << " commands, " << x3.fields.size() << " fields, "
                  << x3.stray_ats << " stray '@'" << (x3.consumed_all ? "" : ", stopped early")
                  << ": " << (difference.empty() ? "same" : "DIFFERENT: " + difference) << "\n";
        if (!difference.empty()) status = 1;
    }
    return status;
}

} // namespace

int main(int argc, char** argv) {
    if (argc >= 2 && std::strcmp(argv[1], "--verify") == 0) return verify(argc - 2, argv + 2);

    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    load_input();
    if (!g_input.source) {
        std::cerr << "bibkit_bench: every benchmark is skipped: " << g_input.error
                  << " (set BIBKIT_BENCH_FILE to a .bib file)\n";
    } else {
        benchmark::AddCustomContext("input", g_input.description);
        benchmark::AddCustomContext("input_bytes", std::to_string(g_input.source->size()));
        std::string difference =
            compare(*g_input.raw, bench::x3_reader::parse(g_input.source->text()));
        benchmark::AddCustomContext("x3_matches_bibkit",
                                    difference.empty() ? "yes" : "NO: " + difference);
        if (!difference.empty())
            std::cerr << "bibkit_bench: warning: the X3 reader and bibtex::parse differ: "
                      << difference << "\n";
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
