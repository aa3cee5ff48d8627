#include <bibkit/csl/csl_json_reader.hpp>
#include <bibkit/csl/locale.hpp>
#include <bibkit/csl/output_format.hpp>
#include <bibkit/csl/processor.hpp>
#include <bibkit/csl/style.hpp>
#include <bibkit/text/csl_markup.hpp>
#include <bibkit/text/decode.hpp>
#include <bibkit/text/plain_text.hpp>
#include <gtest/gtest.h>

namespace bibkit::csl {
namespace {

constexpr std::string_view k_locale = R"(<?xml version="1.0" encoding="utf-8"?>
<locale xmlns="http://purl.org/net/xbiblio/csl" version="1.0" xml:lang="en-US">
  <style-options punctuation-in-quote="true"/>
  <date form="text">
    <date-part name="month" suffix=" "/>
    <date-part name="day" suffix=", "/>
    <date-part name="year"/>
  </date>
  <date form="numeric">
    <date-part name="month" form="numeric-leading-zeros" suffix="/"/>
    <date-part name="day" form="numeric-leading-zeros" suffix="/"/>
    <date-part name="year"/>
  </date>
  <terms>
    <term name="and">and</term>
    <term name="et-al">et al.</term>
    <term name="open-quote">“</term>
    <term name="close-quote">”</term>
    <term name="open-inner-quote">‘</term>
    <term name="close-inner-quote">’</term>
    <term name="ordinal">th</term>
    <term name="ordinal-01">st</term>
    <term name="ordinal-02">nd</term>
    <term name="ordinal-03">rd</term>
    <term name="ordinal-11">th</term>
    <term name="ordinal-12">th</term>
    <term name="ordinal-13">th</term>
    <term name="long-ordinal-02">second</term>
    <term name="month-03">March</term>
    <term name="month-03" form="short">Mar.</term>
    <term name="page"><single>page</single><multiple>pages</multiple></term>
    <term name="page" form="short"><single>p.</single><multiple>pp.</multiple></term>
    <term name="editor" form="short"><single>ed.</single><multiple>eds.</multiple></term>
  </terms>
</locale>)";

std::string style_xml(std::string_view bibliography_layout, std::string_view attributes = "") {
    return std::string(
               R"(<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" class="in-text" )") +
           std::string(attributes) +
           R"(><info><id/><title/></info><citation><layout><text variable="title"/></layout></citation>
<bibliography><layout>)" +
           std::string(bibliography_layout) + "</layout></bibliography></style>";
}

class CslRender : public ::testing::Test {
  protected:
    std::string render(std::string_view layout, std::string_view json,
                       const OutputFormat& format = text_format(),
                       std::string_view attributes = "") {
        auto style = Style::parse(style_xml(layout, attributes), "test.csl");
        EXPECT_TRUE(style) << (style ? "" : style.error().to_string());
        if (!style) return {};
        auto locale = Locale::parse(k_locale, "en-US.xml");
        EXPECT_TRUE(locale);
        auto items = read_csl_json(json, "items.json");
        EXPECT_TRUE(items) << (items ? "" : items.error().to_string());
        if (!items) return {};
        m_items = std::move(*items);
        std::vector<Locale> chain{*locale};
        Processor processor(*style, chain, m_items.items, format);
        Bibliography bib = processor.bibliography();
        std::string out;
        for (const auto& e : bib.entries) out += e.content + "|";
        if (!out.empty()) out.pop_back();
        return out;
    }
    CslJsonItems m_items;
};

TEST(CslError, FormatsOriginLineAndColumn) {
    EXPECT_EQ((CslError{"bad", "a.csl", 3, 4}.to_string()), "a.csl:3:4: bad");
    EXPECT_EQ((CslError{"bad", "a.csl", 0, 0}.to_string()), "a.csl: bad");
}

TEST(CslStyle, ReportsUnknownElementWithLineAndColumn) {
    auto style = Style::parse("<style xmlns=\"http://purl.org/net/xbiblio/csl\" "
                              "version=\"1.0\">\n<info/>\n<citation><layout>\n  <txt "
                              "variable=\"title\"/></layout></citation></style>",
                              "s.csl");
    ASSERT_FALSE(style);
    EXPECT_EQ(style.error().line, 4u);
    EXPECT_EQ(style.error().column, 3u);
    EXPECT_NE(style.error().message.find("txt"), std::string::npos);
}

