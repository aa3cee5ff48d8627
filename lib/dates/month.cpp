#include "text_helpers.hpp"

#include <array>
#include <bibkit/dates/month.hpp>

namespace bibkit::dates {

namespace {

struct MonthWord {
    std::string_view word; // folded: lower-case ASCII, accents dropped
    std::uint8_t month;
};

// Full names (any prefix of three letters or more that names one month only is accepted, which
// covers `Jan`, `Sept`, `janv`, `févr`, `Okt`, `dic`, `gen` ...) and abbreviations that are not
// prefixes (`mrz`, `mrt`).
constexpr std::array<MonthWord, 72> k_month_words = {{
    // English
    {"january", 1},
    {"february", 2},
    {"march", 3},
    {"april", 4},
    {"may", 5},
    {"june", 6},
    {"july", 7},
    {"august", 8},
    {"september", 9},
    {"october", 10},
    {"november", 11},
    {"december", 12},
    // German (and Austrian Jänner, Feber)
    {"januar", 1},
    {"janner", 1},
    {"jaenner", 1},
    {"februar", 2},
    {"feber", 2},
    {"marz", 3},
    {"maerz", 3},
    {"mrz", 3},
    {"mai", 5},
    {"juni", 6},
    {"juli", 7},
    {"oktober", 10},
    {"dezember", 12},
    // French
    {"janvier", 1},
    {"fevrier", 2},
    {"mars", 3},
    {"avril", 4},
    {"juin", 6},
    {"juillet", 7},
    {"aout", 8},
    {"septembre", 9},
    {"octobre", 10},
    {"novembre", 11},
    {"decembre", 12},
    // Spanish
    {"enero", 1},
    {"febrero", 2},
    {"marzo", 3},
    {"abril", 4},
    {"mayo", 5},
    {"junio", 6},
    {"julio", 7},
    {"agosto", 8},
    {"septiembre", 9},
    {"setiembre", 9},
    {"octubre", 10},
    {"noviembre", 11},
    {"diciembre", 12},
    // Italian
    {"gennaio", 1},
    {"febbraio", 2},
    {"aprile", 4},
    {"maggio", 5},
    {"giugno", 6},
    {"luglio", 7},
    {"settembre", 9},
    {"ottobre", 10},
    {"dicembre", 12},
    // Dutch
    {"januari", 1},
    {"februari", 2},
    {"maart", 3},
    {"mrt", 3},
    {"mei", 5},
    {"augustus", 8},
    // Abbreviations with a period inside or that are not prefixes of the names above
    {"sept", 9},
    {"sep", 9},
    {"jan", 1},
    {"feb", 2},
    {"mar", 3},
    {"apr", 4},
}};

constexpr std::size_t k_min_prefix = 3;

// Latin-1 letters (U+00C0..U+00FF) without their accents, lower case; '\0' for × and ÷.
// (A char array, not a string_view: it holds NULs.)
constexpr char k_latin1_base[] =
    "aaaaaaaceeeeiiiidnooooo\0ouuuuytsaaaaaaaceeeeiiiidnooooo\0ouuuuyty";
static_assert(sizeof(k_latin1_base) == 65);

// Lower-case ASCII letters of `text`, dropping LaTeX accent markup (`{`, `}`, `\`, `"`, `'`, `^`,
// `` ` ``, `~`, `=`, `.`) and folding UTF-8 Latin-1 letters to their base letter: `M{\"a}rz` and
// `März` both give `marz`. Any other character makes the word unknown (returns "").
std::string folded(std::string_view word) {
    std::string out;
    for (std::size_t at = 0; at < word.size(); ++at) {
        char c = word[at];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            out += ascii::to_lower(c);
        } else if (std::string_view("{}\\\"'^`~=.").find(c) != std::string_view::npos) {
            continue;
        } else if (static_cast<unsigned char>(c) == 0xC3 && at + 1 < word.size()) {
            auto next = static_cast<unsigned char>(word[++at]);
            if (next < 0x80 || next > 0xBF || k_latin1_base[next - 0x80] == '\0') return "";
            out += k_latin1_base[next - 0x80];
        } else {
            return "";
        }
    }
    return out;
}

std::uint8_t number_of(std::string_view word) {
    if (word.empty() || word.size() > 2) return 0;
    std::size_t length = 0;
    std::int64_t value = detail::read_number(word, 0, length);
    return length == word.size() ? static_cast<std::uint8_t>(value) : 0;
}

} // namespace

std::uint8_t month_number(std::string_view word) {
    if (!word.empty() && detail::is_digit(word.front())) {
        std::uint8_t value = number_of(word);
        return value >= 1 && value <= 12 ? value : 0;
    }
    std::string key = folded(word);
    if (key.empty()) return 0;
    std::uint8_t found = 0;
    for (const MonthWord& entry : k_month_words) {
        bool match = entry.word == key ||
                     (key.size() >= k_min_prefix && entry.word.substr(0, key.size()) == key);
        if (!match) continue;
        if (found != 0 && found != entry.month) return 0; // `jui`: juin or juillet
        found = entry.month;
    }
    return found;
}

Expected<MonthValue, DateDiagnostic> parse_month(std::string_view value) {
    std::size_t offset = 0;
    std::string_view text = detail::unwrapped(value, offset);
    // The range separators: `-`, `--`, `/`, an en dash (UTF-8 E2 80 93).
    std::size_t split = text.find_first_of("-/");
    std::size_t after = split;
    if (split != std::string_view::npos) {
        after = split + 1;
        while (after < text.size() && (text[after] == '-' || ascii::is_space(text[after]))) ++after;
    } else if (std::size_t dash = text.find("\xE2\x80\x93"); dash != std::string_view::npos) {
        split = dash;
        after = dash + 3;
        while (after < text.size() && ascii::is_space(text[after])) ++after;
    }
    std::string_view first = text.substr(0, split);
    while (!first.empty() && ascii::is_space(first.back())) first.remove_suffix(1);
    auto unknown = [&](std::string_view word, std::size_t at) -> DateDiagnostic {
        std::size_t digits = 0;
        if (!word.empty()) detail::read_number(word, 0, digits);
        if (digits > 0 && digits == word.size())
            return detail::make_diagnostic(Severity::error, "month-out-of-range",
                                           "month " + std::string(word) + " does not exist",
                                           "month", offset + at);
        return detail::make_diagnostic(Severity::error, "unknown-month",
                                       "`" + std::string(word) + "` is not a month", "month",
                                       offset + at);
    };
    MonthValue month;
    month.month = month_number(first);
    if (month.month == 0) return unexpected(unknown(first, 0));
    if (split != std::string_view::npos) {
        std::string_view second = text.substr(after);
        month.end_month = month_number(second);
        if (month.end_month == 0) return unexpected(unknown(second, after));
    }
    return month;
}

} // namespace bibkit::dates
