#include "evaluator.hpp"

#include "utf8.hpp"

#include <algorithm>
#include <bibkit/text/case.hpp>
#include <bibkit/text/csl_markup.hpp>
#include <bibkit/text/plain_text.hpp>
#include <unicode/uchar.h>

namespace bibkit::csl::detail {

namespace {

bool element_uses_year_suffix(const Element& e) {
    if (e.kind == ElementKind::text && e.source == TextSource::variable &&
        e.name == "year-suffix") {
        return true;
    }
    for (const Element& c : e.children) {
        if (element_uses_year_suffix(c)) return true;
    }
    for (const Branch& b : e.branches) {
        for (const Element& c : b.children) {
            if (element_uses_year_suffix(c)) return true;
        }
    }
    for (const Element& c : e.substitute) {
        if (element_uses_year_suffix(c)) return true;
    }
    return false;
}

bool is_suppressed(const Context& context, std::string_view name) {
    for (const std::string& s : context.suppressed) {
        if (s == name) return true;
    }
    return false;
}

// Inside a substitute, a variable that rendered is suppressed at once, even within it.
void record(Context& context, std::string_view name) {
    if (!context.recording) return;
    context.recording->emplace_back(name);
    context.suppressed.emplace_back(name);
}

struct RichToNode {
    const text::RichText& text;
    std::vector<OutNode> stack;
    int nocase_depth = 0;

