#pragma once
// The normalized name that the rest of bibkit uses (CSL's name model), from either BibTeX's
// "First von Last, Jr" forms or biblatex's extended `family=…, given=…` form. Every part is raw
// LaTeX as written (accents, braces and `~` kept); decoding to text is the text module's job.
//
// Mapping (pandoc and citation-js do the same for BibTeX names):
//   BibTeX First -> given, von -> particle (CSL non-dropping-particle), Last -> family,
//   Jr -> suffix. `Martin Luther King, Jr.` is read as BibTeX reads it: family
//   `Martin Luther King`, given `Jr.`.
//   biblatex prefix -> particle when useprefix=true or not given (like a BibTeX von part), and ->
//   dropping_particle when useprefix=false (biblatex then drops it where only the family name is
//   shown, which is what CSL's dropping-particle means).
// A name that is a single brace group, `{World Health Organization}`, is an institution: it goes
// to `literal` without its outer braces, and the other parts stay empty.

#include <bibkit/names/bibtex_name.hpp>
#include <bibkit/names/name_list.hpp>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::names {

struct Name {
    std::string given;
    std::string family;
    std::string particle;          // CSL non-dropping-particle
    std::string dropping_particle; // CSL dropping-particle
    std::string suffix;
    std::string literal;
    std::string initials; // of the given name: `Jean-Pierre` -> `J.-P.`, `John Paul` -> `J. P.`

    bool operator==(const Name&) const = default;
};

// The normalized form of one name (one element of a NameList).
Name parse_name(std::string_view name, std::vector<NameDiagnostic>* diagnostics = nullptr,
                LetterCase letter_case = LetterCase::unicode);

struct ParsedNames {
    std::vector<Name> names; // empty names (`A and and B`) are dropped with a warning
    EtAl et_al = EtAl::no;
    std::vector<NameDiagnostic> diagnostics; // offsets into the field value
};

// A whole name-list field value: split at `and`, each name parsed.
ParsedNames parse_names(std::string_view value, LetterCase letter_case = LetterCase::unicode);

// The names of `list` (split_name_list(value)) parsed and handed to `visit` one at a time, for
// callers that convert each name at once: a field of a million names then never holds a million
// parsed names besides the converted ones. Diagnostics are appended (offsets into the value).
void for_each_name(std::string_view value, const NameList& list,
                   const std::function<void(Name&&)>& visit,
                   std::vector<NameDiagnostic>& diagnostics,
                   LetterCase letter_case = LetterCase::unicode);

// Initials of a given name: each token's first letter (or `{\...}` special character) and a
// period, separated as in the input: `-` stays (`J.-P.`), anything else becomes a space.
// Tokens without a letter are left out.
std::string initials(std::string_view given, LetterCase letter_case = LetterCase::unicode);
std::string initials(const BibtexName& name, TokenRange part);

} // namespace bibkit::names
