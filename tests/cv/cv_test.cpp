// bibkit cv's library: cv.yml and its errors, the owner's name, numbering, the flavours against
// files checked by hand (tests/cv/data/expected, from generate.sh) and written by hand
// (tests/cv/data/hand), math, and hostile input that must not run TeX.

#include <bibkit/cv/cv.hpp>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <regex>
#include <sstream>

namespace bibkit::cv {
namespace {

namespace fs = std::filesystem;

const fs::path k_data = BIBKIT_CV_TEST_DATA;
const fs::path k_example = fs::path(BIBKIT_SOURCE_DIR) / "data";
constexpr const char* k_owner = "Marchand, Élodie";

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bibtex::Bibliography bibliography_of(const std::vector<fs::path>& paths) {
    std::vector<std::string> names;
    for (const fs::path& path : paths) names.push_back(path.string());
    auto bibliography = bibtex::Bibliography::read(names);
    EXPECT_TRUE(bibliography);
    return std::move(*bibliography);
}

bibtex::Bibliography example() {
    return bibliography_of(
        {k_example / "papers.bib", k_example / "talks.bib", k_example / "teaching.bib"});
}

bibtex::Bibliography of_text(std::string text) {
    std::vector<SourceFile> sources;
    sources.push_back(SourceFile::from_string("test.bib", std::move(text)));
    return bibtex::Bibliography::from_sources(std::move(sources));
}

CvRequest request(std::string flavor, std::string sections = {}) {
    CvRequest r;
    r.flavor = std::move(flavor);
    r.highlight = k_owner;
    r.sections_file = std::move(sections);
    r.csl.project_root = BIBKIT_SOURCE_DIR;
    return r;
}

std::vector<OutputFile> files_of(const bibtex::Bibliography& bibliography, const CvRequest& r) {
    auto cv = make_cv(bibliography, r);
    EXPECT_TRUE(cv) << (cv ? "" : cv.error().message);
    return cv ? cv->files : std::vector<OutputFile>{};
}

const std::string& file(const std::vector<OutputFile>& files, std::string_view name) {
    for (const OutputFile& f : files)
        if (f.name == name) return f.contents;
    static const std::string none = "(no such file)";
    return none;
}

// --- cv.yml -------------------------------------------------------------------------------

TEST(CvConfig, ReadsEverySectionKey) {
    auto config = parse_cv_config("highlight: \"Marchand, É.\"\n"
                                  "sections:\n"
                                  "  - id: recent\n"
                                  "    title: Recent papers\n"
                                  "    query: \"@*[year>=2024]\"\n"
                                  "    sort: [year, title]\n"
                                  "    order: descending, ascending\n"
                                  "    prefix: R\n"
                                  "    reversed: true\n"
                                  "    max: 3\n"
                                  "    layout: talk\n",
                                  "cv.yml");
    ASSERT_TRUE(config) << config::to_string(config.error());
    EXPECT_EQ(config->highlight, "Marchand, É.");
    ASSERT_EQ(config->sections.size(), 1u);
    const SectionSpec& s = config->sections[0];
    EXPECT_EQ(s.id, "recent");
    EXPECT_EQ(s.title, "Recent papers");
    EXPECT_EQ(s.query, "@*[year>=2024]");
    EXPECT_EQ(s.sort_by, (std::vector<std::string>{"year", "title"}));
    EXPECT_EQ(s.order, (std::vector<std::string>{"descending", "ascending"}));
    EXPECT_EQ(s.prefix, "R");
    EXPECT_TRUE(s.reversed);
    EXPECT_EQ(s.max, 3u);
    EXPECT_EQ(s.layout, Layout::talk);
}

TEST(CvConfig, NoSectionsListMeansTheDefaults) {
    auto config = parse_cv_config("highlight: Marchand\n", "cv.yml");
    ASSERT_TRUE(config);
    EXPECT_EQ(config->sections, default_sections());
}

TEST(CvConfig, ErrorsPointAtTheValue) {
    const auto error = [](std::string_view yaml) {
        auto config = parse_cv_config(yaml, "cv.yml");
        return config ? std::string("(no error)") : config::to_string(config.error());
    };
    EXPECT_EQ(error("sections:\n  - id: a\n    max: -1\n"),
              "cv.yml:3:10: error: max must be a whole number (0: all)");
    EXPECT_EQ(error("sections:\n  - id: a\n    reversed: maybe\n"),
              "cv.yml:3:15: error: reversed must be true or false");
    EXPECT_EQ(error("sections:\n  - id: a\n    layuot: talk\n"),
              "cv.yml:3:5: error: unknown section key 'layuot' (id, title, query, sort, order, "
              "prefix, reversed, max, layout)");
    EXPECT_EQ(error("sections:\n  - title: No id\n"),
              "cv.yml:2:5: error: a section needs an id of letters, digits, '-' and '_' (it "
              "names the section's file)");
    EXPECT_EQ(error("sections:\n  - id: ../etc\n"),
              "cv.yml:2:5: error: a section needs an id of letters, digits, '-' and '_' (it "
              "names the section's file)");
    EXPECT_EQ(error("sections:\n  - id: a\n  - id: a\n"),
              "cv.yml:3:5: error: two sections have the id 'a'");
    EXPECT_EQ(error("sections: [\n"),
              "cv.yml:2:1: error: invalid YAML: end of sequence flow not found");
}

TEST(CvConfig, ABadQueryNamesItsSection) {
    const fs::path yaml = fs::temp_directory_path() / "bibkit-cv-bad-query.yml";
    std::ofstream(yaml) << "sections:\n  - id: broken\n    query: \"@article[year>\"\n";
    auto cv = make_cv(of_text(""), request("plain", yaml.string()));
    ASSERT_FALSE(cv);
    EXPECT_EQ(cv.error().code, ExitCode::usage);
    EXPECT_NE(cv.error().message.find("section 'broken': in the query '@article[year>'"),
              std::string::npos)
        << cv.error().message;
    fs::remove(yaml);
}

// --- the owner's name ---------------------------------------------------------------------

TEST(OwnerName, MatchesWithInitialsAccentsAndCase) {
    auto owner = OwnerName::parse("Marchand, {\\'E}lodie");
    ASSERT_TRUE(owner);
    EXPECT_EQ(owner->family(), "Marchand");
    EXPECT_EQ(owner->given(), "Élodie");
    EXPECT_TRUE(owner->matches({"Marchand", "Élodie", "", "", "", ""}));
    EXPECT_TRUE(owner->matches({"Marchand", "É.", "", "", "", ""}));
    EXPECT_TRUE(owner->matches({"MARCHAND", "Elodie", "", "", "", ""}));
    EXPECT_TRUE(owner->matches({"Marchand", "E. M.", "", "", "", ""}));
    EXPECT_FALSE(owner->matches({"Marchand", "Pierre", "", "", "", ""}));
    EXPECT_FALSE(owner->matches({"Marchant", "Élodie", "", "", "", ""}));
    EXPECT_FALSE(owner->matches({"Marchand", "", "", "", "", ""}));
    EXPECT_FALSE(owner->matches({"", "", "", "", "", "Marchand"}));
}

TEST(OwnerName, HyphenatedGivenNamesAndParticles) {
    auto owner = OwnerName::parse("Jean-Pierre van der Linde");
    ASSERT_TRUE(owner);
    EXPECT_TRUE(owner->matches({"Linde", "J.-P.", "van der", "", "", ""}));
    EXPECT_TRUE(owner->matches({"Linde", "Jean-Pierre", "van der", "", "", ""}));
    EXPECT_FALSE(owner->matches({"Linde", "J.-M.", "van der", "", "", ""}));
    EXPECT_FALSE(OwnerName::parse(""));
}

// --- numbering ------------------------------------------------------------------------------

TEST(CvNumbering, CountsUpOrDownAndNeedsAPrefix) {
    SectionSpec spec;
    spec.prefix = "J";
    EXPECT_EQ(entry_number(spec, 0, 12), "J1");
    EXPECT_EQ(entry_number(spec, 11, 12), "J12");
    spec.reversed = true;
    EXPECT_EQ(entry_number(spec, 0, 12), "J12");
    EXPECT_EQ(entry_number(spec, 11, 12), "J1");
    spec.prefix.clear();
    EXPECT_EQ(entry_number(spec, 0, 12), "");
}

// --- data/'s CV against hand-checked files ----------------------------------------------------

void expect_files(const std::vector<OutputFile>& files, const fs::path& expected_dir) {
    std::size_t compared = 0;
    for (const auto& expected : fs::directory_iterator(expected_dir)) {
        const std::string name = expected.path().filename().string();
        EXPECT_EQ(file(files, name), read(expected.path())) << name;
        ++compared;
    }
    EXPECT_GT(compared, 0u);
}

TEST(CvFiles, PlainFlavourOfTheExampleData) {
    const std::vector<OutputFile> files = files_of(example(), request("plain"));
    expect_files(files, k_data / "expected/plain");
    EXPECT_EQ(files.size(), default_sections().size() + 1);
}

TEST(CvFiles, ModerncvFlavourOfTheExampleData) {
    expect_files(files_of(example(), request("moderncv")), k_data / "expected/moderncv");
}

TEST(CvFiles, MarkdownAndHtmlPages) {
    expect_files(files_of(example(), request("markdown")), k_data / "expected/markdown");
    expect_files(files_of(example(), request("html")), k_data / "expected/html");
}

TEST(CvFiles, BiblatexWritesTheEntriesWithSectionKeywordsAndAnnotations) {
    expect_files(files_of(example(), request("biblatex")), k_data / "expected/biblatex");
}

// reversed.yml's 7 articles counting down: the label of the n-th printed is 8 - n, in its
// refsection only; the talks count up (no format). Compiled by ctest cv_biber.
TEST(CvFiles, BiblatexCountsDownReversedSections) {
    const auto files = files_of(example(), request("biblatex", (k_data / "reversed.yml").string()));
    const std::string& fragment = file(files, "cv-sections.tex");
    const std::string countdown =
        "\\DeclareFieldFormat{labelnumber}{\\number\\numexpr 8-#1\\relax}";
    const std::size_t at = fragment.find(countdown);
    ASSERT_NE(at, std::string::npos) << fragment;
    EXPECT_EQ(fragment.find("\\DeclareFieldFormat", at + 1), std::string::npos);
    EXPECT_LT(at, fragment.find("title={Articles in journals}"));
    EXPECT_GT(at, fragment.find("\\begin{refsection}"));
}

TEST(CvFiles, ReversedNumberingMaxAndAsciiFromCvYml) {
    CvRequest r = request("plain", (k_data / "reversed.yml").string());
    r.highlight.clear(); // cv.yml's "Marchand, E." then
    r.ascii = true;
    expect_files(files_of(example(), r), k_data / "expected/reversed");
}

TEST(CvFiles, WithoutAnOwnerNothingIsBold) {
    CvRequest r = request("plain");
    r.highlight.clear();
    for (const OutputFile& f : files_of(example(), r))
        EXPECT_EQ(f.contents.find("\\bibkitowner{"), std::string::npos) << f.name;
}

TEST(CvFiles, TheOwnerMentionedInATitleIsNotBold) {
    const auto bib = of_text("@article{a, author = {Marchand, {\\'E}lodie and Doe, Jane}, title "
                             "= {Against Marchand, {\\'E}. and her theorem}, journal = {J}, year "
                             "= 2020}\n");
    const std::vector<OutputFile> files = files_of(bib, request("plain"));
    const std::string& journal = file(files, "journal.tex");
    EXPECT_NE(journal.find("\\bibkitowner{Marchand, É.}, and Doe, J. (2020). Against Marchand, "
                           "É. and her theorem."),
              std::string::npos)
        << journal;
}

// --- a small CV against files written by hand -------------------------------------------------
// tests/cv/data/hand: small.bib and, for each flavour, each section's entries as derived by hand
// from the rules (the reasoning is in the files' %% lines). Only what follows the header of
// \providecommand lines is compared: the headers are in the files of expected/.

const fs::path k_hand = k_data / "hand";

// The section file after its header (which ends at the first blank line).
std::string body(const std::string& contents) {
    const std::size_t end = contents.find("\n\n");
    return end == std::string::npos ? std::string("(no header)") : contents.substr(end + 2);
}

std::string without_notes(const std::string& expected) {
    std::string out;
    std::istringstream lines(expected);
    for (std::string line; std::getline(lines, line);)
        if (!line.starts_with("%%")) out += line + "\n";
    return out;
}

void expect_bodies(const std::vector<OutputFile>& files, const fs::path& expected_dir,
                   std::vector<std::string> empty_sections) {
    std::size_t compared = 0;
    for (const auto& expected : fs::directory_iterator(expected_dir)) {
        const std::string name = expected.path().filename().string();
        EXPECT_EQ(body(file(files, name)), without_notes(read(expected.path()))) << name;
        ++compared;
    }
    EXPECT_GT(compared, 0u);
    for (const std::string& name : empty_sections) EXPECT_EQ(body(file(files, name)), "") << name;
    EXPECT_EQ(files.size(), compared + empty_sections.size() + 1); // + cv-sections.tex
}

TEST(CvHandWritten, PlainFlavour) {
    expect_bodies(files_of(bibliography_of({k_hand / "small.bib"}), request("plain")),
                  k_hand / "plain", {"books.tex", "theses.tex"});
}

TEST(CvHandWritten, ModerncvFlavour) {
    expect_bodies(files_of(bibliography_of({k_hand / "small.bib"}), request("moderncv")),
                  k_hand / "moderncv", {"books.tex", "theses.tex"});
}

TEST(CvHandWritten, NumberingCountingDownAndOldestFirst) {
    CvRequest r = request("plain", (k_hand / "reversed.yml").string());
    r.highlight.clear(); // reversed.yml's "Marchand, É."
    expect_bodies(files_of(bibliography_of({k_hand / "small.bib"}), r), k_hand / "reversed", {});
}

// A section is one bibliography: bibkit.csl disambiguates two works of the same authors and year
// with year suffixes, given in the section's order (newest first: May before February).
TEST(CvHandWritten, ASectionIsOneBibliographyWithYearSuffixes) {
    const auto bib = of_text("@article{feb, author = {Marchand, {\\'E}lodie}, title = {February}, "
                             "journal = {J}, year = 2020, month = feb}\n"
                             "@article{may, author = {Marchand, {\\'E}lodie}, title = {May}, "
                             "journal = {J}, year = 2020, month = may}\n"
                             "@article{other, author = {Doe, Jane}, title = {Other}, "
                             "journal = {J}, year = 2020}\n");
    EXPECT_EQ(body(file(files_of(bib, request("plain")), "journal.tex")),
              "\\bibkitsection{Journal articles}\n"
              "\\bibkitbeginlist{\\bibkitlabel{J3}}\n"
              "% may\n"
              "\\bibkititem{J1}{\\bibkitowner{Marchand, É.} (2020a). May. \\emph{J}.}\n"
              "% feb\n"
              "\\bibkititem{J2}{\\bibkitowner{Marchand, É.} (2020b). February. \\emph{J}.}\n"
              "% other\n"
              "\\bibkititem{J3}{Doe, J. (2020). Other. \\emph{J}.}\n"
              "\\bibkitendlist\n");
}

// --- links -----------------------------------------------------------------------------------

TEST(CvLinks, RelativeLinksNeedABaseUrl) {
    const auto bib = of_text("@article{a, author = {Marchand, {\\'E}lodie}, title = {T}, journal "
                             "= {J}, year = 2020, pdf = {papers/a.pdf}, slides = "
                             "{/talks/a-slides.pdf}, code = {javascript:alert(1)}, poster = "
                             "{//evil.example/p.pdf}, video = {./v.mp4}}\n");
    // Without a base, a CV read away from the site has no use for them.
    EXPECT_EQ(file(files_of(bib, request("plain")), "journal.tex").find("\\bibkitlinks{"),
              std::string::npos);
    CvRequest r = request("plain");
    r.base_url = "https://me.example.org/assets/pdf/";
    // A path resolves in the base's folder, "/…" at its host; javascript: and "//host" never.
    EXPECT_NE(file(files_of(bib, r), "journal.tex")
                  .find("\\emph{J}.\\bibkitlinks{"
                        "\\bibkitlink{https://me.example.org/assets/pdf/papers/a.pdf}{PDF}"
                        "\\bibkitlinksep \\bibkitlink{https://me.example.org/talks/a-slides.pdf}"
                        "{Slides}\\bibkitlinksep "
                        "\\bibkitlink{https://me.example.org/assets/pdf/v.mp4}{Video}}}"),
              std::string::npos)
        << file(files_of(bib, r), "journal.tex");
    r.base_url = "javascript:alert(1)//";
    auto cv = make_cv(bib, r);
    ASSERT_FALSE(cv);
    EXPECT_EQ(cv.error().code, ExitCode::usage);
    EXPECT_EQ(cv.error().message,
              "--base-url must be an http or https URL, not 'javascript:alert(1)//'");
}

// --- math -----------------------------------------------------------------------------------

TEST(CvMath, LatexFlavoursShowMathAsMathAndPagesAsMathJaxOrText) {
    const auto bib = bibliography_of({k_hand / "small.bib"});
    for (const char* flavor : {"plain", "moderncv", "awesome-cv"})
        EXPECT_NE(file(files_of(bib, request(flavor)), "journal.tex")
                      .find(R"(Rates $\mathcal{O}(1/\sqrt{T})$ for $\ell_1$ Problems.)"),
                  std::string::npos)
            << flavor;
    EXPECT_NE(file(files_of(bib, request("html")), "cv.html")
                  .find(R"(Rates <span class="math">\(\mathcal{O}(1/\sqrt{T})\)</span> for )"
                        R"(<span class="math">\(\ell_1\)</span> Problems.)"),
              std::string::npos);
    // Markdown has no math of its own: the Unicode rendering, 𝒪(1/√T) and ℓ₁.
    EXPECT_NE(file(files_of(bib, request("markdown")), "cv.md")
                  .find("Rates \xF0\x9D\x92\xAA(1/\xE2\x88\x9AT) for \xE2\x84\x93\xE2\x82\x81 "
                        "Problems."),
              std::string::npos);
}

TEST(CvMath, HostileTitleMixingMathAndWrite18) {
    const auto bib = of_text("@article{a, author = {Marchand, {\\'E}lodie}, title = {Bounds "
                             "$x^2 \\write18{rm -rf ~} \\input{/etc/passwd}$ and \\write18{ls} "
                             "$\\alpha$}, journal = {J}, year = 2020}\n");
    for (const char* flavor : {"plain", "moderncv"}) {
        const auto files = files_of(bib, request(flavor));
        const std::string& journal = file(files, "journal.tex");
        // In math, unknown commands become their names in \mathrm; outside, \write18's
        // backslash is gone (an unknown command) and the rest is text.
        EXPECT_NE(journal.find(R"(Bounds $x^2 \mathrm{write}18{rm -rf ~} )"
                               R"(\mathrm{input}{/etc/passwd}$ and )"),
                  std::string::npos)
            << flavor << ": " << journal;
        EXPECT_NE(journal.find(R"($\alpha$.)"), std::string::npos) << journal;
        EXPECT_EQ(journal.find("\\write"), std::string::npos) << journal;
        EXPECT_EQ(journal.find("\\input{/"), std::string::npos) << journal;
    }
}

// --- hostile input ----------------------------------------------------------------------------

TEST(CvHostile, NoFieldValueRunsACommand) {
    const auto bib = bibliography_of({k_data / "hostile.bib"});
    for (const char* flavor : {"plain", "moderncv", "awesome-cv", "biblatex"}) {
        for (const OutputFile& f : files_of(bib, request(flavor))) {
            if (f.name == "cv-sections.tex") continue; // \input of the section files
            static const std::regex k_dangerous(
                R"(\\(input|include|write|immediate|catcode|def|edef|gdef|let|csname|openout|read|newwrite|special)(?![a-zA-Z]))");
            std::string code; // the file without its comment lines
            std::istringstream lines(f.contents);
            for (std::string line; std::getline(lines, line);)
                if (!line.starts_with('%')) code += line + "\n";
            std::smatch found;
            EXPECT_FALSE(std::regex_search(code, found, k_dangerous))
                << flavor << " " << f.name << ": " << found.str();
            EXPECT_EQ(f.contents.find("^^"), std::string::npos) << f.name;
        }
    }
}

TEST(CvHostile, SpecialCharactersAreEscaped) {
    const std::vector<OutputFile> files =
        files_of(bibliography_of({k_data / "hostile.bib"}), request("plain"));
    const std::string& journal = file(files, "journal.tex");
    EXPECT_NE(journal.find("Escaped braces \\{ then \\}, 100\\% percent, a break and raw \\_ "
                           "\\textasciicircum{}"),
              std::string::npos)
        << journal;
    EXPECT_NE(journal.find("\\emph{Journal of 100\\% Safe \\& Sound Results \\#1}"),
              std::string::npos);
    EXPECT_NE(journal.find("\\bibkitlink{https://doi.org/10.1000/a\\%25b\\%23c~d_e\\%5Ef&g}{DOI}"),
              std::string::npos);
}

} // namespace
} // namespace bibkit::cv
