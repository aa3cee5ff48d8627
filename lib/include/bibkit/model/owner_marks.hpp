#pragma once
// The owner's name in bold, decided on the model: before an entry is rendered, the family name
// of each author that matches the owner is wrapped in two marker characters (U+0091 and U+0092,
// Unicode's "private use" controls, which no name holds and which every CSL format passes
// through). After rendering, each marked pair whose content the markup can wrap becomes bold,
// stretched over the given name or initials rendered right before or after it ("Marchand, É.",
// "É. Marchand"); stray markers are removed. Nothing is found by searching the output for the
// name itself, so a title that mentions the owner stays as it is. The CV and the web pages
// (al-folio's whole highlighted name) use it.

#include <bibkit/model/item.hpp>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::model {

inline constexpr std::string_view k_owner_open = "\xC2\x91";
inline constexpr std::string_view k_owner_close = "\xC2\x92";

// How a given name may appear once a style has rendered it: whole, or as initials in the
// common spellings ("É.", "J.-P.", "J. P.", "J.P.", "JP"), longest first.
std::vector<std::string> given_name_forms(std::string_view given);

// Marks `person` (see above).
void mark_owner(Person& person);

// The markup's bold, and whether a piece of its text can be wrapped in it as a whole (HTML: no
// tag inside; LaTeX: balanced braces).
struct OwnerBold {
    std::string_view open;
    std::string_view close;
    std::function<bool(std::string_view)> can_wrap;
};

// The rendered text with the marked names in bold and no marker left.
std::string apply_owner_marks(std::string_view rendered, const OwnerBold& bold,
                              std::span<const std::string> given_forms);

} // namespace bibkit::model
