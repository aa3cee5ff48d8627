#pragma once
// CSL-JSON (the citation-style-language schema's csl-data.json): what citeproc-js, pandoc and
// Zotero read. Rich text uses CSL's HTML-like markup (<i>, <b>, <span class="nocase"> …).

#include <bibkit/bibtex/bibliography.hpp>
#include <bibkit/core/diagnostic.hpp>
#include <bibkit/model/item.hpp>
#include <span>
#include <string>
#include <vector>

namespace bibkit::model {

enum class JsonLayout { indented, compact };

// An array of items: "id" and "type", then every variable the item has, by name.
void write_csl_json(std::string& out, std::span<const Item> items,
                    JsonLayout layout = JsonLayout::indented);

struct CslJsonDocument {
    std::vector<std::string> parts;      // the document: write them one after the other
    std::vector<Diagnostic> diagnostics; // inheritance, LaTeX, name and date problems, located
};

// Every entry of `database` normalized and written at once, keeping no item: the bytes of
// normalize + write_csl_json in less time and memory (items are built and dropped while their
// memory is warm). Large inputs are cut into chunks that two threads write in turn.
CslJsonDocument convert_to_csl_json(const bibtex::Bibliography& bibliography,
                                    const bibtex::Database& database,
                                    JsonLayout layout = JsonLayout::indented);

} // namespace bibkit::model
