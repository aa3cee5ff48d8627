// A CV's sections: selection and order by the query pipeline, entries by the CSL processor
// (publications) or by their own fields (talks, courses).

#include "entry_fields.hpp"
#include "highlight.hpp"
#include "markup.hpp"

#include <bibkit/csl/processor.hpp>
#include <bibkit/cv/entry.hpp>
#include <bibkit/model/item.hpp>
#include <bibkit/query/query.hpp>
#include <bibkit/query/selection.hpp>
#include <unordered_map>

namespace bibkit::cv {

namespace {

using detail::TextMarkup;

Expected<query::Selection, CvError> select(const CvSource& source, const SectionSpec& spec) {
    auto parsed = query::parse_query(spec.query);
    if (!parsed)
        return unexpected(CvError{ExitCode::usage, "section '" + spec.id + "': in the query '" +
                                                       spec.query + "', column " +
                                                       std::to_string(parsed.error().column) +
                                                       ": " + parsed.error().message});
    std::vector<const query::Record*> selected;
    for (std::size_t i : query::select(*parsed, source.records))
        selected.push_back(&source.records[i]);
    query::ArrangeOptions arrange;
    std::vector<query::Order> orders;
    for (const std::string& order : spec.order) orders.push_back(query::parse_order(order));
    arrange.sort = query::make_sort_keys(spec.sort_by, orders);
    arrange.max = spec.max;
    return query::arrange(std::move(selected), arrange);
}

// The item the CSL processor sees: the owner's family name marked, and no DOI or URL, which
// the flavours show as links instead of long unbreakable text.
model::Item for_csl(model::Item item, const std::optional<OwnerName>& owner,
                    std::vector<std::size_t>& owner_positions) {
    std::erase_if(item.plain, [](const model::Variable<std::string>& v) {
        return v.name == "DOI" || v.name == "URL";
    });
    item.doi.reset();
    item.url.reset();
    if (!owner) return item;
    for (model::Variable<model::Names>& names : item.names) {
        for (std::size_t i = 0; i < names.value.people.size(); ++i) {
            model::Person& person = names.value.people[i];
            if (!owner->matches(person)) continue;
            if (names.name == "author") owner_positions.push_back(i + 1);
            detail::mark_owner(person);
        }
    }
    return item;
}

std::vector<std::string> owner_given_forms(const model::Item& item, const OwnerName& owner) {
    std::vector<std::string> forms;
    for (const model::Variable<model::Names>& names : item.names)
        for (const model::Person& person : names.value.people)
            if (owner.matches(person))
                for (std::string& form : detail::given_name_forms(person.given))
                    forms.push_back(std::move(form));
    std::stable_sort(forms.begin(), forms.end(), [](const std::string& a, const std::string& b) {
        return a.size() > b.size();
    });
    return forms;
}

CvEntry base_entry(const model::Item& item, const SectionSpec& spec, std::string_view base_url) {
    CvEntry entry;
    entry.key = std::string(item.key);
    entry.layout = spec.layout;
    if (const dates::Date* issued = item.date("issued");
        issued && issued->kind != dates::DateKind::none &&
        issued->kind != dates::DateKind::literal && issued->begin_bound == dates::Bound::date)
        entry.year = std::to_string(issued->begin.year);
    entry.links = detail::links_of(item, base_url);
    entry.bibtex_type = std::string(item.type);
    for (const bibtex::Field& field : item.fields)
        entry.fields.push_back({std::string(field.name), std::string(field.value)});
    return entry;
}

struct Renderer {
    const exports::LoadedStyle& style;
    const CvOptions& options;
    const TextMarkup& markup;

