#include <array>
#include <bibkit/bibtex/parser.hpp>
#include <bibkit/core/ascii.hpp>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <algorithm>
#include <cstring>
#include <exception>
#include <iterator>
#include <string>
#include <thread>

namespace bibkit::bibtex {

namespace {

// Byte classes of BibTeX 0.99d's scanner.
enum CharClass : std::uint8_t {
    k_identifier = 1, // may appear in a type, key-less identifier, field or macro name
    k_space = 2,
    k_value_stop = 4, // bytes a braced value scan must look at: { } "  and newline
};

constexpr std::array<std::uint8_t, 256> make_char_classes() {
    std::array<std::uint8_t, 256> classes{};
    for (int c = 0; c < 256; ++c) {
        bool illegal = c <= 0x20 || c == 0x7F || c == '"' || c == '#' || c == '%' || c == '\'' ||
                       c == '(' || c == ')' || c == ',' || c == '=' || c == '{' || c == '}';
        if (!illegal) classes[c] |= k_identifier;
    }
    for (char c : {' ', '\t', '\n', '\r', '\f', '\v'})
        classes[static_cast<unsigned char>(c)] |= k_space;
    for (char c : {'{', '}', '"', '\n'}) classes[static_cast<unsigned char>(c)] |= k_value_stop;
    return classes;
}

constexpr std::array<std::uint8_t, 256> k_classes = make_char_classes();

std::string describe_char(std::string_view text, std::uint32_t pos) {
    if (pos >= text.size()) return "end of file";
    char c = text[pos];
    if (c == '\n' || c == '\r') return "end of line";
    if (static_cast<unsigned char>(c) < 0x20) return "a control character";
    if (static_cast<unsigned char>(c) >= 0x80) return "a non-ASCII character";
    return std::string("'") + c + "'";
}

class Parser {
  public:
    Parser(const SourceFile& source, RawDatabase& database)
        : m_source(source), m_db(database), m_data(source.text().data()), m_size(source.size()) {}

    std::uint32_t run(std::uint32_t begin, std::uint32_t stop);
    void on_block(std::function<void()> callback) { m_on_block = std::move(callback); }
    std::uint32_t split_point(std::uint32_t near) const { return recovery_point(near); }

  private:
    enum class Command { entry, string, preamble, comment };

    bool is(std::uint32_t p, std::uint8_t cls) const {
        return p < m_size && (k_classes[static_cast<unsigned char>(m_data[p])] & cls);
    }
    char at(std::uint32_t p) const { return p < m_size ? m_data[p] : '\0'; }
    void skip_space(std::uint32_t& p) const {
        while (is(p, k_space)) ++p;
    }
    Span scan_identifier(std::uint32_t& p) const {
        std::uint32_t begin = p;
        while (is(p, k_identifier)) ++p;
        return {begin, p};
    }
    // An entry type: an identifier without '@' (BibTeX allows one, but then "x @⏎@a{k}" would
    // read as type "@a", and a '@' in a type is never meant).
    Span scan_type(std::uint32_t& p) const {
        std::uint32_t begin = p;
        while (is(p, k_identifier) && m_data[p] != '@') ++p;
        return {begin, p};
    }

    std::uint32_t next_value_stop(std::uint32_t i) const;
    bool at_line_start(std::uint32_t p) const;
    bool looks_like_command(std::uint32_t at_pos) const;
    bool starts_entry_line(std::uint32_t p) const;
    std::uint32_t recovery_point(std::uint32_t from) const;

    std::uint32_t parse_command(std::uint32_t at, Command command, Span type, std::uint32_t open);
    std::uint32_t skip_comment(std::uint32_t at, std::uint32_t p);
    bool parse_entry_body(RawEntry& entry, std::uint32_t& p, char close);
    bool parse_string_body(std::uint32_t& p, char close);
    bool parse_preamble_body(std::uint32_t& p, char close);
    bool parse_field(std::uint32_t& p);
    bool parse_value(RawField& field, std::uint32_t& p);
    bool scan_delimited(std::uint32_t& p, ValuePartKind kind);
    bool expect_close(std::uint32_t& p, char close, std::string_view after);

