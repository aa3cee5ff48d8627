#pragma once
// A CSL 1.0.2 style, parsed once (pugixml) into a compiled tree the processor evaluates.
// Immutable and cheap to copy (shared).

#include <bibkit/core/expected.hpp>
#include <bibkit/csl/error.hpp>
#include <memory>
#include <string>
#include <string_view>

namespace bibkit::csl {

class Style {
  public:
    // The style's XML; `origin` names it in errors. Unknown elements or attributes and invalid
    // values are errors with their line and column.
    static Expected<Style, CslError> parse(std::string_view xml, std::string origin);

    std::string_view id() const;
    std::string_view title() const;
    // The style's default-locale attribute, or "".
    std::string_view default_locale() const;
    // A dependent style names its independent parent (`<link rel="independent-parent">`) and
    // has no citation or bibliography of its own.
    bool is_dependent() const;
    std::string_view independent_parent() const; // the parent's URL, or ""
    bool has_bibliography() const;
    bool is_note_style() const; // class="note"

    struct Compiled;
    const Compiled& compiled() const { return *m_compiled; }

  private:
    std::shared_ptr<const Compiled> m_compiled;
};

} // namespace bibkit::csl
