#pragma once
// BibTeX's `format.name$` pattern language, e.g. plain.bst's "{ff~}{vv~}{ll}{, jj}".
// Text outside braces is copied. A group `{...}` holds one part letter, f v l or j: doubled
// (`ff`) it gives whole tokens, single (`f`) their first letters (a `{\'E}` special character
// whole). Text before and after the letters in the group is printed only when the part is not
// empty. Between tokens: a group right after the letters (`{ff{ }}`) if present; otherwise, after
// an initial, a period, then the input's `-` or `~`, else a tie `~` between the last two tokens or
// after fewer than three characters of the group, else a space. A `~` that ends a group's output
// is "discretionary": it becomes a space after three or more characters.

#include <bibkit/core/expected.hpp>
#include <bibkit/names/bibtex_name.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::names {

enum class NamePart : std::uint8_t { first, von, last, jr };
enum class TokenForm : std::uint8_t { full, initial };

class NameFormat {
  public:
    // Checks and compiles a pattern once, so that formatting many names does not re-read it.
    // Errors (unbalanced braces, a group with no or several part letters, an unknown letter) are
    // the cases where BibTeX complains; the offset is into the pattern.
    static Expected<NameFormat, NameDiagnostic> parse(std::string_view pattern);

    void append(std::string& out, const BibtexName& name) const;
    std::string format(const BibtexName& name) const;

  private:
    struct Element {
        std::string before; // a plain literal when is_group is false
        bool is_group = false;
        NamePart part = NamePart::first;
        TokenForm form = TokenForm::full;
        bool custom_separator = false;
        std::string separator;
        std::string after;
    };
    static Element literal_element(std::string text);

    std::vector<Element> m_elements;
};

// The BibTeX patterns that the oracle in ../shared/names and the standard styles use.
inline constexpr std::string_view k_plain_full_pattern = "{ff~}{vv~}{ll}{, jj}";
inline constexpr std::string_view k_abbrv_pattern = "{f.~}{vv~}{ll}{, jj}";
inline constexpr std::string_view k_plain_sort_pattern = "{vv{ } }{ll{ }}{  ff{ }}{  jj{ }}";

// Convenience for one-off use; a pattern that does not parse gives the empty string.
std::string format_name(const BibtexName& name, std::string_view pattern);

} // namespace bibkit::names
