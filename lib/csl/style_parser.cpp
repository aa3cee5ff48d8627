#include "compiled_style.hpp"
#include "element_parser.hpp"

#include <algorithm>
#include <bibkit/csl/style.hpp>
#include <cstring>
#include <optional>

namespace bibkit::csl {
namespace {

using namespace detail;

CslError xml_error(std::string_view xml, const pugi::xml_parse_result& result,
                   const std::string& origin) {
    auto [line, column] = line_column(xml, static_cast<std::size_t>(result.offset));
    return CslError{std::string("XML error: ") + result.description(), origin, line, column};
}

void parse_sort(const pugi::xml_node& layout_parent, Layout& layout, ParseContext& context) {
    pugi::xml_node sort = layout_parent.child("sort");
    for (pugi::xml_node key : sort.children("key")) {
        SortKey k;
        if (pugi::xml_attribute v = key.attribute("variable")) {
            k.kind = SortKind::variable;
            k.variable = v.value();
        } else if (pugi::xml_attribute m = key.attribute("macro")) {
            k.kind = SortKind::macro;
            auto it = context.macros->find(m.value());
            if (it == context.macros->end()) {
                context.fail(key, std::string("undefined macro \"") + m.value() + "\"");
            } else {
                k.macro = it->second;
            }
        } else {
            context.fail(key, "<key> needs variable or macro");
        }
        k.descending = std::string_view(key.attribute("sort").value()) == "descending";
        if (pugi::xml_attribute a = key.attribute("names-min")) k.names_min = a.as_int();
        if (pugi::xml_attribute a = key.attribute("names-use-first"))
            k.names_use_first = a.as_int();
        if (pugi::xml_attribute a = key.attribute("names-use-last")) {
            k.names_use_last = std::string_view(a.value()) == "true";
        }
        layout.sort.push_back(std::move(k));
    }
}

void parse_layout(const pugi::xml_node& node, Layout& layout, ParseContext& context) {
    layout.present = true;
    parse_name_options(node, layout.names, context);
    if (pugi::xml_attribute d = node.attribute("names-delimiter"))
        layout.names_delimiter = d.value();
    pugi::xml_node l = node.child("layout");
    if (!l) {
        context.fail(node, std::string("<") + node.name() + "> has no <layout>");
        return;
    }
    layout.root.kind = ElementKind::group;
    parse_common(l, layout.root, context);
    layout.root.children = parse_children(l, context);
    parse_sort(node, layout, context);
}

std::optional<std::string> optional_attribute(const pugi::xml_node& node, const char* name) {
    if (pugi::xml_attribute a = node.attribute(name)) return std::string(a.value());
    return std::nullopt;
}

void parse_citation_options(const pugi::xml_node& c, Style::Compiled& s) {
    auto flag = [&](const char* name) {
        return std::string_view(c.attribute(name).value()) == "true";
    };
    s.disambiguate_add_names = flag("disambiguate-add-names");
    s.disambiguate_add_givenname = flag("disambiguate-add-givenname");
    s.disambiguate_add_year_suffix = flag("disambiguate-add-year-suffix");
    std::string_view rule = c.attribute("givenname-disambiguation-rule").value();
    if (rule == "all-names")
        s.givenname_rule = GivenNameRule::all_names;
    else if (rule == "all-names-with-initials")
        s.givenname_rule = GivenNameRule::all_names_with_initials;
    else if (rule == "primary-name")
        s.givenname_rule = GivenNameRule::primary_name;
    else if (rule == "primary-name-with-initials")
        s.givenname_rule = GivenNameRule::primary_name_with_initials;
    std::string_view collapse = c.attribute("collapse").value();
    if (collapse == "citation-number")
        s.collapse = Collapse::citation_number;
    else if (collapse == "year")
        s.collapse = Collapse::year;
    else if (collapse == "year-suffix")
        s.collapse = Collapse::year_suffix;
    else if (collapse == "year-suffix-ranged")
        s.collapse = Collapse::year_suffix_ranged;
    s.cite_group_delimiter = optional_attribute(c, "cite-group-delimiter");
    s.year_suffix_delimiter = optional_attribute(c, "year-suffix-delimiter");
    s.after_collapse_delimiter = optional_attribute(c, "after-collapse-delimiter");
    if (pugi::xml_attribute a = c.attribute("near-note-distance"))
        s.near_note_distance = a.as_int(5);
}

void parse_bibliography_options(const pugi::xml_node& b, Style::Compiled& s) {
    s.hanging_indent = std::string_view(b.attribute("hanging-indent").value()) == "true";
    s.second_field_align = b.attribute("second-field-align") &&
                           std::string_view(b.attribute("second-field-align").value()) != "false";
    s.line_spacing = b.attribute("line-spacing").as_int(1);
    s.entry_spacing = b.attribute("entry-spacing").as_int(1);
    s.subsequent_author_substitute = optional_attribute(b, "subsequent-author-substitute");
    std::string_view rule = b.attribute("subsequent-author-substitute-rule").value();
    if (rule == "complete-each")
        s.subsequent_author_rule = SubsequentAuthorRule::complete_each;
    else if (rule == "partial-each")
        s.subsequent_author_rule = SubsequentAuthorRule::partial_each;
    else if (rule == "partial-first")
        s.subsequent_author_rule = SubsequentAuthorRule::partial_first;
}

void parse_style_options(const pugi::xml_node& root, Style::Compiled& s, NameOptions& names,
                         std::optional<std::string>& names_delimiter, ParseContext& context) {
    s.default_locale = root.attribute("default-locale").value();
    s.is_note = std::string_view(root.attribute("class").value()) == "note";
    std::string_view demote = root.attribute("demote-non-dropping-particle").value();
    if (demote == "never")
        s.demote = DemoteParticle::never;
    else if (demote == "sort-only")
        s.demote = DemoteParticle::sort_only;
    s.initialize_with_hyphen =
        std::string_view(root.attribute("initialize-with-hyphen").value()) != "false";
    std::string_view prf = root.attribute("page-range-format").value();
    if (prf == "chicago")
        s.page_range_format = PageRangeFormat::chicago;
    else if (prf == "chicago-15")
        s.page_range_format = PageRangeFormat::chicago;
    else if (prf == "chicago-16")
        s.page_range_format = PageRangeFormat::chicago16;
    else if (prf == "expanded")
        s.page_range_format = PageRangeFormat::expanded;
    else if (prf == "minimal")
        s.page_range_format = PageRangeFormat::minimal;
    else if (prf == "minimal-two")
        s.page_range_format = PageRangeFormat::minimal_two;
    parse_name_options(root, names, context);
    if (pugi::xml_attribute d = root.attribute("names-delimiter")) names_delimiter = d.value();
}

void parse_info(const pugi::xml_node& root, Style::Compiled& s) {
    pugi::xml_node info = root.child("info");
    s.id = info.child_value("id");
    s.title = info.child_value("title");
    for (pugi::xml_node link : info.children("link")) {
        if (std::string_view(link.attribute("rel").value()) == "independent-parent") {
            s.parent = link.attribute("href").value();
        }
    }
}

// Element nesting with the macros expanded (the depth the evaluator will recurse to), so that a
// macro that calls itself, directly or through others, or a long chain of macros is an error at
// loading instead of a stack overflow when rendering. Stops descending past k_max_element_depth,
// so its own recursion is bounded too.
class MacroDepth {
  public:
    explicit MacroDepth(const std::vector<Element>& macros)
        : m_macros(macros), m_state(macros.size(), State::unvisited), m_depth(macros.size(), 0) {}

