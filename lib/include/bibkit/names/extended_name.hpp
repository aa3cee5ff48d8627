#pragma once
// biblatex's extended name format (biber): `family=Doe, given=John, prefix=von, suffix=Jr,
// useprefix=true`. Keys are case-insensitive, values may be braced (`given={John Paul}`) or quoted.
// A name is in this form when one of its comma-separated parts has an `=` at brace depth 0 after a
// known key; otherwise it is a BibTeX name, so `{Doe=Smith}` or `a=b` stay ordinary names.

#include <bibkit/names/name_diagnostic.hpp>
#include <optional>
#include <string_view>
#include <vector>

namespace bibkit::names {

enum class UsePrefix : std::uint8_t { unspecified, yes, no };

struct ExtendedName {
    // Views into the name: outer braces or quotes removed, white space trimmed.
    std::string_view family, given, prefix, suffix;
    std::string_view given_initials; // `given-i`, biber's override of the given name's initials
    UsePrefix use_prefix = UsePrefix::unspecified;
};

// The keys that mark the extended format: family, given, prefix, suffix, their `-i` initials
// forms, and useprefix.
bool is_extended_name(std::string_view name);

// The parts of an extended name, or nothing when `name` is not one. Parts without a key and
// unknown keys are reported and ignored.
std::optional<ExtendedName> parse_extended_name(std::string_view name,
                                                std::vector<NameDiagnostic>* diagnostics = nullptr);

} // namespace bibkit::names
