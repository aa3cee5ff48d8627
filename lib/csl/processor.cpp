#include "compiled_style.hpp"
#include "evaluator.hpp"
#include "locale_chain.hpp"
#include "output.hpp"

#include <algorithm>
#include <bibkit/csl/processor.hpp>
#include <bibkit/text/csl_markup.hpp>
#include <bibkit/text/plain_text.hpp>
#include <cstring>
#include <map>
#include <memory>
#include <numeric>
#include <unicode/coll.h>
#include <unicode/unistr.h>
#include <unordered_map>

namespace bibkit::csl {

using namespace detail;

namespace {

std::string resolve_lang(const ProcessorOptions& options, const Style::Compiled& style,
                         std::span<const Locale> locales) {
    if (!options.locale.empty()) return options.locale;
    if (!style.default_locale.empty()) return style.default_locale;
    if (!locales.empty() && !locales.front().tag().empty())
        return std::string(locales.front().tag());
    return "en-US";
}

bool is_english(std::string_view lang) {
    return lang.empty() || lang.starts_with("en");
}

} // namespace

struct Processor::Impl {
    Style style;
    std::vector<Locale> locales;
    std::span<const model::Item> items;
    const OutputFormat* format;
    std::string lang;
    LocaleChain chain;
    std::unique_ptr<Evaluator> citation_eval, bibliography_eval;
    std::unordered_map<std::string_view, std::size_t> index;
    std::unique_ptr<icu::Collator> collator;
    QuoteMarks quotes;
    bool style_sort = true; // false: bibliographies keep the order of the ids given

    Impl(const Style& s, std::span<const Locale> l, std::span<const model::Item> i,
         const OutputFormat& f, const ProcessorOptions& options)
        : style(s), locales(l.begin(), l.end()), items(i), format(&f),
          lang(resolve_lang(options, s.compiled(), l)), chain(s.compiled().locales, locales, lang) {
        const Style::Compiled& c = style.compiled();
        citation_eval = std::make_unique<Evaluator>(c, chain, c.citation);
        bibliography_eval = std::make_unique<Evaluator>(c, chain, c.bibliography);
        for (std::size_t k = 0; k < items.size(); ++k) index.emplace(items[k].key, k);
        UErrorCode status = U_ZERO_ERROR;
        collator.reset(icu::Collator::createInstance(icu::Locale(lang.c_str()), status));
        if (U_FAILURE(status)) collator.reset();

        quotes.open = term_or("open-quote", quotes.open);
        quotes.close = term_or("close-quote", quotes.close);
        quotes.open_inner = term_or("open-inner-quote", quotes.open_inner);
        quotes.close_inner = term_or("close-inner-quote", quotes.close_inner);
        quotes.punctuation_in_quote = chain.punctuation_in_quote();
        style_sort = options.style_sort;
    }

    std::string term_or(std::string_view name, const std::string& fallback) const {
        std::string_view t = chain.text(name, TermForm::long_, false);
        return t.empty() ? fallback : std::string(t);
    }

    bool english_item(const model::Item& item) const {
        if (const text::RichText* l = item.text("language"))
            return is_english(text::to_plain_text(*l));
        if (const std::string* p = item.plain_text("language")) return is_english(*p);
        return is_english(lang);
    }

    // ---- sorting -------------------------------------------------------------------------

    std::string collation_key(const std::string& text) const {
        if (!collator) return text;
        // Brackets and quotes do not order entries ("[F]linders" sorts under F).
        std::string cleaned;
        for (char ch : text) {
            if (ch != '[' && ch != ']' && ch != '"' && ch != '\'' && ch != '(' && ch != ')')
                cleaned += ch;
        }
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(cleaned);
        int32_t size = collator->getSortKey(u, nullptr, 0);
        std::string key(static_cast<std::size_t>(size), '\0');
        collator->getSortKey(u, reinterpret_cast<uint8_t*>(key.data()), size);
        return key;
    }

    std::string sort_value(const Evaluator& ev, const SortKey& k, const model::Item& item,
                           const ItemState& state) const {
        CiteInfo cite;
        Context context{item, state, cite};
        context.sort_mode = true;
        context.sort_key = &k;
        if (k.kind == SortKind::macro) {
            OutNode out = ev.render_macro(context, k.macro);
            std::string text = plain_text(out);
            return text;
        }
        if (item.name_list(k.variable)) return ev.names_sort_key(context, k.variable, &k);
        if (const dates::Date* d = item.date(k.variable)) return ev.date_sort_key(*d);
        std::string value = ev.variable_plain(context, k.variable);
        if (!value.empty() && is_numeric(value)) {
            std::string key = numeric_sort_key(value);
            if (!key.empty()) return key;
        }
        return value;
    }

