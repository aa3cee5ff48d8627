#include "span_tags.hpp"

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

    static constexpr std::string_view k_small_caps = "<span style=\"font-variant:small-caps\">";

    void enter(const Node& node) {
        out += detail::span_tags(node.kind, k_small_caps).open;
        if (node.kind == NodeKind::monospace) {
            out += "<code>";
        } else if (node.kind == NodeKind::link) {
            if (is_linkable_url(text.text(node))) {
                out += "<a href=\"";
                append_html_escaped(out, text.text(node));
                out += "\">";
            }
            if (!text.has_children(node)) append_html_escaped(out, text.text(node));
        }
    }

    void leave(const Node& node) {
        out += detail::span_tags(node.kind, k_small_caps).close;
        if (node.kind == NodeKind::monospace) out += "</code>";
        if (node.kind == NodeKind::link && is_linkable_url(text.text(node))) out += "</a>";
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
