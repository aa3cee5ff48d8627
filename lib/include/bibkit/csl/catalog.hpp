#pragma once
// Finding styles and locales by name, as users name them (`apa`, `ieee.csl`, a path, `de-AT`).
//
// Styles: a path as given; else NAME or NAME.csl in the search directories, in order: the
// project's `styles/`, the user's ($XDG_DATA_HOME/bibkit/styles, ~/.csl/styles), then
// /usr/share/citation-style-language/styles (Debian citation-style-language-styles). A dependent
// style is resolved through its independent parent (looked up by the last segment of its URL).
//
// Locales: CSL's fallback order for a tag — the exact tag, its primary dialect (de → de-DE,
// pt → pt-PT …), then en-US — from --locale-dir, then
// /usr/share/citation-style-language/locales, with the built-in en-US last. (The in-style
// cs:locale elements come first; the processor applies those.)

#include <bibkit/core/expected.hpp>
#include <bibkit/csl/error.hpp>
#include <bibkit/csl/locale.hpp>
#include <bibkit/csl/style.hpp>
#include <filesystem>
#include <string_view>
#include <vector>

namespace bibkit::csl {

struct ResolvedStyle {
    Style style;                // the independent style to evaluate
    std::filesystem::path path; // where it was found ("" for a parsed string)
    std::string default_locale; // the dependent style's default-locale, else the style's
};

class StyleCatalog {
  public:
    explicit StyleCatalog(std::vector<std::filesystem::path> directories);
    // The default search directories above (the project's styles/ relative to `project_root`
    // when not empty), after $BIBKIT_STYLES (colon-separated) and before Debian's dependent/.
    static StyleCatalog with_default_directories(const std::filesystem::path& project_root = {});

    Expected<ResolvedStyle, CslError> find(std::string_view name_or_path) const;
    const std::vector<std::filesystem::path>& directories() const { return m_directories; }

  private:
    std::vector<std::filesystem::path> m_directories;
};

class LocaleCatalog {
  public:
    explicit LocaleCatalog(std::vector<std::filesystem::path> directories);
    // $BIBKIT_LOCALES (colon-separated), then /usr/share/citation-style-language/locales.
    static LocaleCatalog with_default_directories();

    // The locale files for `tag`, most specific first: exact, primary dialect, en-US (the
    // built-in one when no file has it). Tags are matched case-insensitively, `_` as `-`.
    // Never empty; files that fail to parse are errors.
    Expected<std::vector<Locale>, CslError> chain(std::string_view tag) const;
    const std::vector<std::filesystem::path>& directories() const { return m_directories; }

  private:
    std::vector<std::filesystem::path> m_directories;
};

} // namespace bibkit::csl
