#include <bibkit/bibtex/writer.hpp>

namespace bibkit::bibtex {

void write_lossless(const RawDatabase& file, std::string& out) {
    // Blocks tile the file; writing them one by one (rather than the whole text) keeps this
    // honest: it is the syntax tree that is printed.
    for (const Block& block : file.blocks()) out.append(file.text(block.span));
}

void append_braced(std::string& out, std::string_view text) {
    out += '{';
    out += text;
    out += '}';
}

namespace {

bool all_digits(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return true;
}

} // namespace

void write_resolved(const Database& database, std::string& out) {
    for (const std::string& preamble : database.preambles) {
        out += "@preamble{";
        append_braced(out, preamble);
        out += "}\n\n";
    }
    for (std::size_t i = 0; i < database.entries.size(); ++i) {
        const Entry& entry = database.entries[i];
        if (i > 0) out += '\n';
        write_entry(out, entry.type, entry.key, entry.fields);
    }
}

void write_entry(std::string& out, std::string_view type, std::string_view key,
                 std::span<const Field> fields) {
    // A key may hold '}' only in a (…) entry, so such a key keeps its parentheses.
    bool parens = key.find('}') != std::string_view::npos;
    out += '@';
    out += type;
    out += parens ? '(' : '{';
    out += key;
    std::size_t width = 0;
    for (const Field& field : fields) width = std::max(width, field.name.size());
    for (const Field& field : fields) {
        out += ",\n  ";
        out += field.name;
        out.append(width - field.name.size(), ' ');
        out += " = ";
        if (all_digits(field.value))
            out += field.value;
        else
            append_braced(out, field.value);
    }
    out += parens ? "\n)\n" : "\n}\n";
}

} // namespace bibkit::bibtex
