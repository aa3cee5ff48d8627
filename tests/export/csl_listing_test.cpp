// The rendered listing formats: bibliographies in bibkit.csl (the project's default style),
// group headings in each format's markup, the query's order kept, and the errors for a style or
// locale that cannot be had. Expected outputs are written by hand from styles/bibkit.csl.

#include "../query/query_fixture.hpp"

#include <bibkit/export/csl_listing.hpp>
#include <gtest/gtest.h>

namespace bibkit::exports {
namespace {

using query::testing::by_year_descending;
using query::testing::records_of;

const char* k_bib =
    "@article{durand2024, author = {Durand, Camille and Bernard, L{\\'e}a}, title = {Sparse "
    "{SGD}}, journal = {J. Optim.}, volume = 12, number = 3, pages = {45--67}, year = 2024, "
    "doi = {10.1000/xyz}}\n"
    "@book{moreau2020, author = {Moreau, Paul}, title = {Convex Things}, publisher = "
    "{Springer}, address = {Berlin}, edition = {2}, year = 2020}\n";

const std::string k_durand_text =
    "Durand, C., and Bernard, L. (2024). Sparse SGD. J. Optim., 12(3), 45–67. "
    "https://doi.org/10.1000/xyz";
const std::string k_moreau_text = "Moreau, P. (2020). Convex Things (2nd ed.). Springer, Berlin.";

std::string render(const query::testing::Records& r, std::string_view format,
                   const query::Selection& selection, CslListingOptions csl = {}) {
    ListingSource source{&r.bibliography, &r.db, &r.fields};
    auto writer = make_csl_listing_format(format, source, {}, csl);
    EXPECT_TRUE(writer) << (writer ? "" : writer.error().message);
    if (!writer) return {};
    std::string out;
    write_listing(out, selection, **writer);
    return out;
}

TEST(CslListing, TextIsOneEntryPerLineInTheQuerysOrder) {
    auto r = records_of(k_bib);
    query::Selection selection;
    selection.records = {&(*r)["moreau2020"], &(*r)["durand2024"]}; // not the style's order
    EXPECT_EQ(render(*r, "text", selection), k_moreau_text + "\n" + k_durand_text + "\n");
}

TEST(CslListing, HtmlGroupsHaveHeadingsAndABlockEach) {
    auto r = records_of(k_bib);
    EXPECT_EQ(render(*r, "html", by_year_descending(*r)),
              "<h2 class=\"bibliography\">2024</h2>\n"
              "<div class=\"csl-bib-body\">\n"
              "  <div class=\"csl-entry\">Durand, C., and Bernard, L. (2024). Sparse SGD. "
              "<i>J. Optim.</i>, 12(3), 45–67. https://doi.org/10.1000/xyz</div>\n"
              "</div>\n"
              "<h2 class=\"bibliography\">2020</h2>\n"
              "<div class=\"csl-bib-body\">\n"
              "  <div class=\"csl-entry\">Moreau, P. (2020). <i>Convex Things</i> (2nd ed.). "
              "Springer, Berlin.</div>\n"
              "</div>\n");
}

TEST(CslListing, TextAndMarkdownAndLatexHeadings) {
    auto r = records_of(k_bib);
    const std::string text = render(*r, "text", by_year_descending(*r));
    EXPECT_EQ(text, "2024\n" + k_durand_text + "\n\n2020\n" + k_moreau_text + "\n");
    const std::string markdown = render(*r, "markdown", by_year_descending(*r));
    EXPECT_EQ(markdown.substr(0, 9), "## 2024\n\n");
    EXPECT_NE(markdown.find("\n## 2020\n\n"), std::string::npos) << markdown;
    EXPECT_NE(markdown.find("*J. Optim.*"), std::string::npos) << markdown;
    const std::string latex = render(*r, "latex", by_year_descending(*r));
    EXPECT_EQ(latex.substr(0, 17), "\\section*{2024}\n\n");
    EXPECT_NE(latex.find("\\emph{Convex Things}"), std::string::npos) << latex;
}

TEST(CslListing, AnotherStyleByPath) {
    auto r = records_of(k_bib);
    CslListingOptions csl;
    csl.style = std::string(BIBKIT_SOURCE_DIR) + "/styles/bibkit.csl";
    query::Selection selection;
    selection.records = {&(*r)["moreau2020"]};
    EXPECT_EQ(render(*r, "text", selection, csl), k_moreau_text + "\n");
}

Expected<std::unique_ptr<ListingFormat>, CslListingError> make(const CslListingOptions& csl) {
    return make_csl_listing_format("html", {}, {}, csl);
}

TEST(CslListing, AStyleNotFoundIsAUsageError) {
    CslListingOptions csl;
    csl.style = "no-such-style";
    auto format = make(csl);
    ASSERT_FALSE(format);
    EXPECT_EQ(format.error().code, ExitCode::usage);
    EXPECT_EQ(format.error().message.rfind("--style: no style named 'no-such-style' in ", 0), 0u)
        << format.error().message;
}

TEST(CslListing, AStyleFileNotThereIsAnIoError) {
    CslListingOptions csl;
    csl.style = "/nonexistent/style.csl";
    auto format = make(csl);
    ASSERT_FALSE(format);
    EXPECT_EQ(format.error().code, ExitCode::io);
    EXPECT_EQ(format.error().message, "/nonexistent/style.csl: no such style file");
}

TEST(CslListing, ALocaleNotThereIsAUsageError) {
    CslListingOptions csl;
    csl.locale = "xx-YY";
    csl.locale_dirs = {"/nonexistent"};
    auto format = make(csl);
    ASSERT_FALSE(format);
    EXPECT_EQ(format.error().code, ExitCode::usage);
    EXPECT_EQ(
        format.error().message.rfind("--locale xx-YY: no locale file for it in /nonexistent, ", 0),
        0u)
        << format.error().message;
    csl.locale = "en US";
    format = make(csl);
    ASSERT_FALSE(format);
    EXPECT_EQ(format.error().message,
              "--locale: 'en US' is not a locale tag (like en-US, de, pt-BR)");
}

TEST(CslListing, EnglishNeedsNoLocaleFiles) {
    CslListingOptions csl;
    csl.locale = "en-US";
    csl.locale_dirs = {"/nonexistent"};
    EXPECT_TRUE(make(csl));
}

} // namespace
} // namespace bibkit::exports
