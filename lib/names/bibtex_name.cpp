#include "letters.hpp"

#include <array>
#include <bibkit/core/ascii.hpp>
#include <bibkit/names/bibtex_name.hpp>
#include <string>

namespace bibkit::names {

namespace {

using detail::Case;

constexpr bool is_tie_or_hyphen(char c) {
    return c == '~' || c == '-';
}

// BibTeX knows these control sequences as letters; any other one is looked through to the first
// letter after it (`{\relax Ch}` is upper case).
constexpr std::array<std::string_view, 5> k_upper_letter_commands = {"OE", "AE", "AA", "O", "L"};
constexpr std::array<std::string_view, 8> k_lower_letter_commands = {"i",  "j", "oe", "ae",
                                                                     "aa", "o", "l",  "ss"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view word) {
    for (std::string_view entry : list)
        if (entry == word) return true;
    return false;
}

// The case of a "special character" `{\cs ...}`; `at` is just after the backslash.
Case special_character_case(std::string_view token, std::size_t at, LetterCase mode) {
    std::size_t start = at;
    // A control word's name is what BibTeX calls alpha: ASCII letters and bytes from 0x80 up.
    while (at < token.size() &&
           (detail::is_ascii_letter(token[at]) || detail::is_non_ascii(token[at])))
        ++at;
    std::string_view command = token.substr(start, at - start);
    if (contains(k_upper_letter_commands, command)) return Case::upper;
    if (contains(k_lower_letter_commands, command)) return Case::lower;
    int depth = 1;
    while (at < token.size() && depth > 0) {
        detail::CaseAt found = detail::case_at(token, at, mode);
        if (found.letter_case != Case::none) return found.letter_case;
        if (token[at] == '}')
            --depth;
        else if (token[at] == '{')
            ++depth;
        at += found.length;
    }
    return Case::none;
}

} // namespace

bool is_von_token(std::string_view token, LetterCase mode) {
    std::size_t at = 0;
    while (at < token.size()) {
        if (token[at] != '{') {
            detail::CaseAt found = detail::case_at(token, at, mode);
            if (found.letter_case != Case::none) return found.letter_case == Case::lower;
            at += found.length;
            continue;
        }
        ++at;
        if (at + 2 < token.size() && token[at] == '\\')
            return special_character_case(token, at + 1, mode) == Case::lower;
        // Any other group is invisible to the test: `{Ch}ristophe` is decided by the `r`.
        int depth = 1;
        while (depth > 0 && at < token.size()) {
            if (token[at] == '}')
                --depth;
            else if (token[at] == '{')
                ++depth;
            ++at;
        }
    }
    return false;
}

std::string BibtexName::joined(TokenRange part) const {
    std::string out;
    for (std::uint32_t i = part.begin; i < part.end; ++i) {
        if (i > part.begin) out += tokens[i].separator == ',' ? ' ' : tokens[i].separator;
        out += tokens[i].text;
    }
    return out;
}

namespace {

struct Tokenized {
    std::uint32_t comma1 = 0;
    std::uint32_t comma2 = 0;
};

Tokenized tokenize(std::string_view name, std::size_t base, BibtexName& out) {
    Tokenized commas;
    bool token_starting = true;
    char pending_separator = ' ';
    std::size_t token_start = 0;
    auto end_token = [&](std::size_t at) {
        if (!token_starting) out.tokens.back().text = name.substr(token_start, at - token_start);
    };
    auto start_token = [&](std::size_t at) {
        if (!token_starting) return;
        out.tokens.push_back({{}, pending_separator});
        pending_separator = ' ';
        token_start = at;
        token_starting = false;
    };
    std::size_t at = 0;
    while (at < name.size()) {
        char c = name[at];
        if (c == ',') {
            end_token(at);
            if (out.commas == 2) {
                out.diagnostics.push_back(
                    {Severity::warning, "too-many-commas",
                     "too many commas in a name: BibTeX ignores this one and the rest",
                     static_cast<std::uint32_t>(base + at)});
            } else {
                ++out.commas;
                (out.commas == 1 ? commas.comma1 : commas.comma2) =
                    static_cast<std::uint32_t>(out.tokens.size());
                pending_separator = ',';
            }
            token_starting = true;
            ++at;
        } else if (c == '{') {
            start_token(at);
            int depth = 1;
            ++at;
            while (at < name.size() && depth > 0) {
                if (name[at] == '{')
                    ++depth;
                else if (name[at] == '}')
                    --depth;
                ++at;
            }
        } else if (ascii::is_space(c) || is_tie_or_hyphen(c)) {
            // Only the first separator after a token counts: `A -B` is separated by a space.
            if (!token_starting) pending_separator = ascii::is_space(c) ? ' ' : c;
            end_token(at);
            token_starting = true;
            ++at;
        } else {
            start_token(at);
            ++at;
        }
    }
    end_token(at);
    return commas;
}

// BibTeX's von_name_ends_and_last_name_starts_stuff: the von part ends after its last lower-case
// token, never taking the last token of the Last part.
std::uint32_t von_end(const BibtexName& name, std::uint32_t von_start, std::uint32_t last_end) {
    std::uint32_t end = last_end - 1;
    while (end > von_start) {
        if (is_von_token(name.tokens[end - 1].text, name.letter_case)) return end;
        --end;
    }
    return end;
}

void assign_parts(BibtexName& name, Tokenized commas) {
    auto count = static_cast<std::uint32_t>(name.tokens.size());
    if (name.commas == 0) {
        // First von Last: von starts at the first lower-case token that is not the last token.
        std::uint32_t von_start = 0;
        bool found = false;
        for (; count > 0 && von_start < count - 1; ++von_start)
            if (is_von_token(name.tokens[von_start].text, name.letter_case)) {
                found = true;
                break;
            }
        std::uint32_t end = von_start;
        if (found) {
            end = von_end(name, von_start, count);
        } else {
            // No von: Last is the last token and those joined to it by hyphens (not ties).
            while (von_start > 0 && name.tokens[von_start].separator == '-') --von_start;
            end = von_start;
        }
        name.first = {0, von_start};
        name.von = {von_start, end};
        name.last = {end, count};
        name.jr = {count, count};
        return;
    }
    std::uint32_t last_end = commas.comma1;
    std::uint32_t jr_end = name.commas == 2 ? commas.comma2 : last_end;
    // With nothing before the first comma BibTeX reads outside its token table; we give no Last.
    std::uint32_t end = last_end == 0 ? 0 : von_end(name, 0, last_end);
    name.von = {0, end};
    name.last = {end, last_end};
    name.jr = {last_end, jr_end};
    name.first = {jr_end, count};
}

} // namespace

BibtexName split_name(std::string_view name, LetterCase letter_case) {
    BibtexName out;
    out.letter_case = letter_case;
    std::size_t begin = 0;
    std::size_t end = name.size();
    while (begin < end && (ascii::is_space(name[begin]) || is_tie_or_hyphen(name[begin]))) ++begin;
    while (end > begin) {
        char c = name[end - 1];
        if (c == ',') {
            out.diagnostics.push_back({Severity::warning, "comma-at-end",
                                       "the name ends with a comma, which is ignored",
                                       static_cast<std::uint32_t>(end - 1)});
        } else if (!ascii::is_space(c) && !is_tie_or_hyphen(c)) {
            break;
        }
        --end;
    }
    Tokenized commas = tokenize(name.substr(begin, end - begin), begin, out);
    assign_parts(out, commas);
    return out;
}

} // namespace bibkit::names