TEST(CslStyle, ReportsInvalidValueAndUndefinedMacro) {
    auto bad_value =
        Style::parse(style_xml("<text variable=\"title\" font-style=\"slanted\"/>"), "s");
    ASSERT_FALSE(bad_value);
    EXPECT_NE(bad_value.error().message.find("slanted"), std::string::npos);
    auto no_macro = Style::parse(style_xml("<text macro=\"nope\"/>"), "s");
    ASSERT_FALSE(no_macro);
    EXPECT_NE(no_macro.error().message.find("nope"), std::string::npos);
}

TEST(CslStyle, ReportsUnknownAttributes) {
    auto style = Style::parse(style_xml("<text variable=\"title\" colour=\"red\"/>"), "s");
    ASSERT_FALSE(style);
    EXPECT_NE(style.error().message.find("colour"), std::string::npos);
    EXPECT_GT(style.error().line, 0u);
}

TEST(CslStyle, ReportsXmlErrors) {
    auto style = Style::parse("<style>\n<info>", "s.csl");
    ASSERT_FALSE(style);
    EXPECT_GT(style.error().line, 0u);
}

TEST(CslStyle, ReadsInfoAndOptions) {
    auto style =
        Style::parse(style_xml("<text variable=\"title\"/>", "default-locale=\"de-DE\""), "s");
    ASSERT_TRUE(style);
    EXPECT_EQ(style->default_locale(), "de-DE");
    EXPECT_TRUE(style->has_bibliography());
    EXPECT_FALSE(style->is_note_style());
    EXPECT_FALSE(style->is_dependent());
}

TEST(CslLocale, ParsesTagAndRejectsOtherRoots) {
    auto locale = Locale::parse(k_locale, "en-US.xml");
    ASSERT_TRUE(locale);
    EXPECT_EQ(locale->tag(), "en-US");
    EXPECT_FALSE(Locale::parse("<style/>", "x.xml"));
}

TEST_F(CslRender, StyleLocaleOverridesTheLocaleFile) {
    std::string layout = R"(<text term="and"/>)";
    auto style = Style::parse(
        R"(<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><info/><locale xml:lang="en"><terms><term name="and">und</term></terms></locale><citation><layout><text term="and"/></layout></citation></style>)",
        "s");
    ASSERT_TRUE(style);
    auto locale = Locale::parse(k_locale, "en-US.xml");
    auto items = read_csl_json(R"([{"id":"a","type":"book"}])", "i");
    ASSERT_TRUE(items);
    std::vector<Locale> chain{*locale};
    Processor p(*style, chain, items->items, text_format());
    Citation c;
    CitationItem item;
    item.id = "a";
    c.items.push_back(item);
    std::vector<Citation> cs{c};
    EXPECT_EQ(p.cite(cs).at(0), "und");
}

TEST(CslLocale, TermsFallBackThroughTheLocaleFiles) {
    auto style = Style::parse(
        R"(<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" default-locale="de-AT"><info/><locale><terms><term name="in">within</term></terms></locale><citation><layout><group delimiter="|"><text term="and"/><text term="et-al"/><text term="in"/></group></layout></citation></style>)",
        "s");
    ASSERT_TRUE(style);
    auto german = Locale::parse(
        R"(<locale xmlns="http://purl.org/net/xbiblio/csl" xml:lang="de-DE"><terms><term name="and">und</term><term name="in">in</term></terms></locale>)",
        "de.xml");
    auto english = Locale::parse(k_locale, "en-US.xml");
    ASSERT_TRUE(german);
    ASSERT_TRUE(english);
    auto items = read_csl_json(R"([{"id":"a","type":"book"}])", "i");
    ASSERT_TRUE(items);
    // The style's own term first, then the locale files in order.
    std::vector<Locale> chain{*german, *english};
    Processor p(*style, chain, items->items, text_format());
    Citation c;
    CitationItem item;
    item.id = "a";
    c.items.push_back(item);
    std::vector<Citation> cs{c};
    EXPECT_EQ(p.cite(cs).at(0), "und|et al.|within");
}

