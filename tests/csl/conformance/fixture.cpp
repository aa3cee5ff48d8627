#include "fixture.hpp"

namespace bibkit::csl::conformance {

namespace {

// "NAME" from ">>===== NAME =====>>", or "".
std::string_view marker(std::string_view line, std::string_view open, std::string_view close) {
    if (!line.starts_with(open) || !line.ends_with(close)) return {};
    std::string_view inner = line.substr(open.size(), line.size() - open.size() - close.size());
    while (!inner.empty() && (inner.front() == '=' || inner.front() == ' ')) inner.remove_prefix(1);
    while (!inner.empty() && (inner.back() == '=' || inner.back() == ' ')) inner.remove_suffix(1);
    return inner;
}

std::string_view trim_line(std::string_view line) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    return line;
}

} // namespace

Fixture parse_fixture(std::string name, std::string_view text) {
    Fixture fixture;
    fixture.name = std::move(name);
    std::string current;
    std::string body;
    bool inside = false;
    std::size_t at = 0;
    while (at <= text.size()) {
        std::size_t end = text.find('\n', at);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = trim_line(text.substr(at, end - at));
        at = end + 1;
        if (!inside) {
            std::string_view open = marker(line, ">>=", "=>>");
            if (!open.empty()) {
                current = std::string(open);
                body.clear();
                inside = true;
            }
        } else if (!marker(line, "<<=", "=<<").empty()) {
            if (!body.empty() && body.back() == '\n') body.pop_back();
            fixture.sections[current] = body;
            inside = false;
        } else {
            body += line;
            body += '\n';
        }
        if (end == text.size()) break;
    }
    return fixture;
}

} // namespace bibkit::csl::conformance
