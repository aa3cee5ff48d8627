#pragma once
// One name split into BibTeX's four parts, First von Last Jr, exactly as BibTeX 0.99d splits it
// (bibtex.web, `format.name$`): the forms "First von Last", "von Last, First" and
// "von Last, Jr, First"; tokens separated by white space, `~` and `-`; a brace group belongs to the
// token it is in; a "von" token is one whose first cased letter is lower case, where a group that
// starts with a control sequence (`{\"u}ber`, `{\ss}`) is a letter like any other and a group
// without one (`{Ch}ristophe`) is skipped.

#include <bibkit/names/name_diagnostic.hpp>
#include <cstdint>
#include <string_view>
#include <vector>

namespace bibkit::names {

enum class LetterCase : std::uint8_t {
    // Non-ASCII letters have their Unicode case (`Émile Zola` has given name `Émile`), initials
    // keep a whole character and lengths count characters. The default.
    unicode,
    // BibTeX 0.99d to the byte: a non-ASCII byte is a letter without case (so `Émile` is a von
    // word, decided by the `m`), an initial is the first byte, lengths count bytes.
    bibtex_bytes,
};

struct NameToken {
    std::string_view text; // a view into the name
    char separator = ' ';  // what separated it from the previous token: ' ', '-', '~' or ','
};

// Tokens [begin, end) of BibtexName::tokens.
struct TokenRange {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;

    bool empty() const { return begin >= end; }
    std::uint32_t size() const { return empty() ? 0 : end - begin; }
};

struct BibtexName {
    std::vector<NameToken> tokens;
    TokenRange first, von, last, jr;
    std::uint8_t commas =
        0; // 0, 1 or 2: further commas are reported and then ignored, as BibTeX does
    LetterCase letter_case = LetterCase::unicode;
    std::vector<NameDiagnostic> diagnostics; // offsets into the name given to split_name

    // The tokens of a part joined by their own separators (a comma becomes a space): raw LaTeX.
    std::string joined(TokenRange part) const;
};

// Splits one name (one element of a NameList). Leading white space, `-` and `~` and trailing white
// space, `-`, `~` and commas are dropped first, as BibTeX does.
BibtexName split_name(std::string_view name, LetterCase letter_case = LetterCase::unicode);

// BibTeX's von test for one token: does its first cased letter count as lower case?
bool is_von_token(std::string_view token, LetterCase letter_case = LetterCase::unicode);

} // namespace bibkit::names
