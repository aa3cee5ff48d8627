#pragma once
// The data an entry template sees (documented for users in man/bibkit-query.1 and the README):
//
//   key, id (PREFIX-KEY), index (1-based in its list), type (BibTeX), csl_type
//   reference_html, reference_markdown   the entry in the CSL style (owner highlighted, math
//                                        as \(…\) / $…$)
//   reference                            reference_html inside <span id="ID">: jekyll-scholar's
//   title, title_html, title_markdown
//   authors: [{name, name_html, name_markdown, highlight, last}], authors_html,
//   authors_markdown, more_authors (N), more_authors_text ("and N more authors")
//   venue, venue_html, venue_markdown     journal, book, else publisher, school, institution
//   year, month (1-12), abbr, note, award, selected (flag)
//   links: [{label, url, url_markdown}], has_links   arXiv, PDF, DOI, HTML, Code, Slides,
//                                                    Poster, Video, Website, Blog
//   abstract_html, abstract_markdown, bibtex (the entry without al-folio's private fields)
//   entry: {FIELD: decoded text}          every field, as jekyll-scholar's `entry.title`
//
// Text values are plain (the template engine escapes `{{x}}`); `_html` and `_markdown` values
// were escaped by bibkit and are meant for `{{{x}}}`.

#include <bibkit/bibtex/database.hpp>
#include <bibkit/export/template.hpp>
#include <bibkit/model/item.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::exports::detail {

// "Family, Given" or "Family": a name of the site's owner.
struct OwnerName {
    std::string family;
    std::string given; // "" matches any given name
};
std::vector<OwnerName> owner_names(const std::vector<std::string>& highlight);
bool is_owner(const model::Person& person, const std::vector<OwnerName>& owners);

struct EntryContext {
    const model::Item* item = nullptr;
    const bibtex::Entry* entry = nullptr; // the entry as written (for the BibTeX toggle)
    std::string id;
    std::size_t index = 0;
    std::string reference_html;
    std::string reference_markdown;
    std::string reference_tag = "span";
};

struct EntryDataOptions {
    std::vector<OwnerName> owners;
    std::size_t max_authors = 0; // 0: all
};

TemplateValue entry_data(const EntryContext& context, const EntryDataOptions& options);

// The entry as BibTeX without the fields that are the site's business (abbr, pdf, selected …).
std::string public_bibtex(const bibtex::Entry& entry);

} // namespace bibkit::exports::detail
