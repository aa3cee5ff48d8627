#include "utf8.hpp"

#include <algorithm>
#include <array>
#include <bibkit/text/decode.hpp>
#include <bibkit/text/latex_symbols.hpp>
#include <bibkit/text/math.hpp>
#include <iterator>
#include <optional>
#include <unicode/uchar.h>

namespace bibkit::text {
namespace {

enum class Action : std::uint8_t {
    span,             // \emph{…}: the argument in a span
    declaration,      // {\em …}: a span to the end of the enclosing group
    ignore,           // \relax, \protect, size switches
    space,            // \newline, \par: a space
    keep_argument,    // \mbox{…}: the argument, no span
    discard_argument, // \noopsort{…}: nothing
    space_argument,   // \hspace{…}: a space instead of the argument
    url,              // \url{…}
    href,             // \href{url}{text}
    doi,              // \doi{…}
    ensuremath,       // \ensuremath{…}
    quote,            // \enquote{…}: the argument in quotation marks (inner ones single)
    dimension,        // \kern-1pt: the TeX dimension after it dropped
};

struct Command {
    std::string_view name;
    Action action = Action::ignore;
    NodeKind kind = NodeKind::text;
};

// Sorted by name (byte order).
constexpr Command k_commands[] = {
    {"Huge", Action::ignore},
    {"LARGE", Action::ignore},
    {"Large", Action::ignore},
    {"MakeLowercase", Action::keep_argument},
    {"MakeTextLowercase", Action::keep_argument},
    {"MakeTextUppercase", Action::keep_argument},
    {"MakeUppercase", Action::keep_argument},
    {"NoCaseChange", Action::span, NodeKind::nocase},
    {"SortNoop", Action::discard_argument},
    {"allowbreak", Action::ignore},
    {"bf", Action::declaration, NodeKind::bold},
    {"bfseries", Action::declaration, NodeKind::bold},
    {"break", Action::ignore},
    {"doi", Action::doi},
    {"em", Action::declaration, NodeKind::italic},
    {"emph", Action::span, NodeKind::italic},
    {"enquote", Action::quote},
    {"ensuremath", Action::ensuremath},
    {"footnotesize", Action::ignore},
    {"hbox", Action::keep_argument},
    {"hfil", Action::space},
    {"hfill", Action::space},
    {"href", Action::href},
    {"hspace", Action::space_argument},
    {"huge", Action::ignore},
    {"ignorespaces", Action::ignore},
    {"it", Action::declaration, NodeKind::italic},
    {"itshape", Action::declaration, NodeKind::italic},
    {"kern", Action::dimension},
    {"label", Action::discard_argument},
    {"large", Action::ignore},
    {"leavevmode", Action::ignore},
    {"linebreak", Action::space},
    {"lower", Action::dimension},
    {"lowercase", Action::keep_argument},
    {"mbox", Action::keep_argument},
    {"mdseries", Action::ignore},
    {"mkbibbold", Action::span, NodeKind::bold},
    {"mkbibemph", Action::span, NodeKind::italic},
    {"mkbibitalic", Action::span, NodeKind::italic},
    {"mkbibquote", Action::quote},
    {"newblock", Action::space},
    {"newline", Action::space},
    {"nobreak", Action::ignore},
    {"nocase", Action::span, NodeKind::nocase},
    {"noindent", Action::ignore},
    {"noop", Action::discard_argument},
    {"noopsort", Action::discard_argument},
    {"normalfont", Action::ignore},
    {"normalsize", Action::ignore},
    {"null", Action::ignore},
    {"par", Action::space},
    {"protect", Action::ignore},
    {"raise", Action::dimension},
    {"relax", Action::ignore},
    {"rm", Action::ignore},
    {"rmfamily", Action::ignore},
    {"sc", Action::declaration, NodeKind::small_caps},
    {"scriptsize", Action::ignore},
    {"scshape", Action::declaration, NodeKind::small_caps},
    {"sf", Action::ignore},
    {"sffamily", Action::ignore},
    {"sl", Action::declaration, NodeKind::italic},
    {"slshape", Action::declaration, NodeKind::italic},
    {"small", Action::ignore},
    {"sortnoop", Action::discard_argument},
    {"text", Action::keep_argument},
    {"textbf", Action::span, NodeKind::bold},
    {"textit", Action::span, NodeKind::italic},
    {"textmd", Action::keep_argument},
    {"textnormal", Action::keep_argument},
    {"textrm", Action::keep_argument},
    {"textsc", Action::span, NodeKind::small_caps},
    {"textsf", Action::keep_argument},
    {"textsl", Action::span, NodeKind::italic},
    {"textsubscript", Action::span, NodeKind::subscript},
    {"textsuperscript", Action::span, NodeKind::superscript},
    {"texttt", Action::span, NodeKind::monospace},
    {"textup", Action::keep_argument},
    {"tiny", Action::ignore},
    {"tt", Action::declaration, NodeKind::monospace},
    {"ttfamily", Action::declaration, NodeKind::monospace},
    {"unskip", Action::ignore},
    {"uppercase", Action::keep_argument},
    {"upshape", Action::ignore},
    {"url", Action::url},
    {"vspace", Action::discard_argument},
    {"xspace", Action::ignore},
};

static_assert(std::is_sorted(std::begin(k_commands), std::end(k_commands),
                             [](const Command& a, const Command& b) { return a.name < b.name; }));

const Command* find_command(std::string_view name) {
    const Command* it = std::lower_bound(
        std::begin(k_commands), std::end(k_commands), name,
        [](const Command& command, std::string_view key) { return command.name < key; });
    return it != std::end(k_commands) && it->name == name ? it : nullptr;
}

// Bytes that end a plain run (see Decoder::plain_run); '-', '?', '!' and ' ' only in company.
constexpr std::array<bool, 256> k_special = [] {
    std::array<bool, 256> table{};
    for (unsigned char c : std::string_view("\\{}$~'`-?! \t\n\r\f\v")) table[c] = true;
    return table;
}();

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

constexpr int k_max_depth = 200;

class Decoder {
  public:
    Decoder(std::string_view input, RichTextBuilder& builder, std::vector<DecodeWarning>& warnings)
        : m_in(input), m_builder(&builder), m_warnings(warnings) {}

