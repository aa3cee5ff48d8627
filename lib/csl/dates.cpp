// cs:date: localized and custom date formats, ranges, seasons, BC/AD, ordinal days, and
// sortable date keys.
#include "evaluator.hpp"

#include <algorithm>
#include <cstdio>

namespace bibkit::csl::detail {

namespace {

constexpr std::string_view k_en_dash = "\xE2\x80\x93";

bool part_allowed(DatePartName name, DateParts parts) {
    switch (parts) {
    case DateParts::year:
        return name == DatePartName::year;
    case DateParts::year_month:
        return name != DatePartName::day;
    case DateParts::year_month_day:
        return true;
    }
    return true;
}

// The date parts to render: the locale's (filtered, with the style's overrides) or the
// style's own.
std::vector<DatePart> effective_parts(const Element& e, const Element* format) {
    if (!format) return e.parts;
    std::vector<DatePart> out;
    for (const DatePart& base : format->parts) {
        if (!part_allowed(base.name, e.date_parts)) continue;
        DatePart p = base;
        for (const DatePart& o : e.parts) {
            if (o.name != p.name) continue;
            if (o.form_set) p.form = o.form;
            if (o.fmt.any()) p.fmt = o.fmt;
            if (o.text_case != TextCase::none) p.text_case = o.text_case;
            if (o.strip_periods) p.strip_periods = true;
            if (o.range_delimiter) p.range_delimiter = o.range_delimiter;
            if (o.affixes_set) {
                p.prefix = o.prefix;
                p.suffix = o.suffix;
            }
        }
        out.push_back(std::move(p));
    }
    return out;
}

int part_value(const dates::DatePoint& d, DatePartName name) {
    switch (name) {
    case DatePartName::year:
        return d.year;
    case DatePartName::month:
        return d.month;
    case DatePartName::day:
        return d.month != 0 && !d.is_season() ? d.day : 0;
    }
    return 0;
}

std::string two_digits(int n) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02d", n);
    return buffer;
}

} // namespace

std::string Evaluator::date_sort_key(const dates::Date& date) const {
    if (date.kind == dates::DateKind::none) return {};
    if (date.kind == dates::DateKind::literal) return "~" + date.literal;
    auto point = [](const dates::DatePoint& p) {
        char buffer[32];
        int month = p.is_season() ? 0 : p.month;
        std::snprintf(buffer, sizeof buffer, "%06d%02d%02d", p.year + 100000, month,
                      p.is_season() ? 0 : p.day);
        return std::string(buffer);
    };
    std::string key = point(date.begin);
    if (date.kind == dates::DateKind::range && date.end_bound == dates::Bound::date) {
        key += point(date.end);
    }
    return key;
}

namespace {

struct PartRenderer {
    const Evaluator& ev;
    const Context& context;
    const Element& date_element;

    std::string value_text(const dates::DatePoint& d, const DatePart& p) const {
        const LocaleChain& locale = ev.locale();
        int value = part_value(d, p.name);
        switch (p.name) {
        case DatePartName::year: {
            if (value == 0 && d.month == 0) return {};
            int year = value;
            std::string text;
            if (p.form == Form::short_ && year > 0)
                text = two_digits(year % 100);
            else
                text = std::to_string(year <= 0 ? -year : year);
            if (year < 0)
                text += locale.text("bc", TermForm::long_, false);
            else if (year > 0 && year < 1000)
                text += locale.text("ad", TermForm::long_, false);
            return text;
        }
        case DatePartName::month: {
            if (value == 0) return {};
            if (d.is_season()) {
                std::string name = "season-0" + std::to_string(value - 20);
                return std::string(locale.text(name, TermForm::long_, false));
            }
            if (p.form == Form::numeric) return std::to_string(value);
            if (p.form == Form::numeric_leading_zeros) return two_digits(value);
            std::string name = "month-" + two_digits(value);
            return std::string(locale.text(
                name, p.form == Form::short_ ? TermForm::short_ : TermForm::long_, false));
        }
        case DatePartName::day: {
            if (value == 0) return {};
            if (p.form == Form::numeric_leading_zeros) return two_digits(value);
            if (p.form == Form::ordinal && (value == 1 || !locale.limit_day_ordinals_to_day_1())) {
                Gender g = d.month >= 1 && d.month <= 12
                               ? locale.gender_of("month-" + two_digits(d.month))
                               : Gender::neuter;
                return std::to_string(value) + locale.ordinal_suffix(value, g);
            }
            return std::to_string(value);
        }
        }
        return {};
    }

    // One part of one date point, with its affixes; `drop_prefix`/`drop_suffix` for the
    // parts next to a range delimiter.
    bool render(const dates::DatePoint& d, const DatePart& p, OutNode& out,
                bool year_suffix) const {
        std::string text = value_text(d, p);
        if (text.empty()) return false;
        Element e;
        e.fmt = p.fmt;
        e.text_case = p.text_case;
        e.strip_periods = p.strip_periods;
        OutNode node = ev.wrap(e, OutNode::leaf(std::move(text)), context);
        OutNode part = OutNode::span();
        part.prefix = p.prefix;
        part.suffix = p.suffix;
        part.children.push_back(std::move(node));
        if (year_suffix && p.name == DatePartName::year) {
            part.children.push_back(OutNode::leaf(context.state.year_suffix));
        }
        out = std::move(part);
        return true;
    }
};

} // namespace