// Short names and the year, sorted by title: two works of Doe in 2000.
const char* const k_year_suffix_style =
    R"(<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><info/><citation disambiguate-add-year-suffix="true"><layout><names variable="author"><name form="short"/></names><date variable="issued" prefix=" "><date-part name="year"/></date></layout></citation><bibliography><sort><key variable="title"/></sort><layout><names variable="author"><name form="short"/></names><date variable="issued" prefix=" "><date-part name="year"/></date><text variable="title" prefix=" "/></layout></bibliography></style>)";

TEST_F(CslRender, YearSuffixesDisambiguateTheSameAuthorAndYear) {
    auto style = Style::parse(k_year_suffix_style, "s");
    ASSERT_TRUE(style);
    auto items = read_csl_json(
        R"([{"id":"b","type":"book","title":"B","author":[{"family":"Doe","given":"J"}],"issued":{"date-parts":[[2000]]}},
            {"id":"a","type":"book","title":"A","author":[{"family":"Doe","given":"J"}],"issued":{"date-parts":[[2000]]}}])",
        "i");
    ASSERT_TRUE(items);
    auto locale = Locale::parse(k_locale, "l");
    std::vector<Locale> chain{*locale};
    Processor p(*style, chain, items->items, text_format());
    Bibliography bib = p.bibliography();
    ASSERT_EQ(bib.entries.size(), 2u);
    EXPECT_EQ(bib.entries[0].content, "Doe 2000a A");
    EXPECT_EQ(bib.entries[1].content, "Doe 2000b B");
}

// Without the style's sort (jekyll-scholar's lists keep their query's order) the letters follow
// the order of the ids given, which is the order of the rendered list.
TEST_F(CslRender, YearSuffixesFollowTheGivenOrderWithoutTheStyleSort) {
    auto style = Style::parse(k_year_suffix_style, "s");
    ASSERT_TRUE(style);
    auto items = read_csl_json(
        R"([{"id":"a","type":"book","title":"A","author":[{"family":"Doe","given":"J"}],"issued":{"date-parts":[[2000]]}},
            {"id":"b","type":"book","title":"B","author":[{"family":"Doe","given":"J"}],"issued":{"date-parts":[[2000]]}}])",
        "i");
    ASSERT_TRUE(items);
    auto locale = Locale::parse(k_locale, "l");
    std::vector<Locale> chain{*locale};
    ProcessorOptions options;
    options.style_sort = false;
    Processor p(*style, chain, items->items, text_format(), options);
    const std::vector<std::string> ids{"b", "a"};
    Bibliography bib = p.bibliography(ids);
    ASSERT_EQ(bib.entries.size(), 2u);
    EXPECT_EQ(bib.entries[0].content, "Doe 2000a B");
    EXPECT_EQ(bib.entries[1].content, "Doe 2000b A");
}

// A literal date stands for the whole date: a second cs:date without the year (apa.csl's month
// and day) prints nothing, as in citeproc-js.
TEST_F(CslRender, ALiteralDatePrintsOnlyWhereTheYearIsShown) {
    std::string json = R"([{"id":"a","type":"book","issued":{"literal":"2004– …"}}])";
    EXPECT_EQ(
        render(
            R"(<group delimiter=", "><date variable="issued"><date-part name="year"/></date><date variable="issued"><date-part name="month"/><date-part name="day" prefix=" "/></date></group>)",
            json),
        "2004– …");
}

// A substitute's variable is not printed again, but conditions still see it (citeproc-js):
// apa.csl tests `editor` after the editors stood in for the container's author.
TEST_F(CslRender, ASubstitutedVariableStillTestsTrue) {
    std::string json =
        R"([{"id":"a","type":"chapter","editor":[{"family":"Doe","given":"J."}],"page":"1-2"}])";
    EXPECT_EQ(
        render(
            R"(<group delimiter=" "><names variable="container-author"><substitute><names variable="editor"/></substitute></names><names variable="editor"/><choose><if variable="editor"><text variable="page"/></if></choose></group>)",
            json),
        "J. Doe 1–2");
}

