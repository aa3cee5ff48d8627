// The query language's grammar (Boost.Spirit X3) and its canonical printer. The grammar builds
// the AST of query.hpp directly with semantic actions; X3's expectation failures and the
// actions' own ParseFailures are turned into a QueryError at parse_query's edge, so no exception
// leaves this file.

#include "compiled_regex.hpp"
#include "numeric_value.hpp"

#include <bibkit/query/query.hpp>
#include <boost/spirit/home/x3.hpp>
#include <unicode/parseerr.h>
#include <unicode/unistr.h>

namespace bibkit::query {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// ---------------------------------------------------------------------------------------------
// Regular expressions

// The length of a Ruby repetition `{n}`, `{n,}`, `{,m}` or `{n,m}` at the start of `text`, or 0
// when the `{` there is a literal brace.
std::size_t repetition_length(std::string_view text) {
    std::size_t i = 1, digits = 0;
    while (i < text.size() && is_digit(text[i])) ++i, ++digits;
    if (i < text.size() && text[i] == ',') {
        ++i;
        while (i < text.size() && is_digit(text[i])) ++i, ++digits;
    }
    return i < text.size() && text[i] == '}' && digits > 0 ? i + 1 : 0;
}

// An escape sequence at the start of `text` (which starts with a backslash), whole: `\p{L}`,
// `\x{41}` and `\N{…}` take their braces along.
std::size_t escape_length(std::string_view text) {
    if (text.size() < 2) return text.size();
    const char kind = text[1];
    if ((kind == 'p' || kind == 'P' || kind == 'x' || kind == 'N') && text.size() > 2 &&
        text[2] == '{') {
        const std::size_t close = text.find('}', 3);
        return close == std::string_view::npos ? text.size() : close + 1;
    }
    return 2;
}

std::string_view describe_regex_error(UErrorCode status) {
    switch (status) {
    case U_REGEX_MISMATCHED_PAREN:
        return "unbalanced parenthesis";
    case U_REGEX_MISSING_CLOSE_BRACKET:
        return "missing ']'";
    case U_REGEX_RULE_SYNTAX:
        return "syntax error";
    case U_REGEX_BAD_ESCAPE_SEQUENCE:
        return "unknown escape sequence";
    case U_REGEX_PROPERTY_SYNTAX:
        return "invalid Unicode property";
    case U_REGEX_UNIMPLEMENTED:
        return "unsupported construct";
    case U_REGEX_BAD_INTERVAL:
        return "invalid {…} repetition";
    case U_REGEX_MAX_LT_MIN:
        return "repetition maximum below its minimum";
    case U_REGEX_NUMBER_TOO_BIG:
        return "number too big";
    case U_REGEX_INVALID_BACK_REF:
        return "back reference to a missing group";
    case U_REGEX_INVALID_FLAG:
        return "invalid flag";
    case U_REGEX_LOOK_BEHIND_LIMIT:
        return "look-behind of unbounded length";
    case U_REGEX_INVALID_RANGE:
        return "invalid range";
    case U_REGEX_INVALID_CAPTURE_GROUP_NAME:
        return "invalid group name";
    default:
        return u_errorName(status);
    }
}

} // namespace

std::string icu_pattern_syntax(std::string_view ruby) {
    std::string out;
    out.reserve(ruby.size() + 8);
    int class_depth = 0; // inside [...], braces are literal in both syntaxes
    for (std::size_t i = 0; i < ruby.size();) {
        const char c = ruby[i];
        std::size_t length = 1;
        if (c == '\\') {
            length = escape_length(ruby.substr(i));
            out += ruby.substr(i, length);
        } else if (class_depth > 0 || c == '[') {
            class_depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            out += c;
        } else if (c == '{' && (length = repetition_length(ruby.substr(i))) > 0) {
            if (ruby[i + 1] == ',')
                out += "{0";
            else
                out += '{';
            out += ruby.substr(i + 1, length - 1);
        } else if (c == '{' || c == '}') {
            length = 1;
            out += '\\';
            out += c;
        } else {
            out += c;
        }
        i += length;
    }
    return out;
}

Expected<std::shared_ptr<const CompiledRegex>, std::string>
CompiledRegex::compile(std::string_view pattern) {
    const std::string syntax = icu_pattern_syntax(pattern);
    const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
        icu::StringPiece(syntax.data(), static_cast<std::int32_t>(syntax.size())));
    UErrorCode status = U_ZERO_ERROR;
    UParseError where{};
    // Ruby's ^ and $ match at line ends; values rarely have any, but a pasted one may.
    std::unique_ptr<icu::RegexPattern> compiled(
        icu::RegexPattern::compile(source, UREGEX_MULTILINE, where, status));
    if (U_FAILURE(status) || !compiled)
        return unexpected(std::string(describe_regex_error(status)));
    return std::shared_ptr<const CompiledRegex>(new CompiledRegex(std::move(compiled)));
}

