#include <bibkit/arxiv/paper_format.hpp>
#include <bibkit/bibtex/bibliography.hpp>
#include <bibkit/model/csl_json.hpp>

namespace bibkit::arxiv {

namespace {

class BibtexFormat final : public PaperFormat {
  public:
    void write(std::string& out, std::span<const Paper>,
               std::span<const BibtexEntry> entries) const override {
        for (const BibtexEntry& entry : entries) append_bibtex(out, entry);
    }
};

// The entries as BibTeX, read back through the model: the CSL-JSON of a fetched paper is exactly
// the CSL-JSON of the entry `--format bibtex` would have written.
class CslJsonFormat final : public PaperFormat {
  public:
    void write(std::string& out, std::span<const Paper>,
               std::span<const BibtexEntry> entries) const override {
        std::string text;
        for (const BibtexEntry& entry : entries) append_bibtex(text, entry);
        std::vector<SourceFile> sources;
        sources.push_back(SourceFile::from_string("arXiv", std::move(text)));
        bibtex::Bibliography bibliography = bibtex::Bibliography::from_sources(std::move(sources));
        bibtex::Database database = bibliography.resolve();
        for (std::string& part : model::convert_to_csl_json(bibliography, database).parts)
            out += part;
    }
};

class JsonFormat final : public PaperFormat {
  public:
    void write(std::string& out, std::span<const Paper> papers,
               std::span<const BibtexEntry>) const override {
        append_json(out, papers);
    }
};

class MarkdownFormat final : public PaperFormat {
  public:
    void write(std::string& out, std::span<const Paper> papers,
               std::span<const BibtexEntry>) const override {
        append_markdown_list(out, papers);
    }
};

class HtmlFormat final : public PaperFormat {
  public:
    void write(std::string& out, std::span<const Paper> papers,
               std::span<const BibtexEntry>) const override {
        append_html_list(out, papers);
    }
};

} // namespace

std::unique_ptr<PaperFormat> make_paper_format(std::string_view name) {
    if (name == "bibtex") return std::make_unique<BibtexFormat>();
    if (name == "csl-json") return std::make_unique<CslJsonFormat>();
    if (name == "json") return std::make_unique<JsonFormat>();
    if (name == "markdown") return std::make_unique<MarkdownFormat>();
    if (name == "html") return std::make_unique<HtmlFormat>();
    return nullptr;
}

std::vector<std::string> paper_format_names() {
    return {"bibtex", "csl-json", "json", "markdown", "html"};
}

} // namespace bibkit::arxiv
