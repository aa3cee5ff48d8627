#pragma once
// The CV owner's name, to highlight wherever it appears in an author list. A name matches when
// its family name is the same and its given name agrees, both compared on decoded text without
// case or accents ("Marchand" = "MARCHAND", "Élodie" = "Elodie"), and an initial agreeing with
// a whole given name ("É." = "Élodie", "J.-P." = "Jean-Pierre", "J." = "Jean-Pierre"). When
// the owner is given without a given name, any given name matches.

#include <bibkit/core/expected.hpp>
#include <bibkit/model/item.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::cv {

class OwnerName {
  public:
    // "Family, Given", "Given Family" or "Family" (BibTeX's name forms; LaTeX accents are
    // decoded). An error message when there is no family name.
    static Expected<OwnerName, std::string> parse(std::string_view name);

    bool matches(const model::Person& person) const;

    const std::string& family() const { return m_family; }
    const std::string& given() const { return m_given; }

  private:
    std::string m_family; // decoded
    std::string m_given;
    std::string m_family_key; // folded: no case, no accents
    std::vector<std::string> m_given_words;
};

// Text compared without case and accents: NFD, combining marks removed, case-folded.
std::string fold_for_matching(std::string_view text);

} // namespace bibkit::cv