bool Evaluator::date(Context& context, const Element& e, OutNode& parent) const {
    ++context.vars_called;
    const dates::Date* d = context.item.date(e.name);
    if (!d || d->kind == dates::DateKind::none) return false;
    if (context.recording) context.recording->push_back(e.name);
    if (context.sort_mode) {
        ++context.vars_rendered;
        // Only the parts the element shows take part in the key.
        dates::Date shown = *d;
        bool month = e.date_form != DateForm::none ? e.date_parts != DateParts::year : false;
        bool day =
            e.date_form != DateForm::none ? e.date_parts == DateParts::year_month_day : false;
        if (e.date_form == DateForm::none) {
            for (const DatePart& p : e.parts) {
                month |= p.name == DatePartName::month;
                day |= p.name == DatePartName::day;
            }
        }
        for (dates::DatePoint* p : {&shown.begin, &shown.end}) {
            if (!month) p->month = 0;
            if (!day) p->day = 0;
        }
        parent.children.push_back(OutNode::leaf(date_sort_key(shown)));
        return true;
    }
    const Element* format = e.date_form == DateForm::none
                                ? nullptr
                                : m_locale.date_format(e.date_form == DateForm::numeric);
    std::vector<DatePart> parts = effective_parts(e, format);
    if (d->kind == dates::DateKind::literal) {
        // The literal stands for the whole date: only an element that shows the year prints it
        // (as citeproc-js does), so that a style's separate month-and-day element does not
        // print it a second time.
        bool shows_year = std::any_of(parts.begin(), parts.end(), [](const DatePart& p) {
            return p.name == DatePartName::year;
        });
        if (!shows_year) return false;
        ++context.vars_rendered;
        parent.children.push_back(wrap(e, OutNode::leaf(d->literal), context));
        return true;
    }
    std::string delimiter = format ? format->delimiter : e.delimiter;
    bool add_suffix = !context.state.year_suffix.empty() && !m_uses_year_suffix &&
                      !context.year_suffix_done && e.name == "issued";
    PartRenderer renderer{*this, context, e};

    OutNode out = OutNode::span();
    out.delimiter = delimiter;
    bool is_range = d->kind == dates::DateKind::range;
    const dates::DatePoint& b = d->begin;
    const dates::DatePoint& en = d->end;
    if (!is_range || (d->end_bound == dates::Bound::date && b == en)) {
        for (const DatePart& p : parts) {
            OutNode node;
            if (renderer.render(b, p, node, add_suffix)) out.children.push_back(std::move(node));
        }
    } else if (d->end_bound != dates::Bound::date) {
        for (const DatePart& p : parts) {
            OutNode node;
            if (renderer.render(b, p, node, false)) out.children.push_back(std::move(node));
        }
        std::string range(k_en_dash);
        for (const DatePart& p : parts) {
            if (p.name == DatePartName::year && p.range_delimiter) range = *p.range_delimiter;
        }
        OutNode whole = OutNode::span();
        whole.children.push_back(std::move(out));
        whole.children.push_back(OutNode::leaf(range));
        out = std::move(whole);
    } else {
        // The largest part that differs decides what is repeated on both sides.
        DatePartName largest = b.year != en.year     ? DatePartName::year
                               : b.month != en.month ? DatePartName::month
                                                     : DatePartName::day;
        auto differs = [&](DatePartName n) {
            if (largest == DatePartName::year) return true;
            if (largest == DatePartName::month) return n != DatePartName::year;
            return n == DatePartName::day;
        };
        std::string range(k_en_dash);
        for (const DatePart& p : parts) {
            if (p.name == largest && p.range_delimiter) range = *p.range_delimiter;
        }
        std::size_t first = parts.size(), last = 0;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (differs(parts[i].name)) {
                first = std::min(first, i);
                last = i;
            }
        }
        std::vector<OutNode> nodes;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (i == first) {
                OutNode begin_run = OutNode::span(), end_run = OutNode::span();
                begin_run.delimiter = delimiter;
                end_run.delimiter = delimiter;
                for (std::size_t j = first; j <= last; ++j) {
                    OutNode node;
                    if (renderer.render(b, parts[j], node, false))
                        begin_run.children.push_back(std::move(node));
                    OutNode end_node;
                    if (renderer.render(en, parts[j], end_node,
                                        add_suffix && last + 1 >= parts.size())) {
                        end_run.children.push_back(std::move(end_node));
                    }
                }
                // The range delimiter replaces the affixes that face it.
                if (!begin_run.children.empty()) begin_run.children.back().suffix.clear();
                if (!end_run.children.empty()) end_run.children.front().prefix.clear();
                OutNode run = OutNode::span();
                run.delimiter = range;
                run.children.push_back(std::move(begin_run));
                run.children.push_back(std::move(end_run));
                nodes.push_back(std::move(run));
                i = last;
                continue;
            }
            OutNode node;
            if (renderer.render(b, parts[i], node, add_suffix)) nodes.push_back(std::move(node));
        }
        out.children = std::move(nodes);
    }
    if (out.empty()) return false;
    if (add_suffix) context.year_suffix_done = true;
    ++context.vars_rendered;
    if (format) {
        OutNode localized = OutNode::span();
        localized.prefix = format->prefix;
        localized.suffix = format->suffix;
        localized.fmt = format->fmt;
        localized.children.push_back(std::move(out));
        out = std::move(localized);
    }
    parent.children.push_back(wrap(e, std::move(out), context));
    return true;
}

} // namespace bibkit::csl::detail
