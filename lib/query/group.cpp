#include "numeric_value.hpp"

#include <algorithm>
#include <bibkit/core/ascii.hpp>
#include <bibkit/model/lists.hpp>
#include <bibkit/query/group.hpp>
#include <optional>
#include <unordered_map>

namespace bibkit::query {

namespace {

enum class LevelKind { type, month, list, value };

LevelKind level_kind(std::string_view field) {
    if (field == "type") return LevelKind::type;
    if (field == "month" || field == "month_numeric") return LevelKind::month;
    if (field == "keywords" || field == "project") return LevelKind::list;
    return LevelKind::value;
}

// The group values of one record at one level: one, or several for lists; "" when missing.
void group_values(const Record& record, std::string_view field, LevelKind kind,
                  const GroupOptions& options, std::vector<std::string>& out) {
    out.clear();
    if (kind == LevelKind::type) {
        auto alias = options.type_aliases.find(record.type());
        out.emplace_back(alias != options.type_aliases.end() ? std::string_view(alias->second)
                                                             : record.type());
        return;
    }
    auto value = record.value(kind == LevelKind::month ? "month_numeric" : field);
    if (kind == LevelKind::list && value) {
        for (std::string_view item : model::split_list(*value))
            if (std::find(out.begin(), out.end(), item) == out.end()) out.emplace_back(item);
    } else if (value) {
        out.emplace_back(*value);
    }
    if (out.empty()) out.emplace_back();
}

struct Bucket {
    std::string value;
    std::vector<const Record*> records;
};

std::optional<std::size_t> type_rank(const GroupOptions& options, std::string_view type) {
    auto it = std::find(options.type_order.begin(), options.type_order.end(), type);
    if (it == options.type_order.end()) return std::nullopt;
    return static_cast<std::size_t>(it - options.type_order.begin());
}

// <0, 0, >0 in ascending order.
int compare_values(const GroupOptions& options, LevelKind kind, const std::string& a,
                   const std::string& b) {
    if (kind == LevelKind::type) {
        auto ra = type_rank(options, a), rb = type_rank(options, b);
        if (!ra && !rb) return 0;
        if (!ra) return 1;
        if (!rb) return -1;
        return *ra < *rb ? -1 : (*ra > *rb ? 1 : 0);
    }
    if (a.empty() || b.empty()) return int(!a.empty()) - int(!b.empty());
    auto na = detail::numeric_value(a), nb = detail::numeric_value(b);
    if (na && nb) return *na < *nb ? -1 : (*na > *nb ? 1 : 0);
    return detail::natural_compare(a, b);
}

std::string heading_of(const GroupOptions& options, LevelKind kind, const std::string& value) {
    if (kind == LevelKind::type) {
        auto name = options.type_names.find(value);
        return name != options.type_names.end() ? name->second : value;
    }
    if (kind == LevelKind::month && !value.empty()) {
        auto number = detail::numeric_value(value);
        if (number && *number >= 1 && *number <= 12)
            return options.month_names[static_cast<std::size_t>(*number) - 1];
    }
    return value;
}

std::vector<Group> group_level(std::span<const Record* const> records, const GroupOptions& options,
                               std::size_t level) {
    const std::string& field = options.fields[level];
    const LevelKind kind = level_kind(field);
    std::vector<Bucket> buckets;
    std::unordered_map<std::string, std::size_t> index;
    std::vector<std::string> values;
    for (const Record* record : records) {
        group_values(*record, field, kind, options, values);
        for (std::string& value : values) {
            auto [it, added] = index.try_emplace(value, buckets.size());
            if (added) buckets.push_back({std::move(value), {}});
            buckets[it->second].records.push_back(record);
        }
    }
    const Order order = order_at(options.orders, level);
    std::stable_sort(buckets.begin(), buckets.end(), [&](const Bucket& a, const Bucket& b) {
        const int result = compare_values(options, kind, a.value, b.value);
        return order == Order::descending ? result > 0 : result < 0;
    });

    std::vector<Group> groups;
    groups.reserve(buckets.size());
    for (Bucket& bucket : buckets) {
        Group group;
        group.heading = heading_of(options, kind, bucket.value);
        group.value = std::move(bucket.value);
        if (level + 1 < options.fields.size())
            group.subgroups = group_level(bucket.records, options, level + 1);
        else
            group.records = std::move(bucket.records);
        groups.push_back(std::move(group));
    }
    return groups;
}

// Skips and keeps entries in reading order; returns false when the group is left empty.
bool limit_group(Group& group, std::size_t& skip, std::size_t& keep, bool limited) {
    if (!group.subgroups.empty()) {
        std::erase_if(group.subgroups,
                      [&](Group& sub) { return !limit_group(sub, skip, keep, limited); });
        return !group.subgroups.empty();
    }
    std::vector<const Record*> kept;
    for (const Record* record : group.records) {
        if (skip > 0) {
            --skip;
        } else if (!limited || keep > 0) {
            kept.push_back(record);
            if (limited) --keep;
        }
    }
    group.records = std::move(kept);
    return !group.records.empty();
}

} // namespace

GroupOptions::Names GroupOptions::default_type_names() {
    return {{"article", "Journal Articles"},
            {"book", "Books"},
            {"incollection", "Book Chapters"},
            {"inproceedings", "Conference Articles"},
            {"thesis", "Theses"},
            {"mastersthesis", "Master's Theses"},
            {"phdthesis", "PhD Theses"},
            {"manual", "Manuals"},
            {"techreport", "Technical Reports"},
            {"misc", "Miscellaneous"},
            {"unpublished", "Unpublished"}};
}

GroupOptions::Names GroupOptions::default_type_aliases() {
    return {{"phdthesis", "thesis"}, {"mastersthesis", "thesis"}};
}

GroupOptions GroupOptions::defaults() {
    GroupOptions options;
    options.type_names = default_type_names();
    options.type_aliases = default_type_aliases();
    options.month_names = {"January", "February", "March",     "April",   "May",      "June",
                           "July",    "August",   "September", "October", "November", "December"};
    return options;
}

bool GroupOptions::grouping() const {
    return !fields.empty() && !(fields.size() == 1 && fields[0] == "none");
}

std::vector<Group> group_records(std::span<const Record* const> records,
                                 const GroupOptions& options) {
    if (!options.grouping()) return {};
    return group_level(records, options, 0);
}

void limit_groups(std::vector<Group>& groups, std::size_t offset, std::size_t max) {
    std::size_t skip = offset, keep = max;
    std::erase_if(groups, [&](Group& group) { return !limit_group(group, skip, keep, max > 0); });
}

std::size_t count_records(std::span<const Group> groups) {
    std::size_t count = 0;
    for (const Group& group : groups)
        count += group.records.size() + count_records(group.subgroups);
    return count;
}

} // namespace bibkit::query
