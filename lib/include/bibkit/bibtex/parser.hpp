#pragma once
// Reads BibTeX 0.99d's language into the lossless syntax layer. Never fails: syntax errors become
// diagnostics, and reading resumes at the next entry that starts a line.

#include <bibkit/bibtex/syntax.hpp>
#include <cstdint>
#include <exception>
#include <functional>
#include <thread>

namespace bibkit::bibtex {

enum class Threading {
    automatic, // large inputs are read in two halves in parallel; the result is identical
    single,
};

// The result views into source, which must outlive it.
RawDatabase parse(const SourceFile& source, Threading threading = Threading::automatic);

// The building blocks of parse(), for readers that consume blocks as they come (`check`).
// Reads [begin, stop) into `into`, starting no command at or after `stop`, and calls on_block
// after each block is added (it may clear `into`). Returns where reading ended: `stop`, or later
// when the last command ran past it. Its diagnostics are deferred: locate_diagnostics fills in
// their lines (the resolver does so when it finishes).
std::uint32_t parse_range(const SourceFile& source, RawDatabase& into, std::uint32_t begin,
                          std::uint32_t stop, const std::function<void()>& on_block = {});

// Reads [begin, end of input) into a tree of its own on another thread, from construction on.
// wait() returns the tree once read, or rethrows what reading threw.
class BackgroundRead {
  public:
    BackgroundRead(const SourceFile& source, std::uint32_t begin);
    ~BackgroundRead();
    BackgroundRead(const BackgroundRead&) = delete;
    BackgroundRead& operator=(const BackgroundRead&) = delete;

    RawDatabase& wait();

  private:
    RawDatabase m_tree;
    std::exception_ptr m_error;
    std::thread m_thread;
};

// Where to split a large input between two threads: a line that starts an entry near
// `fraction` of the way through (parse() uses the middle), or the end of the input when it is
// too small to be worth splitting.
std::uint32_t parallel_split_point(const SourceFile& source, double fraction = 0.5);

} // namespace bibkit::bibtex
