#pragma once
// A locale's terms, date formats and options as the processor reads them; the same structure
// holds a locale file and a style's own cs:locale overrides.

#include <bibkit/core/expected.hpp>
#include <bibkit/csl/error.hpp>
#include <bibkit/csl/locale.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pugi {
class xml_node;
}

namespace bibkit::csl::detail {

struct Element;

enum class TermForm : std::uint8_t { long_, short_, verb, verb_short, symbol };
enum class Gender : std::uint8_t { neuter, masculine, feminine };
enum class OrdinalMatch : std::uint8_t { last_digit, last_two_digits, whole_number };

struct Term {
    TermForm form = TermForm::long_;
    Gender gender = Gender::neuter;    // of a noun (a variable's term)
    std::optional<Gender> gender_form; // which gender an ordinal suffix is for
    OrdinalMatch match = OrdinalMatch::last_digit;
    bool match_set = false;
    std::string single, multiple;
    bool has_multiple = false;
};

struct LocaleData {
    std::string lang; // "" for an in-style cs:locale without xml:lang
    std::unordered_map<std::string, std::vector<Term>> terms;
    std::shared_ptr<Element> date_text, date_numeric; // cs:date form="text"/"numeric"
    std::optional<bool> punctuation_in_quote, limit_day_ordinals_to_day_1;
    bool has_ordinals = false; // defines ordinal terms (which then replace the files')
};

// Reads a cs:locale element (in a locale file or a style). `line_of` maps node offsets to lines.
Expected<LocaleData, CslError> parse_locale_element(const pugi::xml_node& node,
                                                    std::string_view source,
                                                    const std::string& origin);

// The line and column of a byte offset in `source`.
std::pair<std::uint32_t, std::uint32_t> line_column(std::string_view source, std::size_t offset);

} // namespace bibkit::csl::detail

namespace bibkit::csl {

struct Locale::Compiled {
    detail::LocaleData data;
};

} // namespace bibkit::csl
