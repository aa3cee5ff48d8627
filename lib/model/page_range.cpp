#include <bibkit/model/page_range.hpp>

namespace bibkit::model {

namespace {

constexpr std::string_view k_en_dash = "\xE2\x80\x93";
constexpr std::string_view k_em_dash = "\xE2\x80\x94";
constexpr std::string_view k_textendash = "\\textendash";
constexpr std::string_view k_textemdash = "\\textemdash";

// The length of the dash at text[i], or 0.
std::size_t dash_at(std::string_view text, std::size_t i) {
    std::string_view rest = text.substr(i);
    if (rest.front() == '-') return 1;
    for (std::string_view dash : {k_en_dash, k_em_dash, k_textendash, k_textemdash}) {
        if (rest.starts_with(dash)) {
            std::size_t length = dash.size();
            if (dash.front() == '\\' && rest.substr(length).starts_with("{}")) length += 2;
            return length;
        }
    }
    return 0;
}

} // namespace

std::string normalize_page_range(std::string_view pages) {
    if (pages.find_first_of("-\\\xE2 ") == std::string_view::npos) return std::string(pages);
    std::string out;
    out.reserve(pages.size());
    std::size_t i = 0;
    while (i < pages.size()) {
        std::size_t dash = dash_at(pages, i);
        if (dash == 0) {
            out += pages[i++];
            continue;
        }
        // A run of dashes, and the spaces around it, is one hyphen.
        while (!out.empty() && out.back() == ' ') out.pop_back();
        i += dash;
        while (i < pages.size() && (pages[i] == ' ' || (dash = dash_at(pages, i)) != 0))
            i += pages[i] == ' ' ? 1 : dash;
        out += '-';
    }
    return out;
}

} // namespace bibkit::model