    void run() {
        sequence(false, 0);
        m_builder->trim_trailing_space();
    }

  private:
    // Decodes until the end of the input or, inside a group, its closing brace (consumed).
    void sequence(bool in_group, std::size_t open_offset) {
        ++m_depth;
        std::size_t declarations = 0;
        std::size_t* saved = m_declarations;
        m_declarations = &declarations;
        bool closed = false;
        while (m_pos < m_in.size()) {
            if (m_in[m_pos] == '}') {
                if (m_flat > 0) {
                    --m_flat;
                    ++m_pos;
                    continue;
                }
                if (in_group) {
                    ++m_pos;
                    closed = true;
                    break;
                }
                warn(m_pos, DecodeProblem::unbalanced_close_brace);
                ++m_pos;
                continue;
            }
            step();
        }
        if (in_group && !closed) warn(open_offset, DecodeProblem::unclosed_brace);
        for (; declarations > 0; --declarations) m_builder->close();
        m_declarations = saved;
        --m_depth;
    }

    void step() {
        char c = m_in[m_pos];
        switch (c) {
        case '{':
            return group();
        case '\\':
            return command();
        case '$':
            return dollar_math();
        case '~':
            ++m_pos;
            return text("\u00A0");
        case '-':
        case '`':
        case '\'':
            if (m_monospace > 0) return plain_character();
            break;
        default:
            break;
        }
        switch (c) {
        case '-': {
            std::size_t n = 0;
            while (m_pos < m_in.size() && m_in[m_pos] == '-') ++n, ++m_pos;
            for (; n >= 3; n -= 3) text("\u2014");
            if (n == 2) text("\u2013");
            if (n == 1) text("-");
            return;
        }
        case '`':
            if (next_is('`')) {
                m_pos += 2;
                return text("\u201C");
            }
            ++m_pos;
            return text("\u2018");
        case '\'':
            if (next_is('\'')) {
                m_pos += 2;
                return text("\u201D");
            }
            ++m_pos;
            return text("\u2019");
        case '?':
        case '!':
            if (next_is('`')) {
                m_pos += 2;
                return text(c == '?' ? "\u00BF" : "\u00A1");
            }
            ++m_pos;
            return text(std::string_view(&m_in[m_pos - 1], 1));
        default:
            break;
        }
        if (is_space(c)) {
            while (m_pos < m_in.size() && is_space(m_in[m_pos])) ++m_pos;
            return space();
        }
        plain_run();
    }

