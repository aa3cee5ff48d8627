#pragma once
// ISBNs: hyphens, spaces and an "ISBN" label removed, the check digit verified, ISBN-10s
// convertible to ISBN-13 (the form to compare and to print).

#include <bibkit/core/expected.hpp>
#include <bibkit/model/identifier_error.hpp>
#include <cstdint>
#include <string>
#include <string_view>

namespace bibkit::model {

enum class IsbnKind : std::uint8_t { isbn10, isbn13 };

struct Isbn {
    std::string digits; // "0306406152", "9780306406157"; an ISBN-10's check digit may be 'X'
    IsbnKind kind = IsbnKind::isbn13;

    // The ISBN-13 of the same book ("978" + the first nine digits + a new check digit).
    std::string isbn13() const;
};

// Codes: "malformed-isbn" (characters or length), "isbn-checksum" (a wrong check digit).
Expected<Isbn, IdentifierError> parse_isbn(std::string_view text);

} // namespace bibkit::model
