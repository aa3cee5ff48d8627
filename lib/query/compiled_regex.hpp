#pragma once
// A query's regular expression, compiled once by parse_query (query_parser.cpp) and shared by
// every copy of the query. ICU's RegexPattern is immutable and thread-safe; matching needs a
// RegexMatcher, which is not, so each evaluation makes its own (query_match.cpp).

#include <bibkit/core/expected.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <unicode/regex.h>

namespace bibkit::query {

class CompiledRegex {
  public:
    // A pattern as jekyll-scholar users write it for Ruby (see icu_pattern_syntax), or a
    // sentence saying why it is invalid ("unbalanced parenthesis").
    static Expected<std::shared_ptr<const CompiledRegex>, std::string>
    compile(std::string_view pattern);

    const icu::RegexPattern& pattern() const { return *m_pattern; }

  private:
    explicit CompiledRegex(std::unique_ptr<icu::RegexPattern> pattern)
        : m_pattern(std::move(pattern)) {}

    std::unique_ptr<icu::RegexPattern> m_pattern;
};

// Ruby's reading of braces in ICU syntax: ICU rejects a `{` that does not start a repetition and
// any stray `}`, which Ruby takes literally (`M{\\"u}ller`); `{,n}` is Ruby's `{0,n}`.
std::string icu_pattern_syntax(std::string_view ruby_pattern);

} // namespace bibkit::query
