// Sorting: several keys with their own orders, stability, numbers, names, missing values last.

#include "query_fixture.hpp"

#include <bibkit/query/sort.hpp>
#include <gtest/gtest.h>

namespace bibkit::query {
namespace {

using testing::keys_of;
using testing::pointers;
using testing::records_of;

std::string sorted(const testing::Records& r, std::vector<std::string> fields,
                   std::vector<Order> orders) {
    auto list = pointers(r.records);
    sort_records(list, make_sort_keys(fields, orders));
    return keys_of(list);
}

TEST(SortOrder, ReadsJekyllScholarSpellings) {
    EXPECT_EQ(parse_order("descending"), Order::descending);
    EXPECT_EQ(parse_order("DESC"), Order::descending);
    EXPECT_EQ(parse_order("reverse"), Order::descending);
    EXPECT_EQ(parse_order("ascending"), Order::ascending);
    EXPECT_EQ(parse_order("anything"), Order::ascending);
    const std::vector<Order> orders = {Order::descending, Order::ascending};
    EXPECT_EQ(order_at(orders, 0), Order::descending);
    EXPECT_EQ(order_at(orders, 5), Order::ascending); // the last one repeats
    EXPECT_EQ(order_at({}, 0), Order::ascending);
}

TEST(SortKeys, NoneMeansNoSorting) {
    EXPECT_TRUE(make_sort_keys(std::vector<std::string>{"none"}, {}).empty());
    auto keys = make_sort_keys(std::vector<std::string>{"Year", "month"},
                               std::vector<Order>{Order::descending});
    ASSERT_EQ(keys.size(), 2u);
    EXPECT_EQ(keys[0].field, "year");
    EXPECT_EQ(keys[1].order, Order::descending);
}

// jekyll-scholar case 25 (sort_by: year, order: ascending) on durand.bib, except that the two
// entries without a year come last, not first: bibkit puts missing values last in either order
// (jekyll-scholar compared them as "" and put them first when ascending). Ties keep file order.
TEST(SortRecords, YearAscendingMissingLastTiesInFileOrder) {
    auto r = records_of(testing::read_test_file("durand.bib"));
    EXPECT_EQ(sorted(*r, {"year"}, {Order::ascending}),
              "durand2017first durand2018msc durand2019workshop durand2019convex durand2020inria "
              "durand2020sketch durand2021phd durand2021adaptive Durand:2021:gossip "
              "durand2022lottery durand2022variance durand2022gossipws durand2022adaptivews "
              "hlw2022 durand2023momentum durand2023pruning durand2023chapter durand2023talk "
              "durand2024sparse durand2024heavy durand2024inbook durand2025lowrank "
              "durand2025lectures durand_inprep durand_submitted");
}

TEST(SortRecords, MissingValuesLastWhenDescendingToo) {
    auto r = records_of("@misc{none}\n@misc{old, year = 1999}\n@misc{new, year = 2024}\n");
    EXPECT_EQ(sorted(*r, {"year"}, {Order::descending}), "new old none");
    EXPECT_EQ(sorted(*r, {"year"}, {Order::ascending}), "old new none");
}

TEST(SortRecords, PerKeyOrdersAndMonthNumbers) {
    auto r = records_of("@misc{a, year = 2020, month = mar}\n@misc{b, year = 2021, month = 2}\n"
                        "@misc{c, year = 2020, month = {November}}\n@misc{d, year = 2021}\n"
                        "@misc{e, year = 2020, month = {Sept.}}\n");
    // Month by number, not by name: November after September after March.
    EXPECT_EQ(sorted(*r, {"year", "month"}, {Order::descending, Order::ascending}), "b d a e c");
    EXPECT_EQ(sorted(*r, {"year", "month"}, {Order::descending}), "b d c e a");
}

TEST(SortRecords, NumbersAsNumbersTextByCollation) {
    auto r = records_of("@misc{ten, volume = 10}\n@misc{nine, volume = 9}\n"
                        "@misc{x, title = {zebra}}\n@misc{y, title = {{\\'E}clair}}\n"
                        "@misc{z, title = {apple}}\n");
    EXPECT_EQ(sorted(*r, {"volume"}, {}), "nine ten x y z");
    // Decoded and collated: Éclair between apple and zebra, not after z as bytes would put it.
    EXPECT_EQ(sorted(*r, {"title"}, {}), "z y x ten nine");
}

TEST(SortRecords, MixedNumbersAndTextCompareAsText) {
    auto r = records_of("@misc{a, year = {2004-- \\ldots}}\n@misc{b, year = 2005}\n"
                        "@misc{c, year = 1999}\n");
    EXPECT_EQ(sorted(*r, {"year"}, {}), "c a b");
}

TEST(SortRecords, NamesByFamilyThenGiven) {
    auto r = records_of("@misc{u, author = {{\\\"U}nal, Ay{\\c{s}}e}}\n"
                        "@misc{b2, author = {Anna van der Berg}}\n"
                        "@misc{d2, author = {Durand, Zo{\\'e}}}\n"
                        "@misc{d1, author = {Durand, Camille and Zhou, Wei}}\n"
                        "@misc{d0, author = {Durand, Camille}}\n"
                        "@misc{w, author = {{World Health Organization}}}\n");
    // Berg (van der) < Durand Camille < Durand Camille and Zhou < Durand Zoé < Ünal < World.
    EXPECT_EQ(sorted(*r, {"author"}, {}), "b2 d0 d1 d2 u w");
}

TEST(SortRecords, NameFallsBackToEditorInstitutionPublisher) {
    auto r = records_of("@book{p, publisher = {Springer}}\n@book{e, editor = {Adams, Ann}}\n"
                        "@book{a, author = {Zimmer, Zoe}}\n@book{n}\n");
    EXPECT_EQ(sorted(*r, {"name"}, {}), "e p a n");
}

TEST(SortRecords, IsStable) {
    std::string bib;
    for (int i = 0; i < 200; ++i)
        bib += "@misc{k" + std::to_string(i) + ", year = " + std::to_string(2000 + i % 3) + "}\n";
    auto r = records_of(bib);
    auto list = pointers(r->records);
    sort_records(list, make_sort_keys(std::vector<std::string>{"year"}, {}));
    for (std::size_t i = 1; i < list.size(); ++i) {
        auto year = [&](std::size_t j) { return *list[j]->value("year"); };
        if (year(i) == year(i - 1)) {
            EXPECT_LT(list[i - 1]->index(), list[i]->index());
        }
    }
}

} // namespace
} // namespace bibkit::query
