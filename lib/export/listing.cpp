#include <array>
#include <bibkit/core/ascii.hpp>
#include <bibkit/core/json_writer.hpp>
#include <bibkit/export/listing.hpp>
#include <bibkit/model/csl_json.hpp>
#include <bibkit/model/item.hpp>
#include <bibkit/text/plain_text.hpp>
#include <optional>
#include <unordered_set>

namespace bibkit::exports {

void ListingFormat::begin(std::string&, const query::Selection&) {}
void ListingFormat::end(std::string&) {}

namespace {

// The last four are rendered with a CSL style (make_csl_listing_format).
constexpr std::array<std::string_view, 9> k_formats = {
    "keys", "count", "json", "csl-json", "bibtex", "text", "html", "markdown", "latex"};

// "## 2024": as many '#' as the heading's HTML level. Headings are field values as written,
// shown decoded ("2004-- \ldots" → "2004– …").
void append_heading(std::string& out, const ListingOptions& options, int level,
                    std::string_view heading) {
    const auto& levels = options.heading_levels;
    const auto i = static_cast<std::size_t>(level - 1);
    const int marks = levels.empty() ? level + 1 : (i < levels.size() ? levels[i] : levels.back());
    out.append(static_cast<std::size_t>(marks), '#');
    if (!heading.empty()) out += ' ' + text::latex_to_plain_text(heading);
    out += '\n';
}

class KeysFormat final : public ListingFormat {
  public:
    explicit KeysFormat(const ListingOptions& options) : m_options(options) {}
    void heading(std::string& out, int level, std::string_view heading) override {
        append_heading(out, m_options, level, heading);
    }
    void entry(std::string& out, const query::Record& record) override {
        out += record.key();
        out += '\n';
    }

  private:
    ListingOptions m_options;
};

class CountFormat final : public ListingFormat {
  public:
    void begin(std::string& out, const query::Selection& selection) override {
        out += std::to_string(selection.size());
        out += '\n';
    }
    void heading(std::string&, int, std::string_view) override {}
    void entry(std::string&, const query::Record&) override {}
};

class JsonFormat final : public ListingFormat {
  public:
    void begin(std::string& out, const query::Selection&) override {
        m_json.emplace(out, true);
        m_json->begin_array();
    }
    void heading(std::string&, int, std::string_view) override {}
    void entry(std::string&, const query::Record& record) override {
        JsonWriter& json = *m_json;
        json.begin_object();
        json.key("type");
        json.value(record.type());
        json.key("key");
        json.value(record.key());
        json.key("fields");
        json.begin_object();
        for (const bibtex::Field& field : record.fields()) {
            json.key(field.name);
            json.value(field.value);
        }
        json.end_object();
        json.end_object();
    }
    void end(std::string& out) override {
        m_json->end_array();
        out += '\n';
    }

  private:
    std::optional<JsonWriter> m_json;
};

// Normalizes the selected entries only: a query over a large file pays for what it prints.
class ItemFormat : public ListingFormat {
  public:
    explicit ItemFormat(const ListingSource& source) : m_source(source) {}
    void heading(std::string&, int, std::string_view) override {}
    std::vector<Diagnostic> take_diagnostics() override {
        locate_diagnostics(m_diagnostics);
        return std::move(m_diagnostics);
    }

  protected:
    std::optional<model::Item> item(const query::Record& record) {
        return model::normalize_entry(*m_source.bibliography, *m_source.database, *m_source.fields,
                                      record.index(), m_diagnostics);
    }

  private:
    ListingSource m_source;
    std::vector<Diagnostic> m_diagnostics;
};

class CslJsonFormat final : public ItemFormat {
  public:
    using ItemFormat::ItemFormat;
    void entry(std::string&, const query::Record& record) override {
        if (auto normalized = item(record)) m_items.push_back(std::move(*normalized));
    }
    void end(std::string& out) override { model::write_csl_json(out, m_items); }