    void report(std::uint32_t offset, Severity severity, std::string code, std::string message) {
        m_db.mutable_diagnostics().push_back(deferred_diagnostic(
            m_source, offset, severity, std::move(code), std::move(message), m_key));
    }
    // The message goes on with the line of `line_of`, then `rest`.
    void report(std::uint32_t offset, Severity severity, std::string code, std::string message,
                std::uint32_t line_of, std::string rest) {
        m_db.mutable_diagnostics().push_back(
            deferred_diagnostic(m_source, offset, severity, std::move(code), std::move(message),
                                line_of, std::move(rest), m_key));
    }
    // Counts line breaks a little ahead of the reader, so those bytes come from cache.
    void count_lines_ahead(std::uint32_t pos, std::uint32_t stop) {
        constexpr std::uint64_t k_window = 32 * 1024;
        if (m_counted >= stop || pos + k_window / 2 < m_counted) return;
        auto until = static_cast<std::uint32_t>(std::min<std::uint64_t>(stop, pos + k_window));
        m_source.count_lines(m_counted, until);
        m_counted = until;
    }
    void report_unclosed(std::uint32_t p);
    void add_block(BlockKind kind, Span span, std::uint32_t entry = 0) {
        m_db.mutable_blocks().push_back(Block{kind, span, entry});
        if (m_on_block) m_on_block();
    }

    const SourceFile& m_source;
    RawDatabase& m_db;
    std::uint32_t m_counted = 0; // line breaks are counted up to here (see count_lines_ahead)
    const char* m_data;
    std::uint32_t m_size;
    std::string_view m_key;           // key of the entry being read, for diagnostics
    std::uint32_t m_open = 0;         // offset of the current entry's opening delimiter
    std::uint32_t m_recover_at = 0;   // where reading resumes after an error
    std::size_t m_first_field = 0;    // the current entry's first field
    std::function<void()> m_on_block; // called after each block is added
};

// The next '{', '}', '"' or newline at or after i. Values are most of a file's bytes, so this
// loop is the reader's hot path: sixteen bytes at a time where SSE2 is available.
std::uint32_t Parser::next_value_stop(std::uint32_t i) const {
#if defined(__SSE2__)
    const __m128i open = _mm_set1_epi8('{'), close = _mm_set1_epi8('}');
    const __m128i quote = _mm_set1_epi8('"'), newline = _mm_set1_epi8('\n');
    while (i + 16 <= m_size) {
        __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(m_data + i));
        __m128i hits = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(chunk, open), _mm_cmpeq_epi8(chunk, close)),
            _mm_or_si128(_mm_cmpeq_epi8(chunk, quote), _mm_cmpeq_epi8(chunk, newline)));
        auto mask = static_cast<unsigned>(_mm_movemask_epi8(hits));
        if (mask != 0) return i + static_cast<std::uint32_t>(__builtin_ctz(mask));
        i += 16;
    }
#endif
    while (i < m_size && !(k_classes[static_cast<unsigned char>(m_data[i])] & k_value_stop)) ++i;
    return i;
}

bool Parser::at_line_start(std::uint32_t p) const {
    while (p > 0 && (m_data[p - 1] == ' ' || m_data[p - 1] == '\t')) --p;
    return p == 0 || m_data[p - 1] == '\n';
}

// '@', optional space, an identifier, optional space, then '{' or '(': the shape of a command.
bool Parser::looks_like_command(std::uint32_t at_pos) const {
    std::uint32_t p = at_pos + 1;
    skip_space(p);
    if (scan_type(p).empty()) return false;
    skip_space(p);
    return at(p) == '{' || at(p) == '(';
}

bool Parser::starts_entry_line(std::uint32_t p) const {
    while (p < m_size && (m_data[p] == ' ' || m_data[p] == '\t')) ++p;
    return at(p) == '@' && looks_like_command(p);
}

