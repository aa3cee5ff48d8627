#pragma once
// Sorting entries as jekyll-scholar's `sort_by` / `order` do, without their traps: several keys,
// each with its own order (the last order given repeats for the keys after it), a stable sort
// (ties keep file order), numbers compared as numbers, names by family then given name and text
// by ICU collation of the decoded LaTeX, and entries without the value last in either order.
// `month` sorts by month number. `name` is jekyll-scholar's fallback chain: author, else editor,
// institution, organization, publisher.

#include <bibkit/query/record.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::query {

enum class Order : std::uint8_t { ascending, descending };

// jekyll-scholar's reading: a value starting with "desc" or "reverse", in any case, is
// descending; anything else ascending.
Order parse_order(std::string_view order);

// Per-level orders: the i-th level takes orders[i], or the last one given (ascending if none).
Order order_at(std::span<const Order> orders, std::size_t level);

struct SortKey {
    std::string field; // lower-case
    Order order = Order::ascending;
};

// The keys for `fields` (sort_by) and `orders` (order); "none" as the only field means no keys.
std::vector<SortKey> make_sort_keys(std::span<const std::string> fields,
                                    std::span<const Order> orders);

void sort_records(std::vector<const Record*>& records, std::span<const SortKey> keys);

// The fields whose values are name lists (compared name by name: family, then given).
bool is_name_field(std::string_view field);

} // namespace bibkit::query
