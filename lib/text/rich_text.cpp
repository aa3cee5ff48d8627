#include "utf8.hpp"

#include <algorithm>
#include <bibkit/text/rich_text.hpp>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

namespace bibkit::text {
namespace {

const icu::Normalizer2* nfc() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
    return U_SUCCESS(status) ? normalizer : nullptr;
}

// Appends `text` in NFC; invalid UTF-8 is passed through as ICU leaves it.
void append_nfc(std::string& out, std::string_view text) {
    const icu::Normalizer2* normalizer = nfc();
    if (normalizer != nullptr) {
        UErrorCode status = U_ZERO_ERROR;
        std::string normalized;
        icu::StringByteSink<std::string> sink(&normalized, static_cast<int32_t>(text.size()));
        normalizer->normalizeUTF8(0,
                                  icu::StringPiece(text.data(), static_cast<int32_t>(text.size())),
                                  sink, nullptr, status);
        if (U_SUCCESS(status)) {
            out += normalized;
            return;
        }
    }
    out += text;
}

bool is_nfc(std::string_view text) {
    if (utf8::is_ascii(text)) return true;
    const icu::Normalizer2* normalizer = nfc();
    if (normalizer == nullptr) return true;
    UErrorCode status = U_ZERO_ERROR;
    bool normalized = normalizer->isNormalizedUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), status);
    return U_FAILURE(status) || normalized;
}

} // namespace

RichText RichText::from_plain(std::string_view utf8) {
    RichTextBuilder builder;
    builder.append_text(utf8);
    return builder.finish();
}

bool operator==(const RichText& a, const RichText& b) {
    if (a.m_nodes.size() != b.m_nodes.size()) return false;
    for (std::size_t i = 0; i < a.m_nodes.size(); ++i) {
        const Node& x = a.m_nodes[i];
        const Node& y = b.m_nodes[i];
        if (x.kind != y.kind || x.end != y.end || a.text(x) != b.text(y)) return false;
        if (x.kind == NodeKind::math &&
            (x.math_style != y.math_style || x.has_rendering != y.has_rendering ||
             a.source(x) != b.source(y)))
            return false;
    }
    return true;
}

RichTextBuilder::RichTextBuilder(RichText&& into) : m_text(std::move(into)) {
    m_text.clear();
}

void RichTextBuilder::append_text(std::string_view utf8) {
    if (utf8.empty()) return;
    std::vector<Node>& nodes = m_text.m_nodes;
    std::string& buffer = m_text.m_buffer;
    if (m_can_merge && nodes.back().text_begin + nodes.back().text_size == buffer.size()) {
        nodes.back().text_size += static_cast<std::uint32_t>(utf8.size());
    } else {
        Node node;
        node.kind = NodeKind::text;
        node.end = static_cast<std::uint32_t>(nodes.size() + 1);
        node.text_begin = static_cast<std::uint32_t>(buffer.size());
        node.text_size = static_cast<std::uint32_t>(utf8.size());
        nodes.push_back(node);
    }
    buffer += utf8;
    m_can_merge = true;
    m_at_space = utf8.back() == ' ';
}

void RichTextBuilder::open(NodeKind kind) {
    if (m_open.size() >= k_max_depth) {
        ++m_dropped;
        return;
    }
    Node node;
    node.kind = kind;
    node.text_begin = static_cast<std::uint32_t>(m_text.m_buffer.size());
    m_open.push_back({static_cast<std::uint32_t>(m_text.m_nodes.size()), m_can_merge});
    m_text.m_nodes.push_back(node);
    m_can_merge = false;
}

void RichTextBuilder::open_link(std::string_view url) {
    open(NodeKind::link);
    if (m_dropped > 0) return; // too deep: the link's text without the link
    m_text.m_nodes.back().text_size = static_cast<std::uint32_t>(url.size());
    m_text.m_buffer += url;
}

