#include <bibkit/text/decode.hpp>
#include <bibkit/text/plain_text.hpp>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

namespace bibkit::text {

void append_plain_text(std::string& out, const RichText& text) {
    for (const Node& node : text.nodes()) {
        switch (node.kind) {
        case NodeKind::text:
            out += text.text(node);
            break;
        case NodeKind::math:
            out += text.math_text(node);
            break;
        case NodeKind::link:
            if (!text.has_children(node)) out += text.text(node);
            break;
        default:
            break;
        }
    }
}

std::string to_plain_text(const RichText& text) {
    std::string out;
    append_plain_text(out, text);
    return out;
}

std::string to_comparison_text(std::string_view plain_utf8) {
    std::string folded;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_SUCCESS(status)) {
        icu::StringByteSink<std::string> sink(&folded, static_cast<int32_t>(plain_utf8.size()));
        normalizer->normalizeUTF8(
            0, icu::StringPiece(plain_utf8.data(), static_cast<int32_t>(plain_utf8.size())), sink,
            nullptr, status);
    }
    if (U_FAILURE(status)) folded.assign(plain_utf8);
    std::string out;
    out.reserve(folded.size());
    for (char c : folded) {
        bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
        if (space) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string to_comparison_text(const RichText& text) {
    return to_comparison_text(to_plain_text(text));
}

std::string latex_to_plain_text(std::string_view latex) {
    if (!needs_decoding(latex)) return std::string(latex);
    return to_plain_text(decode_latex(latex).text);
}

} // namespace bibkit::text
