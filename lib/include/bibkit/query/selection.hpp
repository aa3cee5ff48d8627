#pragma once
// The entries a query selected, arranged for output as jekyll-scholar's bibliography tag does:
// duplicates removed, sorted, grouped, then cut to `max` after `offset`.
//
// Unlike jekyll-scholar, `max` and `offset` also apply when grouping (it ignored them there):
// they count entries in output order, and groups left empty disappear. `max` 0 means no limit,
// as in jekyll-scholar.

#include <bibkit/query/group.hpp>
#include <bibkit/query/record.hpp>
#include <bibkit/query/sort.hpp>
#include <string>
#include <vector>

namespace bibkit::query {

struct ArrangeOptions {
    bool remove_duplicates = false;
    std::vector<std::string> duplicate_fields; // empty: year and title
    std::vector<SortKey> sort;
    GroupOptions group = GroupOptions::defaults();
    std::size_t offset = 0;
    std::size_t max = 0;
};

struct Selection {
    bool grouped = false;
    std::vector<const Record*> records; // in output order, when not grouped
    std::vector<Group> groups;          // when grouped

    std::size_t size() const; // entries shown (an entry in two groups counts twice)
};

Selection arrange(std::vector<const Record*> records, const ArrangeOptions& options);

} // namespace bibkit::query
