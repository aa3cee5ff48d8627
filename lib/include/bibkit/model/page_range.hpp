#pragma once
// Page ranges as CSL-JSON carries them: BibTeX's `--` (and `-`, `---`, an en or em dash,
// `\textendash`, with or without spaces around) become one hyphen-minus. Turning it into an en
// dash is the CSL processor's job (page-range-format), not the data's.

#include <string>
#include <string_view>

namespace bibkit::model {

// "12--34" → "12-34", "1 -- 3, 5--7" → "1-3, 5-7", "e1234" unchanged.
std::string normalize_page_range(std::string_view pages);

} // namespace bibkit::model