// ---------------------------------------------------------------------------------------------
// Grammar

} // namespace bibkit::query

// An expectation failure names what was expected by the parser's what(); for a rule with a
// semantic action, that is the rule's name (X3 would give the action's mangled type name).
template <class Subject, class Action>
struct boost::spirit::x3::get_info<boost::spirit::x3::action<Subject, Action>> {
    using result_type = std::string;
    std::string operator()(const action<Subject, Action>& parser) const {
        return what(parser.subject);
    }
};

namespace bibkit::query {

namespace {

namespace x3 = boost::spirit::x3;
using Iterator = const char*;

// An error the grammar's actions or custom parsers find (a bad regex, an unterminated quote):
// thrown out of x3::parse, caught by parse_query.
struct ParseFailure {
    Iterator where;
    std::string message;
};

struct ParseState {
    Iterator begin = nullptr; // of the whole query
    int group_depth = 0;      // open '(' of condition groups: a ')' may then end a value
};
struct state_tag;

struct RawValue {
    std::string text;
    Iterator where = nullptr; // its first character (the quote, when quoted)
};

// The operator characters that precede `at`, for naming `=>` or `==` as an unknown operator.
std::string_view operator_before(Iterator at, Iterator begin) {
    Iterator start = at;
    while (start != begin && std::string_view("=!/^~<>").find(start[-1]) != std::string_view::npos)
        --start;
    return {start, static_cast<std::size_t>(at - start)};
}

class ValueScanner {
  public:
    ValueScanner(Iterator first, Iterator last, int group_depth)
        : m_at(first), m_last(last), m_group_depth(group_depth) {}

    Iterator at() const { return m_at; }

    // "…" or '…': `\` before the quote or a backslash escapes it, any other stays as written.
    RawValue quoted() {
        RawValue value{{}, m_at};
        const char quote = *m_at++;
        for (; m_at != m_last && *m_at != quote; ++m_at) {
            if (*m_at == '\\' && m_at + 1 != m_last && (m_at[1] == quote || m_at[1] == '\\'))
                ++m_at;
            value.text += *m_at;
        }
        if (m_at == m_last)
            throw ParseFailure{value.where, std::string("unterminated quoted value: expected the "
                                                        "closing ") +
                                                quote};
        ++m_at;
        return value;
    }

    // Up to the `]`, `,`, `&&` or `||` (or group-closing `)`) that ends it, trimmed; see
    // query.hpp for the pairs and escapes that keep those characters in the value.
    RawValue unquoted() {
        const Iterator begin = m_at;
        Iterator end = m_at;          // after the last non-space character
        int brackets = 0, parens = 0; // parens: open '(' and '{' pairs
        while (m_at != m_last) {
            const char c = *m_at;
            if (c == '\\') {
                m_at += m_at + 1 != m_last ? 2 : 1;
                end = m_at;
                continue;
            }
            if (brackets > 0) {
                brackets += c == '[' ? 1 : c == ']' ? -1 : 0;
            } else if (ends_value(c, parens)) {
                break;
            } else {
                brackets += c == '[' ? 1 : 0;
                const bool opens = c == '(' || c == '{', closes = c == ')' || c == '}';
                parens += opens ? 1 : closes && parens > 0 ? -1 : 0;
            }
            ++m_at;
            if (!is_space(c)) end = m_at;
        }
        m_at = end;
        return {std::string(begin, end), begin};
    }

  private:
    bool ends_value(char c, int parens) const {
        if (c == ']') return true;
        if (c == ')' && parens == 0) return m_group_depth > 0;
        if (parens > 0) return false;
        if (c == ',') return true;
        return (c == '&' || c == '|') && m_at + 1 != m_last && m_at[1] == c;
    }

    Iterator m_at;
    Iterator m_last;
    int m_group_depth;
};

// A condition's value, quoted or not (see query.hpp). Fails, without consuming, where there is
// none; throws for an unterminated quote or what looks like a mistyped operator.
struct ValueParser : x3::parser<ValueParser> {
    using attribute_type = RawValue;

