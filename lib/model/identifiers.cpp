#include "identifier_text.hpp"

#include <bibkit/core/ascii.hpp>
#include <bibkit/model/field_aliases.hpp>
#include <bibkit/model/identifiers.hpp>

namespace bibkit::model {

namespace {

template <class T, class Parse>
bool take(FoundIdentifier<T>& found, const bibtex::Field* field, std::string_view text, Parse parse,
          bool report) {
    if (!field) return false;
    auto parsed = parse(text);
    if (parsed) {
        if (!found.value) {
            found.value = std::move(*parsed);
            found.field = field->name;
        }
        return true;
    }
    if (report) found.problems.push_back({field->name, std::move(parsed.error())});
    return false;
}

bool is_arxiv_char(char c) {
    char l = ascii::to_lower(c);
    return (l >= 'a' && l <= 'z') || ascii::is_digit(c) || c == '.' || c == '/' || c == '-';
}

// An arXiv id mentioned in free text: after "arXiv:" or in an arxiv.org/abs|pdf URL.
std::string_view arxiv_mention(std::string_view text) {
    for (std::string_view marker : {"arxiv.org/abs/", "arxiv.org/pdf/", "arxiv:"}) {
        std::size_t at = detail::ifind(text, marker);
        if (at == std::string_view::npos) continue;
        std::size_t begin = at + marker.size();
        while (begin < text.size() && text[begin] == ' ') ++begin;
        std::size_t end = begin;
        while (end < text.size() && is_arxiv_char(text[end])) ++end;
        std::string_view id = text.substr(begin, end - begin);
        while (!id.empty() && (id.back() == '.' || id.back() == '/')) id.remove_suffix(1);
        if (detail::iends_with(id, ".pdf")) id.remove_suffix(4);
        return id;
    }
    return {};
}

bool is_arxiv_name(std::string_view value) {
    return ascii::iequals(detail::trim(value), "arxiv");
}

} // namespace

FoundIdentifier<Doi> find_doi(std::span<const bibtex::Field> fields) {
    FoundIdentifier<Doi> found;
    const bibtex::Field* doi = find_field(fields, "doi");
    if (doi) take(found, doi, doi->value, parse_doi, true);
    for (std::string_view name : {"url", "howpublished"}) {
        if (found.value) break;
        const bibtex::Field* field = find_field(fields, name);
        if (!field) continue;
        std::string_view text =
            name == "url" ? field->value : detail::find_url_command(field->value);
        if (is_doi_resolver_url(text)) take(found, field, text, parse_doi, false);
    }
    return found;
}

FoundIdentifier<ArxivId> find_arxiv_id(std::span<const bibtex::Field> fields) {
    FoundIdentifier<ArxivId> found;
    const bibtex::Field* eprint = find_field(fields, "eprint");
    const bibtex::Field* eprint_type = find_field(fields, "eprinttype");
    if (eprint && eprint_type && is_arxiv_name(eprint_type->value)) {
        take(found, eprint, eprint->value, parse_arxiv_id, true);
    } else if (eprint && !eprint_type && detail::istarts_with(eprint->value, "arxiv:")) {
        take(found, eprint, eprint->value, parse_arxiv_id, true);
    }
    if (const bibtex::Field* arxiv = find_field(fields, "arxiv"))
        take(found, arxiv, arxiv->value, parse_arxiv_id, true);
    if (!found.value) {
        const bibtex::Field* journal = find_field(fields, "journaltitle");
        const bibtex::Field* volume = find_field(fields, "volume");
        if (journal) {
            std::string_view title = detail::trim(journal->value);
            std::string_view number = volume ? detail::trim(volume->value) : std::string_view{};
            // DBLP: journal = {CoRR} or {ArXiv}, volume = {abs/2406.09241}.
            if ((ascii::iequals(title, "corr") || is_arxiv_name(title)) &&
                detail::istarts_with(number, "abs/")) {
                take(found, volume, number.substr(4), parse_arxiv_id, true);
            } else if (std::string_view id = arxiv_mention(title); !id.empty()) {
                take(found, journal, id, parse_arxiv_id, true);
            }
        }
    }
    for (std::string_view name : {"url", "howpublished", "note"}) {
        if (found.value) break;
        const bibtex::Field* field = find_field(fields, name);
        if (!field) continue;
        std::string_view id = arxiv_mention(field->value);
        if (!id.empty()) take(found, field, id, parse_arxiv_id, false);
    }
    if (found.value && found.value->primary_category.empty()) {
        if (const bibtex::Field* category = find_field(fields, "eprintclass"))
            found.value->primary_category = detail::trim(category->value);
    }
    return found;
}

FoundIdentifier<Isbn> find_isbn(std::span<const bibtex::Field> fields) {
    FoundIdentifier<Isbn> found;
    const bibtex::Field* isbn = find_field(fields, "isbn");
    if (!isbn) return found;
    std::string_view rest = isbn->value;
    while (!rest.empty()) {
        std::size_t separator = rest.find_first_of(",;");
        std::string_view item = detail::trim(rest.substr(0, separator));
        if (!item.empty()) take(found, isbn, item, parse_isbn, true);
        if (separator == std::string_view::npos) break;
        rest.remove_prefix(separator + 1);
    }
    return found;
}

FoundIdentifier<std::string> find_url(std::span<const bibtex::Field> fields) {
    FoundIdentifier<std::string> found;
    if (const bibtex::Field* url = find_field(fields, "url"))
        take(found, url, url->value, parse_url, true);
    if (!found.value) {
        if (const bibtex::Field* how = find_field(fields, "howpublished")) {
            std::string_view text = detail::find_url_command(how->value);
            if (text.empty()) text = detail::trim(how->value);
            if (detail::istarts_with(text, "http://") || detail::istarts_with(text, "https://") ||
                detail::istarts_with(text, "ftp://"))
                take(found, how, text, parse_url, false);
        }
    }
    return found;
}

} // namespace bibkit::model
