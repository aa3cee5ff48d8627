#include <array>
#include <bibkit/model/field_aliases.hpp>
#include <cstdint>
#include <string>

namespace bibkit::model {

namespace {

constexpr std::span<const FieldAlias> k_aliases = k_field_aliases;

// Equality that settles most mismatches on the length and first byte, without calling memcmp:
// field lookups compare names by the hundred thousand.
bool same_name(std::string_view a, std::string_view b) {
    return a.size() == b.size() && (a.empty() || (a.front() == b.front() && a == b));
}

// The alias pair a name belongs to (as alias or as canonical name), or -1.
int pair_of(std::string_view name) {
    for (std::size_t i = 0; i < k_aliases.size(); ++i)
        if (same_name(k_aliases[i].alias, name) || same_name(k_aliases[i].canonical, name))
            return static_cast<int>(i);
    return -1;
}

} // namespace

std::span<const FieldAlias> field_aliases() {
    return k_aliases;
}

std::string_view canonical_field_name(std::string_view name) {
    for (const FieldAlias& alias : k_aliases)
        if (alias.alias == name) return alias.canonical;
    return name;
}

const bibtex::Field* find_field(std::span<const bibtex::Field> fields, std::string_view name) {
    int pair = pair_of(name);
    if (pair < 0) {
        for (const bibtex::Field& field : fields)
            if (same_name(field.name, name)) return &field;
        return nullptr;
    }
    const FieldAlias& alias = k_aliases[static_cast<std::size_t>(pair)];
    // The canonical spelling first, so that a list with both answers as fold_aliases() would.
    const bibtex::Field* found = nullptr;
    for (const bibtex::Field& field : fields) {
        if (same_name(field.name, alias.canonical)) return &field;
        if (!found && same_name(field.name, alias.alias)) found = &field;
    }
    return found;
}

FoldedFields fold_aliases(std::span<const bibtex::Field> fields) {
    FoldedFields out;
    out.fields.reserve(fields.size());
    out.original_names.reserve(fields.size());
    // Where each alias pair's field went in out.fields, so a second spelling is found at once.
    std::array<std::size_t, k_aliases.size()> slot;
    slot.fill(SIZE_MAX);
    for (const bibtex::Field& field : fields) {
        int pair = pair_of(field.name);
        if (pair < 0) {
            out.fields.push_back(field);
            out.original_names.push_back(field.name);
            continue;
        }
        const FieldAlias& alias = k_aliases[static_cast<std::size_t>(pair)];
        std::size_t& at = slot[static_cast<std::size_t>(pair)];
        if (at == SIZE_MAX) {
            at = out.fields.size();
            out.fields.push_back({alias.canonical, field.value});
            out.original_names.push_back(field.name);
        } else if (field.name == alias.canonical) {
            // The canonical spelling came second: it takes the alias's place.
            out.shadowed.push_back({out.original_names[at], out.fields[at].value});
            out.fields[at].value = field.value;
            out.original_names[at] = field.name;
        } else {
            out.shadowed.push_back(field);
        }
    }
    return out;
}

DateFields date_fields(std::span<const bibtex::Field> fields, std::string_view prefix) {
    auto named = [&](std::string_view suffix) {
        std::string name(prefix);
        name += suffix;
        for (const bibtex::Field& field : fields)
            if (field.name == name) return &field;
        return static_cast<const bibtex::Field*>(nullptr);
    };
    DateFields out;
    out.date = named("date");
    if (out.date) return out;
    out.year = named("year");
    if (!out.year) return out;
    out.month = named("month");
    out.day = named("day");
    return out;
}

} // namespace bibkit::model
