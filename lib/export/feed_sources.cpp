// Feed items from normalized BibTeX entries. What CSL has a variable for is read from the
// normalized item; the rest (body, inline, slides, video, event, venue) from the raw fields.

#include <bibkit/core/ascii.hpp>
#include <bibkit/dates/date_parser.hpp>
#include <bibkit/export/feed_sources.hpp>
#include <bibkit/model/entry_types.hpp>
#include <bibkit/text/decode.hpp>
#include <bibkit/text/plain_text.hpp>

namespace bibkit::exports {

namespace {

std::vector<std::string> authors_of(const model::Item& item) {
    std::vector<std::string> authors;
    if (const model::Names* names = item.name_list("author"))
        for (const model::Person& person : names->people)
            authors.push_back(model::display_name(person));
    return authors;
}

std::string_view raw(const model::Item& item, std::string_view field) {
    const bibtex::Field* found = item.field(field);
    return found ? found->value : std::string_view();
}

// A field's LaTeX as plain text ("Universit{\"a}t Bonn" → "Universität Bonn").
std::string plain(const model::Item& item, std::string_view field) {
    return text::latex_to_plain_text(raw(item, field));
}

text::RichText rich(const model::Item& item, std::string_view field) {
    return text::decode_latex(raw(item, field)).text;
}

bool is_true(std::string_view value) {
    return ascii::iequals(value, "true") || ascii::iequals(value, "yes") || value == "1";
}

void add_link(FeedItem& item, std::string_view label, std::string_view url) {
    if (!url.empty()) item.links.push_back({std::string(label), std::string(url)});
}

struct When {
    dates::DatePoint date;
    std::optional<dates::DatePoint> end;
};

// A talk's own date field keeps its time of day; a range gives the end.
std::optional<When> when_of(const model::Item& item, FeedKind kind) {
    if (kind == FeedKind::talks) {
        for (std::string_view field : {"date", "eventdate"}) {
            dates::Date date = dates::parse_date(raw(item, field), field).date;
            if (date.kind == dates::DateKind::single) return When{date.begin, std::nullopt};
            if (date.kind == dates::DateKind::range && date.begin_bound == dates::Bound::date)
                return When{date.begin, date.end_bound == dates::Bound::date
                                            ? std::optional(date.end)
                                            : std::nullopt};
        }
    }
    const dates::Date* issued = item.date("issued");
    if (!issued || issued->kind == dates::DateKind::none ||
        issued->kind == dates::DateKind::literal || issued->begin_bound != dates::Bound::date)
        return std::nullopt;
    return When{issued->begin, std::nullopt};
}

bool is_of_kind(const model::Item& item, FeedKind kind) {
    switch (kind) {
    case FeedKind::news:
        return item.type == "news";
    case FeedKind::talks:
        return item.type == "talk";
    case FeedKind::publications:
        // Known work types only: @course, @person … are not papers.
        return item.type != "news" && item.type != "talk" &&
               model::find_entry_type(item.type) != nullptr;
    }
    return false;
}

void fill_talk(FeedItem& out, const model::Item& item) {
    out.authors = authors_of(item);
    out.talk_type = plain(item, "type");
    out.event = plain(item, "event");
    if (out.event.empty()) out.event = plain(item, "eventtitle");
    out.venue = plain(item, "venue");
    out.location = plain(item, "location");
    out.content = FeedText::from_rich(rich(item, "abstract"));
    add_link(out, "Slides", raw(item, "slides"));
    add_link(out, "Video", raw(item, "video"));
}

void fill_paper(FeedItem& out, const model::Item& item) {
    out.authors = authors_of(item);
    if (const text::RichText* venue = item.text("container-title"))
        out.venue = text::to_plain_text(*venue);
    else if (const text::RichText* publisher = item.text("publisher"))
        out.venue = text::to_plain_text(*publisher);
    out.content = FeedText::from_rich(rich(item, "abstract"));
    if (item.arxiv) add_link(out, "arXiv", item.arxiv->abs_url());
    if (item.doi) add_link(out, "DOI", item.doi->url());
    add_link(out, "PDF", raw(item, "pdf"));
    add_link(out, "Code", raw(item, "code"));
    if (out.url.empty() && item.doi) out.url = item.doi->url();
    if (out.url.empty() && item.arxiv) out.url = item.arxiv->abs_url();
}

FeedItem make_item(const model::Item& item, FeedKind kind, const When& when) {
    FeedItem out;
    out.key = std::string(item.key);
    out.kind = kind;
    if (const text::RichText* title = item.text("title")) out.title = *title;
    out.date = when.date;
    out.end = when.end;
    if (item.url) out.url = *item.url;
    out.tags = item.keywords;
    switch (kind) {
    case FeedKind::news:
        out.content = FeedText::from_markdown(std::string(raw(item, "body")));
        out.inline_news = is_true(raw(item, "inline"));
        break;
    case FeedKind::talks:
        fill_talk(out, item);
        break;
    case FeedKind::publications:
        fill_paper(out, item);
        break;
    }
    return out;
}

Diagnostic no_date(const model::Item& item, const bibtex::Bibliography& bibliography,
                   const bibtex::Database& database) {
    const bibtex::Entry& entry = database.entries[item.entry];
    const bibtex::RawEntry& raw_entry = bibliography.files()[entry.file].entries()[entry.raw_entry];
    return deferred_diagnostic(bibliography.source(entry.file), raw_entry.key.begin,
                               Severity::warning, "feed-no-date",
                               "no date (date, or year): left out of the feed", item.key);
}

} // namespace

FeedItems feed_items(std::span<const model::Item> items, FeedKind kind,
                     const bibtex::Bibliography& bibliography, const bibtex::Database& database) {
    FeedItems result;
    for (const model::Item& item : items) {
        if (!is_of_kind(item, kind)) continue;
        std::optional<When> when = when_of(item, kind);
        if (!when) {
            result.diagnostics.push_back(no_date(item, bibliography, database));
            continue;
        }
        result.items.push_back(make_item(item, kind, *when));
    }
    locate_diagnostics(result.diagnostics);
    return result;
}

} // namespace bibkit::exports
