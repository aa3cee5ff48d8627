#pragma once
// Grouping entries as jekyll-scholar's `group_by` / `group_order` do: one level per field, each
// with its order (the last order given repeats), groups holding the entries in the order they
// come (sort first), groups that compare equal in first-appearance order.
//
// Group values, compared and named as jekyll-scholar does:
// - `type`: the entry type through `type_aliases` (phdthesis → thesis), ordered by `type_order`
//   (unlisted types after the listed ones when ascending, before them when descending, among
//   themselves in first-appearance order), named by `type_names` or else the type itself;
// - `month`: the month number, named by `month_names` (English by default);
// - anything else: numbers as numbers, other values as strings, named by the value;
// - `keywords` and `project` hold lists: an entry with several values is in each value's group
//   (jekyll-scholar made one group of the whole string "a, b").
// Entries without the field form a group of their own with an empty name, ordered as the empty
// string: first when ascending, last when descending (jekyll-scholar crashed on a missing
// month and on a year it took for a date; bibkit does neither).

#include <array>
#include <bibkit/query/record.hpp>
#include <bibkit/query/sort.hpp>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace bibkit::query {

struct GroupOptions {
    std::vector<std::string> fields; // lower-case; empty or {"none"} means no grouping
    std::vector<Order> orders;
    std::map<std::string, std::string, std::less<>> type_names;   // see default_type_names
    std::map<std::string, std::string, std::less<>> type_aliases; // see default_type_aliases
    std::vector<std::string> type_order;
    std::array<std::string, 12> month_names;

    using Names = std::map<std::string, std::string, std::less<>>;
    // jekyll-scholar 7.3.0's type_names (article → "Journal Articles" …; none for inbook or
    // proceedings) and type_aliases (phdthesis, mastersthesis → thesis).
    static Names default_type_names();
    static Names default_type_aliases();
    // Those, English month names, ascending, no fields.
    static GroupOptions defaults();
    bool grouping() const;
};

struct Group {
    std::string value;   // the group value as text ("2024", "thesis", "3"); empty when missing
    std::string heading; // its name: "2024", "Theses", "March"; LaTeX as written
    std::vector<Group> subgroups;       // the next level, if any
    std::vector<const Record*> records; // at the last level
};

// Top-level groups of `records`, which keep their order inside each group.
std::vector<Group> group_records(std::span<const Record* const> records,
                                 const GroupOptions& options);

// Keeps `max` entries after skipping `offset`, walking the groups in order, and drops groups left
// empty. max 0 means no limit.
void limit_groups(std::vector<Group>& groups, std::size_t offset, std::size_t max);

std::size_t count_records(std::span<const Group> groups);

} // namespace bibkit::query
