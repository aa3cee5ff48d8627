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

namespace {

struct MarkupTag {
    std::size_t begin = 0, end = 0; // the tag's bytes
    NodeKind kind = NodeKind::text;
    bool closing = false;
    bool matched = false;
    std::string_view name; // what a closing tag must match: "i", "b", "span" …
};

// The tag at markup[at] ('<'), if it is one CSL markup knows.
bool read_tag(std::string_view markup, std::size_t at, MarkupTag& tag) {
    std::size_t close = markup.find('>', at);
    if (close == std::string_view::npos) return false;
    std::string_view inner = markup.substr(at + 1, close - at - 1);
    tag.begin = at;
    tag.end = close + 1;
    tag.closing = inner.starts_with('/');
    if (tag.closing) inner.remove_prefix(1);
    struct Known {
        std::string_view text, name;
        NodeKind kind;
    };
    static constexpr Known k_known[] = {
        {"i", "i", NodeKind::italic},
        {"em", "em", NodeKind::italic},
        {"b", "b", NodeKind::bold},
        {"strong", "strong", NodeKind::bold},
        {"sc", "sc", NodeKind::small_caps},
        {"sup", "sup", NodeKind::superscript},
        {"sub", "sub", NodeKind::subscript},
        {"span style=\"font-variant:small-caps;\"", "span", NodeKind::small_caps},
        {"span style=\"font-variant: small-caps;\"", "span", NodeKind::small_caps},
        {"span class=\"nocase\"", "span", NodeKind::nocase},
    };
    for (const Known& k : k_known) {
        if (tag.closing ? inner == k.name : inner == k.text) {
            tag.kind = k.kind;
            tag.name = k.name;
            return true;
        }
    }
    return false;
}

void append_decoded(RichTextBuilder& builder, std::string_view text) {
    static constexpr std::pair<std::string_view, std::string_view> k_entities[] = {
        {"&amp;", "&"},  {"&lt;", "<"},  {"&gt;", ">"},  {"&quot;", "\""}, {"&#38;", "&"},
        {"&#x26;", "&"}, {"&#60;", "<"}, {"&#62;", ">"}, {"&apos;", "'"}};
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        bool replaced = false;
        if (text[i] == '&') {
            for (auto [entity, value] : k_entities) {
                if (text.substr(i).starts_with(entity)) {
                    out += value;
                    i += entity.size();
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced) out += text[i++];
    }
    builder.append_text(out);
}

} // namespace

RichText from_csl_markup(std::string_view markup) {
    std::vector<MarkupTag> tags;
    for (std::size_t at = markup.find('<'); at != std::string_view::npos;
         at = markup.find('<', at + 1)) {
        MarkupTag tag;
        if (read_tag(markup, at, tag)) tags.push_back(tag);
    }
    // Pair closing tags with the nearest open tag of the same name; the rest is text.
    std::vector<std::size_t> open;
    for (std::size_t t = 0; t < tags.size(); ++t) {
        if (!tags[t].closing) {
            open.push_back(t);
            continue;
        }
        for (std::size_t k = open.size(); k-- > 0;) {
            if (tags[open[k]].name == tags[t].name) {
                tags[open[k]].matched = tags[t].matched = true;
                open.resize(k);
                break;
            }
        }
    }
    RichTextBuilder builder;
    std::size_t at = 0;
    for (const MarkupTag& tag : tags) {
        if (!tag.matched) continue;
        append_decoded(builder, markup.substr(at, tag.begin - at));
        if (tag.closing)
            builder.close();
        else
            builder.open(tag.kind);
        at = tag.end;
    }
    append_decoded(builder, markup.substr(at));
    return builder.finish();
}

} // namespace bibkit::text
