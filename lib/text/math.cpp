#include "utf8.hpp"

#include <algorithm>
#include <array>
#include <bibkit/text/latex_symbols.hpp>
#include <bibkit/text/math.hpp>
#include <iterator>

namespace bibkit::text {
namespace {

// TeX's atom classes, which decide the spacing.
enum class Atom : std::uint8_t { none, ord, op, bin, rel, open, close, punct };

constexpr std::string_view k_operator_names[] = {
    "Pr",  "arccos", "arcsin", "arctan", "arg", "cos", "cosh", "cot", "coth", "csc",    "deg",
    "det", "dim",    "exp",    "gcd",    "hom", "inf", "ker",  "lg",  "lim",  "liminf", "limsup",
    "ln",  "log",    "max",    "min",    "sec", "sin", "sinh", "sup", "tan",  "tanh",
};

// Big operators and the like: symbols in the table whose class is op.
constexpr std::string_view k_op_symbols[] = {
    "bigcap",   "bigcup", "bigodot", "bigoplus", "bigotimes", "bigsqcup", "biguplus", "bigvee",
    "bigwedge", "coprod", "iiint",   "iint",     "int",       "oint",     "prod",     "sum",
};

constexpr std::string_view k_bin_symbols[] = {
    "amalg",         "ast",          "bigtriangledown",
    "bigtriangleup", "boxdot",       "boxminus",
    "boxplus",       "boxtimes",     "bullet",
    "cap",           "cdot",         "circ",
    "circledast",    "cup",          "dagger",
    "ddagger",       "diamond",      "div",
    "divideontimes", "dotplus",      "intercal",
    "land",          "lhd",          "lor",
    "ltimes",        "mp",           "odot",
    "ominus",        "oplus",        "oslash",
    "otimes",        "pm",           "rhd",
    "rtimes",        "setminus",     "smallsetminus",
    "sqcap",         "sqcup",        "star",
    "times",         "triangleleft", "triangleright",
    "unlhd",         "unrhd",        "uplus",
    "vee",           "wedge",        "wr",
};

constexpr std::string_view k_rel_symbols[] = {
    "Downarrow",
    "Leftarrow",
    "Leftrightarrow",
    "Longleftarrow",
    "Longleftrightarrow",
    "Longrightarrow",
    "Rightarrow",
    "Uparrow",
    "Updownarrow",
    "Vdash",
    "approx",
    "approxeq",
    "asymp",
    "bowtie",
    "circlearrowleft",
    "circlearrowright",
    "coloneqq",
    "cong",
    "curvearrowleft",
    "curvearrowright",
    "dashv",
    "doteq",
    "downarrow",
    "downdownarrows",
    "eqqcolon",
    "equiv",
    "frown",
    "ge",
    "geq",
    "geqq",
    "geqslant",
    "gets",
    "gg",
    "ggg",
    "gneq",
    "gtrless",
    "gtrsim",
    "hookleftarrow",
    "hookrightarrow",
    "iff",
    "impliedby",
    "implies",
    "in",
    "le",
    "leadsto",
    "leftarrow",
    "leftharpoondown",
    "leftharpoonup",
    "leftleftarrows",
    "leftrightarrow",
    "leftrightarrows",
    "leftrightharpoons",
    "leq",
    "leqq",
    "leqslant",
    "lessgtr",
    "lesssim",
    "ll",
    "lll",
    "lneq",
    "longleftarrow",
    "longleftrightarrow",
    "longmapsto",
    "longrightarrow",
    "mapsto",
    "mid",
    "models",
    "nLeftarrow",
    "nLeftrightarrow",
    "nRightarrow",
    "ncong",
    "ne",
    "nearrow",
    "neq",
    "ngeq",
    "ngtr",
    "ni",
    "nleftarrow",
    "nleftrightarrow",
    "nleq",
    "nless",
    "nmid",
    "notin",
    "nparallel",
    "nrightarrow",
    "nsim",
    "nsubseteq",
    "nsupseteq",
    "nvdash",
    "nwarrow",
    "parallel",
    "perp",
    "prec",
    "preceq",
    "propto",
    "rightarrow",
    "rightharpoondown",
    "rightharpoonup",
    "rightleftarrows",
    "rightleftharpoons",
    "rightrightarrows",
    "rightsquigarrow",
    "searrow",
    "sim",
    "simeq",
    "smile",
    "sqsubset",
    "sqsubseteq",
    "sqsupset",
    "sqsupseteq",
    "subset",
    "subseteq",
    "subsetneq",
    "succ",
    "succeq",
    "supset",
    "supseteq",
    "supsetneq",
    "swarrow",
    "to",
    "triangleq",
    "twoheadleftarrow",
    "twoheadrightarrow",
    "uparrow",
    "updownarrow",
    "upuparrows",
    "vDash",
    "vdash",
};

constexpr std::string_view k_open_symbols[] = {"lVert",  "langle",    "lbrace", "lbrack",  "lceil",
                                               "lfloor", "llbracket", "lvert",  "ulcorner"};
constexpr std::string_view k_close_symbols[] = {"rVert",  "rangle",    "rbrace", "rbrack",  "rceil",
                                                "rfloor", "rrbracket", "rvert",  "urcorner"};

// Harmless commands that are not symbols, accents or operator names.
constexpr std::string_view k_structural[] = {
    "Big",          "Bigg",       "Biggl",        "Biggr",      "Bigl",        "Bigr",
    "big",          "bigg",       "biggl",        "biggr",      "bigl",        "bigr",
    "binom",        "bm",         "bmod",         "boldsymbol", "cfrac",       "choose",
    "dbinom",       "dfrac",      "displaystyle", "emph",       "ensuremath",  "frac",
    "left",         "limits",     "mathbb",       "mathbf",     "mathbin",     "mathcal",
    "mathclose",    "mathfrak",   "mathit",       "mathnormal", "mathop",      "mathopen",
    "mathord",      "mathpunct",  "mathrel",      "mathrm",     "mathscr",     "mathsf",
    "mathtt",       "mbox",       "middle",       "mod",        "nolimits",    "not",
    "operatorname", "overbrace",  "overset",      "pmod",       "right",       "scriptscriptstyle",
    "scriptstyle",  "sqrt",       "stackrel",     "tbinom",     "text",        "textbf",
    "textit",       "textnormal", "textrm",       "textsf",     "textstyle",   "texttt",
    "tfrac",        "underbrace", "underset",     "xleftarrow", "xrightarrow",
};

constexpr bool sorted(const std::string_view* begin, const std::string_view* end) {
    return std::is_sorted(begin, end);
}
static_assert(sorted(std::begin(k_operator_names), std::end(k_operator_names)));
static_assert(sorted(std::begin(k_op_symbols), std::end(k_op_symbols)));
static_assert(sorted(std::begin(k_bin_symbols), std::end(k_bin_symbols)));
static_assert(sorted(std::begin(k_rel_symbols), std::end(k_rel_symbols)));
static_assert(sorted(std::begin(k_open_symbols), std::end(k_open_symbols)));
static_assert(sorted(std::begin(k_close_symbols), std::end(k_close_symbols)));
static_assert(sorted(std::begin(k_structural), std::end(k_structural)));

template <std::size_t N> bool contains(const std::string_view (&list)[N], std::string_view name) {
    return std::binary_search(std::begin(list), std::end(list), name);
}

Atom symbol_class(std::string_view name) {
    if (contains(k_rel_symbols, name)) return Atom::rel;
    if (contains(k_bin_symbols, name)) return Atom::bin;
    if (contains(k_op_symbols, name)) return Atom::op;
    if (contains(k_open_symbols, name)) return Atom::open;
    if (contains(k_close_symbols, name)) return Atom::close;
    return Atom::ord;
}

// Unicode's superscript and subscript forms (the letters are modifier letters).
char32_t superscript_of(char32_t c) {
    static constexpr std::pair<char32_t, char32_t> k_map[] = {
        {'(', 0x207D},   {')', 0x207E},   {'*', '*'},       {'+', 0x207A},    {'-', 0x207B},
        {'0', 0x2070},   {'1', 0xB9},     {'2', 0xB2},      {'3', 0xB3},      {'4', 0x2074},
        {'5', 0x2075},   {'6', 0x2076},   {'7', 0x2077},    {'8', 0x2078},    {'9', 0x2079},
        {'=', 0x207C},   {'A', 0x1D2C},   {'B', 0x1D2E},    {'D', 0x1D30},    {'E', 0x1D31},
        {'G', 0x1D33},   {'H', 0x1D34},   {'I', 0x1D35},    {'J', 0x1D36},    {'K', 0x1D37},
        {'L', 0x1D38},   {'M', 0x1D39},   {'N', 0x1D3A},    {'O', 0x1D3C},    {'P', 0x1D3E},
        {'R', 0x1D3F},   {'T', 0x1D40},   {'U', 0x1D41},    {'V', 0x2C7D},    {'W', 0x1D42},
        {'a', 0x1D43},   {'b', 0x1D47},   {'c', 0x1D9C},    {'d', 0x1D48},    {'e', 0x1D49},
        {'f', 0x1DA0},   {'g', 0x1D4D},   {'h', 0x2B0},     {'i', 0x2071},    {'j', 0x2B2},
        {'k', 0x1D4F},   {'l', 0x2E1},    {'m', 0x1D50},    {'n', 0x207F},    {'o', 0x1D52},
        {'p', 0x1D56},   {'r', 0x2B3},    {'s', 0x2E2},     {'t', 0x1D57},    {'u', 0x1D58},
        {'v', 0x1D5B},   {'w', 0x2B7},    {'x', 0x2E3},     {'y', 0x2B8},     {'z', 0x1DBB},
        {0x3B2, 0x1D5D}, {0x3B3, 0x1D5E}, {0x3B4, 0x1D5F},  {0x3B8, 0x1DBF},  {0x3C6, 0x1D60},
        {0x3C7, 0x1D61}, {0x3D5, 0x1D60}, {0x2032, 0x2032}, {0x2033, 0x2033}, {0x2212, 0x207B},
        {0x2217, '*'},   {0x2218, 0xB0},  {0x22A4, 0x1D40},
    };
    auto it = std::lower_bound(std::begin(k_map), std::end(k_map), c,
                               [](const auto& entry, char32_t key) { return entry.first < key; });
    return it != std::end(k_map) && it->first == c ? it->second : 0;
}

char32_t subscript_of(char32_t c) {
    static constexpr std::pair<char32_t, char32_t> k_map[] = {
        {'(', 0x208D},   {')', 0x208E},   {'+', 0x208A},   {'-', 0x208B},    {'0', 0x2080},
        {'1', 0x2081},   {'2', 0x2082},   {'3', 0x2083},   {'4', 0x2084},    {'5', 0x2085},
        {'6', 0x2086},   {'7', 0x2087},   {'8', 0x2088},   {'9', 0x2089},    {'=', 0x208C},
        {'a', 0x2090},   {'e', 0x2091},   {'h', 0x2095},   {'i', 0x1D62},    {'j', 0x2C7C},
        {'k', 0x2096},   {'l', 0x2097},   {'m', 0x2098},   {'n', 0x2099},    {'o', 0x2092},
        {'p', 0x209A},   {'r', 0x1D63},   {'s', 0x209B},   {'t', 0x209C},    {'u', 0x1D64},
        {'v', 0x1D65},   {'x', 0x2093},   {0x3B2, 0x1D66}, {0x3B3, 0x1D67},  {0x3C1, 0x1D68},
        {0x3C6, 0x1D69}, {0x3C7, 0x1D6A}, {0x3D5, 0x1D69}, {0x2212, 0x208B},
    };
    auto it = std::lower_bound(std::begin(k_map), std::end(k_map), c,
                               [](const auto& entry, char32_t key) { return entry.first < key; });
    return it != std::end(k_map) && it->first == c ? it->second : 0;
}

// Mathematical alphanumerics: where each alphabet starts, and the letters Unicode had encoded
// earlier (ℝ, ℋ, ℭ …), which the ranges leave as holes.
struct Alphabet {
    char32_t upper = 0;
    char32_t lower = 0;
    char32_t digits = 0; // 0: digits stay as they are
    std::array<std::pair<char, char32_t>, 8> holes{};
};

constexpr Alphabet k_double_struck{0x1D538,
                                   0x1D552,
                                   0x1D7D8,
                                   {{{'C', 0x2102},
                                     {'H', 0x210D},
                                     {'N', 0x2115},
                                     {'P', 0x2119},
                                     {'Q', 0x211A},
                                     {'R', 0x211D},
                                     {'Z', 0x2124}}}};
constexpr Alphabet k_script{0x1D49C,
                            0x1D4B6,
                            0,
                            {{{'B', 0x212C},
                              {'E', 0x2130},
                              {'F', 0x2131},
                              {'H', 0x210B},
                              {'I', 0x2110},
                              {'L', 0x2112},
                              {'M', 0x2133},
                              {'R', 0x211B}}}};
constexpr Alphabet k_script_lower_holes{0, 0, 0, {{{'e', 0x212F}, {'g', 0x210A}, {'o', 0x2134}}}};
constexpr Alphabet k_fraktur{
    0x1D504,
    0x1D51E,
    0,
    {{{'C', 0x212D}, {'H', 0x210C}, {'I', 0x2111}, {'R', 0x211C}, {'Z', 0x2128}}}};
constexpr Alphabet k_bold{0x1D400, 0x1D41A, 0x1D7CE, {}};
constexpr Alphabet k_sans{0x1D5A0, 0x1D5BA, 0x1D7E2, {}};
constexpr Alphabet k_mono{0x1D670, 0x1D68A, 0x1D7F6, {}};

char32_t in_alphabet(const Alphabet& alphabet, char32_t c) {
    for (const auto& [letter, cp] : alphabet.holes)
        if (cp != 0 && static_cast<char32_t>(letter) == c) return cp;
    if (&alphabet == &k_script)
        for (const auto& [letter, cp] : k_script_lower_holes.holes)
            if (cp != 0 && static_cast<char32_t>(letter) == c) return cp;
    if (c >= 'A' && c <= 'Z') return alphabet.upper + (c - 'A');
    if (c >= 'a' && c <= 'z') return alphabet.lower + (c - 'a');
    if (c >= '0' && c <= '9') return alphabet.digits != 0 ? alphabet.digits + (c - '0') : c;
    return 0;
}

const Alphabet* alphabet_for(std::string_view command) {
    if (command == "mathbb") return &k_double_struck;
    if (command == "mathcal" || command == "mathscr") return &k_script;
    if (command == "mathfrak") return &k_fraktur;
    if (command == "mathbf" || command == "boldsymbol" || command == "bm") return &k_bold;
    if (command == "mathsf") return &k_sans;
    if (command == "mathtt") return &k_mono;
    return nullptr;
}

bool is_simple(std::string_view rendered) {
    // One token: no spaces or operators that would make "a/b" ambiguous.
    return !rendered.empty() && rendered.find_first_of(" +/") == std::string_view::npos &&
           rendered.find("\u2212") == std::string_view::npos;
}

constexpr int k_max_depth = 32;

class MathRenderer {
  public:
    MathRenderer(std::string_view tex, bool script, int depth)
        : m_tex(tex), m_script(script), m_depth(depth) {}

