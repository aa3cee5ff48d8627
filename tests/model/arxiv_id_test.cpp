// arXiv identifiers in every form, old and new style, and every kind of rejection.

#include <bibkit/model/arxiv_id.hpp>
#include <gtest/gtest.h>

namespace bibkit::model {
namespace {

// "id|version|style|category", or the error message.
std::string parsed(std::string_view text) {
    auto id = parse_arxiv_id(text);
    if (!id) return "error: " + id.error().message;
    return id->id + "|" + std::to_string(id->version) + "|" +
           (id->style == ArxivStyle::modern ? "new" : "old") + "|" + id->primary_category;
}

TEST(ArxivId, NewStyle) {
    EXPECT_EQ(parsed("2406.09241"), "2406.09241|0|new|");
    EXPECT_EQ(parsed("2406.09241v2"), "2406.09241|2|new|");
    EXPECT_EQ(parsed("0704.0001"), "0704.0001|0|new|");
    EXPECT_EQ(parsed("1412.6980v9"), "1412.6980|9|new|");
    EXPECT_EQ(parsed("1501.00001"), "1501.00001|0|new|");
    EXPECT_EQ(parsed("arXiv:2406.09241v2"), "2406.09241|2|new|");
    EXPECT_EQ(parsed("arxiv: 2406.09241"), "2406.09241|0|new|");
    EXPECT_EQ(parsed("ARXIV:1706.03762v12"), "1706.03762|12|new|");
}

TEST(ArxivId, Urls) {
    EXPECT_EQ(parsed("https://arxiv.org/abs/2406.09241"), "2406.09241|0|new|");
    EXPECT_EQ(parsed("http://arxiv.org/abs/2406.09241v3"), "2406.09241|3|new|");
    EXPECT_EQ(parsed("https://arxiv.org/pdf/2406.09241"), "2406.09241|0|new|");
    EXPECT_EQ(parsed("https://arxiv.org/pdf/2406.09241v1.pdf"), "2406.09241|1|new|");
    EXPECT_EQ(parsed("https://www.arxiv.org/abs/2406.09241/"), "2406.09241|0|new|");
    EXPECT_EQ(parsed("http://export.arxiv.org/abs/hep-th/9901001"), "hep-th/9901001|0|old|hep-th");
    EXPECT_EQ(parsed("https://arxiv.org/abs/math.GT/0309136v2?context=math"),
              "math.GT/0309136|2|old|math.GT");
    EXPECT_EQ(parsed("\\url{https://arxiv.org/abs/2406.09241}"), "2406.09241|0|new|");
}

TEST(ArxivId, OldStyle) {
    EXPECT_EQ(parsed("hep-th/9901001"), "hep-th/9901001|0|old|hep-th");
    EXPECT_EQ(parsed("math.GT/0309136"), "math.GT/0309136|0|old|math.GT");
    EXPECT_EQ(parsed("cond-mat/0001001v2"), "cond-mat/0001001|2|old|cond-mat");
    EXPECT_EQ(parsed("arXiv:quant-ph/0703001"), "quant-ph/0703001|0|old|quant-ph");
    EXPECT_EQ(parsed("HEP-TH/9108001"), "hep-th/9108001|0|old|hep-th");
    EXPECT_EQ(parsed("solv-int/9901001v1"), "solv-int/9901001|1|old|solv-int");
    EXPECT_EQ(parsed("cond-mat.str-el/0501001"), "cond-mat.str-el/0501001|0|old|cond-mat.str-el");
}

TEST(ArxivId, RejectionsSayWhy) {
    EXPECT_EQ(parsed("2413.00001"),
              "error: '2413.00001' is not an arXiv id: month 13 does not exist");
    EXPECT_EQ(parsed("2400.00001"),
              "error: '2400.00001' is not an arXiv id: month 00 does not exist");
    EXPECT_EQ(parsed("0612.1234"),
              "error: '0612.1234' is not an arXiv id: new-style ids start in April 2007 (0704)");
    EXPECT_EQ(parsed("1501.1234"), "error: '1501.1234' is not an arXiv id: ids from 1501 have 5 "
                                   "digits after the dot, not 4");
    EXPECT_EQ(parsed("1412.12345"), "error: '1412.12345' is not an arXiv id: ids from 1412 have 4 "
                                    "digits after the dot, not 5");
    EXPECT_EQ(parsed("foo-bar/9901001"),
              "error: 'foo-bar/9901001' is not an arXiv id: unknown archive 'foo-bar'");
    EXPECT_EQ(parsed("stat/0701001"),
              "error: 'stat/0701001' is not an arXiv id: unknown archive 'stat'");
    EXPECT_EQ(parsed("hep-th/9913001"),
              "error: 'hep-th/9913001' is not an arXiv id: month 13 does not exist");
    EXPECT_EQ(parsed("hep-th/0801001"),
              "error: 'hep-th/0801001' is not an arXiv id: old-style ids run from 9107 to 0703");
    EXPECT_EQ(parsed("hep-th/990100"),
              "error: 'hep-th/990100' is not an arXiv id: old-style ids have seven digits after "
              "the '/'");
    EXPECT_EQ(parsed("hep-th/9901000"),
              "error: 'hep-th/9901000' is not an arXiv id: numbers within a month start at 001");
    EXPECT_EQ(parsed("math.G1/0309136"),
              "error: 'math.G1/0309136' is not an arXiv id: bad subject class 'G1'");
    EXPECT_EQ(parsed("2406.09241v0"), "error: '2406.09241v0' is not an arXiv id: the version "
                                      "after 'v' must be a number from 1");
    EXPECT_EQ(parsed("2406.09241v"), "error: '2406.09241v' is not an arXiv id: the version after "
                                     "'v' must be a number from 1");
    EXPECT_EQ(parsed("https://arxiv.org/list/cs.LG"),
              "error: 'https://arxiv.org/list/cs.LG' is not an arXiv id: an arxiv.org URL must "
              "point to /abs/ or /pdf/");
    EXPECT_EQ(parsed("arXiv:"), "error: 'arXiv:' is not an arXiv id: no id after the prefix");
    EXPECT_EQ(parsed(""), "error: '' is not an arXiv id: the value is empty");
    EXPECT_EQ(parsed("24.06"),
              "error: '24.06' is not an arXiv id: expected YYMM.NNNNN or archive/YYMMNNN");
    EXPECT_EQ(parse_arxiv_id("2413.00001").error().code, "malformed-arxiv-id");
}

TEST(ArxivId, VersionedAndUrl) {
    auto id = parse_arxiv_id("arXiv:2406.09241v2");
    ASSERT_TRUE(id);
    EXPECT_EQ(id->versioned(), "2406.09241v2");
    EXPECT_EQ(id->abs_url(), "https://arxiv.org/abs/2406.09241v2");
    auto old = parse_arxiv_id("math.GT/0309136");
    ASSERT_TRUE(old);
    EXPECT_EQ(old->versioned(), "math.GT/0309136");
    EXPECT_EQ(old->abs_url(), "https://arxiv.org/abs/math.GT/0309136");
}

} // namespace
} // namespace bibkit::model
