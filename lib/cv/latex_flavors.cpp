// The LaTeX flavours that need no bibliography engine: plain (any class), moderncv, Awesome-CV.

#include "flavor_common.hpp"

namespace bibkit::cv::detail {

namespace {

// Macros every LaTeX flavour uses.
constexpr std::string_view k_common_macros =
    "\\providecommand{\\bibkitowner}[1]{\\textbf{#1}}\n"
    "\\providecommand{\\bibkitlabel}[1]{[#1]}\n"
    "\\providecommand{\\bibkittitle}[1]{\\emph{#1}}\n"
    "% Links only when hyperref is loaded: a CV printed on paper has no use for them.\n"
    "\\providecommand{\\bibkitlink}[2]{\\ifdefined\\href\\href{#1}{#2}\\else#2\\fi}\n"
    "\\providecommand{\\bibkitlinks}[1]{\\ifdefined\\href\\space[#1]\\fi}\n"
    "\\providecommand{\\bibkitlinksep}{, }\n";

// The entry's text after its number: a publication's citation, or a talk's or course's title
// and details; then its links.
std::string entry_text(const CvEntry& entry) {
    std::string out;
    if (entry.layout == Layout::publication) {
        out = entry.citation;
    } else {
        out = with_period("\\bibkittitle{" + entry.title + "}");
        const std::string details = entry_details(entry);
        if (!details.empty()) out += " " + with_period(details);
    }
    return out + latex_links(entry);
}

std::string widest_label(const CvSection& section) {
    if (section.spec.prefix.empty()) return {};
    return "\\bibkitlabel{" + latex_escaped(section.spec.prefix) +
           std::to_string(section.entries.size()) + "}";
}

class PlainFlavor final : public LatexFlavor {
  public:
    using LatexFlavor::LatexFlavor;
    std::string_view name() const override { return "plain"; }

  protected:
    std::string macros() const override {
        return std::string(k_common_macros) +
               "\\providecommand{\\bibkitsection}[1]{\\section*{#1}}\n"
               "% A list whose labels are as wide as the widest number (#1).\n"
               "\\providecommand{\\bibkitbeginlist}[1]{\\begin{list}{}{%\n"
               "  \\settowidth{\\labelwidth}{#1}\\setlength{\\leftmargin}{\\labelwidth}%\n"
               "  "
               "\\addtolength{\\leftmargin}{\\labelsep}\\setlength{\\itemsep}{0.3\\baselineskip}%\n"
               "  \\setlength{\\parsep}{0pt}}\\raggedright}\n"
               "\\providecommand{\\bibkitendlist}{\\end{list}}\n"
               "\\providecommand{\\bibkititem}[2]{\\item[\\bibkitlabel{#1}]#2}\n"
               "\\providecommand{\\bibkitunnumbereditem}[1]{\\item[]#1}\n";
    }
    void section(std::string& out, const CvSection& section) const override {
        out += "\\bibkitsection{" + latex_escaped(section.spec.title) + "}\n";
        if (section.entries.empty()) return;
        out += "\\bibkitbeginlist{" + widest_label(section) + "}\n";
        for (const CvEntry& entry : section.entries) {
            out += "% " + safe_key(entry.key) + "\n";
            if (entry.number.empty())
                out += "\\bibkitunnumbereditem{" + entry_text(entry) + "}\n";
            else
                out += "\\bibkititem{" + latex_escaped(entry.number) + "}{" + entry_text(entry) +
                       "}\n";
        }
        out += "\\bibkitendlist\n";
    }
};

std::string numbered(const CvEntry& entry, std::string_view text) {
    if (entry.number.empty()) return std::string(text);
    return "\\bibkitlabel{" + latex_escaped(entry.number) + "} " + std::string(text);
}

class ModerncvFlavor final : public LatexFlavor {
  public:
    using LatexFlavor::LatexFlavor;
    std::string_view name() const override { return "moderncv"; }

  protected:
    std::string macros() const override {
        return std::string(k_common_macros) +
               "\\providecommand{\\bibkitsection}[1]{\\section{#1}}\n";
    }
    // \cvitem{[J1]}{citation}; \cventry{date}{title}{event}{venue}{location}{type} for talks;
    // \cventry{term}{title}{role}{institution}{}{level and programme} for courses.
    void section(std::string& out, const CvSection& section) const override {
        out += "\\bibkitsection{" + latex_escaped(section.spec.title) + "}\n";
        for (const CvEntry& entry : section.entries) {
            out += "% " + safe_key(entry.key) + "\n";
            if (entry.layout == Layout::publication) {
                const std::string label =
                    entry.number.empty() ? entry.year
                                         : "\\bibkitlabel{" + latex_escaped(entry.number) + "}";
                out += "\\cvitem{" + label + "}{" + entry_text(entry) + "}\n";
            } else if (entry.layout == Layout::talk) {
                out += "\\cventry{" + numbered(entry, entry.date) + "}{" + entry.title + "}{" +
                       entry.event + "}{" + entry.venue + "}{" + entry.location + "}{" +
                       entry.kind + latex_links(entry) + "}\n";
            } else {
                out += "\\cventry{" + numbered(entry, entry.date) + "}{" + entry.title + "}{" +
                       entry.kind + "}{" + entry.venue + "}{}{" + entry.event + latex_links(entry) +
                       "}\n";
            }
        }
    }
};

class AwesomeCvFlavor final : public LatexFlavor {
  public:
    using LatexFlavor::LatexFlavor;
    std::string_view name() const override { return "awesome-cv"; }

  protected:
    std::string macros() const override {
        return std::string(k_common_macros) +
               "\\providecommand{\\bibkitsection}[1]{\\cvsection{#1}}\n";
    }
    // \cventry{position}{title}{location}{date}{description}.
    void section(std::string& out, const CvSection& section) const override {
        out += "\\bibkitsection{" + latex_escaped(section.spec.title) + "}\n";
        if (section.entries.empty()) return;
        out += "\\begin{cventries}\n";
        for (const CvEntry& entry : section.entries) {
            out += "% " + safe_key(entry.key) + "\n";
            if (entry.layout == Layout::publication) {
                const std::string label =
                    entry.number.empty() ? std::string()
                                         : "\\bibkitlabel{" + latex_escaped(entry.number) + "}";
                out +=
                    "\\cventry{}{" + label + "}{}{" + entry.year + "}{" + entry_text(entry) + "}\n";
            } else if (entry.layout == Layout::talk) {
                out += "\\cventry{" + entry.kind + "}{" + numbered(entry, entry.title) + "}{" +
                       entry.location + "}{" + entry.date + "}{" +
                       with_period(entry.event +
                                   (entry.event.empty() || entry.venue.empty() ? "" : ", ") +
                                   entry.venue) +
                       latex_links(entry) + "}\n";
            } else {
                out += "\\cventry{" + entry.kind + "}{" + numbered(entry, entry.title) + "}{" +
                       entry.venue + "}{" + entry.date + "}{" + entry.event + latex_links(entry) +
                       "}\n";
            }
        }
        out += "\\end{cventries}\n";
    }
};

} // namespace

std::unique_ptr<Flavor> make_plain_flavor(text::LatexCharset charset) {
    return std::make_unique<PlainFlavor>(charset);
}
std::unique_ptr<Flavor> make_moderncv_flavor(text::LatexCharset charset) {
    return std::make_unique<ModerncvFlavor>(charset);
}
std::unique_ptr<Flavor> make_awesome_cv_flavor(text::LatexCharset charset) {
    return std::make_unique<AwesomeCvFlavor>(charset);
}

} // namespace bibkit::cv::detail