    std::optional<std::string> run() {
        if (m_depth > k_max_depth) return std::nullopt;
        while (m_ok && m_pos < m_tex.size()) step();
        if (!m_ok) return std::nullopt;
        while (!m_out.empty() && m_out.back() == ' ') m_out.pop_back();
        return std::move(m_out);
    }

  private:
    void step() {
        char c = m_tex[m_pos];
        switch (c) {
        case ' ':
        case '\t':
        case '\n':
        case '\r':
            ++m_pos;
            return;
        case '{': {
            std::string_view inner = group();
            if (auto r = sub(inner, m_script)) emit(*r, Atom::ord);
            return;
        }
        case '}':
            ++m_pos;
            return;
        case '^':
        case '_': {
            ++m_pos;
            auto arg = argument();
            if (!arg) return fail();
            attach_script(*arg, c == '^');
            return;
        }
        case '\'':
            ++m_pos;
            m_out += "\u2032";
            m_last = Atom::ord;
            return;
        case '~':
            ++m_pos;
            space();
            return;
        case '\\':
            command();
            return;
        case '&':
        case '#':
        case '%':
        case '$':
            return fail();
        default:
            break;
        }
        if (static_cast<unsigned char>(c) >= 0x80) {
            auto decoded = utf8::decode(m_tex, m_pos);
            emit(m_tex.substr(m_pos, decoded.size), Atom::ord);
            m_pos += decoded.size;
            return;
        }
        ++m_pos;
        switch (c) {
        case '+':
            emit("+", Atom::bin);
            return;
        case '-':
            emit("\u2212", Atom::bin);
            return;
        case '*':
            emit("\u2217", Atom::bin);
            return;
        case '=':
        case '<':
        case '>':
        case ':':
            emit(std::string_view(&c, 1), Atom::rel);
            return;
        case '(':
        case '[':
            emit(std::string_view(&c, 1), Atom::open);
            return;
        case ')':
        case ']':
        case '!':
            emit(std::string_view(&c, 1), Atom::close);
            return;
        case ',':
        case ';':
            emit(std::string_view(&c, 1), Atom::punct);
            return;
        default:
            emit(std::string_view(&c, 1), Atom::ord);
            return;
        }
    }

