#include "compiled_locale.hpp"
#include "compiled_style.hpp"
#include "element_parser.hpp"

#include <cstring>

namespace bibkit::csl {
namespace detail {
namespace {

TermForm term_form(std::string_view form) {
    if (form == "short") return TermForm::short_;
    if (form == "verb") return TermForm::verb;
    if (form == "verb-short") return TermForm::verb_short;
    if (form == "symbol") return TermForm::symbol;
    return TermForm::long_;
}

Gender gender(std::string_view g) {
    if (g == "masculine") return Gender::masculine;
    if (g == "feminine") return Gender::feminine;
    return Gender::neuter;
}

void parse_term(const pugi::xml_node& node, LocaleData& data) {
    Term t;
    t.form = term_form(node.attribute("form").value());
    t.gender = gender(node.attribute("gender").value());
    if (pugi::xml_attribute g = node.attribute("gender-form")) t.gender_form = gender(g.value());
    if (pugi::xml_attribute m = node.attribute("match")) {
        std::string_view v = m.value();
        t.match_set = true;
        t.match = v == "last-two-digits" ? OrdinalMatch::last_two_digits
                  : v == "whole-number"  ? OrdinalMatch::whole_number
                                         : OrdinalMatch::last_digit;
    }
    pugi::xml_node single = node.child("single");
    if (single) {
        t.single = single.text().get();
        t.multiple = node.child("multiple").text().get();
        t.has_multiple = true;
    } else {
        t.single = node.text().get();
    }
    std::string name = node.attribute("name").value();
    if (name.starts_with("ordinal")) data.has_ordinals = true;
    std::vector<Term>& list = data.terms[name];
    // A later definition of the same form and gender replaces the earlier one.
    for (Term& existing : list) {
        if (existing.form == t.form && existing.gender_form == t.gender_form) {
            existing = std::move(t);
            return;
        }
    }
    list.push_back(std::move(t));
}

void parse_options(const pugi::xml_node& node, LocaleData& data) {
    if (pugi::xml_attribute a = node.attribute("punctuation-in-quote")) {
        data.punctuation_in_quote = std::string_view(a.value()) == "true";
    }
    if (pugi::xml_attribute a = node.attribute("limit-day-ordinals-to-day-1")) {
        data.limit_day_ordinals_to_day_1 = std::string_view(a.value()) == "true";
    }
}

} // namespace

Expected<LocaleData, CslError> parse_locale_element(const pugi::xml_node& node,
                                                    std::string_view source,
                                                    const std::string& origin) {
    LocaleData data;
    data.lang = node.attribute("xml:lang").value();
    ParseContext context{source, origin, nullptr, std::nullopt};
    for (pugi::xml_node child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        std::string_view name = child.name();
        if (name == "terms") {
            for (pugi::xml_node term : child.children("term")) parse_term(term, data);
        } else if (name == "style-options") {
            parse_options(child, data);
        } else if (name == "date") {
            auto date = std::make_shared<Element>(parse_element(child, context));
            if (date->date_form == DateForm::numeric)
                data.date_numeric = std::move(date);
            else
                data.date_text = std::move(date);
        } else if (name != "info") {
            context.fail(child, "unknown element <" + std::string(name) + "> in <locale>");
        }
    }
    if (context.error) return unexpected(*context.error);
    return data;
}

} // namespace detail

Expected<Locale, CslError> Locale::parse(std::string_view xml, std::string origin) {
    pugi::xml_document doc;
    pugi::xml_parse_result result = doc.load_buffer(xml.data(), xml.size());
    if (!result) {
        auto [line, column] = detail::line_column(xml, static_cast<std::size_t>(result.offset));
        return unexpected(
            CslError{std::string("XML error: ") + result.description(), origin, line, column});
    }
    pugi::xml_node root = doc.document_element();
    if (std::strcmp(root.name(), "locale") != 0) {
        return unexpected(CslError{"the root element is not <locale>", origin, 1, 1});
    }
    auto data = detail::parse_locale_element(root, xml, origin);
    if (!data) return unexpected(data.error());
    Locale locale;
    locale.m_compiled = std::make_shared<const Compiled>(Compiled{std::move(*data)});
    return locale;
}

std::string_view Locale::tag() const {
    return m_compiled->data.lang;
}

} // namespace bibkit::csl
