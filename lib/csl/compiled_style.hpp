#pragma once
// The compiled form of a CSL style: elements as one tagged struct with every attribute parsed
// into enums and numbers, macros resolved to indices, so evaluation never compares attribute
// names or looks macros up by name.

#include "compiled_locale.hpp"

#include <bibkit/csl/style.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bibkit::csl::detail {

enum class FontStyle : std::uint8_t { unset, normal, italic, oblique };
enum class FontVariant : std::uint8_t { unset, normal, small_caps };
enum class FontWeight : std::uint8_t { unset, normal, bold, light };
enum class TextDecoration : std::uint8_t { unset, none, underline };
enum class VerticalAlign : std::uint8_t { unset, baseline, sup, sub };
enum class TextCase : std::uint8_t {
    none,
    lowercase,
    uppercase,
    capitalize_first,
    capitalize_all,
    sentence,
    title
};
enum class Display : std::uint8_t { none, block, left_margin, right_inline, indent };

struct Formatting {
    FontStyle font_style = FontStyle::unset;
    FontVariant font_variant = FontVariant::unset;
    FontWeight font_weight = FontWeight::unset;
    TextDecoration text_decoration = TextDecoration::unset;
    VerticalAlign vertical_align = VerticalAlign::unset;
    bool any() const {
        return font_style != FontStyle::unset || font_variant != FontVariant::unset ||
               font_weight != FontWeight::unset || text_decoration != TextDecoration::unset ||
               vertical_align != VerticalAlign::unset;
    }
};

enum class ElementKind : std::uint8_t {
    text,
    number,
    label,
    date,
    names,
    group,
    choose,
};

enum class TextSource : std::uint8_t { variable, macro, term, value };

// Every form attribute value any element takes, in one enum.
enum class Form : std::uint8_t {
    long_,
    short_,
    verb,
    verb_short,
    symbol,
    numeric,
    ordinal,
    long_ordinal,
    roman,
    count,
    numeric_leading_zeros,
};

enum class Plural : std::uint8_t { contextual, always, never };
enum class DateForm : std::uint8_t { none, text, numeric };
enum class DateParts : std::uint8_t { year_month_day, year_month, year };
enum class DatePartName : std::uint8_t { day, month, year };

struct DatePart {
    DatePartName name = DatePartName::year;
    Form form = Form::long_;
    bool form_set = false;
    Formatting fmt;
    std::string prefix, suffix;
    bool affixes_set = false;
    TextCase text_case = TextCase::none;
    bool strip_periods = false;
    std::optional<std::string> range_delimiter;
};

enum class AndKind : std::uint8_t { none, text, symbol };
enum class DelimiterPrecedes : std::uint8_t { contextual, after_inverted_name, always, never };
enum class NameAsSortOrder : std::uint8_t { none, first, all };
enum class NameForm : std::uint8_t { long_, short_, count };

// Inheritable name options: unset values come from the enclosing citation/bibliography/style.
struct NameOptions {
    std::optional<AndKind> and_;
    std::optional<std::string> delimiter;
    std::optional<DelimiterPrecedes> delimiter_precedes_et_al;
    std::optional<DelimiterPrecedes> delimiter_precedes_last;
    std::optional<int> et_al_min, et_al_use_first, et_al_subsequent_min, et_al_subsequent_use_first;
    std::optional<bool> et_al_use_last;
    std::optional<NameForm> form;
    std::optional<bool> initialize;
    std::optional<std::string> initialize_with;
    std::optional<NameAsSortOrder> name_as_sort_order;
    std::optional<std::string> sort_separator;
    // Fills what is unset here from `outer`.
    void inherit(const NameOptions& outer);
};

struct NamePart {
    Formatting fmt;
    std::string prefix, suffix;
    TextCase text_case = TextCase::none;
};

struct Element;

enum class Match : std::uint8_t { all, any, none };
enum class Position : std::uint8_t { first, subsequent, ibid, ibid_with_locator, near_note };

