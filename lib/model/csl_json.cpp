#include <algorithm>
#include <bibkit/core/json_writer.hpp>
#include <bibkit/dates/date_output.hpp>
#include <bibkit/model/csl_json.hpp>
#include <bibkit/text/csl_markup.hpp>
#include <nlohmann/json.hpp>

namespace bibkit::model {

namespace {

void write_value(JsonWriter& json, const nlohmann::json& value) {
    switch (value.type()) {
    case nlohmann::json::value_t::object:
        json.begin_object();
        for (const auto& [key, member] : value.items()) {
            json.key(key);
            write_value(json, member);
        }
        json.end_object();
        break;
    case nlohmann::json::value_t::array:
        json.begin_array();
        for (const auto& member : value) write_value(json, member);
        json.end_array();
        break;
    case nlohmann::json::value_t::string:
        json.value(value.get_ref<const std::string&>());
        break;
    case nlohmann::json::value_t::boolean:
        json.value(value.get<bool>());
        break;
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
        json.value(value.get<std::int64_t>());
        break;
    default:
        json.null();
        break;
    }
}

void write_person(JsonWriter& json, const Person& person) {
    json.begin_object();
    auto part = [&](std::string_view key, const std::string& text) {
        if (text.empty()) return;
        json.key(key);
        json.value(text);
    };
    if (!person.literal.empty()) {
        part("literal", person.literal);
    } else {
        part("family", person.family);
        part("given", person.given);
        part("non-dropping-particle", person.particle);
        part("dropping-particle", person.dropping_particle);
        part("suffix", person.suffix);
    }
    json.end_object();
}

// One variable of any kind, so that they can be written in one order: by name.
struct Slot {
    std::string_view name;
    const void* value;
    enum class Kind { text, plain, names, date } kind;
    bool operator<(const Slot& other) const { return name < other.name; }
};

void write_item(JsonWriter& json, const Item& item, std::string& scratch) {
    std::vector<Slot> slots;
    for (const auto& v : item.texts) slots.push_back({v.name, &v.value, Slot::Kind::text});
    for (const auto& v : item.plain) slots.push_back({v.name, &v.value, Slot::Kind::plain});
    for (const auto& v : item.names) slots.push_back({v.name, &v.value, Slot::Kind::names});
    for (const auto& v : item.dates) slots.push_back({v.name, &v.value, Slot::Kind::date});
    std::stable_sort(slots.begin(), slots.end());
    json.begin_object();
    json.key("id");
    json.value(item.key);
    json.key("type");
    json.value(item.csl_type);
    for (const Slot& slot : slots) {
        switch (slot.kind) {
        case Slot::Kind::text: {
            const auto& text = *static_cast<const text::RichText*>(slot.value);
            scratch.clear();
            text::append_csl_markup(scratch, text);
            if (scratch.empty()) continue;
            json.key(slot.name);
            json.value(scratch);
            break;
        }
        case Slot::Kind::plain:
            json.key(slot.name);
            json.value(*static_cast<const std::string*>(slot.value));
            break;
        case Slot::Kind::names: {
            const auto& names = *static_cast<const Names*>(slot.value);
            if (names.people.empty()) continue;
            json.key(slot.name);
            json.begin_array();
            for (const Person& person : names.people) write_person(json, person);
            json.end_array();
            break;
        }
        case Slot::Kind::date: {
            nlohmann::json date = dates::to_csl_json(*static_cast<const dates::Date*>(slot.value));
            if (date.is_null()) continue;
            json.key(slot.name);
            write_value(json, date);
            break;
        }
        }
    }
    json.end_object();
}

} // namespace

void write_csl_json(std::string& out, std::span<const Item> items, JsonLayout layout) {
    JsonWriter json(out, layout == JsonLayout::indented);
    std::string scratch;
    json.begin_array();
    for (const Item& item : items) write_item(json, item, scratch);
    json.end_array();
    out += '\n';
}

} // namespace bibkit::model