  private:
    std::vector<model::Item> m_items;
};

// The entries as written. Before them every @string and @preamble command of the input, so that
// their macros still expand; after them the entries their inherited (crossref, xdata) values come
// from, unless selected themselves (BibTeX wants parents after their children).
class BibtexFormat final : public ListingFormat {
  public:
    explicit BibtexFormat(const ListingSource& source) : m_source(source) {}

    void begin(std::string& out, const query::Selection&) override {
        const auto& files = m_source.bibliography->files();
        m_blocks.resize(files.size());
        for (std::size_t f = 0; f < files.size(); ++f) {
            const bibtex::RawDatabase& file = files[f];
            m_blocks[f].assign(file.entries().size(), 0);
            for (std::size_t b = 0; b < file.blocks().size(); ++b) {
                const bibtex::Block& block = file.blocks()[b];
                if (block.kind == bibtex::BlockKind::entry)
                    m_blocks[f][block.entry] = static_cast<std::uint32_t>(b);
                else if (block.kind == bibtex::BlockKind::string ||
                         block.kind == bibtex::BlockKind::preamble)
                    append_block(out, file, block);
            }
        }
    }
    void heading(std::string&, int, std::string_view) override {}
    void entry(std::string& out, const query::Record& record) override {
        if (!m_written.insert(record.index()).second) return; // in two groups
        append_entry(out, record.index());
        m_selected.push_back(record.index());
    }
    // Inheritance already found where each inherited value comes from: those entries.
    void end(std::string& out) override {
        for (std::uint32_t child : m_selected)
            for (const model::FieldOrigin& origin : m_source.fields->origins(child))
                if (origin.via != model::Inherited::own && m_written.insert(origin.entry).second)
                    append_entry(out, origin.entry);
    }

  private:
    static void append_block(std::string& out, const bibtex::RawDatabase& file,
                             const bibtex::Block& block) {
        std::string_view text = file.text(block.span);
        while (!text.empty() && ascii::is_space(text.back())) text.remove_suffix(1);
        out += text;
        out += "\n\n";
    }
    void append_entry(std::string& out, std::uint32_t index) {
        const bibtex::Entry& entry = m_source.database->entries[index];
        const bibtex::RawDatabase& file = m_source.bibliography->files()[entry.file];
        append_block(out, file, file.blocks()[m_blocks[entry.file][entry.raw_entry]]);
    }

    ListingSource m_source;
    std::vector<std::vector<std::uint32_t>> m_blocks; // per file: raw entry → block
    std::unordered_set<std::uint32_t> m_written;
    std::vector<std::uint32_t> m_selected;
};

void write_groups(std::string& out, std::span<const query::Group> groups, int level,
                  ListingFormat& format) {
    for (const query::Group& group : groups) {
        format.heading(out, level, group.heading);
        write_groups(out, group.subgroups, level + 1, format);
        for (const query::Record* record : group.records) format.entry(out, *record);
    }
}

} // namespace

std::span<const std::string_view> listing_format_names() {
    return k_formats;
}

std::unique_ptr<ListingFormat> make_listing_format(std::string_view name,
                                                   const ListingSource& source,
                                                   const ListingOptions& options) {
    if (name == "keys") return std::make_unique<KeysFormat>(options);
    if (name == "count") return std::make_unique<CountFormat>();
    if (name == "json") return std::make_unique<JsonFormat>();
    if (name == "csl-json") return std::make_unique<CslJsonFormat>(source);
    if (name == "bibtex") return std::make_unique<BibtexFormat>(source);
    return nullptr;
}

void write_listing(std::string& out, const query::Selection& selection, ListingFormat& format) {
    format.begin(out, selection);
    if (selection.grouped)
        write_groups(out, selection.groups, 1, format);
    else
        for (const query::Record* record : selection.records) format.entry(out, *record);
    format.end(out);
}

} // namespace bibkit::exports