    void fail() {
        m_ok = false;
        m_pos = m_tex.size();
    }

    void space() {
        if (!m_out.empty() && m_out.back() != ' ') m_out += ' ';
        m_pending = Pending::no;
    }

    enum class Pending : std::uint8_t { no, always, if_ord };

    void emit(std::string_view text, Atom cls) {
        if (cls == Atom::bin &&
            (m_last == Atom::none || m_last == Atom::open || m_last == Atom::rel ||
             m_last == Atom::bin || m_last == Atom::punct || m_last == Atom::op))
            cls = Atom::ord; // a sign, not an operation
        bool spaced = false;
        switch (cls) {
        case Atom::rel:
        case Atom::bin:
            spaced = m_last != Atom::none;
            break;
        case Atom::ord:
            spaced = m_pending != Pending::no;
            break;
        case Atom::op:
            spaced = m_pending == Pending::always || m_last == Atom::ord || m_last == Atom::close;
            break;
        case Atom::open:
            spaced = m_pending == Pending::always;
            break;
        default:
            break;
        }
        if (spaced && !m_script && !m_out.empty() && m_out.back() != ' ') m_out += ' ';
        m_out += text;
        m_last = cls;
        m_pending = (cls == Atom::rel || cls == Atom::bin || (cls == Atom::punct && !m_script))
                        ? Pending::always
                    : cls == Atom::op ? Pending::if_ord
                                      : Pending::no;
    }

