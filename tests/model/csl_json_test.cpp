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

std::string joined(const CslJsonDocument& document) {
    std::string out;
    for (const std::string& part : document.parts) out += part;
    return out;
}

// The one-pass conversion writes what normalize + write_csl_json write, in both layouts, on one
// thread (small inputs) and on two (large ones), including the odd chunks: an empty input, and
// first chunks with no work in them (only @xdata), after which the next must not start with a
// comma.
void expect_same_as_two_passes(const std::string& bib) {
    auto read = read_bib(bib);
    Normalized normalized = normalize(read.bibliography, read.db);
    for (JsonLayout layout : {JsonLayout::indented, JsonLayout::compact}) {
        std::string expected;
        write_csl_json(expected, normalized.items, layout);
        CslJsonDocument document = convert_to_csl_json(read.bibliography, read.db, layout);
        EXPECT_EQ(joined(document), expected);
        EXPECT_EQ(document.diagnostics.size(), normalized.diagnostics.size());
    }
}

TEST(CslJsonConversion, SameBytesAsNormalizeThenWrite) {
    expect_same_as_two_passes("");
    expect_same_as_two_passes("@article{a, title = {T}, author = {X, Y}, year = 2020}\n");
    std::string large, odd;
    for (int i = 0; i < 3000; ++i) {
        const std::string n = std::to_string(i);
        large += "@article{k" + n + ", title = {Title " + n + " {\\'e}}, author = {Doe, J" + n +
                 "}, year = 2020, month = 13}\n";
        odd += "@xdata{x" + n + ", publisher = {P}}\n";
    }
    expect_same_as_two_passes(large);
    expect_same_as_two_passes(odd + "@book{b, xdata = {x1}, title = {B}}\n");
    expect_same_as_two_passes(odd);
    // Work only in the middle chunks, none in the first or the last ones.
    std::string middle, more_odd;
    for (int i = 0; i < 3000; ++i) {
        if (i < 100) middle += "@book{b" + std::to_string(i) + ", title = {B}, year = 2001}\n";
        more_odd += "@xdata{y" + std::to_string(i) + ", publisher = {P}}\n";
    }
    expect_same_as_two_passes(odd + middle + more_odd);
}

} // namespace
} // namespace bibkit::model
