#include <algorithm>
#include <bibkit/query/duplicates.hpp>
#include <bibkit/query/selection.hpp>

namespace bibkit::query {

std::size_t Selection::size() const {
    return grouped ? count_records(groups) : records.size();
}

Selection arrange(std::vector<const Record*> records, const ArrangeOptions& options) {
    if (options.remove_duplicates)
        remove_duplicates(records, options.duplicate_fields.empty() ? default_duplicate_fields()
                                                                    : options.duplicate_fields);
    sort_records(records, options.sort);
    Selection selection;
    if (options.group.grouping()) {
        selection.grouped = true;
        selection.groups = group_records(records, options.group);
        limit_groups(selection.groups, options.offset, options.max);
        return selection;
    }
    const std::size_t begin = std::min(options.offset, records.size());
    std::size_t end = records.size();
    if (options.max > 0) end = std::min(end, begin + options.max);
    records.erase(records.begin() + static_cast<std::ptrdiff_t>(end), records.end());
    records.erase(records.begin(), records.begin() + static_cast<std::ptrdiff_t>(begin));
    selection.records = std::move(records);
    return selection;
}

} // namespace bibkit::query
