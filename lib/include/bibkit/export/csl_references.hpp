#pragma once
// Entries rendered one by one in a CSL style, for web pages: each reference alone (no
// csl-bib-body wrapper) and citations, in HTML or Markdown, with two things the CSL engine
// does not do itself:
// - math stays TeX for MathJax: `<span class="math">\(…\)</span>` (HTML) or `$…$` (Markdown),
//   not the engine's Unicode approximation (CSL's HTML format writes math nodes so itself);
// - the owner's whole name as the style renders it ("Durand, C.", "C. Durand", al-folio's
//   highlight) in <strong class="author-highlight"> or **…**, from marks on the model
//   (bibkit/model/owner_marks.hpp).
// Math in Markdown goes through placeholders: before rendering, each math span becomes a token
// of digits made with a random nonce (digits survive CSL's text-case and escaping, and no field
// can predict the nonce); after rendering, each token becomes the markup.

#include <bibkit/bibtex/bibliography.hpp>
#include <bibkit/csl/processor.hpp>
#include <bibkit/export/csl_listing.hpp>
#include <bibkit/model/item.hpp>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bibkit::exports {

class CslReferences {
  public:
    // `format`: "html" or "markdown". `highlight`: the owner's names, "Family, Given" or "Family".
    static Expected<CslReferences, CslListingError> make(const CslListingOptions& csl,
                                                         std::string_view format,
                                                         const std::vector<std::string>& highlight);
    CslReferences(CslReferences&&) noexcept;
    CslReferences& operator=(CslReferences&&) noexcept;
    ~CslReferences();

    // Normalizes the entry (once; an index into Database::entries) for the next render.
    void add(const bibtex::Bibliography& bibliography, const bibtex::Database& database,
             const model::EffectiveFields& fields, std::uint32_t entry,
             std::vector<Diagnostic>& diagnostics);
    // The normalized entry as read (no placeholders), or null when it is no work.
    const model::Item* item(std::uint32_t entry) const;
    const model::Item* item(std::string_view key) const;

    // Every entry added so far, by key: the rendered reference.
    std::map<std::string, std::string, std::less<>> references() const;
    // Citations of entries added, one string per citation.
    std::vector<std::string> cite(std::span<const csl::Citation> citations) const;

  private:
    struct Impl;
    explicit CslReferences(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace bibkit::exports