// The next '@' that begins a line and looks like a command, at or after `from`.
std::uint32_t Parser::recovery_point(std::uint32_t from) const {
    if (at(from) == '@' && at_line_start(from) && looks_like_command(from)) return from;
    std::uint32_t p = from;
    while (p < m_size) {
        const void* newline = std::memchr(m_data + p, '\n', m_size - p);
        if (!newline) return m_size;
        p = static_cast<std::uint32_t>(static_cast<const char*>(newline) - m_data) + 1;
        std::uint32_t q = p;
        while (q < m_size && (m_data[q] == ' ' || m_data[q] == '\t')) ++q;
        if (at(q) == '@' && looks_like_command(q)) return q;
    }
    return m_size;
}

// Reads from `begin`, starting no command at or after `stop`. Returns where reading ended:
// `stop`, or later when the last command ran past it.
std::uint32_t Parser::run(std::uint32_t begin, std::uint32_t stop) {
    std::uint32_t junk_start = begin;
    std::uint32_t pos = begin;
    std::uint32_t stray_end = UINT32_MAX; // just after the last stray '@'
    m_counted = begin;
    while (pos < stop) {
        count_lines_ahead(pos, stop);
        const void* hit = std::memchr(m_data + pos, '@', stop - pos);
        if (!hit) break;
        auto at_pos = static_cast<std::uint32_t>(static_cast<const char*>(hit) - m_data);
        std::uint32_t p = at_pos + 1;
        skip_space(p);
        Span type = scan_type(p);
        std::string_view type_text = type.in(m_source.text());
        std::uint32_t open = p;
        skip_space(open);
        Command command = ascii::iequals(type_text, "comment")    ? Command::comment
                          : ascii::iequals(type_text, "string")   ? Command::string
                          : ascii::iequals(type_text, "preamble") ? Command::preamble
                                                                  : Command::entry;
        bool delimited = at(open) == '{' || at(open) == '(';
        if (type.empty() || (command != Command::comment && !delimited)) {
            // BibTeX reports an error for every stray '@'. One that starts a line is most likely a
            // broken entry; one inside prose ("mail me@host") is only worth a warning.
            bool line_start = at_line_start(at_pos);
            std::string shown(type_text.substr(0, 40));
            if (type_text.size() > 40) shown += "...";
            std::string what =
                type.empty() ? "an entry type after '@'" : "'{' or '(' after '@" + shown + "'";
            m_key = {};
            // Point where the delimiter was due, on the '@' line, even when the next text
            // shown ("got …") is on a later line.
            std::uint32_t where = type.empty() ? at_pos + 1 : type.end;
            // A run of '@'s is one problem, reported once.
            bool continues_run = stray_end == at_pos;
            stray_end = at_pos + 1;
            pos = at_pos + 1;
            if (continues_run) continue;
            report(where, line_start ? Severity::error : Severity::warning, "stray-at",
                   "expected " + what + ", got " +
                       describe_char(m_source.text(), type.empty() ? p : open) +
                       "; the text is skipped");
            pos = at_pos + 1;
            continue;
        }
        if (at_pos > junk_start) add_block(BlockKind::junk, {junk_start, at_pos});
        pos = command == Command::comment ? skip_comment(at_pos, type.end)
                                          : parse_command(at_pos, command, type, open);
        junk_start = pos;
    }
    if (junk_start < stop) add_block(BlockKind::junk, {junk_start, stop});
    if (m_counted < stop) m_source.count_lines(m_counted, stop);
    return std::max(junk_start, stop);
}

