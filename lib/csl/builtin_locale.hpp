#pragma once
// The text of bibkit's built-in en-US locale (Locale::builtin_en_us parses it), for the test that
// compares it term by term with the CSL project's en-US.

#include <string_view>

namespace bibkit::csl::detail {

std::string_view builtin_en_us_xml();

} // namespace bibkit::csl::detail
