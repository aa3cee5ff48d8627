// The flavours by name.

#include "flavor_common.hpp"

#include <array>

namespace bibkit::cv {

namespace detail {
std::unique_ptr<Flavor> make_plain_flavor(text::LatexCharset charset);
std::unique_ptr<Flavor> make_moderncv_flavor(text::LatexCharset charset);
std::unique_ptr<Flavor> make_awesome_cv_flavor(text::LatexCharset charset);
std::unique_ptr<Flavor> make_biblatex_flavor(text::LatexCharset charset);
std::unique_ptr<Flavor> make_markdown_flavor();
std::unique_ptr<Flavor> make_html_flavor();
} // namespace detail

namespace {
constexpr std::array<std::string_view, 6> k_names = {"plain",    "moderncv", "awesome-cv",
                                                     "biblatex", "markdown", "html"};
} // namespace

std::span<const std::string_view> flavor_names() {
    return k_names;
}

std::unique_ptr<Flavor> make_flavor(std::string_view name, text::LatexCharset charset) {
    if (name == "plain") return detail::make_plain_flavor(charset);
    if (name == "moderncv") return detail::make_moderncv_flavor(charset);
    if (name == "awesome-cv") return detail::make_awesome_cv_flavor(charset);
    if (name == "biblatex") return detail::make_biblatex_flavor(charset);
    if (name == "markdown") return detail::make_markdown_flavor();
    if (name == "html") return detail::make_html_flavor();
    return nullptr;
}

} // namespace bibkit::cv
