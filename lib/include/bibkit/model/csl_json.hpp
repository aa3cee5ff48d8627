#pragma once
// CSL-JSON (the citation-style-language schema's csl-data.json): what citeproc-js, pandoc and
// Zotero read. Rich text uses CSL's HTML-like markup (<i>, <b>, <span class="nocase"> …).

#include <bibkit/model/item.hpp>
#include <span>
#include <string>

namespace bibkit::model {

enum class JsonLayout { indented, compact };

// An array of items: "id" and "type", then every variable the item has, by name.
void write_csl_json(std::string& out, std::span<const Item> items,
                    JsonLayout layout = JsonLayout::indented);

} // namespace bibkit::model
