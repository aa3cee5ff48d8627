// The query language's grammar: the AST each form parses to, quoting, the canonical printer, and
// errors with their columns.

#include <bibkit/query/query.hpp>
#include <gtest/gtest.h>

namespace bibkit::query {
namespace {

Query parsed(std::string_view text) {
    auto query = parse_query(text);
    if (!query) {
        ADD_FAILURE() << "parse_query(" << text << "): column " << query.error().column << ": "
                      << query.error().message;
        return {};
    }
    return std::move(*query);
}

// The canonical form of a query: the shortest way to show its AST.
std::string canonical(std::string_view text) {
    return to_string(parsed(text));
}

QueryError error_of(std::string_view text) {
    auto query = parse_query(text);
    if (query) {
        ADD_FAILURE() << "parse_query(" << text << ") succeeded: " << to_string(*query);
        return {};
    }
    return query.error();
}

const Comparison& only_comparison(const Query& query) {
    return std::get<Comparison>(query.selectors.at(0).condition.value().node);
}

TEST(QueryParser, TypeSelectorsAreCaseInsensitive) {
    const Query query = parsed("@ARTICLE");
    ASSERT_EQ(query.selectors.size(), 1u);
    EXPECT_EQ(query.selectors[0].type, "article");
    EXPECT_FALSE(query.selectors[0].negated);
    EXPECT_FALSE(query.selectors[0].condition.has_value());
    EXPECT_TRUE(query.keys.empty());
}

TEST(QueryParser, StarAndEntryMeanAnyType) {
    EXPECT_EQ(parsed("@*").selectors.at(0).type, "*");
    // bibtex-ruby's has_type? takes `entry` for any type.
    EXPECT_EQ(parsed("@entry").selectors.at(0).type, "*");
}

TEST(QueryParser, EmptyQuerySelectsEverything) {
    for (std::string_view text : {"", "   "}) {
        const Query query = parsed(text);
        ASSERT_EQ(query.selectors.size(), 1u) << text;
        EXPECT_EQ(query.selectors[0].type, "*");
        EXPECT_FALSE(query.selectors[0].condition);
    }
}

TEST(QueryParser, SelectorsSeparatedByCommaWhitespaceOrBars) {
    EXPECT_EQ(canonical("@article, @book"), "@article || @book");
    EXPECT_EQ(canonical("@inproceedings @incollection"), "@inproceedings || @incollection");
    EXPECT_EQ(canonical("@techreport||@phdthesis||@mastersthesis"),
              "@techreport || @phdthesis || @mastersthesis");
    EXPECT_EQ(canonical("  @book[year=2025] || @misc[year=2024]  "),
              "@book[year = \"2025\"] || @misc[year = \"2024\"]");
    EXPECT_EQ(canonical("@article[year=2019] @inbook"), "@article[year = \"2019\"] || @inbook");
}

TEST(QueryParser, NegationAppliesToTheSelector) {
    const Query query = parsed("!@book, ! @article[year>2020]");
    ASSERT_EQ(query.selectors.size(), 2u);
    EXPECT_TRUE(query.selectors[0].negated);
    EXPECT_EQ(query.selectors[0].type, "book");
    EXPECT_TRUE(query.selectors[1].negated);
    EXPECT_TRUE(query.selectors[1].condition.has_value());
    EXPECT_EQ(to_string(query), "!@book || !@article[year > \"2020\"]");
}

TEST(QueryParser, EveryOperator) {
    struct Case {
        std::string_view text;
        Operator op;
    };
    for (const Case& c :
         {Case{"@*[a=1]", Operator::equal}, Case{"@*[a!=1]", Operator::not_equal},
          Case{"@*[a/=1]", Operator::not_equal}, Case{"@*[a^=1]", Operator::prefix},
          Case{"@*[a~=1]", Operator::match}, Case{"@*[a=~1]", Operator::match},
          Case{"@*[a!~1]", Operator::not_match}, Case{"@*[a<1]", Operator::less},
          Case{"@*[a>1]", Operator::greater}, Case{"@*[a<=1]", Operator::less_equal},
          Case{"@*[a>=1]", Operator::greater_equal}}) {
        const Query query = parsed(c.text);
        const Comparison& comparison = only_comparison(query);
        EXPECT_EQ(comparison.field, "a") << c.text;
        EXPECT_EQ(comparison.op, c.op) << c.text;
        EXPECT_EQ(comparison.value, "1") << c.text;
    }
}

TEST(QueryParser, RegexOperatorsCompileTheirPattern) {
    EXPECT_TRUE(only_comparison(parsed("@*[keywords=~sparse]")).regex);
    EXPECT_TRUE(only_comparison(parsed("@*[keywords~=sparse]")).regex);
    EXPECT_TRUE(only_comparison(parsed("@*[note!~.]")).regex);
    EXPECT_FALSE(only_comparison(parsed("@*[note=x]")).regex);
}

TEST(QueryParser, OrderingOperatorsKnowWhetherTheValueIsANumber) {
    EXPECT_EQ(only_comparison(parsed("@*[year>=2019]")).number, 2019.0);
    EXPECT_EQ(only_comparison(parsed("@*[volume<2.5]")).number, 2.5);
    EXPECT_FALSE(only_comparison(parsed("@*[month>=jun]")).number.has_value());
}

TEST(QueryParser, FieldNamesAreLowerCased) {
    EXPECT_EQ(only_comparison(parsed("@*[Year=2020]")).field, "year");
    const Query query = parsed("@*[DOI]");
    const auto& presence = std::get<Presence>(query.selectors[0].condition->node);
    EXPECT_EQ(presence.field, "doi");
    EXPECT_TRUE(presence.present);
}

TEST(QueryParser, AbsenceIsBangField) {
    const Query query = parsed("@misc[!note]");
    const auto& presence = std::get<Presence>(query.selectors[0].condition->node);
    EXPECT_EQ(presence.field, "note");
    EXPECT_FALSE(presence.present);
}

TEST(QueryParser, AndBindsTighterThanOr) {
    const Query query = parsed("@*[a || b, c && d]");
    const auto& any = std::get<AnyOf>(query.selectors[0].condition->node);
    ASSERT_EQ(any.conditions.size(), 2u);
    EXPECT_TRUE(std::holds_alternative<Presence>(any.conditions[0].node));
    const auto& all = std::get<AllOf>(any.conditions[1].node);
    EXPECT_EQ(all.conditions.size(), 3u);
    EXPECT_EQ(to_string(query), "@*[a || b && c && d]");
}

TEST(QueryParser, ParenthesesGroup) {
    EXPECT_EQ(canonical("@*[(a || b) && c]"), "@*[(a || b) && c]");
    EXPECT_EQ(canonical("@*[( a && b ), c]"), "@*[a && b && c]");
    EXPECT_EQ(canonical("@*[((a))]"), "@*[a]");
    EXPECT_EQ(canonical("@*[(title ~= (a|b)) || note]"), "@*[title ~= \"(a|b)\" || note]");
}

TEST(QueryParser, SeveralBlocksAreAnded) {
    const Query query = parsed("@*[year>=2019][year<=2020]");
    const auto& all = std::get<AllOf>(query.selectors[0].condition->node);
    EXPECT_EQ(all.conditions.size(), 2u);
    EXPECT_EQ(canonical("@*[a || b] [c]"), "@*[(a || b) && c]");
    EXPECT_EQ(canonical("@*[]"), "@*");
    EXPECT_EQ(canonical("@*[ ][a]"), "@*[a]");
}

TEST(QueryParser, TrailingStarIsIgnored) {
    EXPECT_EQ(canonical("@*[selected=true]*"), "@*[selected = \"true\"]");
    EXPECT_EQ(canonical("@article*, @book"), "@article || @book");
}

TEST(QueryParser, UnquotedValuesAreTrimmedAndKeepInnerSpaces) {
    EXPECT_EQ(only_comparison(parsed("@*[type = Research Report ]")).value, "Research Report");
    EXPECT_EQ(only_comparison(parsed("@*[note!=Oral presentation]")).value, "Oral presentation");
}

TEST(QueryParser, UnquotedValuesKeepBackslashesAndLatex) {
    EXPECT_EQ(only_comparison(parsed("@*[title~=\\\\]")).value, "\\\\");
    EXPECT_EQ(only_comparison(parsed("@*[author~=M{\\\\\"u}ller]")).value, "M{\\\\\"u}ller");
    EXPECT_EQ(only_comparison(parsed("@*[title=Caf{\\'e}]")).value, "Caf{\\'e}");
    // A backslash keeps the next character from ending the value.
    EXPECT_EQ(only_comparison(parsed("@*[title~=a\\,b]")).value, "a\\,b");
}

TEST(QueryParser, BracketPairsNestInUnquotedValues) {
    EXPECT_EQ(only_comparison(parsed("@*[month_numeric~=^1[0-2]$]")).value, "^1[0-2]$");
    EXPECT_EQ(only_comparison(parsed("@*[title~=[[:upper:]]{2}]")).value, "[[:upper:]]{2}");
    EXPECT_EQ(only_comparison(parsed("@*[title~=[\\]x]]")).value, "[\\]x]");
    // Inside a character class, parentheses and commas are plain characters.
    EXPECT_EQ(only_comparison(parsed("@*[title~=[(,]]")).value, "[(,]");
}

TEST(QueryParser, ParenthesisPairsKeepCommasAndBarsInUnquotedValues) {
    EXPECT_EQ(only_comparison(parsed("@*[keywords~=(^|,\\s*)thesis(,|$)]")).value,
              "(^|,\\s*)thesis(,|$)");
    EXPECT_EQ(only_comparison(parsed("@*[note=Talk (Lyon, France)]")).value, "Talk (Lyon, France)");
    // Outside a group, a lone ')' is a plain character; inside one, it closes the group.
    EXPECT_EQ(only_comparison(parsed("@*[note=:)]")).value, ":)");
    EXPECT_EQ(canonical("@*[(note=x) && a]"), "@*[note = \"x\" && a]");
}

TEST(QueryParser, UnquotedValuesEndAtSeparators) {
    EXPECT_EQ(canonical("@*[a=1,b=2]"), "@*[a = \"1\" && b = \"2\"]");
    EXPECT_EQ(canonical("@*[a=1&&b=2]"), "@*[a = \"1\" && b = \"2\"]");
    EXPECT_EQ(canonical("@*[a=1||b=2]"), "@*[a = \"1\" || b = \"2\"]");
    // A single & or | is part of the value.
    EXPECT_EQ(canonical("@*[a=x & y | z]"), "@*[a = \"x & y | z\"]");
}

TEST(QueryParser, QuotedValues) {
    EXPECT_EQ(only_comparison(parsed("@*[selected=\"true\"]")).value, "true");
    EXPECT_EQ(only_comparison(parsed("@*[selected='true']")).value, "true");
    EXPECT_EQ(only_comparison(parsed("@*[keywords~=\"(^|,\\s*)x(,|$)\"]")).value,
              "(^|,\\s*)x(,|$)");
    EXPECT_EQ(only_comparison(parsed("@*[title=\"a ] b, c && d || e\"]")).value,
              "a ] b, c && d || e");
    EXPECT_EQ(only_comparison(parsed("@*[title=\"say \\\"hi\\\"\"]")).value, "say \"hi\"");
    EXPECT_EQ(only_comparison(parsed("@*[title='it\\'s']")).value, "it's");
    EXPECT_EQ(only_comparison(parsed("@*[title=\"a\\\\\"]")).value, "a\\");
    // Other backslashes stay: regexes and LaTeX read as written.
    EXPECT_EQ(only_comparison(parsed("@*[title~=\"\\d+\"]")).value, "\\d+");
    EXPECT_EQ(only_comparison(parsed("@*[author~='M{\\\"u}ller']")).value, "M{\\\"u}ller");
    EXPECT_EQ(only_comparison(parsed("@*[note=\"\"]")).value, "");
    EXPECT_EQ(only_comparison(parsed("@*[title = \"=x\"]")).value, "=x");
}

TEST(QueryParser, ValuesMayHoldUnicode) {
    EXPECT_EQ(only_comparison(parsed("@*[author~=Müller]")).value, "Müller");
    EXPECT_EQ(only_comparison(parsed("@*[title~=Café]")).value, "Café");
}

TEST(QueryParser, WhitespaceAroundTokens) {
    EXPECT_EQ(canonical("  @book [ year <= 1900 && author ^= Poe ]  "),
              "@book[year <= \"1900\" && author ^= \"Poe\"]");
}

TEST(QueryParser, QueriesWithoutAtAreKeyLookups) {
    Query query = parsed("durand2024sparse");
    EXPECT_TRUE(query.selectors.empty());
    EXPECT_EQ(query.keys, std::vector<std::string>{"durand2024sparse"});
    query = parsed(" a, b  Durand:2021:gossip||c ");
    EXPECT_EQ(query.keys, (std::vector<std::string>{"a", "b", "Durand:2021:gossip", "c"}));
    EXPECT_EQ(to_string(query), "a, b, Durand:2021:gossip, c");
}

TEST(QueryParser, CanonicalFormParsesBack) {
    for (std::string_view text :
         {"@*", "!@book", "@article[year>=2020, author^=Wei] || @misc[!note]",
          "@*[(a || b=1) && (c || d!~x)]", "@*[title=\"q\\\"uote\\\\\"]",
          "@*[keywords~=(^|,\\s*)x(,|$)]", "@*[month_numeric~=^1[0-2]$][year>2000]",
          "@*[note=Talk (Lyon, France)]", "a, b", "@*[a=\"\"]"}) {
        const Query query = parsed(text);
        const std::string printed = to_string(query);
        EXPECT_EQ(to_string(parsed(printed)), printed) << text;
    }
}

struct ErrorCase {
    std::string_view query;
    std::uint32_t column;
    std::string_view message;
};

TEST(QueryParser, ErrorsSayWhatWasExpectedAndWhere) {
    for (const ErrorCase& c : {
             ErrorCase{"@article[year>=", 16, "expected a value after the operator"},
             ErrorCase{"@article[year>=2020", 20, "expected ']' after the condition"},
             ErrorCase{"@*[=2]", 4, "expected a condition or ']'"},
             ErrorCase{"@*[year=2020", 13, "expected ']' after the condition"},
             ErrorCase{"@*[year=>2]", 8, "unknown operator '=>'"},
             ErrorCase{"@*[year==2]", 8, "unknown operator '=='"},
             ErrorCase{"@*[year<=>2]", 8, "unknown operator '<=>'"},
             ErrorCase{"@*[year = =2]", 11,
                       "a value cannot start with '=' (quote the value to "
                       "mean it)"},
             ErrorCase{"@", 2, "expected an entry type or '*' after '@'"},
             ErrorCase{"@article foo", 10, "expected '[', ',', '||' or the end of the query"},
             ErrorCase{"@*]", 3, "expected '[', ',', '||' or the end of the query"},
             ErrorCase{"@*year", 3, "expected '[', ',', '||' or the end of the query"},
             ErrorCase{"@article,", 10, "expected a selector ('@type', '@*' or '!@type')"},
             ErrorCase{"@a || ", 7, "expected a selector ('@type', '@*' or '!@type')"},
             ErrorCase{"x @article", 1, "expected a selector ('@type', '@*' or '!@type')"},
             ErrorCase{"@*[a ||]", 8, "expected a condition"},
             ErrorCase{"@*[a,]", 6, "expected a condition"},
             ErrorCase{"@*[!]", 5, "expected a field name"},
             ErrorCase{"@*[(a]", 6, "expected ')' after the condition"},
             ErrorCase{"@*[title=\"abc]", 10, "unterminated quoted value: expected the closing \""},
             ErrorCase{"@*[title=\"a\"b]", 13, "expected ']' after the condition"},
             ErrorCase{"@*[keywords~=(^|]", 14,
                       "invalid regular expression '(^|': unbalanced parenthesis"},
             ErrorCase{"@*[x~=a][y~=[b]", 16, "expected ']' after the condition"},
             ErrorCase{"@*[month_numeric~=^1[0-2$]", 27, "expected ']' after the condition"},
             ErrorCase{"*[year=2020]", 2,
                       "expected '@type' before '[' (a query without '@' is a list of keys)"},
         }) {
        const QueryError error = error_of(c.query);
        EXPECT_EQ(error.column, c.column) << c.query;
        EXPECT_EQ(error.message, c.message) << c.query;
    }
}

TEST(QueryParser, GroupsNestAHundredDeep) {
    EXPECT_TRUE(parse_query("@*[" + std::string(100, '(') + "a" + std::string(100, ')') + "]"));
    const QueryError error =
        error_of("@*[" + std::string(101, '(') + "a" + std::string(101, ')') + "]");
    EXPECT_EQ(error.column, 104u);
    EXPECT_EQ(error.message, "parentheses nested more than 100 deep");
    // Without a depth limit, this would overflow the stack.
    EXPECT_FALSE(parse_query("@*[" + std::string(100000, '(')));
}

TEST(QueryParser, ErrorColumnsCountCodePoints) {
    // "é" and "ü" are two bytes each, one column each.
    const QueryError error = error_of("@*[title=Café && author=Mü");
    EXPECT_EQ(error.column, 27u);
    EXPECT_EQ(error.message, "expected ']' after the condition");
}

TEST(QueryParser, InvalidRegexesAreErrorsAtTheirValue) {
    EXPECT_EQ(error_of("@*[title~=\"a(\"]").column, 11u);
    EXPECT_EQ(error_of("@*[title!~*x]").message, "invalid regular expression '*x': syntax error");
    EXPECT_EQ(error_of("@*[title =~ a\\]").message, "expected ']' after the condition");
}

TEST(QueryParser, RubyBracesAreLiteralUnlessARepetition) {
    // ICU alone rejects all of these; Ruby reads the braces literally.
    for (std::string_view text : {"@*[author~=M{\\\\\"u}ller]", "@*[title~=a}b]", "@*[title~={x]",
                                  "@*[title~=a{,2}]", "@*[title~=\\p{L}{2,}]", "@*[title~=[{}]]"})
        EXPECT_TRUE(parse_query(text).has_value()) << text;
}

} // namespace
} // namespace bibkit::query
