#include <algorithm>
#include <bibkit/arxiv/atom.hpp>
#include <bibkit/core/ascii.hpp>
#include <charconv>
#include <pugixml.hpp>

namespace bibkit::arxiv {

namespace {

constexpr std::string_view k_atom = "http://www.w3.org/2005/Atom";
constexpr std::string_view k_arxiv = "http://arxiv.org/schemas/atom";
// arXiv has answered with both OpenSearch namespaces over the years.
constexpr std::string_view k_opensearch = "http://a9.com/-/spec/opensearch/1.1/";
constexpr std::string_view k_opensearch_rss = "http://a9.com/-/spec/opensearchrss/1.0/";

// An element's name split at the colon, its prefix resolved against the xmlns declarations on
// the element itself or its ancestors: answers declare namespaces once on <feed> or on each
// element, and only the URI says what an element is.
struct QualifiedName {
    std::string_view uri;
    std::string_view local;
};

std::string_view namespace_uri(pugi::xml_node node, std::string_view prefix) {
    std::string attribute = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
    for (; node && node.type() == pugi::node_element; node = node.parent()) {
        if (pugi::xml_attribute declared = node.attribute(attribute.c_str()))
            return declared.value();
    }
    return {};
}

QualifiedName qualified_name(pugi::xml_node node) {
    std::string_view name = node.name();
    std::size_t colon = name.find(':');
    if (colon == std::string_view::npos) return {namespace_uri(node, {}), name};
    return {namespace_uri(node, name.substr(0, colon)), name.substr(colon + 1)};
}

bool is(const QualifiedName& name, std::string_view uri, std::string_view local) {
    return name.uri == uri && name.local == local;
}

// All character data below the node, without recursion (the input is untrusted).
std::string all_text(pugi::xml_node node) {
    std::string text;
    pugi::xml_node current = node.first_child();
    while (current) {
        if (current.type() == pugi::node_pcdata || current.type() == pugi::node_cdata)
            text += current.value();
        if (current.first_child()) {
            current = current.first_child();
            continue;
        }
        while (current && current != node && !current.next_sibling()) current = current.parent();
        if (!current || current == node) break;
        current = current.next_sibling();
    }
    return text;
}

// Old answers hard-wrap titles and indent summaries: runs of XML white space become one space.
std::string collapsed_text(pugi::xml_node node) {
    std::string raw = all_text(node);
    std::string text;
    text.reserve(raw.size());
    bool pending_space = false;
    for (char c : raw) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            pending_space = !text.empty();
            continue;
        }
        if (pending_space) text += ' ';
        pending_space = false;
        text += c;
    }
    return text;
}

