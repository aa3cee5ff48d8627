#pragma once
// The table of settings keys: each key's Settings member and how its values are read. YAML files,
// tag options and the command line all convert values here, so they accept the same forms and
// report the same messages.

#include <bibkit/config/settings.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace bibkit::config::detail {

// A value as written, before conversion: YAML gives any shape, tag options always a scalar.
struct RawValue {
    enum class Shape : std::uint8_t { null, scalar, list, map, other };
    Shape shape = Shape::null;
    std::string scalar;
    StringList list;
    std::vector<std::pair<std::string, std::string>> map;

    static RawValue of(std::string_view text) {
        RawValue raw;
        raw.shape = Shape::scalar;
        raw.scalar = text;
        return raw;
    }
};

enum class Kind : std::uint8_t {
    text,       // a string
    tag_name,   // an HTML tag name
    tag_names,  // a list of HTML tag names
    fields,     // a list of field names; "none" is the empty list
    types,      // a list of entry types, lower-cased
    directions, // a list of ascending / descending
    items,      // a string (one item, never split at commas) or a list
    months,     // a list of twelve month names
    map,        // a mapping of strings
    type_map,   // a mapping of strings whose keys are entry types, lower-cased
    alias_map,  // a mapping of entry types to entry types, lower-cased
    flag,       // true or false
    count,      // a non-negative integer
    duplicates, // true, false, or the fields to compare
    citations,  // all, cited or cited_in_order
};

using Member = std::variant<std::string Settings::*, StringList Settings::*, StringMap Settings::*,
                            bool Settings::*, std::size_t Settings::*, Duplicates Settings::*,
                            Citations Settings::*>;

struct KeyDef {
    std::string_view key;
    Kind kind;
    Member member;
    bool in_yaml; // read from `scholar:`; the others are tag options only (else kept as extra)
};

std::span<const KeyDef> key_defs();
const KeyDef* find_key(std::string_view key);

enum class Mode : std::uint8_t { replace, collect };

// Converts `raw` and stores it in `layer` (Mode::collect adds list items to the layer's earlier
// ones). Returns the error message, naming the value as `what` ("group_order", "--group-order").
std::optional<std::string> assign(Overrides& layer, const KeyDef& def, const RawValue& raw,
                                  std::string_view what, Mode mode = Mode::replace);

// Copies one key's value; maps merge entry by entry when asked.
void copy_key(Settings& to, const Settings& from, const KeyDef& def, bool merge_maps);

} // namespace bibkit::config::detail
