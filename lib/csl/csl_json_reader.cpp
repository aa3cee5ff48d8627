#include <bibkit/csl/csl_json_reader.hpp>
#include <bibkit/text/csl_markup.hpp>
#include <nlohmann/json.hpp>

namespace bibkit::csl {

namespace {

using json = nlohmann::json;

struct Reader {
    CslJsonItems& out;
    const std::string& origin;

    std::string_view keep(std::string value) {
        out.storage.push_back(std::move(value));
        return out.storage.back();
    }

    static std::string scalar(const json& v) {
        if (v.is_string()) return v.get<std::string>();
        if (v.is_number_integer()) return std::to_string(v.get<long long>());
        if (v.is_number_float()) {
            std::string s = v.dump();
            return s;
        }
        if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
        return {};
    }

    static bool lower_word(std::string_view w) {
        return !w.empty() && ((w.front() >= 'a' && w.front() <= 'z') || w.front() == '\'' ||
                              w.starts_with("\xE2\x80\x99"));
    }

    // citeproc-js reads particles written into the family or given name: "van Gogh",
    // "Vincent van"; a ", Jr." after the given name is the suffix.
    static void split_particles(model::Person& p) {
        // A family name in double quotes is taken as written, particles and all.
        if (p.family.size() >= 2 && p.family.front() == '"' && p.family.back() == '"') {
            p.family = p.family.substr(1, p.family.size() - 2);
            return;
        }
        if (p.particle.empty()) {
            std::size_t space = p.family.rfind(' ');
            if (space != std::string::npos && lower_word(p.family)) {
                std::size_t end = 0;
                while (true) {
                    std::size_t next = p.family.find(' ', end);
                    if (next == std::string::npos) break;
                    std::string_view word = std::string_view(p.family).substr(end, next - end);
                    if (!lower_word(word)) break;
                    end = next + 1;
                }
                if (end > 0) {
                    p.particle = p.family.substr(0, end - 1);
                    p.family = p.family.substr(end);
                }
            }
        }
        // A particle joined to the name: "d'Aubignac", "al-One".
        if (p.particle.empty()) {
            std::size_t i = 0;
            while (i < p.family.size() && p.family[i] >= 'a' && p.family[i] <= 'z') ++i;
            std::size_t mark = 0;
            if (i > 0 && i < p.family.size()) {
                if (p.family[i] == '-' || p.family[i] == '\'')
                    mark = 1;
                else if (std::string_view(p.family).substr(i).starts_with("\xE2\x80\x99"))
                    mark = 3;
            }
            std::size_t rest = i + mark;
            if (mark > 0 && rest < p.family.size() &&
                !(p.family[rest] >= 'a' && p.family[rest] <= 'z')) {
                p.particle = p.family.substr(0, rest);
                p.family = p.family.substr(rest);
            }
        }
        if (std::size_t comma = p.given.find(", ");
            comma != std::string::npos && p.suffix.empty()) {
            p.suffix = p.given.substr(comma + 2);
            p.given.resize(comma);
        }
        if (p.dropping_particle.empty()) {
            std::size_t space = p.given.rfind(' ');
            while (space != std::string::npos &&
                   lower_word(std::string_view(p.given).substr(space + 1))) {
                std::string word = p.given.substr(space + 1);
                p.dropping_particle =
                    p.dropping_particle.empty() ? word : word + " " + p.dropping_particle;
                p.given.resize(space);
                space = p.given.rfind(' ');
            }
        }
    }

    model::Names names(const json& v) {
        model::Names names;
        for (const json& n : v) {
            if (!n.is_object()) continue;
            model::Person p;
            auto get = [&](const char* key) {
                auto it = n.find(key);
                return it == n.end() ? std::string() : scalar(*it);
            };
            p.family = get("family");
            p.given = get("given");
            p.particle = get("non-dropping-particle");
            p.dropping_particle = get("dropping-particle");
            p.suffix = get("suffix");
            p.literal = get("literal");
            if (p.literal.empty() && p.family.empty() && p.given.empty()) p.literal = get("name");
            if (p.literal.empty() && p.family.empty() && !p.given.empty()) {
                p.literal = p.given;
                p.given.clear();
            }
            auto parse = n.find("parse-names");
            bool parse_names =
                parse == n.end() ||
                !(parse->is_boolean() ? !parse->get<bool>() : scalar(*parse) == "false");
            if (parse_names && p.literal.empty()) split_particles(p);
            names.people.push_back(std::move(p));
        }
        return names;
    }

