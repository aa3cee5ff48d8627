#pragma once
// The sections of a CV: each is a query over the bibliography (jekyll-scholar's language), a sort,
// a numbering (prefix, counting up or down) and an entry layout. bibkit has defaults for a
// researcher's CV; `cv.yml` replaces them:
//
//   highlight: "Marchand, Élodie"      # optional, the owner's name (--highlight wins)
//   sections:
//     - id: journal                    # the file name: journal.tex
//       title: Journal articles
//       query: "@article[journal!~^arXiv]"
//       sort: year, month              # or a list; fields as in --sort-by
//       order: descending              # per sort key, the last one repeating
//       prefix: J                      # [J1], [J2] …; "" leaves the section unnumbered
//       reversed: true                 # the first entry gets the highest number
//       max: 10                        # at most 10 entries (0: all)
//       layout: publication            # publication (CSL), talk or course
//
// Errors carry file:line:col (yaml-cpp's marks) and name the key at fault.

#include <bibkit/config/settings.hpp>
#include <bibkit/core/expected.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::cv {

// How a section's entries are written: a publication is a CSL bibliography entry; talks and
// courses have fields of their own (event, venue, location, date; institution, level, term).
enum class Layout : std::uint8_t { publication, talk, course };

std::string_view to_string(Layout layout);

struct SectionSpec {
    std::string id;    // letters, digits, '-' and '_': it names the section's file
    std::string title; // plain text (escaped by every flavour)
    std::string query = "@*";
    std::vector<std::string> sort_by;
    std::vector<std::string> order = {"descending"};
    std::string prefix; // "" leaves the section unnumbered
    bool reversed = false;
    std::size_t max = 0; // 0: all
    Layout layout = Layout::publication;

    bool operator==(const SectionSpec&) const = default;
};

struct CvConfig {
    std::vector<SectionSpec> sections;
    std::string highlight; // "Family, Given", or ""
};

// Journal articles [J], conference papers [C], preprints and reports [P], books and chapters
// [B], theses, talks [T] (@talk) and teaching (@course, or the keyword `teaching`); newest
// first.
std::vector<SectionSpec> default_sections();

// `file` names the text in errors.
Expected<CvConfig, config::ConfigError> parse_cv_config(std::string_view yaml,
                                                        const std::string& file);
Expected<CvConfig, config::ConfigError> read_cv_config(const std::string& path);

} // namespace bibkit::cv
