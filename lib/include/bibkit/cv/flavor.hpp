#pragma once
// How a CV's sections are laid out: one small interface, one implementation per flavour.
//
// plain       any LaTeX class: \bibkitsection and a list per section, entries numbered [J1] …
// moderncv    moderncv's \section, \cvitem (publications) and \cventry (talks, teaching)
// awesome-cv  Awesome-CV's \cvsection and a cventries environment of \cventry
// biblatex    cv.bib (the selected entries, `keywords` bibkitcv-SECTION, `author+an` marking
//             the owner) and a fragment of refsections with \printbibliography[heading=
//             subbibliography, …]: biblatex and biber do the rendering
// markdown    one Markdown page (cv.md), for a website's CV page
// html        one HTML fragment (cv.html), likewise
//
// The LaTeX flavours write one file per section (ID.tex) and cv-sections.tex, which inputs them
// all; every macro they use is defined with \providecommand at the top of each file, so that a
// document can restyle it by defining it first. They need no bibliography engine.

#include <bibkit/cv/entry.hpp>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::cv {

struct OutputFile {
    std::string name; // relative to the output directory
    std::string contents;
};

class Flavor {
  public:
    virtual ~Flavor() = default;
    virtual std::string_view name() const = 0;
    // The markup the entries must be rendered in for this flavour.
    virtual Markup markup() const = 0;
    virtual std::vector<OutputFile> write(std::span<const CvSection> sections) const = 0;
};

// Null for an unknown name.
std::unique_ptr<Flavor> make_flavor(std::string_view name, text::LatexCharset charset);
std::span<const std::string_view> flavor_names();

} // namespace bibkit::cv
