// Website fragments (web_list.hpp): jekyll-scholar's markup around references in bibkit.csl,
// group headings, Markdown lists, user templates (Mustache, with Liquid's array index), the
// owner's name highlighted, and the sanitizing every fragment goes through. Expected outputs
// are written by hand from styles/bibkit.csl and jekyll-scholar's default markup.

#include "../query/query_fixture.hpp"

#include <bibkit/export/web_list.hpp>
#include <gtest/gtest.h>

namespace bibkit::exports {
namespace {

using query::testing::by_year_descending;
using query::testing::records_of;

const char* k_bib =
    "@article{durand2024, author = {Durand, Camille and Bernard, L{\\'e}a}, title = {Sparse "
    "{SGD}}, journal = {J. Optim.}, volume = 12, number = 3, pages = {45--67}, year = 2024}\n"
    "@book{moreau2020, author = {Moreau, Paul}, title = {Convex Things}, publisher = "
    "{Springer}, address = {Berlin}, year = 2020}\n";

WebListOptions options_for(WebOutput output) {
    WebListOptions options;
    options.output = output;
    options.csl.style = std::string(BIBKIT_SOURCE_DIR) + "/styles/bibkit.csl";
    options.csl.project_root = BIBKIT_SOURCE_DIR;
    return options;
}

std::string render(const query::testing::Records& r, const query::Selection& selection,
                   const WebListOptions& options) {
    ListingSource source{&r.bibliography, &r.db, &r.fields};
    auto writer = make_web_list_format(source, options);
    EXPECT_TRUE(writer) << (writer ? "" : writer.error().message);
    if (!writer) return {};
    std::string out;
    write_listing(out, selection, **writer);
    return out;
}

query::Selection in_order(const query::testing::Records& r, std::vector<std::string> keys) {
    query::Selection selection;
    for (const std::string& key : keys) selection.records.push_back(&r[key]);
    return selection;
}

// jekyll-scholar's default markup: a heading per group (h2 for the first level), an <ol> per
// group, each reference in a <span> whose id is the key.
TEST(WebList, HtmlGroupsInJekyllScholarsMarkup) {
    auto r = records_of(k_bib);
    EXPECT_EQ(render(*r, by_year_descending(*r), options_for(WebOutput::html)),
              "<h2 class=\"bibliography\">2024</h2>\n"
              "<ol class=\"bibliography\"><li><span id=\"durand2024\">Durand, C., and Bernard, L. "
              "(2024). Sparse SGD. <i>J. Optim.</i>, 12(3), 45–67.</span></li>\n"
              "</ol>\n"
              "<h2 class=\"bibliography\">2020</h2>\n"
              "<ol class=\"bibliography\"><li><span id=\"moreau2020\">Moreau, P. (2020). "
              "<i>Convex Things</i>. Springer, Berlin.</span></li>\n"
              "</ol>\n");
}

// Markdown keeps the query's order (not the style's), one numbered item per entry.
TEST(WebList, MarkdownListInTheQuerysOrder) {
    auto r = records_of(k_bib);
    EXPECT_EQ(
        render(*r, in_order(*r, {"moreau2020", "durand2024"}), options_for(WebOutput::markdown)),
        "1. Moreau, P. (2020). *Convex Things*. Springer, Berlin.\n"
        "1. Durand, C., and Bernard, L. (2024). Sparse SGD. *J. Optim.*, 12(3), 45–67.\n"
        "\n");
}

// The tag's --prefix goes before the key in ids; list tag as configured; the owner's whole name
// as the style renders it in bold (al-folio's highlight), not the name in a title.
TEST(WebList, PrefixListTagAndHighlight) {
    auto r = records_of(std::string(k_bib) +
                        "@article{title2023, author = {Bernard, L{\\'e}a}, title = {On Durand, "
                        "Camille's Lemma}, journal = {J. Optim.}, year = 2023}\n");
    WebListOptions options = options_for(WebOutput::html);
    options.prefix = "pubs";
    options.list_tag = "ul";
    options.highlight = {"Durand, Camille"};
    EXPECT_EQ(render(*r, in_order(*r, {"durand2024", "title2023"}), options),
              "<ul class=\"bibliography\"><li><span id=\"pubs-durand2024\"><strong "
              "class=\"author-highlight\">Durand, C.</strong>, and Bernard, L. (2024). Sparse SGD. "
              "<i>J. Optim.</i>, 12(3), 45–67.</span></li>\n"
              "<li><span id=\"pubs-title2023\">Bernard, L. (2023). On Durand, Camille’s Lemma. "
              "<i>J. Optim.</i></span></li>\n"
              "</ul>\n");
    options.output = WebOutput::markdown;
    EXPECT_EQ(render(*r, in_order(*r, {"durand2024"}), options),
              "- **Durand, C.**, and Bernard, L. (2024). Sparse SGD. *J. Optim.*, 12(3), 45–67.\n"
              "\n");
}

// A user's template is Mustache; jekyll-scholar's Liquid index into author_array works too.
TEST(WebList, UserTemplateWithLiquidIndex) {
    auto r = records_of(k_bib);
    WebListOptions options = options_for(WebOutput::html);
    options.highlight = {"Durand"};
    options.entry_template = "{{key}} {{index}} {{entry.author_array[1].last}}/"
                             "{{entry.author_array[0].first}} {{{authors_html}}} "
                             "[{{entry.author_array[7].last}}]";
    EXPECT_EQ(render(*r, in_order(*r, {"durand2024"}), options),
              "<ol class=\"bibliography\"><li>durand2024 1 Bernard/Camille <em "
              "class=\"author-highlight\">Camille Durand</em> and Léa Bernard []</li>\n"
              "</ol>\n");
}

TEST(WebList, BadTagNamesAndTemplatesAreRefused) {
    auto r = records_of(k_bib);
    ListingSource source{&r->bibliography, &r->db, &r->fields};
    WebListOptions options = options_for(WebOutput::html);
    options.list_tag = "ol onclick=x";
    auto writer = make_web_list_format(source, options);
    ASSERT_FALSE(writer);
    EXPECT_EQ(writer.error().code, ExitCode::usage);
    options = options_for(WebOutput::html);
    options.entry_template = "{{#open}} never closed";
    writer = make_web_list_format(source, options);
    ASSERT_FALSE(writer);
    EXPECT_NE(writer.error().message.find("the entry template"), std::string::npos);
}

// Controls go (but tab and line feed), C1 controls too; `{{` and `{%` cannot start a tag.
TEST(WebList, SanitizeRemovesControlsAndDefusesTags) {
    std::string text = "a\x01"
                       "b\tc\n\x7F"
                       "d\xC2\x85"
                       "e {{x}} {%y%} {z}";
    sanitize_web_fragment(text);
    EXPECT_EQ(text, "ab\tc\nde &#123;{x}} &#123;%y%} {z}");
}

TEST(WebList, OutputNames) {
    EXPECT_EQ(find_web_output("html"), WebOutput::html);
    EXPECT_EQ(find_web_output("markdown"), WebOutput::markdown);
    EXPECT_EQ(find_web_output("standalone"), WebOutput::standalone);
    EXPECT_EQ(find_web_output("pdf"), std::nullopt);
    EXPECT_EQ(web_output_names().size(), 3u);
}

} // namespace
} // namespace bibkit::exports