    // The text of a {group} starting at m_pos, which is left after its closing brace.
    std::string_view group() {
        std::size_t begin = ++m_pos;
        int depth = 1;
        while (m_pos < m_tex.size()) {
            char c = m_tex[m_pos];
            if (c == '\\') {
                m_pos += 2;
                continue;
            }
            if (c == '{') ++depth;
            if (c == '}' && --depth == 0) break;
            ++m_pos;
        }
        std::size_t end = std::min(m_pos, m_tex.size());
        m_pos = std::min(m_pos + 1, m_tex.size());
        return m_tex.substr(begin, end - begin);
    }

    // The source of one argument: a group's content, a command, or one character.
    std::optional<std::string_view> argument_source() {
        while (m_pos < m_tex.size() && utf8_space(m_tex[m_pos])) ++m_pos;
        if (m_pos >= m_tex.size()) return std::nullopt;
        char c = m_tex[m_pos];
        if (c == '{') return group();
        if (c == '}' || c == '^' || c == '_') return std::nullopt;
        std::size_t begin = m_pos;
        if (c == '\\') {
            m_pos = command_end(m_pos);
        } else {
            m_pos += utf8::decode(m_tex, m_pos).size;
        }
        return m_tex.substr(begin, m_pos - begin);
    }

    std::optional<std::string> argument(bool script = true) {
        auto source = argument_source();
        if (!source) return std::nullopt;
        return sub(*source, script);
    }

