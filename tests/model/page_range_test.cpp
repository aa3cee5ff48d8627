// Page ranges normalized to one hyphen-minus.

#include <bibkit/model/page_range.hpp>
#include <gtest/gtest.h>

namespace bibkit::model {
namespace {

TEST(PageRange, DashesBecomeOneHyphen) {
    EXPECT_EQ(normalize_page_range("12--34"), "12-34");
    EXPECT_EQ(normalize_page_range("12-34"), "12-34");
    EXPECT_EQ(normalize_page_range("12---34"), "12-34");
    EXPECT_EQ(normalize_page_range("12 -- 34"), "12-34");
    EXPECT_EQ(normalize_page_range("12\xE2\x80\x93"
                                   "34"),
              "12-34");
    EXPECT_EQ(normalize_page_range("12 \xE2\x80\x94 34"), "12-34");
    EXPECT_EQ(normalize_page_range("12\\textendash{}34"), "12-34");
    EXPECT_EQ(normalize_page_range("12\\textendash 34"), "12-34");
}

TEST(PageRange, SeveralRangesAndOtherTextKept) {
    EXPECT_EQ(normalize_page_range("1--3, 5--7"), "1-3, 5-7");
    EXPECT_EQ(normalize_page_range("e1234"), "e1234");
    EXPECT_EQ(normalize_page_range("S12--S34"), "S12-S34");
    EXPECT_EQ(normalize_page_range("iv + 320"), "iv + 320");
}

} // namespace
} // namespace bibkit::model
