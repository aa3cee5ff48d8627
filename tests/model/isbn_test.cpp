// ISBN-10 and ISBN-13 check digits (hand-computed), normalization and conversion.

#include <bibkit/model/isbn.hpp>
#include <gtest/gtest.h>

namespace bibkit::model {
namespace {

TEST(Isbn, Isbn10WithValidChecksum) {
    // 0-306-40615-2: 0·10+3·9+0·8+6·7+4·6+0·5+6·4+1·3+5·2+2·1 = 132 = 12·11.
    auto isbn = parse_isbn("0-306-40615-2");
    ASSERT_TRUE(isbn);
    EXPECT_EQ(isbn->digits, "0306406152");
    EXPECT_EQ(isbn->kind, IsbnKind::isbn10);
    EXPECT_EQ(isbn->isbn13(), "9780306406157");
}

TEST(Isbn, Isbn10WithXCheckDigit) {
    // 0-8044-2957-X: the first nine weigh 199 ≡ 1 (mod 11), so the check digit is 10, written X.
    auto isbn = parse_isbn("0-8044-2957-x");
    ASSERT_TRUE(isbn);
    EXPECT_EQ(isbn->digits, "080442957X");
    EXPECT_EQ(isbn->isbn13(), "9780804429573");
}

TEST(Isbn, Isbn13WithLabelsAndSpaces) {
    for (std::string_view text : {"978-0-306-40615-7", "ISBN 978-0-306-40615-7",
                                  "ISBN-13: 978 0 306 40615 7", "isbn:9780306406157"}) {
        auto isbn = parse_isbn(text);
        ASSERT_TRUE(isbn) << text;
        EXPECT_EQ(isbn->digits, "9780306406157");
        EXPECT_EQ(isbn->kind, IsbnKind::isbn13);
        EXPECT_EQ(isbn->isbn13(), "9780306406157");
    }
    EXPECT_TRUE(parse_isbn("979-10-90636-07-1")); // 979 prefix
}

TEST(Isbn, Rejections) {
    auto check = [](std::string_view text, std::string_view code, std::string_view message) {
        auto isbn = parse_isbn(text);
        ASSERT_FALSE(isbn) << text;
        EXPECT_EQ(isbn.error().code, code);
        EXPECT_EQ(isbn.error().message, message);
    };
    check("0-306-40615-3", "isbn-checksum",
          "'0-306-40615-3' is not an ISBN: the check digit should be 2");
    check("978-0-306-40615-8", "isbn-checksum",
          "'978-0-306-40615-8' is not an ISBN: the check digit should be 7");
    check("0-306-4061X-2", "malformed-isbn",
          "'0-306-4061X-2' is not an ISBN: 'X' may only be the check digit");
    check("12345", "malformed-isbn", "'12345' is not an ISBN: it has 5 digits, not 10 or 13");
    check("977-0-306-40615-7", "malformed-isbn",
          "'977-0-306-40615-7' is not an ISBN: an ISBN-13 starts with 978 or 979");
    check("0.306.40615.2", "malformed-isbn",
          "'0.306.40615.2' is not an ISBN: unexpected character '.'");
}

} // namespace
} // namespace bibkit::model