    bool next_is(char c) const { return m_pos + 1 < m_in.size() && m_in[m_pos + 1] == c; }

    void plain_character() {
        text(m_in.substr(m_pos, 1));
        ++m_pos;
    }

    void plain_run() {
        std::size_t begin = m_pos++;
        while (m_pos < m_in.size() && !k_special[static_cast<unsigned char>(m_in[m_pos])]) ++m_pos;
        text(m_in.substr(begin, m_pos - begin));
    }

    void text(std::string_view utf8) { m_builder->append_text(utf8); }

    void space() {
        if (!m_builder->at_space()) m_builder->append_text(" ");
    }

    void warn(std::size_t offset, DecodeProblem problem, std::string command = {}) {
        m_warnings.push_back({static_cast<std::uint32_t>(offset), problem, std::move(command)});
    }

    // A brace group that is not an argument: nocase at the outer level (see decode.hpp).
    void group() {
        std::size_t open = m_pos++;
        if (m_depth >= k_max_depth) {
            ++m_flat; // too deep to recurse: the braces are dropped, the text kept
            return;
        }
        bool nocase = false;
        if (m_bare_depth == 0) {
            bool special = m_pos < m_in.size() && m_in[m_pos] == '\\';
            nocase = !special || starts_relax(m_pos);
        }
        if (nocase) m_builder->open(NodeKind::nocase);
        ++m_bare_depth;
        sequence(true, open);
        --m_bare_depth;
        if (nocase) m_builder->close();
    }

    bool starts_relax(std::size_t pos) const {
        std::string_view rest = m_in.substr(pos);
        return rest.starts_with("\\relax") && (rest.size() == 6 || !utf8::is_letter(rest[6]));
    }

    // A command's argument: a group (its braces are not a nocase group), a command, or one
    // character. Returns false when there is none.
    bool argument() {
        skip_spaces();
        if (m_pos >= m_in.size() || m_in[m_pos] == '}') return false;
        char c = m_in[m_pos];
        if (c == '{') {
            std::size_t open = m_pos++;
            if (m_depth >= k_max_depth) {
                ++m_flat;
                return true;
            }
            sequence(true, open);
            return true;
        }
        if (c == '\\' || c == '$') {
            step();
            return true;
        }
        auto decoded = utf8::decode(m_in, m_pos);
        text(m_in.substr(m_pos, decoded.size));
        m_pos += decoded.size;
        return true;
    }

    // The argument decoded on its own, as plain text (for accents).
    std::optional<std::string> argument_as_text() {
        RichTextBuilder local;
        RichTextBuilder* saved = m_builder;
        m_builder = &local;
        bool found = argument();
        m_builder = saved;
        if (!found) return std::nullopt;
        RichText decoded = local.finish();
        std::string out;
        for (const Node& node : decoded.nodes())
            out += node.kind == NodeKind::math ? decoded.math_text(node) : decoded.text(node);
        return out;
    }

    void skip_spaces() {
        while (m_pos < m_in.size() && is_space(m_in[m_pos])) ++m_pos;
    }

