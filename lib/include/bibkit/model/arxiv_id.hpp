#pragma once
// arXiv identifiers in every form people write them: new style (`2406.09241`, `0704.0001`,
// `2406.09241v2`), old style (`hep-th/9901001`, `math.GT/0309136`, `cond-mat/0001001v2`), with an
// `arXiv:` prefix, or as abstract/PDF URLs on arxiv.org and export.arxiv.org. Standalone: the
// arXiv client parses its ids with it too.

#include <bibkit/core/expected.hpp>
#include <bibkit/model/identifier_error.hpp>
#include <cstdint>
#include <string>
#include <string_view>

namespace bibkit::model {

enum class ArxivStyle : std::uint8_t {
    modern, // YYMM.NNNN (April 2007 to 2014) or YYMM.NNNNN (from 2015)
    legacy, // archive[.Class]/YYMMNNN (1991 to March 2007)
};

struct ArxivId {
    std::string id;            // without version: "2406.09241", "math.GT/0309136"
    std::uint32_t version = 0; // 0 when the text named none
    ArxivStyle style = ArxivStyle::modern;
    // Old style: the archive and subject class of the id ("hep-th", "math.GT"). New-style ids do
    // not carry one; extraction from an entry fills it from `eprintclass`/`primaryclass`.
    std::string primary_category;

    // "2406.09241v2", or the id alone when there is no version.
    std::string versioned() const;
    // "https://arxiv.org/abs/…" (with the version, when known).
    std::string abs_url() const;
};

// Fails with code "malformed-arxiv-id" and a message that says what is wrong (a month 13, an
// unknown archive, a new-style number with the wrong count of digits, …).
Expected<ArxivId, IdentifierError> parse_arxiv_id(std::string_view text);

} // namespace bibkit::model
