// Grouping: jekyll-scholar's group values, orders, type names/aliases/order, month names, missing
// values, list fields; limits over groups; duplicates.

#include "query_fixture.hpp"

#include <bibkit/query/duplicates.hpp>
#include <bibkit/query/group.hpp>
#include <gtest/gtest.h>

namespace bibkit::query {
namespace {

using testing::groups_line;
using testing::keys_of;
using testing::pointers;
using testing::records_of;

GroupOptions grouped_by(std::vector<std::string> fields, std::vector<Order> orders) {
    GroupOptions options = GroupOptions::defaults();
    options.fields = std::move(fields);
    options.orders = std::move(orders);
    return options;
}

std::string grouped(const testing::Records& r, const GroupOptions& options) {
    auto list = pointers(r.records);
    return groups_line(group_records(list, options));
}

// jekyll-scholar case 17 (group_by: year, group_order: ascending): the group without a year has
// an empty heading and comes first when ascending.
TEST(GroupRecords, YearAscendingAsJekyllScholarCase17) {
    auto r = records_of(testing::read_test_file("durand.bib"));
    EXPECT_EQ(grouped(*r, grouped_by({"year"}, {Order::ascending})),
              "## durand_inprep durand_submitted ## 2017 durand2017first ## 2018 durand2018msc "
              "## 2019 durand2019workshop durand2019convex ## 2020 durand2020inria "
              "durand2020sketch ## 2021 durand2021phd durand2021adaptive Durand:2021:gossip "
              "## 2022 durand2022lottery durand2022variance durand2022gossipws "
              "durand2022adaptivews hlw2022 ## 2023 durand2023momentum durand2023pruning "
              "durand2023chapter durand2023talk ## 2024 durand2024sparse durand2024heavy "
              "durand2024inbook ## 2025 durand2025lowrank durand2025lectures");
}

// jekyll-scholar case 27: descending reverses type_order and puts unlisted types first, in
// first-appearance order; aliases (phdthesis, mastersthesis → thesis) and names; types without
// a name (proceedings, inbook) are named by the type.
TEST(GroupRecords, TypeOrderDescendingAsJekyllScholarCase27) {
    auto r = records_of(testing::read_test_file("durand.bib"));
    GroupOptions options = grouped_by({"type"}, {Order::descending});
    options.type_order = {"article", "inproceedings"};
    EXPECT_EQ(grouped(*r, options),
              "## Miscellaneous durand2025lowrank durand2024heavy durand_submitted durand2023talk "
              "## Book Chapters durand2023chapter ## proceedings hlw2022 ## Theses durand2021phd "
              "durand2018msc ## Technical Reports durand2020inria ## Books durand2025lectures "
              "## inbook durand2024inbook ## Unpublished durand_inprep ## Conference Articles "
              "durand2023momentum durand2022lottery durand2022gossipws durand2022adaptivews "
              "durand2021adaptive durand2019workshop ## Journal Articles durand2024sparse "
              "durand2023pruning durand2022variance Durand:2021:gossip durand2020sketch "
              "durand2019convex durand2017first");
}

TEST(GroupRecords, TypeOrderAscendingPutsUnlistedTypesLast) {
    auto r = records_of("@misc{m}\n@book{b}\n@article{a}\n@phdthesis{t}\n");
    GroupOptions options = grouped_by({"type"}, {});
    options.type_order = {"thesis", "article"};
    EXPECT_EQ(grouped(*r, options),
              "## Theses t ## Journal Articles a ## Miscellaneous m ## Books b");
}

// Like jekyll-scholar case 64 (group_by: year,month, descending; month names), except that the
// two crossref children of hlw2022 inherit its year and month and so join it under October 2022
// (jekyll-scholar's query skipped inherited months). Entries without a month here have a group
// with an empty name instead of crashing jekyll-scholar (case 65).
TEST(GroupRecords, YearThenMonthDescending) {
    auto r = records_of("@misc{a, year = 2024, month = {Sept.}}\n@misc{b, year = 2024, month = 3}\n"
                        "@misc{c, year = 2024, month = may}\n@misc{d, year = 2023}\n"
                        "@proceedings{p, year = 2022, month = oct}\n"
                        "@inproceedings{q, crossref = {p}}\n");
    EXPECT_EQ(grouped(*r, grouped_by({"year", "month"}, {Order::descending})),
              "## 2024 ### September a ### May c ### March b ## 2023 ### d ## 2022 ### October p "
              "q");
}

TEST(GroupRecords, PerLevelOrdersLastRepeats) {
    auto r = records_of("@misc{a, year = 2020}\n@article{b, year = 2021}\n@misc{c, year = 2021}\n");
    GroupOptions options = grouped_by({"year", "type"}, {Order::descending, Order::ascending});
    options.type_order = {"misc", "article"};
    EXPECT_EQ(grouped(*r, options),
              "## 2021 ### Miscellaneous c ### Journal Articles b ## 2020 ### Miscellaneous a");
    options.orders = {Order::descending}; // applies to both levels
    EXPECT_EQ(grouped(*r, options),
              "## 2021 ### Journal Articles b ### Miscellaneous c ## 2020 ### Miscellaneous a");
}

TEST(GroupRecords, OddYearsAreGroupsOfTheirOwnWithoutCrashing) {
    // jekyll-scholar cases 52 and 55: `August, 2005` crashed its grouping; `1992--1993` is a group.
    auto r = records_of("@misc{a, year = {August, 2005}}\n@misc{b, year = {1992--1993}}\n"
                        "@misc{c, year = 1993}\n@misc{d, year = 2005}\n");
    EXPECT_EQ(grouped(*r, grouped_by({"year"}, {})),
              "## 1992--1993 b ## 1993 c ## 2005 d ## August, 2005 a");
}

TEST(GroupRecords, ListFieldsPutAnEntryInEachOfItsGroups) {
    auto r = records_of("@misc{a, project = {opt, nets}}\n@misc{b, project = {nets}}\n@misc{c}\n");
    EXPECT_EQ(grouped(*r, grouped_by({"project"}, {})), "## c ## nets a b ## opt a");
}

TEST(GroupRecords, NoneMeansNoGroups) {
    auto r = records_of("@misc{a, year = 2020}\n");
    EXPECT_FALSE(grouped_by({"none"}, {}).grouping());
    EXPECT_EQ(grouped(*r, grouped_by({"none"}, {})), "");
}

TEST(LimitGroups, SkipsAndKeepsInReadingOrderDroppingEmptyGroups) {
    auto r = records_of("@misc{a, year = 2020}\n@misc{b, year = 2021}\n@misc{c, year = 2021}\n"
                        "@misc{d, year = 2022}\n");
    auto list = pointers(r->records);
    auto groups = group_records(list, grouped_by({"year"}, {Order::descending}));
    limit_groups(groups, 1, 2);
    EXPECT_EQ(groups_line(groups), "## 2021 b c");
    EXPECT_EQ(count_records(groups), 2u);
    auto all = group_records(list, grouped_by({"year"}, {}));
    limit_groups(all, 0, 0); // 0: no limit
    EXPECT_EQ(count_records(all), 4u);
}

TEST(RemoveDuplicates, TypeYearTitleIgnoringCaseAndWhitespaceFirstStays) {
    auto r = records_of("@article{a, title = {Sparse  Nets}, year = 2024, author = {X}}\n"
                        "@article{b, title = {sparse nets}, year = 2024, author = {Y}}\n"
                        "@misc{c, title = {Sparse Nets}, year = 2024}\n"
                        "@article{d, title = {Sparse Nets}, year = 2023}\n"
                        "@article{e, title = {Sparse Nets}, year = 2024, author = {X}}\n");
    auto list = pointers(r->records);
    remove_duplicates(list, default_duplicate_fields());
    EXPECT_EQ(keys_of(list), "a c d");
    list = pointers(r->records);
    remove_duplicates(list, std::vector<std::string>{"title", "author"});
    EXPECT_EQ(keys_of(list), "a b c d");
}

} // namespace
} // namespace bibkit::query
