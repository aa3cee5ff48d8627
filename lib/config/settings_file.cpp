#include "keys.hpp"

#include <bibkit/config/settings_file.hpp>
#include <bibkit/core/source_file.hpp>
#include <filesystem>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

namespace bibkit::config {
namespace {

using detail::RawValue;
using Shape = RawValue::Shape;

ConfigError error_at(const Origin& origin, const YAML::Mark& mark, std::string message) {
    ConfigError error{origin.file, 0, 0, std::move(message)};
    if (!mark.is_null()) {
        error.line = origin.first_line + static_cast<std::uint32_t>(mark.line);
        error.column = static_cast<std::uint32_t>(mark.column) + 1;
    }
    return error;
}

// The key table converts values of one level: scalars, lists of scalars, maps of scalars.
// Anything deeper is Shape::other, which every key refuses with its own message.
RawValue raw_value(const YAML::Node& node) {
    RawValue raw;
    if (node.IsScalar()) return RawValue::of(node.Scalar());
    if (node.IsSequence()) {
        raw.shape = Shape::list;
        for (const YAML::Node& item : node) {
            if (!item.IsScalar()) return RawValue{Shape::other, {}, {}, {}};
            raw.list.push_back(item.Scalar());
        }
    } else if (node.IsMap()) {
        raw.shape = Shape::map;
        for (const auto& pair : node) {
            if (!pair.first.IsScalar() || !(pair.second.IsScalar() || pair.second.IsNull()))
                return RawValue{Shape::other, {}, {}, {}};
            raw.map.emplace_back(pair.first.Scalar(),
                                 pair.second.IsNull() ? std::string() : pair.second.Scalar());
        }
    }
    return raw; // null (and yaml-cpp's "undefined") stay Shape::null
}

// An extra key's value as written: templates and filters parse it again if they need to.
std::string raw_text(const YAML::Node& node) {
    if (node.IsScalar()) return node.Scalar();
    if (!node.IsDefined() || node.IsNull()) return {};
    YAML::Emitter out;
    out.SetSeqFormat(YAML::Flow);
    out.SetMapFormat(YAML::Flow);
    out << node;
    return out.c_str();
}

Expected<Overrides, ConfigError> read_mapping(const YAML::Node& map, const Origin& origin) {
    Overrides layer;
    // In document order, so that a repeated key ends with its last value, as in Ruby's YAML.
    for (const auto& pair : map) {
        if (!pair.first.IsScalar())
            return unexpected(
                error_at(origin, pair.first.Mark(), "a setting's name must be a string"));
        const std::string& key = pair.first.Scalar();
        const detail::KeyDef* def = detail::find_key(key);
        if (!def || !def->in_yaml) {
            layer.values.extra[key] = raw_text(pair.second);
        } else if (auto message = detail::assign(layer, *def, raw_value(pair.second), key)) {
            return unexpected(error_at(origin, pair.second.Mark(), std::move(*message)));
        }
    }
    return layer;
}

Expected<Overrides, ConfigError> read_document(const YAML::Node& root, const Origin& origin,
                                               Section section) {
    if (!root.IsDefined() || root.IsNull()) return Overrides{};
    if (!root.IsMap())
        return unexpected(error_at(origin, root.Mark(), "expected a mapping of settings"));
    if (const YAML::Node scholar = root["scholar"]; scholar.IsDefined()) {
        if (scholar.IsNull()) return Overrides{};
        if (!scholar.IsMap())
            return unexpected(error_at(origin, scholar.Mark(), "scholar must be a mapping"));
        return read_mapping(scholar, origin);
    }
    if (section == Section::scholar_only) return Overrides{};
    return read_mapping(root, origin);
}

Expected<std::string, ConfigError> read_text(const std::string& path) {
    auto file = SourceFile::open(path);
    if (!file) return unexpected(ConfigError{path, 0, 0, file.error().message});
    return std::string(file->text());
}

} // namespace

Expected<Overrides, ConfigError> parse_settings_yaml(std::string_view yaml, const Origin& origin,
                                                     Section section) {
    try {
        // yaml-cpp reads from a stream or a std::string: no string_view overload.
        return read_document(YAML::Load(std::string(yaml)), origin, section);
    } catch (const YAML::DeepRecursion& exception) {
        // yaml-cpp 0.7 gives its depth guard the message "bad file".
        return unexpected(error_at(origin, exception.mark, "invalid YAML: nested too deeply"));
    } catch (const YAML::Exception& exception) {
        return unexpected(error_at(origin, exception.mark, "invalid YAML: " + exception.msg));
    } catch (const std::exception& exception) {
        return unexpected(ConfigError{origin.file, 0, 0, exception.what()});
    }
}

Expected<Overrides, ConfigError> read_settings_file(const std::string& path) {
    auto text = read_text(path);
    if (!text) return unexpected(std::move(text.error()));
    return parse_settings_yaml(*text, Origin{path, 1}, Section::scholar_or_top_level);
}

Expected<Settings, ConfigError> load_settings_file(const std::string& path) {
    auto layer = read_settings_file(path);
    if (!layer) return unexpected(std::move(layer.error()));
    return applied(Settings{}, *layer);
}

Expected<Site, ConfigError> load_site(const std::string& dir) {
    namespace fs = std::filesystem;
    const fs::path base = dir.empty() ? fs::path(".") : fs::path(dir);
    fs::path config = base / "_config.yml";
    std::error_code ignored;
    if (!fs::exists(config, ignored) && fs::exists(base / "_config.yaml", ignored))
        config = base / "_config.yaml";
    auto text = read_text(config.string());
    if (!text) return unexpected(std::move(text.error()));
    auto layer = parse_settings_yaml(*text, Origin{config.string(), 1}, Section::scholar_only);
    if (!layer) return unexpected(std::move(layer.error()));
    return Site{base.string(), config.string(), applied(Settings{}, *layer)};
}

} // namespace bibkit::config
