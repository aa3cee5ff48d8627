// DOIs from every form people paste into .bib files, and the values that are not DOIs.

#include <bibkit/model/doi.hpp>
#include <gtest/gtest.h>

namespace bibkit::model {
namespace {

std::string normal(std::string_view text) {
    auto doi = parse_doi(text);
    return doi ? doi->value : "error: " + doi.error().message;
}

TEST(Doi, BareDoiIsKeptAsWritten) {
    EXPECT_EQ(normal("10.1000/xyz123"), "10.1000/xyz123");
    EXPECT_EQ(normal("  10.1103/PhysRevLett.116.061102 "), "10.1103/PhysRevLett.116.061102");
    EXPECT_EQ(normal("10.1016/S0140-6736(20)30183-5"), "10.1016/S0140-6736(20)30183-5");
    EXPECT_EQ(normal("10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0"),
              "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0");
    EXPECT_EQ(normal("10.1000.10/123"), "10.1000.10/123");
}

TEST(Doi, PrefixesAndResolverUrlsAreStripped) {
    EXPECT_EQ(normal("doi:10.1000/xyz"), "10.1000/xyz");
    EXPECT_EQ(normal("DOI: 10.1000/xyz"), "10.1000/xyz");
    EXPECT_EQ(normal("https://doi.org/10.1000/xyz"), "10.1000/xyz");
    EXPECT_EQ(normal("http://dx.doi.org/10.1000/xyz"), "10.1000/xyz");
    EXPECT_EQ(normal("https://www.doi.org/10.1000/xyz"), "10.1000/xyz");
    EXPECT_EQ(normal("doi.org/10.1000/xyz"), "10.1000/xyz");
    EXPECT_EQ(normal("info:doi/10.1000/xyz"), "10.1000/xyz");
    EXPECT_EQ(normal("\\url{https://doi.org/10.1000/xyz}"), "10.1000/xyz");
    EXPECT_EQ(normal("{10.1000/xyz}"), "10.1000/xyz");
    // ACM's old resolver, and a library proxy in front of it (both from a Zotero export).
    EXPECT_EQ(normal("http://doi.acm.org/10.1145/1168987.1169002"), "10.1145/1168987.1169002");
    EXPECT_EQ(normal("http://doi.acm.org.www.library.gatech.edu:2048/10.1145/1322192.1322216"),
              "10.1145/1322192.1322216");
}

TEST(Doi, ResolverUrls) {
    EXPECT_TRUE(is_doi_resolver_url("https://doi.org/10.1000/x"));
    EXPECT_TRUE(is_doi_resolver_url("http://dx.doi.org/10.1000/x"));
    EXPECT_TRUE(is_doi_resolver_url("http://doi.acm.org/10.1145/1"));
    EXPECT_TRUE(is_doi_resolver_url("https://doi.org:443/10.1000/x"));
    EXPECT_FALSE(is_doi_resolver_url("https://example.org/10.1000/x"));
    EXPECT_FALSE(is_doi_resolver_url("https://mydoi.org/10.1000/x"));
    EXPECT_FALSE(is_doi_resolver_url("doi.org/10.1000/x"));
}

TEST(Doi, PercentEncodingIsDecoded) {
    EXPECT_EQ(normal("https://doi.org/10.1002%2F%28SICI%291097"), "10.1002/(SICI)1097");
    EXPECT_EQ(normal("10.1000%2Fabc"), "10.1000/abc");
    // A bare DOI with its '/' is not a URL: '%' stays as written.
    EXPECT_EQ(normal("10.1000/100%25"), "10.1000/100%25");
}

TEST(Doi, LatexEscapesAreUndone) {
    EXPECT_EQ(normal("10.1145/3368089.3409741\\_x"), "10.1145/3368089.3409741_x");
    EXPECT_EQ(normal("10.1000/a\\textunderscore b"), "10.1000/a_b");
    EXPECT_EQ(normal("10.1000/{ABC}\\%2"), "10.1000/ABC%2");
}

TEST(Doi, TrailingPunctuationIsTrimmed) {
    EXPECT_EQ(normal("10.1000/xyz."), "10.1000/xyz");
    EXPECT_EQ(normal("doi:10.1000/xyz;"), "10.1000/xyz");
    EXPECT_EQ(normal("10.1000/xyz),"), "10.1000/xyz");
    EXPECT_EQ(normal("https://doi.org/10.1000/xyz?via=home#top"), "10.1000/xyz");
}

TEST(Doi, MalformedValuesAreErrorsWithAReason) {
    auto check = [](std::string_view text, std::string_view message) {
        auto doi = parse_doi(text);
        ASSERT_FALSE(doi) << text;
        EXPECT_EQ(doi.error().code, "malformed-doi");
        EXPECT_EQ(doi.error().message, message);
    };
    check("", "'' is not a DOI: the value is empty");
    check("11.1000/xyz", "'11.1000/xyz' is not a DOI: it must start with '10.'");
    check("10.100/xyz", "'10.100/xyz' is not a DOI: the registrant code needs four or more digits");
    check("10.1000", "'10.1000' is not a DOI: expected '/' after the prefix 10.NNNN");
    check("10.1000/", "'10.1000/' is not a DOI: the suffix after '/' is empty");
    check("10.1000/a b", "'10.1000/a b' is not a DOI: the suffix holds white space or a control "
                         "character");
    check("https://example.org/paper/10.1000/xyz",
          "'https://example.org/paper/10.1000/xyz' is not a DOI: it must start with '10.'");
}

TEST(Doi, KeyIsLowerCaseAndUrlIsEncoded) {
    auto doi = parse_doi("10.1103/PhysRevLett.116.061102");
    ASSERT_TRUE(doi);
    EXPECT_EQ(doi->key(), "10.1103/physrevlett.116.061102");
    EXPECT_EQ(doi->url(), "https://doi.org/10.1103/PhysRevLett.116.061102");
    auto odd = parse_doi("10.1002/a<b>#c?d%e");
    ASSERT_TRUE(odd);
    EXPECT_EQ(odd->url(), "https://doi.org/10.1002/a%3Cb%3E%23c%3Fd%25e");
    // The same work written two ways has one key.
    EXPECT_EQ(parse_doi("https://doi.org/10.1000/ABC")->key(), parse_doi("doi:10.1000/abc")->key());
}

} // namespace
} // namespace bibkit::model
