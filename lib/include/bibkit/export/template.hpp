#pragma once
// Mustache templates (kainjow-mustache) over a small data tree: the mechanism behind the built-in
// news and talk lists and the user's own `--template FILE`.
//
// `{{name}}` is escaped for the output (HTML: & < > " '; Markdown: every character Markdown could
// read as markup), `{{{name}}}` is written as it is: the data tree offers raw values only under
// names ending in `_html` or `_markdown`, which bibkit produced and escaped itself. Empty text is
// left out of the tree, so `{{#name}}…{{/name}}` shows only when there is something to show.

#include <bibkit/core/expected.hpp>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace bibkit::exports {

// Text, a flag, a list or an object (names to values).
class TemplateValue {
  public:
    using List = std::vector<TemplateValue>;
    using Object = std::map<std::string, TemplateValue, std::less<>>;

    TemplateValue() : m_value(Object{}) {}
    static TemplateValue text(std::string text);
    static TemplateValue flag(bool value);
    static TemplateValue list(List items = {});

    // On an object: sets `name` (empty text is left out).
    TemplateValue& set(std::string_view name, std::string text);
    TemplateValue& set(std::string_view name, bool value);
    TemplateValue& set(std::string_view name, TemplateValue value);
    // On a list: appends.
    void push(TemplateValue value);

    const std::variant<std::string, bool, List, Object>& value() const { return m_value; }
    const TemplateValue* find(std::string_view name) const; // on an object; null when absent

  private:
    std::variant<std::string, bool, List, Object> m_value;
};

enum class Escape : std::uint8_t { html, markdown };

struct TemplateError {
    std::string message; // kainjow's, e.g. "Unclosed section "items" at 12"
};

class Template {
  public:
    // Checks the syntax now, so that a bad --template is refused before anything is read.
    static Expected<Template, TemplateError> parse(std::string text);

    Expected<std::string, TemplateError> render(const TemplateValue& data, Escape escape) const;

  private:
    explicit Template(std::string text) : m_text(std::move(text)) {}
    std::string m_text;
};

} // namespace bibkit::exports
