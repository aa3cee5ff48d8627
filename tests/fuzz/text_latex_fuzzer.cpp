// libFuzzer target for LaTeX text: arbitrary bytes decoded as a field value's LaTeX into rich text
// (lib/text decode), the rich text rendered every way and case-changed, and the same bytes read as
// TeX math (math_to_unicode, math_sanitize) and as CSL's HTML-like markup.
//
// Invariants (a violation prints what failed and aborts, which libFuzzer reports as a crash):
//   1. No crash, hang or sanitizer report.
//   2. Every decode warning's offset lies within the input.
//   3. For valid UTF-8 input, the plain text, HTML, Markdown and LaTeX renderings are valid UTF-8
//      (decoding never cuts a character).
//   4. needs_decoding() false means decoding leaves a single plain run equal to the input up to
//      NFC (checked on ASCII input, where NFC is the identity).
//
// Build with the "fuzz" CMake preset; run with scripts/fuzz.sh (corpus family "text").

#include <bibkit/text/case.hpp>
#include <bibkit/text/csl_markup.hpp>
#include <bibkit/text/decode.hpp>
#include <bibkit/text/html.hpp>
#include <bibkit/text/latex.hpp>
#include <bibkit/text/markdown.hpp>
#include <bibkit/text/math.hpp>
#include <bibkit/text/plain_text.hpp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace bibkit;

[[noreturn]] void fail(const char* what, std::string_view detail = {}) {
    std::fprintf(stderr, "text_latex_fuzzer: %s: %.*s\n", what, static_cast<int>(detail.size()),
                 detail.data());
    std::abort();
}

bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            n = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        for (std::size_t k = 1; k <= n; ++k) {
            if (i + k >= s.size()) return false;
            auto d = static_cast<unsigned char>(s[i + k]);
            if ((d & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (d & 0x3F);
        }
        if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n + 1;
    }
    return true;
}

bool is_ascii(std::string_view s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

void render_all(const text::RichText& rich, bool check_utf8, std::string_view input) {
    std::string plain = text::to_plain_text(rich);
    std::string html = text::to_html(rich);
    std::string markdown = text::to_markdown(rich);
    std::string latex = text::to_latex(rich);
    std::string latex_ascii = text::to_latex(rich, text::LatexCharset::ascii);
    std::string markup = text::to_csl_markup(rich);
    (void)text::to_comparison_text(rich);
    if (check_utf8) {
        if (!valid_utf8(plain)) fail("plain text is not valid UTF-8", input);
        if (!valid_utf8(html)) fail("HTML is not valid UTF-8", input);
        if (!valid_utf8(markdown)) fail("Markdown is not valid UTF-8", input);
        if (!valid_utf8(latex)) fail("LaTeX is not valid UTF-8", input);
    }
    // The markup reads back (its own dialect), and renders again.
    text::RichText again = text::from_csl_markup(markup);
    (void)text::to_plain_text(again);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    bool utf8 = valid_utf8(input);

    text::Decoded decoded = text::decode_latex(input);
    for (const text::DecodeWarning& warning : decoded.warnings) {
        if (warning.offset > size) fail("warning offset past the input", input);
        if (text::describe(warning).empty()) fail("warning without a description", input);
    }
    render_all(decoded.text, utf8, input);
    render_all(text::to_lowercase(decoded.text), utf8, input);
    render_all(text::to_uppercase(decoded.text), utf8, input);
    render_all(text::capitalize_first(decoded.text), utf8, input);
    render_all(text::to_sentence_case(decoded.text), utf8, input);
    render_all(text::to_title_case(decoded.text), utf8, input);

    if (!text::needs_decoding(input) && is_ascii(input)) {
        std::string plain = text::to_plain_text(decoded.text);
        if (plain != input) fail("needs_decoding() is false but decoding changed the text", input);
    }

    (void)text::latex_to_plain_text(input);
    (void)text::math_to_unicode(input);
    std::vector<text::RemovedMathCommand> removed;
    std::string sanitized = text::math_sanitize(input, &removed);
    for (const text::RemovedMathCommand& command : removed)
        if (command.offset > size) fail("removed math command offset past the input", input);

    text::RichText from_markup = text::from_csl_markup(input);
    render_all(from_markup, utf8, input);
    return 0;
}
