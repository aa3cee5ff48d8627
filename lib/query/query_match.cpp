// Evaluating a parsed query against records. One Evaluator serves a whole select() call: it owns
// the per-call state that a shared, immutable Query cannot (ICU matchers, the decoding buffers),
// so plain comparisons allocate nothing and the rest allocate once per call, not per entry.

#include "compiled_regex.hpp"
#include "numeric_value.hpp"

#include <algorithm>
#include <bibkit/query/query.hpp>
#include <bibkit/text/decode.hpp>
#include <bibkit/text/plain_text.hpp>
#include <unicode/regex.h>
#include <unicode/ustring.h>
#include <utility>

namespace bibkit::query {

namespace {

// ICU's limit on one regex search, in its match-engine steps (roughly milliseconds): a
// catastrophically backtracking pattern then fails on a value instead of hanging the program.
constexpr std::int32_t k_regex_time_limit = 1000;

bool is_negative(Operator op) {
    return op == Operator::not_equal || op == Operator::not_match;
}

bool is_ordering(Operator op) {
    return op == Operator::less || op == Operator::greater || op == Operator::less_equal ||
           op == Operator::greater_equal;
}

// Numbers when both sides are numbers, else bytes (std::string_view compares as unsigned char).
int compare(std::string_view text, const Comparison& comparison) {
    if (comparison.number) {
        if (const std::optional<double> number = detail::numeric_value(text))
            return *number < *comparison.number ? -1 : *number > *comparison.number ? 1 : 0;
    }
    const int order = text.compare(comparison.value);
    return order < 0 ? -1 : order > 0 ? 1 : 0;
}

bool ordered(Operator op, int order) {
    switch (op) {
    case Operator::less:
        return order < 0;
    case Operator::greater:
        return order > 0;
    case Operator::less_equal:
        return order <= 0;
    case Operator::greater_equal:
        return order >= 0;
    default:
        return false;
    }
}

class Evaluator {
  public:
    explicit Evaluator(const Query& query) : m_query(query) {}
    Evaluator(const Evaluator&) = delete;
    Evaluator& operator=(const Evaluator&) = delete;

    bool matches(const Record& record) {
        for (const std::string& key : m_query.keys)
            if (record.key() == key) return true;
        for (const Selector& selector : m_query.selectors)
            if (matches(selector, record)) return true;
        return false;
    }

  private:
    bool matches(const Selector& selector, const Record& record) {
        const bool hit = (selector.type == "*" || selector.type == record.type()) &&
                         (!selector.condition || holds(*selector.condition, record));
        return hit != selector.negated;
    }

    bool holds(const Condition& condition, const Record& record) {
        return std::visit([&](const auto& node) { return holds(node, record); }, condition.node);
    }

    bool holds(const AllOf& all, const Record& record) {
        for (const Condition& condition : all.conditions)
            if (!holds(condition, record)) return false;
        return true;
    }

    bool holds(const AnyOf& any, const Record& record) {
        for (const Condition& condition : any.conditions)
            if (holds(condition, record)) return true;
        return false;
    }

    bool holds(const Presence& presence, const Record& record) {
        const std::optional<std::string_view> value = record.value(presence.field);
        return (value && !value->empty()) == presence.present;
    }

    // A negative operator is the negation of its positive twin, and holds for a missing field.
    bool holds(const Comparison& comparison, const Record& record) {
        const std::optional<std::string_view> value = record.value(comparison.field);
        if (!value || value->empty()) return is_negative(comparison.op);
        return positive_holds(comparison, *value) != is_negative(comparison.op);
    }

    // The raw value first; the decoded text only when that fails and decoding can change it.
    bool positive_holds(const Comparison& comparison, std::string_view raw) {
        if (holds_for_text(comparison, raw)) return true;
        return text::needs_decoding(raw) && holds_for_text(comparison, decoded(raw));
    }

