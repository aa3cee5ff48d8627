#pragma once
// A CSL locale: terms (with forms, plurals, genders, ordinals), date formats and options.
// Immutable and cheap to copy (shared).

#include <bibkit/core/expected.hpp>
#include <bibkit/csl/error.hpp>
#include <memory>
#include <string>
#include <string_view>

namespace bibkit::csl {

class Locale {
  public:
    // A locale file's XML (`locales-xx-XX.xml`); `origin` names it in errors.
    static Expected<Locale, CslError> parse(std::string_view xml, std::string origin);
    // bibkit's own en-US terms and formats (written for bibkit, not copied from the CSL locales),
    // so that styles render without any locale file installed.
    static const Locale& builtin_en_us();

    std::string_view tag() const; // xml:lang, "en-US"

    struct Compiled;
    const Compiled& compiled() const { return *m_compiled; }

  private:
    std::shared_ptr<const Compiled> m_compiled;
};

} // namespace bibkit::csl
