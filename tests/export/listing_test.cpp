// The listing formats of `bibkit query`: keys with headings, count, json, csl-json, bibtex
// (the rendered ones: csl_listing_test.cpp).

#include "../query/query_fixture.hpp"

#include <bibkit/export/listing.hpp>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace bibkit::exports {
namespace {

using query::testing::pointers;
using query::testing::records_of;

std::string listing(const query::testing::Records& r, std::string_view format,
                    const query::ArrangeOptions& options, const ListingOptions& listing = {}) {
    ListingSource source{&r.bibliography, &r.db, &r.fields};
    auto writer = make_listing_format(format, source, listing);
    EXPECT_TRUE(writer);
    std::string out;
    write_listing(out, query::arrange(pointers(r.records), options), *writer);
    return out;
}

query::ArrangeOptions by_year() {
    query::ArrangeOptions options;
    options.group.fields = {"year"};
    options.group.orders = {query::Order::descending};
    return options;
}

const char* k_bib = "@string{j = {J. Opt.}}\n"
                    "@article{a, author = {Durand, Camille and Bernard, L{\\'e}a}, title = {Sparse "
                    "{SGD}}, journal = j, year = 2024}\n"
                    "% a comment\n"
                    "@inproceedings{b, title = {Gossip}, crossref = {p}}\n"
                    "@proceedings{p, title = {Workshop on Things}, year = {2004-- \\ldots}}\n";

TEST(Listing, KeysWithHeadingsDecoded) {
    auto r = records_of(k_bib);
    EXPECT_EQ(listing(*r, "keys", by_year()), "## 2024\na\n## 2004– …\nb\np\n");
    EXPECT_EQ(listing(*r, "keys", {}), "a\nb\np\n");
}

TEST(Listing, KeysHeadingLevelsFollowTheGroupTags) {
    auto r = records_of(k_bib);
    auto options = by_year();
    options.group.fields = {"year", "type"};
    EXPECT_EQ(listing(*r, "keys", options, ListingOptions{{3, 4}}),
              "### 2024\n#### Journal Articles\na\n### 2004– …\n#### Conference Articles\nb\n"
              "#### proceedings\np\n");
}

TEST(Listing, CountIsWhatIsShown) {
    auto r = records_of(k_bib);
    EXPECT_EQ(listing(*r, "count", {}), "3\n");
    query::ArrangeOptions options;
    options.max = 2;
    EXPECT_EQ(listing(*r, "count", options), "2\n");
}

TEST(Listing, JsonHoldsTheFieldsTheQuerySaw) {
    auto r = records_of(k_bib);
    auto json = nlohmann::json::parse(listing(*r, "json", {}));
    ASSERT_EQ(json.size(), 3u);
    EXPECT_EQ(json[0]["fields"]["journaltitle"], "J. Opt.");
    EXPECT_EQ(json[1]["fields"]["booktitle"], "Workshop on Things"); // inherited
}

TEST(Listing, CslJsonOfTheSelectionOnly) {
    auto r = records_of(k_bib);
    query::ArrangeOptions options;
    options.max = 1;
    auto json = nlohmann::json::parse(listing(*r, "csl-json", options));
    ASSERT_EQ(json.size(), 1u);
    EXPECT_EQ(json[0]["id"], "a");
    EXPECT_EQ(json[0]["author"][1]["given"], "Léa");
    EXPECT_EQ(json[0]["container-title"], "J. Opt.");
}

TEST(Listing, BibtexAsWrittenWithStringsAndParents) {
    auto r = records_of(k_bib);
    query::ArrangeOptions options;
    options.offset = 1;
    options.max = 1;
    EXPECT_EQ(listing(*r, "bibtex", options),
              "@string{j = {J. Opt.}}\n\n"
              "@inproceedings{b, title = {Gossip}, crossref = {p}}\n\n"
              "@proceedings{p, title = {Workshop on Things}, year = {2004-- \\ldots}}\n\n");
}

TEST(Listing, UnknownFormatIsNull) {
    EXPECT_FALSE(make_listing_format("yaml", {}));
    EXPECT_FALSE(make_listing_format("html", {})); // csl_listing.hpp makes the rendered ones
    EXPECT_EQ(listing_format_names().size(), 9u);
}

} // namespace
} // namespace bibkit::exports
