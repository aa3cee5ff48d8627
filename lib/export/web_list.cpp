// Website lists (web_list.hpp): the selection is collected as it comes; at the end one
// csl::Processor renders every reference (so that what CSL computes over all entries sees them
// all), each entry goes through its template, and the list markup goes around.

#include "web_entry.hpp"

#include <algorithm>
#include <array>
#include <bibkit/config/arrangement.hpp>
#include <bibkit/core/ascii.hpp>
#include <bibkit/export/csl_references.hpp>
#include <bibkit/export/template.hpp>
#include <bibkit/export/web_list.hpp>
#include <bibkit/text/html.hpp>
#include <bibkit/text/markdown.hpp>
#include <bibkit/text/plain_text.hpp>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <variant>

namespace bibkit::exports {

namespace fs = std::filesystem;

namespace {

constexpr std::array<std::string_view, 3> k_outputs = {"html", "markdown", "standalone"};

// jekyll-scholar's default template: the reference inside <span id="…">.
constexpr std::string_view k_reference_html = "{{{reference}}}";
constexpr std::string_view k_reference_markdown = "{{{reference_markdown}}}";

struct Heading {
    int level;
    std::string text; // decoded from LaTeX
};
struct EntryRef {
    std::uint32_t index; // into Database::entries
};
using Piece = std::variant<Heading, EntryRef>;
using References = std::map<std::string, std::string, std::less<>>;

bool is_tag_name(std::string_view name) {
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || ascii::is_digit(c) || c == '-';
    });
}

void append_attributes(std::string& out, const config::StringMap& attributes) {
    for (const auto& [name, value] : attributes) {
        if (!is_tag_name(name)) continue; // checked when the format is made
        out += ' ' + name + "=\"";
        text::append_html_escaped(out, value);
        out += '"';
    }
}

Expected<std::string, WebListError> read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return unexpected(WebListError{ExitCode::io, path.string() + ": cannot read the file"});
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

class WebList final : public ListingFormat {
  public:
    WebList(const ListingSource& source, WebListOptions options, Template entry_template,
            CslReferences references, std::string stylesheet)
        : m_source(source), m_options(std::move(options)), m_template(std::move(entry_template)),
          m_references(std::move(references)), m_stylesheet(std::move(stylesheet)),
          m_owners(detail::owner_names(m_options.highlight)) {}

    void begin(std::string&, const query::Selection& selection) override {
        m_grouped = selection.grouped;
    }
    void heading(std::string&, int level, std::string_view heading) override {
        m_pieces.emplace_back(Heading{level, text::latex_to_plain_text(heading)});
    }
    void entry(std::string&, const query::Record& record) override {
        m_pieces.emplace_back(EntryRef{record.index()});
        m_references.add(*m_source.bibliography, *m_source.database, *m_source.fields,
                         record.index(), m_diagnostics);
    }
    void end(std::string& out) override;
    std::vector<Diagnostic> take_diagnostics() override {
        locate_diagnostics(m_diagnostics);
        return std::move(m_diagnostics);
    }

  private:
    bool markdown() const { return m_options.output == WebOutput::markdown; }
    int html_level(int level) const {
        const auto& levels = m_options.heading_levels;
        const auto i = static_cast<std::size_t>(level - 1);
        return levels.empty() ? level + 1 : (i < levels.size() ? levels[i] : levels.back());
    }
    void open_list(std::string& out);
    void close_list(std::string& out);
    void write_heading(std::string& out, const Heading& heading);
    void write_entry(std::string& out, std::uint32_t index, const References& rendered);
    void write_fragment(std::string& out);

    ListingSource m_source;
    WebListOptions m_options;
    Template m_template;
    CslReferences m_references;
    std::string m_stylesheet;
    std::vector<detail::OwnerName> m_owners;
    bool m_grouped = false;
    bool m_list_open = false;
    std::size_t m_index = 0; // in the current list, as jekyll-scholar's `index`
    std::vector<Piece> m_pieces;
    std::vector<Diagnostic> m_diagnostics;
};