    // Stable sort of `order` (item indices) by the layout's keys.
    void sort(const Evaluator& ev, const Layout& layout, std::vector<std::size_t>& order,
              const std::vector<ItemState>& states) const {
        if (layout.sort.empty()) return;
        std::vector<std::vector<std::string>> keys(items.size());
        std::vector<std::vector<char>> empty(items.size());
        for (std::size_t i : order) {
            for (const SortKey& k : layout.sort) {
                std::string value = sort_value(ev, k, items[i], states[i]);
                empty[i].push_back(static_cast<char>(value.empty()));
                keys[i].push_back(collation_key(value));
            }
        }
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) -> bool {
            for (std::size_t k = 0; k < layout.sort.size(); ++k) {
                if (empty[a][k] != empty[b][k]) return empty[b][k] != 0;
                if (empty[a][k]) continue;
                int c = keys[a][k].compare(keys[b][k]);
                if (c == 0) continue;
                return layout.sort[k].descending ? c > 0 : c < 0;
            }
            return false;
        });
    }

    bool sorts_by_citation_number(const Layout& layout) const {
        for (const SortKey& k : layout.sort) {
            if (k.kind == SortKind::variable && k.variable == "citation-number") return true;
            if (k.kind == SortKind::macro && macro_uses(k.macro, "citation-number")) return true;
        }
        return false;
    }

    bool macro_uses(int macro, std::string_view variable) const {
        if (macro < 0) return false;
        const Element& m = style.compiled().macros[static_cast<std::size_t>(macro)];
        return element_uses(m, variable);
    }
    bool element_uses(const Element& e, std::string_view variable) const {
        if (e.name == variable && (e.kind == ElementKind::text || e.kind == ElementKind::number))
            return true;
        if (e.kind == ElementKind::text && e.source == TextSource::macro &&
            macro_uses(e.macro, variable))
            return true;
        for (const Element& c : e.children) {
            if (element_uses(c, variable)) return true;
        }
        for (const Branch& b : e.branches) {
            for (const Element& c : b.children) {
                if (element_uses(c, variable)) return true;
            }
        }
        return false;
    }

    // ---- numbering and disambiguation -----------------------------------------------------

    std::string disambiguation_text(std::size_t i, const std::vector<ItemState>& states) const {
        CiteInfo cite;
        CitationItem empty_item;
        empty_item.id = std::string(items[i].key);
        cite.cite = &empty_item;
        Context context{items[i], states[i], cite};
        context.text_case_english = english_item(items[i]);
        OutNode out = citation_eval->render(context);
        return plain_text(out);
    }

    using Groups = std::vector<std::vector<std::size_t>>;

    Groups ambiguous(const std::vector<std::size_t>& set,
                     const std::vector<ItemState>& states) const {
        std::map<std::string, std::vector<std::size_t>> by_text;
        for (std::size_t i : set) by_text[disambiguation_text(i, states)].push_back(i);
        Groups out;
        for (auto& [text, group] : by_text) {
            if (group.size() > 1) out.push_back(std::move(group));
        }
        return out;
    }

    std::size_t max_names(std::size_t i) const {
        std::size_t most = 0;
        for (const auto& n : items[i].names) most = std::max(most, n.value.people.size());
        return most;
    }

    // Each ambiguous cite gets the fewest added names that leave it least ambiguous. The
    // group is rendered once per number of added names.
    void add_names(const Groups& groups, std::vector<ItemState>& states,
                   bool with_givennames) const {
        for (const auto& g : groups) {
            // When given names may be added later, names that differ only in them count as
            // different already.
            std::vector<int> saved_levels;
            for (std::size_t i : g) {
                saved_levels.push_back(states[i].givenname_level);
                if (with_givennames) states[i].givenname_level = 2;
            }
            std::size_t most = 0;
            for (std::size_t i : g) most = std::max(most, max_names(i));
            std::vector<int> chosen(g.size(), 0);
            std::vector<std::size_t> best(g.size(), g.size());
            std::vector<std::string> previous;
            for (int extra = 0; std::size_t(extra) < std::max<std::size_t>(most, 1); ++extra) {
                for (std::size_t i : g) states[i].names_extra = extra;
                std::vector<std::string> texts;
                std::unordered_map<std::string, std::size_t> counts;
                for (std::size_t i : g) {
                    texts.push_back(disambiguation_text(i, states));
                    ++counts[texts.back()];
                }
                // No cite changed: every name list is shown in full already.
                if (texts == previous) break;
                bool all_unique = true;
                for (std::size_t k = 0; k < g.size(); ++k) {
                    std::size_t partners = counts[texts[k]] - 1;
                    if (partners < best[k]) {
                        best[k] = partners;
                        chosen[k] = extra;
                    }
                    all_unique &= best[k] == 0;
                }
                if (all_unique) break;
                previous = std::move(texts);
            }
            for (std::size_t k = 0; k < g.size(); ++k) {
                states[g[k]].names_extra = chosen[k];
                states[g[k]].givenname_level = saved_levels[k];
            }
        }
    }

    // "J. J." and "J.J." are the same given name.
    static std::string normalized_given(const std::string& given) {
        std::string out;
        for (char ch : given) {
            if (ch != ' ' && ch != '.') out += ch;
        }
        return out;
    }

    static std::string initial_of(const std::string& given) {
        std::string out;
        bool start = true;
        for (char ch : given) {
            if (start && ch != ' ' && ch != '.' && ch != '-') out += ch;
            start = ch == ' ' || ch == '.' || ch == '-';
        }
        return out;
    }

    // Raises the given-name level of names that share a family name with a different person
    // among `set`: initials where those differ (and the rule allows no more), else full names.
    void expand_names(const std::vector<std::size_t>& set, std::vector<ItemState>& states,
                      bool primary_only, int max_level) const {
        struct Ref {
            std::size_t item, offset;
            const model::Person* person;
        };
        std::vector<Ref> refs;
        for (std::size_t i : set) {
            std::size_t offset = 0;
            for (const auto& v : items[i].names) {
                for (std::size_t p = 0; p < v.value.people.size(); ++p, ++offset) {
                    if (primary_only && p > 0) continue;
                    refs.push_back({i, offset, &v.value.people[p]});
                }
            }
        }
        // People are compared only with those of the same family name.
        std::unordered_map<std::string, std::vector<const Ref*>> by_family;
        for (const Ref& r : refs) {
            if (r.person->literal.empty())
                by_family[r.person->particle + '\x1F' + r.person->family].push_back(&r);
        }
        for (const auto& [family, same] : by_family) {
            if (same.size() < 2) continue;
            std::unordered_map<std::string, std::size_t> givens, initials;
            for (const Ref* r : same) {
                ++givens[normalized_given(r->person->given)];
                initials[initial_of(r->person->given)] += 1;
            }
            if (givens.size() < 2) continue;
            for (const Ref* a : same) {
                // Others with another given name: initials do when no other shares them; when
                // initials cannot tell them apart and full names are not allowed, nothing does.
                std::size_t same_given = givens[normalized_given(a->person->given)];
                std::size_t same_initials = initials[initial_of(a->person->given)];
                int level = same_initials > same_given ? (max_level == 2 ? 2 : 0) : 1;
                if (same_initials == same_given && same_given == same.size()) level = 0;
                if (level == 0) continue;
                auto& levels = states[a->item].given_levels;
                if (levels.size() <= a->offset) levels.resize(a->offset + 1, 0);
                levels[a->offset] =
                    static_cast<std::uint8_t>(std::max<int>(levels[a->offset], level));
            }
        }
    }

    void disambiguate(const std::vector<std::size_t>& registry, std::vector<ItemState>& states,
                      const std::vector<std::size_t>& order) const {
        const Style::Compiled& c = style.compiled();
        bool with_initials = c.givenname_rule == GivenNameRule::all_names_with_initials ||
                             c.givenname_rule == GivenNameRule::primary_name_with_initials;
        bool primary = c.givenname_rule == GivenNameRule::primary_name ||
                       c.givenname_rule == GivenNameRule::primary_name_with_initials;
        int max_level = with_initials ? 1 : 2;
        // The rules other than by-cite disambiguate names everywhere, ambiguous cites or not.
        if (c.disambiguate_add_givenname && c.givenname_rule != GivenNameRule::by_cite) {
            expand_names(registry, states, primary, max_level);
        }
        Groups groups = ambiguous(registry, states);
        if (groups.empty()) return;
        // Later steps change only the ambiguous cites: only they are compared again.
        std::vector<std::size_t> involved;
        for (const auto& g : groups) involved.insert(involved.end(), g.begin(), g.end());
        if (c.disambiguate_add_names) {
            add_names(groups, states, c.disambiguate_add_givenname);
            groups = ambiguous(involved, states);
        }
        if (c.disambiguate_add_givenname && c.givenname_rule == GivenNameRule::by_cite) {
            for (const auto& g : groups) expand_names(g, states, false, 2);
            groups = ambiguous(involved, states);
        }
        for (const auto& g : groups) {
            for (std::size_t i : g) states[i].disambiguate = true;
        }
        groups = ambiguous(involved, states);
        if (!c.disambiguate_add_year_suffix) return;
        // Suffixes follow the bibliography's order.
        std::vector<int> group_of(items.size(), -1);
        for (std::size_t k = 0; k < groups.size(); ++k) {
            for (std::size_t i : groups[k]) group_of[i] = static_cast<int>(k);
        }
        std::vector<int> next(groups.size(), 0);
        for (std::size_t i : order) {
            if (group_of[i] >= 0)
                states[i].year_suffix = suffix_letters(next[std::size_t(group_of[i])]++);
        }
    }

    // a … z, aa, ab … (bijective base 26).
    static std::string suffix_letters(int n) {
        std::string out;
        for (++n; n > 0; n = (n - 1) / 26)
            out.insert(out.begin(), static_cast<char>('a' + (n - 1) % 26));
        return out;
    }

    // Numbers the items, sorts them as the bibliography does, and disambiguates; returns the
    // bibliography's order. Citation numbers follow that order unless it is by citation number.
    std::vector<std::size_t> prepare(const std::vector<std::size_t>& registry,
                                     std::vector<ItemState>& states) const {
        auto number = [&](const std::vector<std::size_t>& order) {
            for (std::size_t k = 0; k < order.size(); ++k) {
                states[order[k]].citation_number = static_cast<int>(k + 1);
            }
        };
        number(registry);
        std::vector<std::size_t> order = registry;
        const Layout& bib = style.compiled().bibliography;
        if (bib.present && !bib.sort.empty() && style_sort) {
            sort(*bibliography_eval, bib, order, states);
            if (!sorts_by_citation_number(bib)) number(order);
        }
        if (style.compiled().citation.present) disambiguate(registry, states, order);
        return order;
    }

    // ---- bibliography ---------------------------------------------------------------------

    OutNode render_entry(std::size_t i, const std::vector<ItemState>& states) const {
        const Layout& layout = style.compiled().bibliography;
        CiteInfo cite;
        Context context{items[i], states[i], cite};
        context.text_case_english = english_item(items[i]);
        OutNode out = bibliography_eval->render(context);
        out.delimiter = layout.root.delimiter;
        if (style.compiled().second_field_align && out.children.size() > 0) {
            std::vector<OutNode> kids;
            for (OutNode& k : out.children) {
                if (!k.empty()) kids.push_back(std::move(k));
            }
            if (!kids.empty()) {
                OutNode left = OutNode::span();
                left.display = Display::left_margin;
                left.prefix = "";
                left.children.push_back(std::move(kids.front()));
                OutNode rest = OutNode::span();
                rest.delimiter = layout.root.delimiter;
                rest.suffix = layout.root.suffix;
                for (std::size_t k = 1; k < kids.size(); ++k)
                    rest.children.push_back(std::move(kids[k]));
                OutNode right = OutNode::span();
                right.display = Display::right_inline;
                right.children.push_back(std::move(rest));
                OutNode all = OutNode::span();
                all.prefix = layout.root.prefix;
                all.fmt = layout.root.fmt;
                all.children.push_back(std::move(left));
                all.children.push_back(std::move(right));
                return all;
            }
        }
        OutNode wrapped = OutNode::span();
        wrapped.prefix = layout.root.prefix;
        wrapped.suffix = layout.root.suffix;
        wrapped.fmt = layout.root.fmt;
        wrapped.children.push_back(std::move(out));
        return wrapped;
    }

    static OutNode* first_names(OutNode& node) {
        if (node.is_names) return &node;
        for (OutNode& c : node.children) {
            if (OutNode* n = first_names(c)) return n;
        }
        return nullptr;
    }

    // The output of the cs:names holding the first name list, and that list's text.
    static OutNode* names_holder(OutNode& node, std::string& key) {
        for (OutNode& c : node.children) {
            if (c.is_names) {
                key = plain_text(c);
                return nullptr;
            }
            OutNode* found = names_holder(c, key);
            if (found) return found;
            if (!key.empty()) return &node;
        }
        return nullptr;
    }

    void substitute_authors(std::vector<OutNode>& entries) const {
        const auto& substitute = style.compiled().subsequent_author_substitute;
        if (!substitute) return;
        std::string previous;
        for (OutNode& e : entries) {
            std::string text;
            OutNode* names = names_holder(e, text);
            // names_holder returns the list's parent; the cs:names output is one level up.
            if (!names) {
                previous.clear();
                continue;
            }
            if (!previous.empty() && text == previous) {
                names->children.clear();
                names->children.push_back(OutNode::leaf(*substitute));
            } else {
                previous = std::move(text);
            }
        }
    }

    Bibliography bibliography(const std::vector<std::size_t>& selected) const {
        Bibliography b;
        const Style::Compiled& c = style.compiled();
        b.hanging_indent = c.hanging_indent;
        b.second_field_align = c.second_field_align;
        b.line_spacing = c.line_spacing;
        b.entry_spacing = c.entry_spacing;
        if (!c.bibliography.present) return b;
        std::vector<ItemState> states(items.size());
        std::vector<std::size_t> order = prepare(selected, states);
        std::vector<OutNode> entries;
        for (std::size_t i : order) entries.push_back(render_entry(i, states));
        substitute_authors(entries);
        for (std::size_t k = 0; k < order.size(); ++k) {
            std::string content;
            write_output(content, entries[k], *format, quotes);
            b.entries.push_back({std::string(items[order[k]].key), std::move(content)});
        }
        return b;
    }

    // ---- citations ------------------------------------------------------------------------

    std::vector<std::string> cite(std::span<const Citation> citations) const;

    static bool ends_sentence(std::string_view text) {
        while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
        return !text.empty() && (text.back() == '.' || text.back() == '!' || text.back() == '?');
    }
    static bool only_punctuation(std::string_view text) {
        for (char ch : text) {
            if (std::isalnum(static_cast<unsigned char>(ch))) return false;
        }
        return true;
    }

    // A citation, or a sentence within a cite's prefix, that begins with a term ("ibid.")
    // begins with a capital. Returns whether the first word was reached.
    static bool capitalize_leading_term(OutNode& n) {
        if (!n.is_span) {
            if (n.text.empty()) return false;
            if (n.term && n.text[0] >= 'a' && n.text[0] <= 'z') {
                n.text[0] = static_cast<char>(n.text[0] - 'a' + 'A');
            }
            return !(!n.term && ends_sentence(n.text));
        }
        if (n.empty()) return false;
        if (!n.prefix.empty() && !only_punctuation(n.prefix) && !ends_sentence(n.prefix))
            return true;
        for (OutNode& c : n.children) {
            if (capitalize_leading_term(c)) return true;
        }
        return false;
    }

    // A cite's own prefix and suffix are CSL markup; a word next to the cite gets a space.
    static OutNode with_affixes(OutNode node, const CitationItem& ci) {
        OutNode out = OutNode::span();
        if (!ci.prefix.empty()) {
            std::string prefix = ci.prefix;
            if (std::isalnum(static_cast<unsigned char>(prefix.back()))) prefix += ' ';
            out.children.push_back(from_rich_text(text::from_csl_markup(prefix)));
        }
        out.children.push_back(std::move(node));
        if (!ci.suffix.empty()) {
            std::string suffix = ci.suffix;
            if (std::isalnum(static_cast<unsigned char>(suffix.front()))) suffix.insert(0, " ");
            out.children.push_back(from_rich_text(text::from_csl_markup(suffix)));
        }
        return out;
    }

    // Runs of three or more consecutive numbers become "first–last".
    void collapse_numbers(std::vector<OutNode>& rendered, const std::vector<std::size_t>& which,
                          const std::vector<ItemState>& states, OutNode& all) const {
        std::size_t k = 0;
        while (k < rendered.size()) {
            std::size_t end = k + 1;
            while (end < rendered.size() && states[which[end]].citation_number ==
                                                states[which[end - 1]].citation_number + 1) {
                ++end;
            }
            if (end - k >= 3) {
                OutNode range = OutNode::span();
                range.children.push_back(std::move(rendered[k]));
                range.children.push_back(OutNode::leaf("\xE2\x80\x93"));
                range.children.push_back(std::move(rendered[end - 1]));
                all.children.push_back(std::move(range));
            } else {
                for (std::size_t j = k; j < end; ++j)
                    all.children.push_back(std::move(rendered[j]));
            }
            k = end;
        }
    }

    int issued_year(std::size_t item) const {
        const dates::Date* d = items[item].date("issued");
        return d && d->kind != dates::DateKind::none ? d->begin.year : 0;
    }

    // Cites of the same names in a row show the names once: "Doe 2000, 2001; Roe 1999"; with
    // year-suffix collapsing, the same year once: "Doe 2000a, b" ("Doe 2000a–c" ranged).
    void collapse_years(std::vector<OutNode>& rendered, const std::vector<std::size_t>& which,
                        const std::vector<ItemState>& states, OutNode& all) const {
        const Style::Compiled& c = style.compiled();
        std::string group_delimiter = c.cite_group_delimiter.value_or(", ");
        std::string suffix_delimiter = c.year_suffix_delimiter.value_or(
            c.cite_group_delimiter.value_or(c.citation.root.delimiter));
        bool suffixes =
            c.collapse == Collapse::year_suffix || c.collapse == Collapse::year_suffix_ranged;
        struct Group {
            std::string names;
            std::vector<std::vector<std::size_t>> years; // runs of cites of one year
        };
        std::vector<Group> groups;
        for (std::size_t k = 0; k < rendered.size(); ++k) {
            OutNode* names = first_names(rendered[k]);
            std::string text = names ? plain_text(*names) : std::string();
            // Cites of the same names gather after the first of them.
            Group* g = nullptr;
            for (Group& candidate : groups) {
                if (candidate.names == text) g = &candidate;
            }
            if (!g) {
                groups.push_back({text, {{k}}});
                continue;
            }
            if (names) names->children.clear();
            std::size_t last = g->years.back().back();
            bool same_year = suffixes && !states[which[k]].year_suffix.empty() &&
                             !states[which[last]].year_suffix.empty() &&
                             issued_year(which[k]) == issued_year(which[last]) &&
                             !rendered[k].children.empty() && !(which[k] == which[last]);
            if (same_year)
                g->years.back().push_back(k);
            else
                g->years.push_back({k});
        }
        bool previous_collapsed = false;
        all.delimiter.clear();
        for (Group& g : groups) {
            bool collapsed = g.years.size() > 1 || g.years.front().size() > 1;
            if (!all.children.empty()) {
                all.children.push_back(OutNode::leaf(
                    previous_collapsed && c.after_collapse_delimiter ? *c.after_collapse_delimiter
                                                                     : c.citation.root.delimiter));
            }
            previous_collapsed = collapsed;
            OutNode group = OutNode::span();
            bool after_suffixes = false;
            for (const auto& run : g.years) {
                // After a run of collapsed year-suffixes comes the layout's delimiter.
                if (!group.children.empty()) {
                    group.children.push_back(OutNode::leaf(
                        after_suffixes ? c.citation.root.delimiter : group_delimiter));
                }
                after_suffixes = run.size() > 1;
                OutNode year = OutNode::span();
                year.delimiter = suffix_delimiter;
                year.children.push_back(std::move(rendered[run.front()]));
                std::vector<std::string> letters;
                for (std::size_t j = 1; j < run.size(); ++j)
                    letters.push_back(states[which[run[j]]].year_suffix);
                append_suffixes(year, letters, states[which[run.front()]].year_suffix);
                group.children.push_back(std::move(year));
            }
            all.children.push_back(std::move(group));
        }
    }

    // The letters after the first cite's: ranged collapsing joins runs of three or more.
    void append_suffixes(OutNode& year, const std::vector<std::string>& letters,
                         const std::string& first) const {
        bool ranged = style.compiled().collapse == Collapse::year_suffix_ranged;
        std::vector<std::string> all{first};
        all.insert(all.end(), letters.begin(), letters.end());
        std::size_t k = 1;
        auto next_letter = [](const std::string& a, const std::string& b) {
            return a.size() == 1 && b.size() == 1 && b[0] == a[0] + 1;
        };
        if (ranged) {
            std::size_t end = 1;
            while (end < all.size() && next_letter(all[end - 1], all[end])) ++end;
            if (end >= 3) {
                year.children.back().children.push_back(
                    OutNode::leaf("\xE2\x80\x93" + all[end - 1]));
                k = end;
            }
        }
        while (k < all.size()) {
            std::size_t end = k + 1;
            while (ranged && end < all.size() && next_letter(all[end - 1], all[end])) ++end;
            if (end - k >= 3) {
                year.children.push_back(OutNode::leaf(all[k] + "\xE2\x80\x93" + all[end - 1]));
            } else {
                end = k + 1;
                year.children.push_back(OutNode::leaf(all[k]));
            }
            k = end;
        }
    }
};

