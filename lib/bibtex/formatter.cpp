#include <algorithm>
#include <bibkit/bibtex/formatter.hpp>
#include <bibkit/core/ascii.hpp>
#include <limits>

namespace bibkit::bibtex {

namespace {

// A piece of output: a command with the comments and text that stood right above it.
struct Unit {
    std::string leading;          // comments / text kept verbatim, already trimmed
    bool leading_touches = false; // no blank line between the leading text and the command
    // The text began on the line where the previous block ended: it stays there, so that a
    // stray '@' in it does not come to start a line (where it would read as a broken entry).
    bool leading_same_line = false;
    std::string body;
    bool sortable = false;
    std::string sort_key;
};

bool is_blank(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return ascii::is_space(c); });
}

// Drops blank lines before the text and all white space after it.
std::string_view trim_block(std::string_view text) {
    std::size_t first = 0;
    for (std::size_t i = 0; i < text.size() && ascii::is_space(text[i]); ++i)
        if (text[i] == '\n') first = i + 1;
    std::size_t last = text.size();
    while (last > first && ascii::is_space(text[last - 1])) --last;
    return text.substr(first, last - first);
}

bool ends_without_blank_line(std::string_view text) {
    std::size_t newlines = 0;
    for (std::size_t i = text.size(); i > 0 && ascii::is_space(text[i - 1]); --i)
        newlines += text[i - 1] == '\n';
    return newlines <= 1;
}

class Formatter {
  public:
    Formatter(const RawDatabase& file, const FormatOptions& options)
        : m_file(file), m_options(options) {}

    void run(std::string& out);

  private:
    void format_entry(const RawEntry& entry, std::string& out) const;
    void format_string(const RawEntry& entry, std::string& out) const;
    void format_preamble(const RawEntry& entry, std::string& out) const;
    void sort_units(std::vector<Unit>& units) const;
    void append_name(std::string& out, Span span) const;
    void append_value(std::string& out, const RawField& field) const;
    std::string sort_key(const RawEntry& entry) const;
    std::string year_of(const RawEntry& entry) const;
    bool stripped(std::string_view name) const;
    std::size_t rank(std::string_view name) const;

    const RawDatabase& m_file;
    const FormatOptions& m_options;
    mutable std::vector<const RawField*> m_fields;
};

bool Formatter::stripped(std::string_view name) const {
    return std::any_of(m_options.strip_fields.begin(), m_options.strip_fields.end(),
                       [&](const std::string& strip) { return ascii::iequals(strip, name); });
}

std::size_t Formatter::rank(std::string_view name) const {
    const std::vector<std::string>& order = m_options.field_order == FieldOrder::custom
                                                ? m_options.custom_order
                                                : standard_field_order();
    for (std::size_t i = 0; i < order.size(); ++i)
        if (ascii::iequals(order[i], name)) return i;
    return std::numeric_limits<std::size_t>::max();
}

void Formatter::append_value(std::string& out, const RawField& field) const {
    bool first = true;
    for (const ValuePart& part : m_file.parts(field)) {
        if (!first) out += " # ";
        first = false;
        if (part.kind == ValuePartKind::quoted && m_options.delimiters == Delimiters::braces) {
            // A quoted value's braces are balanced, so it reads the same between braces.
            out += '{';
            out += m_file.text(part.content());
            out += '}';
        } else {
            out += m_file.text(part.token);
        }
    }
}

void Formatter::append_name(std::string& out, Span span) const {
    std::string_view name = m_file.text(span);
    if (m_options.name_case == NameCase::keep) {
        out += name;
        return;
    }
    for (char c : name) out += ascii::to_lower(c);
}