    bool holds_for_text(const Comparison& comparison, std::string_view text) {
        switch (comparison.op) {
        case Operator::equal:
        case Operator::not_equal:
            return text == comparison.value;
        case Operator::prefix:
            return text.starts_with(comparison.value);
        case Operator::match:
        case Operator::not_match:
            return comparison.regex && search(*comparison.regex, text);
        default:
            return is_ordering(comparison.op) && ordered(comparison.op, compare(text, comparison));
        }
    }

    // The plain text of the decoded LaTeX, kept while the same value is asked again (several
    // conditions on one field).
    std::string_view decoded(std::string_view raw) {
        if (raw.data() != m_decoded_from.data() || raw.size() != m_decoded_from.size()) {
            m_warnings.clear();
            text::decode_latex(raw, m_rich_text, m_warnings);
            m_plain.clear();
            text::append_plain_text(m_plain, m_rich_text);
            m_decoded_from = raw;
        }
        return m_plain;
    }

    bool search(const CompiledRegex& regex, std::string_view text) {
        icu::RegexMatcher* matcher = matcher_for(regex);
        if (!matcher) return false;
        // ICU matches UTF-16 faster than UTF-8 through a UText (a quarter less time over 106,000
        // author lists): convert into a reused buffer and match a read-only alias of it.
        if (m_utf16.size() <= text.size()) m_utf16.resize(text.size() + 1);
        UErrorCode status = U_ZERO_ERROR;
        std::int32_t length = 0;
        u_strFromUTF8WithSub(m_utf16.data(), static_cast<std::int32_t>(m_utf16.size()), &length,
                             text.data(), static_cast<std::int32_t>(text.size()), 0xFFFD, nullptr,
                             &status);
        if (U_FAILURE(status)) return false;
        const icu::UnicodeString alias(false, m_utf16.data(), length);
        matcher->reset(alias);
        const bool found = matcher->find(status);
        return U_SUCCESS(status) && found;
    }

    icu::RegexMatcher* matcher_for(const CompiledRegex& regex) {
        for (auto& [pattern, matcher] : m_matchers)
            if (pattern == &regex) return matcher.get();
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::RegexMatcher> matcher(regex.pattern().matcher(status));
        if (U_FAILURE(status) || !matcher) return nullptr;
        matcher->setTimeLimit(k_regex_time_limit, status);
        m_matchers.emplace_back(&regex, std::move(matcher));
        return m_matchers.back().second.get();
    }

    const Query& m_query;
    std::vector<std::pair<const CompiledRegex*, std::unique_ptr<icu::RegexMatcher>>> m_matchers;
    std::vector<char16_t> m_utf16;
    std::string_view m_decoded_from;
    text::RichText m_rich_text;
    std::vector<text::DecodeWarning> m_warnings;
    std::string m_plain;
};

// Field names and values view into the source text, one cache line apart from the next entry's:
// looking up a field costs a cache miss per entry, which dominates a simple query over a large
// bibliography. Asking for the lines of an entry a few places ahead hides most of that latency
// (`year>=2020` over 106,000 entries: 16 ms without, 5.5 ms with).
constexpr std::size_t k_prefetch_distance = 8;

void prefetch(const Record& record) {
    for (const bibtex::Field& field : record.fields()) __builtin_prefetch(field.name.data());
}

} // namespace

bool matches(const Query& query, const Record& record) {
    return Evaluator(query).matches(record);
}

std::vector<std::size_t> select(const Query& query, std::span<const Record> records) {
    Evaluator evaluator(query);
    std::vector<std::size_t> selected;
    const bool reads_fields =
        std::any_of(query.selectors.begin(), query.selectors.end(),
                    [](const Selector& s) { return s.condition.has_value(); });
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (reads_fields && i + k_prefetch_distance < records.size())
            prefetch(records[i + k_prefetch_distance]);
        if (evaluator.matches(records[i])) selected.push_back(i);
    }
    return selected;
}

} // namespace bibkit::query
