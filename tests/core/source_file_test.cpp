// SourceFile: one input's bytes, and the mapping from byte offsets to lines and columns.

#include <bibkit/core/source_file.hpp>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <gtest/gtest.h>
#include <string>
#include <utility>
#include <vector>

namespace bibkit {
namespace {

const std::string k_data = BIBKIT_TEST_DATA;

std::string lowered(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// ---- open ---------------------------------------------------------------------------------------

TEST(SourceFileOpen, ReadsTheWholeFileAndKeepsThePathAsName) {
    auto file = SourceFile::open(k_data + "/core/hello.bib");
    ASSERT_TRUE(file.has_value()) << file.error().message;
    EXPECT_EQ(file->name(), k_data + "/core/hello.bib");
    EXPECT_EQ(file->text(), "@misc{hello,\n  title = {Caf\xC3\xA9}\n}\n");
    EXPECT_EQ(file->size(), 33u);
}

TEST(SourceFileOpen, AMissingFileIsAnIoErrorWithTheSystemMessage) {
    std::string path = k_data + "/core/no-such-file.bib";
    auto file = SourceFile::open(path);
    ASSERT_FALSE(file.has_value());
    EXPECT_EQ(file.error().path, path);
    EXPECT_EQ(file.error().message, std::strerror(ENOENT)); // "No such file or directory"
}

TEST(SourceFileOpen, ADirectoryIsAnError) {
    std::string path = k_data + "/core";
    auto file = SourceFile::open(path);
    ASSERT_FALSE(file.has_value());
    EXPECT_EQ(file.error().path, path);
    // The wording of strerror(EISDIR), whatever its capitalization.
    EXPECT_EQ(lowered(file.error().message), lowered(std::strerror(EISDIR)));
}

TEST(SourceFileOpen, AnEmptyFileIsReadAsEmptyText) {
    auto file = SourceFile::open(k_data + "/core/empty.bib");
    ASSERT_TRUE(file.has_value()) << file.error().message;
    EXPECT_EQ(file->text(), "");
    EXPECT_EQ(file->size(), 0u);
    EXPECT_EQ(file->line_column(0).line, 1u);
    EXPECT_EQ(file->line_column(0).column, 1u);
    EXPECT_EQ(file->line_at(0), "");
}

TEST(SourceFileOpen, LinesAndColumnsOfAMappedFile) {
    auto file = SourceFile::open(k_data + "/core/hello.bib");
    ASSERT_TRUE(file.has_value()) << file.error().message;
    // Offset 29 is the '}' after "Café" on line 2: "  title = {Café}" has 16 code points.
    LineColumn brace = file->line_column(29);
    EXPECT_EQ(brace.line, 2u);
    EXPECT_EQ(brace.column, 16u);
    EXPECT_EQ(file->line_at(29), "  title = {Caf\xC3\xA9}");
    EXPECT_EQ(file->line_at(31), "}");
}

// ---- from_string --------------------------------------------------------------------------------

TEST(SourceFileFromString, KeepsNameAndText) {
    SourceFile file = SourceFile::from_string("memory.bib", "@misc{a}");
    EXPECT_EQ(file.name(), "memory.bib");
    EXPECT_EQ(file.text(), "@misc{a}");
    EXPECT_EQ(file.size(), 8u);
}

TEST(SourceFileFromString, KeepsEmbeddedNulBytes) {
    SourceFile file = SourceFile::from_string("nul.bib", std::string("a\0b", 3));
    EXPECT_EQ(file.size(), 3u);
    EXPECT_EQ(file.text(), std::string_view("a\0b", 3));
}

// ---- line_column --------------------------------------------------------------------------------

TEST(SourceFileLineColumn, LinesAndColumnsAreOneBased) {
    SourceFile file = SourceFile::from_string("t.bib", "ab\ncd\n\nef");
    auto at = [&](std::uint32_t offset) {
        LineColumn lc = file.line_column(offset);
        return std::to_string(lc.line) + ":" + std::to_string(lc.column);
    };
    EXPECT_EQ(at(0), "1:1"); // a
    EXPECT_EQ(at(1), "1:2"); // b
    EXPECT_EQ(at(2), "1:3"); // the line break belongs to its line
    EXPECT_EQ(at(3), "2:1"); // c
    EXPECT_EQ(at(5), "2:3");
    EXPECT_EQ(at(6), "3:1"); // the empty line
    EXPECT_EQ(at(7), "4:1"); // e
    EXPECT_EQ(at(8), "4:2"); // f
    EXPECT_EQ(at(9), "4:3"); // end of text
}

TEST(SourceFileLineColumn, ColumnsCountCodePointsNotBytes) {
    // é is 2 bytes, € is 3 bytes, 𝄞 (U+1D11E) is 4 bytes; a tab is one column.
    SourceFile file =
        SourceFile::from_string("u.bib", "x\n\xC3\xA9\xE2\x82\xAC\xF0\x9D\x84\x9E\tz");
    auto column = [&](std::uint32_t offset) { return file.line_column(offset).column; };
    EXPECT_EQ(column(2), 1u);  // é
    EXPECT_EQ(column(4), 2u);  // €
    EXPECT_EQ(column(7), 3u);  // 𝄞
    EXPECT_EQ(column(11), 4u); // tab
    EXPECT_EQ(column(12), 5u); // z
    EXPECT_EQ(file.line_column(12).line, 2u);
}

TEST(SourceFileLineColumn, AnOffsetPastTheEndIsTheEndOfText) {
    SourceFile file = SourceFile::from_string("t.bib", "ab\ncd");
    LineColumn lc = file.line_column(1000);
    EXPECT_EQ(lc.line, 2u);
    EXPECT_EQ(lc.column, 3u);
}

TEST(SourceFileLineColumn, ALineLongerThanAnyInternalBlockKeepsCounting) {
    SourceFile file = SourceFile::from_string("long.bib", std::string(9000, 'a') + "\nb");
    EXPECT_EQ(file.line_column(8999).line, 1u);
    EXPECT_EQ(file.line_column(8999).column, 9000u);
    EXPECT_EQ(file.line_column(9001).line, 2u);
    EXPECT_EQ(file.line_column(9001).column, 1u);
}

TEST(SourceFileLineColumn, EveryOffsetOfALargeTextAgreesWithCountingByHand) {
    // Lines of 0..16 characters, some with a 2-byte 'é', over 30 000 bytes: whatever index the
    // implementation keeps, each offset must land on the line and column found by walking the text.
    std::string text;
    for (int i = 0; text.size() < 30000; ++i) {
        text.append(static_cast<std::size_t>(i % 17), 'x');
        if (i % 5 == 0) text += "\xC3\xA9";
        text += i % 7 == 0 ? "\r\n" : "\n";
    }
    SourceFile file = SourceFile::from_string("big.bib", text);
    std::uint32_t line = 1, column = 1;
    for (std::uint32_t offset = 0; offset <= text.size(); ++offset) {
        LineColumn lc = file.line_column(offset);
        ASSERT_EQ(lc.line, line) << "offset " << offset;
        ASSERT_EQ(lc.column, column) << "offset " << offset;
        if (offset == text.size()) break;
        unsigned char c = static_cast<unsigned char>(text[offset]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++column; // a code point starts here
        }
    }
}

TEST(SourceFileLineColumn, CrLfCountsAsOneLineBreak) {
    SourceFile file = SourceFile::from_string("t.bib", "ab\r\ncd\r\n");
    EXPECT_EQ(file.line_column(4).line, 2u);
    EXPECT_EQ(file.line_column(4).column, 1u);
    EXPECT_EQ(file.line_column(8).line, 3u);
}

// ---- line_at ------------------------------------------------------------------------------------

TEST(SourceFileLineAt, GivesTheWholeLineWithoutItsBreak) {
    SourceFile file = SourceFile::from_string("t.bib", "first\nsecond line\nthird");
    EXPECT_EQ(file.line_at(0), "first");
    EXPECT_EQ(file.line_at(3), "first");
    EXPECT_EQ(file.line_at(5), "first"); // the '\n' itself
    EXPECT_EQ(file.line_at(6), "second line");
    EXPECT_EQ(file.line_at(12), "second line");
    EXPECT_EQ(file.line_at(18), "third");
}

TEST(SourceFileLineAt, TheLastLineNeedsNoLineBreak) {
    SourceFile file = SourceFile::from_string("t.bib", "one\ntwo");
    EXPECT_EQ(file.line_at(4), "two");
    EXPECT_EQ(file.line_at(6), "two");
    EXPECT_EQ(file.line_at(7), "two");    // end of text
    EXPECT_EQ(file.line_at(1000), "two"); // clamped to the end
}

TEST(SourceFileLineAt, AfterAFinalLineBreakTheLineIsEmpty) {
    SourceFile file = SourceFile::from_string("t.bib", "one\n");
    EXPECT_EQ(file.line_at(4), "");
}

TEST(SourceFileLineAt, DropsTheCarriageReturnOfCrLf) {
    SourceFile file = SourceFile::from_string("t.bib", "one\r\ntwo\r\nthree");
    EXPECT_EQ(file.line_at(0), "one");
    EXPECT_EQ(file.line_at(3), "one"); // the '\r'
    EXPECT_EQ(file.line_at(5), "two");
    EXPECT_EQ(file.line_at(10), "three");
    EXPECT_EQ(file.line_at(15), "three");
}

TEST(SourceFileLineAt, EmptyLinesInTheMiddle) {
    SourceFile file = SourceFile::from_string("t.bib", "a\n\n\nb");
    EXPECT_EQ(file.line_at(2), "");
    EXPECT_EQ(file.line_at(3), "");
    EXPECT_EQ(file.line_at(4), "b");
}

// ---- moves --------------------------------------------------------------------------------------

TEST(SourceFileMove, MoveConstructionKeepsAShortTextValid) {
    // A short string lives inside the std::string object (SSO): the view must follow it.
    SourceFile original = SourceFile::from_string("s.bib", "ab\ncd");
    EXPECT_EQ(original.line_column(4).line, 2u); // builds the line index before the move
    SourceFile moved(std::move(original));
    EXPECT_EQ(moved.name(), "s.bib");
    EXPECT_EQ(moved.text(), "ab\ncd");
    EXPECT_EQ(moved.line_at(4), "cd");
    EXPECT_EQ(moved.line_column(4).line, 2u);
    EXPECT_EQ(moved.line_column(4).column, 2u);
}

TEST(SourceFileMove, MoveAssignmentKeepsTheTextValid) {
    SourceFile target = SourceFile::from_string("old.bib", std::string(1000, 'x'));
    SourceFile source = SourceFile::from_string("new.bib", "one\ntwo");
    target = std::move(source);
    EXPECT_EQ(target.name(), "new.bib");
    EXPECT_EQ(target.text(), "one\ntwo");
    EXPECT_EQ(target.size(), 7u);
    EXPECT_EQ(target.line_at(5), "two");
}

TEST(SourceFileMove, AMovedMappedFileKeepsItsText) {
    auto opened = SourceFile::open(k_data + "/core/hello.bib");
    ASSERT_TRUE(opened.has_value()) << opened.error().message;
    SourceFile moved(std::move(*opened));
    EXPECT_EQ(moved.text(), "@misc{hello,\n  title = {Caf\xC3\xA9}\n}\n");
    SourceFile assigned = SourceFile::from_string("other.bib", "other");
    assigned = std::move(moved);
    EXPECT_EQ(assigned.text(), "@misc{hello,\n  title = {Caf\xC3\xA9}\n}\n");
    EXPECT_EQ(assigned.line_at(13), "  title = {Caf\xC3\xA9}");
}

TEST(SourceFileMove, TextSurvivesTheMovesOfAGrowingVector) {
    std::vector<SourceFile> files;
    for (int i = 0; i < 50; ++i)
        files.push_back(
            SourceFile::from_string("f" + std::to_string(i), "text " + std::to_string(i)));
    for (int i = 0; i < 50; ++i)
        EXPECT_EQ(files[static_cast<std::size_t>(i)].text(), "text " + std::to_string(i));
}

} // namespace
} // namespace bibkit
