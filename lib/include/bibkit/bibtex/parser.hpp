#pragma once
// Reads BibTeX 0.99d's language into the lossless syntax layer. Never fails: syntax errors become
// diagnostics, and reading resumes at the next entry that starts a line.

#include <bibkit/bibtex/syntax.hpp>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <thread>
#include <vector>

namespace bibkit::bibtex {

enum class Threading {
    automatic, // large inputs are read in parts on all cores; the result is identical
    single,
};

// The result views into source, which must outlive it.
RawDatabase parse(const SourceFile& source, Threading threading = Threading::automatic);

// parse() in (up to) `parts` parts on as many threads, whatever the size and the cores: for
// tests that the result never depends on the split.
RawDatabase parse_in_parts(const SourceFile& source, unsigned parts);

// The building blocks of parse(), for readers that consume blocks as they come (`check`).
// Reads [begin, stop) into `into`, starting no command at or after `stop`, and calls on_block
// after each block is added (it may clear `into`). Returns where reading ended: `stop`, or later
// when the last command ran past it. Its diagnostics are deferred: locate_diagnostics fills in
// their lines (the resolver does so when it finishes).
std::uint32_t parse_range(const SourceFile& source, RawDatabase& into, std::uint32_t begin,
                          std::uint32_t stop, const std::function<void()>& on_block = {});

// How many parts parse() reads a source in: one per core for large inputs (at least 2 MiB
// each, at most 16), else 1.
unsigned parallel_parts(const SourceFile& source);

// Where to split a source into `parts` parts: lines that start an entry, the first near
// `first_share` of the way through (0: an equal share) and the others evenly after it. Fewer
// splits when parts would be empty; none for a single part.
std::vector<std::uint32_t> parallel_split_points(const SourceFile& source, unsigned parts,
                                                 double first_share = 0);

// Reads [begin, stop) into a tree of its own on another thread, from construction on.
// wait() returns the tree once read, or rethrows what reading threw.
class BackgroundRead {
  public:
    BackgroundRead(const SourceFile& source, std::uint32_t begin, std::uint32_t stop);
    ~BackgroundRead();
    BackgroundRead(const BackgroundRead&) = delete;
    BackgroundRead& operator=(const BackgroundRead&) = delete;

    RawDatabase& wait();
    std::uint32_t begin() const { return m_begin; }
    std::uint32_t stop() const { return m_stop; }
    // Where reading ended (after wait()): stop, or later when the last command ran past it.
    std::uint32_t reached() const { return m_reached; }

  private:
    RawDatabase m_tree;
    std::uint32_t m_begin, m_stop, m_reached = 0;
    std::exception_ptr m_error;
    std::thread m_thread;
};

// The parts after the first split, each read on its own thread from construction on.
class ParallelRead {
  public:
    ParallelRead(const SourceFile& source, const std::vector<std::uint32_t>& splits);

    // Once the caller has read up to `reached` (the first split, or later), hands each part's
    // tree to `take` in order, or, where a command ran across a split, reads on into `scratch`
    // (with on_block) instead. Returns where reading ended: the end of the input.
    std::uint32_t finish(std::uint32_t reached, RawDatabase& scratch,
                         const std::function<void(RawDatabase&)>& take,
                         const std::function<void()>& on_block = {});

  private:
    const SourceFile& m_source;
    std::deque<BackgroundRead> m_parts;
};

} // namespace bibkit::bibtex
