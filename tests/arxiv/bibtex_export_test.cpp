// BibTeX export of arXiv papers and the "must read" lists. The papers are built here from the
// recorded answers in data/ (1707.08567: 34 authors, UTF-8 names; astro-ph/0601001: an old-style
// id with a journal reference), plus hostile values; every expected text was checked by hand.

#include <algorithm>
#include <bibkit/arxiv/atom.hpp>
#include <bibkit/arxiv/bibtex_export.hpp>
#include <bibkit/bibtex/bibliography.hpp>
#include <bibkit/core/ascii.hpp>
#include <bibkit/names/name.hpp>
#include <bibkit/text/decode.hpp>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <string>
#include <vector>

namespace bibkit::arxiv {
namespace {

model::ArxivId arxiv_id(std::string id, std::uint32_t version,
                        model::ArxivStyle style = model::ArxivStyle::modern) {
    model::ArxivId out;
    out.id = std::move(id);
    out.version = version;
    out.style = style;
    return out;
}

std::vector<Author> authors(const std::vector<std::string>& names) {
    std::vector<Author> out;
    for (const std::string& name : names) out.push_back(Author{name, {}});
    return out;
}

// 1707.08567v1, as arxivpy_2026_id_1707.08567_many_authors_utf8.xml gives it (summary cut).
Paper aew10() {
    Paper paper;
    paper.id = arxiv_id("1707.08567", 1);
    paper.title =
        "Proceedings of Workshop AEW10: Concepts in Information Theory and Communications";
    paper.summary = "The 10th Asia-Europe workshop in \"Concepts in Information Theory and "
                    "Communications\" AEW10 was held in Boppard, Germany on June 21-23, 2017.";
    paper.authors = authors({"Kees A. Schouhamer Immink",
                             "Stan Baggen",
                             "Ferdaous Chaabane",
                             "Yanling Chen",
                             "Peter H. N. de With",
                             "Hela Gassara",
                             "Hamed Gharbi",
                             "Adel Ghazel",
                             "Khaled Grati",
                             "Naira M. Grigoryan",
                             "Ashot Harutyunyan",
                             "Masayuki Imanishi",
                             "Mitsugu Iwamoto",
                             "Ken-ichi Iwata",
                             "Hiroshi Kamabe",
                             "Brian M. Kurkoski",
                             "Shigeaki Kuzuoka",
                             "Patrick Langenhuizen",
                             "Jan Lewandowsky",
                             "Akiko Manada",
                             "Shigeki Miyake",
                             "Hiroyoshi Morita",
                             "Jun Muramatsu",
                             "Safa Najjar",
                             "Arnak V. Poghosyan",
                             "Fatma Rouissi",
                             "Yuta Sakai",
                             "Ulrich Tamm",
                             "Joost van der Putten",
                             "Fons van der Sommen",
                             "A. J. Han Vinck",
                             "Tadashi Wadayama",
                             "Dirk Wübben",
                             "Hirosuke Yamamoto"});
    paper.published = "2017-07-27T08:18:33Z";
    paper.updated = "2017-07-27T08:18:33Z";
    paper.primary_category = "cs.IT";
    paper.categories = {"cs.IT"};
    paper.comment = "44 pages, editors for the proceedings: Yanling Chen and A. J. Han Vinck";
    paper.abs_url = "https://arxiv.org/abs/1707.08567v1";
    paper.pdf_url = "https://arxiv.org/pdf/1707.08567v1";
    return paper;
}

// astro-ph/0601001v1, as arxivpy_2026_id_astro-ph_0601001_oldstyle_affil_jref.xml gives it
// (summary cut to the sentences with %, & and TeX outside math).
Paper hot_jupiters() {
    Paper paper;
    paper.id = arxiv_id("astro-ph/0601001", 1, model::ArxivStyle::legacy);
    paper.title = "Frequency of Hot Jupiters and Very Hot Jupiters from the OGLE-III Transit "
                  "Surveys Toward the Galactic Bulge and Carina";
    paper.summary = "The models are constructed following Gould & Morgan (2003). The number of "
                    "stars is only 4--16% of those satisfying the limit of V_max<17.5. At 90% "
                    "confidence the fraction is (1/310)(1^{+1.39}_{-0.59}) for HJs.";
    paper.authors = {Author{"Andrew Gould", {"Ohio State"}},
                     Author{"Susan Dorsher", {"Ohio State"}}, Author{"B. Scott Gaudi", {"CfA"}},
                     Author{"Andrzej Udalski", {"Warsaw University Observatory"}}};
    paper.published = "2006-01-02T14:57:58Z";
    paper.updated = "2006-01-02T14:57:58Z";
    paper.primary_category = "astro-ph";
    paper.categories = {"astro-ph"};
    paper.journal_ref = "ActaAstron.56:1-50,2006";
    paper.comment = "62 pages including 16 figures and 9 tables.";
    paper.abs_url = "https://arxiv.org/abs/astro-ph/0601001v1";
    paper.pdf_url = "https://arxiv.org/pdf/astro-ph/0601001v1";
    return paper;
}

// What an attacker controlling a submission's metadata could try.
Paper hostile() {
    Paper paper;
    paper.id = arxiv_id("2401.00001", 2);
    paper.title = "Escaping }{ 100% & #1 \\input{/etc/passwd} <script>alert('x')</script> ]]> "
                  "[a](javascript:alert(1)) *b* _c_ `d`";
    paper.summary = "$\\write18{rm -rf ~}$ \\def\\x{y} x^^5cinput \\";
    paper.authors = authors(
        {"Eve \"<img src=x onerror=alert(1)>\" O'Mallory", "A & B", "The Hostile Collaboration"});
    paper.published = "2024-01-01T00:00:00Z";
    paper.primary_category = "cs.CR";
    paper.doi = "10.1000/{x}";
    return paper;
}

Paper titled(std::string title, std::vector<std::string> names, std::string published) {
    Paper paper;
    paper.id = arxiv_id("2401.00002", 1);
    paper.title = std::move(title);
    paper.authors = authors(names);
    paper.published = std::move(published);
    return paper;
}

std::string bibtex(const Paper& paper, const std::string& key, const ExportOptions& options = {}) {
    std::string out;
    append_bibtex(out, to_bibtex_entry(paper, key, options));
    return out;
}

// ---- Keys ---------------------------------------------------------------------------------------

TEST(ArxivKeyAllocator, FamilyYearFirstTitleWordLikeArxiv) {
    KeyAllocator keys;
    EXPECT_EQ(keys.allocate(aew10()), "immink2017proceedings"); // arXiv's own export says so
    EXPECT_EQ(keys.allocate(hot_jupiters()), "gould2006frequency");
}

TEST(ArxivKeyAllocator, FoldsToAsciiAndKeepsParticles) {
    KeyAllocator keys;
    const std::string title = "Proceedings of Workshop AEW10";
    const std::string date = "2017-07-27T08:18:33Z";
    EXPECT_EQ(keys.allocate(titled(title, {"Dirk Wübben"}, date)), "wubben2017proceedings");
    EXPECT_EQ(keys.allocate(titled(title, {"Peter H. N. de With"}, date)), "dewith2017proceedings");
    EXPECT_EQ(keys.allocate(titled(title, {"Joost van der Putten"}, date)),
              "vanderputten2017proceedings");
    EXPECT_EQ(keys.allocate(titled(title, {"Ken-ichi Iwata"}, date)), "iwata2017proceedings");
    EXPECT_EQ(keys.allocate(titled(title, {"Søren Ørsted-Æbelø"}, date)),
              "orstedaebelo2017proceedings");
    EXPECT_EQ(keys.allocate(titled(title, {"Jürgen Groß"}, date)), "gross2017proceedings");
    EXPECT_EQ(keys.allocate(titled(title, {"张伟"}, date)), "zhangwei2017proceedings");
    EXPECT_EQ(keys.allocate(titled(title, {"Дмитрий Иванов"}, date)), "ivanov2017proceedings");
    EXPECT_EQ(keys.allocate(titled(title, {"Martin Luther King Jr."}, date)),
              "king2017proceedings");
    EXPECT_EQ(keys.allocate(titled(title, {"The ATLAS Collaboration"}, date)),
              "atlas2017proceedings");
}

TEST(ArxivKeyAllocator, TitleWordSkipsStopWordsMathAndLatex) {
    KeyAllocator keys;
    const std::string date = "2024-08-09T00:00:00Z";
    auto key = [&](std::string title) { return keys.allocate(titled(title, {"Ann Lee"}, date)); };
    EXPECT_EQ(key("On the Geometry of Deep Learning"), "lee2024geometry");
    EXPECT_EQ(key("$k$-Means for the Masses"), "lee2024means");
    EXPECT_EQ(key("\\emph{{\\\"U}ber} alles"), "lee2024uber");
    EXPECT_EQ(key("Don't Stop Pretraining"), "lee2024dont");
    EXPECT_EQ(key("GaLore: Memory-Efficient LLM Training"), "lee2024galore");
    EXPECT_EQ(key("A $\\alpha$"), "lee2024");               // no usable word: omitted
    EXPECT_EQ(key(""), "lee2024a");                         // and the same base again
    EXPECT_EQ(keys.allocate(titled("Of", {}, "")), "anon"); // nothing at all
}

TEST(ArxivKeyAllocator, CollisionsGetSuffixesCaseInsensitively) {
    KeyAllocator keys({"Immink2017Proceedings", "immink2017proceedingsA"});
    EXPECT_EQ(keys.allocate(aew10()), "immink2017proceedingsb");
    EXPECT_EQ(keys.allocate(aew10()), "immink2017proceedingsc");
    std::vector<std::string> more;
    for (int i = 0; i < 24; ++i) more.push_back(keys.allocate(aew10()));
    EXPECT_EQ(more[22], "immink2017proceedingsz");
    EXPECT_EQ(more[23], "immink2017proceedingsaa");
    EXPECT_EQ(keys.allocate(aew10()), "immink2017proceedingsab");
}

// ---- Values and names ---------------------------------------------------------------------------

TEST(ArxivBibtexExport, ValuesKeepLatexButEscapeSpecials) {
    EXPECT_EQ(to_bibtex_value("Gould & Morgan, 90% of #1"), "Gould \\& Morgan, 90\\% of \\#1");
    EXPECT_EQ(to_bibtex_value("$\\alpha$-stable \\emph{L\\'evy} {DNA} 3--5 ~x"),
              "$\\alpha$-stable \\emph{L\\'evy} {DNA} 3--5 ~x");
    EXPECT_EQ(to_bibtex_value("already \\% \\& \\_ \\$ \\{x\\}"),
              "already \\% \\& \\_ \\$ \\{x\\}");
    EXPECT_EQ(to_bibtex_value("V_max<17.5, (1^{+1.39}_{-0.59})"),
              "V\\_max<17.5, (1\\textasciicircum{}{+1.39}\\_{-0.59})");
    EXPECT_EQ(to_bibtex_value("costs $5\n\tor  more"), "costs \\$5 or more");
    EXPECT_EQ(to_bibtex_value("$$E=mc^2$$ and \\(x\\) and \\[y\\]"),
              "$$E=mc^2$$ and \\(x\\) and \\[y\\]");
}

TEST(ArxivBibtexExport, StrayBracesAreNeutralized) {
    EXPECT_EQ(to_bibtex_value("a }{ b"), "a \\textbraceright{}\\textbraceleft{} b");
    EXPECT_EQ(to_bibtex_value("{open"), "\\textbraceleft{}open");
    EXPECT_EQ(to_bibtex_value("\\{x"), "\\textbraceleft{}x");
    EXPECT_EQ(to_bibtex_value("{a \\} b}"), "{a \\textbraceright{} b}");
    EXPECT_EQ(to_bibtex_value("{a \\{ b}"), "{a \\textbraceleft{} b}");
    EXPECT_EQ(to_bibtex_value("{{x}"), "\\textbraceleft{}{x}");
}

TEST(ArxivBibtexExport, BracesInMathCountForBibtexToo) {
    EXPECT_EQ(to_bibtex_value("$\\left\\{x\\right.$"), "$\\left\\lbrace{}x\\right.$");
    EXPECT_EQ(to_bibtex_value("$\\{x \\mid x>0\\}$"), "$\\{x \\mid x>0\\}$");
    EXPECT_EQ(to_bibtex_value("{$x$}"), "{$x$}");
}

// Whatever the input, BibTeX sees balanced braces and the decoder meets no command it does not
// know, no unbalanced brace and no unsafe math.
TEST(ArxivBibtexExport, EveryValueIsBalancedAndDecodesCleanly) {
    for (const std::string input : {"}",
                                    "{",
                                    "\\",
                                    "\\{\\}}{",
                                    "$a}b$",
                                    "$\\frac{a}{b$",
                                    "$x\\}$",
                                    "\\(a",
                                    "$$",
                                    "$$x$",
                                    "\\[\\{\\]",
                                    "{$}$",
                                    "a\\}b{c",
                                    "\\url{x}",
                                    "\\href{javascript:x}{y}",
                                    "\\csname x\\endcsname",
                                    "\\catcode`\\@=11",
                                    "\\verb|x|",
                                    "$\\input{x}$",
                                    "\\\\",
                                    "%",
                                    "\\%{"}) {
        std::string value = to_bibtex_value(input);
        int depth = 0;
        for (char c : value) {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            EXPECT_GE(depth, 0) << input << " -> " << value;
        }
        EXPECT_EQ(depth, 0) << input << " -> " << value;
        std::size_t last = value.find_last_not_of('\\');
        std::size_t backslashes = value.size() - (last == std::string::npos ? 0 : last + 1);
        EXPECT_EQ(backslashes % 2, 0u) << input << " -> " << value; // would escape the `}`
        for (const text::DecodeWarning& warning : text::decode_latex(value).warnings)
            ADD_FAILURE() << input << " -> " << value << ": " << text::describe(warning);
    }
}

TEST(ArxivBibtexExport, UnknownCommandsCannotRun) {
    EXPECT_EQ(to_bibtex_value("\\input{/etc/passwd}"), "\\textbackslash{}input{/etc/passwd}");
    EXPECT_EQ(to_bibtex_value("\\def\\x{y}\\x"),
              "\\textbackslash{}def\\textbackslash{}x{y}\\textbackslash{}x");
    EXPECT_EQ(to_bibtex_value("x^^5cinput"), "x\\textasciicircum{}\\textasciicircum{}5cinput");
    EXPECT_EQ(to_bibtex_value("\\^^5cinput"), "\\^\\textasciicircum{}5cinput");
    EXPECT_EQ(to_bibtex_value("ends in \\"), "ends in \\textbackslash{}");
    EXPECT_EQ(to_bibtex_value("\\\xC3\xA9"), "\\textbackslash{}\xC3\xA9");
    EXPECT_EQ(to_bibtex_value("$\\write18{rm}$"), "$\\mathrm{write}18{rm}$");
    EXPECT_EQ(to_bibtex_value("<script>alert(1)</script> ]]>"), "<script>alert(1)</script> ]]>");
}

TEST(ArxivBibtexExport, AuthorsStayBibtexNames) {
    EXPECT_EQ(bibtex_author("Dirk Wübben"), "Dirk Wübben");
    EXPECT_EQ(bibtex_author("Peter H. N. de With"), "Peter H. N. de With");
    EXPECT_EQ(bibtex_author("The ATLAS Collaboration"), "{The ATLAS Collaboration}");
    EXPECT_EQ(bibtex_author("Tom and Jerry"), "{Tom and Jerry}");
    EXPECT_EQ(bibtex_author("Smith, Anna"), "{Smith, Anna}");
    EXPECT_EQ(bibtex_author("Martin Luther King Jr."), "King, Jr., Martin Luther");
    EXPECT_EQ(bibtex_author("John Smith, III"), "Smith, III, John");
    EXPECT_EQ(bibtex_author("Ann }{ Lee"), "Ann \\textbraceright{}\\textbraceleft{} Lee");
    EXPECT_EQ(bibtex_author("others"), "{others}");
    EXPECT_EQ(bibtex_author("Procter & Gamble"), "{Procter \\& Gamble}");
    // BibTeX would take "ichi" for a von part, and "danah" for one too.
    EXPECT_EQ(bibtex_author("Ken-ichi Iwata"), "Iwata, Ken-ichi");
    EXPECT_EQ(bibtex_author("danah boyd"), "boyd, danah");
    EXPECT_EQ(bibtex_author("Joost van der Putten"), "Joost van der Putten");
    EXPECT_EQ(bibtex_author("Plato"), "Plato");
    for (const std::string name : {"The ATLAS Collaboration", "Tom and Jerry", "Smith, Anna"}) {
        names::ParsedNames parsed = names::parse_names(bibtex_author(name));
        ASSERT_EQ(parsed.names.size(), 1u) << name;
        EXPECT_EQ(parsed.names[0].literal, name);
    }
}

// ---- Entries ------------------------------------------------------------------------------------

TEST(ArxivBibtexExport, PreprintIsMiscAsArxivExportsIt) {
    EXPECT_EQ(bibtex(aew10(), "immink2017proceedings"),
              "@misc{immink2017proceedings,\n"
              "  title         = {Proceedings of Workshop AEW10: Concepts in Information Theory "
              "and Communications},\n"
              "  author        = {Kees A. Schouhamer Immink and Stan Baggen and Ferdaous Chaabane "
              "and Yanling Chen and Peter H. N. de With and Hela Gassara and Hamed Gharbi and Adel "
              "Ghazel and Khaled Grati and Naira M. Grigoryan and Ashot Harutyunyan and Masayuki "
              "Imanishi and Mitsugu Iwamoto and Iwata, Ken-ichi and Hiroshi Kamabe and Brian M. "
              "Kurkoski and Shigeaki Kuzuoka and Patrick Langenhuizen and Jan Lewandowsky and "
              "Akiko Manada and Shigeki Miyake and Hiroyoshi Morita and Jun Muramatsu and Safa "
              "Najjar and Arnak V. Poghosyan and Fatma Rouissi and Yuta Sakai and Ulrich Tamm and "
              "Joost van der Putten and Fons van der Sommen and A. J. Han Vinck and Tadashi "
              "Wadayama and Dirk Wübben and Hirosuke Yamamoto},\n"
              "  year          = 2017,\n"
              "  month         = 7,\n"
              "  eprint        = {1707.08567},\n"
              "  archivePrefix = {arXiv},\n"
              "  primaryClass  = {cs.IT},\n"
              "  url           = {https://arxiv.org/abs/1707.08567}\n"
              "}\n\n");
}

TEST(ArxivBibtexExport, JournalRefMakesAnArticle) {
    ExportOptions options;
    options.abstract = true;
    options.project = "exoplanets";
    options.keywords = {"hot Jupiters", "OGLE"};
    EXPECT_EQ(bibtex(hot_jupiters(), "gould2006frequency", options),
              "@article{gould2006frequency,\n"
              "  title         = {Frequency of Hot Jupiters and Very Hot Jupiters from the "
              "OGLE-III Transit Surveys Toward the Galactic Bulge and Carina},\n"
              "  author        = {Andrew Gould and Susan Dorsher and B. Scott Gaudi and Andrzej "
              "Udalski},\n"
              "  journal       = {ActaAstron.56:1-50,2006},\n"
              "  year          = 2006,\n"
              "  month         = 1,\n"
              "  eprint        = {astro-ph/0601001},\n"
              "  archivePrefix = {arXiv},\n"
              "  primaryClass  = {astro-ph},\n"
              "  url           = {https://arxiv.org/abs/astro-ph/0601001},\n"
              "  abstract      = {The models are constructed following Gould \\& Morgan (2003). "
              "The number of stars is only 4--16\\% of those satisfying the limit of "
              "V\\_max<17.5. At 90\\% confidence the fraction is "
              "(1/310)(1\\textasciicircum{}{+1.39}\\_{-0.59}) for HJs.},\n"
              "  keywords      = {hot Jupiters, OGLE},\n"
              "  project       = {exoplanets}\n"
              "}\n\n");
}

TEST(ArxivBibtexExport, DoiAloneMakesAnArticleToo) {
    Paper paper = aew10();
    paper.authors.resize(1);
    paper.doi = "10.1109/TIT.2017.1234567";
    EXPECT_EQ(bibtex(paper, "k"), "@article{k,\n"
                                  "  title         = {Proceedings of Workshop AEW10: Concepts in "
                                  "Information Theory and Communications},\n"
                                  "  author        = {Kees A. Schouhamer Immink},\n"
                                  "  year          = 2017,\n"
                                  "  month         = 7,\n"
                                  "  eprint        = {1707.08567},\n"
                                  "  archivePrefix = {arXiv},\n"
                                  "  primaryClass  = {cs.IT},\n"
                                  "  doi           = {10.1109/TIT.2017.1234567},\n"
                                  "  url           = {https://arxiv.org/abs/1707.08567}\n"
                                  "}\n\n");
}

TEST(ArxivBibtexExport, HostileEntryStaysInert) {
    BibtexEntry entry = to_bibtex_entry(hostile(), "k", ExportOptions{true, "p}", {"%x"}});
    auto field = [&](std::string_view name) {
        for (const auto& [n, v] : entry.fields)
            if (n == name) return v;
        return std::string("(none)");
    };
    EXPECT_EQ(entry.type, "article");
    EXPECT_EQ(field("title"), "Escaping \\textbraceright{}\\textbraceleft{} 100\\% \\& \\#1 "
                              "\\textbackslash{}input{/etc/passwd} <script>alert('x')</script> ]]> "
                              "[a](javascript:alert(1)) *b* \\_c\\_ `d`");
    EXPECT_EQ(field("author"), "Eve \"<img src=x onerror=alert(1)>\" O'Mallory and {A \\& B} and "
                               "{The Hostile Collaboration}");
    EXPECT_EQ(field("abstract"), "$\\mathrm{write}18{rm -rf ~}$ \\textbackslash{}def"
                                 "\\textbackslash{}x{y} x\\textasciicircum{}"
                                 "\\textasciicircum{}5cinput \\textbackslash{}");
    EXPECT_EQ(field("doi"), "10.1000/%7Bx%7D");
    EXPECT_EQ(field("project"), "p\\textbraceright{}");
    EXPECT_EQ(field("keywords"), "\\%x");
    EXPECT_EQ(field("journal"), "(none)");
}

// Writes the papers as BibTeX, reads it back with bibkit's own reader and checks that nothing is
// reported, every value reads back as written, and no value holds a command the text decoder does
// not know, an unbalanced brace or unsafe math. The names of each entry's author field, parsed.
std::vector<std::size_t> check_round_trip(const std::vector<Paper>& papers) {
    ExportOptions options{true, "must-read", {"a", "b & c"}};
    std::vector<BibtexEntry> entries;
    KeyAllocator keys;
    std::string text;
    for (const Paper& paper : papers) {
        entries.push_back(to_bibtex_entry(paper, keys.allocate(paper), options));
        append_bibtex(text, entries.back());
    }
    std::vector<SourceFile> sources;
    sources.push_back(SourceFile::from_string("export.bib", text));
    bibtex::Bibliography bibliography = bibtex::Bibliography::from_sources(std::move(sources));
    bibtex::Database database = bibliography.resolve();
    EXPECT_TRUE(database.diagnostics.empty()) << text;
    EXPECT_EQ(database.entries.size(), entries.size());
    std::vector<std::size_t> author_counts;
    for (std::size_t i = 0; i < std::min(entries.size(), database.entries.size()); ++i) {
        const bibtex::Entry& read = database.entries[i];
        EXPECT_EQ(read.key, entries[i].key);
        EXPECT_EQ(read.type, entries[i].type);
        EXPECT_EQ(read.fields.size(), entries[i].fields.size()) << read.key;
        for (std::size_t f = 0; f < std::min(read.fields.size(), entries[i].fields.size()); ++f) {
            const auto& [name, value] = entries[i].fields[f];
            EXPECT_EQ(read.fields[f].name, ascii::lowered(name));
            EXPECT_EQ(read.fields[f].value, value) << name;
            for (const text::DecodeWarning& warning : text::decode_latex(value).warnings)
                ADD_FAILURE() << name << ": " << text::describe(warning) << " in " << value;
        }
        const bibtex::Field* author = read.find("author");
        author_counts.push_back(author ? names::parse_names(author->value).names.size() : 0);
    }
    return author_counts;
}

TEST(ArxivBibtexExport, RoundTripsThroughTheReader) {
    std::vector<std::size_t> authors = check_round_trip({aew10(), hot_jupiters(), hostile()});
    EXPECT_EQ(authors, (std::vector<std::size_t>{34, 4, 3}));
}

// ---- From the recorded answers ------------------------------------------------------------------

std::vector<Paper> recorded(const std::string& name) {
    std::ifstream in(std::string(BIBKIT_ARXIV_TEST_DATA) + "/" + name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    auto feed = parse_atom_feed(text.str());
    EXPECT_TRUE(feed.has_value()) << name;
    return feed ? feed->papers : std::vector<Paper>{};
}

// The parser's papers export exactly as the papers built above from the same answers (their
// summaries are cut, so no abstract here).
TEST(ArxivBibtexExport, RecordedAnswersExportAsExpected) {
    std::vector<Paper> many = recorded("arxivpy_2026_id_1707.08567_many_authors_utf8.xml");
    std::vector<Paper> old = recorded("arxivpy_2026_id_astro-ph_0601001_oldstyle_affil_jref.xml");
    ASSERT_EQ(many.size(), 1u);
    ASSERT_EQ(old.size(), 1u);
    KeyAllocator keys;
    EXPECT_EQ(keys.allocate(many[0]), "immink2017proceedings");
    EXPECT_EQ(keys.allocate(old[0]), "gould2006frequency");
    EXPECT_EQ(bibtex(many[0], "k"), bibtex(aew10(), "k"));
    EXPECT_EQ(bibtex(old[0], "k"), bibtex(hot_jupiters(), "k"));
    std::string abstract = to_bibtex_entry(old[0], "k", {true, {}, {}}).fields.back().second;
    EXPECT_NE(abstract.find("following Gould \\& Morgan (2003)"), std::string::npos);
    EXPECT_NE(abstract.find("only 4--16\\% of those"), std::string::npos);
    EXPECT_NE(abstract.find("at 90\\% confidence"), std::string::npos);
}

TEST(ArxivBibtexExport, EveryRecordedAnswerRoundTrips) {
    for (const std::string name : {"arxivpy_2026_id_1707.08567_many_authors_utf8.xml",
                                   "arxivpy_2026_id_astro-ph_0601001_oldstyle_affil_jref.xml",
                                   "arxivpy_2026_search_all_testing_s0_m10_doi.xml",
                                   "old_format_per_element_namespaces.xml"}) {
        SCOPED_TRACE(name);
        std::vector<Paper> papers = recorded(name);
        EXPECT_FALSE(papers.empty());
        std::vector<std::size_t> authors = check_round_trip(papers);
        for (std::size_t i = 0; i < std::min(authors.size(), papers.size()); ++i)
            EXPECT_EQ(authors[i], papers[i].authors.size()) << papers[i].id.id;
    }
}

// ---- Lists --------------------------------------------------------------------------------------

TEST(ArxivPaperList, MarkdownLinksTitlesWithAuthorsAndYear) {
    Paper math = titled("$\\alpha$-Stable \\emph{L\\'evy} Flights", {"Ann Lee", "Bo Li"},
                        "2024-08-09T00:00:00Z");
    std::string out;
    append_markdown_list(out, std::vector<Paper>{aew10(), hot_jupiters(), math});
    EXPECT_EQ(out, "- [Proceedings of Workshop AEW10: Concepts in Information Theory and "
                   "Communications](https://arxiv.org/abs/1707.08567) — Kees A. Schouhamer "
                   "Immink, Stan Baggen, Ferdaous Chaabane et al. (2017)\n"
                   "- [Frequency of Hot Jupiters and Very Hot Jupiters from the OGLE-III "
                   "Transit Surveys Toward the Galactic Bulge and "
                   "Carina](https://arxiv.org/abs/astro-ph/0601001) — Andrew Gould, Susan "
                   "Dorsher, B. Scott Gaudi et al. (2006)\n"
                   "- [$\\alpha$-Stable *Lévy* Flights](https://arxiv.org/abs/2401.00002) — "
                   "Ann Lee and Bo Li (2024)\n");
}

// The title is shown as the BibTeX entry has it (the stray braces and \\input as text); every
// character Markdown could read as markup is escaped, inside the link text too.
TEST(ArxivPaperList, MarkdownEscapesHostileText) {
    std::string out;
    append_markdown_list(out, std::vector<Paper>{hostile()});
    EXPECT_EQ(out, "- [Escaping }{ 100% \\& #1 \\\\input/etc/passwd "
                   "\\<script\\>alert(’x’)\\</script\\> \\]\\]\\> \\[a\\](javascript:alert(1)) "
                   "\\*b\\* \\_c\\_ ‘d‘](https://arxiv.org/abs/2401.00001) — "
                   "Eve \"\\<img src=x onerror=alert(1)\\>\" O'Mallory, A \\& B and The Hostile "
                   "Collaboration (2024)\n");
}

TEST(ArxivPaperList, HtmlEscapesEverything) {
    std::string out;
    append_html_list(out, std::vector<Paper>{aew10(), hostile()});
    EXPECT_EQ(out,
              "<ul class=\"papers\">\n"
              "<li><a href=\"https://arxiv.org/abs/1707.08567\">Proceedings of Workshop AEW10: "
              "Concepts in Information Theory and Communications</a> — <span "
              "class=\"authors\">Kees A. Schouhamer Immink, Stan Baggen, Ferdaous Chaabane et "
              "al.</span> (<span class=\"year\">2017</span>)</li>\n"
              "<li><a href=\"https://arxiv.org/abs/2401.00001\">Escaping }{ 100% &amp; #1 "
              "\\input<span class=\"nocase\">/etc/passwd</span> "
              "&lt;script&gt;alert(’x’)&lt;/script&gt; ]]&gt; [a](javascript:alert(1)) *b* _c_ "
              "‘d‘</a> — <span class=\"authors\">Eve &quot;&lt;img src=x "
              "onerror=alert(1)&gt;&quot; O&#39;Mallory, A &amp; B and The Hostile "
              "Collaboration</span> (<span class=\"year\">2024</span>)</li>\n"
              "</ul>\n");
}

TEST(ArxivPaperList, OnlyWebLinksBecomeLinks) {
    Paper no_id = titled("Untitled", {"Ann Lee"}, "");
    no_id.id = {};
    no_id.abs_url = "javascript:alert(1)";
    std::string markdown;
    std::string html;
    append_markdown_list(markdown, std::vector<Paper>{no_id});
    append_html_list(html, std::vector<Paper>{no_id});
    EXPECT_EQ(markdown, "- Untitled — Ann Lee\n");
    EXPECT_EQ(html, "<ul class=\"papers\">\n<li>Untitled — <span class=\"authors\">Ann "
                    "Lee</span></li>\n</ul>\n");
    no_id.abs_url = "http://example.org/a(b)";
    markdown.clear();
    append_markdown_list(markdown, std::vector<Paper>{no_id});
    EXPECT_EQ(markdown, "- [Untitled](http://example.org/a%28b%29) — Ann Lee\n");
}

TEST(ArxivPaperList, JsonHasEveryField) {
    std::string out;
    append_json(out, std::vector<Paper>{hot_jupiters()});
    EXPECT_EQ(out, R"([
  {
    "id": "astro-ph/0601001",
    "version": 1,
    "title": "Frequency of Hot Jupiters and Very Hot Jupiters from the OGLE-III Transit Surveys Toward the Galactic Bulge and Carina",
    "summary": "The models are constructed following Gould & Morgan (2003). The number of stars is only 4--16% of those satisfying the limit of V_max<17.5. At 90% confidence the fraction is (1/310)(1^{+1.39}_{-0.59}) for HJs.",
    "authors": [
      {
        "name": "Andrew Gould",
        "affiliations": [
          "Ohio State"
        ]
      },
      {
        "name": "Susan Dorsher",
        "affiliations": [
          "Ohio State"
        ]
      },
      {
        "name": "B. Scott Gaudi",
        "affiliations": [
          "CfA"
        ]
      },
      {
        "name": "Andrzej Udalski",
        "affiliations": [
          "Warsaw University Observatory"
        ]
      }
    ],
    "published": "2006-01-02T14:57:58Z",
    "updated": "2006-01-02T14:57:58Z",
    "primary_category": "astro-ph",
    "categories": [
      "astro-ph"
    ],
    "doi": "",
    "journal_ref": "ActaAstron.56:1-50,2006",
    "comment": "62 pages including 16 figures and 9 tables.",
    "abs_url": "https://arxiv.org/abs/astro-ph/0601001v1",
    "pdf_url": "https://arxiv.org/pdf/astro-ph/0601001v1"
  }
]
)");
    out.clear();
    append_json(out, std::vector<Paper>{hostile()}); // escaped for JSON, and valid
    EXPECT_NE(
        out.find(
            R"("title": "Escaping }{ 100% & #1 \\input{/etc/passwd} <script>alert('x')</script> ]]>)"),
        std::string::npos);
    out.clear();
    append_json(out, std::vector<Paper>{});
    EXPECT_EQ(out, "[]\n");
}

} // namespace
} // namespace bibkit::arxiv
