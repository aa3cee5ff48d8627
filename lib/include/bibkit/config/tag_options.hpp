#pragma once
// The options of `{% bibliography ARGS %}`, `{% bibliography_count ARGS %}` and `{% cite ... %}`,
// as jekyll-scholar 7.3.0 defines them (utilities.rb, optparse), plus bibkit's own (--sort_by,
// --order, --locale, --bibliography_group_tag). The command line shares the table and the
// validation: `bibkit query --group-by year` and `{% bibliography -g year %}` mean the same.
//
// Parsing an argument string, unlike jekyll-scholar's regular-expression split:
// - an option is a word that starts with `-` and a letter or `--` and a letter (`-q`, `--query`,
//   `--query=VALUE`); underscores and dashes are the same in long names (`--group-by`);
// - a value runs to the next option, so it may hold spaces (`-q @*[year<2021 && author~=X]`);
//   to put ` -x` inside a value, quote it: `-q "@*[title~=a -b]"` (in quotes, \" is a quote);
//   quotes that do not start a value are part of it (`@*[selected="true"]`);
// - an unknown option is an error naming it (jekyll-scholar reads `--sort_by` as the end of
//   its options and silently drops every option after it);
// - an option given twice: the last wins, except -f, -l and -L, which collect;
// - words outside options (cite keys, text after a flag) are returned as positional words.

#include <bibkit/config/settings.hpp>
#include <bibkit/core/expected.hpp>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::config {

enum class Arity : std::uint8_t { none, optional, required };

struct OptionSpec {
    char short_name = 0;   // 0 when there is none
    std::string_view name; // the long name, with underscores: "group_by"
    std::string_view key;  // the Settings key it sets: "bibliography_template" for --template
    Arity arity = Arity::required;
    std::string_view implied;    // the value given when there is none (flags, -r)
    bool collects = false;       // repeated values add up (-f, -l, -L)
    bool jekyll_scholar = true;  // false for bibkit's own
    std::string_view value_name; // "QUERY", for help texts
    std::string_view help;
};

std::span<const OptionSpec> option_specs();

// Any spelling: "-q", "--query", "query", "--group-by", "group-by", "group_by".
const OptionSpec* find_option(std::string_view spelling);

struct TagOptions {
    Overrides overrides;
    StringList positional;
};

Expected<TagOptions, ConfigError> parse_tag_options(std::string_view arguments);

// One option with its value (std::nullopt for a flag, or -r without fields) into a layer, with
// the validation of the tag options; for the command line. The error names the spelling given.
std::optional<ConfigError> apply_option(Overrides& layer, std::string_view spelling,
                                        std::optional<std::string_view> value);

struct OptionValue {
    std::string option; // any spelling find_option knows
    std::optional<std::string> value;
};
Expected<Overrides, ConfigError> parse_options(std::span<const OptionValue> options);

} // namespace bibkit::config