    void leaf(const text::Node& n) {
        if (n.kind == text::NodeKind::math) {
            stack.back().children.push_back(
                OutNode::math(std::string(text.math_text(n)), std::string(text.source(n)),
                              n.math_style == text::MathStyle::display));
            return;
        }
        stack.back().children.push_back(OutNode::leaf(std::string(text.text(n)), nocase_depth > 0));
    }
    void enter(const text::Node& n) {
        OutNode span = OutNode::span();
        switch (n.kind) {
        case text::NodeKind::italic:
            span.fmt.font_style = FontStyle::italic;
            break;
        case text::NodeKind::bold:
            span.fmt.font_weight = FontWeight::bold;
            break;
        case text::NodeKind::small_caps:
            span.fmt.font_variant = FontVariant::small_caps;
            break;
        case text::NodeKind::superscript:
            span.fmt.vertical_align = VerticalAlign::sup;
            break;
        case text::NodeKind::subscript:
            span.fmt.vertical_align = VerticalAlign::sub;
            break;
        case text::NodeKind::nocase:
            ++nocase_depth;
            break;
        default:
            break;
        }
        stack.push_back(std::move(span));
    }
    void leave(const text::Node& n) {
        if (n.kind == text::NodeKind::nocase) --nocase_depth;
        OutNode done = std::move(stack.back());
        stack.pop_back();
        stack.back().children.push_back(std::move(done));
    }
};

// The leaves of a tree in order, for case changes over several pieces.
void collect_leaves(OutNode& node, std::vector<OutNode*>& out) {
    if (!node.is_span) {
        if (!node.text.empty()) out.push_back(&node);
        return;
    }
    for (OutNode& c : node.children) collect_leaves(c, out);
}

std::string capitalize_all(std::string_view s) {
    std::string out;
    bool at_word_start = true;
    int32_t i = 0, length = static_cast<int32_t>(s.size());
    while (i < length) {
        int32_t start = i;
        UChar32 c = next_code_point(s, i);
        bool lower_word = true;
        if (at_word_start) {
            // Only words in lower case change ("arXiv" stays).
            for (int32_t j = start; j < length;) {
                UChar32 d = next_code_point(s, j);
                if (d == ' ' || d == '-' || d == '/') break;
                if (u_isupper(d)) lower_word = false;
            }
        }
        if (at_word_start && lower_word && u_islower(c)) {
            char buffer[4];
            int32_t n = 0;
            UBool error = false;
            U8_APPEND(buffer, n, 4, u_totitle(c), error);
            (void)error;
            out.append(buffer, static_cast<std::size_t>(n));
        } else {
            out.append(
                s.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
        }
        at_word_start = c == ' ' || c == '-' || c == '/';
    }
    return out;
}

} // namespace

bool is_number_variable(std::string_view name) {
    static constexpr std::string_view k_numbers[] = {
        "chapter-number",  "collection-number", "edition", "issue",       "number",
        "number-of-pages", "number-of-volumes", "volume",  "part-number", "supplement-number"};
    for (std::string_view n : k_numbers) {
        if (n == name) return true;
    }
    return false;
}

TermForm term_form(Form form) {
    switch (form) {
    case Form::short_:
        return TermForm::short_;
    case Form::verb:
        return TermForm::verb;
    case Form::verb_short:
        return TermForm::verb_short;
    case Form::symbol:
        return TermForm::symbol;
    default:
        return TermForm::long_;
    }
}

OutNode from_rich_text(const text::RichText& text) {
    RichToNode builder{text, {}, 0};
    builder.stack.push_back(OutNode::span());
    text::visit(text, builder);
    OutNode root = std::move(builder.stack.front());
    if (root.children.size() == 1) return std::move(root.children.front());
    return root;
}

void strip_periods(OutNode& node) {
    if (!node.is_span) {
        std::erase(node.text, '.');
        return;
    }
    for (OutNode& c : node.children) strip_periods(c);
}

Evaluator::Evaluator(const Style::Compiled& style, const LocaleChain& locale, const Layout& layout)
    : m_style(style), m_locale(locale), m_layout(layout) {
    m_uses_year_suffix = element_uses_year_suffix(style.citation.root) ||
                         element_uses_year_suffix(style.bibliography.root);
    for (const Element& m : style.macros) m_uses_year_suffix |= element_uses_year_suffix(m);
}

OutNode Evaluator::render(Context& context) const {
    OutNode out = OutNode::span();
    children(context, m_layout.root.children, out);
    return out;
}

OutNode Evaluator::render_macro(Context& context, int macro) const {
    OutNode out = OutNode::span();
    if (macro >= 0)
        children(context, m_style.macros[static_cast<std::size_t>(macro)].children, out);
    return out;
}

void Evaluator::children(Context& context, const std::vector<Element>& elements,
                         OutNode& out) const {
    for (const Element& e : elements) element(context, e, out);
}

void Evaluator::element(Context& context, const Element& e, OutNode& parent) const {
    switch (e.kind) {
    case ElementKind::text:
        return text(context, e, parent);
    case ElementKind::number:
        return number(context, e, parent);
    case ElementKind::label:
        return label(context, e, parent);
    case ElementKind::date:
        date(context, e, parent);
        return;
    case ElementKind::names:
        names(context, e, parent);
        return;
    case ElementKind::group:
        return group(context, e, parent);
    case ElementKind::choose:
        return choose(context, e, parent);
    }
}

void Evaluator::apply_case(OutNode& node, TextCase text_case, const Context& context) const {
    if (text_case == TextCase::none) return;
    std::vector<OutNode*> leaves;
    collect_leaves(node, leaves);
    if (leaves.empty()) return;
    if (text_case == TextCase::capitalize_all) {
        for (OutNode* l : leaves) {
            if (!l->nocase) l->text = capitalize_all(l->text);
        }
        return;
    }
    // capitalize-first leaves a first word with capitals alone ("arXiv").
    if (text_case == TextCase::capitalize_first && !leaves.front()->nocase) {
        std::string_view first = leaves.front()->text;
        first = first.substr(0, first.find(' '));
        for (char ch : first) {
            if (ch >= 'A' && ch <= 'Z') return;
        }
    }
    if ((text_case == TextCase::title) && !context.text_case_english) return;
    // Each leaf becomes a span of its own so that its text can be found again afterwards.
    text::RichTextBuilder builder;
    for (OutNode* l : leaves) {
        builder.open(l->nocase ? text::NodeKind::nocase : text::NodeKind::bold);
        builder.append_text(l->text);
        builder.close();
    }
    text::RichText in = builder.finish();
    text::RichText converted;
    switch (text_case) {
    case TextCase::lowercase:
        converted = text::to_lowercase(in);
        break;
    case TextCase::uppercase:
        converted = text::to_uppercase(in);
        break;
    case TextCase::capitalize_first:
        converted = text::capitalize_first(in);
        break;
    case TextCase::sentence:
        converted = text::capitalize_first(in);
        break;
    case TextCase::title:
        converted = text::to_title_case(in);
        break;
    default:
        return;
    }
    std::span<const text::Node> nodes = converted.nodes();
    std::size_t leaf = 0;
    for (std::size_t i = 0; i < nodes.size() && leaf < leaves.size();) {
        std::string joined;
        for (std::size_t j = i + 1; j < nodes[i].end; ++j) {
            if (!nodes[j].is_span()) joined += converted.text(nodes[j]);
        }
        leaves[leaf++]->text = std::move(joined);
        i = nodes[i].end;
    }
}

OutNode Evaluator::wrap(const Element& e, OutNode content, const Context& context) const {
    if (e.strip_periods) strip_periods(content);
    apply_case(content, e.text_case, context);
    if (!content.is_span) {
        OutNode span = OutNode::span();
        span.children.push_back(std::move(content));
        content = std::move(span);
    }
    if (!e.prefix.empty() || !e.suffix.empty() || e.fmt.any() || e.quotes ||
        e.display != Display::none) {
        if (!content.prefix.empty() || !content.suffix.empty() || content.fmt.any() ||
            content.quotes || content.display != Display::none) {
            OutNode outer = OutNode::span();
            outer.children.push_back(std::move(content));
            content = std::move(outer);
        }
        content.prefix = e.prefix;
        content.suffix = e.suffix;
        content.fmt = e.fmt;
        content.quotes = e.quotes;
        content.display = e.display;
    }
    return content;
}

// A variable a substitute rendered is suppressed in the output, not in conditions: `editor`
// still tests true after it stood in for the container's author (apa.csl then prints the
// pages and publisher of an edited book's chapter), as in citeproc-js.
bool Evaluator::has_variable(Context& context, std::string_view name) const {
    if (name == "locator") return context.cite.cite && !context.cite.cite->locator.empty();
    if (name == "citation-number") return context.state.citation_number > 0;
    if (name == "year-suffix") return !context.state.year_suffix.empty();
    if (name == "first-reference-note-number") {
        return context.cite.cite && context.cite.position != Position::first &&
               context.cite.first_note > 0;
    }
    if (const model::Names* n = context.item.name_list(name)) return !n->people.empty();
    if (const dates::Date* d = context.item.date(name)) return d->kind != dates::DateKind::none;
    if (const text::RichText* t = context.item.text(name)) return !t->empty();
    if (const std::string* p = context.item.plain_text(name)) return !p->empty();
    if (name == "page-first") return has_variable(context, "page");
    if (name == "citation-label") return !variable_plain(context, name).empty();
    return false;
}

namespace {

// The first `n` letters (code points) of a name.
std::string first_letters(std::string_view s, int n) {
    std::string out;
    int32_t i = 0, length = static_cast<int32_t>(s.size());
    while (i < length && n > 0) {
        int32_t start = i;
        UChar32 c = next_code_point(s, i);
        if (!u_isalpha(c)) continue;
        out.append(s.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
        --n;
    }
    return out;
}

// citeproc-js's trigraph label: "Doe65", "RoNo78", "DoRoSm99", "ABCD01".
std::string generated_label(const model::Item& item) {
    const model::Names* names = item.name_list("author");
    if (!names || names->people.empty()) names = item.name_list("editor");
    std::string label;
    if (names && !names->people.empty()) {
        std::size_t n = names->people.size();
        auto family = [&](std::size_t k) -> std::string_view {
            const model::Person& p = names->people[k];
            return p.family.empty() ? p.literal : p.family;
        };
        if (n == 1)
            label = first_letters(family(0), 4);
        else if (n == 2)
            label = first_letters(family(0), 2) + first_letters(family(1), 2);
        else if (n == 3)
            label = first_letters(family(0), 2) + first_letters(family(1), 1) +
                    first_letters(family(2), 1);
        else
            for (std::size_t k = 0; k < 4; ++k) label += first_letters(family(k), 1);
    }
    const dates::Date* d = item.date("issued");
    if (d && d->kind != dates::DateKind::none && d->kind != dates::DateKind::literal) {
        int year = d->begin.year % 100;
        if (year < 0) year = -year;
        label += static_cast<char>('0' + year / 10);
        label += static_cast<char>('0' + year % 10);
    }
    return label;
}

} // namespace

std::string Evaluator::variable_plain(Context& context, std::string_view name) const {
    if (is_suppressed(context, name)) return {};
    if (name == "citation-label") {
        const text::RichText* given = context.item.text(name);
        std::string label = given ? text::to_plain_text(*given) : generated_label(context.item);
        if (!label.empty() && !m_uses_year_suffix) label += context.state.year_suffix;
        return label;
    }
    if (name == "locator") return context.cite.cite ? context.cite.cite->locator : std::string();
    if (name == "citation-number") {
        return context.state.citation_number > 0 ? std::to_string(context.state.citation_number)
                                                 : std::string();
    }
    if (name == "year-suffix") return context.state.year_suffix;
    if (name == "first-reference-note-number") {
        return has_variable(context, name) ? std::to_string(context.cite.first_note)
                                           : std::string();
    }
    if (const text::RichText* t = context.item.text(name)) return text::to_plain_text(*t);
    if (const std::string* p = context.item.plain_text(name)) return *p;
    if (name == "page-first") {
        std::string page = variable_plain(context, "page");
        std::size_t end = page.find_first_of("-\xE2,& ");
        return page.substr(0, end);
    }
    return {};
}

bool Evaluator::variable_node(Context& context, std::string_view name, Form form,
                              OutNode& out) const {
    if (is_suppressed(context, name)) return false;
    if (form == Form::short_) {
        std::string short_name = std::string(name) + "-short";
        if (variable_node(context, short_name, Form::long_, out)) return true;
        if (name == "container-title" &&
            variable_node(context, "journalAbbreviation", Form::long_, out)) {
            return true;
        }
    }
    if (const text::RichText* t = context.item.text(name)) {
        if (t->empty()) return false;
        out = from_rich_text(*t);
        return true;
    }
    std::string plain = variable_plain(context, name);
    if (plain.empty()) return false;
    out = OutNode::leaf(std::move(plain));
    return true;
}

void Evaluator::text(Context& context, const Element& e, OutNode& parent) const {
    OutNode content;
    switch (e.source) {
    case TextSource::variable: {
        // An empty year-suffix does not suppress its group: it is filled in later, as the
        // citeproc-js test suite expects.
        if (e.name == "year-suffix")
            context.year_suffix_done = true;
        else
            ++context.vars_called;
        bool page_like = e.name == "page" || e.name == "locator" || is_number_variable(e.name);
        if (page_like) {
            std::string value = variable_plain(context, e.name);
            if (value.empty()) return;
            bool page = e.name == "page" ||
                        (e.name == "locator" && context.cite.cite &&
                         (context.cite.cite->label.empty() || context.cite.cite->label == "page"));
            std::string_view dash = m_locale.text("page-range-delimiter", TermForm::long_, false);
            if (page) {
                content = OutNode::leaf(format_page_range(value, m_style.page_range_format, dash));
            } else if (is_numeric(value)) {
                content = OutNode::leaf(format_page_range(value, PageRangeFormat::none, dash));
            } else if (!variable_node(context, e.name, e.form, content)) {
                return;
            }
        } else if (!variable_node(context, e.name, e.form, content)) {
            return;
        }
        ++context.vars_rendered;
        record(context, e.name);
        if (e.form == Form::short_) record(context, e.name + "-short");
        break;
    }
    case TextSource::macro: {
        content = render_macro(context, e.macro);
        if (content.empty()) return;
        break;
    }
    case TextSource::term: {
        std::string_view t = m_locale.text(e.name, term_form(e.form), e.term_plural);
        if (t.empty()) return;
        content = OutNode::leaf(std::string(t));
        content.term = true;
        break;
    }
    case TextSource::value:
        if (e.name.empty()) return;
        // Values may carry CSL markup, as variables do.
        content = e.name.find('<') == std::string::npos
                      ? OutNode::leaf(e.name)
                      : from_rich_text(text::from_csl_markup(e.name));
        break;
    }
    parent.children.push_back(wrap(e, std::move(content), context));
}

void Evaluator::number(Context& context, const Element& e, OutNode& parent) const {
    ++context.vars_called;
    std::string value = variable_plain(context, e.name);
    if (value.empty()) return;
    ++context.vars_rendered;
    record(context, e.name);
    if (context.sort_mode && is_numeric(value)) {
        value = numeric_sort_key(value);
    } else if (is_numeric(value)) {
        value = format_numbers(value, e.form, m_locale, m_locale.gender_of(e.name));
    } else if (const text::RichText* t = context.item.text(e.name)) {
        parent.children.push_back(wrap(e, from_rich_text(*t), context));
        return;
    }
    parent.children.push_back(wrap(e, OutNode::leaf(std::move(value)), context));
}

void Evaluator::label(Context& context, const Element& e, OutNode& parent) const {
    std::string value = variable_plain(context, e.name);
    if (value.empty()) return;
    std::string term = e.name;
    if (e.name == "locator") {
        term = context.cite.cite && !context.cite.cite->label.empty() ? context.cite.cite->label
                                                                      : "page";
    }
    bool plural = false;
    switch (e.plural) {
    case Plural::always:
        plural = true;
        break;
    case Plural::never:
        plural = false;
        break;
    case Plural::contextual:
        if (e.name == "number-of-pages" || e.name == "number-of-volumes") {
            plural = is_numeric(value) && std::atol(value.c_str()) > 1;
        } else {
            plural = is_plural_value(value);
        }
        break;
    }
    std::string_view t = m_locale.text(term, term_form(e.form), plural);
    if (t.empty()) return;
    parent.children.push_back(wrap(e, OutNode::leaf(std::string(t)), context));
}

// CSL: a group is suppressed when it calls variables and all of them are empty. The counters
// are shared, so what a nested group called and rendered counts for the groups around it.
void Evaluator::group(Context& context, const Element& e, OutNode& parent) const {
    int called = context.vars_called, rendered = context.vars_rendered;
    OutNode out = OutNode::span();
    children(context, e.children, out);
    bool called_any = context.vars_called > called;
    bool rendered_any = context.vars_rendered > rendered;
    if ((called_any && !rendered_any) || out.empty()) return;
    out.delimiter = e.delimiter;
    parent.children.push_back(wrap(e, std::move(out), context));
}

void Evaluator::choose(Context& context, const Element& e, OutNode& parent) const {
    for (const Branch& b : e.branches) {
        if (b.condition.is_else || test(context, b.condition)) {
            children(context, b.children, parent);
            return;
        }
    }
}

bool Evaluator::test(Context& context, const Condition& c) const {
    int trues = 0, total = 0;
    auto add = [&](bool value) {
        ++total;
        if (value) ++trues;
    };
    for (const std::string& t : c.types) add(context.item.csl_type == t);
    for (const std::string& v : c.variables) add(has_variable(context, v));
    for (const std::string& v : c.is_numeric) add(is_numeric(variable_plain(context, v)));
    for (const std::string& v : c.is_uncertain_date) {
        const dates::Date* d = context.item.date(v);
        add(d && d->kind != dates::DateKind::none && d->begin.qualifier != dates::Qualifier::none);
    }
    for (const std::string& l : c.locators) {
        const CitationItem* cite = context.cite.cite;
        std::string label = cite && !cite->label.empty() ? cite->label : "page";
        add(cite && !cite->locator.empty() &&
            (label == l || (l == "sub-verbo" && label == "sub verbo")));
    }
    for (Position p : c.positions) {
        bool value = false;
        if (context.cite.cite) {
            Position at = context.cite.position;
            switch (p) {
            case Position::first:
                value = at == Position::first;
                break;
            case Position::subsequent:
                value = at != Position::first;
                break;
            case Position::ibid:
                value = at == Position::ibid || at == Position::ibid_with_locator;
                break;
            case Position::ibid_with_locator:
                value = at == Position::ibid_with_locator;
                break;
            case Position::near_note:
                value = at != Position::first && context.cite.near_note;
                break;
            }
        }
        add(value);
    }
    if (c.disambiguate) add(context.state.disambiguate == *c.disambiguate);
    switch (c.match) {
    case Match::all:
        return total > 0 && trues == total;
    case Match::any:
        return trues > 0;
    case Match::none:
        return trues == 0;
    }
    return false;
}

} // namespace bibkit::csl::detail
