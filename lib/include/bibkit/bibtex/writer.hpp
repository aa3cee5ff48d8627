#pragma once
// Writing BibTeX back: byte for byte from the syntax layer, or from resolved entries.

#include <bibkit/bibtex/database.hpp>
#include <bibkit/bibtex/syntax.hpp>
#include <span>
#include <string>

namespace bibkit::bibtex {

// Every block as it was read: the input, byte for byte, even when it has errors.
void write_lossless(const RawDatabase& file, std::string& out);

// Resolved entries (macros expanded, whitespace collapsed) and the preambles, in a tidy layout.
void write_resolved(const Database& database, std::string& out);

// One entry in the tidy layout of write_resolved: aligned `name = {value}` lines.
void write_entry(std::string& out, std::string_view type, std::string_view key,
                 std::span<const Field> fields);

// Appends `{text}`. Resolved values always have balanced braces, so braces are always safe.
void append_braced(std::string& out, std::string_view text);

} // namespace bibkit::bibtex
