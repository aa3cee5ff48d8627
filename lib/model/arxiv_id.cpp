#include "identifier_text.hpp"

#include <array>
#include <bibkit/core/ascii.hpp>
#include <bibkit/model/arxiv_id.hpp>

namespace bibkit::model {

namespace {

// Every archive that issued old-style identifiers (arXiv's list; archives founded after March
// 2007, such as stat and q-fin, only ever had new-style ids).
constexpr std::array<std::string_view, 34> k_legacy_archives{
    "acc-phys", "adap-org", "alg-geom", "ao-sci",   "astro-ph", "atom-ph",  "bayes-an",
    "chao-dyn", "chem-ph",  "cmp-lg",   "comp-gas", "cond-mat", "cs",       "dg-ga",
    "funct-an", "gr-qc",    "hep-ex",   "hep-lat",  "hep-ph",   "hep-th",   "math",
    "math-ph",  "mtrl-th",  "nlin",     "nucl-ex",  "nucl-th",  "patt-sol", "physics",
    "plasm-ph", "q-alg",    "q-bio",    "quant-ph", "solv-int", "supr-con",
};

IdentifierError malformed(std::string_view text, const std::string& why) {
    return {"malformed-arxiv-id", "'" + std::string(text) + "' is not an arXiv id: " + why};
}

bool all_digits(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text)
        if (!ascii::is_digit(c)) return false;
    return true;
}

int two_digits(std::string_view text) {
    return (text[0] - '0') * 10 + (text[1] - '0');
}

// Splits "…vN" off the end; false when a 'v' is there but no valid version follows.
bool split_version(std::string_view& id, std::uint32_t& version, std::string& problem) {
    std::size_t v = id.find_last_of("vV");
    std::size_t slash = id.rfind('/');
    if (v == std::string_view::npos || (slash != std::string_view::npos && v < slash)) return true;
    std::string_view digits = id.substr(v + 1);
    if (!all_digits(digits) || digits.front() == '0' || digits.size() > 6) {
        problem = "the version after 'v' must be a number from 1";
        return false;
    }
    std::uint32_t value = 0;
    for (char c : digits) value = value * 10 + static_cast<std::uint32_t>(c - '0');
    version = value;
    id = id.substr(0, v);
    return true;
}

// The id part of an arxiv.org URL: /abs/ID, /pdf/ID[.pdf], /ps/ID, /format/ID.
bool strip_arxiv_url(std::string_view& text, std::string& problem) {
    std::string_view rest = text;
    if (!detail::strip_url_host(rest, {"export.arxiv.org", "arxiv.org"})) return true;
    std::size_t end = rest.find_first_of("?#");
    if (end != std::string_view::npos) rest = rest.substr(0, end);
    while (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
    for (std::string_view path : {"abs/", "pdf/", "ps/", "format/"}) {
        if (detail::istarts_with(rest, path)) {
            rest.remove_prefix(path.size());
            if (detail::iends_with(rest, ".pdf")) rest.remove_suffix(4);
            text = rest;
            return true;
        }
    }
    problem = "an arxiv.org URL must point to /abs/ or /pdf/";
    return false;
}

Expected<ArxivId, IdentifierError> parse_modern(std::string_view input, std::string_view id,
                                                std::uint32_t version) {
    std::size_t dot = id.find('.');
    std::string_view yymm = id.substr(0, dot);
    std::string_view number = dot == std::string_view::npos ? "" : id.substr(dot + 1);
    if (dot != 4 || !all_digits(yymm) || !all_digits(number))
        return unexpected(malformed(input, "expected YYMM.NNNNN or archive/YYMMNNN"));
    int month = two_digits(yymm.substr(2));
    if (month < 1 || month > 12)
        return unexpected(
            malformed(input, "month " + std::string(yymm.substr(2)) + " does not exist"));
    int stamp = two_digits(yymm) * 100 + month;
    if (stamp < 704)
        return unexpected(malformed(input, "new-style ids start in April 2007 (0704)"));
    std::size_t want = stamp < 1501 ? 4 : 5;
    if (number.size() != want)
        return unexpected(
            malformed(input, "ids from " + std::string(yymm) + " have " + std::to_string(want) +
                                 " digits after the dot, not " + std::to_string(number.size())));
    return ArxivId{std::string(id), version, ArxivStyle::modern, {}};
}

Expected<ArxivId, IdentifierError> parse_legacy(std::string_view input, std::string_view id,
                                                std::uint32_t version) {
    std::size_t slash = id.find('/');
    std::string_view category = id.substr(0, slash);
    std::string_view number = id.substr(slash + 1);
    std::size_t dot = category.find('.');
    std::string archive = ascii::lowered(category.substr(0, dot));
    bool known = false;
    for (std::string_view name : k_legacy_archives) known = known || name == archive;
    if (!known) return unexpected(malformed(input, "unknown archive '" + archive + "'"));
    std::string subject;
    if (dot != std::string_view::npos) {
        subject = category.substr(dot + 1);
        bool letters = !subject.empty();
        for (char c : subject)
            letters =
                letters && ((ascii::to_lower(c) >= 'a' && ascii::to_lower(c) <= 'z') || c == '-');
        if (!letters) return unexpected(malformed(input, "bad subject class '" + subject + "'"));
    }
    if (number.size() != 7 || !all_digits(number))
        return unexpected(malformed(input, "old-style ids have seven digits after the '/'"));
    int year = two_digits(number);
    int month = two_digits(number.substr(2));
    if (month < 1 || month > 12)
        return unexpected(
            malformed(input, "month " + std::string(number.substr(2, 2)) + " does not exist"));
    int stamp = (year >= 91 ? 1900 + year : 2000 + year) * 100 + month;
    if (stamp < 199107 || stamp > 200703)
        return unexpected(malformed(input, "old-style ids run from 9107 to 0703"));
    if (number.substr(4) == "000")
        return unexpected(malformed(input, "numbers within a month start at 001"));
    std::string normal = archive;
    if (!subject.empty()) normal += "." + subject;
    std::string category_name = normal;
    normal += "/";
    normal += number;
    return ArxivId{std::move(normal), version, ArxivStyle::legacy, std::move(category_name)};
}

} // namespace

std::string ArxivId::versioned() const {
    return version == 0 ? id : id + "v" + std::to_string(version);
}

std::string ArxivId::abs_url() const {
    return "https://arxiv.org/abs/" + versioned();
}

Expected<ArxivId, IdentifierError> parse_arxiv_id(std::string_view text) {
    std::string_view input = detail::trim(text);
    if (input.empty()) return unexpected(malformed(text, "the value is empty"));
    std::string_view id = detail::unwrap_url_command(input);
    std::string problem;
    if (!strip_arxiv_url(id, problem)) return unexpected(malformed(input, problem));
    if (detail::istarts_with(id, "arxiv:")) id = detail::trim(id.substr(6));
    std::uint32_t version = 0;
    if (!split_version(id, version, problem)) return unexpected(malformed(input, problem));
    if (id.empty()) return unexpected(malformed(input, "no id after the prefix"));
    if (id.find('/') != std::string_view::npos) return parse_legacy(input, id, version);
    return parse_modern(input, id, version);
}

} // namespace bibkit::model