std::vector<std::string> Processor::Impl::cite(std::span<const Citation> citations) const {
    const Style::Compiled& c = style.compiled();
    std::vector<std::size_t> registry;
    std::vector<bool> seen(items.size(), false);
    for (const Citation& citation : citations) {
        for (const CitationItem& ci : citation.items) {
            auto it = index.find(ci.id);
            if (it == index.end() || seen[it->second]) continue;
            seen[it->second] = true;
            registry.push_back(it->second);
        }
    }
    std::vector<ItemState> states(items.size());
    prepare(registry, states);

    std::vector<std::string> out;
    std::vector<int> first_note(items.size(), 0), last_note(items.size(), -1000000);
    std::vector<bool> cited(items.size(), false);
    const CitationItem* previous_cite = nullptr;
    std::size_t previous_item = std::size_t(-1);
    std::size_t previous_citation_size = 0;
    for (const Citation& citation : citations) {
        struct Cite {
            std::size_t item;
            const CitationItem* ci;
            CiteInfo info;
        };
        std::vector<Cite> cites;
        for (std::size_t k = 0; k < citation.items.size(); ++k) {
            const CitationItem& ci = citation.items[k];
            auto it = index.find(ci.id);
            if (it == index.end()) continue;
            std::size_t i = it->second;
            CiteInfo info;
            info.cite = &ci;
            int note = citation.note_index;
            if (!cited[i]) {
                info.position = Position::first;
                first_note[i] = note;
            } else {
                bool same_as_previous =
                    previous_item == i && (k > 0 || previous_citation_size == 1);
                if (same_as_previous) {
                    bool prev_locator = previous_cite && !previous_cite->locator.empty();
                    bool locator = !ci.locator.empty();
                    if (!locator && !prev_locator)
                        info.position = Position::ibid;
                    else if (locator && (!prev_locator || previous_cite->locator != ci.locator ||
                                         previous_cite->label != ci.label)) {
                        info.position = Position::ibid_with_locator;
                    } else if (!locator && prev_locator) {
                        info.position = Position::subsequent;
                    } else {
                        info.position = Position::ibid;
                    }
                } else {
                    info.position = Position::subsequent;
                }
                info.near_note = note - last_note[i] <= c.near_note_distance;
            }
            info.first_note = first_note[i];
            cited[i] = true;
            last_note[i] = note;
            cites.push_back({i, &ci, info});
            previous_cite = &ci;
            previous_item = i;
        }
        previous_citation_size = cites.size();
        if (!c.citation.sort.empty()) {
            std::vector<std::size_t> order(cites.size());
            std::iota(order.begin(), order.end(), 0);
            std::vector<std::size_t> item_order;
            for (const Cite& ct : cites) item_order.push_back(ct.item);
            std::vector<std::size_t> sorted = item_order;
            // Sorting item indices keeps duplicates stable by position.
            std::vector<std::size_t> positions(cites.size());
            std::iota(positions.begin(), positions.end(), 0);
            std::vector<std::vector<std::string>> keys(cites.size());
            std::vector<std::vector<char>> empty(cites.size());
            for (std::size_t k = 0; k < cites.size(); ++k) {
                for (const SortKey& key : c.citation.sort) {
                    std::string v = sort_value(*citation_eval, key, items[cites[k].item],
                                               states[cites[k].item]);
                    empty[k].push_back(static_cast<char>(v.empty()));
                    keys[k].push_back(collation_key(v));
                }
            }
            std::stable_sort(positions.begin(), positions.end(),
                             [&](std::size_t a, std::size_t b) -> bool {
                                 for (std::size_t k = 0; k < c.citation.sort.size(); ++k) {
                                     if (empty[a][k] != empty[b][k]) return empty[b][k] != 0;
                                     if (empty[a][k]) continue;
                                     int cmp = keys[a][k].compare(keys[b][k]);
                                     if (cmp == 0) continue;
                                     return c.citation.sort[k].descending ? cmp > 0 : cmp < 0;
                                 }
                                 return false;
                             });
            std::vector<Cite> reordered;
            for (std::size_t p : positions) reordered.push_back(cites[p]);
            cites = std::move(reordered);
        }
        std::vector<OutNode> rendered;
        std::vector<std::size_t> rendered_items;
        for (const Cite& ct : cites) {
            Context context{items[ct.item], states[ct.item], ct.info};
            context.text_case_english = english_item(items[ct.item]);
            OutNode node = citation_eval->render(context);
            node.delimiter = "";
            if (ct.ci->suppress_author) {
                if (OutNode* n = first_names(node)) n->children.clear();
            }
            if (!ct.ci->prefix.empty() || !ct.ci->suffix.empty())
                node = with_affixes(std::move(node), *ct.ci);
            rendered.push_back(std::move(node));
            rendered_items.push_back(ct.item);
        }
        OutNode all = OutNode::span();
        all.prefix = c.citation.root.prefix;
        all.suffix = c.citation.root.suffix;
        all.delimiter = c.citation.root.delimiter;
        if (c.collapse == Collapse::citation_number && rendered.size() > 1) {
            collapse_numbers(rendered, rendered_items, states, all);
        } else if (c.collapse != Collapse::none && rendered.size() > 1) {
            collapse_years(rendered, rendered_items, states, all);
        } else {
            // A cite whose prefix begins with punctuation takes the delimiter's place.
            all.delimiter.clear();
            for (std::size_t k = 0; k < rendered.size(); ++k) {
                const std::string& prefix = cites[k].ci->prefix;
                bool punctuated = !prefix.empty() && std::string_view(".,;:").find(prefix[0]) !=
                                                         std::string_view::npos;
                if (rendered[k].empty()) continue;
                if (!all.children.empty() && !punctuated) {
                    all.children.push_back(OutNode::leaf(c.citation.root.delimiter));
                }
                all.children.push_back(std::move(rendered[k]));
            }
        }
        if (c.is_note) capitalize_leading_term(all);
        // The layout's formatting covers its affixes too.
        if (c.citation.root.fmt.any()) {
            OutNode formatted = OutNode::span();
            formatted.fmt = c.citation.root.fmt;
            formatted.children.push_back(std::move(all));
            all = std::move(formatted);
        }
        std::string text;
        write_output(text, all, *format, quotes);
        out.push_back(std::move(text));
    }
    return out;
}

