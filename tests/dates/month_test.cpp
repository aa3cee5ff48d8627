// Every spelling of a month that .bib files hold.

#include <bibkit/dates/month.hpp>
#include <gtest/gtest.h>

namespace bibkit::dates {
namespace {

struct Spelling {
    const char* text;
    int month;
};

TEST(Month, EverySpellingOfEveryMonth) {
    const Spelling spellings[] = {
        // English: macro values, abbreviations with and without periods, numbers
        {"January", 1},
        {"january", 1},
        {"jan", 1},
        {"Jan.", 1},
        {"JAN", 1},
        {"1", 1},
        {"01", 1},
        {"February", 2},
        {"Feb.", 2},
        {"Febr.", 2},
        {"2", 2},
        {"02", 2},
        {"March", 3},
        {"Mar", 3},
        {"3", 3},
        {"April", 4},
        {"Apr.", 4},
        {"04", 4},
        {"May", 5},
        {"may", 5},
        {"5", 5},
        {"June", 6},
        {"Jun", 6},
        {"6", 6},
        {"July", 7},
        {"Jul.", 7},
        {"07", 7},
        {"August", 8},
        {"Aug", 8},
        {"8", 8},
        {"September", 9},
        {"Sep", 9},
        {"Sep.", 9},
        {"Sept", 9},
        {"Sept.", 9},
        {"09", 9},
        {"October", 10},
        {"Oct.", 10},
        {"10", 10},
        {"November", 11},
        {"nov", 11},
        {"11", 11},
        {"December", 12},
        {"Dec.", 12},
        {"12", 12},
        // German
        {"Januar", 1},
        {"Jänner", 1},
        {"Februar", 2},
        {"März", 3},
        {"Maerz", 3},
        {"Mrz.", 3},
        {"M{\\\"a}rz", 3},
        {"M\\\"{a}rz", 3},
        {"M\\\"arz", 3},
        {"Mai", 5},
        {"Juni", 6},
        {"Juli", 7},
        {"Oktober", 10},
        {"Okt.", 10},
        {"Dezember", 12},
        {"Dez.", 12},
        // French
        {"janvier", 1},
        {"janv.", 1},
        {"février", 2},
        {"f{\\'e}vrier", 2},
        {"f\\'evrier", 2},
        {"févr.", 2},
        {"mars", 3},
        {"avril", 4},
        {"avr.", 4},
        {"mai", 5},
        {"juin", 6},
        {"juillet", 7},
        {"juil.", 7},
        {"août", 8},
        {"ao{\\^u}t", 8},
        {"septembre", 9},
        {"octobre", 10},
        {"novembre", 11},
        {"décembre", 12},
        {"d{\\'e}cembre", 12},
        // Spanish
        {"enero", 1},
        {"febrero", 2},
        {"marzo", 3},
        {"abril", 4},
        {"mayo", 5},
        {"junio", 6},
        {"julio", 7},
        {"agosto", 8},
        {"septiembre", 9},
        {"setiembre", 9},
        {"octubre", 10},
        {"noviembre", 11},
        {"diciembre", 12},
        {"dic.", 12},
        {"ene.", 1},
        // Italian
        {"gennaio", 1},
        {"febbraio", 2},
        {"marzo", 3},
        {"aprile", 4},
        {"maggio", 5},
        {"giugno", 6},
        {"luglio", 7},
        {"agosto", 8},
        {"settembre", 9},
        {"ottobre", 10},
        {"novembre", 11},
        {"dicembre", 12},
        {"gen.", 1},
        {"lug.", 7},
        {"ott.", 10},
        // Dutch
        {"januari", 1},
        {"februari", 2},
        {"maart", 3},
        {"mrt", 3},
        {"mei", 5},
        {"juni", 6},
        {"juli", 7},
        {"augustus", 8},
        {"oktober", 10},
        // Braced and padded
        {"{jan}", 1},
        {"  March ", 3},
    };
    for (const Spelling& spelling : spellings) {
        auto month = parse_month(spelling.text);
        ASSERT_TRUE(month) << spelling.text << ": " << month.error().message;
        EXPECT_EQ(month->month, spelling.month) << spelling.text;
        EXPECT_EQ(month->end_month, 0) << spelling.text;
    }
}

TEST(Month, RangesGiveTheFirstMonthAndRecordTheSecond) {
    const char* ranges[] = {"Jan--Feb", "January-February", "jan/feb", "Jan \xE2\x80\x93 Feb",
                            "1--2",     "Jan. -- Feb."};
    for (const char* text : ranges) {
        auto month = parse_month(text);
        ASSERT_TRUE(month) << text;
        EXPECT_EQ(month->month, 1) << text;
        EXPECT_EQ(month->end_month, 2) << text;
    }
    auto spring = parse_month("March-April");
    ASSERT_TRUE(spring);
    EXPECT_EQ(spring->month, 3);
    EXPECT_EQ(spring->end_month, 4);
}

TEST(Month, AmbiguousAndUnknownWordsAreErrors) {
    EXPECT_EQ(month_number("ma"), 0);  // March or May
    EXPECT_EQ(month_number("jui"), 0); // juin or juillet
    EXPECT_EQ(month_number("ju"), 0);
    auto unknown = parse_month("Smarch");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, "unknown-month");
    EXPECT_EQ(unknown.error().message, "`Smarch` is not a month");
    EXPECT_EQ(unknown.error().field, "month");
    auto second = parse_month(" Jan--Foo");
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().message, "`Foo` is not a month");
    EXPECT_EQ(second.error().offset, 6u);
}

TEST(Month, NumbersOutsideOneToTwelveDoNotExist) {
    for (const char* text : {"13", "0", "00", "99"}) {
        auto month = parse_month(text);
        ASSERT_FALSE(month) << text;
        EXPECT_EQ(month.error().code, "month-out-of-range") << text;
        EXPECT_EQ(month.error().message, "month " + std::string(text) + " does not exist");
    }
    EXPECT_EQ(parse_month("{13}").error().offset, 1u);
}

} // namespace
} // namespace bibkit::dates
