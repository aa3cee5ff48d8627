#include "identifier_text.hpp"

#include <array>
#include <bibkit/core/ascii.hpp>
#include <bibkit/model/entry_types.hpp>
#include <bibkit/model/field_aliases.hpp>
#include <bibkit/model/inheritance.hpp>
#include <climits>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

namespace bibkit::model {

namespace {

constexpr std::array<std::string_view, 18> k_not_inherited{
    "crossref",    "entryset",  "entrysubtype",   "execute",
    "ids",         "key",       "label",          "options",
    "presort",     "related",   "relatedoptions", "relatedstring",
    "relatedtype", "shorthand", "shorthandintro", "sortkey",
    "xdata",       "xref",
};

bool inherited_at_all(std::string_view name) {
    for (std::string_view skip : k_not_inherited)
        if (skip == name) return false;
    return true;
}

// One row of biblatex's default inheritance: from a parent of one of `sources` to a child of one
// of `targets`, field `from` becomes `to` (empty: not inherited at all).
struct TypePairRule {
    std::string_view sources;
    std::string_view targets;
    std::string_view from;
    std::string_view to;
};

constexpr std::string_view k_mv_book_children = "book inbook bookinbook suppbook";
constexpr std::string_view k_mv_collection_children =
    "collection reference incollection inreference suppcollection";
constexpr std::string_view k_mv_proceedings_children = "proceedings inproceedings";
constexpr std::string_view k_book_children = "inbook bookinbook suppbook";
constexpr std::string_view k_collection_children = "incollection inreference suppcollection";

#define BIBKIT_TITLE_RULES(sources, targets, prefix)                                               \
    {sources, targets, "title", prefix "title"},                                                   \
        {sources, targets, "subtitle", prefix "subtitle"},                                         \
        {sources, targets, "titleaddon", prefix "titleaddon"},                                     \
        {sources, targets, "shorttitle", ""}, {sources, targets, "sorttitle", ""},                 \
        {sources, targets, "indextitle", ""}, {                                                    \
        sources, targets, "indexsorttitle", ""                                                     \
    }

constexpr TypePairRule k_rules[] = {
    {"mvbook book", k_book_children, "author", "author"},
    {"mvbook book", k_book_children, "author", "bookauthor"},
    BIBKIT_TITLE_RULES("mvbook", k_mv_book_children, "main"),
    BIBKIT_TITLE_RULES("mvcollection mvreference", k_mv_collection_children, "main"),
    BIBKIT_TITLE_RULES("mvproceedings", k_mv_proceedings_children, "main"),
    BIBKIT_TITLE_RULES("book", k_book_children, "book"),
    BIBKIT_TITLE_RULES("collection reference", k_collection_children, "book"),
    BIBKIT_TITLE_RULES("proceedings", "inproceedings", "book"),
    BIBKIT_TITLE_RULES("periodical", "article suppperiodical", "journal"),
};

#undef BIBKIT_TITLE_RULES

bool has_word(std::string_view words, std::string_view word) {
    while (!words.empty()) {
        std::size_t space = words.find(' ');
        if (words.substr(0, space) == word) return true;
        if (space == std::string_view::npos) break;
        words.remove_prefix(space + 1);
    }
    return false;
}

struct Dependency {
    std::uint32_t entry = 0;
    Inherited via = Inherited::own;
    bool usable = true;
};

struct Frame {
    std::uint32_t entry = 0;
    std::uint32_t first_dependency = 0; // into the dependency stack
    std::uint32_t next_dependency = 0;
    std::uint32_t end_dependency = 0;
};

enum class State : std::uint8_t { unvisited, active, done };

using KeyIndex = std::unordered_map<std::string_view, std::uint32_t, ascii::CaseInsensitiveHash,
                                    ascii::CaseInsensitiveEqual>;

// Keys in an xdata list: comma-separated, spaces around ignored.
template <class Each> void for_each_key(std::string_view list, Each each) {
    while (!list.empty()) {
        std::size_t comma = list.find(',');
        std::string_view key = detail::trim(list.substr(0, comma));
        if (!key.empty()) each(key);
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
}

} // namespace

class InheritanceResolver {
  public:
    InheritanceResolver(const bibtex::Database& database, CrossrefRules rules)
        : m_database(database), m_rules(rules), m_state(database.entries.size(), State::unvisited) {
        const auto& entries = database.entries;
        m_keys.reserve(entries.size());
        std::size_t fields = 0;
        for (std::size_t i = 0; i < entries.size(); ++i) {
            m_keys.emplace(entries[i].key, static_cast<std::uint32_t>(i));
            fields += entries[i].fields.size();
        }
        m_out.m_ranges.resize(entries.size());
        m_out.m_fields.reserve(fields + fields / 4);
        m_out.m_origins.reserve(fields + fields / 4);
    }