void Formatter::format_entry(const RawEntry& entry, std::string& out) const {
    std::vector<const RawField*>& fields = m_fields; // reused: no allocation per entry
    fields.clear();
    for (const RawField& field : m_file.fields(entry))
        if (!stripped(m_file.text(field.name))) fields.push_back(&field);
    if (m_options.field_order != FieldOrder::keep)
        std::stable_sort(fields.begin(), fields.end(), [&](const RawField* a, const RawField* b) {
            return rank(m_file.text(a->name)) < rank(m_file.text(b->name));
        });
    std::size_t width = 0;
    if (m_options.align_equals)
        for (const RawField* field : fields)
            width = std::max<std::size_t>(width, field->name.size());

    std::string_view key = m_file.text(entry.key);
    bool parens = key.find('}') != std::string_view::npos;
    out += '@';
    append_name(out, entry.type);
    out += parens ? '(' : '{';
    out += key;
    if (fields.empty()) {
        out += parens ? ')' : '}';
        return;
    }
    for (const RawField* field : fields) {
        out += ",\n";
        out.append(static_cast<std::size_t>(std::max(m_options.indent, 0)), ' ');
        append_name(out, field->name);
        out.append(width > field->name.size() ? width - field->name.size() : 0, ' ');
        out += " = ";
        append_value(out, *field);
    }
    if (m_options.trailing_comma) out += ',';
    out += parens ? "\n)" : "\n}";
}

void Formatter::format_string(const RawEntry& entry, std::string& out) const {
    const RawField& field = m_file.fields(entry)[0];
    out += '@';
    append_name(out, entry.type);
    out += '{';
    out += m_file.text(field.name);
    out += " = ";
    append_value(out, field);
    out += '}';
}

void Formatter::format_preamble(const RawEntry& entry, std::string& out) const {
    out += '@';
    append_name(out, entry.type);
    out += '{';
    append_value(out, m_file.fields(entry)[0]);
    out += '}';
}

// The year as written ({2001}, "2001", 2001), or the year of a biblatex date; macros count as
// absent.
std::string Formatter::year_of(const RawEntry& entry) const {
    std::string date;
    for (const RawField& field : m_file.fields(entry)) {
        std::string_view name = m_file.text(field.name);
        bool is_year = ascii::iequals(name, "year");
        if (!is_year && !ascii::iequals(name, "date")) continue;
        std::string text;
        for (const ValuePart& part : m_file.parts(field))
            if (part.kind != ValuePartKind::macro) text += m_file.text(part.content());
        std::string digits;
        for (char c : text) {
            if (ascii::is_digit(c))
                digits += c;
            else if (!digits.empty())
                break;
        }
        if (is_year) return digits;
        if (date.empty()) date = digits.substr(0, 4);
    }
    return date;
}

std::string Formatter::sort_key(const RawEntry& entry) const {
    std::string key = ascii::lowered(m_file.text(entry.key));
    switch (m_options.sort) {
    case EntrySort::key:
        return key;
    case EntrySort::type:
        return ascii::lowered(m_file.text(entry.type)) + '\x01' + key;
    case EntrySort::year: {
        // Zero-padded so that years compare as numbers; entries without a year sort last.
        std::string year = year_of(entry);
        if (year.empty()) return std::string(1, '\x7f') + key;
        return std::string(year.size() < 8 ? 8 - year.size() : 0, '0') + year + '\x01' + key;
    }
    case EntrySort::none:
        break;
    }
    return {};
}

// Writes a unit: the blank line before it (unless its text stays on the previous line), the
// comments and text that stood above it, then the command.
void emit(std::string& out, const Unit& unit, bool& first) {
    if (!first && !unit.leading_same_line) out += "\n\n";
    first = false;
    if (!unit.leading.empty()) {
        out += unit.leading;
        if (!unit.body.empty()) out += unit.leading_touches ? "\n" : "\n\n";
    }
    out += unit.body;
}

