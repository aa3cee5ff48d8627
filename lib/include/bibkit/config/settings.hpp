#pragma once
// bibkit's settings: the options of jekyll-scholar's `scholar:` section with jekyll-scholar 7.3.0's
// defaults (lib/jekyll/scholar/defaults.rb), plus the per-tag options of `{% bibliography %}`.
//
// Settings come in layers, each overriding the ones before it key by key:
//   defaults < bibkit.yml, --config FILE or --site DIR < the page's front matter `scholar:`
//            < the tag's options or the command line.
// A layer is an `Overrides`; `apply` lays one over complete `Settings`, `merge` joins two layers.
// Maps (type_names, type_aliases, the attribute maps) merge entry by entry, so a page that renames
// one type keeps the site's other names; every other key is replaced whole.

#include <bibkit/query/group.hpp>
#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::config {

using StringList = std::vector<std::string>;
using StringMap = std::map<std::string, std::string, std::less<>>;

struct ConfigError {
    std::string file;         // empty for tag and command-line options
    std::uint32_t line = 0;   // 1-based; 0 when not known (tag options have none)
    std::uint32_t column = 0; // 1-based bytes; for tag options, the column in the argument string
    std::string message;      // one sentence, no trailing period

    bool operator==(const ConfigError&) const = default;
};

// "file:line:col: error: message" (the parts that are known), as bibkit's other diagnostics.
std::string to_string(const ConfigError& error);

// Which entries a tag lists: all that the query selects, or only those cited on the page (-c),
// in citation order (-C: jekyll-scholar then skips sorting).
enum class Citations : std::uint8_t { all, cited, cited_in_order };

struct Duplicates {
    bool remove = false;
    StringList fields; // the fields compared; empty means jekyll-scholar's digest (type+year+title)

    bool operator==(const Duplicates&) const = default;
};

struct Settings {
    // Where the bibliography is: `source` is relative to the site (or config file) directory,
    // each `bibliography` item relative to `source`, and may be a glob (`*.bib`).
    std::string source = "./_bibliography";
    StringList bibliography = {"references.bib"};

    // What is listed.
    std::string query = "@*";
    Duplicates remove_duplicates;

    // Sorting and grouping. Field lists are empty for jekyll-scholar's "none"; orders hold
    // "ascending" or "descending", the last one repeating for the levels after it.
    StringList sort_by;
    StringList order = {"ascending"};
    StringList group_by;
    StringList group_order = {"ascending"};
    // jekyll-scholar's (query/group.hpp holds them, for every user of grouping).
    StringMap type_names = query::GroupOptions::default_type_names();
    StringMap type_aliases = query::GroupOptions::default_type_aliases();
    StringList type_order;  // aliased type names, lower-case
    StringList month_names; // 12 names, or empty for English ("January" ...)

    // Output.
    std::string style = "apa";
    std::string locale = "en";
    std::string bibliography_list_tag = "ol";
    std::string bibliography_item_tag = "li";
    StringList bibliography_group_tag = {"h2", "h3", "h4", "h5"}; // one per group level
    std::string bibliography_class = "bibliography";
    StringMap bibliography_list_attributes;
    StringMap bibliography_item_attributes;
    std::string bibliography_template = "{{reference}}";
    std::string reference_tagname = "span";
    std::string missing_reference = "(missing reference)";
    std::string cite_class = "citation";

    // The site owner's name (al-folio's convention), to highlight: any of the given spellings.
    StringList last_name;
    StringList first_name;

    // Per-tag options; not `scholar:` keys in jekyll-scholar (max and offset are read from YAML
    // too, the others only from tags and the command line).
    std::size_t max = 0; // 0 lists everything, as jekyll-scholar's `--max 0`
    std::size_t offset = 0;
    std::string prefix; // prepended to each entry's id: `prefix-key`
    std::string text;   // cite_details' link text
    Citations cited = Citations::all;
    bool clear = false;
    bool suppress_author = false;
    StringList locators;
    StringList labels;

    // Every other `scholar:` key, as written: a scalar's text, or YAML flow text (`[a, b]`,
    // `{k: v}`) for lists and maps. Templates and filters read what they need from here.
    StringMap extra;

    bool operator==(const Settings&) const = default;
};

// Settings from one layer: `values` holds the layer's value for each key in `keys`; its other
// fields mean nothing. `values.extra` holds only the layer's own extra keys.
struct Overrides {
    Settings values;
    std::set<std::string, std::less<>> keys;

    bool empty() const { return keys.empty() && values.extra.empty(); }
    bool contains(std::string_view key) const { return keys.find(key) != keys.end(); }
};

// Lays `layer` over `settings`.
void apply(Settings& settings, const Overrides& layer);
Settings applied(Settings settings, const Overrides& layer);
// Joins `later` into `base`, so that applying base afterwards equals applying both in turn.
void merge(Overrides& base, const Overrides& later);

} // namespace bibkit::config
