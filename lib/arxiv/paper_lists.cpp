// The "must read papers" lists of `bibkit arxiv fetch --format markdown|html|json`.

#include <algorithm>
#include <bibkit/arxiv/bibtex_export.hpp>
#include <bibkit/core/ascii.hpp>
#include <bibkit/core/json_writer.hpp>
#include <bibkit/core/percent_encoding.hpp>
#include <bibkit/text/decode.hpp>
#include <bibkit/text/html.hpp>
#include <bibkit/text/link_policy.hpp>
#include <bibkit/text/markdown.hpp>
#include <bibkit/text/plain_text.hpp>

namespace bibkit::arxiv {

namespace {

// Three names identify a paper in a list; 34 would bury the titles.
constexpr std::size_t k_listed_authors = 3;

std::string_view year_of(std::string_view date) {
    bool ok = date.size() >= 4 && std::all_of(date.begin(), date.begin() + 4, ascii::is_digit);
    return ok ? date.substr(0, 4) : std::string_view{};
}

bool is_web_url(std::string_view url) {
    std::string lower = ascii::lowered(url.substr(0, 8));
    bool web = lower.starts_with("http://") || lower.starts_with("https://");
    return web && text::is_linkable_url(url);
}

// The abstract page of the newest version, built from the id; the feed's link only when there
// is no id, and only when it is http or https.
std::string link_of(const Paper& paper) {
    if (!paper.id.id.empty()) return "https://arxiv.org/abs/" + paper.id.id;
    return is_web_url(paper.abs_url) ? paper.abs_url : std::string{};
}

// "A", "A and B", "A, B and C", "A, B, C et al.": each name through `escape`.
template <typename Escape>
void append_authors(std::string& out, const std::vector<Author>& authors, Escape escape) {
    std::size_t shown = std::min(authors.size(), k_listed_authors);
    bool et_al = authors.size() > k_listed_authors;
    for (std::size_t i = 0; i < shown; ++i) {
        if (i > 0) out += (i + 1 == shown && !et_al) ? " and " : ", ";
        escape(out, authors[i].name);
    }
    if (et_al) out += " et al.";
}

// A link inside the title (`\url`, `\href`) would nest inside the title's own link, which
// neither HTML nor Markdown allows: such a title is shown as plain text.
bool has_link(const text::RichText& title) {
    auto nodes = title.nodes();
    return std::any_of(nodes.begin(), nodes.end(),
                       [](const text::Node& node) { return node.kind == text::NodeKind::link; });
}

// Percent-encodes what would end a Markdown link destination or break out of it.
void append_markdown_url(std::string& out, std::string_view url) {
    append_percent_encoded(out, url, bytes_in(" ()<>[]`\\\"'"));
}

// The title as the BibTeX entry has it, so that every format shows the same text: a stray brace
// or an unknown command is shown, not interpreted.
text::Decoded decode_title(const Paper& paper) {
    return text::decode_latex(to_bibtex_value(paper.title));
}

void append_markdown_title(std::string& out, const Paper& paper) {
    text::Decoded title = decode_title(paper);
    if (title.text.empty())
        text::append_markdown_escaped(out, paper.id.versioned());
    else if (has_link(title.text))
        text::append_markdown_escaped(out, text::to_plain_text(title.text));
    else
        text::append_markdown(out, title.text);
}

void append_html_title(std::string& out, const Paper& paper) {
    text::Decoded title = decode_title(paper);
    if (title.text.empty())
        text::append_html_escaped(out, paper.id.versioned());
    else if (has_link(title.text))
        text::append_html_escaped(out, text::to_plain_text(title.text));
    else
        text::append_html(out, title.text);
}

void append_markdown_item(std::string& out, const Paper& paper) {
    std::string link = link_of(paper);
    out += "- ";
    if (!link.empty()) out += '[';
    append_markdown_title(out, paper);
    if (!link.empty()) {
        out += "](";
        append_markdown_url(out, link);
        out += ')';
    }
    if (!paper.authors.empty()) {
        out += " — ";
        append_authors(out, paper.authors, text::append_markdown_escaped);
    }
    std::string_view year = year_of(paper.published);
    if (!year.empty()) out += " (" + std::string(year) + ")";
    out += '\n';
}

void append_html_item(std::string& out, const Paper& paper) {
    std::string link = link_of(paper);
    out += "<li>";
    if (!link.empty()) {
        out += "<a href=\"";
        text::append_html_escaped(out, link);
        out += "\">";
    }
    append_html_title(out, paper);
    if (!link.empty()) out += "</a>";
    if (!paper.authors.empty()) {
        out += " — <span class=\"authors\">";
        append_authors(out, paper.authors, text::append_html_escaped);
        out += "</span>";
    }
    std::string_view year = year_of(paper.published);
    if (!year.empty()) out += " (<span class=\"year\">" + std::string(year) + "</span>)";
    out += "</li>\n";
}

void write_strings(JsonWriter& json, std::string_view name, const std::vector<std::string>& list) {
    json.key(name);
    json.begin_array();
    for (const std::string& item : list) json.value(item);
    json.end_array();
}

void write_string(JsonWriter& json, std::string_view name, std::string_view value) {
    json.key(name);
    json.value(value);
}

void write_authors(JsonWriter& json, const std::vector<Author>& authors) {
    json.key("authors");
    json.begin_array();
    for (const Author& author : authors) {
        json.begin_object();
        write_string(json, "name", author.name);
        write_strings(json, "affiliations", author.affiliations);
        json.end_object();
    }
    json.end_array();
}

void write_paper(JsonWriter& json, const Paper& paper) {
    json.begin_object();
    write_string(json, "id", paper.id.id);
    json.key("version");
    json.value(static_cast<std::int64_t>(paper.id.version));
    write_string(json, "title", paper.title);
    write_string(json, "summary", paper.summary);
    write_authors(json, paper.authors);
    write_string(json, "published", paper.published);
    write_string(json, "updated", paper.updated);
    write_string(json, "primary_category", paper.primary_category);
    write_strings(json, "categories", paper.categories);
    write_string(json, "doi", paper.doi);
    write_string(json, "journal_ref", paper.journal_ref);
    write_string(json, "comment", paper.comment);
    write_string(json, "abs_url", paper.abs_url);
    write_string(json, "pdf_url", paper.pdf_url);
    json.end_object();
}

} // namespace

void append_markdown_list(std::string& out, std::span<const Paper> papers) {
    for (const Paper& paper : papers) append_markdown_item(out, paper);
}

void append_html_list(std::string& out, std::span<const Paper> papers) {
    out += "<ul class=\"papers\">\n";
    for (const Paper& paper : papers) append_html_item(out, paper);
    out += "</ul>\n";
}

void append_json(std::string& out, std::span<const Paper> papers) {
    JsonWriter json(out, true);
    json.begin_array();
    for (const Paper& paper : papers) write_paper(json, paper);
    json.end_array();
    out += '\n';
}

} // namespace bibkit::arxiv
