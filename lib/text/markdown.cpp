#include <algorithm>
#include <bibkit/core/percent_encoding.hpp>
#include <bibkit/text/link_policy.hpp>
#include <bibkit/text/markdown.hpp>

namespace bibkit::text {
namespace {

class MarkdownWriter {
  public:
    explicit MarkdownWriter(const RichText& text) : m_text(text), m_nodes(text.nodes()) {}

    void children(std::uint32_t begin, std::uint32_t end, std::string& out) const {
        for (std::uint32_t i = begin; i < end; i = m_nodes[i].end) node(i, out);
    }

  private:
    void node(std::uint32_t index, std::string& out) const {
        const Node& n = m_nodes[index];
        switch (n.kind) {
        case NodeKind::text:
            return append_markdown_escaped(out, m_text.text(n));
        case NodeKind::math: {
            std::string_view fence = n.math_style == MathStyle::display ? "$$" : "$";
            out += fence;
            out += m_text.source(n);
            out += fence;
            return;
        }
        case NodeKind::italic:
            return delimited(index, "*", "*", out);
        case NodeKind::bold:
            return delimited(index, "**", "**", out);
        case NodeKind::superscript:
            return delimited(index, "<sup>", "</sup>", out);
        case NodeKind::subscript:
            return delimited(index, "<sub>", "</sub>", out);
        case NodeKind::small_caps:
            return delimited(index, "<span style=\"font-variant:small-caps\">", "</span>", out);
        case NodeKind::nocase:
            return children(index + 1, n.end, out);
        case NodeKind::monospace:
            return code(index, out);
        case NodeKind::link:
            return link(index, out);
        }
    }

    // Emphasis must hug its text: "* a*" is not emphasis, so edge spaces move outside.
    void delimited(std::uint32_t index, std::string_view open, std::string_view close,
                   std::string& out) const {
        std::string inner;
        children(index + 1, m_nodes[index].end, inner);
        std::size_t first = inner.find_first_not_of(' ');
        if (first == std::string::npos) {
            out += inner;
            return;
        }
        std::size_t last = inner.find_last_not_of(' ');
        out.append(first, ' ');
        out += open;
        out.append(inner, first, last - first + 1);
        out += close;
        out.append(inner.size() - last - 1, ' ');
    }

    // A code span shows its content raw, so the fence must be longer than any backtick run.
    void code(std::uint32_t index, std::string& out) const {
        std::string inner;
        for (std::uint32_t i = index + 1; i < m_nodes[index].end; ++i) {
            const Node& n = m_nodes[i];
            if (n.kind == NodeKind::text)
                inner += m_text.text(n);
            else if (n.kind == NodeKind::math)
                inner += m_text.math_text(n);
            else if (n.kind == NodeKind::link && !m_text.has_children(n))
                inner += m_text.text(n);
        }
        std::size_t longest = 0, run = 0;
        for (char c : inner) {
            run = c == '`' ? run + 1 : 0;
            longest = std::max(longest, run);
        }
        std::string fence(longest + 1, '`');
        bool pad = !inner.empty() && (inner.front() == '`' || inner.back() == '`' ||
                                      (inner.front() == ' ' && inner.back() == ' '));
        out += fence;
        if (pad) out += ' ';
        out += inner;
        if (pad) out += ' ';
        out += fence;
    }

    void link(std::uint32_t index, std::string& out) const {
        const Node& n = m_nodes[index];
        std::string_view url = m_text.text(n);
        std::string label;
        if (m_text.has_children(n))
            children(index + 1, n.end, label);
        else
            append_markdown_escaped(label, url);
        if (!is_linkable_url(url)) {
            out += label;
            return;
        }
        out += '[';
        out += label;
        out += "](";
        append_percent_encoded(out, url, bytes_in(" ()<>\\`"));
        out += ')';
    }

    const RichText& m_text;
    std::span<const Node> m_nodes;
};

} // namespace

void append_markdown_escaped(std::string& out, std::string_view text) {
    // "2024. A year" at the line start would be an ordered list.
    std::size_t digits = out.empty() ? text.find_first_not_of("0123456789") : 0;
    bool list_marker = digits != 0 && digits != std::string_view::npos &&
                       (text[digits] == '.' || text[digits] == ')');
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (list_marker && i == digits) out += '\\';
        char c = text[i];
        switch (c) {
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '<':
        case '>':
        case '$':
        case '~':
        case '|':
        case '&':
            out += '\\';
            break;
        case '#':
        case '+':
        case '-':
        case '=':
            if (out.empty()) out += '\\'; // a heading, list item or rule at the line start
            break;
        default:
            break;
        }
        out += c;
    }
}

void append_markdown(std::string& out, const RichText& text) {
    MarkdownWriter(text).children(0, static_cast<std::uint32_t>(text.nodes().size()), out);
}

std::string to_markdown(const RichText& text) {
    std::string out;
    append_markdown(out, text);
    return out;
}

} // namespace bibkit::text
