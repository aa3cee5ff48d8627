#include <bibkit/text/csl_markup.hpp>

namespace bibkit::text {
namespace {

void append_escaped(std::string& out, std::string_view text) {
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
        default:
            out += c;
        }
    }
}

struct CslWriter {
    const RichText& text;
    std::string& out;

    void leaf(const Node& node) {
        if (node.kind == NodeKind::text) return append_escaped(out, text.text(node));
        out += "<span class=\"nocase\">";
        append_escaped(out, text.math_text(node));
        out += "</span>";
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
            out += "<span style=\"font-variant:small-caps;\">";
            break;
        case NodeKind::superscript:
            out += "<sup>";
            break;
        case NodeKind::subscript:
            out += "<sub>";
            break;
        case NodeKind::nocase:
            out += "<span class=\"nocase\">";
            break;
        case NodeKind::link:
            if (!text.has_children(node)) append_escaped(out, text.text(node));
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
        case NodeKind::small_caps:
        case NodeKind::nocase:
            out += "</span>";
            break;
        default:
            break;
        }
    }
};

} // namespace

void append_csl_markup(std::string& out, const RichText& text) {
    visit(text, CslWriter{text, out});
}

std::string to_csl_markup(const RichText& text) {
    std::string out;
    append_csl_markup(out, text);
    return out;
}

} // namespace bibkit::text
