#include <array>
#include <bibkit/core/ascii.hpp>
#include <bibkit/names/extended_name.hpp>
#include <string>

namespace bibkit::names {

namespace {

enum class Key : std::uint8_t {
    family,
    given,
    prefix,
    suffix,
    given_initials,
    other_initials,
    use_prefix,
    unknown
};

struct KnownKey {
    std::string_view name;
    Key key;
};

constexpr std::array<KnownKey, 9> k_keys = {{{"family", Key::family},
                                             {"given", Key::given},
                                             {"prefix", Key::prefix},
                                             {"suffix", Key::suffix},
                                             {"given-i", Key::given_initials},
                                             {"family-i", Key::other_initials},
                                             {"prefix-i", Key::other_initials},
                                             {"suffix-i", Key::other_initials},
                                             {"useprefix", Key::use_prefix}}};

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && ascii::is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && ascii::is_space(text.back())) text.remove_suffix(1);
    return text;
}

Key key_of(std::string_view word) {
    for (const KnownKey& known : k_keys)
        if (ascii::iequals(known.name, word)) return known.key;
    return Key::unknown;
}

struct Part {
    std::string_view text;
    std::size_t offset = 0;
    std::size_t equals = std::string_view::npos; // at depth 0, relative to text
};

// The comma-separated parts at brace depth 0, each with its first depth-0 `=`.
std::vector<Part> parts_of(std::string_view name) {
    std::vector<Part> parts;
    Part current{{}, 0};
    int depth = 0;
    for (std::size_t at = 0; at <= name.size(); ++at) {
        char c = at < name.size() ? name[at] : ',';
        if (c == '{') {
            ++depth;
        } else if (c == '}') {
            if (depth > 0) --depth;
        } else if (depth == 0 && c == ',') {
            current.text = name.substr(current.offset, at - current.offset);
            parts.push_back(current);
            current = {{}, at + 1};
        } else if (depth == 0 && c == '=' && current.equals == std::string_view::npos) {
            current.equals = at - current.offset;
        }
    }
    return parts;
}

bool has_known_key(const Part& part) {
    return part.equals != std::string_view::npos &&
           key_of(trimmed(part.text.substr(0, part.equals))) != Key::unknown;
}

// `{John Paul}` -> `John Paul`, `"John"` -> `John`, only when the delimiters enclose it all.
std::string_view unwrapped(std::string_view value) {
    value = trimmed(value);
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
        return trimmed(value.substr(1, value.size() - 2));
    if (value.size() >= 2 && value.front() == '{') {
        int depth = 0;
        for (std::size_t at = 0; at < value.size(); ++at) {
            if (value[at] == '{')
                ++depth;
            else if (value[at] == '}' && --depth == 0)
                return at + 1 == value.size() ? trimmed(value.substr(1, value.size() - 2)) : value;
        }
    }
    return value;
}

void report(std::vector<NameDiagnostic>* diagnostics, std::string code, std::string message,
            std::size_t offset) {
    if (diagnostics)
        diagnostics->push_back({Severity::warning, std::move(code), std::move(message),
                                static_cast<std::uint32_t>(offset)});
}

} // namespace

bool is_extended_name(std::string_view name) {
    if (name.find('=') == std::string_view::npos) return false; // the fast path
    for (const Part& part : parts_of(name))
        if (has_known_key(part)) return true;
    return false;
}

std::optional<ExtendedName> parse_extended_name(std::string_view name,
                                                std::vector<NameDiagnostic>* diagnostics) {
    if (!is_extended_name(name)) return std::nullopt;
    ExtendedName out;
    for (const Part& part : parts_of(name)) {
        if (trimmed(part.text).empty()) continue;
        if (part.equals == std::string_view::npos) {
            report(diagnostics, "extended-name-part",
                   "`" + std::string(trimmed(part.text)) +
                       "` has no key in a name written as key=value pairs; it is ignored",
                   part.offset);
            continue;
        }
        std::string_view word = trimmed(part.text.substr(0, part.equals));
        std::string_view value = unwrapped(part.text.substr(part.equals + 1));
        switch (key_of(word)) {
        case Key::family:
            out.family = value;
            break;
        case Key::given:
            out.given = value;
            break;
        case Key::prefix:
            out.prefix = value;
            break;
        case Key::suffix:
            out.suffix = value;
            break;
        case Key::given_initials:
            out.given_initials = value;
            break;
        case Key::other_initials:
            break; // only the given name's initials are kept
        case Key::use_prefix:
            if (ascii::iequals(value, "true"))
                out.use_prefix = UsePrefix::yes;
            else if (ascii::iequals(value, "false"))
                out.use_prefix = UsePrefix::no;
            else
                report(diagnostics, "extended-name-useprefix",
                       "useprefix must be true or false, not `" + std::string(value) + "`",
                       part.offset + part.equals + 1);
            break;
        case Key::unknown:
            report(diagnostics, "extended-name-key",
                   "unknown key `" + std::string(word) + "` in a name; it is ignored", part.offset);
            break;
        }
    }
    return out;
}

} // namespace bibkit::names
