#pragma once
// The HTML tags of the formatting spans, shared by the HTML renderer and CSL's HTML-like markup,
// which differ only in the small-caps style and in what they do with code and links.

#include <bibkit/text/rich_text.hpp>
#include <string_view>

namespace bibkit::text::detail {

struct SpanTags {
    std::string_view open, close; // empty for kinds that are not formatting spans
};

inline SpanTags span_tags(NodeKind kind, std::string_view small_caps_open) {
    switch (kind) {
    case NodeKind::italic:
        return {"<i>", "</i>"};
    case NodeKind::bold:
        return {"<b>", "</b>"};
    case NodeKind::superscript:
        return {"<sup>", "</sup>"};
    case NodeKind::subscript:
        return {"<sub>", "</sub>"};
    case NodeKind::small_caps:
        return {small_caps_open, "</span>"};
    case NodeKind::nocase:
        return {"<span class=\"nocase\">", "</span>"};
    default:
        return {};
    }
}

} // namespace bibkit::text::detail