    template <class It, class Context, class RContext, class Attribute>
    bool parse(It& first, const It& last, const Context& context, RContext&,
               Attribute& attribute) const {
        if (first == last) return false;
        const ParseState& state = x3::get<state_tag>(context);
        ValueScanner scanner(first, last, state.group_depth);
        const char c = *first;
        if (c == '"' || c == '\'') {
            attribute = scanner.quoted();
        } else if (c == '=' || c == '<' || c == '>') {
            throw mistyped_operator(first, last, state.begin);
        } else {
            attribute = scanner.unquoted();
            if (attribute.text.empty()) return false;
        }
        first = scanner.at();
        return true;
    }

    // `year=>2`, `year==2`: most likely a typo, so an error rather than the value ">2".
    static ParseFailure mistyped_operator(Iterator value, Iterator last, Iterator begin) {
        const std::string_view before = operator_before(value, begin);
        if (before.empty())
            return ParseFailure{value, std::string("a value cannot start with '") + *value +
                                           "' (quote the value to mean it)"};
        std::string spelled(before);
        for (Iterator p = value; p != last && (*p == '=' || *p == '<' || *p == '>'); ++p)
            spelled += *p;
        return ParseFailure{before.data(), "unknown operator '" + spelled + "'"};
    }
};

// Groups nest by recursion (parsing, evaluating, printing): deep enough for any real query,
// shallow enough for any stack.
constexpr int k_max_group_depth = 100;

// The '(' of a group, counted: a ')' can then end a value, and too deep a nesting is an error.
struct GroupOpener : x3::parser<GroupOpener> {
    using attribute_type = x3::unused_type;

