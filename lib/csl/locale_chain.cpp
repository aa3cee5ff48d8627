#include "locale_chain.hpp"

#include "compiled_style.hpp"

namespace bibkit::csl::detail {

namespace {

std::string_view primary(std::string_view lang) {
    return lang.substr(0, lang.find('-'));
}

} // namespace

LocaleChain::LocaleChain(const std::vector<LocaleData>& style_locales,
                         std::span<const Locale> files, std::string_view lang) {
    for (const LocaleData& l : style_locales) {
        if (!lang.empty() && l.lang == lang) m_sources.push_back(&l);
    }
    for (const LocaleData& l : style_locales) {
        if (!lang.empty() && l.lang != lang && l.lang == primary(lang)) m_sources.push_back(&l);
    }
    for (const LocaleData& l : style_locales) {
        if (l.lang.empty()) m_sources.push_back(&l);
    }
    for (const Locale& f : files) m_sources.push_back(&f.compiled().data);
    for (const LocaleData* source : m_sources) {
        if (source->has_ordinals) {
            m_ordinals = source;
            break;
        }
    }
}

// CSL: a locale that defines ordinal terms replaces all ordinal terms of those after it.
const Term* LocaleChain::ordinal_term(std::string_view name, Gender gender) const {
    if (!m_ordinals) return term(name, TermForm::long_, gender);
    auto it = m_ordinals->terms.find(std::string(name));
    if (it == m_ordinals->terms.end()) return nullptr;
    const Term* neuter = nullptr;
    for (const Term& t : it->second) {
        if (t.form != TermForm::long_) continue;
        if (t.gender_form == gender) return &t;
        if (!t.gender_form || t.gender_form == Gender::neuter) neuter = &t;
    }
    return neuter;
}

const Term* LocaleChain::exact(std::string_view name, TermForm form,
                               std::optional<Gender> gender_form) const {
    for (const LocaleData* source : m_sources) {
        auto it = source->terms.find(std::string(name));
        if (it == source->terms.end()) continue;
        const Term* neuter = nullptr;
        for (const Term& t : it->second) {
            if (t.form != form) continue;
            if (t.gender_form == gender_form) return &t;
            if (!t.gender_form || t.gender_form == Gender::neuter) neuter = &t;
        }
        if (neuter) return neuter;
    }
    return nullptr;
}

const Term* LocaleChain::term(std::string_view name, TermForm form,
                              std::optional<Gender> gender_form) const {
    for (;;) {
        if (const Term* t = exact(name, form, gender_form)) return t;
        switch (form) {
        case TermForm::verb_short:
            form = TermForm::verb;
            break;
        case TermForm::symbol:
            form = TermForm::short_;
            break;
        case TermForm::verb:
        case TermForm::short_:
            form = TermForm::long_;
            break;
        case TermForm::long_:
            return nullptr;
        }
    }
}

std::string_view LocaleChain::text(std::string_view name, TermForm form, bool plural) const {
    const Term* t = term(name, form);
    if (!t) return {};
    return plural && t->has_multiple ? t->multiple : t->single;
}

bool LocaleChain::has_term(std::string_view name, TermForm form) const {
    return term(name, form) != nullptr;
}

Gender LocaleChain::gender_of(std::string_view name) const {
    const Term* t = term(name, TermForm::long_);
    return t ? t->gender : Gender::neuter;
}

std::string LocaleChain::ordinal_suffix(long n, Gender gender) const {
    char name[] = "ordinal-00";
    long two = n % 100;
    name[8] = static_cast<char>('0' + two / 10);
    name[9] = static_cast<char>('0' + two % 10);
    if (const Term* t = ordinal_term(name, gender)) {
        // ordinal-0N matches the last digit unless told otherwise; ordinal-NN the last two.
        bool two_digit_match = two >= 10 || t->match != OrdinalMatch::last_digit;
        if (two_digit_match && (t->match != OrdinalMatch::whole_number || n == two)) {
            return t->single;
        }
    }
    name[8] = '0';
    name[9] = static_cast<char>('0' + n % 10);
    if (const Term* t = ordinal_term(name, gender)) {
        if (t->match == OrdinalMatch::last_digit) return t->single;
    }
    if (const Term* t = ordinal_term("ordinal", gender)) return t->single;
    return {};
}

std::string LocaleChain::long_ordinal(long n, Gender gender) const {
    if (n >= 1 && n <= 10) {
        std::string name = n == 10 ? "long-ordinal-10" : "long-ordinal-0" + std::to_string(n);
        if (const Term* t = term(name, TermForm::long_, gender)) return t->single;
    }
    return std::to_string(n) + ordinal_suffix(n, gender);
}

const Element* LocaleChain::date_format(bool numeric) const {
    for (const LocaleData* source : m_sources) {
        const auto& format = numeric ? source->date_numeric : source->date_text;
        if (format) return format.get();
    }
    return nullptr;
}

bool LocaleChain::punctuation_in_quote() const {
    for (const LocaleData* source : m_sources) {
        if (source->punctuation_in_quote) return *source->punctuation_in_quote;
    }
    return false;
}

bool LocaleChain::limit_day_ordinals_to_day_1() const {
    for (const LocaleData* source : m_sources) {
        if (source->limit_day_ordinals_to_day_1) return *source->limit_day_ordinals_to_day_1;
    }
    return false;
}

} // namespace bibkit::csl::detail