    // The levels an element tree or a macro body spans; past k_max_element_depth means too deep
    // or a cycle (then cycle() says which macro).
    int element(const Element& e) { return of(e, 1); }
    int macro(int index) { return macro(index, 0); }
    std::optional<int> cycle() const { return m_cycle; }

  private:
    enum class State : std::uint8_t { unvisited, active, done };

    // The deepest level reached by `elements` placed below `level`.
    int of(const std::vector<Element>& elements, int level) {
        int deepest = level;
        for (const Element& e : elements) {
            deepest = std::max(deepest, of(e, level + 1));
            if (deepest > k_max_element_depth) break;
        }
        return deepest;
    }

    int of(const Element& e, int level) {
        if (level > k_max_element_depth) return level;
        int deepest = level;
        if (e.source == TextSource::macro && e.macro >= 0 &&
            static_cast<std::size_t>(e.macro) < m_macros.size())
            deepest = std::max(deepest, level + macro(e.macro, level));
        for (const auto* list : {&e.label, &e.substitute, &e.children}) {
            if (deepest > k_max_element_depth) break;
            deepest = std::max(deepest, of(*list, level));
        }
        for (const Branch& branch : e.branches) {
            if (deepest > k_max_element_depth) break;
            deepest = std::max(deepest, of(branch.children, level));
        }
        return deepest;
    }

    // The depth a macro's body adds.
    int macro(int index, int level) {
        auto i = static_cast<std::size_t>(index);
        if (m_state[i] == State::done) return m_depth[i];
        if (m_state[i] == State::active) {
            if (!m_cycle) m_cycle = index;
            return k_max_element_depth + 1;
        }
        m_state[i] = State::active;
        int depth = of(m_macros[i].children, level) - level;
        m_state[i] = State::done;
        m_depth[i] = depth;
        return depth;
    }

