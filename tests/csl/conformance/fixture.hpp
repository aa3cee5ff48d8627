#pragma once
// A CSL test-suite fixture (test-suite-FORMAT.rst): its sections by name.

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace bibkit::csl::conformance {

struct Fixture {
    std::string name;
    std::map<std::string, std::string, std::less<>> sections;

    std::optional<std::string_view> section(std::string_view title) const {
        auto it = sections.find(title);
        if (it == sections.end()) return std::nullopt;
        return std::string_view(it->second);
    }
};

// Sections are `>>===== NAME =====>>` … `<<===== NAME =====<<`; text between them is ignored.
Fixture parse_fixture(std::string name, std::string_view text);

} // namespace bibkit::csl::conformance
