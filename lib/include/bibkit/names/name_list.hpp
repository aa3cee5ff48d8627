#pragma once
// A name-list field (author, editor, ...) split into names as BibTeX 0.99d does: at the word
// `and` (any letter case) with white space on both sides, at brace depth 0 only.

#include <bibkit/names/name_diagnostic.hpp>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace bibkit::names {

enum class EtAl : std::uint8_t { no, yes };

struct NameList {
    // Views into the value, white space trimmed, in order. Empty names (`A and and B`) are kept so
    // that index i is BibTeX's name i+1; a trailing `and others` is not among them.
    std::vector<std::string_view> names;
    EtAl et_al = EtAl::no; // the list ended in `and others`
};

// BibTeX's `num.names$`: `and others` counts as a name, the empty and all-blank value as none.
std::size_t count_names(std::string_view value);

// The names of a list. `others` as the last of two or more names becomes the et-al flag (what the
// standard styles test, case-sensitively); a lone `others` stays a name.
NameList split_name_list(std::string_view value);

} // namespace bibkit::names
