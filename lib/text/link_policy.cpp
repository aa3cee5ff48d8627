#include <bibkit/core/ascii.hpp>
#include <bibkit/text/link_policy.hpp>

namespace bibkit::text {

bool is_linkable_url(std::string_view url) {
    if (url.empty() || url.front() == ' ') return false;
    for (char c : url)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return false;
    std::size_t end = url.find_first_of(":/?#");
    if (end == std::string_view::npos || url[end] != ':') return true; // relative
    std::string_view scheme = url.substr(0, end);
    return ascii::iequals(scheme, "http") || ascii::iequals(scheme, "https") ||
           ascii::iequals(scheme, "mailto");
}

} // namespace bibkit::text
