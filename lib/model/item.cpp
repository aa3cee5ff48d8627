#include "field_place.hpp"

#include <bibkit/dates/bibtex_date.hpp>
#include <bibkit/model/csl_fields.hpp>
#include <bibkit/model/entry_types.hpp>
#include <bibkit/model/field_aliases.hpp>
#include <bibkit/model/identifiers.hpp>
#include <bibkit/model/item.hpp>
#include <bibkit/model/lists.hpp>
#include <bibkit/model/page_range.hpp>
#include <bibkit/names/name.hpp>
#include <bibkit/text/decode.hpp>
#include <bibkit/text/plain_text.hpp>
#include <exception>
#include <iterator>
#include <thread>

namespace bibkit::model {

namespace {

bool is_ascii(std::string_view text) {
    for (char c : text)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

template <class Value>
const Value* find_variable(const std::vector<Variable<Value>>& variables, std::string_view name) {
    for (const Variable<Value>& variable : variables)
        if (variable.name == name) return &variable.value;
    return nullptr;
}

// Normalizes one entry; problems are reported only for the entry's own fields (an inherited
// value's problems belong to the entry that holds it, and are reported there once).
class ItemBuilder {
  public:
    ItemBuilder(const bibtex::Bibliography& bibliography, const bibtex::Entry& entry,
                std::span<const bibtex::Field> fields, std::span<const FieldOrigin> origins,
                std::vector<Diagnostic>& diagnostics)
        : m_bibliography(bibliography), m_entry(entry), m_fields(fields), m_origins(origins),
          m_diagnostics(diagnostics) {}

    void build(Item& item);

  private:
    const FieldOrigin* own_origin(const bibtex::Field& field) const {
        auto index = static_cast<std::size_t>(&field - m_fields.data());
        if (index >= m_origins.size() || m_origins[index].via != Inherited::own) return nullptr;
        return &m_origins[index];
    }
    void report(const bibtex::Field& field, std::uint32_t at, Severity severity,
                std::string_view code, std::string message) {
        const FieldOrigin* origin = own_origin(field);
        if (!origin) return;
        detail::FieldPlace place =
            detail::place_in_value(m_bibliography, m_entry, origin->name, field.value, at);
        m_diagnostics.push_back(deferred_diagnostic(*place.source, place.offset, severity,
                                                    std::string(code), std::move(message),
                                                    m_entry.key));
    }

    text::RichText decode(const bibtex::Field& field, std::string_view latex,
                          bool offsets_match = true);
    std::string decode_plain(const bibtex::Field& field, std::string_view latex) {
        // Most name parts (`Knuth`, `D. E.`) are plain ASCII that decoding leaves as it is.
        if (is_ascii(latex) && !text::needs_decoding(latex)) return std::string(latex);
        return text::to_plain_text(decode(field, latex));
    }
    void add_title(Item& item, const CslSource& source);
    void add_names(Item& item, const CslSource& source);
    void add_date(Item& item, const CslSource& source);
    void add_plain(Item& item, const CslSource& source);
    void add_genre(Item& item, const bibtex::Field& field);
    void add_identifiers(Item& item);
    std::vector<std::string> decoded_list(std::string_view field_name);

    const bibtex::Bibliography& m_bibliography;
    const bibtex::Entry& m_entry;
    std::span<const bibtex::Field> m_fields;
    std::span<const FieldOrigin> m_origins;
    std::vector<Diagnostic>& m_diagnostics;
    std::vector<text::DecodeWarning> m_warnings;
};

text::RichText ItemBuilder::decode(const bibtex::Field& field, std::string_view latex,
                                   bool offsets_match) {
    text::RichText out;
    m_warnings.clear();
    text::decode_latex(latex, out, m_warnings);
    for (const text::DecodeWarning& warning : m_warnings)
        report(field, offsets_match ? warning.offset : 0, Severity::warning,
               text::code(warning.problem), text::describe(warning));
    return out;
}

void ItemBuilder::add_title(Item& item, const CslSource& source) {
    const bibtex::Field& main = source.field();
    if (!source.parts[1] && !source.parts[2]) {
        item.texts.push_back({source.variable, decode(main, main.value)});
        return;
    }
    // "Main: Subtitle. Addon", as biblatex prints them; offsets then only fit the main title.
    std::string joined(main.value);
    if (source.parts[1]) joined += ": " + std::string(source.parts[1]->value);
    if (source.parts[2]) joined += ". " + std::string(source.parts[2]->value);
    item.texts.push_back({source.variable, decode(main, joined, false)});
}

// BibTeX splits names at every `~`, also the accent command `\~` ("Ne\~{s}et\~{r}il" has the
// last name "{r}il" in BibTeX). For the normalized model such an accent becomes a braced special
// character first, `{\~{s}}`, which BibTeX's rules keep whole. An empty result: nothing to do.
std::string protect_tilde_accents(std::string_view value) {
    if (value.find("\\~") == std::string_view::npos) return {};
    std::string out;
    out.reserve(value.size() + 8);
    for (std::size_t i = 0; i < value.size();) {
        if (value.compare(i, 2, "\\~") != 0 || (i > 0 && value[i - 1] == '\\')) {
            out += value[i++];
            continue;
        }
        std::size_t end = i + 2;
        while (end < value.size() && value[end] == ' ') ++end;
        if (end < value.size() && value[end] == '{') {
            int depth = 0;
            for (; end < value.size(); ++end) {
                if (value[end] == '{') ++depth;
                if (value[end] == '}' && --depth == 0) break;
            }
            end = std::min(end + 1, value.size());
        } else if (end < value.size()) {
            ++end;
        }
        out += '{';
        out.append(value.substr(i, end - i));
        out += '}';
        i = end;
    }
    return out;
}

void ItemBuilder::add_names(Item& item, const CslSource& source) {
    const bibtex::Field& field = source.field();
    std::string protected_value = protect_tilde_accents(field.value);
    auto part = [&](const std::string& latex) {
        return latex.empty() ? std::string() : decode_plain(field, latex);
    };
    // Each name converted as soon as it is parsed: a field of a million names holds the people
    // only, not also a million parsed names.
    std::string_view value = protected_value.empty() ? field.value : protected_value;
    names::NameList list = names::split_name_list(value);
    Names out;
    out.people.reserve(list.names.size());
    std::vector<names::NameDiagnostic> problems;
    names::for_each_name(
        value, list,
        [&](names::Name&& name) {
            Person& person = out.people.emplace_back();
            person.family = part(name.family);
            person.given = part(name.given);
            person.particle = part(name.particle);
            person.dropping_particle = part(name.dropping_particle);
            person.suffix = part(name.suffix);
            person.literal = part(name.literal);
        },
        problems);
    // Offsets of problems in a rewritten value are off by the braces added; rare and harmless.
    for (const names::NameDiagnostic& problem : problems)
        report(field, problem.offset, problem.severity, problem.code, problem.message);
    out.et_al = list.et_al == names::EtAl::yes;
    item.names.push_back({source.variable, std::move(out)});
}

void ItemBuilder::add_date(Item& item, const CslSource& source) {
    const bibtex::Field& first = source.field();
    bool date_style = first.name.ends_with("date");
    dates::DateFields fields;
    if (date_style) {
        fields.date = first.value;
    } else {
        fields.year = first.value;
        if (source.parts[1]) fields.month = source.parts[1]->value;
        if (source.parts[2]) fields.day = source.parts[2]->value;
    }
    dates::DateResult result = dates::resolve_date(fields);
    for (const dates::DateDiagnostic& problem : result.diagnostics) {
        const bibtex::Field* field = &first;
        if (problem.field == "month" && source.parts[1]) field = source.parts[1];
        if (problem.field == "day" && source.parts[2]) field = source.parts[2];
        report(*field, problem.offset, problem.severity, problem.code, problem.message);
    }
    // A literal is the field's text as written: decoded like any text (`2004--\ldots`).
    if (result.date.kind == dates::DateKind::literal &&
        result.date.literal.find_first_of("\\{}$~-`'") != std::string::npos)
        result.date.literal = text::to_plain_text(decode(first, result.date.literal, false));
    item.dates.push_back({source.variable, std::move(result.date)});
}

void ItemBuilder::add_plain(Item& item, const CslSource& source) {
    const bibtex::Field& field = source.field();
    std::string value;
    switch (source.kind) {
    case CslValueKind::page:
        value = decode_plain(field, normalize_page_range(field.value));
        break;
    case CslValueKind::identifier:
        if (source.variable == "DOI" && item.doi)
            value = item.doi->value;
        else if (source.variable == "URL" && item.url)
            value = *item.url;
        else if (source.variable == "ISBN" && item.isbn)
            value = item.isbn->digits;
        else
            value = decode_plain(field, field.value);
        break;
    case CslValueKind::keywords: {
        std::vector<std::string> words = decoded_list(field.name);
        for (const std::string& word : words) {
            if (!value.empty()) value += ", ";
            value += word;
        }
        break;
    }
    default:
        value = decode_plain(field, field.value);
        break;
    }
    if (!value.empty()) item.plain.push_back({source.variable, std::move(value)});
}

void ItemBuilder::add_identifiers(Item& item) {
    auto note_problems = [&](const auto& found) {
        for (const IdentifierProblem& problem : found.problems)
            if (const bibtex::Field* field = find_field(m_fields, problem.field))
                report(*field, 0, Severity::warning, problem.error.code, problem.error.message);
    };
    auto doi = find_doi(m_fields);
    note_problems(doi);
    item.doi = std::move(doi.value);
    auto arxiv = find_arxiv_id(m_fields);
    note_problems(arxiv);
    item.arxiv = std::move(arxiv.value);
    auto isbn = find_isbn(m_fields);
    note_problems(isbn);
    item.isbn = std::move(isbn.value);
    auto url = find_url(m_fields);
    note_problems(url);
    item.url = std::move(url.value);
}

std::vector<std::string> ItemBuilder::decoded_list(std::string_view field_name) {
    std::vector<std::string> out;
    const bibtex::Field* field = find_field(m_fields, field_name);
    if (!field) return out;
    for (std::string_view word : split_list(field->value)) {
        std::string decoded = decode_plain(*field, word);
        if (!decoded.empty()) out.push_back(std::move(decoded));
    }
    return out;
}

void ItemBuilder::build(Item& item) {
    add_identifiers(item);
    item.keywords = decoded_list("keywords");
    item.projects = decoded_list("project");
    for (const CslSource& source : csl_sources(item.type, m_fields)) {
        switch (source.kind) {
        case CslValueKind::title:
            add_title(item, source);
            break;
        case CslValueKind::text:
            if (source.variable == "genre") {
                add_genre(item, source.field());
                break;
            }
            item.texts.push_back({source.variable, decode(source.field(), source.field().value)});
            break;
        case CslValueKind::names:
            add_names(item, source);
            break;
        case CslValueKind::date:
            add_date(item, source);
            break;
        case CslValueKind::number:
        case CslValueKind::page:
        case CslValueKind::identifier:
        case CslValueKind::keywords:
            add_plain(item, source);
            break;
        }
    }
    // A thesis without a `type` field: the genre its entry type implies (@phdthesis: "PhD
    // thesis", @mastersthesis: "Master's thesis"), as bibtex-ruby, citation-js and pandoc give
    // it, so that styles can print "[PhD thesis]". A @techreport gets none: styles print
    // "Report" or the like of their own for CSL's report.
    if (item.csl_type == "thesis" && !item.text("genre")) {
        const EntryType* type = find_entry_type(item.type);
        std::string_view genre = type ? genre_for_type_key(type->implied_type) : std::string_view{};
        if (!genre.empty()) item.texts.push_back({"genre", text::decode_latex(genre).text});
    }
}

void ItemBuilder::add_genre(Item& item, const bibtex::Field& field) {
    // A biblatex localization key (type = {phdthesis}) reads as its English text.
    std::string_view known = genre_for_type_key(field.value);
    item.texts.push_back(
        {"genre", known.empty() ? decode(field, field.value) : text::decode_latex(known).text});
}

} // namespace

std::string display_name(const Person& person) {
    if (!person.literal.empty()) return person.literal;
    std::string name;
    for (const std::string* part :
         {&person.given, &person.dropping_particle, &person.particle, &person.family}) {
        if (part->empty()) continue;
        if (!name.empty()) name += ' ';
        name += *part;
    }
    if (!person.suffix.empty()) name += ", " + person.suffix;
    return name;
}

const text::RichText* Item::text(std::string_view variable) const {
    return find_variable(texts, variable);
}
const std::string* Item::plain_text(std::string_view variable) const {
    return find_variable(plain, variable);
}
const Names* Item::name_list(std::string_view variable) const {
    return find_variable(names, variable);
}
const dates::Date* Item::date(std::string_view variable) const {
    return find_variable(dates, variable);
}
const bibtex::Field* Item::field(std::string_view name) const {
    return find_field(fields, name);
}

namespace {

// Entries [begin, end), each handed to `visit` as soon as it is built; diagnostics deferred (no
// line lookups, so two threads can run this at once on different ranges).
template <class Visit>
void normalize_range(const bibtex::Bibliography& bibliography, const bibtex::Database& database,
                     const EffectiveFields& fields, std::size_t begin, std::size_t end,
                     std::vector<Diagnostic>& diagnostics, Visit&& visit) {
    for (std::size_t i = begin; i < end; ++i) {
        const bibtex::Entry& entry = database.entries[i];
        const EntryType* type = find_entry_type(entry.type);
        if (type && type->csl_type.empty()) continue; // @xdata, @set: not works of their own
        Item item;
        item.key = entry.key;
        item.type = entry.type;
        item.entry = static_cast<std::uint32_t>(i);
        item.fields = fields.fields(i);
        item.csl_type = csl_type(entry.type, item.fields);
        ItemBuilder(bibliography, entry, item.fields, fields.origins(i), diagnostics).build(item);
        visit(std::move(item));
    }
}

void normalize_range(const bibtex::Bibliography& bibliography, const bibtex::Database& database,
                     const EffectiveFields& fields, std::size_t begin, std::size_t end,
                     std::vector<Item>& items, std::vector<Diagnostic>& diagnostics) {
    items.reserve(items.size() + (end - begin));
    normalize_range(bibliography, database, fields, begin, end, diagnostics,
                    [&](Item&& item) { items.push_back(std::move(item)); });
}

// Below this many entries a second thread costs more than it saves.
constexpr std::size_t k_parallel_entries = 2000;

} // namespace

Normalized normalize(const bibtex::Bibliography& bibliography, const bibtex::Database& database) {
    Normalized out;
    out.fields = EffectiveFields::resolve(database);
    out.diagnostics = inheritance_diagnostics(out.fields, database, bibliography);
    std::size_t count = database.entries.size();
    if (count < k_parallel_entries || std::thread::hardware_concurrency() < 2) {
        normalize_range(bibliography, database, out.fields, 0, count, out.items, out.diagnostics);
    } else {
        // Entries are independent once inheritance is resolved: the second half on a thread of
        // its own, appended after the first so that the order is that of a sequential run.
        std::size_t middle = count / 2;
        std::vector<Item> tail_items;
        std::vector<Diagnostic> tail_diagnostics;
        std::exception_ptr tail_error;
        std::thread tail([&] {
            try {
                normalize_range(bibliography, database, out.fields, middle, count, tail_items,
                                tail_diagnostics);
            } catch (...) {
                tail_error = std::current_exception();
            }
        });
        try {
            normalize_range(bibliography, database, out.fields, 0, middle, out.items,
                            out.diagnostics);
        } catch (...) {
            tail.join();
            throw;
        }
        tail.join();
        if (tail_error) std::rethrow_exception(tail_error);
        out.items.reserve(out.items.size() + tail_items.size());
        std::move(tail_items.begin(), tail_items.end(), std::back_inserter(out.items));
        std::move(tail_diagnostics.begin(), tail_diagnostics.end(),
                  std::back_inserter(out.diagnostics));
    }
    locate_diagnostics(out.diagnostics);
    return out;
}

std::optional<Item> normalize_entry(const bibtex::Bibliography& bibliography,
                                    const bibtex::Database& database, const EffectiveFields& fields,
                                    std::size_t entry, std::vector<Diagnostic>& diagnostics) {
    std::vector<Item> items;
    normalize_range(bibliography, database, fields, entry, entry + 1, items, diagnostics);
    if (items.empty()) return std::nullopt;
    return std::move(items.front());
}

void normalize_each(const bibtex::Bibliography& bibliography, const bibtex::Database& database,
                    const EffectiveFields& fields, std::size_t begin, std::size_t end,
                    std::vector<Diagnostic>& diagnostics,
                    const std::function<void(const Item&)>& visit) {
    normalize_range(bibliography, database, fields, begin, end, diagnostics,
                    [&](Item&& item) { visit(item); });
}

} // namespace bibkit::model