// `p` is just after the word "comment". Only a delimiter on the same line opens a body.
std::uint32_t Parser::skip_comment(std::uint32_t at_pos, std::uint32_t p) {
    while (p < m_size && (m_data[p] == ' ' || m_data[p] == '\t')) ++p;
    std::uint32_t end;
    char open = at(p);
    if (open == '{' || open == '(') {
        // A braced body is skipped whole (BibTeX would read entries inside it; see README).
        char close = open == '{' ? '}' : ')';
        int depth = 0;
        end = m_size;
        for (std::uint32_t i = p; i < m_size; ++i) {
            if (m_data[i] == open)
                ++depth;
            else if (m_data[i] == close && --depth == 0) {
                end = i + 1;
                break;
            }
        }
        if (end == m_size && depth != 0) {
            m_key = {};
            report(p, Severity::error, "unterminated-comment",
                   std::string("@comment's '") + open + "' is never closed");
            end = recovery_point(p + 1);
        }
    } else {
        // Undelimited: BibTeX ignores the word and reads on, so only the word is the comment.
        end = p;
        while (end > at_pos && (m_data[end - 1] == ' ' || m_data[end - 1] == '\t')) --end;
    }
    add_block(BlockKind::comment, {at_pos, end});
    return end;
}

std::uint32_t Parser::parse_command(std::uint32_t at_pos, Command command, Span type,
                                    std::uint32_t open) {
    auto entry_index = static_cast<std::uint32_t>(m_db.mutable_entries().size());
    RawEntry entry;
    entry.type = type;
    entry.open_delimiter = m_data[open];
    entry.first_field = static_cast<std::uint32_t>(m_db.mutable_fields().size());
    m_first_field = entry.first_field;
    char close = entry.open_delimiter == '{' ? '}' : ')';
    m_open = open;
    m_key = {};
    std::uint32_t p = open + 1;
    bool ok = command == Command::entry    ? parse_entry_body(entry, p, close)
              : command == Command::string ? parse_string_body(p, close)
                                           : parse_preamble_body(p, close);
    entry.field_count =
        static_cast<std::uint32_t>(m_db.mutable_fields().size()) - entry.first_field;
    std::uint32_t end = p;
    if (!ok) {
        entry.complete = false;
        end = recovery_point(m_recover_at);
    }
    m_db.mutable_entries().push_back(entry);
    BlockKind kind = command == Command::entry    ? BlockKind::entry
                     : command == Command::string ? BlockKind::string
                                                  : BlockKind::preamble;
    add_block(kind, {at_pos, end}, entry_index);
    m_key = {};
    return end;
}

void Parser::report_unclosed(std::uint32_t p) {
    m_recover_at = p;
    if (p >= m_size) {
        report(m_open, Severity::error, "unterminated-entry",
               "this entry is never closed: end of file reached");
        return;
    }
    auto& fields = m_db.mutable_fields();
    if (fields.size() > m_first_field) {
        // The usual cause: the last value opened a brace it never closed, so it swallowed the
        // entry's closing brace. Point at that value, where the fix is.
        const RawField& last = fields.back();
        const ValuePart& first_part = m_db.mutable_parts()[last.first_part];
        report(first_part.token.begin, Severity::error, "unterminated-entry",
               "the entry is not closed before the next entry (line ", p,
               "); the value of '" + std::string(last.name.in(m_source.text())) +
                   "' probably has an unbalanced brace");
        return;
    }
    report(p, Severity::error, "unterminated-entry",
           "the entry is not closed before the next entry starts here");
}

bool Parser::parse_entry_body(RawEntry& entry, std::uint32_t& p, char close) {
    skip_space(p);
    std::uint32_t key_begin = p;
    while (p < m_size && !is(p, k_space) && m_data[p] != ',' && m_data[p] != close) ++p;
    entry.key = {key_begin, p};
    m_key = entry.key.in(m_source.text());
    skip_space(p);
    if (at(p) == close) {
        ++p;
        return true;
    }
    if (at(p) != ',') {
        if (p >= m_size || (at(p) == '@' && at_line_start(p))) {
            report_unclosed(p);
            return false;
        }
        report(p, Severity::error, "expected-comma",
               "expected ',' after the entry key, got " + describe_char(m_source.text(), p));
        m_recover_at = p;
        return false;
    }
    ++p;
    for (;;) {
        skip_space(p);
        if (at(p) == close) {
            ++p;
            return true;
        }
        if (p >= m_size || (at(p) == '@' && at_line_start(p) && looks_like_command(p))) {
            report_unclosed(p);
            return false;
        }
        if (!parse_field(p)) return false;
        skip_space(p);
        if (at(p) == ',') {
            ++p;
            continue;
        }
        if (at(p) == close) {
            ++p;
            return true;
        }
        if (p >= m_size || (at(p) == '@' && at_line_start(p) && looks_like_command(p))) {
            report_unclosed(p);
            return false;
        }
        const RawField& last = m_db.mutable_fields().back();
        report(p, Severity::error, "expected-comma",
               "expected ',' or '" + std::string(1, close) + "' after the value of '" +
                   std::string(last.name.in(m_source.text())) + "', got " +
                   describe_char(m_source.text(), p));
        m_recover_at = p;
        return false;
    }
}

