#include "letters.hpp"

#include <bibkit/names/name_format.hpp>
#include <optional>

namespace bibkit::names {

namespace {

// BibTeX: a token or name of this many characters or more is "long" (no tie needed after it).
constexpr std::size_t k_long_token = 3;
constexpr std::size_t k_long_name = 3;

NameDiagnostic pattern_error(std::string message, std::size_t offset) {
    return {Severity::error, "bad-name-format", std::move(message),
            static_cast<std::uint32_t>(offset)};
}

std::optional<NamePart> part_of(char letter) {
    switch (letter) {
    case 'f':
    case 'F':
        return NamePart::first;
    case 'v':
    case 'V':
        return NamePart::von;
    case 'l':
    case 'L':
        return NamePart::last;
    case 'j':
    case 'J':
        return NamePart::jr;
    default:
        return std::nullopt;
    }
}

// BibTeX's enough_text_chars: does out[from..] hold `enough` characters? A special character
// `{\...}` counts as one, braces count as characters; in Unicode mode a character is a code point.
// BibTeX keeps the brace depth in a global that this test leaves wherever it stopped counting, so
// a later test in the same format.name$ call may not see a `{\...}` as a special character (after
// `{TUG} {Working}`, `{\TeX}` counts six characters): `depth` carries that over.
bool enough_text_chars(const std::string& out, std::size_t from, std::size_t enough,
                       LetterCase mode, int& depth) {
    std::size_t count = 0;
    std::size_t at = from;
    while (at < out.size() && count < enough) {
        char c = out[at++];
        if (c == '{') {
            ++depth;
            if (depth == 1 && at < out.size() && out[at] == '\\') {
                ++at;
                while (at < out.size() && depth > 0) {
                    if (out[at] == '}')
                        --depth;
                    else if (out[at] == '{')
                        ++depth;
                    ++at;
                }
            }
        } else if (c == '}') {
            --depth;
        } else if (mode == LetterCase::unicode && detail::is_continuation(c)) {
            continue;
        }
        ++count;
    }
    return count >= enough;
}

TokenRange range_of(const BibtexName& name, NamePart part) {
    switch (part) {
    case NamePart::first:
        return name.first;
    case NamePart::von:
        return name.von;
    case NamePart::last:
        return name.last;
    case NamePart::jr:
        return name.jr;
    }
    return {};
}

} // namespace

NameFormat::Element NameFormat::literal_element(std::string text) {
    Element element;
    element.before = std::move(text);
    return element;
}

Expected<NameFormat, NameDiagnostic> NameFormat::parse(std::string_view pattern) {
    NameFormat format;
    std::string literal;
    std::size_t at = 0;
    while (at < pattern.size()) {
        char c = pattern[at];
        if (c == '}') return unexpected(pattern_error("unbalanced '}' in a name format", at));
        if (c != '{') {
            literal += c;
            ++at;
            continue;
        }
        if (!literal.empty()) {
            format.m_elements.push_back(literal_element(std::move(literal)));
            literal.clear();
        }
        std::size_t open = at++;
        Element group;
        group.is_group = true;
        bool letters_found = false;
        std::size_t letters_end = 0;
        for (;;) {
            if (at >= pattern.size())
                return unexpected(pattern_error("unbalanced '{' in a name format", open));
            char g = pattern[at];
            std::string& text = letters_found ? group.after : group.before;
            if (g == '}') {
                ++at;
                break;
            }
            if (g == '{') {
                std::size_t close = detail::skip_group(pattern, at + 1);
                if (close == std::string_view::npos)
                    return unexpected(pattern_error("unbalanced '{' in a name format", at));
                if (letters_found && at == letters_end) {
                    group.custom_separator = true;
                    group.separator = pattern.substr(at + 1, close - at - 2);
                } else {
                    text.append(pattern.substr(at, close - at));
                }
                at = close;
                continue;
            }
            if (detail::is_ascii_letter(g) || detail::is_non_ascii(g)) {
                std::optional<NamePart> part = part_of(g);
                if (letters_found || !part)
                    return unexpected(pattern_error(
                        "a name format group needs exactly one of the part letters f, v, l, j",
                        at));
                letters_found = true;
                group.part = *part;
                ++at;
                group.form = TokenForm::initial;
                if (at < pattern.size() && part_of(pattern[at]) == part) {
                    group.form = TokenForm::full;
                    ++at;
                }
                letters_end = at;
                continue;
            }
            text += g;
            ++at;
        }
        if (!letters_found) {
            // A group without a part letter is plain text to BibTeX.
            format.m_elements.push_back(literal_element(std::move(group.before)));
            continue;
        }
        format.m_elements.push_back(std::move(group));
    }
    if (!literal.empty()) format.m_elements.push_back(literal_element(std::move(literal)));
    return format;
}

void NameFormat::append(std::string& out, const BibtexName& name) const {
    LetterCase mode = name.letter_case;
    int depth = 0;
    for (const Element& element : m_elements) {
        if (!element.is_group) {
            out += element.before;
            continue;
        }
        TokenRange range = range_of(name, element.part);
        if (range.empty()) continue;
        std::size_t group_start = out.size();
        out += element.before;
        for (std::uint32_t i = range.begin; i < range.end; ++i) {
            std::string_view token = name.tokens[i].text;
            if (element.form == TokenForm::full)
                out += token;
            else
                detail::append_initial(out, token, mode);
            if (i + 1 >= range.end) break;
            if (element.custom_separator) {
                out += element.separator;
                continue;
            }
            if (element.form == TokenForm::initial) out += '.';
            char separator = name.tokens[i + 1].separator;
            if (separator == '-' || separator == '~')
                out += separator;
            else if (i + 2 == range.end ||
                     !enough_text_chars(out, group_start, k_long_token, mode, depth))
                out += '~';
            else
                out += ' ';
        }
        out += element.after;
        // A tie that ends a group is discretionary: kept only after a short name.
        if (!out.empty() && out.back() == '~') {
            out.pop_back();
            out += enough_text_chars(out, group_start, k_long_name, mode, depth) ? ' ' : '~';
        }
    }
}

std::string NameFormat::format(const BibtexName& name) const {
    std::string out;
    append(out, name);
    return out;
}

std::string format_name(const BibtexName& name, std::string_view pattern) {
    auto format = NameFormat::parse(pattern);
    return format ? format->format(name) : std::string();
}

} // namespace bibkit::names