    template <class It, class Context, class RContext, class Attribute>
    bool parse(It& first, const It& last, const Context& context, RContext&, Attribute&) const {
        if (first == last || *first != '(') return false;
        if (++x3::get<state_tag>(context).group_depth > k_max_group_depth)
            throw ParseFailure{first, "parentheses nested more than " +
                                          std::to_string(k_max_group_depth) + " deep"};
        ++first;
        return true;
    }
};

const x3::rule<class any_of_tag, Condition> any_of = "a condition";
const x3::rule<class all_of_tag, Condition> all_of = "a condition";
const x3::rule<class term_tag, Condition> term = "a condition";
const x3::rule<class field_tag, std::string> field = "a field name";
const x3::rule<class value_tag, RawValue> value = "a value after the operator";
const x3::rule<class close_paren_tag> close_paren = "')' after the condition";
const x3::rule<class close_bracket_tag> close_bracket = "']' after the condition";
const x3::rule<class block_tag, std::optional<Condition>> block = "'['";
const x3::rule<class block_body_tag, std::optional<Condition>> block_body = "a condition or ']'";
const x3::rule<class type_name_tag, std::string> type_name = "an entry type or '*' after '@'";
const x3::rule<class selector_tag, Selector> selector = "a selector ('@type', '@*' or '!@type')";

struct OperatorSymbols : x3::symbols<Operator> {
    OperatorSymbols() {
        add("=", Operator::equal)("!=", Operator::not_equal)("/=", Operator::not_equal)(
            "^=", Operator::prefix)("~=", Operator::match)("=~", Operator::match)(
            "!~", Operator::not_match)("<", Operator::less)(">", Operator::greater)(
            "<=", Operator::less_equal)(">=", Operator::greater_equal);
    }
};
const OperatorSymbols operator_symbol;

// Two conditions as one group of that kind; a group of the same kind is flattened into it, so
// that the AST never has an AllOf directly inside an AllOf (nor AnyOf in AnyOf).
template <class Group> Condition combine(Condition left, Condition right) {
    Group group;
    for (Condition* part : {&left, &right}) {
        if (auto* same = std::get_if<Group>(&part->node)) {
            for (Condition& condition : same->conditions)
                group.conditions.push_back(std::move(condition));
        } else {
            group.conditions.push_back(std::move(*part));
        }
    }
    return Condition{std::move(group)};
}

// Completes a comparison once its value is known: the number for ordering operators, the
// compiled pattern for regex ones.
void complete(Comparison& comparison, const RawValue& raw) {
    comparison.value = raw.text;
    switch (comparison.op) {
    case Operator::less:
    case Operator::greater:
    case Operator::less_equal:
    case Operator::greater_equal:
        comparison.number = detail::numeric_value(comparison.value);
        break;
    case Operator::match:
    case Operator::not_match: {
        auto regex = CompiledRegex::compile(comparison.value);
        if (!regex)
            throw ParseFailure{raw.where, "invalid regular expression '" + comparison.value +
                                              "': " + regex.error()};
        comparison.regex = std::move(*regex);
        break;
    }
    default:
        break;
    }
}

const auto assign = [](auto& ctx) { x3::_val(ctx) = std::move(x3::_attr(ctx)); };
const auto add_all = [](auto& ctx) {
    x3::_val(ctx) = combine<AllOf>(std::move(x3::_val(ctx)), std::move(x3::_attr(ctx)));
};
const auto add_any = [](auto& ctx) {
    x3::_val(ctx) = combine<AnyOf>(std::move(x3::_val(ctx)), std::move(x3::_attr(ctx)));
};
const auto set_present = [](auto& ctx) {
    x3::_val(ctx) = Condition{Presence{std::move(x3::_attr(ctx)), true}};
};
const auto set_absent = [](auto& ctx) {
    x3::_val(ctx) = Condition{Presence{std::move(x3::_attr(ctx)), false}};
};
const auto set_operator = [](auto& ctx) {
    Comparison comparison;
    comparison.field = std::move(std::get<Presence>(x3::_val(ctx).node).field);
    comparison.op = x3::_attr(ctx);
    x3::_val(ctx).node = std::move(comparison);
};
const auto set_value = [](auto& ctx) {
    complete(std::get<Comparison>(x3::_val(ctx).node), x3::_attr(ctx));
};
const auto leave_group = [](auto& ctx) { --x3::get<state_tag>(ctx).group_depth; };
const auto lower_name = [](auto& ctx) {
    const auto& range = x3::_attr(ctx);
    x3::_val(ctx) = lower(std::string_view(&*range.begin(), range.size()));
};
const auto set_negated = [](auto& ctx) { x3::_val(ctx).negated = true; };
const auto set_type = [](auto& ctx) {
    // bibtex-ruby's has_type? takes `entry` for any type, as `*`.
    std::string& type = x3::_attr(ctx);
    x3::_val(ctx).type = type == "entry" ? "*" : std::move(type);
};
const auto add_block = [](auto& ctx) {
    std::optional<Condition>& added = x3::_attr(ctx);
    if (!added) return;
    std::optional<Condition>& condition = x3::_val(ctx).condition;
    condition =
        condition ? combine<AllOf>(std::move(*condition), std::move(*added)) : std::move(*added);
};

const auto ws = x3::omit[*x3::char_(" \t\r\n\f\v")];
const auto field_def = x3::raw[x3::char_("a-zA-Z0-9_") >> *x3::char_("a-zA-Z0-9_.:-")][lower_name];
const auto value_def = ValueParser{};
const auto close_paren_def = x3::lit(')');
const auto close_bracket_def = x3::lit(']');

const auto group = GroupOpener{} > ws > any_of[assign] > ws > close_paren[leave_group];
const auto absence = x3::lit('!') > ws > field[set_absent];
const auto test = field[set_present] >>
                  -((ws >> operator_symbol[set_operator]) > ws > value[set_value]);
const auto term_def = group | absence | test;
const auto and_separator = ws >> (x3::lit("&&") | x3::lit(',')) >> ws;
const auto or_separator = ws >> x3::lit("||") >> ws;
const auto all_of_def = term[assign] >> *(and_separator > term[add_all]);
const auto any_of_def = all_of[assign] >> *(or_separator > all_of[add_any]);

const auto block_body_def = x3::lit(']') | (any_of[assign] > ws > close_bracket);
const auto block_def = x3::lit('[') > ws > block_body[assign];
const auto type_name_def = x3::raw[x3::lit('*') | +x3::char_("a-zA-Z0-9_-")][lower_name];
const auto selector_def = ((-x3::lit('!')[set_negated] >> ws >> x3::lit('@')) >
                           type_name[set_type]) >>
                          *(ws >> block[add_block]) >> -(ws >> x3::lit('*'));

BOOST_SPIRIT_DEFINE(any_of, all_of, term, field, value, close_paren, close_bracket, block,
                    block_body, type_name, selector)

const auto selector_separator = (ws >> (x3::lit("||") | x3::lit(',')) >> ws) |
                                (+x3::char_(" \t\r\n\f\v") >> &(x3::lit('@') | x3::lit('!')));

std::uint32_t column_of(std::string_view text, Iterator where) {
    std::uint32_t column = 1;
    for (Iterator p = text.data(); p < where; ++p)
        if ((static_cast<unsigned char>(*p) & 0xC0) != 0x80) ++column; // not a continuation byte
    return column;
}

Iterator skip_spaces(Iterator at, Iterator last) {
    while (at != last && is_space(*at)) ++at;
    return at;
}

// A query without '@': keys separated by commas, whitespace or `||`. Empty: everything.
Expected<Query, QueryError> parse_keys(std::string_view text) {
    Query query;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '[' || c == ']')
            return unexpected(QueryError{column_of(text, text.data() + i),
                                         "expected '@type' before '[' (a query without '@' is "
                                         "a list of keys)"});
        if (is_space(c) || c == ',' || text.substr(i, 2) == "||") {
            i += text.substr(i, 2) == "||" ? 2 : 1;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && !is_space(text[end]) && text[end] != ',' && text[end] != '[' &&
               text[end] != ']' && text.substr(end, 2) != "||")
            ++end;
        query.keys.emplace_back(text.substr(i, end - i));
        i = end;
    }
    if (query.keys.empty()) query.selectors.emplace_back();
    return query;
}

