#include "utf8.hpp"

#include <bibkit/text/latex.hpp>
#include <bibkit/text/latex_symbols.hpp>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace bibkit::text {
namespace {

// Appends a piece of LaTeX, breaking the ligatures and shorthands TeX would otherwise form
// with what precedes it: "-" + "-" would read as an en dash, "`" + "`" as a quote.
void append_piece(std::string& out, std::string_view piece) {
    if (piece.empty()) return;
    if (!out.empty()) {
        char last = out.back();
        char first = piece.front();
        bool ligature = (last == '-' && first == '-') || (last == '`' && first == '`') ||
                        (last == '\'' && first == '\'') ||
                        ((last == '?' || last == '!') && first == '`');
        if (ligature) out += "{}";
    }
    out += piece;
}

std::string_view ascii_escape(char c) {
    switch (c) {
    case '&':
        return "\\&";
    case '%':
        return "\\%";
    case '$':
        return "\\$";
    case '#':
        return "\\#";
    case '_':
        return "\\_";
    case '{':
        return "\\{";
    case '}':
        return "\\}";
    case '~':
        return "\\textasciitilde{}";
    case '^':
        return "\\textasciicircum{}";
    case '\\':
        return "\\textbackslash{}";
    case '\'':
        return "\\textquotesingle{}";
    case '`':
        return "\\textasciigrave{}";
    case '"':
        return "\\textquotedbl{}";
    case '<':
        return "\\textless{}";
    case '>':
        return "\\textgreater{}";
    case '|':
        return "\\textbar{}";
    default:
        return {};
    }
}

// The ASCII spellings TeX's ligatures give for typographic punctuation.
std::string_view ligature_for(char32_t c) {
    switch (c) {
    case 0x2013:
        return "--";
    case 0x2014:
        return "---";
    case 0x201C:
        return "``";
    case 0x201D:
        return "''";
    case 0x2018:
        return "`";
    case 0x2019:
        return "'";
    case 0x00A0:
        return "~";
    case 0x00A1:
        return "!`";
    case 0x00BF:
        return "?`";
    default:
        return {};
    }
}

// One character (a base and its combining marks) in ASCII LaTeX; false when no command
// writes it.
bool append_ascii_character(std::string& out, std::string_view character) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) return false;
    icu::UnicodeString decomposed =
        nfd->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(
                           character.data(), static_cast<int32_t>(character.size()))),
                       status);
    if (U_FAILURE(status) || decomposed.isEmpty()) return false;
    std::string base_utf8;
    UChar32 base = decomposed.char32At(0);
    utf8::append(base_utf8, static_cast<char32_t>(base));
    std::string body; // the base as LaTeX
    std::int32_t index = decomposed.moveIndex32(0, 1);
    bool has_marks = index < decomposed.length();
    if (base < 0x80) {
        if ((base == 'i' || base == 'j') && has_marks) {
            body = base == 'i' ? "\\i" : "\\j"; // the dot gives way to the accent
        } else {
            std::string_view escaped = ascii_escape(static_cast<char>(base));
            body = escaped.empty() ? base_utf8 : std::string(escaped);
        }
    } else if (const Symbol* symbol = find_symbol_for(base_utf8); symbol != nullptr && !has_marks) {
        if (symbol->mode == SymbolMode::math) {
            body = "\\ensuremath{\\" + std::string(symbol->name) + "}";
            out += body;
            return true;
        }
        body = "{\\" + std::string(symbol->name) + "}";
        append_piece(out, body);
        return true;
    } else if (symbol != nullptr && symbol->mode != SymbolMode::math) {
        body = "\\" + std::string(symbol->name);
    } else {
        return false;
    }
    if (!has_marks) {
        append_piece(out, body);
        return true;
    }
    bool first = true;
    while (index < decomposed.length()) {
        UChar32 mark = decomposed.char32At(index);
        index = decomposed.moveIndex32(index, 1);
        const Accent* accent = find_text_accent_for(static_cast<char32_t>(mark));
        if (accent == nullptr) return false;
        bool symbol_accent = !utf8::is_letter(accent->name[0]);
        bool plain_letter = first && body.size() == 1 && utf8::is_letter(body[0]);
        std::string next = "\\" + std::string(accent->name);
        if (symbol_accent && plain_letter)
            next += body;
        else
            next += "{" + body + "}";
        body = std::move(next);
        first = false;
    }
    append_piece(out, "{" + body + "}");
    return true;
}

bool is_combining(char32_t c) {
    return u_getCombiningClass(static_cast<UChar32>(c)) != 0;
}

