#include "identifier_text.hpp"

#include <bibkit/core/ascii.hpp>

namespace bibkit::model::detail {

std::string_view trim(std::string_view text) {
    while (!text.empty() && ascii::is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && ascii::is_space(text.back())) text.remove_suffix(1);
    return text;
}

bool istarts_with(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && ascii::iequals(text.substr(0, prefix.size()), prefix);
}

bool iends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() &&
           ascii::iequals(text.substr(text.size() - suffix.size()), suffix);
}

std::size_t ifind(std::string_view text, std::string_view needle, std::size_t from) {
    if (needle.empty() || text.size() < needle.size()) return std::string_view::npos;
    char first = ascii::to_lower(needle.front());
    for (std::size_t i = from; i + needle.size() <= text.size(); ++i)
        if (ascii::to_lower(text[i]) == first &&
            ascii::iequals(text.substr(i, needle.size()), needle))
            return i;
    return std::string_view::npos;
}

namespace {

// The braced group starting at text[open] == '{', without its braces; npos when unbalanced.
std::string_view braced_argument(std::string_view text, std::size_t open, std::size_t& end) {
    int depth = 0;
    for (std::size_t i = open; i < text.size(); ++i) {
        if (text[i] == '\\') {
            ++i;
            continue;
        }
        if (text[i] == '{') ++depth;
        if (text[i] == '}' && --depth == 0) {
            end = i + 1;
            return text.substr(open + 1, i - open - 1);
        }
    }
    end = std::string_view::npos;
    return {};
}

// The argument of \url{…} or \href{…} starting at `at` (the backslash), or empty.
std::string_view url_command_at(std::string_view text, std::size_t at, std::size_t& end) {
    std::string_view rest = text.substr(at);
    std::size_t name = rest.starts_with("\\url") ? 4 : rest.starts_with("\\href") ? 5 : 0;
    end = std::string_view::npos;
    if (name == 0) return {};
    std::size_t open = at + name;
    while (open < text.size() && ascii::is_space(text[open])) ++open;
    if (open >= text.size() || text[open] != '{') return {};
    std::string_view argument = braced_argument(text, open, end);
    if (end == std::string_view::npos) return {};
    if (name == 5) { // \href{url}{text}: skip the text argument too
        std::size_t second = end;
        while (second < text.size() && ascii::is_space(text[second])) ++second;
        if (second < text.size() && text[second] == '{') {
            std::size_t after = 0;
            braced_argument(text, second, after);
            if (after != std::string_view::npos) end = after;
        }
    }
    return trim(argument);
}

} // namespace

std::string_view unwrap_url_command(std::string_view text) {
    std::string_view trimmed = trim(text);
    // A value that is wholly one braced group, {…}, is unwrapped first.
    if (trimmed.size() >= 2 && trimmed.front() == '{') {
        std::size_t end = 0;
        std::string_view inner = braced_argument(trimmed, 0, end);
        if (end == trimmed.size()) trimmed = trim(inner);
    }
    if (trimmed.empty() || trimmed.front() != '\\') return trimmed;
    std::size_t end = 0;
    std::string_view argument = url_command_at(trimmed, 0, end);
    if (end != std::string_view::npos && trim(trimmed.substr(end)).empty()) return argument;
    return trimmed;
}

std::string_view find_url_command(std::string_view text) {
    for (std::size_t at = text.find('\\'); at != std::string_view::npos;
         at = text.find('\\', at + 1)) {
        std::size_t end = 0;
        std::string_view argument = url_command_at(text, at, end);
        if (end != std::string_view::npos) return argument;
    }
    return {};
}

std::string unescape_latex(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        // Bytes that are neither braces nor backslashes (nearly all) go over in runs.
        std::size_t run = i;
        while (run < text.size() && text[run] != '{' && text[run] != '}' && text[run] != '\\')
            ++run;
        out.append(text.data() + i, run - i);
        i = run;
        if (i == text.size()) break;
        char c = text[i];
        if (c == '{' || c == '}') continue;
        if (c == '\\' && i + 1 < text.size()) {
            char next = text[i + 1];
            if (next == '_' || next == '%' || next == '&' || next == '#' || next == '$' ||
                next == '~' || next == '{' || next == '}') {
                out += next;
                ++i;
                continue;
            }
            constexpr std::string_view underscore = "textunderscore";
            if (text.substr(i + 1).starts_with(underscore)) {
                out += '_';
                i += underscore.size();
                if (i + 1 < text.size() && text[i + 1] == ' ') ++i; // the space ending the name
                continue;
            }
        }
        out += c;
    }
    return out;
}

namespace {
int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c = ascii::to_lower(c);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}
} // namespace

std::string percent_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            int high = hex_value(text[i + 1]);
            int low = hex_value(text[i + 2]);
            if (high >= 0 && low >= 0) {
                out += static_cast<char>(high * 16 + low);
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

bool strip_url_host(std::string_view& text, std::initializer_list<std::string_view> hosts) {
    std::string_view rest = text;
    if (istarts_with(rest, "https://")) {
        rest.remove_prefix(8);
    } else if (istarts_with(rest, "http://")) {
        rest.remove_prefix(7);
    }
    if (istarts_with(rest, "www.")) rest.remove_prefix(4);
    for (std::string_view host : hosts) {
        if (istarts_with(rest, host) && rest.size() > host.size() && rest[host.size()] == '/') {
            text = rest.substr(host.size() + 1);
            return true;
        }
    }
    return false;
}

} // namespace bibkit::model::detail
