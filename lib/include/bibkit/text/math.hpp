#pragma once
// TeX math in field values: a Unicode rendering for plain text where a faithful one exists
// (`\alpha` → α, `x^2` → x², `O(n\log n)` → O(n log n), `\mathbb{R}` → ℝ), and the sanitizing
// that makes the TeX itself safe to hand to LaTeX or MathJax.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::text {

// The rendering, or nothing when some part has no faithful Unicode form (`\frac{a}{b+c}` is
// fine as "a/(b + c)", `\binom{n}{k}` or an unknown command is not). Spacing follows TeX's
// atom classes: relations and binary operators get spaces, `\log n` is "log n", `f(x)` is not
// spaced. Letters stay upright ASCII; only `\mathbb` and friends pick mathematical alphanumerics.
std::optional<std::string> math_to_unicode(std::string_view tex);

// A command math_sanitize replaced, with its byte offset in the TeX.
struct RemovedMathCommand {
    std::uint32_t offset = 0;
    std::string command; // with its backslash
};

// The TeX with every command not known to be harmless (`\input`, `\write`, `\def`, `\href`,
// `\begin`, MathJax's `\require` …) replaced by its name in `\mathrm{…}`, so the meaning stays
// readable but nothing runs; TeX's `^^` character codes broken up; bare `%`, `#`, `&`, `$`
// escaped; braces balanced; control characters turned into spaces. Known math (every symbol in
// latex_symbols.hpp, fonts, accents, \frac, \sqrt, \left/\right, \text, operator names …) passes
// unchanged.
std::string math_sanitize(std::string_view tex, std::vector<RemovedMathCommand>* removed = nullptr);

// Whether math_sanitize lets `\name` through (name without the backslash).
bool is_allowed_math_command(std::string_view name);

} // namespace bibkit::text
