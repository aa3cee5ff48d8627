#pragma once
// The tables that give LaTeX commands their Unicode meaning: symbols (letters such as `\ss`,
// punctuation, Greek, math operators, relations and arrows), text accents (`\"`, `\c`, …) and
// math accents (`\hat`, `\vec`, …). Sorted constant tables searched by bisection; the reverse
// direction (a character to its command, for LaTeX written in ASCII) is built once, on first use.

#include <cstdint>
#include <span>
#include <string_view>

namespace bibkit::text {

// Where LaTeX accepts the command. The decoder accepts every one in both modes (titles do say
// `\alpha` outside math); the mode decides how the LaTeX writer spells the character.
enum class SymbolMode : std::uint8_t {
    text,    // text mode only: \ss, \textregistered
    math,    // math mode only: \alpha, \leq
    any,     // both: \ldots, \S
    package, // text mode, needs a package most documents lack (textgreek): decoded, never written
};

struct Symbol {
    std::string_view name; // without the backslash; case matters (\o, \O)
    std::string_view utf8;
    SymbolMode mode = SymbolMode::text;
};

struct Accent {
    std::string_view name;    // "\"", "'", "c", "v", "hat", …
    char32_t combining = 0;   // the combining mark put after the accented letter
    std::string_view spacing; // what the accent alone (`\'{}`) shows
};

std::span<const Symbol> symbols();
const Symbol* find_symbol(std::string_view name);

// Text-mode accents: \" \' \` \^ \~ \= \. \u \v \H \r \c \k \d \b \t \G \textcommabelow.
const Accent* find_text_accent(std::string_view name);
// Math accents: \hat \bar \vec \dot \ddot \tilde \acute \grave \breve \check \overline …
const Accent* find_math_accent(std::string_view name);

// The command for one character, preferring text-mode spellings: "ss" for ß, "alpha" (math)
// for α. Null when no command writes it.
const Symbol* find_symbol_for(std::string_view utf8_character);
// The text accent whose combining mark this is: `"` for U+0308. Null when none.
const Accent* find_text_accent_for(char32_t combining);

} // namespace bibkit::text