TEST_F(CslRender, NamesWithInitialsAndAnd) {
    std::string json =
        R"([{"id":"a","type":"book","author":[{"family":"Doe","given":"John Bertrand"},{"family":"Roe","given":"Jean-Paul"},{"family":"Gogh","given":"Vincent","non-dropping-particle":"van"}]}])";
    EXPECT_EQ(
        render(R"(<names variable="author"><name and="text" initialize-with=". "/></names>)", json),
        "J. B. Doe, J.-P. Roe, and V. van Gogh");
    EXPECT_EQ(
        render(
            R"(<names variable="author"><name name-as-sort-order="first" and="symbol" initialize-with="."/></names>)",
            json),
        "Doe, J.B., J.-P. Roe, & V. van Gogh");
    EXPECT_EQ(
        render(R"(<names variable="author"><name et-al-min="3" et-al-use-first="1"/></names>)",
               json),
        "John Bertrand Doe et al.");
    EXPECT_EQ(
        render(R"(<names variable="author"><name form="short" delimiter=" / "/></names>)", json),
        "Doe / Roe / van Gogh");
}

TEST_F(CslRender, NamesSubstituteAndLabel) {
    std::string json =
        R"([{"id":"a","type":"book","editor":[{"family":"Doe","given":"J."},{"family":"Roe","given":"R."}],"title":"T"}])";
    EXPECT_EQ(
        render(
            R"x(<names variable="author"><name form="short" and="text"/><label form="short" prefix=" (" suffix=")"/><substitute><names variable="editor"/><text variable="title"/></substitute></names>)x",
            json),
        "Doe and Roe (eds.)");
}

TEST_F(CslRender, DatesLocalizedAndRanges) {
    std::string json = R"([{"id":"a","type":"book","issued":{"date-parts":[[2001,3,2]]}},
      {"id":"b","type":"book","issued":{"date-parts":[[2001,3,2],[2001,3,9]]}}])";
    EXPECT_EQ(render(R"(<date variable="issued" form="text"/>)", json),
              "March 2, 2001|March 2–9, 2001");
    EXPECT_EQ(
        render(R"(<date variable="issued" form="numeric" date-parts="year-month-day"/>)", json),
        "03/02/2001|03/02–09/2001");
    EXPECT_EQ(
        render(
            R"(<date variable="issued"><date-part name="day" form="ordinal" suffix=" "/><date-part name="month" form="short" strip-periods="true"/></date>)",
            json)
            .substr(0, 7),
        "2nd Mar");
}

TEST_F(CslRender, NumbersOrdinalsAndPageRanges) {
    std::string json = R"([{"id":"a","type":"book","edition":"2","page":"321-328","volume":"12"}])";
    EXPECT_EQ(
        render(
            R"(<group delimiter=" "><number variable="edition" form="ordinal"/><number variable="edition" form="long-ordinal"/><number variable="volume" form="roman"/><label variable="page" form="short"/><text variable="page"/></group>)",
            json, text_format(), "page-range-format=\"minimal\""),
        "2nd second xii pp. 321–8");
    EXPECT_EQ(
        render(R"(<text variable="page"/>)", json, text_format(), "page-range-format=\"chicago\""),
        "321–28");
    EXPECT_EQ(
        render(R"(<text variable="page"/>)", json, text_format(), "page-range-format=\"expanded\""),
        "321–328");
}

TEST_F(CslRender, GroupsSuppressEmptyVariables) {
    std::string json = R"([{"id":"a","type":"book","title":"T"}])";
    EXPECT_EQ(
        render(
            R"(<group delimiter=" "><text value="In"/><text variable="container-title"/></group><text variable="title"/>)",
            json),
        "T");
}

TEST_F(CslRender, TextCaseQuotesAndPunctuation) {
    std::string json = R"([{"id":"a","type":"book","title":"the <i>art</i> of war"}])";
    EXPECT_EQ(render(R"(<text variable="title" text-case="title" quotes="true" suffix="."/>)", json,
                     html_format()),
              "“The <i>Art</i> of War.”");
    EXPECT_EQ(render(R"(<text variable="title" text-case="uppercase"/>)", json), "THE ART OF WAR");
}

