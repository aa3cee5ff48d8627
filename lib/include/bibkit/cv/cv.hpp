#pragma once
// `bibkit cv` as one call: the bibliography's entries selected into sections (the defaults or
// cv.yml), rendered for a flavour, the owner highlighted; and the files written into a folder.

#include <bibkit/bibtex/bibliography.hpp>
#include <bibkit/core/atomic_file.hpp>
#include <bibkit/cv/entry.hpp>
#include <bibkit/cv/flavor.hpp>
#include <string>
#include <vector>

namespace bibkit::cv {

struct CvRequest {
    std::string sections_file;      // cv.yml; "" for the default sections
    std::string flavor = "plain";   // flavor_names()
    std::string highlight;          // "Family, Given"; "" takes cv.yml's, if any
    bool ascii = false;             // LaTeX accents instead of UTF-8
    exports::CslListingOptions csl; // the publications' style and locale
    std::string base_url; // an http(s) URL that relative links (pdf = {papers/x.pdf}) resolve
                          // against; "" leaves relative links out
};

struct CvResult {
    std::vector<OutputFile> files;
    std::vector<Diagnostic> diagnostics; // the input's problems, located; none stops the CV
};

Expected<CvResult, CvError> make_cv(const bibtex::Bibliography& bibliography,
                                    const CvRequest& request);

// Each file into `dir` (created when missing), atomically.
Expected<WriteOk, IoError> write_cv_files(const std::string& dir,
                                          std::span<const OutputFile> files);

} // namespace bibkit::cv
