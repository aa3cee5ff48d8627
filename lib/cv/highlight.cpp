// Bold owner names from the markers set on the model (highlight.hpp).

#include "highlight.hpp"

namespace bibkit::cv::detail {

std::string apply_owner_markers(std::string_view rendered, const TextMarkup& markup,
                                std::span<const std::string> given_forms) {
    const model::OwnerBold bold{
        markup.bold_open(), markup.bold_close(),
        [&markup](std::string_view inner) { return markup.can_wrap(inner); }};
    return model::apply_owner_marks(rendered, bold, given_forms);
}

} // namespace bibkit::cv::detail
