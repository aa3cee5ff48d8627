#pragma once
// The output formats of `bibkit arxiv fetch|search`: one small interface, one implementation per
// format (bibtex, csl-json, json, markdown, html).

#include <bibkit/arxiv/bibtex_export.hpp>
#include <bibkit/arxiv/paper.hpp>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::arxiv {

class PaperFormat {
  public:
    virtual ~PaperFormat() = default;
    // papers[i] was exported as entries[i] (keys allocated, options applied).
    virtual void write(std::string& out, std::span<const Paper> papers,
                       std::span<const BibtexEntry> entries) const = 0;
};

// nullptr for a name not in paper_format_names().
std::unique_ptr<PaperFormat> make_paper_format(std::string_view name);
std::vector<std::string> paper_format_names();

} // namespace bibkit::arxiv
