#pragma once
// CSL-JSON items (the CSL test suite's INPUT, Zotero and citation-js exports) read into the same
// model::Item the BibTeX path produces, so the processor has one kind of input. String variables
// in CSL's HTML-like markup (<i>, <b>, <sc>, <sup>, <sub>, <span class="nocase">) become rich
// text; names (family/given/particles/suffix/literal, or a bare "name"), dates (date-parts,
// season, circa, literal, raw) and numbers (given as JSON numbers or strings) are decoded.

#include <bibkit/core/expected.hpp>
#include <bibkit/csl/error.hpp>
#include <bibkit/model/item.hpp>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::csl {

struct CslJsonItems {
    std::vector<model::Item> items;
    // What the items' string_views (key, csl_type, variable names) view into.
    std::deque<std::string> storage;
};

// A JSON array of items (or one item object). Errors carry the line and column of the value.
Expected<CslJsonItems, CslError> read_csl_json(std::string_view json, std::string origin);

} // namespace bibkit::csl