struct LatexWriter {
    const RichText& text;
    std::string& out;
    LatexCharset charset;

    void leaf(const Node& node) {
        if (node.kind == NodeKind::text) return append_latex_escaped(out, text.text(node), charset);
        bool display = node.math_style == MathStyle::display;
        out += display ? "\\[" : "$";
        out += text.source(node);
        out += display ? "\\]" : "$";
    }

    void enter(const Node& node) {
        switch (node.kind) {
        case NodeKind::italic:
            out += "\\emph{";
            break;
        case NodeKind::bold:
            out += "\\textbf{";
            break;
        case NodeKind::small_caps:
            out += "\\textsc{";
            break;
        case NodeKind::superscript:
            out += "\\textsuperscript{";
            break;
        case NodeKind::subscript:
            out += "\\textsubscript{";
            break;
        case NodeKind::monospace:
            out += "\\texttt{";
            break;
        case NodeKind::nocase: {
            out += '{';
            std::size_t index = text.index_of(node) + 1;
            if (starts_with_command(index)) out += "\\relax ";
            break;
        }
        case NodeKind::link:
            out += text.has_children(node) ? "\\href{" : "\\url{";
            append_latex_url(out, text.text(node));
            out += text.has_children(node) ? "}{" : "}";
            break;
        default:
            break;
        }
    }

    void leave(const Node& node) {
        if (node.kind == NodeKind::link && !text.has_children(node)) return;
        out += '}';
    }

    // Whether what the node at `index` writes begins with a backslash.
    bool starts_with_command(std::size_t index) const {
        std::span<const Node> nodes = text.nodes();
        if (index >= nodes.size()) return false;
        const Node& first = nodes[index];
        if (first.kind == NodeKind::math) return first.math_style == MathStyle::display;
        if (first.kind == NodeKind::nocase) return false;
        if (first.kind != NodeKind::text) return true;
        std::string probe;
        std::string_view run = text.text(first);
        append_latex_escaped(probe, run.substr(0, utf8::decode(run, 0).size + 8), charset);
        return !probe.empty() && probe.front() == '\\';
    }
};

} // namespace

void append_latex_escaped(std::string& out, std::string_view text, LatexCharset charset) {
    for (std::size_t i = 0; i < text.size();) {
        char c = text[i];
        auto byte = static_cast<unsigned char>(c);
        if (byte < 0x80 && !(charset == LatexCharset::ascii && i + 1 < text.size() &&
                             static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                             is_combining(utf8::decode(text, i + 1).code_point))) {
            ++i;
            if (byte < 0x20 || byte == 0x7F) {
                if (c == '\n' || c == '\t' || c == '\r') out += ' ';
                continue;
            }
            std::string_view escaped = ascii_escape(c);
            append_piece(out, escaped.empty() ? std::string_view(&text[i - 1], 1) : escaped);
            continue;
        }
        auto decoded = utf8::decode(text, i);
        if (decoded.code_point == 0xA0) {
            out += '~';
            i += decoded.size;
            continue;
        }
        if (charset == LatexCharset::utf8) {
            out.append(text, i, decoded.size);
            i += decoded.size;
            continue;
        }
        if (std::string_view ligature = ligature_for(decoded.code_point); !ligature.empty()) {
            append_piece(out, ligature);
            i += decoded.size;
            continue;
        }
        // The character with its combining marks.
        std::size_t end = i + decoded.size;
        while (end < text.size()) {
            auto next = utf8::decode(text, end);
            if (!is_combining(next.code_point)) break;
            end += next.size;
        }
        std::string_view character = text.substr(i, end - i);
        if (!append_ascii_character(out, character)) out += character;
        i = end;
    }
}

void append_latex_url(std::string& out, std::string_view url) {
    static constexpr char k_hex[] = "0123456789ABCDEF";
    for (char c : url) {
        auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '%':
            out += "\\%";
            continue;
        case '#':
            out += "\\#";
            continue;
        default:
            break;
        }
        if (byte <= 0x20 || byte == 0x7F || c == '{' || c == '}' || c == '\\' || c == '^' ||
            c == '"' || c == '<' || c == '>' || c == '|' || c == '`') {
            out += "\\%";
            out += k_hex[byte >> 4];
            out += k_hex[byte & 15];
        } else {
            out += c;
        }
    }
}

void append_latex(std::string& out, const RichText& text, LatexCharset charset) {
    visit(text, LatexWriter{text, out, charset});
}

std::string to_latex(const RichText& text, LatexCharset charset) {
    std::string out;
    append_latex(out, text, charset);
    return out;
}

} // namespace bibkit::text