bool Parser::parse_field(std::uint32_t& p) {
    RawField field;
    if (is(p, k_identifier) && !ascii::is_digit(m_data[p])) field.name = scan_identifier(p);
    if (field.name.empty()) {
        std::string message = "expected a field name, got " + describe_char(m_source.text(), p);
        if (at(p) == '%') message += " ('%' does not start a comment inside an entry)";
        report(p, Severity::error, "expected-field-name", std::move(message));
        m_recover_at = p;
        return false;
    }
    skip_space(p);
    if (at(p) != '=') {
        report(p, Severity::error, "expected-equals",
               "expected '=' after the field name '" + std::string(field.name.in(m_source.text())) +
                   "', got " + describe_char(m_source.text(), p));
        m_recover_at = p;
        return false;
    }
    ++p;
    skip_space(p);
    if (!parse_value(field, p)) return false;
    m_db.mutable_fields().push_back(field);
    return true;
}

bool Parser::parse_value(RawField& field, std::uint32_t& p) {
    auto& parts = m_db.mutable_parts();
    field.first_part = static_cast<std::uint32_t>(parts.size());
    for (;;) {
        std::uint32_t part_begin = p;
        ValuePartKind kind;
        char c = at(p);
        if (c == '{' || c == '"') {
            kind = c == '{' ? ValuePartKind::braced : ValuePartKind::quoted;
            if (!scan_delimited(p, kind)) {
                parts.resize(field.first_part);
                return false;
            }
        } else if (ascii::is_digit(c)) {
            kind = ValuePartKind::number;
            while (ascii::is_digit(at(p))) ++p;
        } else if (is(p, k_identifier)) {
            kind = ValuePartKind::macro;
            scan_identifier(p);
        } else {
            report(p, Severity::error, "expected-value",
                   "expected a value ({...}, \"...\", a number or a macro name), got " +
                       describe_char(m_source.text(), p));
            parts.resize(field.first_part);
            m_recover_at = p;
            return false;
        }
        parts.push_back(ValuePart{{part_begin, p}, kind});
        std::uint32_t q = p;
        skip_space(q);
        if (at(q) != '#') break;
        p = q + 1;
        skip_space(p);
    }
    field.part_count = static_cast<std::uint32_t>(parts.size()) - field.first_part;
    return true;
}

// Scans {…} or "…" with balanced braces. A line that starts a new entry while a brace is still
// open ends the scan with an error instead of swallowing the following entries.
bool Parser::scan_delimited(std::uint32_t& p, ValuePartKind kind) {
    std::uint32_t open = p;
    bool quoted = kind == ValuePartKind::quoted;
    int depth = quoted ? 0 : 1;
    std::uint32_t i = p + 1;
    for (;;) {
        i = next_value_stop(i);
        if (i >= m_size) break;
        char c = m_data[i];
        if (c == '{') {
            ++depth;
        } else if (c == '}') {
            if (depth == 0) { // only possible inside quotes
                report(i, Severity::error, "unbalanced-braces",
                       "unbalanced '}' inside a quoted value");
                m_recover_at = i;
                return false;
            }
            if (--depth == 0 && !quoted) {
                p = i + 1;
                return true;
            }
        } else if (c == '"') {
            if (quoted && depth == 0) {
                p = i + 1;
                return true;
            }
        } else if (starts_entry_line(i + 1)) {
            report(open, Severity::error, "unbalanced-braces",
                   "unbalanced braces: the value opened here is still open where the next entry "
                   "starts, at line ",
                   i + 1, "");
            m_recover_at = i + 1;
            return false;
        }
        ++i;
    }
    report(open, Severity::error, quoted ? "unterminated-string" : "unbalanced-braces",
           quoted ? "this quoted value is never closed" : "this brace is never closed");
    m_recover_at = m_size;
    return false;
}

