#include "keys.hpp"

#include <algorithm>
#include <array>
#include <bibkit/core/ascii.hpp>
#include <bibkit/core/expected.hpp>
#include <charconv>

namespace bibkit::config::detail {
namespace {

using Shape = RawValue::Shape;
using Converted = Expected<StringList, std::string>;

// The table. in_yaml = false: jekyll-scholar reads these only from tags.
constexpr std::array k_keys{
    KeyDef{"source", Kind::text, &Settings::source, true},
    KeyDef{"bibliography", Kind::items, &Settings::bibliography, true},
    KeyDef{"query", Kind::text, &Settings::query, true},
    KeyDef{"remove_duplicates", Kind::duplicates, &Settings::remove_duplicates, true},
    KeyDef{"sort_by", Kind::fields, &Settings::sort_by, true},
    KeyDef{"order", Kind::directions, &Settings::order, true},
    KeyDef{"group_by", Kind::fields, &Settings::group_by, true},
    KeyDef{"group_order", Kind::directions, &Settings::group_order, true},
    KeyDef{"type_names", Kind::type_map, &Settings::type_names, true},
    KeyDef{"type_aliases", Kind::alias_map, &Settings::type_aliases, true},
    KeyDef{"type_order", Kind::types, &Settings::type_order, true},
    KeyDef{"month_names", Kind::months, &Settings::month_names, true},
    KeyDef{"style", Kind::text, &Settings::style, true},
    KeyDef{"locale", Kind::text, &Settings::locale, true},
    KeyDef{"bibliography_list_tag", Kind::tag_name, &Settings::bibliography_list_tag, true},
    KeyDef{"bibliography_item_tag", Kind::tag_name, &Settings::bibliography_item_tag, true},
    KeyDef{"bibliography_group_tag", Kind::tag_names, &Settings::bibliography_group_tag, true},
    KeyDef{"bibliography_class", Kind::text, &Settings::bibliography_class, true},
    KeyDef{"bibliography_list_attributes", Kind::map, &Settings::bibliography_list_attributes,
           true},
    KeyDef{"bibliography_item_attributes", Kind::map, &Settings::bibliography_item_attributes,
           true},
    KeyDef{"bibliography_template", Kind::text, &Settings::bibliography_template, true},
    KeyDef{"reference_tagname", Kind::tag_name, &Settings::reference_tagname, true},
    KeyDef{"missing_reference", Kind::text, &Settings::missing_reference, true},
    KeyDef{"cite_class", Kind::text, &Settings::cite_class, true},
    KeyDef{"last_name", Kind::items, &Settings::last_name, true},
    KeyDef{"first_name", Kind::items, &Settings::first_name, true},
    KeyDef{"max", Kind::count, &Settings::max, true},
    KeyDef{"offset", Kind::count, &Settings::offset, true},
    KeyDef{"prefix", Kind::text, &Settings::prefix, false},
    KeyDef{"text", Kind::text, &Settings::text, false},
    KeyDef{"cited", Kind::citations, &Settings::cited, false},
    KeyDef{"clear", Kind::flag, &Settings::clear, false},
    KeyDef{"suppress_author", Kind::flag, &Settings::suppress_author, false},
    KeyDef{"locators", Kind::items, &Settings::locators, false},
    KeyDef{"labels", Kind::items, &Settings::labels, false},
};

const Settings& defaults() {
    static const Settings settings;
    return settings;
}

std::string quoted(std::string_view text) {
    return "'" + std::string(text) + "'";
}

std::string trimmed(std::string_view text) {
    while (!text.empty() && ascii::is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && ascii::is_space(text.back())) text.remove_suffix(1);
    return std::string(text);
}

// Adds the pieces of `text` between separators, trimmed, skipping empty ones.
void add_pieces(StringList& out, std::string_view text, bool (*is_separator)(char)) {
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && !is_separator(text[i])) continue;
        if (std::string piece = trimmed(text.substr(start, i - start)); !piece.empty())
            out.push_back(std::move(piece));
        start = i + 1;
    }
}

bool is_comma(char c) {
    return c == ',';
}
bool is_comma_or_space(char c) {
    return c == ',' || ascii::is_space(c);
}
bool is_never(char) {
    return false;
}

// jekyll-scholar splits list options at commas, in a string and in each item of a YAML list
// (`Array(value).map { |v| v.split(/\s*,\s*/) }.flatten`).
Converted list_items(const RawValue& raw, std::string_view what, bool split) {
    auto* separator = split ? is_comma : is_never;
    StringList items;
    if (raw.shape == Shape::scalar) {
        add_pieces(items, raw.scalar, separator);
    } else if (raw.shape == Shape::list) {
        for (const std::string& item : raw.list) add_pieces(items, item, separator);
    } else {
        return unexpected(std::string(what) + " must be a string or a list of strings");
    }
    return items;
}

