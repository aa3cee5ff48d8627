// Splitting a name list at `and`, and BibTeX's num.names$.

#include <bibkit/names/name_list.hpp>
#include <gtest/gtest.h>

namespace bibkit::names {
namespace {

using Names = std::vector<std::string_view>;

TEST(NameList, SplitsAtAndInAnyLetterCase) {
    EXPECT_EQ(split_name_list("A. One and B. Two AND C. Three And D. Four").names,
              (Names{"A. One", "B. Two", "C. Three", "D. Four"}));
}

TEST(NameList, AndNeedsWhiteSpaceOnBothSides) {
    EXPECT_EQ(count_names("A andB"), 1u);
    EXPECT_EQ(count_names("Aand B"), 1u);
    EXPECT_EQ(count_names("A~and~B"), 1u);
    EXPECT_EQ(count_names("A and{} B"), 1u);
    EXPECT_EQ(count_names("A {}and B"), 1u);
    EXPECT_EQ(count_names("and John Smith"), 1u);
    EXPECT_EQ(count_names("John Smith and"), 1u);
    EXPECT_EQ(count_names("Anderson, Sandra and Sandy Andrews"), 2u);
}

TEST(NameList, AndInsideBracesDoesNotSplit) {
    EXPECT_EQ(split_name_list("{Simon and Schuster} and B").names,
              (Names{"{Simon and Schuster}", "B"}));
    EXPECT_EQ(count_names("Barnes {and} Noble"), 1u);
}

TEST(NameList, EmptyNamesKeepTheirPlace) {
    EXPECT_EQ(count_names("A and and B"), 3u);
    EXPECT_EQ(split_name_list("A and and B").names, (Names{"A", "", "B"}));
}

TEST(NameList, BlankValuesHaveNoNames) {
    EXPECT_EQ(count_names(""), 0u);
    EXPECT_EQ(count_names("   "), 0u);
    EXPECT_TRUE(split_name_list("  ").names.empty());
}

TEST(NameList, AndOthersIsTheEtAlFlag) {
    NameList list = split_name_list("Smith, J. and others");
    EXPECT_EQ(list.names, (Names{"Smith, J."}));
    EXPECT_EQ(list.et_al, EtAl::yes);
    EXPECT_EQ(count_names("Smith, J. and others"), 2u); // num.names$ counts it
    // Alone, `others` is a name; `Others` is a name too (the styles compare case-sensitively).
    EXPECT_EQ(split_name_list("others").et_al, EtAl::no);
    EXPECT_EQ(split_name_list("A and Others").et_al, EtAl::no);
}

TEST(NameList, NamesAreViewsIntoTheValue) {
    std::string value = "A and B";
    NameList list = split_name_list(value);
    ASSERT_EQ(list.names.size(), 2u);
    EXPECT_EQ(list.names[1].data(), value.data() + 6);
}

} // namespace
} // namespace bibkit::names
