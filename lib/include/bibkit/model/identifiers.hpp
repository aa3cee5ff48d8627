#pragma once
// An entry's identifiers, wherever BibTeX users put them (SPEC.md, "The data model"):
// DOI from `doi`, then doi.org URLs in `url` or `howpublished`; arXiv id from `eprint` with
// `eprinttype`/`archiveprefix` = arXiv, the `arxiv` field (al-folio), `journal = {arXiv preprint
// arXiv:…}`, DBLP's `journal = {CoRR}`/`{ArXiv}` + `volume = {abs/…}`, arxiv.org URLs in `url`,
// `howpublished` and `note`; ISBN from `isbn`; URL from `url` or `howpublished = {\url{…}}`.
// Field lists may have names as read or alias-folded (journal or journaltitle alike).

#include <bibkit/bibtex/database.hpp>
#include <bibkit/model/arxiv_id.hpp>
#include <bibkit/model/doi.hpp>
#include <bibkit/model/isbn.hpp>
#include <bibkit/model/url.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::model {

// A field meant to hold an identifier that does not: for `check`.
struct IdentifierProblem {
    std::string_view field; // the field's name in the list
    IdentifierError error;
};

template <class T> struct FoundIdentifier {
    std::optional<T> value; // the first well-formed one, in the order above
    std::string_view field; // the field it came from; empty when none was found
    // Malformed values in fields that exist to hold this identifier (`doi`, `eprint` with an
    // arXiv type, `arxiv`, `isbn`, `url`); free text (`note`, `howpublished`) gives none.
    std::vector<IdentifierProblem> problems;
};

FoundIdentifier<Doi> find_doi(std::span<const bibtex::Field> fields);
// A new-style id's primary_category comes from `eprintclass`/`primaryclass` when present.
FoundIdentifier<ArxivId> find_arxiv_id(std::span<const bibtex::Field> fields);
// `isbn` may list several ("978…, 978…"): the first valid one is taken, the others checked.
FoundIdentifier<Isbn> find_isbn(std::span<const bibtex::Field> fields);
FoundIdentifier<std::string> find_url(std::span<const bibtex::Field> fields);

} // namespace bibkit::model