    const std::vector<Element>& m_macros;
    std::vector<State> m_state;
    std::vector<int> m_depth;
    std::optional<int> m_cycle;
};

std::optional<CslError> check_macro_depth(const pugi::xml_node& root, const Style::Compiled& s,
                                          ParseContext& context) {
    MacroDepth depth(s.macros);
    // Each macro as a start, in document order, so that the error names the first one at fault.
    for (pugi::xml_node node : root.children("macro")) {
        auto found = context.macros->find(node.attribute("name").value());
        if (found == context.macros->end()) continue;
        if (depth.macro(found->second) <= k_max_element_depth) continue;
        if (depth.cycle()) {
            std::string name;
            for (const auto& [macro_name, index] : *context.macros)
                if (index == *depth.cycle()) name = macro_name;
            pugi::xml_node at = root.find_child_by_attribute("macro", "name", name.c_str());
            context.fail(at ? at : node, "macro \"" + name + "\" calls itself (directly or " +
                                             "through other macros)");
        } else {
            context.fail(node, "macro \"" + std::string(node.attribute("name").value()) +
                                   "\": elements nest more than " +
                                   std::to_string(k_max_element_depth) +
                                   " deep with its macros expanded");
        }
        return context.error;
    }
    for (const Layout* layout : {&s.citation, &s.bibliography}) {
        if (depth.element(layout->root) > k_max_element_depth) {
            context.fail(root, "elements nest more than " + std::to_string(k_max_element_depth) +
                                   " deep with the macros expanded");
            return context.error;
        }
    }
    return std::nullopt;
}

Expected<Style::Compiled, CslError> compile(const pugi::xml_node& root, std::string_view xml,
                                            const std::string& origin) {
    Style::Compiled s;
    std::unordered_map<std::string, int> macros;
    for (pugi::xml_node m : root.children("macro")) {
        macros.emplace(m.attribute("name").value(), static_cast<int>(macros.size()));
    }
    ParseContext context{xml, origin, &macros, std::nullopt};
    parse_info(root, s);
    NameOptions style_names;
    std::optional<std::string> style_names_delimiter;
    parse_style_options(root, s, style_names, style_names_delimiter, context);
    s.macros.resize(macros.size());
    for (pugi::xml_node child : root.children()) {
        if (child.type() != pugi::node_element) continue;
        std::string_view name = child.name();
        if (name == "macro") {
            Element& m =
                s.macros[static_cast<std::size_t>(macros.at(child.attribute("name").value()))];
            m.kind = ElementKind::group;
            m.children = parse_children(child, context);
        } else if (name == "citation") {
            parse_layout(child, s.citation, context);
            parse_citation_options(child, s);
        } else if (name == "bibliography") {
            parse_layout(child, s.bibliography, context);
            parse_bibliography_options(child, s);
        } else if (name == "locale") {
            auto locale = parse_locale_element(child, xml, origin);
            if (!locale) return unexpected(locale.error());
            s.locales.push_back(std::move(*locale));
        } else if (name != "info") {
            context.fail(child, "unknown element <" + std::string(name) + "> in <style>");
        }
    }
    if (context.error) return unexpected(*context.error);
    if (auto error = check_macro_depth(root, s, context)) return unexpected(*error);
    for (Layout* layout : {&s.citation, &s.bibliography}) {
        layout->names.inherit(style_names);
        if (!layout->names_delimiter) layout->names_delimiter = style_names_delimiter;
    }
    if (s.parent.empty() && !s.citation.present) {
        return unexpected(CslError{"the style has no <citation>", origin, 0, 0});
    }
    return s;
}

} // namespace

Expected<Style, CslError> Style::parse(std::string_view xml, std::string origin) {
    pugi::xml_document doc;
    pugi::xml_parse_result result = doc.load_buffer(xml.data(), xml.size());
    if (!result) return unexpected(xml_error(xml, result, origin));
    pugi::xml_node root = doc.document_element();
    if (std::string_view(root.name()) != "style") {
        return unexpected(CslError{"the root element is not <style>", origin, 1, 1});
    }
    auto compiled = compile(root, xml, origin);
    if (!compiled) return unexpected(compiled.error());
    Style style;
    style.m_compiled = std::make_shared<const Compiled>(std::move(*compiled));
    return style;
}

std::string_view Style::id() const {
    return m_compiled->id;
}
std::string_view Style::title() const {
    return m_compiled->title;
}
std::string_view Style::default_locale() const {
    return m_compiled->default_locale;
}
bool Style::is_dependent() const {
    return !m_compiled->parent.empty();
}
std::string_view Style::independent_parent() const {
    return m_compiled->parent;
}
bool Style::has_bibliography() const {
    return m_compiled->bibliography.present;
}
bool Style::is_note_style() const {
    return m_compiled->is_note;
}

} // namespace bibkit::csl
