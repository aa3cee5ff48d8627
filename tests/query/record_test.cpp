// What queries see of an entry: raw values, aliases, inheritance, months, key, year from date.

#include "query_fixture.hpp"

#include <gtest/gtest.h>

namespace bibkit::query {
namespace {

using testing::records_of;

TEST(Record, ValuesAreRawBibTeXAfterMacroExpansion) {
    auto r = records_of("@string{siopt = {SIAM Journal on Optimization}}\n"
                        "@article{a, title = {Caf{\\'e} $x$}, journal = siopt, year = 2020}\n");
    EXPECT_EQ(r->records[0].value("title"), "Caf{\\'e} $x$");
    EXPECT_EQ(r->records[0].value("journal"), "SIAM Journal on Optimization");
    EXPECT_EQ(r->records[0].value("journaltitle"), "SIAM Journal on Optimization");
    EXPECT_EQ(r->records[0].value("year"), "2020");
    EXPECT_EQ(r->records[0].value("key"), "a");
    EXPECT_FALSE(r->records[0].value("note").has_value());
}

TEST(Record, MonthsReadAsBibtexRubyNormalizesThem) {
    auto r = records_of("@misc{a, month = 7}\n@misc{b, month = {Sept.}}\n@misc{c, month = mar}\n"
                        "@misc{d, month = {Smarch}}\n@misc{e}\n");
    EXPECT_EQ(r->records[0].value("month"), "jul");
    EXPECT_EQ(r->records[0].value("month_numeric"), "7");
    EXPECT_EQ(r->records[1].value("month"), "sep");
    EXPECT_EQ(r->records[2].value("month_numeric"), "3");
    EXPECT_EQ(r->records[3].value("month"), "Smarch");
    EXPECT_FALSE(r->records[3].value("month_numeric").has_value());
    EXPECT_FALSE(r->records[4].value("month").has_value());
}

TEST(Record, YearFallsBackToTheYearOfDate) {
    auto r = records_of("@online{a, date = {2021-03-04}}\n@online{b, date = {2019/2020}, "
                        "year = 2018}\n@online{c, date = {unknown}}\n");
    EXPECT_EQ(r->records[0].value("year"), "2021");
    EXPECT_EQ(r->records[1].value("year"), "2018");
    EXPECT_FALSE(r->records[2].value("year").has_value());
}

TEST(Record, InheritedFieldsAreSeen) {
    auto r = records_of("@inproceedings{child, crossref = {proc}, title = {Paper}}\n"
                        "@proceedings{proc, title = {Workshop}, year = 2022, month = oct}\n");
    EXPECT_EQ(r->records[0].value("booktitle"), "Workshop");
    EXPECT_EQ(r->records[0].value("year"), "2022");
    EXPECT_EQ(r->records[0].value("month"), "oct");
    EXPECT_EQ(r->records[0].index(), 0u);
    EXPECT_EQ(r->records[1].index(), 1u);
}

TEST(Record, XdataEntriesAreNoRecords) {
    auto r = records_of("@xdata{x, publisher = {P}}\n@book{b, xdata = {x}, title = {T}}\n");
    ASSERT_EQ(r->records.size(), 1u);
    EXPECT_EQ(r->records[0].key(), "b");
    EXPECT_EQ(r->records[0].type(), "book");
    EXPECT_EQ(r->records[0].value("publisher"), "P");
}

TEST(Record, DurandBibHasTwentyFiveRecords) {
    auto r = records_of(testing::read_test_file("durand.bib"));
    EXPECT_EQ(r->records.size(), 25u);
    EXPECT_EQ(r->records[0].key(), "durand2025lowrank");
}

} // namespace
} // namespace bibkit::query
