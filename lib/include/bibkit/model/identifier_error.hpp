#pragma once
// What a malformed identifier gets instead of a value: a stable code and one sentence.

#include <string>

namespace bibkit::model {

struct IdentifierError {
    std::string code; // "malformed-doi", "malformed-arxiv-id", "malformed-isbn", "malformed-url"…
    std::string message; // one sentence, no trailing period, quoting the input
};

} // namespace bibkit::model
