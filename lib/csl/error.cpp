#include <bibkit/csl/error.hpp>

namespace bibkit::csl {

std::string CslError::to_string() const {
    std::string out = origin;
    if (line != 0) {
        out += ':' + std::to_string(line);
        if (column != 0) out += ':' + std::to_string(column);
    }
    if (!out.empty()) out += ": ";
    out += message;
    return out;
}

} // namespace bibkit::csl
