#include "utf8.hpp"

#include <algorithm>
#include <bibkit/text/case.hpp>
#include <iterator>
#include <memory>
#include <unicode/ucasemap.h>
#include <unicode/uchar.h>

namespace bibkit::text {
namespace {

struct CaseMapCloser {
    void operator()(UCaseMap* map) const { ucasemap_close(map); }
};

// The root locale's mappings; Turkish dotted i and the like would need the entry's language.
const UCaseMap* case_map() {
    static const std::unique_ptr<UCaseMap, CaseMapCloser> map = [] {
        UErrorCode status = U_ZERO_ERROR;
        UCaseMap* opened = ucasemap_open("", 0, &status);
        return std::unique_ptr<UCaseMap, CaseMapCloser>(U_SUCCESS(status) ? opened : nullptr);
    }();
    return map.get();
}

enum class Direction : std::uint8_t { lower, upper };

std::string mapped(std::string_view text, Direction direction) {
    const UCaseMap* map = case_map();
    if (map == nullptr || text.empty()) return std::string(text);
    std::string out(text.size() + text.size() / 2 + 4, '\0');
    for (int attempt = 0; attempt < 2; ++attempt) {
        UErrorCode status = U_ZERO_ERROR;
        auto capacity = static_cast<int32_t>(out.size());
        auto source_size = static_cast<int32_t>(text.size());
        int32_t size =
            direction == Direction::lower
                ? ucasemap_utf8ToLower(map, out.data(), capacity, text.data(), source_size, &status)
                : ucasemap_utf8ToUpper(map, out.data(), capacity, text.data(), source_size,
                                       &status);
        if (status == U_BUFFER_OVERFLOW_ERROR) {
            out.assign(static_cast<std::size_t>(size) + 1, '\0');
            continue;
        }
        if (U_FAILURE(status)) return std::string(text);
        out.resize(static_cast<std::size_t>(size));
        return out;
    }
    return std::string(text);
}

bool is_letter(char32_t c) {
    return u_isalpha(static_cast<UChar32>(c)) != 0;
}

// The string with the code point at `pos` in title case.
void titlecase_at(std::string& text, std::size_t pos) {
    auto decoded = utf8::decode(text, pos);
    std::string title;
    utf8::append(title, static_cast<char32_t>(u_totitle(static_cast<UChar32>(decoded.code_point))));
    text.replace(pos, decoded.size, title);
}

bool has_lowercase(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        auto d = utf8::decode(text, i);
        if (u_islower(static_cast<UChar32>(d.code_point))) return true;
        i += d.size;
    }
    return false;
}

bool has_uppercase(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        auto d = utf8::decode(text, i);
        if (u_isupper(static_cast<UChar32>(d.code_point)) ||
            u_istitle(static_cast<UChar32>(d.code_point)))
            return true;
        i += d.size;
    }
    return false;
}

// Copies a rich text node by node, letting `convert` rewrite each unprotected text run.
// `protected_leaf` is told about nocase spans and math, which are copied as they are.
template <class Convert, class Protected>
RichText rebuild(const RichText& text, Convert&& convert, Protected&& protected_leaf) {
    struct Copier {
        const RichText& text;
        RichTextBuilder& builder;
        Convert& convert;
        Protected& protected_leaf;
        int nocase = 0;

        void leaf(const Node& node) {
            if (node.kind == NodeKind::math) {
                protected_leaf(node);
                builder.add_math(text.source(node), text.text(node), node.has_rendering,
                                 node.math_style);
            } else if (nocase > 0) {
                builder.append_text(text.text(node));
            } else {
                builder.append_text(convert(text.text(node)));
            }
        }
        void enter(const Node& node) {
            if (node.kind == NodeKind::link) {
                builder.open_link(text.text(node));
                if (!text.has_children(node)) protected_leaf(node);
                return;
            }
            if (node.kind == NodeKind::nocase || node.kind == NodeKind::monospace) {
                if (nocase++ == 0) protected_leaf(node);
            }
            builder.open(node.kind);
        }
        void leave(const Node& node) {
            if (node.kind == NodeKind::nocase || node.kind == NodeKind::monospace) --nocase;
            builder.close();
        }
    };
    RichTextBuilder builder;
    Copier copier{text, builder, convert, protected_leaf};
    visit(text, copier);
    return builder.finish();
}

constexpr std::string_view k_stop_words[] = {
    "a",  "an", "and",  "as", "at",   "but", "by",  "down", "for", "from", "in",  "into", "nor",
    "of", "on", "onto", "or", "over", "so",  "the", "till", "to",  "up",   "via", "with", "yet",
};
static_assert(std::is_sorted(std::begin(k_stop_words), std::end(k_stop_words)));

bool is_separator(char32_t c) {
    return c == ' ' || c == 0xA0 || c == '-' || c == '/' || c == 0x2013 || c == 0x2014 ||
           c == 0x2009 || c == '\t' || c == '\n';
}

// Title case, run by run, with the state that crosses runs.
class TitleCaser {
  public:
    TitleCaser(bool all_upper, std::size_t word_count)
        : m_all_upper(all_upper), m_word_count(word_count) {}

