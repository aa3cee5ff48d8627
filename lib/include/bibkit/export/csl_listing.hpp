#pragma once
// `bibkit query`'s rendered formats — text, html, markdown, latex — as bibliographies in a CSL
// style. Only the selected entries are normalized; they are rendered in the query's order
// (jekyll-scholar lists what its query sorted), one bibliography block per group, under the
// group's heading: html <h2 class="bibliography">, markdown "## …", latex \section*{…} …,
// text a plain line.

#include <bibkit/core/exit_code.hpp>
#include <bibkit/core/expected.hpp>
#include <bibkit/csl/catalog.hpp>
#include <bibkit/csl/locale.hpp>
#include <bibkit/export/listing.hpp>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::exports {

struct CslListingOptions {
    std::string style = "bibkit"; // a name (looked up, csl::StyleCatalog) or a .csl file
    std::string locale;           // "": the style's default-locale, else en-US
    std::vector<std::filesystem::path> locale_dirs; // searched before the default ones
    // Where the project's styles/ is (csl::StyleCatalog::with_default_directories).
    std::filesystem::path project_root = default_project_root();

    // <the program's dir>/../share/bibkit when it holds styles/ (an installed bibkit), else the
    // source tree this library was built from.
    static std::filesystem::path default_project_root();
};

struct CslListingError {
    ExitCode code; // usage (a style or locale not found, not valid) or io (a file not read)
    std::string message;
};

// A style with a bibliography and the locales to render it in, as the options name them (the
// CV and the web pages use it too).
struct LoadedStyle {
    csl::ResolvedStyle style;
    std::vector<csl::Locale> locales; // most specific first
    std::string locale;               // the tag rendered in
};
Expected<LoadedStyle, CslListingError> load_style(const CslListingOptions& csl);

// text, html, markdown, latex.
bool is_csl_listing_format(std::string_view name);

// Loads the style and its locales; the format renders when the listing ends.
Expected<std::unique_ptr<ListingFormat>, CslListingError>
make_csl_listing_format(std::string_view name, const ListingSource& source,
                        const ListingOptions& options, const CslListingOptions& csl);

} // namespace bibkit::exports
