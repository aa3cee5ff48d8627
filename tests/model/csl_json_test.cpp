// CSL-JSON output: exact text for a small bibliography (hand-checked against the CSL-JSON schema
// and what citeproc-js reads).

#include "read_bib.hpp"

#include <bibkit/model/csl_json.hpp>
#include <gtest/gtest.h>

namespace bibkit::model {
namespace {

using testing::read_bib;

std::string csl_json(const std::string& bib) {
    auto read = read_bib(bib);
    Normalized n = normalize(read.bibliography, read.db);
    std::string out;
    write_csl_json(out, n.items, JsonLayout::compact);
    return out;
}

TEST(CslJson, AnArticleWithRichTextNamesAndADate) {
    EXPECT_EQ(csl_json("@article{k, author = {van Beethoven, Ludwig and {World Health "
                       "Organization}}, title = {The \\emph{Ninth} of {DNA} \\& <tags>}, "
                       "journal = {J}, year = 1824, month = may, pages = {1--9}}"),
              "[{\"id\":\"k\",\"type\":\"article-journal\","
              "\"author\":[{\"family\":\"Beethoven\",\"given\":\"Ludwig\","
              "\"non-dropping-particle\":\"van\"},{\"literal\":\"World Health Organization\"}],"
              "\"container-title\":\"J\",\"issued\":{\"date-parts\":[[1824,5]]},"
              "\"page\":\"1-9\","
              "\"title\":\"The <i>Ninth</i> of <span class=\\\"nocase\\\">DNA</span> &amp; "
              "&lt;tags&gt;\"}]\n");
}

TEST(CslJson, EmptyValuesAreLeftOut) {
    EXPECT_EQ(csl_json("@misc{m, title = {}, note = {Note}}"),
              "[{\"id\":\"m\",\"type\":\"document\",\"note\":\"Note\"}]\n");
}

TEST(CslJson, NoEntriesIsAnEmptyArray) {
    EXPECT_EQ(csl_json("% nothing\n"), "[]\n");
}

} // namespace
} // namespace bibkit::model
