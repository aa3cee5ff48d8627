#include "identifier_text.hpp"

#include <bibkit/core/ascii.hpp>
#include <bibkit/model/isbn.hpp>

namespace bibkit::model {

namespace {

IdentifierError error(std::string code, std::string_view text, const std::string& why) {
    return {std::move(code), "'" + std::string(text) + "' is not an ISBN: " + why};
}

char isbn10_check_digit(std::string_view first_nine) {
    int sum = 0;
    for (std::size_t i = 0; i < 9; ++i) sum += (first_nine[i] - '0') * static_cast<int>(10 - i);
    int check = (11 - sum % 11) % 11;
    return check == 10 ? 'X' : static_cast<char>('0' + check);
}

char isbn13_check_digit(std::string_view first_twelve) {
    int sum = 0;
    for (std::size_t i = 0; i < 12; ++i) sum += (first_twelve[i] - '0') * (i % 2 == 0 ? 1 : 3);
    return static_cast<char>('0' + (10 - sum % 10) % 10);
}

} // namespace

std::string Isbn::isbn13() const {
    if (kind == IsbnKind::isbn13) return digits;
    std::string out = "978" + digits.substr(0, 9);
    out += isbn13_check_digit(out);
    return out;
}

Expected<Isbn, IdentifierError> parse_isbn(std::string_view text) {
    std::string_view input = detail::trim(text);
    std::string_view rest = input;
    if (detail::istarts_with(rest, "isbn")) {
        rest.remove_prefix(4);
        if (rest.starts_with("-13") || rest.starts_with("-10")) rest.remove_prefix(3);
        rest = detail::trim(rest);
        if (rest.starts_with(':')) rest.remove_prefix(1);
    }
    std::string digits;
    for (char c : rest) {
        if (c == '-' || c == ' ') continue;
        if (!ascii::is_digit(c) && c != 'X' && c != 'x')
            return unexpected(
                error("malformed-isbn", input, "unexpected character '" + std::string(1, c) + "'"));
        digits += c == 'x' ? 'X' : c;
    }
    std::size_t x = digits.find('X');
    if (digits.size() == 10) {
        if (x != std::string::npos && x != 9)
            return unexpected(error("malformed-isbn", input, "'X' may only be the check digit"));
        char want = isbn10_check_digit(digits);
        if (digits[9] != want)
            return unexpected(
                error("isbn-checksum", input, "the check digit should be " + std::string(1, want)));
        return Isbn{std::move(digits), IsbnKind::isbn10};
    }
    if (digits.size() == 13) {
        if (x != std::string::npos)
            return unexpected(error("malformed-isbn", input, "an ISBN-13 has no 'X'"));
        if (!digits.starts_with("978") && !digits.starts_with("979"))
            return unexpected(error("malformed-isbn", input, "an ISBN-13 starts with 978 or 979"));
        char want = isbn13_check_digit(digits);
        if (digits[12] != want)
            return unexpected(
                error("isbn-checksum", input, "the check digit should be " + std::string(1, want)));
        return Isbn{std::move(digits), IsbnKind::isbn13};
    }
    return unexpected(error("malformed-isbn", input,
                            "it has " + std::to_string(digits.size()) + " digits, not 10 or 13"));
}

} // namespace bibkit::model
