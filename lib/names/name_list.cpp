#include <bibkit/core/ascii.hpp>
#include <bibkit/names/name_list.hpp>

namespace bibkit::names {

namespace {

// BibTeX's name_scan_for_and from `at`: where the current name ends and the next one starts (both
// value.size() when this is the last name).
struct AndScan {
    std::size_t name_end;
    std::size_t next_start;
};

AndScan scan_for_and(std::string_view value, std::size_t at) {
    bool preceding_white = false;
    while (at < value.size()) {
        char c = value[at];
        if (c == 'a' || c == 'A') {
            ++at;
            if (preceding_white && at + 3 <= value.size() && ascii::to_lower(value[at]) == 'n' &&
                ascii::to_lower(value[at + 1]) == 'd' && ascii::is_space(value[at + 2]))
                return {at - 2, at + 2};
            preceding_white = false;
        } else if (c == '{') {
            // Nothing inside braces separates names: `{Simon and Schuster}`.
            int depth = 1;
            ++at;
            while (at < value.size() && depth > 0) {
                if (value[at] == '{')
                    ++depth;
                else if (value[at] == '}')
                    --depth;
                ++at;
            }
            preceding_white = false;
        } else {
            preceding_white = ascii::is_space(c);
            ++at;
        }
    }
    return {value.size(), value.size()};
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && ascii::is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && ascii::is_space(text.back())) text.remove_suffix(1);
    return text;
}

} // namespace

std::size_t count_names(std::string_view value) {
    // BibTeX never sees a blank value: its reader trims field values.
    if (trimmed(value).empty()) return 0;
    std::size_t count = 0;
    for (std::size_t at = 0; at < value.size(); ++count) at = scan_for_and(value, at).next_start;
    return count;
}

NameList split_name_list(std::string_view value) {
    NameList list;
    std::size_t at = 0;
    while (at < value.size()) {
        AndScan scan = scan_for_and(value, at);
        // name_end is the white space before `and`.
        list.names.push_back(trimmed(value.substr(at, scan.name_end - at)));
        at = scan.next_start;
    }
    // An all-blank value has one blank "name" by the loop above but none for BibTeX.
    if (list.names.size() == 1 && list.names[0].empty() && trimmed(value).empty())
        list.names.clear();
    if (list.names.size() >= 2 && list.names.back() == "others") {
        list.names.pop_back();
        list.et_al = EtAl::yes;
    }
    return list;
}

} // namespace bibkit::names