    std::string operator()(std::string_view run) {
        std::string out;
        std::size_t i = 0;
        while (i < run.size()) {
            auto d = utf8::decode(run, i);
            if (is_separator(d.code_point) || d.code_point == ':') {
                if (d.code_point == ':') m_after_colon = true;
                out.append(run, i, d.size);
                m_in_word = false;
                i += d.size;
                continue;
            }
            std::size_t end = i;
            while (end < run.size()) {
                auto next = utf8::decode(run, end);
                if (is_separator(next.code_point) || next.code_point == ':') break;
                end += next.size;
            }
            std::string_view word = run.substr(i, end - i);
            if (m_in_word) {
                out += m_all_upper ? mapped(word, Direction::lower) : std::string(word);
            } else {
                out += word_case(word);
            }
            m_in_word = true;
            i = end;
        }
        return out;
    }

    // A protected span or math counts as a word.
    void protected_word() {
        if (!m_in_word) {
            ++m_index;
            m_after_colon = false;
        }
        m_in_word = true;
    }

  private:
    std::string word_case(std::string_view word) {
        ++m_index;
        bool first = m_index == 1;
        bool last = m_index == m_word_count;
        bool after_colon = m_after_colon;
        m_after_colon = false;
        std::string lower = mapped(word, Direction::lower);
        if (!first && !last && !after_colon &&
            std::binary_search(std::begin(k_stop_words), std::end(k_stop_words), lower))
            return lower;
        std::string out = m_all_upper ? lower : std::string(word);
        if (!m_all_upper && has_uppercase(word)) return out; // mixed or upper case stays
        // The first letter after leading punctuation ("(word"); a word that starts with a
        // digit ("24th", "3d") keeps its letters as they are.
        for (std::size_t i = 0; i < out.size();) {
            auto d = utf8::decode(out, i);
            if (is_letter(d.code_point)) {
                titlecase_at(out, i);
                break;
            }
            if (u_isdigit(static_cast<UChar32>(d.code_point))) break;
            i += d.size;
        }
        return out;
    }

    bool m_all_upper;
    std::size_t m_word_count;
    std::size_t m_index = 0;
    bool m_in_word = false;
    bool m_after_colon = false;
};

} // namespace

RichText to_lowercase(const RichText& text) {
    return rebuild(
        text, [](std::string_view run) { return mapped(run, Direction::lower); },
        [](const Node&) {});
}

RichText to_uppercase(const RichText& text) {
    return rebuild(
        text, [](std::string_view run) { return mapped(run, Direction::upper); },
        [](const Node&) {});
}

RichText capitalize_first(const RichText& text) {
    bool done = false;
    return rebuild(
        text,
        [&](std::string_view run) {
            std::string out(run);
            for (std::size_t i = 0; !done && i < out.size();) {
                auto d = utf8::decode(out, i);
                if (is_letter(d.code_point)) {
                    titlecase_at(out, i);
                    done = true;
                }
                i += d.size;
            }
            return out;
        },
        [&](const Node&) { done = true; });
}

RichText to_sentence_case(const RichText& text) {
    bool capitalize = true; // the next letter starts the text or follows a colon
    bool after_colon = false;
    return rebuild(
        text,
        [&](std::string_view run) {
            std::string out = mapped(run, Direction::lower);
            for (std::size_t i = 0; i < out.size();) {
                auto d = utf8::decode(out, i);
                if (d.code_point == ':') {
                    after_colon = true;
                } else if (after_colon && d.code_point != ' ') {
                    after_colon = false;
                    capitalize = true;
                }
                if (capitalize && is_letter(d.code_point)) {
                    titlecase_at(out, i);
                    capitalize = false;
                    d = utf8::decode(out, i);
                }
                i += d.size;
            }
            return out;
        },
        [&](const Node&) {
            capitalize = false;
            after_colon = false;
        });
}

RichText to_title_case(const RichText& text) {
    // First pass: is the unprotected text all upper case, and how many words are there (so
    // that the last one is known)? Words are numbered the way TitleCaser numbers them.
    struct Survey {
        bool any_lower = false;
        bool any_upper = false;
        std::size_t words = 0;
        bool in_word = false;
    } survey;
    rebuild(
        text,
        [&](std::string_view run) {
            survey.any_lower = survey.any_lower || has_lowercase(run);
            survey.any_upper = survey.any_upper || has_uppercase(run);
            for (std::size_t i = 0; i < run.size();) {
                auto d = utf8::decode(run, i);
                if (is_separator(d.code_point) || d.code_point == ':') {
                    survey.in_word = false;
                } else if (!survey.in_word) {
                    ++survey.words;
                    survey.in_word = true;
                }
                i += d.size;
            }
            return std::string();
        },
        [&](const Node&) {
            if (!survey.in_word) ++survey.words;
            survey.in_word = true;
        });
    TitleCaser caser(survey.any_upper && !survey.any_lower, survey.words);
    return rebuild(
        text, [&](std::string_view run) { return caser(run); },
        [&](const Node&) { caser.protected_word(); });
}

} // namespace bibkit::text