    static int number(const json& v) {
        std::string s = scalar(v);
        try {
            return s.empty() ? 0 : std::stoi(s);
        } catch (...) {
            return 0;
        }
    }

    static bool point(const json& parts, dates::DatePoint& p) {
        if (!parts.is_array() || parts.empty()) return false;
        p.year = number(parts[0]);
        if (parts.size() > 1)
            p.month = static_cast<std::uint8_t>(std::clamp(number(parts[1]), 0, 24));
        if (parts.size() > 2)
            p.day = static_cast<std::uint8_t>(std::clamp(number(parts[2]), 0, 31));
        if (p.month > 12 && p.month < 21) p.month = 0;
        return p.year != 0 || scalar(parts[0]) == "0";
    }

    static bool raw_date(std::string_view raw, dates::Date& d) {
        auto parse_point = [](std::string_view s, dates::DatePoint& p) {
            int values[3] = {0, 0, 0};
            int count = 0;
            std::size_t i = 0;
            bool negative = !s.empty() && s.front() == '-';
            if (negative) ++i;
            while (i <= s.size() && count < 3) {
                std::size_t start = i;
                while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
                if (i == start) return false;
                values[count++] = std::stoi(std::string(s.substr(start, i - start)));
                if (i == s.size()) break;
                if (s[i] != '-') return false;
                ++i;
            }
            p.year = negative ? -values[0] : values[0];
            p.month = static_cast<std::uint8_t>(std::clamp(values[1], 0, 24));
            p.day = static_cast<std::uint8_t>(std::clamp(values[2], 0, 31));
            return true;
        };
        std::size_t slash = raw.find('/');
        if (!parse_point(raw.substr(0, slash), d.begin)) return false;
        d.kind = dates::DateKind::single;
        if (slash != std::string_view::npos && parse_point(raw.substr(slash + 1), d.end)) {
            d.kind = dates::DateKind::range;
        }
        return true;
    }

    dates::Date date(const json& v) {
        dates::Date d;
        if (v.is_string()) {
            if (!raw_date(v.get<std::string>(), d)) {
                d.kind = dates::DateKind::literal;
                d.literal = v.get<std::string>();
            }
            return d;
        }
        if (!v.is_object()) return d;
        auto parts = v.find("date-parts");
        if (parts != v.end() && parts->is_array() && !parts->empty() &&
            point((*parts)[0], d.begin)) {
            d.kind = dates::DateKind::single;
            if (parts->size() > 1 && point((*parts)[1], d.end)) d.kind = dates::DateKind::range;
        } else if (auto raw = v.find("raw");
                   raw != v.end() && raw->is_string() && raw_date(raw->get<std::string>(), d)) {
        } else if (auto literal = v.find("literal"); literal != v.end()) {
            d.kind = dates::DateKind::literal;
            d.literal = scalar(*literal);
            return d;
        } else if (auto raw2 = v.find("raw"); raw2 != v.end()) {
            d.kind = dates::DateKind::literal;
            d.literal = scalar(*raw2);
            return d;
        }
        if (auto season = v.find("season"); season != v.end() && d.kind != dates::DateKind::none) {
            int s = number(*season);
            std::string name = scalar(*season);
            if (s == 0) {
                static constexpr std::string_view k_names[] = {"spring", "summer", "autumn",
                                                               "winter"};
                for (int k = 0; k < 4; ++k) {
                    if (name == k_names[k]) s = k + 1;
                }
                if (name == "fall") s = 3;
            }
            if (s >= 1 && s <= 4 && d.begin.month == 0)
                d.begin.month = static_cast<std::uint8_t>(20 + s);
        }
        if (auto circa = v.find("circa"); circa != v.end()) {
            bool on = circa->is_boolean() ? circa->get<bool>()
                                          : (!scalar(*circa).empty() && scalar(*circa) != "0");
            if (on) d.begin.qualifier = dates::Qualifier::approximate;
        }
        return d;
    }

