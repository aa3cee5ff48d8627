#pragma once
// Fields that hold several values (`keywords`, `project`): split on ',' or ';' outside braces,
// each item trimmed, empty items dropped, and later duplicates (compared without regard to
// case, Unicode-aware) dropped, keeping the first spelling.

#include <string_view>
#include <vector>

namespace bibkit::model {

// Views into `value`: "a; B,{x, y} , a" → {"a", "B", "{x, y}"}.
std::vector<std::string_view> split_list(std::string_view value);

} // namespace bibkit::model
