#include "web_entry.hpp"

#include "feed_content.hpp"

#include <algorithm>
#include <array>
#include <bibkit/core/ascii.hpp>
#include <bibkit/text/html.hpp>
#include <bibkit/text/link_policy.hpp>
#include <bibkit/text/markdown.hpp>
#include <bibkit/text/plain_text.hpp>

namespace bibkit::exports::detail {

namespace {

// al-folio's own fields and reference managers' private ones: not for the visitor's BibTeX.
constexpr std::array<std::string_view, 25> k_private_fields = {"abbr",
                                                               "abstract",
                                                               "additional_info",
                                                               "altmetric",
                                                               "annotation",
                                                               "award",
                                                               "award_name",
                                                               "bibtex_show",
                                                               "blog",
                                                               "code",
                                                               "dimensions",
                                                               "file",
                                                               "google_scholar_id",
                                                               "html",
                                                               "inspirehep_id",
                                                               "owner",
                                                               "pdf",
                                                               "poster",
                                                               "preview",
                                                               "project",
                                                               "selected",
                                                               "slides",
                                                               "supp",
                                                               "timestamp",
                                                               "video"};

struct LinkField {
    std::string_view field;
    std::string_view label;
};
// The links row, in al-folio's order; arXiv and DOI come from the identifiers.
constexpr std::array<LinkField, 8> k_link_fields = {{{"pdf", "PDF"},
                                                     {"html", "HTML"},
                                                     {"code", "Code"},
                                                     {"slides", "Slides"},
                                                     {"poster", "Poster"},
                                                     {"video", "Video"},
                                                     {"website", "Website"},
                                                     {"blog", "Blog"}}};

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && ascii::is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && ascii::is_space(text.back())) text.remove_suffix(1);
    return text;
}

bool is_private(std::string_view field) {
    return std::find(k_private_fields.begin(), k_private_fields.end(), field) !=
           k_private_fields.end();
}

// "A." matches "Albert", "A" matches "A.": the owner's name as a site writes it, against the
// name as an entry writes it.
bool given_matches(std::string_view wanted, std::string_view given) {
    if (wanted.empty() || ascii::iequals(wanted, given)) return true;
    const auto initial = [](std::string_view s) {
        return s.size() <= 2 && (s.size() == 1 || s[1] == '.');
    };
    if (given.empty() || wanted.front() != given.front()) return false;
    return initial(wanted) || initial(given);
}

std::string html_escaped(std::string_view text) {
    std::string out;
    text::append_html_escaped(out, text);
    return out;
}

std::string markdown_escaped(std::string_view text) {
    std::string out;
    text::append_markdown_escaped(out, text);
    return out;
}

// "A, B, and C" (two: "A and B"), with the closing "and N more authors" left to the template.
void join_names(std::string& out, std::size_t i, std::size_t shown, bool more) {
    if (i == 0) return;
    if (shown == 2 && !more) {
        out += " and ";
    } else {
        out += ", ";
        if (i + 1 == shown && !more) out += "and ";
    }
}

void set_authors(TemplateValue& data, const model::Item& item, const EntryDataOptions& options) {
    const model::Names* names = item.name_list("author");
    if (!names) return;
    const std::size_t total = names->people.size();
    const std::size_t shown =
        options.max_authors == 0 ? total : std::min(total, options.max_authors);
    const bool more = shown < total || names->et_al;
    TemplateValue authors = TemplateValue::list();
    std::string joined_html;
    std::string joined_markdown;
    for (std::size_t i = 0; i < shown; ++i) {
        const model::Person& person = names->people[i];
        const bool owner = is_owner(person, options.owners);
        const std::string name = model::display_name(person);
        std::string name_html = html_escaped(name);
        std::string name_markdown = markdown_escaped(name);
        if (owner) {
            name_html = "<em class=\"author-highlight\">" + name_html + "</em>";
            name_markdown = "**" + name_markdown + "**";
        }
        join_names(joined_html, i, shown, more);
        join_names(joined_markdown, i, shown, more);
        joined_html += name_html;
        joined_markdown += name_markdown;
        TemplateValue author;
        author.set("name", name);
        author.set("name_html", std::move(name_html));
        author.set("name_markdown", std::move(name_markdown));
        author.set("highlight", owner);
        author.set("last", i + 1 == shown);
        authors.push(std::move(author));
    }
    data.set("authors", std::move(authors));
    data.set("authors_html", std::move(joined_html));
    data.set("authors_markdown", std::move(joined_markdown));
    if (shown < total) {
        const std::string n = std::to_string(total - shown);
        data.set("more_authors", n);
        data.set("more_authors_text", "and " + n + " more author" + (total - shown > 1 ? "s" : ""));
    } else if (names->et_al) {
        data.set("more_authors_text", std::string("and others"));
    }
}

void set_rich(TemplateValue& data, std::string_view name, const text::RichText* value) {
    if (!value || value->empty()) return;
    data.set(name, text::to_plain_text(*value));
    data.set(std::string(name) + "_html", text::to_html(*value));
    data.set(std::string(name) + "_markdown", text::to_markdown(*value));
}

void add_link(TemplateValue& links, std::string_view label, std::string_view url) {
    if (!text::is_linkable_url(url)) return;
    TemplateValue link;
    link.set("label", std::string(label));
    // Quotes, spaces and angle brackets percent-encoded: safe in any attribute a template writes.
    link.set("url", percent_encoded(url, ":/?#[]@!$&*+,;=%~()"));
    link.set("url_markdown", percent_encoded(url, ":/?#[]@!$&'*+,;=%"));
    links.push(std::move(link));
}