    void command() {
        std::size_t start = m_pos++;
        if (m_pos >= m_in.size()) {
            warn(start, DecodeProblem::unknown_command, "\\");
            return;
        }
        if (!utf8::is_letter(m_in[m_pos])) return control_symbol(start);
        std::size_t name_begin = m_pos;
        while (m_pos < m_in.size() && utf8::is_letter(m_in[m_pos])) ++m_pos;
        std::string_view name = m_in.substr(name_begin, m_pos - name_begin);
        skip_spaces();
        if (const Accent* accent = find_text_accent(name)) return apply_accent(*accent, start);
        if (const Command* known = find_command(name)) return run(*known, start);
        if (const Symbol* symbol = find_symbol(name)) return symbol_text(*symbol);
        unknown(name, start);
    }

    // Logos keep their case: sentence case must not make \LaTeX "Latex".
    void symbol_text(const Symbol& symbol) {
        bool logo = symbol.name != "SS" &&
                    std::count_if(symbol.utf8.begin(), symbol.utf8.end(), utf8::is_letter) > 1;
        if (logo) m_builder->open(NodeKind::nocase);
        text(symbol.utf8);
        if (logo) m_builder->close();
    }

    void unknown(std::string_view name, std::size_t start) {
        warn(start, DecodeProblem::unknown_command, "\\" + std::string(name));
        // Keep what the reader would see: the braced arguments' text, no optional ones.
        if (m_pos < m_in.size() && m_in[m_pos] == '[') {
            std::size_t close = m_in.find(']', m_pos);
            if (close != std::string_view::npos &&
                m_in.substr(m_pos, close - m_pos).find_first_of("{}") == std::string_view::npos)
                m_pos = close + 1;
        }
        while (m_pos < m_in.size() && m_in[m_pos] == '{') argument();
    }

    void control_symbol(std::size_t start) {
        auto decoded = utf8::decode(m_in, m_pos);
        std::string_view symbol = m_in.substr(m_pos, decoded.size);
        m_pos += decoded.size;
        switch (symbol[0]) {
        case '\\':
            skip_spaces();
            if (m_pos < m_in.size() && m_in[m_pos] == '*') ++m_pos;
            if (m_pos < m_in.size() && m_in[m_pos] == '[') {
                std::size_t close = m_in.find(']', m_pos);
                if (close != std::string_view::npos) m_pos = close + 1;
            }
            return space();
        case ' ':
        case '\t':
        case '\n':
        case '\r':
            return space();
        case ',':
            return text("\u2009");
        case ';':
        case ':':
        case '>':
            return space();
        case '!':
        case '/':
        case '@':
        case '-':
            return;
        case '&':
        case '%':
        case '$':
        case '#':
        case '_':
        case '{':
        case '}':
            return text(symbol);
        case '(':
            return delimited_math(start, "\\)", MathStyle::inline_math);
        case '[':
            return delimited_math(start, "\\]", MathStyle::display);
        default:
            break;
        }
        if (const Accent* accent = find_text_accent(symbol)) return apply_accent(*accent, start);
        warn(start, DecodeProblem::unknown_command, "\\" + std::string(symbol));
    }

