#pragma once
// A one-line picture of a rich text's tree, so tests can state a whole model at once:
// text as is, spans as name{…} (i b sc sup sub tt nocase), math as math[TeX|rendering]
// (math[TeX] without a rendering, display[…] for display math), links as link[url]{…}.

#include <bibkit/text/rich_text.hpp>
#include <string>

namespace bibkit::text::testing {

inline std::string tree(const RichText& text) {
    struct Printer {
        const RichText& text;
        std::string out;
        void leaf(const Node& node) {
            if (node.kind == NodeKind::text) {
                out += text.text(node);
                return;
            }
            out += node.math_style == MathStyle::display ? "display[" : "math[";
            out += text.source(node);
            if (node.has_rendering) out += "|" + std::string(text.text(node));
            out += "]";
        }
        void enter(const Node& node) {
            switch (node.kind) {
            case NodeKind::italic:
                out += "i{";
                break;
            case NodeKind::bold:
                out += "b{";
                break;
            case NodeKind::small_caps:
                out += "sc{";
                break;
            case NodeKind::superscript:
                out += "sup{";
                break;
            case NodeKind::subscript:
                out += "sub{";
                break;
            case NodeKind::monospace:
                out += "tt{";
                break;
            case NodeKind::nocase:
                out += "nocase{";
                break;
            case NodeKind::link:
                out += "link[" + std::string(text.text(node)) + "]{";
                break;
            default:
                break;
            }
        }
        void leave(const Node&) { out += "}"; }
    } printer{text, {}};
    visit(text, printer);
    return printer.out;
}

} // namespace bibkit::text::testing
