// cs:names: name lists with et-al, delimiters, "and", labels, initials, sort order and
// substitution.
#include "evaluator.hpp"
#include "utf8.hpp"

#include <bibkit/text/csl_markup.hpp>
#include <unicode/uchar.h>

namespace bibkit::csl::detail {

namespace {

struct Resolved {
    AndKind and_ = AndKind::none;
    std::string delimiter = ", ";
    DelimiterPrecedes precedes_et_al = DelimiterPrecedes::contextual;
    DelimiterPrecedes precedes_last = DelimiterPrecedes::contextual;
    int et_al_min = 0, et_al_use_first = -1; // -1: not set
    bool et_al_use_last = false;
    NameForm form = NameForm::long_;
    bool initialize = true;
    std::optional<std::string> initialize_with;
    NameAsSortOrder sort_order = NameAsSortOrder::none;
    std::string sort_separator = ", ";
};

// delimiter-precedes-last and delimiter-precedes-et-al: whether the delimiter goes before "and"
// or "et al." (CSL 1.0.2, cs:name). `contextual` is the caller's count rule, which differs
// between the two attributes.
bool delimiter_precedes(DelimiterPrecedes rule, bool contextual, bool after_inverted_name) {
    switch (rule) {
    case DelimiterPrecedes::contextual:
        return contextual;
    case DelimiterPrecedes::after_inverted_name:
        return after_inverted_name;
    case DelimiterPrecedes::always:
        return true;
    case DelimiterPrecedes::never:
        return false;
    }
    return contextual;
}

Resolved resolve(const NameOptions& o, const CiteInfo& cite) {
    Resolved r;
    r.and_ = o.and_.value_or(AndKind::none);
    r.delimiter = o.delimiter.value_or(", ");
    r.precedes_et_al = o.delimiter_precedes_et_al.value_or(DelimiterPrecedes::contextual);
    r.precedes_last = o.delimiter_precedes_last.value_or(DelimiterPrecedes::contextual);
    r.et_al_min = o.et_al_min.value_or(0);
    r.et_al_use_first = o.et_al_use_first.value_or(-1);
    if (cite.cite && cite.position != Position::first) {
        if (o.et_al_subsequent_min) r.et_al_min = *o.et_al_subsequent_min;
        if (o.et_al_subsequent_use_first) r.et_al_use_first = *o.et_al_subsequent_use_first;
    }
    r.et_al_use_last = o.et_al_use_last.value_or(false);
    r.form = o.form.value_or(NameForm::long_);
    r.initialize = o.initialize.value_or(true);
    r.initialize_with = o.initialize_with;
    r.sort_order = o.name_as_sort_order.value_or(NameAsSortOrder::none);
    r.sort_separator = o.sort_separator.value_or(", ");
    return r;
}

// Latin, Greek, Cyrillic and the like put spaces between name parts; CJK names do not.
bool is_romanesque(std::string_view s) {
    int32_t i = 0, n = static_cast<int32_t>(s.size());
    while (i < n) {
        UChar32 c = next_code_point(s, i);
        if (c >= 0x0590 && c < 0x1E00) return false;
        if (c >= 0x2E80) return c >= 0xFB00 && c < 0xFB50;
    }
    return true;
}

void append_first_letter(std::string& out, std::string_view word) {
    int32_t i = 0;
    next_code_point(word, i);
    out.append(word.substr(0, static_cast<std::size_t>(i)));
}

bool starts_lower(std::string_view word) {
    int32_t i = 0;
    return u_islower(next_code_point(word, i));
}

void trim_right(std::string& s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
}

// "John Bertrand" → "J.B."; "Jean-Paul" → "J.-P."; lower-case words (particles) stay.
std::string initialize(std::string_view given, const std::string& with, bool all, bool hyphen) {
    std::string out;
    std::size_t i = 0;
    while (i < given.size()) {
        while (i < given.size() && (given[i] == ' ' || given[i] == '.')) ++i;
        if (i >= given.size()) break;
        std::size_t end = given.find_first_of(" .", i);
        if (end == std::string_view::npos) end = given.size();
        std::string_view word = given.substr(i, end - i);
        bool dotted = end < given.size() && given[end] == '.';
        i = end;
        if (starts_lower(word) && !out.empty()) {
            trim_right(out);
            out += ' ';
            out += word;
            out += ' ';
            continue;
        }
        if (dotted && word.size() > 1 && !all) {
            trim_right(out);
            if (!out.empty() && !out.ends_with('.')) out += ' ';
        }
        bool single = word.size() <= 4 && [&] {
            std::string first;
            append_first_letter(first, word);
            return first.size() == word.size();
        }();
        if (!all && !single && !dotted) {
            trim_right(out);
            if (!out.empty()) out += ' ';
            out += word;
            out += ' ';
            continue;
        }
        // Hyphenated given names keep one initial per part.
        std::size_t part = 0;
        bool first_part = true;
        while (part <= word.size()) {
            std::size_t dash = word.find('-', part);
            std::string_view piece = word.substr(
                part, dash == std::string_view::npos ? std::string_view::npos : dash - part);
            if (!piece.empty()) {
                if (!first_part) {
                    if (hyphen) {
                        trim_right(out);
                        out += '-';
                    }
                }
                append_first_letter(out, piece);
                out += with;
            }
            first_part = false;
            if (dash == std::string_view::npos) break;
            part = dash + 1;
        }
    }
    trim_right(out);
    return out;
}

bool ends_without_space(std::string_view particle) {
    return particle.ends_with('\'') || particle.ends_with("\xE2\x80\x99") ||
           particle.ends_with('-');
}

std::string join_words(std::string_view a, std::string_view b) {
    if (a.empty()) return std::string(b);
    if (b.empty()) return std::string(a);
    std::string out(a);
    if (!ends_without_space(a)) out += ' ';
    out += b;
    return out;
}

// A name part: its pieces (a particle, the name) formatted each, its affixes around them all.
OutNode name_part(std::initializer_list<std::string_view> pieces, const NamePart& part,
                  const Evaluator& ev, const Context& context) {
    Element e;
    e.fmt = part.fmt;
    e.text_case = part.text_case;
    OutNode out = OutNode::span();
    out.prefix = part.prefix;
    out.suffix = part.suffix;
    std::string_view previous;
    for (std::string_view piece : pieces) {
        if (piece.empty()) continue;
        if (!previous.empty() && !ends_without_space(previous))
            out.children.push_back(OutNode::leaf(" "));
        // Names may carry CSL markup (<i>, <sup> …) like other strings.
        OutNode text = piece.find('<') == std::string_view::npos
                           ? OutNode::leaf(std::string(piece))
                           : from_rich_text(text::from_csl_markup(piece));
        out.children.push_back(ev.wrap(e, std::move(text), context));
        previous = piece;
    }
    return out;
}

struct PersonRender {
    const Evaluator& ev;
    const Element& e;
    const Resolved& r;
    Context& context;
    DemoteParticle demote;
    bool hyphen;