TEST_F(CslRender, OutputFormatsEscape) {
    std::string json = R"([{"id":"a","type":"book","title":"A & B <c> $x_1 ^ ~ # % {} \\"}])";
    EXPECT_EQ(render(R"(<text variable="title"/>)", json, html_format()),
              "A &#38; B &#60;c&#62; $x_1 ^ ~ # % {} \\");
    EXPECT_EQ(render(R"(<text variable="title" font-style="italic"/>)", json, latex_format()),
              "\\emph{A \\& B <c> \\$x\\_1 \\textasciicircum{} \\textasciitilde{} \\# \\% \\{\\} "
              "\\textbackslash{}}");
    EXPECT_EQ(render(R"(<text variable="title" font-weight="bold"/>)",
                     R"([{"id":"a","type":"book","title":"a*b_c"}])", markdown_format()),
              "**a\\*b\\_c**");
    EXPECT_EQ(render(R"(<text variable="title" font-variant="small-caps"/>)",
                     R"([{"id":"a","type":"book","title":"x"}])", latex_format()),
              "\\textsc{x}");
    EXPECT_EQ(find_output_format("latex"), &latex_format());
    EXPECT_EQ(find_output_format("pdf"), nullptr);
}

// Math in a title (rich text from BibTeX) is a node of its own in the output tree: LaTeX writes
// the TeX between dollars, HTML as MathJax's \(…\), text and Markdown the Unicode rendering.
class CslMath : public ::testing::Test {
  protected:
    std::string render(const text::RichText& title, const OutputFormat& format,
                       std::string_view layout = R"(<text variable="title"/>)") {
        auto style = Style::parse(style_xml(layout), "test.csl");
        auto locale = Locale::parse(k_locale, "en-US.xml");
        auto items = read_csl_json(R"([{"id":"a","type":"article-journal","title":"x"}])", "i");
        EXPECT_TRUE(style && locale && items);
        if (!style || !locale || !items) return {};
        for (auto& variable : items->items.at(0).texts)
            if (variable.name == "title") variable.value = title;
        std::vector<Locale> chain{*locale};
        Processor processor(*style, chain, items->items, format);
        Bibliography bib = processor.bibliography();
        return bib.entries.empty() ? std::string() : bib.entries[0].content;
    }
    static text::RichText decoded(std::string_view latex) { return text::decode_latex(latex).text; }
};

TEST_F(CslMath, EachFormatWritesMathItsOwnWay) {
    const text::RichText title = decoded(R"(Rates $\mathcal{O}(1/\sqrt{T})$ for $\ell_1$ & co)");
    EXPECT_EQ(render(title, latex_format()),
              R"(Rates $\mathcal{O}(1/\sqrt{T})$ for $\ell_1$ \& co)");
    EXPECT_EQ(render(title, html_format()),
              R"(Rates <span class="math">\(\mathcal{O}(1/\sqrt{T})\)</span> for )"
              R"(<span class="math">\(\ell_1\)</span> &#38; co)");
    // 𝒪 (U+1D4AA), √ (U+221A), ℓ (U+2113), subscript one (U+2081).
    const std::string readable =
        "Rates \xF0\x9D\x92\xAA(1/\xE2\x88\x9AT) for \xE2\x84\x93\xE2\x82\x81";
    EXPECT_EQ(render(title, text_format()), readable + " & co");
    EXPECT_EQ(render(title, markdown_format()), readable + " & co");
}

TEST_F(CslMath, MathKeepsItsCaseAndTakesTheFormattingAround) {
    const text::RichText title = decoded(R"(bounds in $\ell_p$ spaces)");
    EXPECT_EQ(render(title, latex_format(),
                     R"(<text variable="title" text-case="uppercase" font-style="italic"/>)"),
              R"(\emph{BOUNDS IN $\ell_p$ SPACES})");
    EXPECT_EQ(render(title, html_format(), R"(<text variable="title" quotes="true" suffix="."/>)"),
              "\xE2\x80\x9C"
              R"(bounds in <span class="math">\(\ell_p\)</span> spaces.)"
              "\xE2\x80\x9D");
}

