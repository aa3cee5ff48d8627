#include "keys.hpp"

#include <bibkit/config/settings.hpp>

namespace bibkit::config {

std::string to_string(const ConfigError& error) {
    std::string out;
    if (!error.file.empty()) {
        out = error.file;
        if (error.line > 0) out += ':' + std::to_string(error.line);
        if (error.line > 0 && error.column > 0) out += ':' + std::to_string(error.column);
        out += ": ";
    }
    return out + "error: " + error.message;
}

void apply(Settings& settings, const Overrides& layer) {
    for (const std::string& key : layer.keys)
        if (const detail::KeyDef* def = detail::find_key(key))
            detail::copy_key(settings, layer.values, *def, true);
    for (const auto& [key, value] : layer.values.extra) settings.extra[key] = value;
}

Settings applied(Settings settings, const Overrides& layer) {
    apply(settings, layer);
    return settings;
}

void merge(Overrides& base, const Overrides& later) {
    for (const std::string& key : later.keys) {
        const detail::KeyDef* def = detail::find_key(key);
        if (!def) continue;
        // A map the base layer never set still holds the defaults: replace it, do not merge.
        detail::copy_key(base.values, later.values, *def, base.contains(key));
        base.keys.insert(key);
    }
    for (const auto& [key, value] : later.values.extra) base.values.extra[key] = value;
}

} // namespace bibkit::config
