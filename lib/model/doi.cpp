#include "identifier_text.hpp"

#include <bibkit/core/ascii.hpp>
#include <bibkit/model/doi.hpp>

namespace bibkit::model {

namespace {

IdentifierError malformed(std::string_view text, std::string_view why) {
    return {"malformed-doi", "'" + std::string(text) + "' is not a DOI: " + std::string(why)};
}

// Sentence punctuation that follows a DOI pasted into prose; a closing bracket only when the
// DOI does not open one itself (10.1016/S0140-6736(20)30183-5 ends in a digit, but
// 10.1002/(SICI)… legitimately holds brackets).
void trim_trailing_punctuation(std::string& doi) {
    while (!doi.empty()) {
        char c = doi.back();
        if (c == '.' || c == ',' || c == ';' || c == ':') {
            doi.pop_back();
            continue;
        }
        if (c == ')' || c == ']') {
            char open = c == ')' ? '(' : '[';
            long balance = 0;
            for (char d : doi) balance += d == open ? 1 : d == c ? -1 : 0;
            if (balance < 0) {
                doi.pop_back();
                continue;
            }
        }
        break;
    }
}

// 10.NNNN[.NNNN…]/suffix, the registrant code at least four digits, the suffix printable.
const char* syntax_problem(std::string_view doi) {
    if (!doi.starts_with("10.")) return "it must start with '10.'";
    std::size_t i = 3;
    std::size_t digits = 0;
    while (i < doi.size() && (ascii::is_digit(doi[i]) || (doi[i] == '.' && digits > 0))) {
        digits += ascii::is_digit(doi[i]) ? 1 : 0;
        ++i;
    }
    if (digits < 4 || doi[i - 1] == '.') return "the registrant code needs four or more digits";
    if (i >= doi.size() || doi[i] != '/') return "expected '/' after the prefix 10.NNNN";
    if (i + 1 >= doi.size()) return "the suffix after '/' is empty";
    for (std::size_t k = i + 1; k < doi.size(); ++k) {
        auto c = static_cast<unsigned char>(doi[k]);
        if (c <= ' ' || c == 0x7F) return "the suffix holds white space or a control character";
    }
    return nullptr;
}

// Any http(s) URL: the path after the host. Resolvers (doi.org, dx.doi.org, ACM's
// doi.acm.org) and library proxies all put the DOI right after the host.
bool strip_any_host(std::string_view& text) {
    std::string_view rest = text;
    if (detail::istarts_with(rest, "https://")) {
        rest.remove_prefix(8);
    } else if (detail::istarts_with(rest, "http://")) {
        rest.remove_prefix(7);
    } else {
        // Scheme-less resolver forms: "doi.org/10.…", "dx.doi.org/10.…".
        return detail::strip_url_host(text, {"dx.doi.org", "doi.org"});
    }
    std::size_t slash = rest.find('/');
    if (slash == std::string_view::npos) return false;
    text = rest.substr(slash + 1);
    return true;
}

} // namespace

bool is_doi_resolver_url(std::string_view url) {
    std::string_view rest = detail::trim(url);
    if (detail::istarts_with(rest, "https://")) {
        rest.remove_prefix(8);
    } else if (detail::istarts_with(rest, "http://")) {
        rest.remove_prefix(7);
    } else {
        return false;
    }
    std::string host = ascii::lowered(rest.substr(0, rest.find_first_of("/:")));
    return host == "doi.org" || host.ends_with(".doi.org") || host.starts_with("doi.");
}

std::string Doi::key() const {
    return ascii::lowered(value);
}

std::string Doi::url() const {
    std::string out = "https://doi.org/";
    for (char c : value) {
        // Reserved in a URL path, or unsafe: RFC 3986 plus the DOI Handbook's list.
        if (c == '%' || c == '#' || c == '?' || c == '"' || c == '<' || c == '>' || c == '{' ||
            c == '}' || c == '^' || c == '`' || c == '|' || c == '\\' ||
            static_cast<unsigned char>(c) >= 0x80) {
            constexpr char hex[] = "0123456789ABCDEF";
            auto byte = static_cast<unsigned char>(c);
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 15];
        } else {
            out += c;
        }
    }
    return out;
}

Expected<Doi, IdentifierError> parse_doi(std::string_view text) {
    std::string_view input = detail::trim(text);
    if (input.empty()) return unexpected(malformed(text, "the value is empty"));
    std::string_view view = detail::unwrap_url_command(input);
    bool url_form = strip_any_host(view);
    if (!url_form) {
        if (detail::istarts_with(view, "info:doi/")) {
            view.remove_prefix(9);
        } else if (detail::istarts_with(view, "doi:")) {
            view = detail::trim(view.substr(4));
        } else if (detail::istarts_with(view, "doi ")) {
            view = detail::trim(view.substr(4));
        }
    }
    std::string doi = detail::unescape_latex(view);
    if (url_form) {
        std::size_t query = doi.find_first_of("?#");
        if (query != std::string::npos) doi.resize(query);
    }
    // Percent-encoding belongs to URLs; a bare DOI holds it only when pasted from one, and then
    // its '/' is encoded too.
    if (url_form || doi.find('/') == std::string::npos) doi = detail::percent_decode(doi);
    doi = std::string(detail::trim(doi));
    trim_trailing_punctuation(doi);
    if (const char* problem = syntax_problem(doi)) return unexpected(malformed(input, problem));
    return Doi{std::move(doi)};
}

} // namespace bibkit::model