    std::optional<std::string> sub(std::string_view tex, bool script) {
        MathRenderer inner(tex, script, m_depth + 1);
        auto result = inner.run();
        if (!result) fail();
        return result;
    }

    static bool utf8_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

    std::size_t command_end(std::size_t pos) const {
        std::size_t end = pos + 1;
        while (end < m_tex.size() && utf8::is_letter(m_tex[end])) ++end;
        if (end == pos + 1 && end < m_tex.size()) end += utf8::decode(m_tex, end).size;
        return end;
    }

    void attach_script(std::string_view rendered, bool super) {
        for (std::size_t i = 0; i < rendered.size();) {
            auto d = utf8::decode(rendered, i);
            char32_t mapped = super ? superscript_of(d.code_point) : subscript_of(d.code_point);
            if (mapped == 0) return fail();
            utf8::append(m_out, mapped);
            i += d.size;
        }
        if (m_last == Atom::none) m_last = Atom::ord;
    }

    void command() {
        std::size_t begin = m_pos;
        m_pos = command_end(m_pos);
        std::string_view name = m_tex.substr(begin + 1, m_pos - begin - 1);
        if (name.empty()) return fail();
        if (!utf8::is_letter(name[0])) return control_symbol(name);
        while (m_pos < m_tex.size() && utf8_space(m_tex[m_pos])) ++m_pos;

        if (contains(k_operator_names, name)) return emit(name, Atom::op);
        if (const Alphabet* alphabet = alphabet_for(name)) return font(*alphabet);
        if (name == "mathrm" || name == "mathit" || name == "mathnormal" || name == "ensuremath" ||
            name == "mathord") {
            if (auto arg = argument(m_script))
                emit(*arg, Atom::ord);
            else
                fail();
            return;
        }
        if (name == "text" || name == "textrm" || name == "textnormal" || name == "mbox" ||
            name == "textit" || name == "emph") {
            return text_argument();
        }
        if (name == "operatorname" || name == "mathop") {
            if (auto arg = argument(true))
                emit(*arg, Atom::op);
            else
                fail();
            return;
        }
        if (name == "mathrel" || name == "mathbin" || name == "mathopen" || name == "mathclose" ||
            name == "mathpunct") {
            Atom cls = name == "mathrel"     ? Atom::rel
                       : name == "mathbin"   ? Atom::bin
                       : name == "mathopen"  ? Atom::open
                       : name == "mathclose" ? Atom::close
                                             : Atom::punct;
            if (auto arg = argument(true))
                emit(*arg, cls);
            else
                fail();
            return;
        }
        if (name == "frac" || name == "dfrac" || name == "tfrac" || name == "cfrac")
            return fraction();
        if (name == "sqrt") return root();
        if (name == "left" || name == "right" || name == "middle" || name == "big" ||
            name == "Big" || name == "bigg" || name == "Bigg" || name == "bigl" || name == "bigr" ||
            name == "Bigl" || name == "Bigr" || name == "biggl" || name == "biggr" ||
            name == "Biggl" || name == "Biggr") {
            return delimiter(name == "left" || name == "bigl" || name == "Bigl" ||
                                     name == "biggl" || name == "Biggl"
                                 ? Atom::open
                             : name == "middle" ? Atom::ord
                                                : Atom::close);
        }
        if (name == "limits" || name == "nolimits" || name == "displaystyle" ||
            name == "textstyle" || name == "scriptstyle" || name == "scriptscriptstyle" ||
            name == "rm" || name == "it")
            return;
        if (name == "mod" || name == "bmod") return emit("mod", Atom::bin);
        if (name == "pmod") {
            auto arg = argument(false);
            if (!arg) return fail();
            space();
            m_out += "(mod " + *arg + ")";
            m_last = Atom::close;
            return;
        }
        if (name == "not") return negation();
        if (const Accent* accent = find_math_accent(name)) return math_accent(*accent);
        if (const Symbol* symbol = find_symbol(name)) return emit(symbol->utf8, symbol_class(name));
        fail();
    }

