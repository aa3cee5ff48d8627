#include <bibkit/text/html.hpp>
#include <bibkit/text/link_policy.hpp>

namespace bibkit::text {
namespace {

struct HtmlWriter {
    const RichText& text;
    std::string& out;

    void leaf(const Node& node) {
        if (node.kind == NodeKind::text) return append_html_escaped(out, text.text(node));
        bool display = node.math_style == MathStyle::display;
        out += display ? "<span class=\"math display\">\\[" : "<span class=\"math\">\\(";
        append_html_escaped(out, text.source(node));
        out += display ? "\\]</span>" : "\\)</span>";
    }

    void enter(const Node& node) {
        switch (node.kind) {
        case NodeKind::italic:
            out += "<i>";
            break;
        case NodeKind::bold:
            out += "<b>";
            break;
        case NodeKind::small_caps:
            out += "<span style=\"font-variant:small-caps\">";
            break;
        case NodeKind::superscript:
            out += "<sup>";
            break;
        case NodeKind::subscript:
            out += "<sub>";
            break;
        case NodeKind::monospace:
            out += "<code>";
            break;
        case NodeKind::nocase:
            out += "<span class=\"nocase\">";
            break;
        case NodeKind::link:
            if (is_linkable_url(text.text(node))) {
                out += "<a href=\"";
                append_html_escaped(out, text.text(node));
                out += "\">";
            }
            if (!text.has_children(node)) append_html_escaped(out, text.text(node));
            break;
        default:
            break;
        }
    }

    void leave(const Node& node) {
        switch (node.kind) {
        case NodeKind::italic:
            out += "</i>";
            break;
        case NodeKind::bold:
            out += "</b>";
            break;
        case NodeKind::superscript:
            out += "</sup>";
            break;
        case NodeKind::subscript:
            out += "</sub>";
            break;
        case NodeKind::monospace:
            out += "</code>";
            break;
        case NodeKind::small_caps:
        case NodeKind::nocase:
            out += "</span>";
            break;
        case NodeKind::link:
            if (is_linkable_url(text.text(node))) out += "</a>";
            break;
        default:
            break;
        }
    }
};

} // namespace

void append_html_escaped(std::string& out, std::string_view text) {
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
}

void append_html(std::string& out, const RichText& text) {
    visit(text, HtmlWriter{text, out});
}

std::string to_html(const RichText& text) {
    std::string out;
    append_html(out, text);
    return out;
}

} // namespace bibkit::text