// A hostile title: the decoder already sanitizes math, and the LaTeX format sanitizes again
// whatever TeX reaches it, so neither \write18 in math nor math built without the decoder runs.
TEST_F(CslMath, HostileTexNeverRuns) {
    const text::RichText title =
        decoded(R"(Safe $x^2 \write18{rm -rf}$ and \write18{touch} and $\input{/etc/passwd}$)");
    const std::string latex = render(title, latex_format());
    EXPECT_EQ(latex.find("\\write"), std::string::npos) << latex;
    EXPECT_EQ(latex.find("\\input"), std::string::npos) << latex;
    EXPECT_NE(latex.find(R"($x^2 \mathrm{write}18{rm -rf}$)"), std::string::npos) << latex;
    EXPECT_NE(latex.find(R"($\mathrm{input}{/etc/passwd}$)"), std::string::npos) << latex;

    text::RichTextBuilder builder;
    builder.append_text("T ");
    builder.add_math(R"(\def\x{y}\catcode`\@=11 a<b \input{/etc/passwd})", "", false);
    const text::RichText raw = builder.finish();
    EXPECT_EQ(
        render(raw, latex_format()),
        R"(T $\mathrm{def}\mathrm{x}{y}\mathrm{catcode}`@=11 a<b \mathrm{input}{/etc/passwd}$)");
    EXPECT_EQ(render(raw, html_format()),
              R"(T <span class="math">\(\mathrm{def}\mathrm{x}{y}\mathrm{catcode}`@=11 a&lt;b )"
              R"(\mathrm{input}{/etc/passwd}\)</span>)");
}

TEST_F(CslRender, SortsAndNumbers) {
    std::string json =
        R"([{"id":"b","type":"book","title":"Beta"},{"id":"a","type":"book","title":"alpha"},{"id":"c","type":"book"}])";
    auto style = Style::parse(
        R"(<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><info/><citation><layout><text variable="citation-number"/></layout></citation><bibliography><sort><key variable="title"/></sort><layout><text variable="citation-number" suffix=". "/><text variable="title"/></layout></bibliography></style>)",
        "s");
    ASSERT_TRUE(style);
    auto items = read_csl_json(json, "i");
    ASSERT_TRUE(items);
    auto locale = Locale::parse(k_locale, "l");
    std::vector<Locale> chain{*locale};
    Processor p(*style, chain, items->items, text_format());
    Bibliography bib = p.bibliography();
    ASSERT_EQ(bib.entries.size(), 3u);
    EXPECT_EQ(bib.entries[0].content, "1. alpha");
    EXPECT_EQ(bib.entries[1].content, "2. Beta");
    EXPECT_EQ(bib.entries[2].id, "c");
    EXPECT_EQ(p.format_bibliography(bib), "1. alpha\n2. Beta\n3. \n");
}

TEST(CslMarkup, FromCslMarkup) {
    text::RichText t =
        text::from_csl_markup("a <i>b</i> &amp; <span class=\"nocase\">C</span> <x>d <b>e");
    EXPECT_EQ(text::to_plain_text(t), "a b & C <x>d <b>e");
    EXPECT_EQ(text::to_csl_markup(t),
              "a <i>b</i> &amp; <span class=\"nocase\">C</span> &lt;x&gt;d &lt;b&gt;e");
}

TEST(CslJson, ReadsItemsAndReportsErrors) {
    auto items = read_csl_json(
        R"([{"id":"a","type":"book","volume":3,"issued":{"date-parts":[["2001","2"]]},"author":[{"family":"van Gogh","given":"Vincent"}]}])",
        "i");
    ASSERT_TRUE(items);
    const model::Item& item = items->items.at(0);
    EXPECT_EQ(item.key, "a");
    EXPECT_EQ(item.csl_type, "book");
    ASSERT_NE(item.plain_text("volume"), nullptr);
    EXPECT_EQ(*item.plain_text("volume"), "3");
    ASSERT_NE(item.date("issued"), nullptr);
    EXPECT_EQ(item.date("issued")->begin.month, 2);
    ASSERT_NE(item.name_list("author"), nullptr);
    EXPECT_EQ(item.name_list("author")->people[0].particle, "van");
    auto bad = read_csl_json("[\n  {\"id\": }\n]", "bad.json");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().line, 2u);
    EXPECT_GT(bad.error().column, 0u);
    EXPECT_FALSE(read_csl_json("[1]", "x"));
}

} // namespace
} // namespace bibkit::csl