    std::string given_text(const model::Person& p, int level) const {
        if (p.given.empty()) return {};
        if (level >= 2 || !r.initialize_with) return p.given;
        return initialize(p.given, *r.initialize_with, r.initialize, hyphen);
    }

    OutNode render(const model::Person& p, bool inverted, int level) const {
        OutNode out = OutNode::span();
        if (!p.literal.empty()) {
            out.children.push_back(name_part({p.literal}, e.family_part, ev, context));
            return out;
        }
        NameForm form = r.form;
        if (form == NameForm::short_ && level >= 1) form = NameForm::long_;
        bool roman = is_romanesque(p.family) && is_romanesque(p.given);
        if (form == NameForm::short_ || p.given.empty()) {
            if (!roman) {
                out.children.push_back(name_part({p.family}, e.family_part, ev, context));
                return out;
            }
            std::string_view dropping = form != NameForm::short_ ? p.dropping_particle : "";
            out.children.push_back(
                name_part({dropping, p.particle, p.family}, e.family_part, ev, context));
            if (form != NameForm::short_ && !p.suffix.empty()) {
                out.children.push_back(OutNode::leaf(" " + p.suffix));
            }
            return out;
        }
        // Disambiguation adds initials where the style gives them, else the whole given name.
        std::string given;
        if (level >= 2 || (level == 1 && !r.initialize_with) || !roman)
            given = p.given;
        else if (level == 1)
            given = initialize(p.given, *r.initialize_with, true, hyphen);
        else
            given = given_text(p, 0);
        if (!roman) {
            out.children.push_back(name_part({p.family}, e.family_part, ev, context));
            out.children.push_back(name_part({given}, e.given_part, ev, context));
            return out;
        }
        if (!inverted) {
            std::string g = join_words(given, p.dropping_particle);
            out.children.push_back(
                name_part({given, p.dropping_particle}, e.given_part, ev, context));
            out.children.push_back(OutNode::leaf(ends_without_space(g) ? "" : " "));
            out.children.push_back(name_part({p.particle, p.family}, e.family_part, ev, context));
            if (!p.suffix.empty()) out.children.push_back(OutNode::leaf(" " + p.suffix));
            return out;
        }
        bool demoted = demote == DemoteParticle::display_and_sort;
        out.children.push_back(
            name_part({demoted ? "" : p.particle, p.family}, e.family_part, ev, context));
        out.children.push_back(OutNode::leaf(r.sort_separator));
        OutNode given_part = name_part({given, p.dropping_particle}, e.given_part, ev, context);
        if (demoted && !p.particle.empty()) {
            // The demoted particle still belongs to the family name's formatting.
            Element family_format;
            family_format.fmt = e.family_part.fmt;
            family_format.text_case = e.family_part.text_case;
            if (!given_part.children.empty()) given_part.children.push_back(OutNode::leaf(" "));
            given_part.children.push_back(
                ev.wrap(family_format, OutNode::leaf(p.particle), context));
        }
        out.children.push_back(std::move(given_part));
        if (!p.suffix.empty()) out.children.push_back(OutNode::leaf(r.sort_separator + p.suffix));
        return out;
    }
};

std::string person_sort_key(const model::Person& p, DemoteParticle demote) {
    if (!p.literal.empty()) return p.literal;
    std::string key = demote == DemoteParticle::never ? join_words(p.particle, p.family) : p.family;
    key += ' ';
    key += p.given;
    std::string particles =
        join_words(p.dropping_particle, demote == DemoteParticle::never ? "" : p.particle);
    if (!particles.empty()) key += ' ' + particles;
    if (!p.suffix.empty()) key += ' ' + p.suffix;
    return key;
}

struct NameList {
    std::string variable;
    const model::Names* names = nullptr;
    bool combined = false; // editor and translator in one list ("editortranslator")
};

} // namespace

std::string Evaluator::names_sort_key(Context& context, std::string_view variable,
                                      const SortKey* key) const {
    const model::Names* names = context.item.name_list(variable);
    if (!names) return {};
    std::size_t count = names->people.size();
    if (key && key->names_min && key->names_use_first && count >= std::size_t(*key->names_min)) {
        count = std::min(count, std::size_t(*key->names_use_first));
    }
    std::string out;
    for (std::size_t i = 0; i < count; ++i) {
        if (i) out += "  ";
        out += person_sort_key(names->people[i], m_style.demote);
    }
    return out;
}

bool Evaluator::names(Context& context, const Element& e, OutNode& parent) const {
    NameOptions options = e.name_options;
    options.inherit(m_layout.names);
    Resolved r = resolve(options, context.cite);
    if (context.sort_mode && context.sort_key) {
        const SortKey* k = context.sort_key;
        if (k->names_min) r.et_al_min = *k->names_min;
        if (k->names_use_first) r.et_al_use_first = *k->names_use_first;
        if (k->names_use_last) r.et_al_use_last = *k->names_use_last;
    }
    std::vector<NameList> lists;
    for (const std::string& v : e.variables) {
        ++context.vars_called;
        if (std::find(context.suppressed.begin(), context.suppressed.end(), v) !=
            context.suppressed.end()) {
            continue;
        }
        const model::Names* n = context.item.name_list(v);
        if (!n || n->people.empty()) continue;
        lists.push_back({v, n, false});
    }
    // Editor and translator the same people: one list with the combined term.
    for (std::size_t i = 0; i + 1 < lists.size(); ++i) {
        for (std::size_t j = i + 1; j < lists.size(); ++j) {
            bool pair = (lists[i].variable == "editor" && lists[j].variable == "translator") ||
                        (lists[i].variable == "translator" && lists[j].variable == "editor");
            if (pair && lists[i].names->people == lists[j].names->people &&
                !m_locale.text("editortranslator", TermForm::long_, false).empty()) {
                lists[i].variable = "editortranslator";
                lists[i].combined = true;
                lists.erase(lists.begin() + static_cast<std::ptrdiff_t>(j));
                break;
            }
        }
    }
    if (lists.empty()) {
        if (!e.has_substitute) return false;
        for (const Element& s : e.substitute) {
            OutNode out = OutNode::span();
            std::vector<std::string> recorded;
            std::vector<std::string>* saved = context.recording;
            context.recording = &recorded;
            int rendered = context.vars_rendered;
            if (s.kind == ElementKind::names && !s.has_name) {
                Element inherit = s;
                inherit.has_name = true;
                inherit.name_options = e.name_options;
                inherit.name_fmt = e.name_fmt;
                inherit.name_prefix = e.name_prefix;
                inherit.name_suffix = e.name_suffix;
                inherit.given_part = e.given_part;
                inherit.family_part = e.family_part;
                if (!inherit.has_et_al) {
                    inherit.has_et_al = e.has_et_al;
                    inherit.et_al_term = e.et_al_term;
                    inherit.et_al_fmt = e.et_al_fmt;
                    inherit.et_al_prefix = e.et_al_prefix;
                    inherit.et_al_suffix = e.et_al_suffix;
                }
                if (!inherit.has_label && e.has_label) {
                    inherit.has_label = true;
                    inherit.label = e.label;
                    inherit.label_before_name = e.label_before_name;
                }
                names(context, inherit, out);
            } else {
                element(context, s, out);
            }
            context.recording = saved;
            // A substitute that calls no variable (a term) ends the substitution, even empty.
            bool calls_variable = s.kind != ElementKind::text || s.source != TextSource::term;
            if (out.empty() && !calls_variable) {
                ++context.vars_rendered;
                return false;
            }
            if (!out.empty()) {
                for (std::string& v : recorded) {
                    if (saved) saved->push_back(v);
                    context.suppressed.push_back(std::move(v));
                }
                if (context.vars_rendered == rendered) ++context.vars_rendered;
                // What substitutes for the names counts as them (subsequent-author-substitute).
                OutNode holder = OutNode::span();
                if (s.kind == ElementKind::names) {
                    holder.children = std::move(out.children);
                } else {
                    OutNode list = OutNode::span();
                    list.is_names = true;
                    list.children = std::move(out.children);
                    holder.children.push_back(std::move(list));
                }
                parent.children.push_back(wrap(e, std::move(holder), context));
                return true;
            }
        }
        return false;
    }
    context.vars_rendered += 1;
    for (const NameList& l : lists) {
        if (!context.recording) continue;
        for (std::string v : {l.combined ? std::string("editor") : l.variable,
                              std::string(l.combined ? "translator" : "")}) {
            if (v.empty()) continue;
            context.recording->push_back(v);
            context.suppressed.push_back(v);
        }
    }
    // Sort keys are the names as styled, all in sort order, particles demoted where asked.
    DemoteParticle demote = m_style.demote;
    if (context.sort_mode) {
        r.sort_order = NameAsSortOrder::all;
        if (demote == DemoteParticle::sort_only) demote = DemoteParticle::display_and_sort;
    }
    PersonRender person{*this, e, r, context, demote, m_style.initialize_with_hyphen};
    OutNode all = OutNode::span();
    all.delimiter = e.has_delimiter ? e.delimiter : m_layout.names_delimiter.value_or("");
    std::size_t total_shown = 0;
    for (const NameList& l : lists) {
        const std::vector<model::Person>& people = l.names->people;
        std::size_t n = people.size();
        std::size_t shown = n;
        bool truncated = l.names->et_al;
        if (r.et_al_min > 0 && r.et_al_use_first >= 0 && n >= std::size_t(r.et_al_min) &&
            std::size_t(r.et_al_use_first) < n) {
            shown = std::min(n, std::size_t(r.et_al_use_first + context.state.names_extra));
            truncated = shown < n;
        }
        total_shown += shown;
        if (r.form == NameForm::count || shown == 0) continue;
        OutNode list = OutNode::span();
        for (std::size_t i = 0; i < shown; ++i) {
            bool inverted = r.sort_order == NameAsSortOrder::all ||
                            (r.sort_order == NameAsSortOrder::first && i == 0);
            if (i > 0) {
                bool last = i + 1 == shown && !truncated;
                bool prev_inverted = people[i - 1].literal.empty() &&
                                     (r.sort_order == NameAsSortOrder::all ||
                                      (r.sort_order == NameAsSortOrder::first && i == 1));
                if (last && r.and_ != AndKind::none) {
                    bool delim = delimiter_precedes(r.precedes_last, shown >= 3, prev_inverted);
                    std::string_view word = r.and_ == AndKind::symbol
                                                ? std::string_view("&")
                                                : m_locale.text("and", TermForm::long_, false);
                    list.children.push_back(OutNode::leaf((delim ? r.delimiter : std::string(" ")) +
                                                          std::string(word) + " "));
                } else {
                    list.children.push_back(OutNode::leaf(r.delimiter));
                }
            }
            list.children.push_back(person.render(
                people[i], inverted, context.state.level_of(context.item, l.names, i)));
        }
        if (truncated && shown > 0) {
            bool last_inverted = people[shown - 1].literal.empty() &&
                                 (r.sort_order == NameAsSortOrder::all ||
                                  (r.sort_order == NameAsSortOrder::first && shown == 1));
            if (r.et_al_use_last && n - shown >= 2) {
                list.children.push_back(OutNode::leaf(r.delimiter + "\xE2\x80\xA6 "));
                list.children.push_back(person.render(
                    people.back(), r.sort_order == NameAsSortOrder::all,
                    context.state.level_of(context.item, l.names, people.size() - 1)));
            } else {
                std::string_view term = context.sort_mode
                                            ? std::string_view()
                                            : m_locale.text(e.et_al_term, TermForm::long_, false);
                if (!term.empty()) {
                    bool delim = delimiter_precedes(r.precedes_et_al, shown >= 2, last_inverted);
                    list.children.push_back(OutNode::leaf(delim ? r.delimiter : " "));
                    OutNode et_al = OutNode::span();
                    et_al.fmt = e.et_al_fmt;
                    et_al.prefix = e.et_al_prefix;
                    et_al.suffix = e.et_al_suffix;
                    et_al.children.push_back(OutNode::leaf(std::string(term)));
                    list.children.push_back(std::move(et_al));
                }
            }
        }
        OutNode named = OutNode::span();
        named.is_names = true;
        named.fmt = e.name_fmt;
        named.prefix = e.name_prefix;
        named.suffix = e.name_suffix;
        named.children.push_back(std::move(list));
        OutNode with_label = OutNode::span();
        if (e.has_label && !e.label.empty() && !context.sort_mode) {
            const Element& le = e.label.front();
            bool plural = le.plural == Plural::always || (le.plural == Plural::contextual && n > 1);
            std::string_view t = m_locale.text(l.variable, term_form(le.form), plural);
            OutNode label_node;
            if (!t.empty()) label_node = wrap(le, OutNode::leaf(std::string(t)), context);
            if (e.label_before_name && !t.empty())
                with_label.children.push_back(std::move(label_node));
            with_label.children.push_back(std::move(named));
            if (!e.label_before_name && !t.empty())
                with_label.children.push_back(std::move(label_node));
        } else {
            with_label.children.push_back(std::move(named));
        }
        all.children.push_back(std::move(with_label));
    }
    if (r.form == NameForm::count) {
        if (total_shown == 0) return false;
        parent.children.push_back(wrap(e, OutNode::leaf(std::to_string(total_shown)), context));
        return true;
    }
    parent.children.push_back(wrap(e, std::move(all), context));
    return true;
}

} // namespace bibkit::csl::detail