    void apply_accent(const Accent& accent, std::size_t start) {
        // The common forms, \"o and \"{o}: a letter and its mark, composed later by NFC.
        skip_spaces();
        std::size_t letter = m_pos < m_in.size() && m_in[m_pos] == '{' ? m_pos + 1 : m_pos;
        bool braced = letter != m_pos;
        if (letter < m_in.size() && utf8::is_letter(m_in[letter]) &&
            (!braced || (letter + 1 < m_in.size() && m_in[letter + 1] == '}'))) {
            std::string combined(1, m_in[letter]); // short: no allocation
            utf8::append(combined, accent.combining);
            text(combined);
            m_pos = letter + (braced ? 2 : 1);
            return;
        }
        std::optional<std::string> base = argument_as_text();
        if (!base) {
            warn(start, DecodeProblem::missing_argument, "\\" + std::string(accent.name));
            return text(accent.spacing);
        }
        if (base->empty()) return text(accent.spacing);
        // Accents go on i and j, not on the dotless forms LaTeX needed for the glyph.
        if (base->starts_with("\u0131"))
            base->replace(0, 2, "i");
        else if (base->starts_with("\u0237"))
            base->replace(0, 2, "j");
        // After the first letter and the marks it already has.
        std::size_t at = utf8::decode(*base, 0).size;
        while (at < base->size()) {
            auto next = utf8::decode(*base, at);
            if (u_getCombiningClass(static_cast<UChar32>(next.code_point)) == 0) break;
            at += next.size;
        }
        std::string mark;
        utf8::append(mark, accent.combining);
        base->insert(at, mark);
        text(*base);
    }

    void run(const Command& command, std::size_t start) {
        switch (command.action) {
        case Action::span: {
            // Typewriter fonts have no ligatures: `--` in \texttt is two hyphens.
            int monospace = command.kind == NodeKind::monospace ? 1 : 0;
            m_monospace += monospace;
            m_builder->open(command.kind);
            if (!argument()) warn(start, DecodeProblem::missing_argument, name_of(command));
            m_builder->close();
            m_monospace -= monospace;
            return;
        }
        case Action::declaration:
            m_builder->open(command.kind);
            ++*m_declarations;
            return;
        case Action::ignore:
            return;
        case Action::space:
            return space();
        case Action::keep_argument:
            if (!argument()) warn(start, DecodeProblem::missing_argument, name_of(command));
            return;
        case Action::discard_argument:
        case Action::space_argument: {
            RichTextBuilder discarded;
            RichTextBuilder* saved = m_builder;
            m_builder = &discarded;
            argument();
            m_builder = saved;
            if (command.action == Action::space_argument) space();
            return;
        }
        case Action::url:
        case Action::doi: {
            std::optional<std::string> url = verbatim_argument();
            if (!url) return warn(start, DecodeProblem::missing_argument, name_of(command));
            if (command.action == Action::url) {
                m_builder->open_link(*url);
            } else {
                m_builder->open_link("https://doi.org/" + *url);
                text(*url);
            }
            m_builder->close();
            return;
        }
        case Action::href: {
            std::optional<std::string> url = verbatim_argument();
            if (!url) return warn(start, DecodeProblem::missing_argument, name_of(command));
            m_builder->open_link(*url);
            if (!argument()) text(*url);
            m_builder->close();
            return;
        }
        case Action::ensuremath:
            return ensuremath(start);
        case Action::quote: {
            bool inner = m_quotes++ % 2 == 1;
            text(inner ? "\u2018" : "\u201C");
            if (!argument()) warn(start, DecodeProblem::missing_argument, name_of(command));
            text(inner ? "\u2019" : "\u201D");
            --m_quotes;
            return;
        }
        case Action::dimension:
            return skip_dimension();
        }
    }

    // A TeX dimension as \kern takes it: a sign, a number and a unit (`-1pt`, `.02em`).
    void skip_dimension() {
        std::size_t at = m_pos;
        while (at < m_in.size() && (m_in[at] == '-' || m_in[at] == '+')) ++at;
        std::size_t digits = at;
        while (at < m_in.size() && ((m_in[at] >= '0' && m_in[at] <= '9') || m_in[at] == '.')) ++at;
        if (at == digits || at + 2 > m_in.size()) return;
        static constexpr std::string_view k_units[] = {"pt", "em", "ex", "mm", "cm", "in",
                                                       "bp", "sp", "pc", "dd", "cc", "mu"};
        std::string_view unit = m_in.substr(at, 2);
        for (std::string_view known : k_units) {
            if (unit == known) {
                m_pos = at + 2;
                return skip_spaces();
            }
        }
    }

    static std::string name_of(const Command& command) { return "\\" + std::string(command.name); }

