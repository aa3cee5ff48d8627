// keywords and project values split into items.

#include <bibkit/model/lists.hpp>
#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace bibkit::model {
namespace {

using Items = std::vector<std::string_view>;

TEST(SplitList, CommasAndSemicolonsTrimmed) {
    EXPECT_EQ(split_list("optimization, learning;theory ;  games"),
              (Items{"optimization", "learning", "theory", "games"}));
    EXPECT_EQ(split_list("stochastic-optimization"), (Items{"stochastic-optimization"}));
}

TEST(SplitList, EmptyItemsDropped) {
    EXPECT_EQ(split_list(""), Items{});
    EXPECT_EQ(split_list(" , ;; "), Items{});
    EXPECT_EQ(split_list("a,,b,"), (Items{"a", "b"}));
}

TEST(SplitList, SeparatorsInsideBracesAreText) {
    EXPECT_EQ(split_list("{Smith, John}; a{b,c}d, e"), (Items{"{Smith, John}", "a{b,c}d", "e"}));
    EXPECT_EQ(split_list("a\\;b, c"), (Items{"a\\;b", "c"}));
}

TEST(SplitList, DuplicatesIgnoringCaseKeepTheFirst) {
    EXPECT_EQ(split_list("ML, theory, ml, Theory, THEORY"), (Items{"ML", "theory"}));
    // Unicode case folding: É and é, ß and SS.
    EXPECT_EQ(split_list("Étude, étude, Straße, STRASSE"), (Items{"Étude", "Straße"}));
}

TEST(SplitList, ItemsViewTheInput) {
    std::string value = "a, b";
    Items items = split_list(value);
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[1].data(), value.data() + 3);
}

} // namespace
} // namespace bibkit::model
