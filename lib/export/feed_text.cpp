#include <bibkit/core/ascii.hpp>
#include <bibkit/export/feed_text.hpp>
#include <bibkit/text/html.hpp>
#include <bibkit/text/link_policy.hpp>
#include <bibkit/text/markdown.hpp>
#include <bibkit/text/plain_text.hpp>
#include <cmark.h>
#include <cstdlib>
#include <memory>
#include <vector>

namespace bibkit::exports {

namespace {

struct NodeDeleter {
    void operator()(cmark_node* node) const { cmark_node_free(node); }
};
using Document = std::unique_ptr<cmark_node, NodeDeleter>;

struct IterDeleter {
    void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};

// cmark's renderers return memory from malloc.
std::string take(char* rendered) {
    std::string text = rendered ? rendered : "";
    std::free(rendered);
    return text;
}

bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// RFC 3986: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":".
bool has_scheme(std::string_view url) {
    if (url.empty() || !is_letter(url[0])) return false;
    for (char c : url) {
        if (c == ':') return true;
        if (!is_letter(c) && !ascii::is_digit(c) && c != '+' && c != '-' && c != '.') return false;
    }
    return false;
}

// The link and image nodes, raw HTML nodes: collected first, because changing the tree while
// an iterator walks it is undefined.
struct Found {
    std::vector<cmark_node*> links;
    std::vector<cmark_node*> html;
};

Found find_nodes(cmark_node* root) {
    Found found;
    std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(root));
    for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
        if (event != CMARK_EVENT_ENTER) continue;
        cmark_node* node = cmark_iter_get_node(iter.get());
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
            found.links.push_back(node);
            break;
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_HTML_INLINE:
            found.html.push_back(node);
            break;
        default:
            break;
        }
    }
    return found;
}

// A link that may not be followed becomes its text: its children take its place.
void unwrap(cmark_node* node) {
    while (cmark_node* child = cmark_node_first_child(node)) cmark_node_insert_before(node, child);
    cmark_node_free(node);
}

Document parse_clean(std::string_view markdown, std::string_view base_url) {
    Document document(cmark_parse_document(markdown.data(), markdown.size(),
                                           CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8));
    Found found = find_nodes(document.get());
    for (cmark_node* node : found.html) cmark_node_free(node);
    for (cmark_node* node : found.links) {
        const char* url = cmark_node_get_url(node);
        std::string_view target = url ? url : "";
        if (!text::is_linkable_url(target)) {
            unwrap(node);
            continue;
        }
        std::string resolved = resolve_url(target, base_url);
        if (resolved != target) cmark_node_set_url(node, resolved.c_str());
    }
    return document;
}

std::string rendered_html(cmark_node* node) {
    return take(cmark_render_html(node, CMARK_OPT_DEFAULT));
}

std::string trim_end(std::string text) {
    while (!text.empty() && ascii::is_space(text.back())) text.pop_back();
    return text;
}

// Plain text of a cleaned Markdown tree.
class PlainWriter {
  public:
    std::string write(cmark_node* root) {
        std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(root));
        for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
            cmark_node* node = cmark_iter_get_node(iter.get());
            if (event == CMARK_EVENT_ENTER)
                enter(node);
            else
                leave(node);
        }
        return trim_end(std::move(m_out));
    }

  private:
    void block_break() {
        if (m_in_item_start) {
            m_in_item_start = false;
            return;
        }
        if (!m_out.empty()) m_out += "\n\n";
    }

    void enter(cmark_node* node) {
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
        case CMARK_NODE_THEMATIC_BREAK:
            block_break();
            break;
        case CMARK_NODE_CODE_BLOCK:
            block_break();
            m_out += trim_end(cmark_node_get_literal(node));
            break;
        case CMARK_NODE_ITEM:
            if (!m_out.empty()) m_out += '\n';
            m_out += "- ";
            m_in_item_start = true;
            break;
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            m_out += cmark_node_get_literal(node);
            break;
        case CMARK_NODE_SOFTBREAK:
            m_out += ' ';
            break;
        case CMARK_NODE_LINEBREAK:
            m_out += '\n';
            break;
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
            m_link_starts.push_back(m_out.size());
            break;
        default:
            break;
        }
    }

    void leave(cmark_node* node) {
        cmark_node_type type = cmark_node_get_type(node);
        if (type != CMARK_NODE_LINK && type != CMARK_NODE_IMAGE) return;
        std::size_t start = m_link_starts.back();
        m_link_starts.pop_back();
        std::string_view url = cmark_node_get_url(node) ? cmark_node_get_url(node) : "";
        // A link whose text is its URL (an autolink) needs no repetition.
        if (!url.empty() && std::string_view(m_out).substr(start) != url)
            m_out.append(" (").append(url).append(")");
    }

    std::string m_out;
    std::vector<std::size_t> m_link_starts;
    bool m_in_item_start = false;
};

std::string paragraph_html(const text::RichText& rich) {
    std::string out = "<p>";
    text::append_html(out, rich);
    out += "</p>\n";
    return out;
}

} // namespace

std::string resolve_url(std::string_view url, std::string_view base) {
    if (base.empty() || url.empty() || has_scheme(url)) return std::string(url);
    std::size_t scheme_end = base.find("://");
    if (url.starts_with("//")) {
        if (scheme_end == std::string_view::npos) return std::string(url);
        return std::string(base.substr(0, scheme_end + 1)).append(url);
    }
    if (url.starts_with('/')) {
        std::size_t host_end = scheme_end == std::string_view::npos
                                   ? std::string_view::npos
                                   : base.find('/', scheme_end + 3);
        return std::string(base.substr(0, host_end)).append(url);
    }
    std::string joined(base);
    if (joined.back() != '/') joined += '/';
    return joined.append(url);
}

std::string to_html(const FeedText& text, std::string_view base_url) {
    switch (text.syntax) {
    case FeedText::Syntax::none:
        return {};
    case FeedText::Syntax::rich:
        return paragraph_html(text.rich);
    case FeedText::Syntax::markdown:
        return rendered_html(parse_clean(text.markdown, base_url).get());
    }
    return {};
}

std::string to_inline_html(const FeedText& text, std::string_view base_url) {
    if (text.syntax == FeedText::Syntax::rich) return text::to_html(text.rich);
    if (text.syntax != FeedText::Syntax::markdown) return {};
    Document document = parse_clean(text.markdown, base_url);
    cmark_node* first = cmark_node_first_child(document.get());
    if (first && !cmark_node_next(first) && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH) {
        std::string html = rendered_html(first);
        // cmark writes a paragraph as "<p>…</p>\n".
        if (html.starts_with("<p>") && html.ends_with("</p>\n"))
            return html.substr(3, html.size() - 3 - 5);
    }
    return trim_end(rendered_html(document.get()));
}

std::string to_markdown(const FeedText& text, std::string_view base_url) {
    switch (text.syntax) {
    case FeedText::Syntax::none:
        return {};
    case FeedText::Syntax::rich:
        return text::to_markdown(text.rich);
    case FeedText::Syntax::markdown:
        return trim_end(take(cmark_render_commonmark(parse_clean(text.markdown, base_url).get(),
                                                     CMARK_OPT_DEFAULT, 0)));
    }
    return {};
}

std::string to_plain_text(const FeedText& text, std::string_view base_url) {
    switch (text.syntax) {
    case FeedText::Syntax::none:
        return {};
    case FeedText::Syntax::rich:
        return text::to_plain_text(text.rich);
    case FeedText::Syntax::markdown:
        return PlainWriter().write(parse_clean(text.markdown, base_url).get());
    }
    return {};
}

} // namespace bibkit::exports