    // \url's argument as written: no decoding, spaces dropped (the url package ignores them),
    // only hyperref's escapes (\% \# \& \_ \~ \$ \{ \}) undone.
    std::optional<std::string> verbatim_argument() {
        skip_spaces();
        if (m_pos >= m_in.size() || m_in[m_pos] == '}') return std::nullopt;
        // `\url|…|` takes any character as its delimiters, but a byte of a UTF-8 sequence is no
        // character: that would cut the sequence and leave its other bytes as the URL.
        if (static_cast<unsigned char>(m_in[m_pos]) >= 0x80) return std::nullopt;
        char open = m_in[m_pos++];
        char close = open == '{' ? '}' : open;
        std::string out;
        int depth = 0;
        while (m_pos < m_in.size()) {
            char c = m_in[m_pos];
            if (c == '\\' && m_pos + 1 < m_in.size() &&
                std::string_view("%#&_~${}").find(m_in[m_pos + 1]) != std::string_view::npos) {
                out += m_in[m_pos + 1];
                m_pos += 2;
                continue;
            }
            if (c == close && depth == 0) {
                ++m_pos;
                return out;
            }
            if (open == '{' && c == '{') ++depth;
            if (open == '{' && c == '}') --depth;
            if (!is_space(c)) out += c;
            ++m_pos;
        }
        warn(m_pos, DecodeProblem::unclosed_brace);
        return out;
    }

    void ensuremath(std::size_t start) {
        // A single symbol (as the LaTeX writer spells α in ASCII text) is just its character.
        skip_spaces();
        if (m_pos < m_in.size() && m_in[m_pos] == '{') {
            std::size_t close = m_in.find('}', m_pos);
            if (close != std::string_view::npos) {
                std::string_view inner = m_in.substr(m_pos + 1, close - m_pos - 1);
                while (!inner.empty() && is_space(inner.back())) inner.remove_suffix(1);
                if (inner.size() > 1 && inner[0] == '\\' &&
                    std::all_of(inner.begin() + 1, inner.end(), utf8::is_letter)) {
                    if (const Symbol* symbol = find_symbol(inner.substr(1))) {
                        m_pos = close + 1;
                        return text(symbol->utf8);
                    }
                }
                std::size_t end = matching_brace(m_pos);
                if (end != std::string_view::npos) {
                    math(m_pos + 1, end, MathStyle::inline_math);
                    m_pos = end + 1;
                    return;
                }
            }
        }
        warn(start, DecodeProblem::missing_argument, "\\ensuremath");
    }

    std::size_t matching_brace(std::size_t open) const {
        int depth = 0;
        for (std::size_t i = open; i < m_in.size(); ++i) {
            char c = m_in[i];
            if (c == '\\') {
                ++i;
                continue;
            }
            if (c == '{') ++depth;
            if (c == '}' && --depth == 0) return i;
        }
        return std::string_view::npos;
    }

    void dollar_math() {
        std::size_t start = m_pos;
        bool display = next_is('$');
        std::size_t begin = m_pos + (display ? 2 : 1);
        std::size_t end = find_unescaped(begin, display ? "$$" : "$");
        if (end == std::string_view::npos) {
            warn(start, DecodeProblem::unclosed_math, display ? "$$" : "$");
            m_pos = begin;
            return text(display ? "$$" : "$");
        }
        math(begin, end, display ? MathStyle::display : MathStyle::inline_math);
        m_pos = end + (display ? 2 : 1);
    }

    void delimited_math(std::size_t start, std::string_view closing, MathStyle style) {
        std::size_t end = find_unescaped(m_pos, closing);
        if (end == std::string_view::npos) {
            warn(start, DecodeProblem::unclosed_math, std::string(m_in.substr(start, 2)));
            return;
        }
        math(m_pos, end, style);
        m_pos = end + closing.size();
    }

