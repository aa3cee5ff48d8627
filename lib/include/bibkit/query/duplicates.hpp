#pragma once
// jekyll-scholar's --remove_duplicates (bibtex-ruby's Bibliography#uniq!): an entry whose type
// and chosen fields (year and title unless others are given) are those of an earlier entry,
// ignoring whitespace and ASCII letter case, is dropped; the first stays. (bibtex-ruby computes
// that whitespace- and case-free digest, then by mistake compares the exact one.) Unlike
// jekyll-scholar, which removed duplicates once per set of files and let the first tag on a page
// decide for every tag after it, each selection decides for itself, and only among the entries it
// selected.

#include <bibkit/query/record.hpp>
#include <span>
#include <string>
#include <vector>

namespace bibkit::query {

std::vector<std::string> default_duplicate_fields(); // {"year", "title"}

void remove_duplicates(std::vector<const Record*>& records, std::span<const std::string> fields);

} // namespace bibkit::query