void WebList::open_list(std::string& out) {
    m_list_open = true;
    m_index = 0;
    if (markdown()) return;
    out += '<' + m_options.list_tag + " class=\"";
    text::append_html_escaped(out, m_options.list_class);
    out += '"';
    append_attributes(out, m_options.list_attributes);
    out += '>';
}

void WebList::close_list(std::string& out) {
    if (!m_list_open) return;
    m_list_open = false;
    out += markdown() ? "\n" : "</" + m_options.list_tag + ">\n";
}

void WebList::write_heading(std::string& out, const Heading& heading) {
    close_list(out);
    const int level = html_level(heading.level);
    if (markdown()) {
        out.append(static_cast<std::size_t>(level), '#');
        if (!heading.text.empty()) out += ' ';
        text::append_markdown_escaped(out, heading.text);
        out += "\n\n";
        return;
    }
    const std::string tag = "h" + std::to_string(level);
    out += '<' + tag + " class=\"";
    text::append_html_escaped(out, m_options.list_class);
    out += "\">";
    text::append_html_escaped(out, heading.text);
    out += "</" + tag + ">\n";
}

// A Markdown list item: its continuation lines indented under the marker.
void append_markdown_item(std::string& out, std::string_view marker, std::string_view content) {
    out += marker;
    std::size_t start = 0;
    while (start <= content.size()) {
        std::size_t end = content.find('\n', start);
        if (end == std::string_view::npos) end = content.size();
        if (start > 0) out += end > start ? std::string(marker.size(), ' ') : std::string();
        out += content.substr(start, end - start);
        out += '\n';
        start = end + 1;
    }
}

void WebList::write_entry(std::string& out, std::uint32_t index, const References& rendered) {
    const model::Item* item = m_references.item(index);
    if (!item) return;
    if (!m_list_open) open_list(out);
    ++m_index;
    detail::EntryContext context;
    context.item = item;
    context.entry = &m_source.database->entries[index];
    context.id = m_options.prefix.empty() ? std::string(item->key)
                                          : m_options.prefix + '-' + std::string(item->key);
    context.index = m_index;
    context.reference_tag = m_options.reference_tag;
    auto reference = rendered.find(item->key);
    if (reference != rendered.end())
        (markdown() ? context.reference_markdown : context.reference_html) = reference->second;
    detail::EntryDataOptions data_options{m_owners, m_options.max_authors};
    auto content = m_template.render(detail::entry_data(context, data_options),
                                     markdown() ? Escape::markdown : Escape::html);
    if (!content) {
        Diagnostic diagnostic;
        diagnostic.code = "template";
        diagnostic.message = "the entry template: " + content.error().message;
        diagnostic.key = std::string(item->key);
        m_diagnostics.push_back(std::move(diagnostic));
        return;
    }
    if (markdown()) {
        std::string_view text = *content;
        while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
        append_markdown_item(out, m_options.list_tag == "ul" ? "- " : "1. ", text);
        return;
    }
    out += '<' + m_options.item_tag;
    append_attributes(out, m_options.item_attributes);
    out += '>' + *content + "</" + m_options.item_tag + ">\n";
}

void WebList::write_fragment(std::string& out) {
    const References rendered = m_references.references();
    for (const Piece& piece : m_pieces) {
        if (const auto* heading = std::get_if<Heading>(&piece))
            write_heading(out, *heading);
        else
            write_entry(out, std::get<EntryRef>(piece).index, rendered);
    }
    // jekyll-scholar: an empty list when nothing is selected, nothing at all when grouping.
    if (m_pieces.empty() && !m_grouped) open_list(out);
    close_list(out);
}

void WebList::end(std::string& out) {
    std::string fragment;
    write_fragment(fragment);
    sanitize_web_fragment(fragment);
    if (m_options.output != WebOutput::standalone) {
        out += fragment;
        return;
    }
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
    text::append_html_escaped(out, m_options.title);
    out += "</title>\n<style>\n" + m_stylesheet + "</style>\n</head>\n<body>\n<main>\n<h1>";
    text::append_html_escaped(out, m_options.title);
    out += "</h1>\n" + fragment + "</main>\n</body>\n</html>\n";
}

