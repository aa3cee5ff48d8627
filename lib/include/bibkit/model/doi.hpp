#pragma once
// Digital Object Identifiers: one normal form from every way people write them in .bib files
// (`10.1000/x`, `doi:10.1000/x`, `https://doi.org/10.1000/x`, `http://dx.doi.org/10.1000%2Fx`,
// `10.1000/a\_b`, `\url{…}`), checked against the DOI syntax `10.NNNN[.NN…]/suffix`.

#include <bibkit/core/expected.hpp>
#include <bibkit/model/identifier_error.hpp>
#include <string>
#include <string_view>

namespace bibkit::model {

struct Doi {
    std::string value; // "10.1000/XYZ": prefix and suffix, case as written

    // DOIs are case-insensitive (ASCII): the lower-cased form finds duplicates.
    std::string key() const;
    // "https://doi.org/…", with the characters a URL cannot carry percent-encoded.
    std::string url() const;
};

// Fails with code "malformed-doi" when the text, stripped of its wrappers, is not a DOI. Any
// http(s) URL is accepted when its path is a DOI (resolvers such as doi.org, dx.doi.org and
// doi.acm.org, and library proxies in front of them): a `doi` field holding a URL means the DOI.
Expected<Doi, IdentifierError> parse_doi(std::string_view text);

// True for URLs on a DOI resolver: doi.org, any *.doi.org, any doi.* host (doi.acm.org,
// doi.wiley.com). Finding a DOI in a `url` field relies on it: other URLs name a web page.
bool is_doi_resolver_url(std::string_view url);

} // namespace bibkit::model