bool Parser::expect_close(std::uint32_t& p, char close, std::string_view after) {
    skip_space(p);
    if (at(p) == close) {
        ++p;
        return true;
    }
    report(p, Severity::error, "expected-close",
           "expected '" + std::string(1, close) + "' after " + std::string(after) + ", got " +
               describe_char(m_source.text(), p));
    m_recover_at = p;
    return false;
}

bool Parser::parse_string_body(std::uint32_t& p, char close) {
    skip_space(p);
    RawField field;
    if (is(p, k_identifier) && !ascii::is_digit(m_data[p])) field.name = scan_identifier(p);
    if (field.name.empty()) {
        report(p, Severity::error, "expected-macro-name",
               "expected a macro name in @string, got " + describe_char(m_source.text(), p));
        m_recover_at = p;
        return false;
    }
    skip_space(p);
    if (at(p) != '=') {
        report(p, Severity::error, "expected-equals",
               "expected '=' after the macro name '" + std::string(field.name.in(m_source.text())) +
                   "', got " + describe_char(m_source.text(), p));
        m_recover_at = p;
        return false;
    }
    ++p;
    skip_space(p);
    if (!parse_value(field, p)) return false;
    m_db.mutable_fields().push_back(field);
    return expect_close(p, close, "the @string definition");
}

bool Parser::parse_preamble_body(std::uint32_t& p, char close) {
    skip_space(p);
    RawField field;
    field.name = {p, p};
    if (!parse_value(field, p)) return false;
    m_db.mutable_fields().push_back(field);
    return expect_close(p, close, "the @preamble value");
}

} // namespace

namespace {

// Appends `tail`, read from the same source just after `head`'s last block.
void append(RawDatabase& head, RawDatabase&& tail) {
    auto entry_base = static_cast<std::uint32_t>(head.mutable_entries().size());
    auto field_base = static_cast<std::uint32_t>(head.mutable_fields().size());
    auto part_base = static_cast<std::uint32_t>(head.mutable_parts().size());
    for (Block block : tail.blocks()) {
        if (block.kind != BlockKind::junk && block.kind != BlockKind::comment)
            block.entry += entry_base;
        head.mutable_blocks().push_back(block);
    }
    for (RawEntry entry : tail.entries()) {
        entry.first_field += field_base;
        head.mutable_entries().push_back(entry);
    }
    for (RawField field : tail.mutable_fields()) {
        field.first_part += part_base;
        head.mutable_fields().push_back(field);
    }
    auto& parts = head.mutable_parts();
    parts.insert(parts.end(), tail.mutable_parts().begin(), tail.mutable_parts().end());
    auto& diagnostics = head.mutable_diagnostics();
    std::move(tail.mutable_diagnostics().begin(), tail.mutable_diagnostics().end(),
              std::back_inserter(diagnostics));
}

// Below this size a second thread costs more than it saves; each further thread needs as much.
constexpr std::uint32_t k_parallel_threshold = 4u << 20;
constexpr std::uint32_t k_bytes_per_part = 2u << 20;
constexpr unsigned k_max_parts = 16;

} // namespace

std::uint32_t parse_range(const SourceFile& source, RawDatabase& into, std::uint32_t begin,
                          std::uint32_t stop, const std::function<void()>& on_block) {
    Parser parser(source, into);
    parser.on_block(on_block);
    return parser.run(begin, stop);
}

