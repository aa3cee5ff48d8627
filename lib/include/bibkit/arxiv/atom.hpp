#pragma once
// arXiv's Atom answers. Namespaces are resolved from the xmlns declarations in scope wherever they
// are (old answers declare them on each element, new ones once on <feed>), and nothing depends on
// the order of elements.

#include <bibkit/arxiv/paper.hpp>
#include <bibkit/core/expected.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::arxiv {

struct Feed {
    std::uint64_t total_results = 0; // opensearch:totalResults
    std::uint64_t start_index = 0;   // opensearch:startIndex
    std::uint64_t items_per_page = 0;
    std::vector<Paper> papers;
};

struct AtomError {
    enum class Kind : std::uint8_t {
        malformed_xml, // not well-formed, or cut short
        not_a_feed,    // well-formed, but no Atom <feed> root
        api_error,     // the API's own error entry (<title>Error</title>); message is its summary
    };
    Kind kind = Kind::malformed_xml;
    std::string message;
    std::size_t offset = 0; // byte offset in the answer, for malformed_xml
};

Expected<Feed, AtomError> parse_atom_feed(std::string_view xml);

} // namespace bibkit::arxiv