    void control_symbol(std::string_view name) {
        switch (name[0]) {
        case ',':
        case ':':
        case ';':
        case ' ':
        case '>':
            space();
            return;
        case '!':
        case '/':
            return;
        case '{':
            emit("{", Atom::open);
            return;
        case '}':
            emit("}", Atom::close);
            return;
        case '|':
            emit("\u2016", Atom::ord);
            return;
        case '%':
        case '#':
        case '&':
        case '_':
        case '$':
            emit(name, Atom::ord);
            return;
        case '\\':
            space();
            return;
        default:
            fail();
        }
    }

    void font(const Alphabet& alphabet) {
        auto arg = argument(m_script);
        if (!arg) return fail();
        std::string mapped;
        for (std::size_t i = 0; i < arg->size();) {
            auto d = utf8::decode(*arg, i);
            char32_t c = d.code_point;
            bool alnum =
                c < 0x80 && (utf8::is_letter(static_cast<char>(c)) || (c >= '0' && c <= '9'));
            if (alnum) {
                utf8::append(mapped, in_alphabet(alphabet, c));
            } else if (c >= 0x80) {
                return fail(); // Greek and the like: no faithful bold/script form here
            } else {
                mapped.append(*arg, i, d.size);
            }
            i += d.size;
        }
        emit(mapped, Atom::ord);
    }

