#pragma once
// A problem found in a name or a name list. Offsets are bytes into the text that was passed in, so
// that the caller (who knows the field's place in the file) can turn them into file:line:col.

#include <bibkit/core/diagnostic.hpp>
#include <cstdint>
#include <string>

namespace bibkit::names {

struct NameDiagnostic {
    Severity severity = Severity::warning;
    std::string code;    // stable: "too-many-commas", "comma-at-end", "empty-name", ...
    std::string message; // one sentence, no trailing period
    std::uint32_t offset = 0;
};

} // namespace bibkit::names
