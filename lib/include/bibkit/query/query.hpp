#pragma once
// jekyll-scholar's query language (`bibliography -q …`), as bibtex-ruby 6.2 implements it in
// Element#matches?, without its bugs.
//
// Grammar (whitespace is allowed between any two tokens, and is a separator between selectors):
//
//   query      := ε | selector { (',' | '||' | ws) selector } | key { (',' | '||' | ws) key }
//   selector   := ['!'] '@' (type | '*') { '[' [ or ] ']' } ['*']
//   or         := and { '||' and }
//   and        := term { (',' | '&&') term }
//   term       := '(' or ')' | '!' field | field [ operator value ]
//   operator   := '=' | '!=' | '/=' | '^=' | '~=' | '=~' | '!~' | '<' | '>' | '<=' | '>='
//   value      := '"' … '"' | "'" … "'" | unquoted
//
// Meaning:
// - Selectors are alternatives: an entry is selected when any of them matches it. Results keep
//   the input (file) order, whatever the order of the selectors.
// - `@type` matches entries of that type, case-insensitively; `@*` (and bibtex-ruby's `@entry`)
//   any type. `!` negates the whole selector: `!@book[year>2020]` is every entry that is not a
//   book from after 2020. (bibtex-ruby negates only the type: for it, that query means non-books
//   from after 2020.) The trailing `*` of al-folio's `@*[year=2020]*` is accepted and ignored.
// - Several `[…]` blocks are ANDed (jekyll-scholar silently ignored all but the first); `[]` is
//   no condition. Inside a block, `,` and `&&` are AND, `||` is OR, AND binds tighter, and
//   parentheses group.
// - Field names are case-insensitive. They are Record's: `key`, `month` (jan…dec),
//   `month_numeric` (1…12), `year` (falling back to `date`), inherited fields (crossref, xdata)
//   and aliases (journal = journaltitle, school = institution …). `type` is the BibTeX field
//   `type` (as in jekyll-scholar), not the entry type. A field whose value is empty counts as
//   missing everywhere.
// - `field`: the entry has the field; `!field`: it has not (jekyll-scholar had no `!field`).
// - `=` exact, case-sensitive equality (lists such as keywords are not split); `!=` and `/=`
//   its negation. `^=` a literal prefix (bibtex-ruby built a regex from it; here `.` is a dot).
//   `~=` and `=~` an unanchored regular expression search (bibtex-ruby parsed `=~x` as `= "~x"`);
//   `!~` its negation. `<`, `>`, `<=`, `>=` compare as numbers when both sides are numbers
//   (integers or decimals, as in "2019" or "{7}"), else as byte strings (UTF-8 byte order,
//   case-sensitive, as Ruby's String#<=>).
// - A value is compared with the field's raw BibTeX (macros expanded, LaTeX as written) and, when
//   that fails and decoding could change it (text::needs_decoding), with the plain text of its
//   decoded LaTeX: `title~=Café` finds `Caf{\'e}`, `author~=M{\"u}ller` still finds it raw. The
//   negative operators (`!=`, `/=`, `!~`) hold when neither matches; they also hold when the
//   field is missing, while every other operator is then false (jekyll-scholar's `@*[note!~.]`
//   selects the entries without note).
// - Regular expressions are ICU's (Perl-like, close to Ruby's: `\d`, `\b`, `(?i)`, `\p{L}`,
//   `^`/`$` at line ends), with Ruby's reading of braces: a `{` that does not start a repetition
//   such as `{2}` or `{1,3}` is a literal brace, so `M{\\"u}ller` works. They are compiled when
//   the query is parsed: an invalid one is a QueryError. A search that runs past ICU's step
//   limit (a catastrophically backtracking pattern, about a quarter of a second) is no match.
// - A query without any `@` is a look-up by key: `durand2024sparse` selects the entry with that
//   key (exactly, case-sensitively), `a, b` or `a b` both; a missing key selects nothing. A `[`
//   or `]` in such a query is an error (most likely a forgotten `@`). An empty query selects
//   everything, as `@*` does.
//
// Values: an unquoted value runs to the next `]`, `,`, `&&` or `||` and is trimmed; inside a
// group, also to a `)` that closes it. A backslash keeps the next character from ending the
// value (and stays in the value, so LaTeX and regular expressions read as written), and
// characters inside a `[…]`, `(…)` or `{…}` pair opened in the value never end it: `^1[0-2]$`,
// `(^|,\s*)thesis(,|$)` and `\d{1,3}` are whole values. An unquoted value must not be empty and
// must not start with `=`, `<` or `>` (`year=>2` and `year==2` are errors: quote the value to mean
// it). A quoted value ("…" or '…') may hold any character; inside it `\"` (or `\'`) is the quote
// and `\\` a backslash, any other backslash stays as written (`"\d+"` is the regex \d+; for
// LaTeX with `\"` use single quotes: 'M{\"u}ller').
//
// Matching never allocates for plain comparisons; regular expressions and LaTeX decoding reuse
// one buffer per select() call. A Query is immutable once parsed and may be shared by threads.

#include <bibkit/core/expected.hpp>
#include <bibkit/query/record.hpp>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace bibkit::query {

struct QueryError {
    std::uint32_t column = 0; // 1-based, in code points
    std::string message;      // "expected ']' after the condition"
};

enum class Operator : std::uint8_t {
    equal,         // =
    not_equal,     // != and /=
    prefix,        // ^=
    match,         // ~= and =~
    not_match,     // !~
    less,          // <
    greater,       // >
    less_equal,    // <=
    greater_equal, // >=
};

std::string_view spelling(Operator op); // "=", "!=", "^=", "~=", "!~", "<", …

class CompiledRegex; // an ICU pattern, compiled by parse_query

struct Presence {
    std::string field; // lower-case
    bool present = true;
};

struct Comparison {
    std::string field; // lower-case
    Operator op = Operator::equal;
    std::string value; // unquoted, escapes resolved
    // Set by parse_query: the value as a number (for < > <= >=) and the compiled regex (for
    // ~= and !~).
    std::optional<double> number;
    std::shared_ptr<const CompiledRegex> regex;
};

struct Condition;
struct AllOf {
    std::vector<Condition> conditions; // two or more
};
struct AnyOf {
    std::vector<Condition> conditions; // two or more
};
struct Condition {
    std::variant<Presence, Comparison, AllOf, AnyOf> node;
};

struct Selector {
    bool negated = false;
    std::string type = "*";             // lower-case entry type, or "*" for any
    std::optional<Condition> condition; // the `[…]` blocks, ANDed; none: no condition
};

struct Query {
    std::vector<Selector> selectors; // alternatives
    std::vector<std::string> keys;   // a look-up by key (a query without '@')
};

Expected<Query, QueryError> parse_query(std::string_view text);

bool matches(const Query& query, const Record& record);

// The positions in `records` of the records the query selects, ascending.
std::vector<std::size_t> select(const Query& query, std::span<const Record> records);

// The query in canonical form, which parses back to the same query: selectors joined by " || ",
// values double-quoted, `&&` and `||` spelled out, groups parenthesised only where needed.
std::string to_string(const Query& query);

} // namespace bibkit::query