    void text_argument() {
        auto source = argument_source();
        if (!source) return fail();
        std::string text;
        for (std::size_t i = 0; i < source->size();) {
            char c = (*source)[i];
            if (c == '{' || c == '}') {
                ++i;
            } else if (c == '\\') {
                std::size_t end = i + 1;
                while (end < source->size() && utf8::is_letter((*source)[end])) ++end;
                if (end == i + 1) {
                    if (end >= source->size()) return fail();
                    char symbol = (*source)[end];
                    if (std::string_view("%#&_${} ").find(symbol) == std::string_view::npos)
                        return fail();
                    text += symbol;
                    i = end + 1;
                    continue;
                }
                const Symbol* symbol = find_symbol(source->substr(i + 1, end - i - 1));
                if (symbol == nullptr) return fail();
                text += symbol->utf8;
                i = end;
                while (i < source->size() && (*source)[i] == ' ') ++i;
            } else if (utf8_space(c)) {
                if (text.empty() || text.back() != ' ') text += ' ';
                ++i;
            } else {
                text += c;
                ++i;
            }
        }
        emit(text, Atom::ord);
    }

    void fraction() {
        auto numerator = argument(false);
        auto denominator = numerator ? argument(false) : std::nullopt;
        if (!numerator || !denominator) return fail();
        std::string out = is_simple(*numerator) ? *numerator : "(" + *numerator + ")";
        out += '/';
        out += is_simple(*denominator) ? *denominator : "(" + *denominator + ")";
        emit(out, Atom::ord);
    }

    void root() {
        std::string_view sign = "\u221A";
        if (m_pos < m_tex.size() && m_tex[m_pos] == '[') {
            std::size_t close = m_tex.find(']', m_pos);
            if (close == std::string_view::npos) return fail();
            std::string_view index = m_tex.substr(m_pos + 1, close - m_pos - 1);
            if (index == "3")
                sign = "\u221B";
            else if (index == "4")
                sign = "\u221C";
            else
                return fail();
            m_pos = close + 1;
        }
        auto arg = argument(false);
        if (!arg) return fail();
        std::string out(sign);
        out += is_simple(*arg) ? *arg : "(" + *arg + ")";
        emit(out, Atom::ord);
    }

    void delimiter(Atom cls) {
        auto arg = argument_source();
        if (!arg) return fail();
        if (*arg == ".") return;
        auto rendered = sub(*arg, true);
        if (rendered) emit(*rendered, cls);
    }