Processor::Processor(const Style& style, std::span<const Locale> locales,
                     std::span<const model::Item> items, const OutputFormat& format,
                     ProcessorOptions options)
    : m_impl(std::make_unique<Impl>(style, locales, items, format, options)) {}
Processor::~Processor() = default;
Processor::Processor(Processor&&) noexcept = default;
Processor& Processor::operator=(Processor&&) noexcept = default;

Bibliography Processor::bibliography() const {
    std::vector<std::size_t> all(m_impl->items.size());
    std::iota(all.begin(), all.end(), 0);
    return m_impl->bibliography(all);
}

Bibliography Processor::bibliography(std::span<const std::string> ids) const {
    std::vector<std::size_t> selected;
    std::vector<bool> seen(m_impl->items.size(), false);
    for (const std::string& id : ids) {
        auto it = m_impl->index.find(id);
        if (it == m_impl->index.end() || seen[it->second]) continue;
        seen[it->second] = true;
        selected.push_back(it->second);
    }
    return m_impl->bibliography(selected);
}

std::vector<std::string> Processor::cite(std::span<const Citation> citations) const {
    return m_impl->cite(citations);
}

std::string Processor::format_bibliography(const Bibliography& bibliography) const {
    std::vector<std::string> entries;
    for (const BibliographyEntry& e : bibliography.entries) entries.push_back(e.content);
    return m_impl->format->bibliography_block(entries);
}

} // namespace bibkit::csl