std::uint64_t number(pugi::xml_node node) {
    std::string text = collapsed_text(node);
    std::uint64_t value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

Author parse_author(pugi::xml_node node) {
    Author author;
    for (pugi::xml_node child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        QualifiedName name = qualified_name(child);
        if (is(name, k_atom, "name"))
            author.name = collapsed_text(child);
        else if (is(name, k_arxiv, "affiliation"))
            author.affiliations.push_back(collapsed_text(child));
    }
    return author;
}

// The DOI link (`https://doi.org/…` or `http://dx.doi.org/…`) when the answer has no
// <arxiv:doi>.
std::string doi_from_link(std::string_view href) {
    for (std::string_view host :
         {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/"}) {
        if (href.starts_with(host)) return std::string(href.substr(host.size()));
    }
    return {};
}

void read_link(pugi::xml_node node, Paper& paper, std::string& doi_link) {
    std::string_view rel = node.attribute("rel").value();
    std::string_view title = node.attribute("title").value();
    std::string_view href = node.attribute("href").value();
    if (rel == "alternate")
        paper.abs_url = href;
    else if (title == "pdf")
        paper.pdf_url = href;
    else if (title == "doi")
        doi_link = doi_from_link(href);
}

void read_entry_element(pugi::xml_node child, Paper& paper, std::string& id_text,
                        std::string& doi_link) {
    QualifiedName name = qualified_name(child);
    if (name.uri == k_atom) {
        if (name.local == "id")
            id_text = collapsed_text(child);
        else if (name.local == "title")
            paper.title = collapsed_text(child);
        else if (name.local == "summary")
            paper.summary = collapsed_text(child);
        else if (name.local == "author")
            paper.authors.push_back(parse_author(child));
        else if (name.local == "published")
            paper.published = collapsed_text(child);
        else if (name.local == "updated")
            paper.updated = collapsed_text(child);
        else if (name.local == "link")
            read_link(child, paper, doi_link);
        else if (name.local == "category")
            paper.categories.emplace_back(child.attribute("term").value());
    } else if (name.uri == k_arxiv) {
        if (name.local == "primary_category")
            paper.primary_category = child.attribute("term").value();
        else if (name.local == "doi")
            paper.doi = collapsed_text(child);
        else if (name.local == "journal_ref")
            paper.journal_ref = collapsed_text(child);
        else if (name.local == "comment")
            paper.comment = collapsed_text(child);
    }
}

bool is_error_entry(std::string_view id_text, std::string_view title) {
    constexpr std::string_view errors_path = "arxiv.org/api/errors";
    return id_text.find(errors_path) != std::string_view::npos || title == "Error";
}

Expected<Paper, AtomError> parse_entry(pugi::xml_node node) {
    Paper paper;
    std::string id_text;
    std::string doi_link;
    for (pugi::xml_node child : node.children())
        if (child.type() == pugi::node_element) read_entry_element(child, paper, id_text, doi_link);
    if (is_error_entry(id_text, paper.title)) {
        std::string message = paper.summary.empty() ? id_text : paper.summary;
        return unexpected(AtomError{AtomError::Kind::api_error, message, 0});
    }
    auto id = model::parse_arxiv_id(id_text);
    if (!id) {
        return unexpected(AtomError{AtomError::Kind::not_a_feed,
                                    "an entry's <id> is not an arXiv id: " + id.error().message,
                                    0});
    }
    paper.id = std::move(*id);
    if (paper.doi.empty()) paper.doi = std::move(doi_link);
    if (paper.primary_category.empty() && !paper.categories.empty())
        paper.primary_category = paper.categories.front();
    if (paper.id.primary_category.empty()) paper.id.primary_category = paper.primary_category;
    return paper;
}

// pugixml may report an offset just past the end for an answer cut short: clamped to the input.
AtomError malformed(const pugi::xml_parse_result& result, std::size_t size) {
    std::string message = "the answer is not well-formed XML: ";
    message += result.description();
    return {AtomError::Kind::malformed_xml, message,
            std::min(static_cast<std::size_t>(result.offset), size)};
}

Expected<Feed, AtomError> read_feed(pugi::xml_node root) {
    Feed feed;
    for (pugi::xml_node child : root.children()) {
        if (child.type() != pugi::node_element) continue;
        QualifiedName name = qualified_name(child);
        if (name.uri == k_opensearch || name.uri == k_opensearch_rss) {
            if (name.local == "totalResults")
                feed.total_results = number(child);
            else if (name.local == "startIndex")
                feed.start_index = number(child);
            else if (name.local == "itemsPerPage")
                feed.items_per_page = number(child);
        } else if (is(name, k_atom, "entry")) {
            auto paper = parse_entry(child);
            if (!paper) return unexpected(std::move(paper.error()));
            feed.papers.push_back(std::move(*paper));
        }
    }
    return feed;
}

} // namespace

Expected<Feed, AtomError> parse_atom_feed(std::string_view xml) {
    pugi::xml_document document;
    // The whole answer must arrive: an answer cut short is an error, never a shorter feed.
    pugi::xml_parse_result result =
        document.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!result) return unexpected(malformed(result, xml.size()));
    pugi::xml_node root = document.document_element();
    if (!root || !is(qualified_name(root), k_atom, "feed")) {
        return unexpected(
            AtomError{AtomError::Kind::not_a_feed, "the answer is XML but not an Atom feed", 0});
    }
    return read_feed(root);
}

} // namespace bibkit::arxiv
