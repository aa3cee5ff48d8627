#pragma once
// Web addresses from `url` and `howpublished` fields: `\url{…}` and `\href{…}{…}` unwrapped,
// LaTeX escapes (`\_`, `\%`, `\#`) undone, and only http, https and ftp accepted, so that a
// `javascript:` or `file:` value never becomes a link.

#include <bibkit/core/expected.hpp>
#include <bibkit/model/identifier_error.hpp>
#include <string>
#include <string_view>

namespace bibkit::model {

// Codes: "unsupported-url-scheme" (mailto:, file:, javascript:, …), "malformed-url" (no scheme,
// no host, white space inside).
Expected<std::string, IdentifierError> parse_url(std::string_view text);

} // namespace bibkit::model