    // The first `delimiter` at or after `from` that is not part of a control symbol.
    std::size_t find_unescaped(std::size_t from, std::string_view delimiter) const {
        for (std::size_t i = from; i < m_in.size(); ++i) {
            if (m_in.substr(i).starts_with(delimiter)) return i;
            if (m_in[i] == '\\') ++i;
        }
        return std::string_view::npos;
    }

    void math(std::size_t begin, std::size_t end, MathStyle style) {
        while (begin < end && is_space(m_in[begin])) ++begin;
        while (end > begin && is_space(m_in[end - 1])) --end;
        std::string_view tex = m_in.substr(begin, end - begin);
        if (tex.empty()) return;
        std::vector<RemovedMathCommand> removed;
        std::string safe = math_sanitize(tex, &removed);
        // Rendered from what is kept, so that decoding the LaTeX writer's output agrees.
        std::optional<std::string> rendering = math_to_unicode(safe);
        for (RemovedMathCommand& r : removed)
            warn(begin + r.offset, DecodeProblem::unsafe_math_command, std::move(r.command));
        m_builder->add_math(safe, rendering ? *rendering : std::string_view(),
                            rendering.has_value(), style);
    }

    std::string_view m_in;
    std::size_t m_pos = 0;
    RichTextBuilder* m_builder;
    std::vector<DecodeWarning>& m_warnings;
    std::size_t* m_declarations = nullptr;
    int m_depth = 0;
    int m_bare_depth = 0;
    int m_monospace = 0;
    int m_quotes = 0; // \enquote nesting
    std::size_t m_flat = 0;
};

} // namespace

std::string_view code(DecodeProblem problem) {
    switch (problem) {
    case DecodeProblem::unknown_command:
        return "unknown-command";
    case DecodeProblem::unbalanced_close_brace:
        return "unbalanced-braces";
    case DecodeProblem::unclosed_brace:
        return "unbalanced-braces";
    case DecodeProblem::unclosed_math:
        return "unclosed-math";
    case DecodeProblem::unsafe_math_command:
        return "unsafe-math-command";
    case DecodeProblem::missing_argument:
        return "missing-argument";
    }
    return "unknown";
}

std::string describe(const DecodeWarning& warning) {
    switch (warning.problem) {
    case DecodeProblem::unknown_command:
        return "unknown command " + warning.command + ", kept its argument's text";
    case DecodeProblem::unbalanced_close_brace:
        return "'}' without a matching '{', ignored";
    case DecodeProblem::unclosed_brace:
        return "'{' is never closed";
    case DecodeProblem::unclosed_math:
        return "math opened with '" + warning.command + "' is never closed";
    case DecodeProblem::unsafe_math_command:
        return "command " + warning.command + " is not allowed in math, kept as text";
    case DecodeProblem::missing_argument:
        return warning.command + " has no argument";
    }
    return "unknown problem";
}

bool needs_decoding(std::string_view latex) {
    if (latex.empty()) return false;
    if (latex.front() == ' ' || latex.back() == ' ') return true;
    for (std::size_t i = 0; i < latex.size(); ++i) {
        char c = latex[i];
        if (!k_special[static_cast<unsigned char>(c)]) continue;
        bool next_same = i + 1 < latex.size() && latex[i + 1] == c;
        if (c == '-' || c == ' ') {
            if (next_same) return true;
            continue;
        }
        if (c == '?' || c == '!') {
            if (i + 1 < latex.size() && latex[i + 1] == '`') return true;
            continue;
        }
        return true;
    }
    return false;
}

void decode_latex(std::string_view latex, RichText& out, std::vector<DecodeWarning>& warnings) {
    RichTextBuilder builder(std::move(out));
    if (!needs_decoding(latex)) {
        builder.append_text(latex);
    } else {
        Decoder(latex, builder, warnings).run();
    }
    out = builder.finish();
}

Decoded decode_latex(std::string_view latex) {
    Decoded decoded;
    decode_latex(latex, decoded.text, decoded.warnings);
    return decoded;
}

} // namespace bibkit::text
