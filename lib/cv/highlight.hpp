#pragma once
// The owner's name in bold (the mechanism is the model's, bibkit/model/owner_marks.hpp): the
// CV's markups as its bold.

#include "markup.hpp"

#include <bibkit/model/item.hpp>
#include <bibkit/model/owner_marks.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::cv::detail {

using model::given_name_forms;
using model::k_owner_close;
using model::k_owner_open;
using model::mark_owner;

// The rendered text with the marked names in the markup's bold and no marker left.
std::string apply_owner_markers(std::string_view rendered, const TextMarkup& markup,
                                std::span<const std::string> given_forms);

} // namespace bibkit::cv::detail
