#include <bibkit/export/template.hpp>
#include <bibkit/text/html.hpp>
#include <bibkit/text/markdown.hpp>
#include <kainjow/mustache.hpp>

namespace bibkit::exports {

namespace mustache = kainjow::mustache;

TemplateValue TemplateValue::text(std::string text) {
    TemplateValue value;
    value.m_value = std::move(text);
    return value;
}

TemplateValue TemplateValue::flag(bool flag) {
    TemplateValue value;
    value.m_value = flag;
    return value;
}

TemplateValue TemplateValue::list(List items) {
    TemplateValue value;
    value.m_value = std::move(items);
    return value;
}

TemplateValue& TemplateValue::set(std::string_view name, std::string text) {
    if (text.empty()) return *this;
    return set(name, TemplateValue::text(std::move(text)));
}

TemplateValue& TemplateValue::set(std::string_view name, bool value) {
    return set(name, flag(value));
}

TemplateValue& TemplateValue::set(std::string_view name, TemplateValue value) {
    std::get<Object>(m_value).insert_or_assign(std::string(name), std::move(value));
    return *this;
}

void TemplateValue::push(TemplateValue value) {
    std::get<List>(m_value).push_back(std::move(value));
}

const TemplateValue* TemplateValue::find(std::string_view name) const {
    const Object* object = std::get_if<Object>(&m_value);
    if (!object) return nullptr;
    auto found = object->find(name);
    return found == object->end() ? nullptr : &found->second;
}

namespace {

mustache::data to_mustache(const TemplateValue& value) {
    struct Convert {
        mustache::data operator()(const std::string& text) const { return {text}; }
        mustache::data operator()(bool flag) const {
            return flag ? mustache::data::type::bool_true : mustache::data::type::bool_false;
        }
        mustache::data operator()(const TemplateValue::List& items) const {
            mustache::data list(mustache::data::type::list);
            for (const TemplateValue& item : items) list.push_back(to_mustache(item));
            return list;
        }
        mustache::data operator()(const TemplateValue::Object& members) const {
            mustache::data object;
            for (const auto& [name, member] : members) object.set(name, to_mustache(member));
            return object;
        }
    };
    return std::visit(Convert{}, value.value());
}

std::string escaped(const std::string& text, Escape escape) {
    std::string out;
    if (escape == Escape::html)
        text::append_html_escaped(out, text);
    else
        text::append_markdown_escaped(out, text);
    return out;
}

// Liquid's index into an array, `{{entry.author_array[0].last}}` (jekyll-scholar's templates),
// as the dotted name Mustache resolves, `{{entry.author_array.0.last}}`: inside tags only.
std::string with_dotted_indices(std::string text) {
    std::string out;
    out.reserve(text.size());
    bool in_tag = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!in_tag && text.compare(i, 2, "{{") == 0) {
            in_tag = true;
        } else if (in_tag && text.compare(i, 2, "}}") == 0) {
            in_tag = false;
        } else if (in_tag && text[i] == '[') {
            std::size_t end = i + 1;
            while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
            if (end > i + 1 && end < text.size() && text[end] == ']') {
                out += '.';
                out.append(text, i + 1, end - i - 1);
                i = end;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

} // namespace

Expected<Template, TemplateError> Template::parse(std::string text) {
    text = with_dotted_indices(std::move(text));
    mustache::mustache parsed(text);
    if (!parsed.is_valid()) return unexpected(TemplateError{parsed.error_message()});
    return Template(std::move(text));
}

Expected<std::string, TemplateError> Template::render(const TemplateValue& data,
                                                      Escape escape) const {
    mustache::mustache parsed(m_text);
    parsed.set_custom_escape([escape](const std::string& text) { return escaped(text, escape); });
    std::string out = parsed.render(to_mustache(data));
    if (!parsed.is_valid()) return unexpected(TemplateError{parsed.error_message()});
    return out;
}

} // namespace bibkit::exports
