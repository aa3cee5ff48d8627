#pragma once
// Term and format lookup over CSL's locale fallback: the style's cs:locale elements (exact
// language, primary language, no language), then the locale files in order; a missing form
// falls back (verb-short → verb → long, symbol → short → long, short → long).

#include "compiled_locale.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::csl::detail {

class LocaleChain {
  public:
    LocaleChain() = default;
    LocaleChain(const std::vector<LocaleData>& style_locales, std::span<const Locale> files,
                std::string_view lang);

    const Term* term(std::string_view name, TermForm form,
                     std::optional<Gender> gender_form = std::nullopt) const;
    // The term's text, "" when undefined.
    std::string_view text(std::string_view name, TermForm form, bool plural) const;
    bool has_term(std::string_view name, TermForm form) const;
    Gender gender_of(std::string_view name) const;
    std::string ordinal_suffix(long n, Gender gender) const;
    std::string long_ordinal(long n, Gender gender) const;
    const Element* date_format(bool numeric) const;
    bool punctuation_in_quote() const;
    bool limit_day_ordinals_to_day_1() const;

  private:
    const Term* exact(std::string_view name, TermForm form,
                      std::optional<Gender> gender_form) const;
    const Term* ordinal_term(std::string_view name, Gender gender) const;
    std::vector<const LocaleData*> m_sources;
    const LocaleData* m_ordinals = nullptr; // the first locale defining ordinals: only its count
};

} // namespace bibkit::csl::detail
