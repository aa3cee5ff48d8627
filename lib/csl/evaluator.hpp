#pragma once
// Evaluation of a compiled layout for one item (and one cite) into a formatted-output tree.

#include "compiled_style.hpp"
#include "locale_chain.hpp"
#include "output.hpp"

#include <bibkit/csl/processor.hpp>
#include <bibkit/model/item.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::csl::detail {

// What disambiguation and numbering decided for an item.
struct ItemState {
    int names_extra = 0;     // names shown beyond et-al-use-first
    int givenname_level = 0; // 0 as styled, 1 initials, 2 full given names
    // Per name (the item's name variables in order, flattened): the same levels, raised by
    // name disambiguation.
    std::vector<std::uint8_t> given_levels;
    int level_of(const model::Item& item, const model::Names* names, std::size_t person) const {
        std::size_t offset = 0;
        for (const auto& v : item.names) {
            if (&v.value == names) break;
            offset += v.value.people.size();
        }
        offset += person;
        int named = offset < given_levels.size() ? given_levels[offset] : 0;
        return std::max(givenname_level, named);
    }
    bool disambiguate = false;
    std::string year_suffix;
    int citation_number = 0;
};

struct CiteInfo {
    const CitationItem* cite = nullptr; // null in the bibliography
    Position position = Position::first;
    bool near_note = false;
    int first_note = 0; // the note of the item's first citation
};

struct Context {
    Context(const model::Item& i, const ItemState& s, const CiteInfo& c)
        : item(i), state(s), cite(c) {}
    const model::Item& item;
    const ItemState& state;
    const CiteInfo& cite;
    bool sort_mode = false;
    const SortKey* sort_key = nullptr; // its names-min etc. override et-al while sorting
    int vars_called = 0, vars_rendered = 0;
    std::vector<std::string> suppressed; // variables a substitute already rendered
    std::vector<std::string>* recording = nullptr;
    bool year_suffix_done = false;
    bool text_case_english = true;
};

class Evaluator {
  public:
    Evaluator(const Style::Compiled& style, const LocaleChain& locale, const Layout& layout);

    // The layout's children for the item (the layout's own affixes and formatting are not
    // applied: citations wrap several cites in them).
    OutNode render(Context& context) const;
    OutNode render_macro(Context& context, int macro) const;

    // Rendering pieces, used by names.cpp and dates.cpp.
    void element(Context& context, const Element& e, OutNode& parent) const;
    void children(Context& context, const std::vector<Element>& elements, OutNode& out) const;
    // Wraps `content` in e's affixes, formatting, display, quotes, text-case and strip-periods.
    OutNode wrap(const Element& e, OutNode content, const Context& context) const;
    void apply_case(OutNode& node, TextCase text_case, const Context& context) const;

    bool names(Context& context, const Element& e, OutNode& parent) const;
    bool date(Context& context, const Element& e, OutNode& parent) const;

    // Sort keys of variables (names as sort order, dates and numbers sortable).
    std::string names_sort_key(Context& context, std::string_view variable,
                               const SortKey* key) const;
    std::string date_sort_key(const dates::Date& date) const;

    const LocaleChain& locale() const { return m_locale; }
    const Style::Compiled& style() const { return m_style; }
    bool uses_year_suffix_variable() const { return m_uses_year_suffix; }
    // Whether a text/number variable has a value for this item (and cite).
    bool has_variable(Context& context, std::string_view name) const;
    // A string variable's value as output (rich text converted); empty when absent.
    bool variable_node(Context& context, std::string_view name, Form form, OutNode& out) const;
    std::string variable_plain(Context& context, std::string_view name) const;

  private:
    void text(Context& context, const Element& e, OutNode& parent) const;
    void number(Context& context, const Element& e, OutNode& parent) const;
    void label(Context& context, const Element& e, OutNode& parent) const;
    void group(Context& context, const Element& e, OutNode& parent) const;
    void choose(Context& context, const Element& e, OutNode& parent) const;
    bool test(Context& context, const Condition& c) const;

    const Style::Compiled& m_style;
    const LocaleChain& m_locale;
    const Layout& m_layout;
    bool m_uses_year_suffix = false;
};

// Helpers shared by the evaluation files.
TermForm term_form(Form form);
// Variables CSL calls numbers (volume, issue …): their ranges print with an en dash.
bool is_number_variable(std::string_view name);
bool is_numeric(std::string_view value);
// A numeric value's first number, zero-padded so that keys sort as numbers do ("9" < "10");
// "" when it has no digit.
std::string numeric_sort_key(std::string_view value);
// "12-15" → "12–15"; each number in the form asked (ordinal, roman …).
std::string format_numbers(std::string_view value, Form form, const LocaleChain& locale,
                           Gender gender);
// `dash` is the locale's page-range-delimiter ("" for an en dash).
std::string format_page_range(std::string_view value, PageRangeFormat format,
                              std::string_view dash = {});
// Whether the value names more than one number ("1-3", "2, 4", "2 & 4").
bool is_plural_value(std::string_view value);
OutNode from_rich_text(const text::RichText& text);
void strip_periods(OutNode& node);

} // namespace bibkit::csl::detail
