#include "element_parser.hpp"

#include <array>
#include <cstring>
#include <sstream>

namespace bibkit::csl::detail {

std::pair<std::uint32_t, std::uint32_t> line_column(std::string_view source, std::size_t offset) {
    std::uint32_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < source.size(); ++i) {
        if (source[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(source[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

void ParseContext::fail(const pugi::xml_node& node, std::string message) {
    if (error) return;
    // pugixml points at the element's name; the element starts at its '<'.
    std::ptrdiff_t offset = node.offset_debug();
    if (node.type() == pugi::node_element && offset > 0) --offset;
    auto [line, column] = line_column(source, static_cast<std::size_t>(offset));
    error = CslError{std::move(message), origin, line, column};
}

namespace {

template <class E, std::size_t N>
bool parse_enum(const pugi::xml_node& node, const char* attribute,
                const std::array<std::pair<const char*, E>, N>& values, E& out,
                ParseContext& context) {
    pugi::xml_attribute a = node.attribute(attribute);
    if (!a) return false;
    for (const auto& [name, value] : values) {
        if (std::strcmp(name, a.value()) == 0) {
            out = value;
            return true;
        }
    }
    context.fail(node, std::string("invalid value \"") + a.value() + "\" for attribute " +
                           attribute + " of <" + node.name() + ">");
    return false;
}

bool parse_bool(const pugi::xml_node& node, const char* attribute, ParseContext& context,
                bool fallback = false) {
    pugi::xml_attribute a = node.attribute(attribute);
    if (!a) return fallback;
    std::string_view v = a.value();
    if (v == "true") return true;
    if (v == "false") return false;
    context.fail(node,
                 std::string("invalid boolean \"") + a.value() + "\" for attribute " + attribute);
    return fallback;
}

std::optional<int> parse_int(const pugi::xml_node& node, const char* attribute,
                             ParseContext& context) {
    pugi::xml_attribute a = node.attribute(attribute);
    if (!a) return std::nullopt;
    std::string_view v = a.value();
    while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    int value = 0;
    if (v.empty()) {
        context.fail(node, std::string("attribute ") + attribute + " is empty");
        return std::nullopt;
    }
    for (char c : v) {
        if (c < '0' || c > '9') {
            context.fail(node, std::string("invalid number \"") + a.value() + "\" for attribute " +
                                   attribute);
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
        if (value > 1000000) value = 1000000;
    }
    return value;
}

std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> out;
    std::istringstream in{std::string(text)};
    std::string word;
    while (in >> word) out.push_back(word);
    return out;
}

constexpr std::array<std::pair<const char*, TextCase>, 6> k_text_cases{{
    {"lowercase", TextCase::lowercase},
    {"uppercase", TextCase::uppercase},
    {"capitalize-first", TextCase::capitalize_first},
    {"capitalize-all", TextCase::capitalize_all},
    {"sentence", TextCase::sentence},
    {"title", TextCase::title},
}};

void parse_formatting(const pugi::xml_node& node, Formatting& fmt, ParseContext& context) {
    parse_enum(node, "font-style",
               std::array<std::pair<const char*, FontStyle>, 3>{{{"normal", FontStyle::normal},
                                                                 {"italic", FontStyle::italic},
                                                                 {"oblique", FontStyle::oblique}}},
               fmt.font_style, context);
    parse_enum(node, "font-variant",
               std::array<std::pair<const char*, FontVariant>, 2>{
                   {{"normal", FontVariant::normal}, {"small-caps", FontVariant::small_caps}}},
               fmt.font_variant, context);
    parse_enum(node, "font-weight",
               std::array<std::pair<const char*, FontWeight>, 3>{{{"normal", FontWeight::normal},
                                                                  {"bold", FontWeight::bold},
                                                                  {"light", FontWeight::light}}},
               fmt.font_weight, context);
    parse_enum(node, "text-decoration",
               std::array<std::pair<const char*, TextDecoration>, 2>{
                   {{"none", TextDecoration::none}, {"underline", TextDecoration::underline}}},
               fmt.text_decoration, context);
    parse_enum(
        node, "vertical-align",
        std::array<std::pair<const char*, VerticalAlign>, 3>{{{"baseline", VerticalAlign::baseline},
                                                              {"sup", VerticalAlign::sup},
                                                              {"sub", VerticalAlign::sub}}},
        fmt.vertical_align, context);
}

constexpr std::array<std::pair<const char*, Form>, 11> k_forms{{
    {"long", Form::long_},
    {"short", Form::short_},
    {"verb", Form::verb},
    {"verb-short", Form::verb_short},
    {"symbol", Form::symbol},
    {"numeric", Form::numeric},
    {"ordinal", Form::ordinal},
    {"long-ordinal", Form::long_ordinal},
    {"roman", Form::roman},
    {"count", Form::count},
    {"numeric-leading-zeros", Form::numeric_leading_zeros},
}};

constexpr std::array<std::pair<const char*, DelimiterPrecedes>, 4> k_precedes{{
    {"contextual", DelimiterPrecedes::contextual},
    {"after-inverted-name", DelimiterPrecedes::after_inverted_name},
    {"always", DelimiterPrecedes::always},
    {"never", DelimiterPrecedes::never},
}};

void parse_text(const pugi::xml_node& node, Element& e, ParseContext& context) {
    if (pugi::xml_attribute a = node.attribute("variable")) {
        e.source = TextSource::variable;
        e.name = a.value();
    } else if (pugi::xml_attribute m = node.attribute("macro")) {
        e.source = TextSource::macro;
        e.name = m.value();
        auto it = context.macros ? context.macros->find(e.name) : decltype(context.macros->end()){};
        if (!context.macros || it == context.macros->end()) {
            context.fail(node, "undefined macro \"" + e.name + "\"");
        } else {
            e.macro = it->second;
        }
    } else if (pugi::xml_attribute t = node.attribute("term")) {
        e.source = TextSource::term;
        e.name = t.value();
        e.term_plural = parse_bool(node, "plural", context);
    } else if (pugi::xml_attribute v = node.attribute("value")) {
        e.source = TextSource::value;
        e.name = v.value();
    } else {
        context.fail(node, "<text> needs variable, macro, term or value");
    }
    parse_enum(node, "form", k_forms, e.form, context);
}

void parse_date(const pugi::xml_node& node, Element& e, ParseContext& context) {
    e.name = node.attribute("variable").value();
    parse_enum(node, "form",
               std::array<std::pair<const char*, DateForm>, 2>{
                   {{"text", DateForm::text}, {"numeric", DateForm::numeric}}},
               e.date_form, context);
    parse_enum(node, "date-parts",
               std::array<std::pair<const char*, DateParts>, 3>{
                   {{"year-month-day", DateParts::year_month_day},
                    {"year-month", DateParts::year_month},
                    {"year", DateParts::year}}},
               e.date_parts, context);
    for (pugi::xml_node child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        if (std::strcmp(child.name(), "date-part") != 0) {
            context.fail(child, std::string("unexpected <") + child.name() + "> in <date>");
            continue;
        }
        DatePart part;
        parse_enum(
            child, "name",
            std::array<std::pair<const char*, DatePartName>, 3>{{{"day", DatePartName::day},
                                                                 {"month", DatePartName::month},
                                                                 {"year", DatePartName::year}}},
            part.name, context);
        part.form_set = parse_enum(child, "form", k_forms, part.form, context);
        parse_formatting(child, part.fmt, context);
        part.affixes_set = child.attribute("prefix") || child.attribute("suffix");
        part.prefix = child.attribute("prefix").value();
        part.suffix = child.attribute("suffix").value();
        parse_enum(child, "text-case", k_text_cases, part.text_case, context);
        part.strip_periods = parse_bool(child, "strip-periods", context);
        if (pugi::xml_attribute r = child.attribute("range-delimiter"))
            part.range_delimiter = r.value();
        e.parts.push_back(std::move(part));
    }
}

void parse_name_element(const pugi::xml_node& node, Element& e, ParseContext& context) {
    e.has_name = true;
    parse_name_options(node, e.name_options, context);
    parse_formatting(node, e.name_fmt, context);
    e.name_prefix = node.attribute("prefix").value();
    e.name_suffix = node.attribute("suffix").value();
    for (pugi::xml_node part : node.children("name-part")) {
        std::string_view which = part.attribute("name").value();
        NamePart& target = which == "given" ? e.given_part : e.family_part;
        if (which != "given" && which != "family") {
            context.fail(part, "invalid name-part name \"" + std::string(which) + "\"");
        }
        parse_formatting(part, target.fmt, context);
        target.prefix = part.attribute("prefix").value();
        target.suffix = part.attribute("suffix").value();
        parse_enum(part, "text-case", k_text_cases, target.text_case, context);
    }
}

void parse_names(const pugi::xml_node& node, Element& e, ParseContext& context) {
    e.variables = split_words(node.attribute("variable").value());
    bool seen_name = false;
    for (pugi::xml_node child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        std::string_view name = child.name();
        if (name == "name") {
            parse_name_element(child, e, context);
            seen_name = true;
        } else if (name == "et-al") {
            e.has_et_al = true;
            if (pugi::xml_attribute t = child.attribute("term")) e.et_al_term = t.value();
            parse_formatting(child, e.et_al_fmt, context);
            e.et_al_prefix = child.attribute("prefix").value();
            e.et_al_suffix = child.attribute("suffix").value();
        } else if (name == "label") {
            e.has_label = true;
            e.label_before_name = !seen_name;
            e.label.push_back(parse_element(child, context));
        } else if (name == "substitute") {
            e.has_substitute = true;
            e.substitute = parse_children(child, context);
        } else {
            context.fail(child, "unexpected <" + std::string(name) + "> in <names>");
        }
    }
}

Condition parse_condition(const pugi::xml_node& node, ParseContext& context) {
    Condition c;
    c.is_else = std::strcmp(node.name(), "else") == 0;
    parse_enum(node, "match",
               std::array<std::pair<const char*, Match>, 3>{
                   {{"all", Match::all}, {"any", Match::any}, {"none", Match::none}}},
               c.match, context);
    c.types = split_words(node.attribute("type").value());
    c.variables = split_words(node.attribute("variable").value());
    c.is_numeric = split_words(node.attribute("is-numeric").value());
    c.is_uncertain_date = split_words(node.attribute("is-uncertain-date").value());
    c.locators = split_words(node.attribute("locator").value());
    for (const std::string& p : split_words(node.attribute("position").value())) {
        if (p == "first")
            c.positions.push_back(Position::first);
        else if (p == "subsequent")
            c.positions.push_back(Position::subsequent);
        else if (p == "ibid")
            c.positions.push_back(Position::ibid);
        else if (p == "ibid-with-locator")
            c.positions.push_back(Position::ibid_with_locator);
        else if (p == "near-note")
            c.positions.push_back(Position::near_note);
        else
            context.fail(node, "invalid position \"" + p + "\"");
    }
    if (node.attribute("disambiguate")) c.disambiguate = parse_bool(node, "disambiguate", context);
    return c;
}

void parse_choose(const pugi::xml_node& node, Element& e, ParseContext& context) {
    for (pugi::xml_node child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        std::string_view name = child.name();
        if (name != "if" && name != "else-if" && name != "else") {
            context.fail(child, "unexpected <" + std::string(name) + "> in <choose>");
            continue;
        }
        Branch branch;
        branch.condition = parse_condition(child, context);
        branch.children = parse_children(child, context);
        e.branches.push_back(std::move(branch));
    }
}

} // namespace

void NameOptions::inherit(const NameOptions& o) {
    if (!and_) and_ = o.and_;
    if (!delimiter) delimiter = o.delimiter;
    if (!delimiter_precedes_et_al) delimiter_precedes_et_al = o.delimiter_precedes_et_al;
    if (!delimiter_precedes_last) delimiter_precedes_last = o.delimiter_precedes_last;
    if (!et_al_min) et_al_min = o.et_al_min;
    if (!et_al_use_first) et_al_use_first = o.et_al_use_first;
    if (!et_al_subsequent_min) et_al_subsequent_min = o.et_al_subsequent_min;
    if (!et_al_subsequent_use_first) et_al_subsequent_use_first = o.et_al_subsequent_use_first;
    if (!et_al_use_last) et_al_use_last = o.et_al_use_last;
    if (!form) form = o.form;
    if (!initialize) initialize = o.initialize;
    if (!initialize_with) initialize_with = o.initialize_with;
    if (!name_as_sort_order) name_as_sort_order = o.name_as_sort_order;
    if (!sort_separator) sort_separator = o.sort_separator;
}

void parse_name_options(const pugi::xml_node& node, NameOptions& o, ParseContext& context) {
    AndKind and_kind{};
    if (parse_enum(node, "and",
                   std::array<std::pair<const char*, AndKind>, 2>{
                       {{"text", AndKind::text}, {"symbol", AndKind::symbol}}},
                   and_kind, context)) {
        o.and_ = and_kind;
    }
    if (pugi::xml_attribute d = node.attribute("delimiter")) o.delimiter = d.value();
    if (pugi::xml_attribute d = node.attribute("name-delimiter")) o.delimiter = d.value();
    DelimiterPrecedes p{};
    if (parse_enum(node, "delimiter-precedes-et-al", k_precedes, p, context)) {
        o.delimiter_precedes_et_al = p;
    }
    if (parse_enum(node, "delimiter-precedes-last", k_precedes, p, context)) {
        o.delimiter_precedes_last = p;
    }
    if (auto v = parse_int(node, "et-al-min", context)) o.et_al_min = v;
    if (auto v = parse_int(node, "et-al-use-first", context)) o.et_al_use_first = v;
    if (auto v = parse_int(node, "et-al-subsequent-min", context)) o.et_al_subsequent_min = v;
    if (auto v = parse_int(node, "et-al-subsequent-use-first", context)) {
        o.et_al_subsequent_use_first = v;
    }
    if (node.attribute("et-al-use-last"))
        o.et_al_use_last = parse_bool(node, "et-al-use-last", context);
    NameForm form{};
    constexpr std::array<std::pair<const char*, NameForm>, 3> forms{
        {{"long", NameForm::long_}, {"short", NameForm::short_}, {"count", NameForm::count}}};
    if (std::strcmp(node.name(), "name") == 0) {
        if (parse_enum(node, "form", forms, form, context)) o.form = form;
    } else if (parse_enum(node, "name-form", forms, form, context)) {
        o.form = form;
    }
    if (node.attribute("initialize")) o.initialize = parse_bool(node, "initialize", context, true);
    if (pugi::xml_attribute i = node.attribute("initialize-with")) o.initialize_with = i.value();
    NameAsSortOrder order{};
    if (parse_enum(node, "name-as-sort-order",
                   std::array<std::pair<const char*, NameAsSortOrder>, 2>{
                       {{"first", NameAsSortOrder::first}, {"all", NameAsSortOrder::all}}},
                   order, context)) {
        o.name_as_sort_order = order;
    }
    if (pugi::xml_attribute s = node.attribute("sort-separator")) o.sort_separator = s.value();
}

namespace {

// Every attribute a CSL 1.0.2 rendering element (or its children) may carry.
bool known_attribute(std::string_view name) {
    static constexpr std::string_view k_known[] = {"and",
                                                   "collapse",
                                                   "date-parts",
                                                   "delimiter",
                                                   "delimiter-precedes-et-al",
                                                   "delimiter-precedes-last",
                                                   "disambiguate",
                                                   "display",
                                                   "et-al-min",
                                                   "et-al-subsequent-min",
                                                   "et-al-subsequent-use-first",
                                                   "et-al-use-first",
                                                   "et-al-use-last",
                                                   "font-style",
                                                   "font-variant",
                                                   "font-weight",
                                                   "form",
                                                   "initialize",
                                                   "initialize-with",
                                                   "is-numeric",
                                                   "is-uncertain-date",
                                                   "locator",
                                                   "macro",
                                                   "match",
                                                   "name",
                                                   "name-as-sort-order",
                                                   "plural",
                                                   "position",
                                                   "prefix",
                                                   "quotes",
                                                   "range-delimiter",
                                                   "sort-separator",
                                                   "strip-periods",
                                                   "suffix",
                                                   "term",
                                                   "text-case",
                                                   "text-decoration",
                                                   "type",
                                                   "value",
                                                   "variable",
                                                   "vertical-align",
                                                   "gender",
                                                   "gender-form"};
    for (std::string_view k : k_known) {
        if (k == name) return true;
    }
    return false;
}

} // namespace

void parse_common(const pugi::xml_node& node, Element& e, ParseContext& context) {
    for (pugi::xml_attribute a : node.attributes()) {
        if (!known_attribute(a.name())) {
            context.fail(node, std::string("unknown attribute ") + a.name() + " on <" +
                                   node.name() + ">");
        }
    }
    parse_formatting(node, e.fmt, context);
    e.prefix = node.attribute("prefix").value();
    e.suffix = node.attribute("suffix").value();
    if (pugi::xml_attribute d = node.attribute("delimiter")) {
        e.delimiter = d.value();
        e.has_delimiter = true;
    }
    parse_enum(
        node, "display",
        std::array<std::pair<const char*, Display>, 4>{{{"block", Display::block},
                                                        {"left-margin", Display::left_margin},
                                                        {"right-inline", Display::right_inline},
                                                        {"indent", Display::indent}}},
        e.display, context);
    parse_enum(node, "text-case", k_text_cases, e.text_case, context);
    e.quotes = parse_bool(node, "quotes", context);
    e.strip_periods = parse_bool(node, "strip-periods", context);
}

Element parse_element(const pugi::xml_node& node, ParseContext& context) {
    Element e;
    if (context.depth >= k_max_element_depth) {
        context.fail(node,
                     "elements nested more than " + std::to_string(k_max_element_depth) + " deep");
        return e;
    }
    ++context.depth;
    e.line = line_column(context.source, static_cast<std::size_t>(node.offset_debug())).first;
    std::string_view name = node.name();
    parse_common(node, e, context);
    if (name == "text") {
        e.kind = ElementKind::text;
        parse_text(node, e, context);
    } else if (name == "number") {
        e.kind = ElementKind::number;
        e.source = TextSource::variable;
        e.name = node.attribute("variable").value();
        e.form = Form::numeric;
        parse_enum(node, "form", k_forms, e.form, context);
    } else if (name == "label") {
        e.kind = ElementKind::label;
        e.name = node.attribute("variable").value();
        parse_enum(node, "form", k_forms, e.form, context);
        parse_enum(
            node, "plural",
            std::array<std::pair<const char*, Plural>, 3>{{{"contextual", Plural::contextual},
                                                           {"always", Plural::always},
                                                           {"never", Plural::never}}},
            e.plural, context);
    } else if (name == "date") {
        e.kind = ElementKind::date;
        parse_date(node, e, context);
    } else if (name == "names") {
        e.kind = ElementKind::names;
        parse_names(node, e, context);
    } else if (name == "group") {
        e.kind = ElementKind::group;
        e.children = parse_children(node, context);
    } else if (name == "choose") {
        e.kind = ElementKind::choose;
        parse_choose(node, e, context);
    } else {
        context.fail(node, "unknown element <" + std::string(name) + ">");
    }
    --context.depth;
    return e;
}

std::vector<Element> parse_children(const pugi::xml_node& node, ParseContext& context) {
    std::vector<Element> out;
    for (pugi::xml_node child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        out.push_back(parse_element(child, context));
    }
    return out;
}

} // namespace bibkit::csl::detail
