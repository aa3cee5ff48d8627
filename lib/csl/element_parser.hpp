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
    int depth = 0; // of the element being parsed, for k_max_element_depth

    // Records the first error, at `node`.
    void fail(const pugi::xml_node& node, std::string message);
    bool failed() const { return error.has_value(); }
};

// How deep rendering elements may nest, counting the elements of the macros they call: real
// styles stay far below; deeper ones (or a macro that calls itself) are errors instead of a stack
// overflow in the parser or the evaluator.
inline constexpr int k_max_element_depth = 100;

// A rendering element (text, number, label, date, names, group, choose).
Element parse_element(const pugi::xml_node& node, ParseContext& context);
// The children of a layout, macro or branch.
std::vector<Element> parse_children(const pugi::xml_node& node, ParseContext& context);
// Affixes, formatting, display, text-case, quotes, strip-periods, delimiter of `node`.
void parse_common(const pugi::xml_node& node, Element& element, ParseContext& context);
void parse_name_options(const pugi::xml_node& node, NameOptions& options, ParseContext& context);

} // namespace bibkit::csl::detail
