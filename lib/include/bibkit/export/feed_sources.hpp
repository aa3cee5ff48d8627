#pragma once
// Where feed items come from: normalized BibTeX entries, and Jekyll collections.
//
// BibTeX: @news (date, title, body in Markdown, inline, url), @talk (title, author as speaker,
// type, event, venue, location, date with an optional time, eventdate, url, slides, video,
// abstract, keywords) and, for publications, every entry of a known work type other than those
// (title, authors, issued date, container title or publisher, DOI, arXiv id, url, pdf, code,
// abstract, keywords).
//
// Jekyll collections: a folder of Markdown pages (*.md, *.markdown, in subfolders too) with YAML
// front matter. al-folio's _news: date, title, inline; the body. academicpages' _talks: title,
// type or talk_type, venue, location, date, talk_url (or url), slides, video, permalink; the
// body. A page's URL is its permalink, else Jekyll's /COLLECTION/PATH/ (al-folio's and
// academicpages' setting). Dates are Jekyll's: 2024-05-17, 2015-10-22 15:59:00 -0400, ISO 8601.

#include <bibkit/core/diagnostic.hpp>
#include <bibkit/core/expected.hpp>
#include <bibkit/core/source_file.hpp>
#include <bibkit/export/feed_item.hpp>
#include <bibkit/model/item.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::exports {

struct FeedItems {
    std::vector<FeedItem> items;
    std::vector<Diagnostic> diagnostics; // pages that could not be read are left out, with why
};

// The items of `kind` among the entries (normalized from `database`, read from `bibliography`),
// in their order. Entries without a usable date are left out with a warning.
FeedItems feed_items(std::span<const model::Item> items, FeedKind kind,
                     const bibtex::Bibliography& bibliography, const bibtex::Database& database);

// Every page of the collection folder `dir` as an item of `kind`, in path order.
Expected<FeedItems, IoError> read_collection(const std::string& dir, FeedKind kind);

// One page (`path` relative to the collection, "2024-05-17-map5.md"); `collection` is the
// folder's name without its leading '_' ("news", "talks"), for the default URL.
FeedItems read_collection_page(const SourceFile& page, std::string_view path,
                               std::string_view collection, FeedKind kind);

// A Jekyll date: 2024-05-17, 2024-05-17 15:59, 2015-10-22 15:59:00 -0400, 2024-05-17T10:30:00Z.
std::optional<dates::DatePoint> parse_jekyll_date(std::string_view text);

} // namespace bibkit::exports
