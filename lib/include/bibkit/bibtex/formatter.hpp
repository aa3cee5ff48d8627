#pragma once
// The tidy printer behind `bibkit format`: one layout for every entry, nothing else touched.
// Entries with syntax errors, comments and text between entries are kept exactly as written.

#include <bibkit/bibtex/syntax.hpp>
#include <string>
#include <vector>

namespace bibkit::bibtex {

enum class EntrySort { none, key, year, type };
enum class FieldOrder { keep, standard, custom };
enum class Delimiters { braces, keep };
enum class NameCase { lower, keep };

struct FormatOptions {
    int indent = 2;
    bool align_equals = true;
    Delimiters delimiters = Delimiters::braces; // "…" values become {…}
    NameCase name_case = NameCase::lower;       // entry types and field names
    FieldOrder field_order = FieldOrder::keep;
    std::vector<std::string> custom_order; // for FieldOrder::custom; the rest follow in place
    EntrySort sort = EntrySort::none;
    bool descending = false;
    std::vector<std::string> strip_fields; // removed (case-insensitive)
    bool trailing_comma = false;
};

// The field order used by FieldOrder::standard (the rest follow in their original order).
const std::vector<std::string>& standard_field_order();

void format_file(const RawDatabase& file, const FormatOptions& options, std::string& out);

} // namespace bibkit::bibtex
