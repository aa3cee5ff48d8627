#pragma once
// Parsing CSL rendering elements (shared by styles and the cs:date formats of locales).

#include "compiled_style.hpp"

#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <unordered_map>

namespace bibkit::csl::detail {

struct ParseContext {
    std::string_view source;
    const std::string& origin;
    const std::unordered_map<std::string, int>* macros = nullptr; // null in locales
    std::optional<CslError> error;

    // Records the first error, at `node`.
    void fail(const pugi::xml_node& node, std::string message);
    bool failed() const { return error.has_value(); }
};

// A rendering element (text, number, label, date, names, group, choose).
Element parse_element(const pugi::xml_node& node, ParseContext& context);
// The children of a layout, macro or branch.
std::vector<Element> parse_children(const pugi::xml_node& node, ParseContext& context);
// Affixes, formatting, display, text-case, quotes, strip-periods, delimiter of `node`.
void parse_common(const pugi::xml_node& node, Element& element, ParseContext& context);
void parse_name_options(const pugi::xml_node& node, NameOptions& options, ParseContext& context);

} // namespace bibkit::csl::detail
