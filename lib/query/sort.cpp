#include "collation.hpp"
#include "numeric_value.hpp"

#include <algorithm>
#include <array>
#include <bibkit/core/ascii.hpp>
#include <bibkit/query/sort.hpp>
#include <optional>

namespace bibkit::query {

namespace {

constexpr std::array<std::string_view, 11> k_name_fields = {
    "author",  "bookauthor", "commentator", "editor",     "editora",   "editorb",
    "editorc", "foreword",   "holder",      "translator", "afterword",
};

// jekyll-scholar's `name`: the first of these an entry has.
constexpr std::array<std::string_view, 5> k_name_chain = {"author", "editor", "institution",
                                                          "organization", "publisher"};

struct SortValue {
    bool present = false;
    std::optional<double> number;
    std::string key; // collation key; filled when the column is not all numbers
};

struct Column {
    std::vector<SortValue> values; // by position in the input
    Order order = Order::ascending;
};

// The field a key reads, and whether it is a name list: `name` resolves per record.
std::optional<std::string_view> sort_value(const Record& record, std::string_view field,
                                           bool& names) {
    if (field == "name") {
        for (std::string_view candidate : k_name_chain)
            if (auto value = record.value(candidate)) {
                names = candidate == "author" || candidate == "editor";
                return value;
            }
        return std::nullopt;
    }
    names = is_name_field(field);
    return record.value(field == "month" ? "month_numeric" : field);
}

Column make_column(std::span<const Record* const> records, const SortKey& sort_key,
                   const detail::Collation& collation) {
    Column column;
    column.order = sort_key.order;
    column.values.resize(records.size());
    std::vector<std::string_view> texts(records.size());
    std::vector<bool> name_lists(records.size());
    bool all_numbers = true;
    for (std::size_t i = 0; i < records.size(); ++i) {
        bool names = false;
        auto value = sort_value(*records[i], sort_key.field, names);
        if (!value || value->empty()) continue;
        SortValue& out = column.values[i];
        out.present = true;
        texts[i] = *value;
        name_lists[i] = names;
        if (!names) out.number = detail::numeric_value(*value);
        if (!out.number) all_numbers = false;
    }
    if (all_numbers) return column;
    // Mixed or text values: every present value compares by its text.
    for (std::size_t i = 0; i < records.size(); ++i) {
        SortValue& out = column.values[i];
        if (!out.present) continue;
        out.key = name_lists[i] ? collation.names_key(texts[i]) : collation.latex_key(texts[i]);
        out.number.reset();
    }
    return column;
}

// <0, 0, >0; missing values last whatever the order.
int compare(const SortValue& a, const SortValue& b, Order order) {
    if (!a.present || !b.present) return int(!a.present) - int(!b.present);
    int result = 0;
    if (a.number && b.number)
        result = *a.number < *b.number ? -1 : (*b.number < *a.number ? 1 : 0);
    else
        result = a.key.compare(b.key);
    if (result == 0) return 0;
    result = result < 0 ? -1 : 1;
    return order == Order::descending ? -result : result;
}

} // namespace

Order parse_order(std::string_view order) {
    const std::string lower = ascii::lowered(order);
    const std::string_view view = lower;
    return view.starts_with("desc") || view.starts_with("reverse") ? Order::descending
                                                                   : Order::ascending;
}

Order order_at(std::span<const Order> orders, std::size_t level) {
    if (orders.empty()) return Order::ascending;
    return level < orders.size() ? orders[level] : orders.back();
}

std::vector<SortKey> make_sort_keys(std::span<const std::string> fields,
                                    std::span<const Order> orders) {
    std::vector<SortKey> keys;
    if (fields.size() == 1 && ascii::lowered(fields[0]) == "none") return keys;
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (!fields[i].empty()) keys.push_back({ascii::lowered(fields[i]), order_at(orders, i)});
    return keys;
}

bool is_name_field(std::string_view field) {
    return std::find(k_name_fields.begin(), k_name_fields.end(), field) != k_name_fields.end();
}

void sort_records(std::vector<const Record*>& records, std::span<const SortKey> keys) {
    if (keys.empty() || records.size() < 2) return;
    const detail::Collation collation;
    std::vector<Column> columns;
    columns.reserve(keys.size());
    for (const SortKey& key : keys) columns.push_back(make_column(records, key, collation));

    std::vector<std::uint32_t> order(records.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        for (const Column& column : columns) {
            const int result = compare(column.values[a], column.values[b], column.order);
            if (result != 0) return result < 0;
        }
        return false;
    });
    std::vector<const Record*> sorted(records.size());
    for (std::size_t i = 0; i < order.size(); ++i) sorted[i] = records[order[i]];
    records = std::move(sorted);
}

} // namespace bibkit::query