bool is_tag_name(std::string_view name) {
    auto is_alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (name.empty() || !is_alpha(name.front())) return false;
    return std::all_of(name.begin(), name.end(),
                       [&](char c) { return is_alpha(c) || ascii::is_digit(c) || c == '-'; });
}

std::optional<std::string> check_tag_name(std::string_view name, std::string_view what) {
    if (is_tag_name(name)) return std::nullopt;
    return std::string(what) + " must be an HTML tag name such as ol or h2, got " + quoted(name);
}

// jekyll-scholar reads any value starting with "desc" or "reverse" as descending and anything
// else as ascending; bibkit refuses what is neither, so that "decending" is not ascending.
Converted directions(const RawValue& raw, std::string_view what) {
    Converted items = list_items(raw, what, true);
    if (!items) return items;
    for (std::string& item : *items) {
        const std::string lower = ascii::lowered(item);
        if (lower.starts_with("desc") || lower.starts_with("reverse")) {
            item = "descending";
        } else if (lower.starts_with("asc")) {
            item = "ascending";
        } else {
            return unexpected(std::string(what) + " must be ascending or descending, got " +
                              quoted(item));
        }
    }
    return items;
}

std::optional<bool> boolean(std::string_view text) {
    // YAML 1.1's words, which Psych (and so Jekyll) reads as booleans.
    for (std::string_view word : {"true", "yes", "on"})
        if (ascii::iequals(text, word)) return true;
    for (std::string_view word : {"false", "no", "off"})
        if (ascii::iequals(text, word)) return false;
    return std::nullopt;
}

std::optional<std::size_t> count(std::string_view text) {
    std::size_t value = 0;
    const char* end = text.data() + text.size();
    auto [stop, error] = std::from_chars(text.data(), end, value);
    if (text.empty() || error != std::errc{} || stop != end) return std::nullopt;
    return value;
}

template <class T> T& member(Settings& settings, const KeyDef& def) {
    return settings.*std::get<T Settings::*>(def.member);
}

std::optional<std::string> assign_list(Overrides& layer, const KeyDef& def, Converted items,
                                       Mode mode) {
    if (!items) return items.error();
    StringList& list = member<StringList>(layer.values, def);
    if (mode == Mode::collect && layer.contains(def.key)) {
        list.insert(list.end(), items->begin(), items->end());
    } else {
        list = std::move(*items);
    }
    return std::nullopt;
}

std::optional<std::string> assign_fields(Overrides& layer, const KeyDef& def, const RawValue& raw,
                                         std::string_view what) {
    Converted fields = list_items(raw, what, true);
    if (fields && fields->size() == 1 && ascii::iequals(fields->front(), "none")) fields->clear();
    return assign_list(layer, def, std::move(fields), Mode::replace);
}

std::optional<std::string> assign_types(Overrides& layer, const KeyDef& def, const RawValue& raw,
                                        std::string_view what) {
    // BibTeX types are case-insensitive; the model keeps them lower-case.
    Converted types = list_items(raw, what, true);
    if (types)
        for (std::string& type : *types) type = ascii::lowered(type);
    return assign_list(layer, def, std::move(types), Mode::replace);
}

std::optional<std::string> assign_tag_names(Overrides& layer, const KeyDef& def,
                                            const RawValue& raw, std::string_view what) {
    Converted tags = list_items(raw, what, true);
    if (tags && tags->empty()) return std::string(what) + " must name at least one tag";
    if (tags)
        for (const std::string& tag : *tags)
            if (auto error = check_tag_name(tag, what)) return error;
    return assign_list(layer, def, std::move(tags), Mode::replace);
}

std::optional<std::string> assign_months(Overrides& layer, const KeyDef& def, const RawValue& raw,
                                         std::string_view what) {
    const std::string message = std::string(what) + " must be a list of 12 month names";
    if (raw.shape != Shape::list) return message;
    if (!raw.list.empty() && raw.list.size() != 12)
        return message + ", got " + std::to_string(raw.list.size());
    member<StringList>(layer.values, def) = raw.list;
    return std::nullopt;
}

std::optional<std::string> assign_map(Overrides& layer, const KeyDef& def, const RawValue& raw,
                                      std::string_view what) {
    if (raw.shape != Shape::map) return std::string(what) + " must be a mapping of strings";
    StringMap map;
    for (auto [key, value] : raw.map) {
        if (def.kind != Kind::map) key = ascii::lowered(key);
        if (def.kind == Kind::alias_map) value = ascii::lowered(value);
        map[key] = std::move(value); // a repeated key: the last wins, as in Ruby's YAML
    }
    member<StringMap>(layer.values, def) = std::move(map);
    return std::nullopt;
}