void RichTextBuilder::close() {
    if (m_dropped > 0) {
        --m_dropped;
        return;
    }
    if (m_open.empty()) return;
    Open open = m_open.back();
    m_open.pop_back();
    std::vector<Node>& nodes = m_text.m_nodes;
    if (open.index + 1 == nodes.size() && nodes[open.index].kind != NodeKind::link) {
        nodes.pop_back(); // an empty span means nothing, and must not split the run around it
        m_can_merge = open.could_merge;
    } else {
        nodes[open.index].end = static_cast<std::uint32_t>(nodes.size());
        m_can_merge = false;
        if (open.index + 1 == nodes.size()) m_at_space = false; // a link showing its URL
    }
}

void RichTextBuilder::add_math(std::string_view tex, std::string_view rendering, bool has_rendering,
                               MathStyle style) {
    Node node;
    node.kind = NodeKind::math;
    node.math_style = style;
    node.has_rendering = has_rendering;
    node.end = static_cast<std::uint32_t>(m_text.m_nodes.size() + 1);
    node.source_begin = static_cast<std::uint32_t>(m_text.m_buffer.size());
    node.source_size = static_cast<std::uint32_t>(tex.size());
    m_text.m_buffer += tex;
    node.text_begin = static_cast<std::uint32_t>(m_text.m_buffer.size());
    node.text_size = has_rendering ? static_cast<std::uint32_t>(rendering.size()) : 0;
    if (has_rendering) m_text.m_buffer += rendering;
    m_text.m_nodes.push_back(node);
    m_can_merge = false;
    m_at_space = false;
}

void RichTextBuilder::trim_trailing_space() {
    std::vector<Node>& nodes = m_text.m_nodes;
    if (nodes.empty() || nodes.back().kind != NodeKind::text) return;
    Node& last = nodes.back();
    if (last.text_size == 0 || m_text.m_buffer[last.text_begin + last.text_size - 1] != ' ') return;
    --last.text_size;
    if (last.text_begin + last.text_size + 1 == m_text.m_buffer.size()) m_text.m_buffer.pop_back();
    if (last.text_size == 0) {
        nodes.pop_back();
        m_can_merge = false;
        // Spans still open are dropped, if left empty, by whoever closes them; spans already
        // closed around the run must end where the nodes now end, and go when left empty.
        for (;;) {
            auto size = static_cast<std::uint32_t>(nodes.size());
            for (Node& node : nodes) node.end = std::min(node.end, size);
            bool empty_span = !nodes.empty() && nodes.back().is_span() &&
                              nodes.back().kind != NodeKind::link && nodes.back().end == size;
            if (!empty_span) break;
            nodes.pop_back();
        }
    }
}

RichText RichTextBuilder::finish() {
    m_dropped = 0;
    while (!m_open.empty()) close();
    bool normalized = true;
    for (const Node& node : m_text.m_nodes)
        if (node.kind == NodeKind::text && !is_nfc(m_text.text(node))) normalized = false;
    if (!normalized) {
        // Rebuild the buffer: normalizing can change a run's length.
        std::string buffer;
        buffer.reserve(m_text.m_buffer.size());
        for (Node& node : m_text.m_nodes) {
            std::string_view old_text = m_text.text(node);
            std::string_view old_source = m_text.source(node);
            auto text_begin = static_cast<std::uint32_t>(buffer.size());
            if (node.kind == NodeKind::text)
                append_nfc(buffer, old_text);
            else
                buffer += old_text;
            node.text_size = static_cast<std::uint32_t>(buffer.size()) - text_begin;
            node.text_begin = text_begin;
            if (node.kind == NodeKind::math) {
                node.source_begin = static_cast<std::uint32_t>(buffer.size());
                buffer += old_source;
            }
        }
        m_text.m_buffer = std::move(buffer);
    }
    m_can_merge = false;
    m_at_space = true;
    RichText out = std::move(m_text);
    m_text = RichText();
    return out;
}

} // namespace bibkit::text
