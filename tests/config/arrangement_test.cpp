// What settings mean for arranging entries: sort keys, group levels, names, limits, heading levels.

#include <bibkit/config/arrangement.hpp>
#include <gtest/gtest.h>

namespace bibkit::config {
namespace {

TEST(Arrangement, DefaultsAreJekyllScholars) {
    const query::ArrangeOptions options = arrange_options(Settings{});
    EXPECT_TRUE(options.sort.empty());
    EXPECT_FALSE(options.group.grouping());
    EXPECT_EQ(options.group.type_aliases.at("phdthesis"), "thesis");
    EXPECT_EQ(options.group.type_names.at("thesis"), "Theses");
    EXPECT_EQ(options.group.type_names.count("inbook"), 0u);
    EXPECT_EQ(options.group.month_names[8], "September");
    EXPECT_FALSE(options.remove_duplicates);
    EXPECT_EQ(heading_levels(Settings{}), (std::vector<int>{2, 3, 4, 5}));
}

TEST(Arrangement, SettingsCarryOver) {
    Settings settings;
    settings.sort_by = {"Year", "month"};
    settings.order = {"descending"};
    settings.group_by = {"year", "type"};
    settings.group_order = {"descending", "ascending"};
    settings.type_order = {"Article"};
    settings.month_names = {"janv.", "févr.", "mars",  "avr.", "mai",  "juin",
                            "juil.", "août",  "sept.", "oct.", "nov.", "déc."};
    settings.max = 5;
    settings.offset = 2;
    settings.remove_duplicates = {true, {"Title"}};
    settings.bibliography_group_tag = {"h3", "div"};
    const query::ArrangeOptions options = arrange_options(settings);
    ASSERT_EQ(options.sort.size(), 2u);
    EXPECT_EQ(options.sort[0].field, "year");
    EXPECT_EQ(options.sort[1].order, query::Order::descending); // the last order repeats
    EXPECT_EQ(options.group.fields, (std::vector<std::string>{"year", "type"}));
    EXPECT_EQ(options.group.orders[1], query::Order::ascending);
    EXPECT_EQ(options.group.type_order, (std::vector<std::string>{"article"}));
    EXPECT_EQ(options.group.month_names[1], "févr.");
    EXPECT_EQ(options.max, 5u);
    EXPECT_EQ(options.offset, 2u);
    EXPECT_TRUE(options.remove_duplicates);
    EXPECT_EQ(options.duplicate_fields, (std::vector<std::string>{"title"}));
    EXPECT_EQ(heading_levels(settings), (std::vector<int>{3, 4})); // a non-heading tag: next level
}

} // namespace
} // namespace bibkit::config