void set_links(TemplateValue& data, const model::Item& item) {
    TemplateValue links = TemplateValue::list();
    if (item.arxiv) add_link(links, "arXiv", item.arxiv->abs_url());
    const auto field_text = [&](std::string_view name) {
        const bibtex::Field* field = item.field(name);
        return field ? text::latex_to_plain_text(field->value) : std::string();
    };
    add_link(links, k_link_fields[0].label, field_text("pdf"));
    if (item.doi) add_link(links, "DOI", item.doi->url());
    std::string html = field_text("html");
    if (html.empty() && item.url) html = *item.url;
    add_link(links, "HTML", html);
    for (std::size_t i = 2; i < k_link_fields.size(); ++i)
        add_link(links, k_link_fields[i].label, field_text(k_link_fields[i].field));
    const bool any = !std::get<TemplateValue::List>(links.value()).empty();
    data.set("has_links", any);
    if (any) data.set("links", std::move(links));
}

void set_fields(TemplateValue& data, const model::Item& item) {
    TemplateValue fields;
    for (const bibtex::Field& field : item.fields)
        fields.set(field.name, text::latex_to_plain_text(field.value));
    // jekyll-scholar's entry.author_array and entry.editor_array, indexed as Liquid does
    // ({{entry.author_array[0].last}}): each name's first, last, prefix (von) and suffix (jr).
    for (std::string_view variable : {"author", "editor"}) {
        const model::Names* names = item.name_list(variable);
        if (!names || names->people.empty()) continue;
        TemplateValue array;
        for (std::size_t i = 0; i < names->people.size(); ++i) {
            const model::Person& person = names->people[i];
            TemplateValue name;
            name.set("first", person.given);
            name.set("last", person.literal.empty() ? person.family : person.literal);
            name.set("prefix", person.particle);
            name.set("suffix", person.suffix);
            array.set(std::to_string(i), std::move(name));
        }
        fields.set(std::string(variable) + "_array", std::move(array));
    }
    data.set("entry", std::move(fields));
    for (std::string_view name : {"abbr", "note", "award"})
        if (const bibtex::Field* field = item.field(name))
            data.set(name, text::latex_to_plain_text(field->value));
    const bibtex::Field* selected = item.field("selected");
    data.set("selected", selected && ascii::iequals(selected->value, "true"));
    if (const bibtex::Field* abstract = item.field("abstract")) {
        const std::string plain = text::latex_to_plain_text(abstract->value);
        const text::RichText rich = text::RichText::from_plain(plain);
        data.set("abstract_html", text::to_html(rich));
        data.set("abstract_markdown", text::to_markdown(rich));
    }
}

void set_venue_and_date(TemplateValue& data, const model::Item& item) {
    const text::RichText* venue = item.text("container-title");
    if (!venue) venue = item.text("publisher");
    set_rich(data, "venue", venue);
    if (const dates::Date* issued = item.date("issued"); issued && issued->begin.year != 0) {
        data.set("year", std::to_string(issued->begin.year));
        if (issued->begin.month >= 1 && issued->begin.month <= 12)
            data.set("month", std::to_string(issued->begin.month));
    }
}

} // namespace

std::vector<OwnerName> owner_names(const std::vector<std::string>& highlight) {
    std::vector<OwnerName> owners;
    for (const std::string& name : highlight) {
        const std::size_t comma = name.find(',');
        OwnerName owner{std::string(trimmed(std::string_view(name).substr(0, comma))), {}};
        if (comma != std::string::npos)
            owner.given = std::string(trimmed(std::string_view(name).substr(comma + 1)));
        if (!owner.family.empty()) owners.push_back(std::move(owner));
    }
    return owners;
}

bool is_owner(const model::Person& person, const std::vector<OwnerName>& owners) {
    std::string family = person.family;
    if (!person.particle.empty()) family = person.particle + ' ' + family;
    return std::any_of(owners.begin(), owners.end(), [&](const OwnerName& owner) {
        return (ascii::iequals(owner.family, person.family) ||
                ascii::iequals(owner.family, family)) &&
               given_matches(owner.given, person.given);
    });
}

std::string public_bibtex(const bibtex::Entry& entry) {
    std::string out = "@" + std::string(entry.type) + "{" + std::string(entry.key) + ",\n";
    for (const bibtex::Field& field : entry.fields) {
        if (is_private(field.name)) continue;
        out += "  " + std::string(field.name) + " = {" + std::string(field.value) + "},\n";
    }
    out += "}";
    return out;
}

TemplateValue entry_data(const EntryContext& context, const EntryDataOptions& options) {
    const model::Item& item = *context.item;
    TemplateValue data;
    data.set("key", std::string(item.key));
    data.set("id", context.id);
    data.set("index", std::to_string(context.index));
    data.set("type", std::string(item.type));
    data.set("csl_type", std::string(item.csl_type));
    data.set("reference_html", context.reference_html);
    data.set("reference_markdown", context.reference_markdown);
    const std::string tag = context.reference_tag;
    data.set("reference", '<' + tag + " id=\"" + html_escaped(context.id) + "\">" +
                              context.reference_html + "</" + tag + '>');
    set_rich(data, "title", item.text("title"));
    set_authors(data, item, options);
    set_venue_and_date(data, item);
    set_links(data, item);
    set_fields(data, item);
    if (context.entry) data.set("bibtex", public_bibtex(*context.entry));
    return data;
}

} // namespace bibkit::exports::detail
