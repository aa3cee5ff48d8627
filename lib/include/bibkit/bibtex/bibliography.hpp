#pragma once
// A set of .bib files read together: their bytes, their syntax trees, in command-line order.

#include <bibkit/bibtex/database.hpp>
#include <bibkit/bibtex/syntax.hpp>
#include <bibkit/core/expected.hpp>
#include <bibkit/core/source_file.hpp>
#include <memory>
#include <string>
#include <vector>

namespace bibkit::bibtex {

class Bibliography {
  public:
    // Reads and parses every file; the first file that cannot be read is the error.
    static Expected<Bibliography, IoError> read(const std::vector<std::string>& paths);
    static Bibliography from_sources(std::vector<SourceFile> sources);

    const std::vector<RawDatabase>& files() const { return m_raw; }
    const SourceFile& source(std::size_t i) const { return *m_sources[i]; }
    std::size_t size() const { return m_raw.size(); }

    Database resolve(ValueMode mode = ValueMode::build) const;

  private:
    void add(std::unique_ptr<SourceFile> source);

    // Heap-allocated so the syntax trees' pointers stay valid when the vector grows.
    std::vector<std::unique_ptr<SourceFile>> m_sources;
    std::vector<RawDatabase> m_raw;
};

} // namespace bibkit::bibtex
