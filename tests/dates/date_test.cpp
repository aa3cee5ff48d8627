// Calendar rules of the date model.

#include <bibkit/dates/date.hpp>
#include <gtest/gtest.h>

namespace bibkit::dates {
namespace {

TEST(Date, LeapYearsFollowTheGregorianRules) {
    EXPECT_TRUE(is_leap_year(2024));
    EXPECT_FALSE(is_leap_year(2023));
    EXPECT_FALSE(is_leap_year(1900));
    EXPECT_TRUE(is_leap_year(2000));
    EXPECT_FALSE(is_leap_year(2100));
    EXPECT_TRUE(is_leap_year(0));  // 1 BC
    EXPECT_TRUE(is_leap_year(-4)); // 5 BC
    EXPECT_FALSE(is_leap_year(-100));
}

TEST(Date, DaysInMonth) {
    const int expected[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int month = 1; month <= 12; ++month)
        EXPECT_EQ(days_in_month(2023, month), expected[month - 1]) << month;
    EXPECT_EQ(days_in_month(2024, 2), 29);
    EXPECT_EQ(days_in_month(1900, 2), 28);
    EXPECT_EQ(days_in_month(2000, 2), 29);
    EXPECT_EQ(days_in_month(2024, 0), 0);
    EXPECT_EQ(days_in_month(2024, 13), 0);
    EXPECT_EQ(days_in_month(2024, k_spring), 0);
}

TEST(Date, SeasonsAre21To24) {
    DatePoint point;
    point.month = k_spring;
    EXPECT_TRUE(point.is_season());
    point.month = 12;
    EXPECT_FALSE(point.is_season());
}

TEST(Date, ResultsKnowWhetherTheyHoldErrors) {
    DateResult result;
    EXPECT_FALSE(result.has_errors());
    result.diagnostics.push_back({Severity::warning, "w", "m", "year", 0});
    EXPECT_FALSE(result.has_errors());
    result.diagnostics.push_back({Severity::error, "e", "m", "year", 0});
    EXPECT_TRUE(result.has_errors());
}

} // namespace
} // namespace bibkit::dates