    // The section as one bibliography in its own order (style_sort off): the style's
    // disambiguation (year suffixes: 2020a, 2020b) and numbering then see the whole section.
    void publications(std::vector<CvEntry>& entries, std::span<const model::Item> items) const {
        std::vector<model::Item> marked;
        std::vector<std::string> ids;
        for (std::size_t i = 0; i < items.size(); ++i) {
            marked.push_back(for_csl(items[i], options.owner, entries[i].owner_positions));
            ids.push_back(entries[i].key);
        }
        csl::ProcessorOptions processor_options;
        processor_options.locale = style.locale;
        processor_options.style_sort = false;
        const csl::Processor processor(style.style.style, style.locales, marked,
                                       markup.csl_format(), processor_options);
        csl::Bibliography bibliography = processor.bibliography(ids);
        std::unordered_map<std::string_view, std::string*> rendered;
        for (csl::BibliographyEntry& entry : bibliography.entries)
            rendered.emplace(entry.id, &entry.content);
        for (std::size_t i = 0; i < items.size(); ++i) {
            const auto found = rendered.find(entries[i].key);
            std::string text = found == rendered.end() ? std::string() : *found->second;
            const std::vector<std::string> forms = options.owner
                                                       ? owner_given_forms(items[i], *options.owner)
                                                       : std::vector<std::string>{};
            text = detail::apply_owner_markers(text, markup, forms);
            markup.finish(text);
            entries[i].citation = std::move(text);
        }
    }

    void others(CvEntry& entry, const model::Item& item) const {
        if (entry.layout == Layout::talk)
            detail::fill_talk(entry, item, markup);
        else
            detail::fill_course(entry, item, markup);
        for (std::string* part :
             {&entry.title, &entry.kind, &entry.event, &entry.venue, &entry.location, &entry.date})
            markup.finish(*part);
        if (options.owner && item.name_list("author"))
            for (std::size_t i = 0; i < item.name_list("author")->people.size(); ++i)
                if (options.owner->matches(item.name_list("author")->people[i]))
                    entry.owner_positions.push_back(i + 1);
    }
};

Expected<CvSection, CvError> build_section(const CvSource& source, const SectionSpec& spec,
                                           const Renderer& renderer,
                                           std::vector<Diagnostic>& diagnostics) {
    auto selection = select(source, spec);
    if (!selection) return unexpected(std::move(selection.error()));
    CvSection section{spec, {}};
    std::vector<model::Item> items;
    for (const query::Record* record : selection->records) {
        auto item = model::normalize_entry(*source.bibliography, *source.database, *source.fields,
                                           record->index(), diagnostics);
        if (!item) continue;
        section.entries.push_back(base_entry(*item, spec, renderer.options.base_url));
        items.push_back(std::move(*item));
    }
    for (std::size_t i = 0; i < section.entries.size(); ++i)
        section.entries[i].number = entry_number(spec, i, section.entries.size());
    if (spec.layout == Layout::publication) {
        renderer.publications(section.entries, items);
    } else {
        for (std::size_t i = 0; i < items.size(); ++i)
            renderer.others(section.entries[i], items[i]);
    }
    return section;
}

} // namespace

std::string entry_number(const SectionSpec& spec, std::size_t i, std::size_t n) {
    if (spec.prefix.empty()) return {};
    return spec.prefix + std::to_string(spec.reversed ? n - i : i + 1);
}

Expected<std::vector<CvSection>, CvError> build_sections(const CvSource& source,
                                                         std::span<const SectionSpec> specs,
                                                         const CvOptions& options,
                                                         std::vector<Diagnostic>& diagnostics) {
    auto style = exports::load_style(options.csl);
    if (!style) return unexpected(CvError{style.error().code, style.error().message});
    const Renderer renderer{*style, options, detail::markup_for(options.markup, options.charset)};
    std::vector<CvSection> sections;
    for (const SectionSpec& spec : specs) {
        auto section = build_section(source, spec, renderer, diagnostics);
        if (!section) return unexpected(std::move(section.error()));
        sections.push_back(std::move(*section));
    }
    return sections;
}

} // namespace bibkit::cv