struct Condition {
    Match match = Match::all;
    bool is_else = false;
    std::vector<std::string> types, variables, is_numeric, is_uncertain_date, locators;
    std::vector<Position> positions;
    std::optional<bool> disambiguate;
};

struct Branch {
    Condition condition;
    std::vector<Element> children;
};

struct Element {
    ElementKind kind = ElementKind::text;
    Formatting fmt;
    std::string prefix, suffix, delimiter;
    bool has_delimiter = false;
    Display display = Display::none;
    TextCase text_case = TextCase::none;
    bool quotes = false;
    bool strip_periods = false;
    std::uint32_t line = 0; // for messages

    // text, number, label
    TextSource source = TextSource::value;
    std::string name; // the variable, term or value
    int macro = -1;
    Form form = Form::long_;
    Plural plural = Plural::contextual; // label
    bool term_plural = false;           // text term

    // date
    DateForm date_form = DateForm::none;
    DateParts date_parts = DateParts::year_month_day;
    std::vector<DatePart> parts;

    // names
    std::vector<std::string> variables;
    bool has_name = false;
    NameOptions name_options;
    Formatting name_fmt;
    std::string name_prefix, name_suffix;
    NamePart given_part, family_part;
    bool has_et_al = false;
    std::string et_al_term = "et-al";
    Formatting et_al_fmt;
    std::string et_al_prefix, et_al_suffix;
    bool has_label = false;
    bool label_before_name = false;
    std::vector<Element> label; // zero or one: the names' label element
    bool has_substitute = false;
    std::vector<Element> substitute;

    // group, macro bodies
    std::vector<Element> children;
    // choose
    std::vector<Branch> branches;
};

enum class Collapse : std::uint8_t { none, citation_number, year, year_suffix, year_suffix_ranged };
enum class GivenNameRule : std::uint8_t {
    by_cite,
    all_names,
    all_names_with_initials,
    primary_name,
    primary_name_with_initials
};
enum class SubsequentAuthorRule : std::uint8_t {
    complete_all,
    complete_each,
    partial_each,
    partial_first
};
enum class SortKind : std::uint8_t { variable, macro };

struct SortKey {
    SortKind kind = SortKind::variable;
    std::string variable;
    int macro = -1;
    bool descending = false;
    std::optional<int> names_min, names_use_first;
    std::optional<bool> names_use_last;
};

enum class DemoteParticle : std::uint8_t { never, sort_only, display_and_sort };
enum class PageRangeFormat : std::uint8_t {
    none,
    chicago,
    chicago16,
    expanded,
    minimal,
    minimal_two
};

struct Layout {
    bool present = false;
    Element root; // a group holding the layout's children, its affixes and delimiter
    std::vector<SortKey> sort;
    NameOptions names; // citation/bibliography name options over the style's
    std::optional<std::string> names_delimiter;
};

} // namespace bibkit::csl::detail

namespace bibkit::csl {

struct Style::Compiled {
    std::string id, title, default_locale, parent;
    bool is_note = false;
    detail::DemoteParticle demote = detail::DemoteParticle::display_and_sort;
    bool initialize_with_hyphen = true;
    detail::PageRangeFormat page_range_format = detail::PageRangeFormat::none;

    std::vector<detail::Element> macros; // each a group of the macro's children
    detail::Layout citation, bibliography;

    // citation options
    bool disambiguate_add_names = false, disambiguate_add_givenname = false,
         disambiguate_add_year_suffix = false;
    detail::GivenNameRule givenname_rule = detail::GivenNameRule::by_cite;
    detail::Collapse collapse = detail::Collapse::none;
    std::optional<std::string> cite_group_delimiter, year_suffix_delimiter,
        after_collapse_delimiter;
    int near_note_distance = 5;

    // bibliography options
    bool hanging_indent = false, second_field_align = false;
    int line_spacing = 1, entry_spacing = 1;
    std::optional<std::string> subsequent_author_substitute;
    detail::SubsequentAuthorRule subsequent_author_rule =
        detail::SubsequentAuthorRule::complete_all;

    std::vector<detail::LocaleData> locales; // in-style cs:locale, in document order
};

} // namespace bibkit::csl
