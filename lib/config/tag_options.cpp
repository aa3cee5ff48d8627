#include "keys.hpp"

#include <array>
#include <bibkit/config/tag_options.hpp>
#include <bibkit/core/ascii.hpp>

namespace bibkit::config {
namespace {

// jekyll-scholar 7.3.0's options (utilities.rb, optparse) in its order, then bibkit's own.
// -O sets type_order here; jekyll-scholar's sets group_by by mistake (its README's case 28).
constexpr std::array k_options{
    OptionSpec{'c', "cited", "cited", Arity::none, "cited", false, true, "",
               "list only the entries cited on the page"},
    OptionSpec{'C', "cited_in_order", "cited", Arity::none, "cited_in_order", false, true, "",
               "list only the cited entries, in the order they were cited"},
    OptionSpec{0, "clear", "clear", Arity::none, "true", false, true, "",
               "forget the citations made so far"},
    OptionSpec{'r', "remove_duplicates", "remove_duplicates", Arity::optional, "true", false, true,
               "FIELDS", "drop entries that repeat an earlier one (in FIELDS, if given)"},
    OptionSpec{'A', "suppress_author", "suppress_author", Arity::none, "true", false, true, "",
               "leave the author out of citations"},
    OptionSpec{'f', "file", "bibliography", Arity::required, "", true, true, "FILE",
               "read this bibliography file instead (repeatable)"},
    OptionSpec{'q', "query", "query", Arity::required, "", false, true, "QUERY",
               "select the entries that match QUERY"},
    OptionSpec{'h', "bibliography_list_tag", "bibliography_list_tag", Arity::required, "", false,
               true, "TAG", "the HTML list element (ol, ul)"},
    OptionSpec{'p', "prefix", "prefix", Arity::required, "", false, true, "PREFIX",
               "prefix each entry's id with PREFIX-"},
    OptionSpec{'t', "text", "text", Arity::required, "", false, true, "TEXT", "the link text"},
    OptionSpec{'l', "locator", "locators", Arity::required, "", true, true, "LOCATOR",
               "a citation's locator, such as a page (repeatable)"},
    OptionSpec{'L', "label", "labels", Arity::required, "", true, true, "LABEL",
               "the kind of the locator: page, chapter... (repeatable)"},
    OptionSpec{'o', "offset", "offset", Arity::required, "", false, true, "N",
               "skip the first N entries"},
    OptionSpec{'m', "max", "max", Arity::required, "", false, true, "N",
               "list at most N entries (0: all)"},
    OptionSpec{'s', "style", "style", Arity::required, "", false, true, "STYLE",
               "the CSL style, by name or file"},
    OptionSpec{'g', "group_by", "group_by", Arity::required, "", false, true, "FIELDS",
               "group by these fields, level by level (none: no groups)"},
    OptionSpec{'G', "group_order", "group_order", Arity::required, "", false, true, "ORDERS",
               "ascending or descending, per group level"},
    OptionSpec{'O', "type_order", "type_order", Arity::required, "", false, true, "TYPES",
               "the order of type groups"},
    OptionSpec{'T', "template", "bibliography_template", Arity::required, "", false, true,
               "TEMPLATE", "the template of each entry"},
    OptionSpec{0, "sort_by", "sort_by", Arity::required, "", false, false, "FIELDS",
               "sort by these fields (none: file order)"},
    OptionSpec{0, "order", "order", Arity::required, "", false, false, "ORDERS",
               "ascending or descending, per sort field"},
    OptionSpec{0, "locale", "locale", Arity::required, "", false, false, "LOCALE",
               "the CSL locale, such as en-GB"},
    OptionSpec{0, "bibliography_group_tag", "bibliography_group_tag", Arity::required, "", false,
               false, "TAGS", "the heading elements of the group levels (h2,h3)"},
};

bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// `-x` or `--xy` at the start of a word. A value may hold any other dash: `stoch-opt`, `-1`.
bool option_starts(std::string_view text, std::size_t at) {
    if (at > 0 && !ascii::is_space(text[at - 1])) return false;
    if (at + 1 >= text.size() || text[at] != '-') return false;
    if (is_alpha(text[at + 1])) return true;
    return text[at + 1] == '-' && at + 2 < text.size() && is_alpha(text[at + 2]);
}

std::size_t skip_spaces(std::string_view text, std::size_t at) {
    while (at < text.size() && ascii::is_space(text[at])) ++at;
    return at;
}

ConfigError error_at(std::size_t at, std::string message) {
    return ConfigError{{}, 0, static_cast<std::uint32_t>(at + 1), std::move(message)};
}

std::string quoted(std::string_view text) {
    return "'" + std::string(text) + "'";
}

// The option's spec stores into the layer: the value given, or the one a flag implies.
std::optional<std::string> set(Overrides& layer, const OptionSpec& spec,
                               std::optional<std::string_view> value, std::string_view spelling) {
    if (spec.arity == Arity::none && value) return "option " + quoted(spelling) + " takes no value";
    if (spec.arity == Arity::required && !value)
        return "option " + quoted(spelling) + " needs a value";
    const detail::KeyDef* def = detail::find_key(spec.key);
    const auto mode = spec.collects ? detail::Mode::collect : detail::Mode::replace;
    return detail::assign(layer, *def, detail::RawValue::of(value.value_or(spec.implied)), spelling,
                          mode);
}

// Reads the argument string left to right; `m_at` is always where the next word may start.
class TagParser {
  public:
    explicit TagParser(std::string_view text) : m_text(text) {}

