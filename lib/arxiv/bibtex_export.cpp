// BibTeX for arXiv papers: values made safe to put between braces, authors as BibTeX names, keys
// in the familyYEARword form of arXiv's and Google Scholar's exports.

#include <algorithm>
#include <array>
#include <bibkit/arxiv/bibtex_export.hpp>
#include <bibkit/bibtex/writer.hpp>
#include <bibkit/core/ascii.hpp>
#include <bibkit/core/percent_encoding.hpp>
#include <bibkit/names/bibtex_name.hpp>
#include <bibkit/names/name.hpp>
#include <bibkit/text/decode.hpp>
#include <bibkit/text/math.hpp>
#include <bibkit/text/plain_text.hpp>
#include <memory>
#include <optional>
#include <span>
#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unordered_map>

namespace bibkit::arxiv {

namespace {

// ---- Values -------------------------------------------------------------------------------------

bool is_letter(char c) {
    char lower = ascii::to_lower(c);
    return lower >= 'a' && lower <= 'z';
}

bool is_control(char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
}

// Control characters count as white space; runs collapse to one space, the ends are trimmed,
// as BibTeX reads a value. Doing it first means nothing later can leave a trailing backslash.
std::string collapse_whitespace(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (char c : text) {
        if (ascii::is_space(c) || is_control(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

// Whether the text decoder knows `\name` (formatting, accents, symbols, links): such commands
// are harmless when the bibliography is typeset. Anything else — `\input`, `\write`, `\def`,
// `\catcode`, `\csname`, a paper's private macros — could run code or stop LaTeX, so it is
// written as its name (`\textbackslash{}input`) instead.
bool is_known_text_command(const std::string& name) {
    thread_local std::unordered_map<std::string, bool> known;
    auto found = known.find(name);
    if (found != known.end()) return found->second;
    text::Decoded decoded = text::decode_latex("\\" + name + "{}");
    bool ok = std::none_of(decoded.warnings.begin(), decoded.warnings.end(),
                           [](const text::DecodeWarning& warning) {
                               return warning.problem == text::DecodeProblem::unknown_command;
                           });
    known.emplace(name, ok);
    return ok;
}

// A value cut into text and braces, so that braces can be matched across the whole value the way
// BibTeX counts them: every `{` and `}`, escaped or not, in math or not.
struct Piece {
    enum class Kind : std::uint8_t { text, open, close };
    Kind kind = Kind::text;
    bool escaped = false; // `\{` or `\}`: a literal brace to LaTeX, still a brace to BibTeX
    bool math = false;    // a stray brace in math must be written in a math-mode spelling
    std::string text;
};

class Pieces {
  public:
    void text(std::string_view text) {
        if (m_pieces.empty() || m_pieces.back().kind != Piece::Kind::text)
            m_pieces.push_back(Piece{});
        m_pieces.back().text += text;
    }
    void brace(char c, bool escaped, bool math = false) {
        Piece piece{c == '{' ? Piece::Kind::open : Piece::Kind::close, escaped, math, {}};
        piece.text = escaped ? std::string{'\\', c} : std::string{c};
        m_pieces.push_back(std::move(piece));
    }
    // Sanitized TeX with its delimiters: only its braces need a look. math_sanitize balances
    // `{…}`, but `\left\{ … \right.` is fine TeX and one brace too many for BibTeX.
    void math(std::string_view tex) {
        for (std::size_t i = 0; i < tex.size(); ++i) {
            bool escaped = tex[i] == '\\' && i + 1 < tex.size();
            char c = escaped ? tex[i + 1] : tex[i];
            if (c == '{' || c == '}')
                brace(c, escaped, true);
            else
                text(tex.substr(i, escaped ? 2 : 1));
            if (escaped) ++i;
        }
    }
    std::vector<Piece>& pieces() { return m_pieces; }

  private:
    std::vector<Piece> m_pieces;
};

// `\name`, `\<symbol>`, or a backslash that cannot start a safe command; returns the bytes used.
std::size_t scan_backslash(std::string_view text, std::size_t at, Pieces& out) {
    std::size_t next = at + 1;
    if (next < text.size() && is_letter(text[next])) {
        std::size_t end = next;
        while (end < text.size() && is_letter(text[end])) ++end;
        std::string name(text.substr(next, end - next));
        out.text(is_known_text_command(name) ? "\\" + name : "\\textbackslash{}" + name);
        return end - at;
    }
    if (next < text.size() && (text[next] == '{' || text[next] == '}')) {
        out.brace(text[next], true);
        return 2;
    }
    // Math delimiters that reach here have no partner: written as text, they cannot open math.
    if (next < text.size() && std::string_view("()[]").find(text[next]) != std::string_view::npos) {
        out.text("\\textbackslash{}");
        return 1;
    }
    // A control symbol on a printable ASCII character (`\%`, `\&`, `\"`, `\\`, `\ `) is safe; one
    // on a UTF-8 lead byte would split the character, and a lone final backslash would escape
    // the closing brace of the field.
    if (next < text.size() && text[next] >= ' ' && text[next] < 0x7f) {
        out.text(text.substr(at, 2));
        return 2;
    }
    out.text("\\textbackslash{}");
    return 1;
}

// Text outside math: commands checked, specials that would end or break the value escaped.
void scan_text(std::string_view text, Pieces& out) {
    for (std::size_t i = 0; i < text.size();) {
        char c = text[i];
        if (c == '\\') {
            i += scan_backslash(text, i, out);
            continue;
        }
        if (c == '{' || c == '}') out.brace(c, false);
        // arXiv abstracts say "90%" and "Gould & Morgan": in LaTeX these start a comment or an
        // alignment, and `#` a macro parameter.
        else if (c == '%' || c == '&' || c == '#' || c == '_' || c == '$')
            out.text(std::string{'\\', c});
        // A bare `^` is an error in text, and `^^5c` is TeX's spelling of a backslash.
        else if (c == '^')
            out.text("\\textasciicircum{}");
        else
            out.text(std::string_view(&c, 1));
        ++i;
    }
}

// Where the math that starts before `from` ends (the offset of `close`), skipping escaped
// characters so that `\$` does not end `$…$`; npos when it is never closed.
std::size_t find_math_end(std::string_view text, std::size_t from, std::string_view close) {
    for (std::size_t i = from; i < text.size();) {
        if (text.substr(i).starts_with(close)) return i;
        i += text[i] == '\\' ? 2 : 1;
    }
    return std::string_view::npos;
}

// The math delimiter that starts at `at`, if any: `$`, `$$`, `\(`, `\[`, and its closing one.
std::optional<std::pair<std::string_view, std::string_view>> math_delimiters(std::string_view text,
                                                                             std::size_t at) {
    std::string_view rest = text.substr(at);
    if (rest.starts_with("$$")) return std::pair{"$$", "$$"};
    if (rest.starts_with("$")) return std::pair{"$", "$"};
    if (rest.starts_with("\\(")) return std::pair{"\\(", "\\)"};
    if (rest.starts_with("\\[")) return std::pair{"\\[", "\\]"};
    return std::nullopt;
}

// Math is handed to text::math_sanitize, the project's one judge of which math commands are
// harmless; an unclosed `$` is a literal dollar (scan_text escapes it).
Pieces split_value(std::string_view value) {
    Pieces out;
    std::size_t text_start = 0;
    for (std::size_t i = 0; i < value.size();) {
        auto delimiters = math_delimiters(value, i);
        std::size_t end = std::string_view::npos;
        if (delimiters)
            end = find_math_end(value, i + delimiters->first.size(), delimiters->second);
        if (end == std::string_view::npos) {
            i += value[i] == '\\' ? 2 : 1;
            continue;
        }
        scan_text(value.substr(text_start, i - text_start), out);
        std::size_t content = i + delimiters->first.size();
        std::string sanitized = text::math_sanitize(value.substr(content, end - content));
        // Empty math is dropped: `$$` would open display math instead.
        if (!sanitized.empty()) {
            out.math(delimiters->first);
            out.math(sanitized);
            out.math(delimiters->second);
        }
        i = end + delimiters->second.size();
        text_start = i;
    }
    scan_text(value.substr(std::min(text_start, value.size())), out);
    return out;
}

void make_literal(Piece& piece) {
    bool open = piece.kind == Piece::Kind::open;
    if (piece.math)
        piece.text = open ? "\\lbrace{}" : "\\rbrace{}";
    else
        piece.text = open ? "\\textbraceleft{}" : "\\textbraceright{}";
    piece.kind = Piece::Kind::text;
}

// A `}` closes the nearest open brace of its own kind (`{…}` a group, `\{…\}` literal braces);
// braces left open in between, closers with nothing to close and openers never closed are stray
// and become \textbraceleft{} / \textbraceright{}, so both BibTeX and LaTeX see balanced text.
void neutralize_stray_braces(std::vector<Piece>& pieces) {
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        Piece& piece = pieces[i];
        if (piece.kind == Piece::Kind::open) open.push_back(i);
        if (piece.kind != Piece::Kind::close) continue;
        auto match = std::find_if(open.rbegin(), open.rend(), [&](std::size_t j) {
            return pieces[j].escaped == piece.escaped;
        });
        if (match == open.rend()) {
            make_literal(piece);
            continue;
        }
        std::size_t keep = open.size() - 1 - static_cast<std::size_t>(match - open.rbegin());
        for (std::size_t j = keep + 1; j < open.size(); ++j) make_literal(pieces[open[j]]);
        open.resize(keep);
    }
    for (std::size_t j : open) make_literal(pieces[j]);
}

// ---- Authors ------------------------------------------------------------------------------------

// The words of a value outside braces, split at spaces.
std::vector<std::string_view> top_level_words(std::string_view value) {
    std::vector<std::string_view> words;
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= value.size(); ++i) {
        char c = i < value.size() ? value[i] : ' ';
        if (c == '{') ++depth;
        if (c == '}') --depth;
        if (c != ' ' || depth > 0) continue;
        if (i > start) words.push_back(value.substr(start, i - start));
        start = i + 1;
    }
    return words;
}

bool has_top_level_comma(std::string_view value) {
    int depth = 0;
    for (char c : value) {
        if (c == '{') ++depth;
        if (c == '}') --depth;
        if (c == ',' && depth == 0) return true;
    }
    return false;
}

bool is_one_of(std::string_view word, std::span<const std::string_view> list) {
    return std::any_of(list.begin(), list.end(),
                       [&](std::string_view entry) { return ascii::iequals(word, entry); });
}

// arXiv lists collaborations and institutions among the authors ("The ATLAS Collaboration",
// "LIGO Scientific Collaboration and Virgo Collaboration", "Procter & Gamble"). BibTeX would split
// them at "and" or take their last word for a family name, so they are one brace group.
bool is_organization(const std::vector<std::string_view>& words) {
    static constexpr std::array<std::string_view, 14> k_markers = {
        "collaboration", "collaborations", "consortium",  "team",       "group",
        "project",       "institute",      "university",  "laboratory", "committee",
        "organization",  "organisation",   "association", "society"};
    if (words.size() == 1 && ascii::iequals(words[0], "others")) return true;
    return std::any_of(words.begin(), words.end(), [](std::string_view word) {
        return ascii::iequals(word, "and") || word == "\\&" || is_one_of(word, k_markers);
    });
}

bool is_suffix(std::string_view word) {
    // Not "V": a final unpunctuated initial ("Anna V") is commoner than a fifth.
    static constexpr std::array<std::string_view, 7> k_suffixes = {"jr", "jr.", "sr", "sr.",
                                                                   "ii", "iii", "iv"};
    return is_one_of(word, k_suffixes);
}

std::string joined(std::span<const std::string_view> words) {
    std::string out;
    for (std::string_view word : words) {
        if (!out.empty()) out += ' ';
        out += word;
    }
    return out;
}

// A name as arXiv writes it, "Given von Family": the family name is the last word, the particles
// the lower-case words before it (never the first word: "danah boyd" has a given name).
struct ArxivName {
    std::string given;
    std::string particles;
    std::string family;

    explicit ArxivName(std::span<const std::string_view> words) {
        std::size_t last = words.size() - 1;
        std::size_t von = last;
        while (von > 1 && names::is_von_token(words[von - 1])) --von;
        given = joined(words.subspan(0, von));
        particles = joined(words.subspan(von, last - von));
        family = std::string(words[last]);
    }

    // "von Family, Given", or "von Family, Suffix, Given".
    std::string inverted(std::string_view suffix = {}) const {
        std::string out = particles.empty() ? family : particles + " " + family;
        if (!suffix.empty()) out += ", " + std::string(suffix);
        return given.empty() ? out : out + ", " + given;
    }

    // Whether BibTeX reads `value` as this name. It does not when a given name has a lower-case
    // part ("Ken-ichi Iwata": BibTeX splits at the hyphen and takes "ichi" for a von part) or
    // when the whole name is lower case.
    bool read_alike_by_bibtex(std::string_view value) const {
        names::BibtexName split = names::split_name(value);
        return split.joined(split.first) == given && split.joined(split.von) == particles &&
               split.joined(split.last) == family;
    }
};

// "John Smith Jr." or "John Smith, Jr." as BibTeX's "Smith, Jr., John": otherwise BibTeX takes
// "Jr." for the family name (or "John Smith" for it, when there is a comma).
std::optional<std::string> with_suffix_part(std::vector<std::string_view> words) {
    if (words.size() < 3 || !is_suffix(words.back())) return std::nullopt;
    std::string_view suffix = words.back();
    words.pop_back();
    if (words.back().ends_with(',')) words.back().remove_suffix(1);
    if (has_top_level_comma(joined(words))) return std::nullopt;
    return ArxivName(words).inverted(suffix);
}

// ---- Keys ---------------------------------------------------------------------------------------

// ICU's transliterator takes a noticeable fraction of a second to build: only names and titles
// that are not ASCII pay for it.
std::string transliterated(std::string_view utf8) {
    thread_local std::unique_ptr<icu::Transliterator> transliterator = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> made(
            icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
        if (U_FAILURE(status)) made.reset();
        return made;
    }();
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    if (transliterator) transliterator->transliterate(text);
    std::string folded;
    text.toUTF8String(folded);
    return folded;
}

// Lower-case ASCII letters and digits only: accents folded ("Wübben" → "wubben"), other scripts
// transliterated by ICU ("Any-Latin; Latin-ASCII"), everything else dropped. `'` goes before
// splitting into words, so "Don't" stays one word.
std::string ascii_fold(std::string_view utf8) {
    bool ascii = std::all_of(utf8.begin(), utf8.end(),
                             [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    std::string folded = ascii ? std::string(utf8) : transliterated(utf8);
    std::string out;
    for (char c : folded) {
        if (c == '\'') continue;
        bool keep = is_letter(c) || ascii::is_digit(c);
        out += keep ? ascii::to_lower(c) : ' ';
    }
    return out;
}

std::vector<std::string> words_of(std::string_view utf8) {
    std::vector<std::string> words;
    std::string folded = ascii_fold(utf8);
    for (std::string_view word : top_level_words(folded)) words.emplace_back(word);
    return words;
}

// Function words that say nothing about a paper: "On the Geometry of …" gives "geometry".
bool is_stop_word(std::string_view word) {
    static constexpr std::array<std::string_view, 26> k_stop_words = {
        "a",    "an",   "the", "on",   "of",    "in",  "for",   "to",     "and",
        "with", "at",   "by",  "from", "as",    "or",  "into",  "onto",   "upon",
        "via",  "over", "nor", "but",  "about", "its", "under", "between"};
    return is_one_of(word, k_stop_words);
}

std::string first_content_word(std::string_view utf8) {
    for (const std::string& word : words_of(utf8))
        if (!is_stop_word(word)) return word;
    return {};
}

// The family name with its particle: "Peter H. N. de With" gives "dewith". "de With" is how he
// is cited and sorted in Dutch, and "with" alone would read as a stop word.
std::string family_of(const Paper& paper) {
    if (paper.authors.empty()) return "anon";
    names::Name name = names::parse_name(bibtex_author(paper.authors.front().name));
    std::string family;
    if (!name.literal.empty()) {
        family = first_content_word(text::latex_to_plain_text(name.literal));
    } else {
        std::string latex = name.particle.empty() ? name.family : name.particle + " " + name.family;
        for (const std::string& word : words_of(text::latex_to_plain_text(latex))) family += word;
    }
    return family.empty() ? "anon" : family;
}

// The title's words outside math: "$k$-Means for …" keys on "means", not on "k".
std::string title_word(std::string_view title) {
    text::Decoded decoded = text::decode_latex(title);
    std::string plain;
    for (const text::Node& node : decoded.text.nodes()) {
        if (node.kind == text::NodeKind::text) plain += decoded.text.text(node);
        if (node.kind == text::NodeKind::math) plain += ' ';
    }
    return first_content_word(plain);
}

std::string_view year_of(std::string_view date) {
    bool ok = date.size() >= 4 && std::all_of(date.begin(), date.begin() + 4, ascii::is_digit);
    return ok ? date.substr(0, 4) : std::string_view{};
}

// "2017-07-27T…" gives "7": a number, because biblatex's month is an integer and write_entry
// can only write a bare macro (`jul`) as the string "{jul}", which plain BibTeX styles would
// print as is. Empty when the date has no valid month.
std::string month_of(std::string_view date) {
    if (year_of(date).empty() || date.size() < 7 || date[4] != '-') return {};
    if (!ascii::is_digit(date[5]) || !ascii::is_digit(date[6])) return {};
    int month = (date[5] - '0') * 10 + (date[6] - '0');
    return month >= 1 && month <= 12 ? std::to_string(month) : std::string{};
}

// a, b, …, z, aa, ab, …: the n-th suffix (n ≥ 1) in bijective base 26.
std::string suffix(std::size_t n) {
    std::string out;
    for (; n > 0; n = (n - 1) / 26) out.insert(out.begin(), static_cast<char>('a' + (n - 1) % 26));
    return out;
}

// URLs and DOIs are not LaTeX (biblatex reads them verbatim): only the bytes that could break
// the value or the line are percent-encoded.
std::string verbatim_value(std::string_view text) {
    std::string out;
    append_percent_encoded(out, collapse_whitespace(text), bytes_in("{}\\ %#"));
    return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const std::string& part : parts) {
        if (!out.empty()) out += separator;
        out += part;
    }
    return out;
}

} // namespace

std::string to_bibtex_value(std::string_view latex) {
    Pieces pieces = split_value(collapse_whitespace(latex));
    neutralize_stray_braces(pieces.pieces());
    std::string out;
    for (const Piece& piece : pieces.pieces()) out += piece.text;
    return out;
}

std::string bibtex_author(std::string_view name) {
    std::string value = to_bibtex_value(name);
    std::vector<std::string_view> words = top_level_words(value);
    if (words.empty()) return value;
    if (auto reordered = with_suffix_part(words)) return *reordered;
    if (is_organization(words) || has_top_level_comma(value)) return "{" + value + "}";
    ArxivName parts(words);
    return parts.read_alike_by_bibtex(value) ? value : parts.inverted();
}

KeyAllocator::KeyAllocator(std::unordered_set<std::string> taken) {
    for (const std::string& key : taken) m_taken.insert(ascii::lowered(key));
}

std::string KeyAllocator::allocate(const Paper& paper) {
    std::string base = family_of(paper);
    base += year_of(paper.published);
    base += title_word(paper.title);
    for (std::size_t n = 0;; ++n) {
        std::string key = n == 0 ? base : base + suffix(n);
        if (m_taken.insert(key).second) return key;
    }
}

BibtexEntry to_bibtex_entry(const Paper& paper, std::string key, const ExportOptions& options) {
    BibtexEntry entry;
    bool published = !paper.doi.empty() || !paper.journal_ref.empty();
    entry.type = published ? "article" : "misc";
    entry.key = std::move(key);
    auto add = [&](std::string name, std::string value) {
        if (!value.empty()) entry.fields.emplace_back(std::move(name), std::move(value));
    };
    add("title", to_bibtex_value(paper.title));
    std::vector<std::string> authors;
    for (const Author& author : paper.authors) {
        std::string name = bibtex_author(author.name);
        if (!name.empty()) authors.push_back(std::move(name));
    }
    add("author", join(authors, " and "));
    add("journal", to_bibtex_value(paper.journal_ref));
    add("year", std::string(year_of(paper.published)));
    add("month", month_of(paper.published));
    add("eprint", verbatim_value(paper.id.id));
    add("archivePrefix", "arXiv");
    std::string_view category =
        paper.primary_category.empty() ? paper.id.primary_category : paper.primary_category;
    add("primaryClass", verbatim_value(category));
    add("doi", verbatim_value(paper.doi));
    if (!paper.id.id.empty()) add("url", "https://arxiv.org/abs/" + verbatim_value(paper.id.id));
    if (options.abstract) add("abstract", to_bibtex_value(paper.summary));
    std::vector<std::string> keywords;
    for (const std::string& keyword : options.keywords) {
        std::string value = to_bibtex_value(keyword);
        if (!value.empty()) keywords.push_back(std::move(value));
    }
    add("keywords", join(keywords, ", "));
    add("project", to_bibtex_value(options.project));
    return entry;
}

void append_bibtex(std::string& out, const BibtexEntry& entry) {
    std::vector<bibtex::Field> fields;
    fields.reserve(entry.fields.size());
    for (const auto& [name, value] : entry.fields) fields.push_back(bibtex::Field{name, value});
    bibtex::write_entry(out, entry.type, entry.key, fields);
    out += '\n';
}

} // namespace bibkit::arxiv
