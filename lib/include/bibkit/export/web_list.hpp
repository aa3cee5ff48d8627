#pragma once
// Website fragments: publication lists for web pages, in jekyll-scholar's markup.
//
// One ListingFormat per output (WebOutput): an HTML fragment
//   <h2 class="bibliography">2024</h2>
//   <ol class="bibliography"><li><span id="KEY">…reference…</span></li>
//   </ol>
// a Markdown list (Hugo, READMEs: "## 2024", then "1. …reference…"), or a complete HTML page
// with bibkit's stylesheet (styles/publications.css) around the HTML fragment.
//
// Each entry is an entry template (Mustache, template.hpp) over the data web_entry.hpp
// documents; the default shows the reference in the CSL style, `alfolio` is the built-in
// template in the manner of al-folio, and any other template is the user's. Every value is
// escaped by the template engine or by bibkit; only http, https, mailto and relative URLs
// become links; `{{` and `{%` from the data are written as `&#123;` so that Liquid, Hugo or a
// second Mustache pass sees no tag; control characters are removed.

#include <bibkit/config/settings.hpp>
#include <bibkit/core/expected.hpp>
#include <bibkit/export/csl_listing.hpp>
#include <bibkit/export/listing.hpp>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::exports {

enum class WebOutput : std::uint8_t { html, markdown, standalone };

struct WebListOptions {
    WebOutput output = WebOutput::html;
    // jekyll-scholar's markup: bibliography_list_tag, bibliography_item_tag, bibliography_class,
    // bibliography_group_tag (as heading levels), reference_tagname, the attribute maps, and the
    // tag's --prefix for element ids (`PREFIX-KEY`).
    std::string list_tag = "ol";
    std::string item_tag = "li";
    std::string list_class = "bibliography";
    std::string reference_tag = "span";
    config::StringMap list_attributes;
    config::StringMap item_attributes;
    std::vector<int> heading_levels = {2, 3, 4, 5};
    std::string prefix;
    // The entry template: "" or jekyll-scholar's default `{{reference}}` (the reference in the
    // CSL style), "alfolio" (built-in), or a user's Mustache template text.
    std::string entry_template;
    // The owner's names to highlight, "Family, Given" or "Family" (any given name).
    std::vector<std::string> highlight;
    // Authors shown by entry templates before "and N more authors" (0: all).
    std::size_t max_authors = 0;
    // The standalone page's <title> and <h1>.
    std::string title = "Publications";
    CslListingOptions csl;
};

struct WebListError {
    ExitCode code; // usage (a style, locale or template not valid) or io
    std::string message;
};

// Removes C0 controls but tab and line feed, DEL and C1 controls (U+0080–U+009F), and writes
// `{` as &#123; where it would start a Liquid or Mustache tag (`{{`, `{%`): for every fragment
// bibkit writes into a page.
void sanitize_web_fragment(std::string& text);

// "html", "markdown", "standalone".
std::span<const std::string_view> web_output_names();
std::optional<WebOutput> find_web_output(std::string_view name);

// The options that jekyll-scholar's settings give (markup, prefix, the owner's name from
// last_name/first_name, the template); `output` and `csl` are left to the caller.
WebListOptions web_list_options(const config::Settings& settings);

// Loads the style and its locales and checks the template; the list renders when it ends.
Expected<std::unique_ptr<ListingFormat>, WebListError>
make_web_list_format(const ListingSource& source, const WebListOptions& options);

} // namespace bibkit::exports
