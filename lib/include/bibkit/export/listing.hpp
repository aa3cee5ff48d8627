#pragma once
// `bibkit query`'s output formats for a selection, one small interface with one implementation
// per format: keys (one key per line, group headings as "## heading", "### heading" … like
// jekyll-scholar's oracle key lists), count, json (type, key and the fields the query saw),
// csl-json, bibtex (the entries as written, with the @string and @preamble commands and the
// crossref/xdata parents they need). The JSON formats are flat arrays in output order: CSL-JSON
// has no place for group headings. The rendered formats (text, html, markdown, latex) need a CSL
// style and its locales: csl_listing.hpp makes them.

#include <bibkit/bibtex/bibliography.hpp>
#include <bibkit/core/diagnostic.hpp>
#include <bibkit/model/inheritance.hpp>
#include <bibkit/query/selection.hpp>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::exports {

// What the formats may read besides the records: all of it must outlive the format.
struct ListingSource {
    const bibtex::Bibliography* bibliography = nullptr;
    const bibtex::Database* database = nullptr;
    const model::EffectiveFields* fields = nullptr;
};

struct ListingOptions {
    // The HTML heading level of each group level (jekyll-scholar's bibliography_group_tag
    // h2,h3,h4,h5; the last repeats): `keys` and `markdown` mark a heading with that many '#'.
    std::vector<int> heading_levels = {2, 3, 4, 5};
};

class ListingFormat {
  public:
    virtual ~ListingFormat() = default;
    virtual void begin(std::string& out, const query::Selection& selection);
    // level 1 for the top-level groups.
    virtual void heading(std::string& out, int level, std::string_view heading) = 0;
    virtual void entry(std::string& out, const query::Record& record) = 0;
    virtual void end(std::string& out);
    // Problems met while writing (LaTeX, names, dates of the entries normalized), deferred.
    virtual std::vector<Diagnostic> take_diagnostics() { return {}; }
};

// The names `make_listing_format` knows, for usage messages.
std::span<const std::string_view> listing_format_names();

// Null for an unknown name, and for the rendered formats (make_csl_listing_format).
std::unique_ptr<ListingFormat> make_listing_format(std::string_view name,
                                                   const ListingSource& source,
                                                   const ListingOptions& options = {});

void write_listing(std::string& out, const query::Selection& selection, ListingFormat& format);

} // namespace bibkit::exports