void Formatter::run(std::string& out) {
    bool sorting = m_options.sort != EntrySort::none;
    std::vector<Unit> units; // only when sorting; otherwise each unit is written at once
    Unit unit;
    bool first = true;
    std::string leading;
    bool leading_touches = false;
    bool leading_same_line = false;
    auto take_leading = [&](Unit& target) {
        target.leading = std::move(leading);
        target.leading_touches = leading_touches;
        target.leading_same_line = leading_same_line;
        leading.clear();
        leading_touches = false;
        leading_same_line = false;
    };
    for (const Block& block : m_file.blocks()) {
        std::string_view text = m_file.text(block.span);
        if (block.kind == BlockKind::junk || block.kind == BlockKind::comment) {
            if (block.kind == BlockKind::junk && is_blank(text)) continue;
            if (leading.empty() && block.kind == BlockKind::junk && !first && !sorting) {
                std::size_t first_text = text.find_first_not_of(" \t\r\n\f\v");
                leading_same_line = text.substr(0, first_text).find('\n') == std::string_view::npos;
            }
            if (!leading.empty()) leading += leading_touches ? "\n" : "\n\n";
            leading += trim_block(text);
            leading_touches = block.kind == BlockKind::junk ? ends_without_blank_line(text) : false;
            continue;
        }
        take_leading(unit);
        unit.body.clear();
        const RawEntry& entry = m_file.entries()[block.entry];
        if (!entry.complete) {
            unit.body = trim_block(text); // never rewrite what we could not read
        } else if (block.kind == BlockKind::entry) {
            format_entry(entry, unit.body);
        } else if (block.kind == BlockKind::string) {
            format_string(entry, unit.body);
        } else {
            format_preamble(entry, unit.body);
        }
        unit.sortable = block.kind == BlockKind::entry && sorting;
        if (!sorting) {
            emit(out, unit, first);
            continue;
        }
        if (unit.sortable) unit.sort_key = sort_key(entry);
        units.push_back(std::move(unit));
        unit = Unit{};
        first = false;
    }
    Unit tail;
    bool has_tail = !leading.empty();
    if (has_tail) take_leading(tail);
    if (sorting) {
        if (has_tail) units.push_back(std::move(tail));
        sort_units(units);
        first = true;
        for (const Unit& sorted : units) emit(out, sorted, first);
    } else if (has_tail) {
        emit(out, tail, first);
    }
    if (!first) out += '\n';
}

// Entries are sorted between definitions, never across one: moving an entry past an @string
// could change what its macros mean. (Files usually define everything first.)
void Formatter::sort_units(std::vector<Unit>& units) const {
    bool descending = m_options.descending;
    auto before = [&](const Unit& a, const Unit& b) {
        if (a.sort_key == b.sort_key) return false;
        bool missing_a = a.sort_key.starts_with('\x7f'), missing_b = b.sort_key.starts_with('\x7f');
        if (missing_a != missing_b) return missing_b; // absent years last either way
        return descending ? b.sort_key < a.sort_key : a.sort_key < b.sort_key;
    };
    for (auto run = units.begin(); run != units.end();) {
        if (!run->sortable) {
            ++run;
            continue;
        }
        auto end = std::find_if(run, units.end(), [](const Unit& u) { return !u.sortable; });
        std::stable_sort(run, end, before);
        run = end;
    }
}

} // namespace

const std::vector<std::string>& standard_field_order() {
    static const std::vector<std::string> order = {
        "title",        "shorttitle",   "author",   "editor",        "year",
        "month",        "date",         "journal",  "journaltitle",  "booktitle",
        "series",       "volume",       "number",   "pages",         "edition",
        "publisher",    "address",      "location", "institution",   "school",
        "organization", "howpublished", "type",     "chapter",       "isbn",
        "issn",         "doi",          "eprint",   "archiveprefix", "primaryclass",
        "url",          "urldate",      "note",     "keywords",      "abstract",
        "crossref",
    };
    return order;
}

void format_file(const RawDatabase& file, const FormatOptions& options, std::string& out) {
    Formatter(file, options).run(out);
}

} // namespace bibkit::bibtex
