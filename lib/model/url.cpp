#include "identifier_text.hpp"

#include <bibkit/core/ascii.hpp>
#include <bibkit/model/url.hpp>

namespace bibkit::model {

namespace {

IdentifierError error(std::string code, std::string_view text, const std::string& why) {
    return {std::move(code), "'" + std::string(text) + "' is not a usable URL: " + why};
}

bool is_scheme_char(char c) {
    char l = ascii::to_lower(c);
    return (l >= 'a' && l <= 'z') || ascii::is_digit(c) || c == '+' || c == '-' || c == '.';
}

} // namespace

Expected<std::string, IdentifierError> parse_url(std::string_view text) {
    std::string_view input = detail::trim(text);
    if (input.empty()) return unexpected(error("malformed-url", input, "the value is empty"));
    std::string url = detail::unescape_latex(detail::unwrap_url_command(input));
    std::size_t colon = url.find(':');
    std::size_t scheme_end = 0;
    while (scheme_end < url.size() && is_scheme_char(url[scheme_end])) ++scheme_end;
    if (colon == std::string::npos || colon == 0 || scheme_end != colon)
        return unexpected(error("malformed-url", input, "it has no scheme such as https:"));
    std::string scheme = ascii::lowered(std::string_view(url).substr(0, colon));
    if (scheme != "http" && scheme != "https" && scheme != "ftp")
        return unexpected(error("unsupported-url-scheme", input,
                                "only http, https and ftp are accepted, not " + scheme));
    std::string_view rest = std::string_view(url).substr(colon + 1);
    if (!rest.starts_with("//") || rest.size() == 2 || rest[2] == '/')
        return unexpected(error("malformed-url", input, "expected a host after " + scheme + "://"));
    for (char c : url)
        if (static_cast<unsigned char>(c) <= ' ' || c == 0x7F)
            return unexpected(
                error("malformed-url", input, "it holds white space or a control character"));
    for (std::size_t i = 0; i < colon; ++i) url[i] = ascii::to_lower(url[i]);
    return url;
}

} // namespace bibkit::model