std::optional<std::string> assign_scalar(Overrides& layer, const KeyDef& def, const RawValue& raw,
                                         std::string_view what) {
    if (raw.shape != Shape::scalar) return std::string(what) + " must be a string";
    const std::string& text = raw.scalar;
    switch (def.kind) {
    case Kind::tag_name:
        if (auto error = check_tag_name(text, what)) return error;
        [[fallthrough]];
    case Kind::text:
        // An empty template is jekyll-scholar's '{{reference}}' (liquid_template).
        member<std::string>(layer.values, def) = text.empty() && def.key == "bibliography_template"
                                                     ? defaults().bibliography_template
                                                     : text;
        return std::nullopt;
    case Kind::flag:
        if (auto value = boolean(text)) {
            member<bool>(layer.values, def) = *value;
            return std::nullopt;
        }
        return std::string(what) + " must be true or false, got " + quoted(text);
    case Kind::count:
        if (auto value = count(trimmed(text))) {
            member<std::size_t>(layer.values, def) = *value;
            return std::nullopt;
        }
        return std::string(what) + " must be a non-negative integer, got " + quoted(text);
    case Kind::citations: {
        static constexpr std::array<std::pair<std::string_view, Citations>, 3> k_names{{
            {"all", Citations::all},
            {"cited", Citations::cited},
            {"cited_in_order", Citations::cited_in_order},
        }};
        for (auto [name, value] : k_names) {
            if (text != name) continue;
            member<Citations>(layer.values, def) = value;
            return std::nullopt;
        }
        return std::string(what) + " must be all, cited or cited_in_order, got " + quoted(text);
    }
    default:
        return std::string(what) + " cannot be set"; // not reached: every kind is handled
    }
}

// `true`/`false`, or the fields to compare (which means true): a YAML list, or a string with
// commas or spaces between the names (`--remove_duplicates title, author`). jekyll-scholar
// splits only at a comma followed by a space, so `title,author` was one field there.
std::optional<std::string> assign_duplicates(Overrides& layer, const KeyDef& def,
                                             const RawValue& raw, std::string_view what) {
    Duplicates duplicates{true, {}};
    if (raw.shape == Shape::scalar) {
        if (auto value = boolean(trimmed(raw.scalar))) {
            duplicates.remove = *value;
        } else {
            add_pieces(duplicates.fields, raw.scalar, is_comma_or_space);
        }
    } else if (raw.shape == Shape::list) {
        for (const std::string& item : raw.list)
            add_pieces(duplicates.fields, item, is_comma_or_space);
    } else {
        return std::string(what) + " must be true, false or a list of fields";
    }
    for (std::string& field : duplicates.fields) field = ascii::lowered(field);
    member<Duplicates>(layer.values, def) = std::move(duplicates);
    return std::nullopt;
}

std::optional<std::string> convert(Overrides& layer, const KeyDef& def, const RawValue& raw,
                                   std::string_view what, Mode mode) {
    switch (def.kind) {
    case Kind::fields:
        return assign_fields(layer, def, raw, what);
    case Kind::types:
        return assign_types(layer, def, raw, what);
    case Kind::directions:
        return assign_list(layer, def, directions(raw, what), Mode::replace);
    case Kind::tag_names:
        return assign_tag_names(layer, def, raw, what);
    case Kind::items:
        return assign_list(layer, def, list_items(raw, what, false), mode);
    case Kind::months:
        return assign_months(layer, def, raw, what);
    case Kind::map:
    case Kind::type_map:
    case Kind::alias_map:
        return assign_map(layer, def, raw, what);
    case Kind::duplicates:
        return assign_duplicates(layer, def, raw, what);
    default:
        return assign_scalar(layer, def, raw, what);
    }
}

} // namespace

std::span<const KeyDef> key_defs() {
    return k_keys;
}

const KeyDef* find_key(std::string_view key) {
    auto it = std::find_if(k_keys.begin(), k_keys.end(),
                           [&](const KeyDef& def) { return def.key == key; });
    return it == k_keys.end() ? nullptr : &*it;
}

std::optional<std::string> assign(Overrides& layer, const KeyDef& def, const RawValue& raw,
                                  std::string_view what, Mode mode) {
    // A key set to nothing (`month_names:`) takes its default again.
    if (raw.shape == Shape::null) {
        copy_key(layer.values, defaults(), def, false);
    } else if (auto error = convert(layer, def, raw, what, mode)) {
        return error;
    }
    layer.keys.emplace(def.key);
    return std::nullopt;
}

void copy_key(Settings& to, const Settings& from, const KeyDef& def, bool merge_maps) {
    std::visit(
        [&](auto pointer) {
            using Value = std::remove_cvref_t<decltype(to.*pointer)>;
            if constexpr (std::is_same_v<Value, StringMap>) {
                if (merge_maps) {
                    for (const auto& [key, value] : from.*pointer) (to.*pointer)[key] = value;
                    return;
                }
            }
            to.*pointer = from.*pointer;
        },
        def.member);
}

} // namespace bibkit::config::detail
