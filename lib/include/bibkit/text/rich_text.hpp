#pragma once
// Rich text: what a LaTeX field value means once decoded, independent of any output format.
//
// The model is a tree stored flat, in document order: every node knows the index one past its
// last descendant (`end`), so a span's children are the nodes between it and its end, and
// skipping a subtree is a jump. All strings live in one buffer. Building a value costs two
// allocations however many runs and spans it has.
//
// Leaves are text runs (UTF-8, NFC) and math (its TeX source plus, where a faithful one exists,
// a Unicode rendering). Spans are formatting (italic, bold, small caps, superscript, subscript,
// monospace), nocase (case-protected, BibTeX's `{DNA}`) and links. A link's text() is its URL;
// its children are the link text, and a link without children (`\url{…}`) shows its URL.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::text {

enum class NodeKind : std::uint8_t {
    text,
    italic,
    bold,
    small_caps,
    superscript,
    subscript,
    monospace,
    nocase,
    math,
    link,
};

enum class MathStyle : std::uint8_t { inline_math, display };

struct Node {
    NodeKind kind = NodeKind::text;
    MathStyle math_style = MathStyle::inline_math; // math only
    bool has_rendering = false;                    // math only: rendering() is faithful
    std::uint32_t end = 0;                         // one past the last descendant
    std::uint32_t text_begin = 0; // text: the run; math: the rendering; link: the URL
    std::uint32_t text_size = 0;
    std::uint32_t source_begin = 0; // math: the TeX source, without its delimiters
    std::uint32_t source_size = 0;

    bool is_span() const { return kind != NodeKind::text && kind != NodeKind::math; }
};

class RichText {
  public:
    RichText() = default;
    // One plain run (normalized to NFC).
    static RichText from_plain(std::string_view utf8);

    std::span<const Node> nodes() const { return m_nodes; }
    bool empty() const { return m_nodes.empty(); }
    std::string_view text(const Node& node) const {
        return std::string_view(m_buffer).substr(node.text_begin, node.text_size);
    }
    std::string_view source(const Node& node) const {
        return std::string_view(m_buffer).substr(node.source_begin, node.source_size);
    }
    // The math rendering when faithful, else its TeX source.
    std::string_view math_text(const Node& node) const {
        return node.has_rendering ? text(node) : source(node);
    }

    std::uint32_t index_of(const Node& node) const {
        return static_cast<std::uint32_t>(&node - m_nodes.data());
    }
    bool has_children(const Node& node) const { return node.end > index_of(node) + 1; }

    void clear() {
        m_nodes.clear();
        m_buffer.clear();
    }

    // Same tree and same strings; where the strings sit in the buffer does not matter.
    friend bool operator==(const RichText& a, const RichText& b);

  private:
    friend class RichTextBuilder;
    std::vector<Node> m_nodes;
    std::string m_buffer;
};

// Builds a RichText in document order. Adjacent text runs merge, spans that end up empty are
// dropped (a link never is), and finish() normalizes every run to NFC, so decoders may append
// a base letter and a combining accent separately.
class RichTextBuilder {
  public:
    RichTextBuilder() = default;
    // Reuses `into`'s memory.
    explicit RichTextBuilder(RichText&& into);

    void append_text(std::string_view utf8);
    void open(NodeKind kind); // a formatting or nocase span
    void open_link(std::string_view url);
    void close(); // the innermost open span
    void add_math(std::string_view tex, std::string_view rendering, bool has_rendering,
                  MathStyle style = MathStyle::inline_math);

    // Spans nest at most k_max_depth deep: deeper ones are not made (their text is kept), so that
    // no input can make a tree deep enough to overflow a recursive renderer's stack.
    static constexpr std::size_t k_max_depth = 256;
    std::size_t open_spans() const { return m_open.size() + m_dropped; }
    // The last character appended is a space (or nothing was appended yet).
    bool at_space() const { return m_at_space; }
    // Removes a trailing ' ' from the last text run when it is the last node.
    void trim_trailing_space();

    // Closes what is still open and hands over the text.
    RichText finish();

  private:
    struct Open {
        std::uint32_t index = 0;
        bool could_merge = false; // before the span opened, so dropping it can restore that
    };
    RichText m_text;
    std::vector<Open> m_open;
    std::size_t m_dropped = 0; // opened past k_max_depth, so not made; closed first
    bool m_can_merge = false;
    bool m_at_space = true;
};

// Calls visitor.leaf(node) for text and math, visitor.enter(node) and visitor.leave(node)
// around a span's children. Iterative: depth costs no stack.
template <class Visitor> void visit(const RichText& text, Visitor&& visitor) {
    std::span<const Node> nodes = text.nodes();
    std::vector<std::uint32_t> open;
    for (std::uint32_t i = 0; i < nodes.size(); ++i) {
        while (!open.empty() && nodes[open.back()].end <= i) {
            visitor.leave(nodes[open.back()]);
            open.pop_back();
        }
        if (nodes[i].is_span()) {
            visitor.enter(nodes[i]);
            open.push_back(i);
        } else {
            visitor.leaf(nodes[i]);
        }
    }
    while (!open.empty()) {
        visitor.leave(nodes[open.back()]);
        open.pop_back();
    }
}

} // namespace bibkit::text
