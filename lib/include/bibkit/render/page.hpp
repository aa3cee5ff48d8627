#pragma once
// `bibkit render`: a Markdown or HTML page with jekyll-scholar's Liquid tags expanded, the rest
// of it (front matter included) left as it is.
//   {% bibliography OPTIONS %}        the selected entries as an HTML list (web_list.hpp)
//   {% bibliography_count OPTIONS %}  how many entries the query selects
//   {% cite KEY… OPTIONS %}           <a class="citation" href="#KEY">(Author, 2024)</a>
//   {% reference KEY OPTIONS %}       <span id="KEY">the reference</span>
// Settings: the sources' layers (a site's _config.yml …), then the page's front matter
// `scholar:` section, then --style/--locale, then the tag's options. `--cited` lists the entries
// cited earlier on the page; `--cited_in_order` lists them in citation order.

#include <bibkit/core/diagnostic.hpp>
#include <bibkit/core/exit_code.hpp>
#include <bibkit/core/expected.hpp>
#include <bibkit/export/csl_listing.hpp>
#include <bibkit/render/library.hpp>
#include <bibkit/render/liquid_tags.hpp>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace bibkit::render {

struct RenderOptions {
    SettingsSources settings;
    std::vector<std::string> files; // .bib files instead of the ones the settings name
    // Over the page's settings, under the tag's; empty: the settings' (jekyll-scholar's
    // `style: apa`, `locale: en`).
    std::string style;
    std::string locale;
    exports::CslListingOptions csl; // its locale directories and project root

    std::vector<std::string> highlight; // in addition to the settings' last_name/first_name
};

struct PageError {
    ExitCode code = ExitCode::usage;
    std::string file;
    Position position{0, 0}; // line 0: no position
    std::string message;
};
// "file:line:col: error: message".
std::string to_string(const PageError& error);

class PageRenderer {
  public:
    explicit PageRenderer(RenderOptions options);
    PageRenderer(const PageRenderer&) = delete;
    PageRenderer& operator=(const PageRenderer&) = delete;

    // The page with its tags expanded; `file` names it in messages.
    Expected<std::string, PageError> render(std::string_view page, const std::string& file);
    // Problems in the bibliographies and entries met so far, and missing cite keys.
    std::vector<Diagnostic> take_diagnostics();

  private:
    struct Page;
    Expected<Library*, PageError> library(const LoadedSettings& settings, const PageError& where);
    Expected<std::string, PageError> expand(Page& page, const LiquidTag& tag);

    RenderOptions m_options;
    std::optional<LoadedSettings> m_base;
    std::map<std::vector<std::string>, std::unique_ptr<Library>> m_libraries;
    std::vector<Diagnostic> m_diagnostics;
};

} // namespace bibkit::render