unsigned parallel_parts(const SourceFile& source) {
    std::uint32_t size = source.size();
    unsigned cores = std::thread::hardware_concurrency();
    if (size < k_parallel_threshold || cores < 2) return 1;
    return std::min({cores, k_max_parts, size / k_bytes_per_part});
}

std::vector<std::uint32_t> parallel_split_points(const SourceFile& source, unsigned parts,
                                                 double first_share) {
    std::vector<std::uint32_t> splits;
    std::uint32_t size = source.size();
    if (parts < 2 || size == 0) return splits;
    if (first_share <= 0 || first_share >= 1) first_share = 1.0 / parts;
    RawDatabase unused(source);
    Parser parser(source, unused);
    double rest = (1 - first_share) / (parts - 1);
    for (unsigned i = 1; i < parts; ++i) {
        auto near = static_cast<std::uint32_t>(size * (first_share + rest * (i - 1)));
        std::uint32_t split = parser.split_point(near);
        // A part without a command of its own adds nothing: splits are strictly increasing.
        if (split == 0 || split >= size || (!splits.empty() && split <= splits.back())) continue;
        splits.push_back(split);
    }
    return splits;
}

BackgroundRead::BackgroundRead(const SourceFile& source, std::uint32_t begin, std::uint32_t stop)
    : m_tree(source), m_begin(begin), m_stop(stop) {
    m_tree.reserve_for_bytes(stop - begin);
    m_thread = std::thread([this, &source] {
        try {
            m_reached = Parser(source, m_tree).run(m_begin, m_stop);
        } catch (...) {
            m_error = std::current_exception();
        }
    });
}

BackgroundRead::~BackgroundRead() {
    if (m_thread.joinable()) m_thread.join();
}

RawDatabase& BackgroundRead::wait() {
    if (m_thread.joinable()) m_thread.join();
    if (m_error) std::rethrow_exception(m_error);
    return m_tree;
}

ParallelRead::ParallelRead(const SourceFile& source, const std::vector<std::uint32_t>& splits)
    : m_source(source) {
    for (std::size_t i = 0; i < splits.size(); ++i) {
        std::uint32_t stop = i + 1 < splits.size() ? splits[i + 1] : source.size();
        m_parts.emplace_back(source, splits[i], stop);
    }
}

std::uint32_t ParallelRead::finish(std::uint32_t reached, RawDatabase& scratch,
                                   const std::function<void(RawDatabase&)>& take,
                                   const std::function<void()>& on_block) {
    for (BackgroundRead& part : m_parts) {
        RawDatabase& tree = part.wait();
        if (reached == part.begin()) {
            take(tree);
            reached = part.reached();
        } else if (reached < part.stop()) {
            // A command ran across the split: this part is read again from where it ended, so
            // the result never depends on where the input was split.
            reached = parse_range(m_source, scratch, reached, part.stop(), on_block);
        }
        // else: the command ran over the whole part, whose own reading is void.
    }
    return reached;
}

RawDatabase parse(const SourceFile& source, Threading threading) {
    return parse_in_parts(source, threading == Threading::automatic ? parallel_parts(source) : 1);
}

RawDatabase parse_in_parts(const SourceFile& source, unsigned parts) {
    RawDatabase database(source);
    std::uint32_t size = source.size();
    database.reserve_for_bytes(size); // room for every part: appending must not reallocate
    std::vector<std::uint32_t> splits = parallel_split_points(source, parts);
    if (splits.empty()) {
        Parser(source, database).run(0, size);
        locate_diagnostics(database.mutable_diagnostics());
        return database;
    }
    // The parts are read in parallel, each split at a line that starts an entry; this thread
    // reads the first, then takes the others in order.
    ParallelRead rest(source, splits);
    std::uint32_t reached = Parser(source, database).run(0, splits.front());
    rest.finish(reached, database, [&](RawDatabase& tree) { append(database, std::move(tree)); });
    locate_diagnostics(database.mutable_diagnostics());
    return database;
}

} // namespace bibkit::bibtex