    // Zotero's convention: "name: value" lines in the note set variables the item lacks
    // ("event-date: 2004-10-01/2004-10-14").
    void read_note_variables(model::Item& item) {
        const text::RichText* note = item.text("note");
        if (!note || note->empty()) return;
        std::string all;
        for (const text::Node& n : note->nodes()) {
            if (n.kind == text::NodeKind::text) all += note->text(n);
        }
        std::size_t at = 0;
        while (at < all.size()) {
            std::size_t end = all.find('\n', at);
            if (end == std::string::npos) end = all.size();
            std::string line = all.substr(at, end - at);
            at = end + 1;
            std::size_t colon = line.find(": ");
            if (colon == std::string::npos || colon == 0) continue;
            std::string key = line.substr(0, colon);
            if (key.find_first_not_of("abcdefghijklmnopqrstuvwxyz-") != std::string::npos) continue;
            std::string value = line.substr(colon + 2);
            if (is_date_key(key)) {
                if (item.date(key)) continue;
                dates::Date d;
                if (raw_date(value, d)) item.dates.push_back({keep(key), d});
            } else if (!item.text(key) && !item.plain_text(key) && key != "type" && key != "id") {
                item.texts.push_back({keep(key), text::RichText::from_plain(value)});
            }
        }
    }

    static bool is_date_key(std::string_view key) {
        static constexpr std::string_view k_dates[] = {"accessed", "available-date", "event-date",
                                                       "issued",   "original-date",  "submitted"};
        for (std::string_view d : k_dates) {
            if (key == d) return true;
        }
        return false;
    }

    Expected<model::Item, CslError> item(const json& v, std::size_t index) {
        if (!v.is_object()) {
            return unexpected(
                CslError{"item " + std::to_string(index + 1) + " is not an object", origin, 0, 0});
        }
        model::Item item;
        for (auto it = v.begin(); it != v.end(); ++it) {
            const std::string& key = it.key();
            const json& value = it.value();
            if (key == "id") {
                item.key = keep(scalar(value));
            } else if (key == "type") {
                item.csl_type = keep(scalar(value));
                item.type = item.csl_type;
            } else if (is_date_key(key)) {
                item.dates.push_back({keep(key), date(value)});
            } else if (value.is_array() && !value.empty() && value.front().is_object()) {
                item.names.push_back({keep(key), names(value)});
            } else if (value.is_string()) {
                item.texts.push_back({keep(key), text::from_csl_markup(value.get<std::string>())});
            } else if (value.is_number()) {
                item.plain.push_back({keep(key), scalar(value)});
            }
        }
        // citeproc-js gives an item without id one of its own.
        if (item.key.empty()) item.key = keep("item-" + std::to_string(index + 1));
        read_note_variables(item);
        return item;
    }
};

std::pair<std::uint32_t, std::uint32_t> position(std::string_view text, std::size_t offset) {
    std::uint32_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

} // namespace

Expected<CslJsonItems, CslError> read_csl_json(std::string_view text, std::string origin) {
    json document;
    try {
        document = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
        auto [line, column] = position(text, offset);
        std::string message = e.what();
        if (std::size_t at = message.find("syntax error"); at != std::string::npos) {
            message = message.substr(at);
        }
        return unexpected(CslError{message, std::move(origin), line, column});
    }
    CslJsonItems out;
    Reader reader{out, origin};
    auto add = [&](const json& v, std::size_t index) -> std::optional<CslError> {
        auto item = reader.item(v, index);
        if (!item) return item.error();
        out.items.push_back(std::move(*item));
        return std::nullopt;
    };
    if (document.is_array()) {
        for (std::size_t k = 0; k < document.size(); ++k) {
            if (auto error = add(document[k], k)) return unexpected(*error);
        }
    } else if (document.is_object()) {
        if (auto error = add(document, 0)) return unexpected(*error);
    } else {
        return unexpected(CslError{"expected an array of items", std::move(origin), 1, 1});
    }
    return out;
}

} // namespace bibkit::csl
