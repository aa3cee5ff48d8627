#pragma once
// What settings mean for selecting and arranging entries: the query, duplicates, sorting,
// grouping (type names, aliases and order, month names) and limits, as query:: understands
// them; and the group heading levels (bibliography_group_tag) as numbers.

#include <bibkit/config/settings.hpp>
#include <bibkit/query/selection.hpp>
#include <vector>

namespace bibkit::config {

query::ArrangeOptions arrange_options(const Settings& settings);

// "h2" → 2 for each group tag; a tag that is no heading (`div`) counts as the level after the
// previous one.
std::vector<int> heading_levels(const Settings& settings);

} // namespace bibkit::config