// "{{reference}}" (jekyll-scholar's default), "", "alfolio" or the user's template text.
Expected<std::string, WebListError> template_text(const WebListOptions& options) {
    const bool markdown = options.output == WebOutput::markdown;
    std::string_view name = options.entry_template;
    while (!name.empty() && ascii::is_space(name.back())) name.remove_suffix(1);
    while (!name.empty() && ascii::is_space(name.front())) name.remove_prefix(1);
    if (name.empty() || name == "{{reference}}")
        return std::string(markdown ? k_reference_markdown : k_reference_html);
    if (name == "alfolio")
        return read_text(options.csl.project_root / "styles" /
                         (markdown ? "alfolio.md.mustache" : "alfolio.html.mustache"));
    return options.entry_template;
}

} // namespace

void sanitize_web_fragment(std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) continue;
        // C1 controls are U+0080–U+009F: 0xC2 0x80–0x9F in UTF-8.
        if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
            ++i;
            continue;
        }
        if (c == '{' && i + 1 < text.size() && (text[i + 1] == '{' || text[i + 1] == '%')) {
            out += "&#123;";
            continue;
        }
        out += static_cast<char>(c);
    }
    text = std::move(out);
}

std::span<const std::string_view> web_output_names() {
    return k_outputs;
}

std::optional<WebOutput> find_web_output(std::string_view name) {
    for (std::size_t i = 0; i < k_outputs.size(); ++i)
        if (k_outputs[i] == name) return static_cast<WebOutput>(i);
    return std::nullopt;
}

WebListOptions web_list_options(const config::Settings& settings) {
    WebListOptions options;
    options.list_tag = settings.bibliography_list_tag;
    options.item_tag = settings.bibliography_item_tag;
    options.list_class = settings.bibliography_class;
    options.reference_tag = settings.reference_tagname;
    options.list_attributes = settings.bibliography_list_attributes;
    options.item_attributes = settings.bibliography_item_attributes;
    options.heading_levels = config::heading_levels(settings);
    options.prefix = settings.prefix;
    options.entry_template = settings.bibliography_template;
    for (const std::string& family : settings.last_name) {
        if (settings.first_name.empty()) options.highlight.push_back(family);
        for (const std::string& given : settings.first_name)
            options.highlight.push_back(family + ", " + given);
    }
    return options;
}

Expected<std::unique_ptr<ListingFormat>, WebListError>
make_web_list_format(const ListingSource& source, const WebListOptions& options) {
    for (const std::string* tag : {&options.list_tag, &options.item_tag, &options.reference_tag})
        if (!is_tag_name(*tag))
            return unexpected(WebListError{ExitCode::usage, "not an HTML tag name: " + *tag});
    for (const auto* map : {&options.list_attributes, &options.item_attributes})
        for (const auto& entry : *map)
            if (!is_tag_name(entry.first))
                return unexpected(
                    WebListError{ExitCode::usage, "not an HTML attribute name: " + entry.first});
    auto text = template_text(options);
    if (!text) return unexpected(std::move(text.error()));
    auto parsed = Template::parse(std::move(*text));
    if (!parsed)
        return unexpected(
            WebListError{ExitCode::usage, "the entry template: " + parsed.error().message});
    const bool markdown = options.output == WebOutput::markdown;
    auto references =
        CslReferences::make(options.csl, markdown ? "markdown" : "html", options.highlight);
    if (!references)
        return unexpected(WebListError{references.error().code, references.error().message});
    std::string stylesheet;
    if (options.output == WebOutput::standalone) {
        auto css = read_text(options.csl.project_root / "styles" / "publications.css");
        if (!css) return unexpected(std::move(css.error()));
        stylesheet = std::move(*css);
    }
    return std::unique_ptr<ListingFormat>(std::make_unique<WebList>(
        source, options, std::move(*parsed), std::move(*references), std::move(stylesheet)));
}

} // namespace bibkit::exports