    Expected<TagOptions, ConfigError> parse() {
        for (m_at = skip_spaces(m_text, 0); m_at < m_text.size();
             m_at = skip_spaces(m_text, m_at)) {
            auto error = option_starts(m_text, m_at) ? read_option() : read_positional();
            if (error) return unexpected(std::move(*error));
        }
        return std::move(m_result);
    }

  private:
    std::optional<ConfigError> read_positional() {
        const std::size_t start = m_at;
        std::string word;
        if (m_text[m_at] == '"' || m_text[m_at] == '\'') {
            if (auto error = read_quoted(word)) return error;
        } else {
            while (m_at < m_text.size() && !ascii::is_space(m_text[m_at])) ++m_at;
            word = m_text.substr(start, m_at - start);
        }
        m_result.positional.push_back(std::move(word));
        return std::nullopt;
    }

    std::optional<ConfigError> read_option() {
        const std::size_t start = m_at;
        const bool is_long = m_text[m_at + 1] == '-';
        while (m_at < m_text.size() && !ascii::is_space(m_text[m_at]) &&
               !(is_long && m_text[m_at] == '='))
            ++m_at;
        const std::string_view spelling = m_text.substr(start, m_at - start);
        const OptionSpec* spec = find_option(spelling);
        if (!spec) return error_at(start, unknown(spelling, !m_result.overrides.keys.empty()));
        const bool has_equals = m_at < m_text.size() && m_text[m_at] == '=';
        if (has_equals) ++m_at;
        std::optional<std::string> value;
        if (has_equals || spec->arity != Arity::none) {
            if (auto error = read_value(value, has_equals)) return error;
        }
        if (auto message = set(m_result.overrides, *spec, value, spelling))
            return error_at(start, std::move(*message));
        return std::nullopt;
    }

    // A quoted string, or everything up to the next option, trimmed; nothing if that is empty.
    std::optional<ConfigError> read_value(std::optional<std::string>& value, bool has_equals) {
        if (!has_equals) m_at = skip_spaces(m_text, m_at);
        if (m_at >= m_text.size() || (!has_equals && option_starts(m_text, m_at)))
            return std::nullopt;
        if (m_text[m_at] == '"' || m_text[m_at] == '\'') {
            value.emplace();
            return read_quoted(*value);
        }
        const std::size_t start = m_at;
        while (m_at < m_text.size() && !option_starts(m_text, m_at)) ++m_at;
        std::string_view text = m_text.substr(start, m_at - start);
        while (!text.empty() && ascii::is_space(text.back())) text.remove_suffix(1);
        if (!text.empty()) value.emplace(text);
        return std::nullopt;
    }

    // From an opening quote to its closing one, which must end the word; \" (or \') inside.
    std::optional<ConfigError> read_quoted(std::string& out) {
        const std::size_t start = m_at;
        const char quote = m_text[m_at++];
        for (; m_at < m_text.size(); ++m_at) {
            const char c = m_text[m_at];
            if (c == '\\' && m_at + 1 < m_text.size() && m_text[m_at + 1] == quote) {
                out += quote;
                ++m_at;
            } else if (c == quote) {
                ++m_at;
                if (m_at < m_text.size() && !ascii::is_space(m_text[m_at]))
                    return error_at(m_at, "unexpected text after the closing quote");
                return std::nullopt;
            } else {
                out += c;
            }
        }
        return error_at(start, "unterminated quote");
    }

    // After another option, a word like `-b` is more likely part of a value than an option.
    static std::string unknown(std::string_view spelling, bool after_option) {
        std::string message = "unknown option " + quoted(spelling);
        if (after_option) message += " (quote a value that holds ' -')";
        return message;
    }

    std::string_view m_text;
    std::size_t m_at = 0;
    TagOptions m_result;
};

std::string long_name(std::string_view spelling) {
    std::string name(spelling);
    for (char& c : name)
        if (c == '-') c = '_';
    return name;
}

} // namespace

std::span<const OptionSpec> option_specs() {
    return k_options;
}

const OptionSpec* find_option(std::string_view spelling) {
    auto found = [](auto predicate) -> const OptionSpec* {
        for (const OptionSpec& spec : k_options)
            if (predicate(spec)) return &spec;
        return nullptr;
    };
    if (spelling.size() == 2 && spelling[0] == '-' && spelling[1] != '-')
        return found([&](const OptionSpec& spec) { return spec.short_name == spelling[1]; });
    if (spelling.starts_with("--"))
        spelling.remove_prefix(2);
    else if (spelling.starts_with('-'))
        return nullptr;
    const std::string name = long_name(spelling);
    return found([&](const OptionSpec& spec) { return spec.name == name; });
}

Expected<TagOptions, ConfigError> parse_tag_options(std::string_view arguments) {
    return TagParser(arguments).parse();
}

std::optional<ConfigError> apply_option(Overrides& layer, std::string_view spelling,
                                        std::optional<std::string_view> value) {
    const OptionSpec* spec = find_option(spelling);
    if (!spec) return ConfigError{{}, 0, 0, "unknown option " + quoted(spelling)};
    if (auto message = set(layer, *spec, value, spelling))
        return ConfigError{{}, 0, 0, std::move(*message)};
    return std::nullopt;
}

Expected<Overrides, ConfigError> parse_options(std::span<const OptionValue> options) {
    Overrides layer;
    for (const OptionValue& option : options) {
        std::optional<std::string_view> value;
        if (option.value) value = *option.value;
        if (auto error = apply_option(layer, option.option, value)) return unexpected(*error);
    }
    return layer;
}

} // namespace bibkit::config
