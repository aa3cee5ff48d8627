// ISO text, CSL-JSON and sort keys of dates.

#include <algorithm>
#include <bibkit/dates/date_output.hpp>
#include <bibkit/dates/date_parser.hpp>
#include <gtest/gtest.h>
#include <string>

namespace bibkit::dates {
namespace {

Date parsed(std::string_view text) {
    return parse_date(text).date;
}

TEST(DateOutput, IsoRoundTrips) {
    for (const char* text : {"2024", "2024-03", "2024-03-05", "2024-21", "2024~", "2024-03?",
                             "2024%", "-0044-03-15", "0000", "Y170000002", "2024-03-05T10:30:00Z",
                             "2024-03-05/2024-04-01", "2020/..", "../2020", "2020/", "/2020"})
        EXPECT_EQ(to_iso(parsed(text)), text);
    EXPECT_EQ(to_iso(parsed("2024-03-05T10:30")), "2024-03-05T10:30:00");
    EXPECT_EQ(to_iso(Date{}), "");
    EXPECT_EQ(to_iso(parsed("in press")), "in press");
}

TEST(DateOutput, CslJson) {
    using nlohmann::json;
    EXPECT_EQ(to_csl_json(parsed("2024-03")), json::parse(R"({"date-parts": [[2024, 3]]})"));
    EXPECT_EQ(to_csl_json(parsed("2024-03-05")), json::parse(R"({"date-parts": [[2024, 3, 5]]})"));
    EXPECT_EQ(to_csl_json(parsed("2024-03-05/2024-04-01")),
              json::parse(R"({"date-parts": [[2024, 3, 5], [2024, 4, 1]]})"));
    EXPECT_EQ(to_csl_json(parsed("2024-22")),
              json::parse(R"({"date-parts": [[2024]], "season": 2})"));
    EXPECT_EQ(to_csl_json(parsed("2024~")),
              json::parse(R"({"date-parts": [[2024]], "circa": true})"));
    EXPECT_EQ(to_csl_json(parsed("2024?")), json::parse(R"({"date-parts": [[2024]]})"));
    EXPECT_EQ(to_csl_json(parsed("2024/2025%")),
              json::parse(R"({"date-parts": [[2024], [2025]], "circa": true})"));
    EXPECT_EQ(to_csl_json(parsed("2020/..")), json::parse(R"({"date-parts": [[2020], [0]]})"));
    EXPECT_EQ(to_csl_json(parsed("../2020")), json::parse("{\"literal\": \"\xE2\x80\x93"
                                                          "2020\"}"));
    EXPECT_EQ(to_csl_json(parsed("-0043")), json::parse(R"({"date-parts": [[-44]]})"));
    EXPECT_EQ(to_csl_json(parsed("0000")), json::parse(R"({"date-parts": [[-1]]})"));
    EXPECT_EQ(to_csl_json(parsed("forthcoming")), json::parse(R"({"literal": "forthcoming"})"));
    EXPECT_TRUE(to_csl_json(Date{}).is_null());
}

TEST(DateOutput, PlainDatesAreWrittenDirectlyAsTheirTreeWouldBe) {
    for (const char* text : {"2024", "2024-03", "2024-03-05", "2024?", "-0044-03-15", "0000",
                             "Y170000002", "2024-03-05T10:30:00Z"}) {
        std::string out;
        JsonWriter json(out);
        EXPECT_TRUE(write_plain_csl_json(json, parsed(text))) << text;
        EXPECT_EQ(out, to_csl_json(parsed(text)).dump()) << text;
    }
    for (const char* text : {"2024-21", "2024~", "2024%", "2020/2021", "2020/..", "in press"}) {
        std::string out;
        JsonWriter json(out);
        EXPECT_FALSE(write_plain_csl_json(json, parsed(text))) << text;
        EXPECT_EQ(out, "") << text;
    }
    std::string out;
    JsonWriter json(out);
    EXPECT_FALSE(write_plain_csl_json(json, Date{}));
}

TEST(DateOutput, SortKeysAreChronological) {
    const char* in_order[] = {"-0044-03-15",
                              "0000",
                              "0999",
                              "2023-12-31",
                              "2024",
                              "2024-01",
                              "2024-03",
                              "2024-21",
                              "2024-04",
                              "2024-04-01",
                              "2024-04-01/2024-05",
                              "2024-04-01/..",
                              "2024-12",
                              "2024-24",
                              "2025",
                              "forthcoming",
                              "in press"};
    std::vector<std::string> keys;
    for (const char* text : in_order) keys.push_back(sort_key(parsed(text)));
    keys.push_back(sort_key(Date{}));
    EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
    EXPECT_EQ(std::adjacent_find(keys.begin(), keys.end()), keys.end()); // all distinct
    // The time of day plays no part.
    EXPECT_EQ(sort_key(parsed("2024-03-05T10:30")), sort_key(parsed("2024-03-05")));
}

} // namespace
} // namespace bibkit::dates
