#include <bibkit/config/arrangement.hpp>
#include <bibkit/core/ascii.hpp>

namespace bibkit::config {

namespace {

std::vector<query::Order> orders(const StringList& list) {
    std::vector<query::Order> out;
    for (const std::string& order : list) out.push_back(query::parse_order(order));
    return out;
}

StringList lowered(const StringList& list) {
    StringList out;
    for (const std::string& item : list) out.push_back(ascii::lowered(item));
    return out;
}

} // namespace

query::ArrangeOptions arrange_options(const Settings& settings) {
    query::ArrangeOptions options;
    options.remove_duplicates = settings.remove_duplicates.remove;
    options.duplicate_fields = lowered(settings.remove_duplicates.fields);
    options.sort = query::make_sort_keys(settings.sort_by, orders(settings.order));
    query::GroupOptions& group = options.group;
    group.fields = lowered(settings.group_by);
    group.orders = orders(settings.group_order);
    group.type_names = settings.type_names;
    group.type_aliases = settings.type_aliases;
    group.type_order = lowered(settings.type_order);
    if (settings.month_names.size() >= 12)
        for (std::size_t i = 0; i < 12; ++i) group.month_names[i] = settings.month_names[i];
    options.offset = settings.offset;
    options.max = settings.max;
    return options;
}

std::vector<int> heading_levels(const Settings& settings) {
    std::vector<int> levels;
    for (const std::string& tag : settings.bibliography_group_tag) {
        const std::string lower = ascii::lowered(tag);
        int level = levels.empty() ? 2 : levels.back() + 1;
        if (lower.size() == 2 && lower[0] == 'h' && lower[1] >= '1' && lower[1] <= '6')
            level = lower[1] - '0';
        levels.push_back(level);
    }
    return levels;
}

} // namespace bibkit::config