    void negation() {
        auto arg = argument(true);
        if (!arg) return fail();
        static constexpr std::pair<std::string_view, std::string_view> k_negated[] = {
            {"<", "\u226E"},      {"=", "\u2260"},      {">", "\u226F"},      {"\u2208", "\u2209"},
            {"\u2261", "\u2262"}, {"\u2264", "\u2270"}, {"\u2265", "\u2271"}, {"\u223C", "\u2241"},
            {"\u2282", "\u2284"}, {"\u2283", "\u2285"}, {"\u2286", "\u2288"}, {"\u2287", "\u2289"},
        };
        for (const auto& [plain, negated] : k_negated)
            if (*arg == plain) return emit(negated, Atom::rel);
        std::string out = *arg;
        out += "\u0338";
        emit(out, Atom::rel);
    }

    void math_accent(const Accent& accent) {
        auto arg = argument(m_script);
        if (!arg || arg->empty()) return fail();
        bool per_letter =
            accent.name == "overline" || accent.name == "underline" || accent.name == "underbar";
        std::string out;
        std::size_t count = 0;
        for (std::size_t i = 0; i < arg->size(); ++count) {
            auto d = utf8::decode(*arg, i);
            out.append(*arg, i, d.size);
            if (per_letter) utf8::append(out, accent.combining);
            i += d.size;
        }
        if (!per_letter) {
            if (count != 1) return fail(); // a hat over two letters has no Unicode form
            utf8::append(out, accent.combining);
        }
        emit(out, Atom::ord);
    }

    std::string_view m_tex;
    std::size_t m_pos = 0;
    bool m_script = false;
    int m_depth = 0;
    bool m_ok = true;
    std::string m_out;
    Atom m_last = Atom::none;
    Pending m_pending = Pending::no;
};

} // namespace

std::optional<std::string> math_to_unicode(std::string_view tex) {
    return MathRenderer(tex, false, 0).run();
}

bool is_allowed_math_command(std::string_view name) {
    return find_symbol(name) != nullptr || find_math_accent(name) != nullptr ||
           find_text_accent(name) != nullptr || contains(k_operator_names, name) ||
           contains(k_structural, name);
}

std::string math_sanitize(std::string_view tex, std::vector<RemovedMathCommand>* removed) {
    std::string out;
    out.reserve(tex.size() + 8);
    int depth = 0;
    for (std::size_t i = 0; i < tex.size();) {
        char c = tex[i];
        if (c == '\\') {
            std::size_t end = i + 1;
            while (end < tex.size() && utf8::is_letter(tex[end])) ++end;
            if (end == i + 1) {
                // A control symbol: only the harmless ones.
                if (end < tex.size() && std::string_view(",:;! {}|%#&_$\\>/").find(tex[end]) !=
                                            std::string_view::npos) {
                    out.append(tex, i, 2);
                    i += 2;
                } else {
                    if (removed != nullptr && end < tex.size())
                        removed->push_back(
                            {static_cast<std::uint32_t>(i),
                             std::string(tex.substr(i, 1 + utf8::decode(tex, end).size))});
                    i = end; // the character itself stays, as text
                }
                continue;
            }
            std::string_view name = tex.substr(i + 1, end - i - 1);
            if (is_allowed_math_command(name)) {
                out.append(tex, i, end - i);
            } else {
                if (removed != nullptr)
                    removed->push_back({static_cast<std::uint32_t>(i), "\\" + std::string(name)});
                out += "\\mathrm{";
                out += name;
                out += '}';
            }
            i = end;
            continue;
        }
        if (c == '^' && i + 1 < tex.size() && tex[i + 1] == '^') {
            out += "^{}"; // TeX reads ^^5c as a backslash
            ++i;
            continue;
        }
        if (c == '%' || c == '#' || c == '&' || c == '$') {
            out += '\\';
            out += c;
        } else if (c == '{') {
            ++depth;
            out += c;
        } else if (c == '}') {
            if (depth > 0) {
                --depth;
                out += c;
            }
        } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
            out += ' ';
        } else {
            out += c;
        }
        ++i;
    }
    out.append(static_cast<std::size_t>(depth), '}');
    return out;
}

} // namespace bibkit::text