Expected<Query, QueryError> parse_selectors(std::string_view text) {
    Query query;
    ParseState state{text.data()};
    const auto add_selector = [&query](auto& ctx) {
        query.selectors.push_back(std::move(x3::_attr(ctx)));
    };
    const auto grammar =
        x3::with<state_tag>(state)[ws >> selector[add_selector] >>
                                   *(selector_separator > selector[add_selector]) >> ws];
    Iterator first = text.data();
    const Iterator last = text.data() + text.size();
    try {
        if (!x3::parse(first, last, grammar))
            return unexpected(QueryError{column_of(text, skip_spaces(text.data(), last)),
                                         std::string("expected ") + selector.name});
    } catch (const x3::expectation_failure<Iterator>& failure) {
        return unexpected(
            QueryError{column_of(text, failure.where()), "expected " + failure.which()});
    } catch (const ParseFailure& failure) {
        return unexpected(QueryError{column_of(text, failure.where), failure.message});
    }
    if (first != last)
        return unexpected(
            QueryError{column_of(text, first), "expected '[', ',', '||' or the end of the query"});
    return query;
}

// to_string helpers -----------------------------------------------------------------------

void append_quoted(std::string& out, std::string_view text) {
    out += '"';
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    out += '"';
}

void append_condition(std::string& out, const Condition& condition, bool in_all_of);

void append_group(std::string& out, const std::vector<Condition>& conditions,
                  std::string_view separator, bool in_all_of) {
    for (std::size_t i = 0; i < conditions.size(); ++i) {
        if (i > 0) out += separator;
        append_condition(out, conditions[i], in_all_of);
    }
}

void append_condition(std::string& out, const Condition& condition, bool in_all_of) {
    if (const auto* presence = std::get_if<Presence>(&condition.node)) {
        if (!presence->present) out += '!';
        out += presence->field;
    } else if (const auto* comparison = std::get_if<Comparison>(&condition.node)) {
        out += comparison->field;
        out += ' ';
        out += spelling(comparison->op);
        out += ' ';
        append_quoted(out, comparison->value);
    } else if (const auto* all = std::get_if<AllOf>(&condition.node)) {
        append_group(out, all->conditions, " && ", true);
    } else if (const auto* any = std::get_if<AnyOf>(&condition.node)) {
        if (in_all_of) out += '(';
        append_group(out, any->conditions, " || ", false);
        if (in_all_of) out += ')';
    }
}

} // namespace

std::string_view spelling(Operator op) {
    switch (op) {
    case Operator::equal:
        return "=";
    case Operator::not_equal:
        return "!=";
    case Operator::prefix:
        return "^=";
    case Operator::match:
        return "~=";
    case Operator::not_match:
        return "!~";
    case Operator::less:
        return "<";
    case Operator::greater:
        return ">";
    case Operator::less_equal:
        return "<=";
    case Operator::greater_equal:
        return ">=";
    }
    return "?";
}

Expected<Query, QueryError> parse_query(std::string_view text) {
    if (text.find('@') == std::string_view::npos) return parse_keys(text);
    return parse_selectors(text);
}

std::string to_string(const Query& query) {
    std::string out;
    for (const std::string& key : query.keys) {
        if (!out.empty()) out += ", ";
        out += key;
    }
    for (const Selector& alternative : query.selectors) {
        if (!out.empty()) out += " || ";
        if (alternative.negated) out += '!';
        out += '@';
        out += alternative.type;
        if (alternative.condition) {
            out += '[';
            append_condition(out, *alternative.condition, false);
            out += ']';
        }
    }
    return out;
}

} // namespace bibkit::query