    EffectiveFields run() {
        for (std::size_t i = 0; i < m_database.entries.size(); ++i)
            if (m_state[i] == State::unvisited) visit(static_cast<std::uint32_t>(i));
        return std::move(m_out);
    }

  private:
    void visit(std::uint32_t root);
    void push_frame(std::uint32_t entry);
    void compute(const Frame& frame);
    void add_own(std::uint32_t begin, std::uint32_t entry);
    void report_cycle(const Frame& frame, const Dependency& dependency);
    bool present(std::uint32_t begin, std::string_view name);
    void add(std::uint32_t begin, bibtex::Field field, FieldOrigin origin);
    void inherit_all(std::uint32_t begin, std::uint32_t parent, Inherited via);
    void inherit_by_rules(std::uint32_t begin, std::uint32_t parent, std::uint32_t child);

    const bibtex::Database& m_database;
    CrossrefRules m_rules;
    std::vector<State> m_state;
    KeyIndex m_keys;
    EffectiveFields m_out;
    std::vector<Frame> m_frames;
    std::vector<Dependency> m_dependencies;
    // Names of the entry being computed, once it has too many for a linear search.
    std::unordered_set<std::string_view> m_names;
    static constexpr std::uint32_t k_linear_limit = 48;
};

void InheritanceResolver::push_frame(std::uint32_t entry) {
    m_state[entry] = State::active;
    const bibtex::Entry& e = m_database.entries[entry];
    auto first = static_cast<std::uint32_t>(m_dependencies.size());
    auto link = [&](std::string_view target, Inherited via) {
        auto it = m_keys.find(target);
        if (it != m_keys.end()) {
            m_dependencies.push_back({it->second, via, true});
            return;
        }
        bool crossref = via == Inherited::crossref;
        m_out.m_problems.push_back({crossref ? InheritanceProblemKind::dangling_crossref
                                             : InheritanceProblemKind::dangling_xdata,
                                    entry, e.key, target,
                                    std::string(crossref ? "crossref" : "xdata") + " refers to '" +
                                        std::string(target) + "', which no entry has"});
    };
    if (const bibtex::Field* xdata = e.find("xdata"))
        for_each_key(xdata->value, [&](std::string_view key) { link(key, Inherited::xdata); });
    if (const bibtex::Field* crossref = e.find("crossref")) {
        std::string_view key = detail::trim(crossref->value);
        if (!key.empty()) link(key, Inherited::crossref);
    }
    auto end = static_cast<std::uint32_t>(m_dependencies.size());
    m_frames.push_back({entry, first, first, end});
}

void InheritanceResolver::visit(std::uint32_t root) {
    push_frame(root);
    while (!m_frames.empty()) {
        Frame& frame = m_frames.back();
        if (frame.next_dependency < frame.end_dependency) {
            Dependency& dependency = m_dependencies[frame.next_dependency++];
            State state = m_state[dependency.entry];
            if (state == State::active) {
                dependency.usable = false;
                report_cycle(frame, dependency);
            } else if (state == State::unvisited) {
                push_frame(dependency.entry); // `frame` may dangle from here on
            }
            continue;
        }
        Frame done = frame;
        compute(done);
        m_state[done.entry] = State::done;
        m_dependencies.resize(done.first_dependency);
        m_frames.pop_back();
    }
}

void InheritanceResolver::report_cycle(const Frame& frame, const Dependency& dependency) {
    const auto& entries = m_database.entries;
    // The frames from the one of the dependency up to this one are the cycle.
    std::size_t start = m_frames.size() - 1;
    while (start > 0 && m_frames[start].entry != dependency.entry) --start;
    std::string path;
    for (std::size_t i = start; i < m_frames.size(); ++i) {
        path += entries[m_frames[i].entry].key;
        path += " -> ";
    }
    path += entries[dependency.entry].key;
    bool crossref = dependency.via == Inherited::crossref;
    m_out.m_problems.push_back(
        {crossref ? InheritanceProblemKind::crossref_cycle : InheritanceProblemKind::xdata_cycle,
         frame.entry, entries[frame.entry].key, entries[dependency.entry].key,
         std::string(crossref ? "crossref" : "xdata") + " cycle " + path +
             "; this link is ignored"});
}

bool InheritanceResolver::present(std::uint32_t begin, std::string_view name) {
    auto count = static_cast<std::uint32_t>(m_out.m_fields.size()) - begin;
    if (count <= k_linear_limit) {
        for (std::uint32_t i = begin; i < begin + count; ++i)
            if (m_out.m_fields[i].name == name) return true;
        return false;
    }
    if (m_names.empty())
        for (std::uint32_t i = begin; i < begin + count; ++i)
            m_names.insert(m_out.m_fields[i].name);
    return m_names.contains(name);
}

void InheritanceResolver::add(std::uint32_t begin, bibtex::Field field, FieldOrigin origin) {
    m_out.m_fields.push_back(field);
    m_out.m_origins.push_back(origin);
    if (!m_names.empty() || m_out.m_fields.size() - begin > k_linear_limit) {
        if (m_names.empty()) {
            for (std::size_t i = begin; i < m_out.m_fields.size(); ++i)
                m_names.insert(m_out.m_fields[i].name);
        } else {
            m_names.insert(field.name);
        }
    }
}

void InheritanceResolver::inherit_all(std::uint32_t begin, std::uint32_t parent, Inherited via) {
    EffectiveFields::Range range = m_out.m_ranges[parent];
    for (std::uint32_t i = range.begin; i < range.begin + range.count; ++i) {
        bibtex::Field field = m_out.m_fields[i]; // copies: add() may reallocate
        FieldOrigin origin = m_out.m_origins[i];
        if (!inherited_at_all(field.name) || present(begin, field.name)) continue;
        add(begin, field, {via, origin.entry, origin.name});
    }
}

void InheritanceResolver::inherit_by_rules(std::uint32_t begin, std::uint32_t parent,
                                           std::uint32_t child) {
    std::string_view parent_type = canonical_entry_type(m_database.entries[parent].type);
    std::string_view child_type = canonical_entry_type(m_database.entries[child].type);
    std::array<const TypePairRule*, 16> rules{};
    std::size_t rule_count = 0;
    for (const TypePairRule& rule : k_rules)
        if (rule_count < rules.size() && has_word(rule.sources, parent_type) &&
            has_word(rule.targets, child_type))
            rules[rule_count++] = &rule;
    if (rule_count == 0) return inherit_all(begin, parent, Inherited::crossref);

    EffectiveFields::Range range = m_out.m_ranges[parent];
    auto has_rule = [&](std::string_view name) {
        for (std::size_t r = 0; r < rule_count; ++r)
            if (rules[r]->from == name) return true;
        return false;
    };
    // Fields with a rule first, so that they win over a parent's field of the target's name.
    for (std::uint32_t i = range.begin; i < range.begin + range.count; ++i) {
        bibtex::Field field = m_out.m_fields[i];
        FieldOrigin origin = m_out.m_origins[i];
        for (std::size_t r = 0; r < rule_count; ++r) {
            std::string_view to = rules[r]->to;
            if (rules[r]->from != field.name || to.empty() || present(begin, to)) continue;
            add(begin, {to, field.value}, {Inherited::crossref, origin.entry, origin.name});
        }
    }
    for (std::uint32_t i = range.begin; i < range.begin + range.count; ++i) {
        bibtex::Field field = m_out.m_fields[i];
        FieldOrigin origin = m_out.m_origins[i];
        if (has_rule(field.name) || !inherited_at_all(field.name) || present(begin, field.name))
            continue;
        add(begin, field, {Inherited::crossref, origin.entry, origin.name});
    }
}

// fold_aliases() without its allocations: an alias and its canonical spelling share one slot,
// the canonical spelling winning.
void InheritanceResolver::add_own(std::uint32_t begin, std::uint32_t entry) {
    std::span<const FieldAlias> aliases = field_aliases();
    std::array<std::uint32_t, 8> slot;
    slot.fill(UINT32_MAX);
    // Most names are no alias: length and first byte tell them apart without a memcmp call.
    auto is = [](std::string_view a, std::string_view b) {
        return a.size() == b.size() && !a.empty() && a.front() == b.front() && a == b;
    };
    for (const bibtex::Field& field : m_database.entries[entry].fields) {
        std::size_t pair = 0;
        while (pair < aliases.size() && !is(aliases[pair].alias, field.name) &&
               !is(aliases[pair].canonical, field.name))
            ++pair;
        if (pair == aliases.size() || pair >= slot.size()) {
            add(begin, field, {Inherited::own, entry, field.name});
            continue;
        }
        std::string_view canonical = aliases[pair].canonical;
        std::uint32_t& at = slot[pair];
        if (at == UINT32_MAX) {
            at = static_cast<std::uint32_t>(m_out.m_fields.size());
            add(begin, {canonical, field.value}, {Inherited::own, entry, field.name});
        } else if (field.name == canonical) {
            m_out.m_fields[at].value = field.value;
            m_out.m_origins[at].name = field.name;
        }
    }
}

void InheritanceResolver::compute(const Frame& frame) {
    auto begin = static_cast<std::uint32_t>(m_out.m_fields.size());
    m_names.clear();
    std::uint32_t entry = frame.entry;
    add_own(begin, entry);
    for (std::uint32_t d = frame.first_dependency; d < frame.end_dependency; ++d) {
        const Dependency& dependency = m_dependencies[d];
        if (!dependency.usable) continue;
        if (dependency.via == Inherited::xdata)
            inherit_all(begin, dependency.entry, Inherited::xdata);
    }
    for (std::uint32_t d = frame.first_dependency; d < frame.end_dependency; ++d) {
        const Dependency& dependency = m_dependencies[d];
        if (!dependency.usable || dependency.via != Inherited::crossref) continue;
        if (m_rules == CrossrefRules::biblatex)
            inherit_by_rules(begin, dependency.entry, entry);
        else
            inherit_all(begin, dependency.entry, Inherited::crossref);
    }
    m_out.m_ranges[entry] = {begin, static_cast<std::uint32_t>(m_out.m_fields.size()) - begin};
}

std::string_view InheritanceProblem::code() const {
    switch (kind) {
    case InheritanceProblemKind::dangling_crossref:
        return "dangling-crossref";
    case InheritanceProblemKind::dangling_xdata:
        return "dangling-xdata";
    case InheritanceProblemKind::crossref_cycle:
        return "crossref-cycle";
    case InheritanceProblemKind::xdata_cycle:
        return "xdata-cycle";
    }
    return "inheritance";
}

Severity InheritanceProblem::severity() const {
    bool dangling = kind == InheritanceProblemKind::dangling_crossref ||
                    kind == InheritanceProblemKind::dangling_xdata;
    return dangling ? Severity::warning : Severity::error;
}

EffectiveFields EffectiveFields::resolve(const bibtex::Database& database, CrossrefRules rules) {
    return InheritanceResolver(database, rules).run();
}

std::span<const bibtex::Field> EffectiveFields::fields(std::size_t entry) const {
    Range range = m_ranges[entry];
    return std::span<const bibtex::Field>(m_fields).subspan(range.begin, range.count);
}

std::span<const FieldOrigin> EffectiveFields::origins(std::size_t entry) const {
    Range range = m_ranges[entry];
    return std::span<const FieldOrigin>(m_origins).subspan(range.begin, range.count);
}

std::vector<Diagnostic> inheritance_diagnostics(const EffectiveFields& fields,
                                                const bibtex::Database& database,
                                                const bibtex::Bibliography& bibliography) {
    std::vector<Diagnostic> out;
    for (const InheritanceProblem& problem : fields.problems()) {
        const bibtex::Entry& entry = database.entries[problem.entry];
        const bibtex::RawDatabase& file = bibliography.files()[entry.file];
        const bibtex::RawEntry& raw = file.entries()[entry.raw_entry];
        bool crossref = problem.kind == InheritanceProblemKind::dangling_crossref ||
                        problem.kind == InheritanceProblemKind::crossref_cycle;
        std::uint32_t offset = raw.key.begin;
        for (const bibtex::RawField& field : file.fields(raw)) {
            if (ascii::iequals(file.text(field.name), crossref ? "crossref" : "xdata")) {
                offset = file.value_span(field).begin;
                break;
            }
        }
        out.push_back(make_diagnostic(file.source(), offset, problem.severity(),
                                      std::string(problem.code()), problem.message, entry.key));
    }
    return out;
}

} // namespace bibkit::model
