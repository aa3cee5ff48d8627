#include "span_tags.hpp"

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

    static constexpr std::string_view k_small_caps = "<span style=\"font-variant:small-caps;\">";

    void enter(const Node& node) {
        out += detail::span_tags(node.kind, k_small_caps).open;
        // CSL has no links: a bare \url shows its address, a \href its text.
        if (node.kind == NodeKind::link && !text.has_children(node))
            append_escaped(out, text.text(node));
    }

    void leave(const Node& node) { out += detail::span_tags(node.kind, k_small_caps).close; }
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
