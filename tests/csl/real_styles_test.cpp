// Real CSL styles against citeproc-js: ../shared/csl/real holds the complete bibliography of 40
// items (items.json) in ten real styles, as citeproc-js rendered them in html and text (see its
// README). Each style is rendered here with ../shared/csl/locales and compared entry by entry.
// Agreement per style and in total is printed; the disagreements go to the log, expected then
// actual; the totals must reach the thresholds below.

#include "../corpus/shared_data.hpp"

#include <bibkit/csl/catalog.hpp>
#include <bibkit/csl/csl_json_reader.hpp>
#include <bibkit/csl/processor.hpp>
#include <gtest/gtest.h>
#include <iomanip>
#include <optional>

namespace bibkit::csl {
namespace {

namespace fs = std::filesystem;

// The issue asks for 90% in both; the engine reached 93.5% in both (374 of 400 entries) when
// these were last raised. Raise them as the engine improves, never lower them to make a
// failure pass.
constexpr double k_min_html_agreement = 0.925;
constexpr double k_min_text_agreement = 0.925;

struct StyleCase {
    std::string name; // the expected files' stem: <name>.items.html / .items.txt
    std::string file; // in csl/styles
};

const std::vector<StyleCase>& style_cases() {
    static const std::vector<StyleCase> cases = {
        {"acm-sig-proceedings", "acm-sig-proceedings.csl"},
        {"apa", "apa.csl"},
        {"chicago-author-date", "chicago-author-date.csl"},
        {"harvard-cite-them-right", "harvard-cite-them-right.csl"},
        {"ieee", "ieee.csl"},
        {"modern-language-association", "modern-language-association.csl"},
        {"nature", "nature.csl"},
        {"nlm-citation-sequence", "nlm-citation-sequence.csl"},
        {"vancouver", "vancouver.csl"},
        {"vancouver-nlm", "vancouver-nlm.dependent.csl"}, // through its parent
    };
    return cases;
}

void trim(std::string& text) {
    const auto not_space = [](unsigned char c) { return !std::isspace(c); };
    text.erase(text.begin(), std::find_if(text.begin(), text.end(), not_space));
    text.erase(std::find_if(text.rbegin(), text.rend(), not_space).base(), text.end());
}

// citeproc-js's html bibliography is bibstart `<div class="csl-bib-body">\n`, then each entry
// as `  <div class="csl-entry">…</div>\n` (several lines when the style aligns a second field),
// then bibend `</div>`. The entries are what lies between the entry openings.
std::vector<std::string> html_entries(std::string_view block) {
    constexpr std::string_view open = "  <div class=\"csl-entry\">";
    std::vector<std::string> entries;
    std::size_t at = block.find(open);
    while (at != std::string_view::npos) {
        const std::size_t begin = at + open.size();
        const std::size_t next = block.find(open, begin);
        std::string entry(block.substr(
            begin, (next == std::string_view::npos ? block.rfind("</div>") : next) - begin));
        trim(entry);
        if (entry.ends_with("</div>")) entry.resize(entry.size() - 6); // the entry's own
        trim(entry);
        entries.push_back(std::move(entry));
        at = next;
    }
    return entries;
}

// Text: bibstart and bibend are empty, one entry per line.
std::vector<std::string> text_entries(std::string_view block) {
    std::vector<std::string> entries;
    std::size_t start = 0;
    while (start < block.size()) {
        std::size_t end = block.find('\n', start);
        if (end == std::string_view::npos) end = block.size();
        std::string line(block.substr(start, end - start));
        trim(line);
        if (!line.empty()) entries.push_back(std::move(line));
        start = end + 1;
    }
    return entries;
}

struct Agreement {
    int same = 0;
    int total = 0;
    void add(const Agreement& other) {
        same += other.same;
        total += other.total;
    }
    double ratio() const { return total == 0 ? 0.0 : double(same) / total; }
};

class RealStyles : public ::testing::Test {
  protected:
    static fs::path csl_dir() { return testing::shared_dir() / "csl"; }

    void SetUp() override {
        BIBKIT_REQUIRE_SHARED("csl/real/items.json");
        const fs::path path = csl_dir() / "real/items.json";
        auto items = read_csl_json(testing::read_file(path), path.string());
        ASSERT_TRUE(items) << items.error().to_string();
        m_items.emplace(std::move(*items));
    }

    struct Rendered {
        std::string html;
        std::string text;
    };

    // The style's bibliography of every item, in its own sort order and default locale.
    std::optional<Rendered> render(const StyleCase& style_case,
                                   std::optional<Locale> only_locale = std::nullopt) const {
        const StyleCatalog styles({csl_dir() / "styles"});
        auto style = styles.find((csl_dir() / "styles" / style_case.file).string());
        EXPECT_TRUE(style) << style.error().to_string();
        if (!style) return std::nullopt;
        const std::string tag = style->default_locale.empty() ? "en-US" : style->default_locale;
        std::vector<Locale> locales;
        if (only_locale) {
            locales.push_back(*only_locale);
        } else {
            auto chain = LocaleCatalog({csl_dir() / "locales"}).chain(tag);
            EXPECT_TRUE(chain) << chain.error().to_string();
            if (!chain) return std::nullopt;
            locales = std::move(*chain);
        }
        ProcessorOptions options;
        options.locale = tag;
        Rendered out;
        const Processor html(style->style, locales, m_items->items, html_format(), options);
        out.html = html.format_bibliography(html.bibliography());
        const Processor text(style->style, locales, m_items->items, text_format(), options);
        out.text = text.format_bibliography(text.bibliography());
        return out;
    }

    std::optional<CslJsonItems> m_items;
};

Agreement compare(const std::string& label, const std::vector<std::string>& expected,
                  const std::vector<std::string>& actual) {
    Agreement agreement;
    agreement.total = static_cast<int>(std::max(expected.size(), actual.size()));
    for (std::size_t i = 0; i < expected.size() || i < actual.size(); ++i) {
        const std::string none = "(no entry)";
        const std::string& want = i < expected.size() ? expected[i] : none;
        const std::string& got = i < actual.size() ? actual[i] : none;
        if (want == got) {
            ++agreement.same;
            continue;
        }
        std::cout << "[" << label << " #" << i + 1 << "]\n  citeproc-js: " << want
                  << "\n  bibkit:      " << got << "\n";
    }
    return agreement;
}

std::string percent(const Agreement& agreement) {
    std::ostringstream out;
    out << agreement.same << "/" << agreement.total << " (" << std::fixed << std::setprecision(1)
        << 100.0 * agreement.ratio() << "%)";
    return out.str();
}

TEST_F(RealStyles, BibliographiesAgreeWithCiteprocJsEntryForEntry) {
    Agreement html_total;
    Agreement text_total;
    std::ostringstream summary;
    for (const StyleCase& style_case : style_cases()) {
        const auto rendered = render(style_case);
        if (!rendered) continue;
        const fs::path real = csl_dir() / "real";
        const Agreement html =
            compare(style_case.name + " html",
                    html_entries(testing::read_file(real / (style_case.name + ".items.html"))),
                    html_entries(rendered->html));
        const Agreement text =
            compare(style_case.name + " text",
                    text_entries(testing::read_file(real / (style_case.name + ".items.txt"))),
                    text_entries(rendered->text));
        summary << "  " << std::left << std::setw(30) << style_case.name << " html "
                << percent(html) << "  text " << percent(text) << "\n";
        html_total.add(html);
        text_total.add(text);
    }
    Agreement all = html_total;
    all.add(text_total);
    std::cout << "Agreement with citeproc-js, entry for entry:\n"
              << summary.str() << "  total html " << percent(html_total) << "  text "
              << percent(text_total) << "  both " << percent(all) << "\n";
    EXPECT_GE(html_total.ratio(), k_min_html_agreement);
    EXPECT_GE(text_total.ratio(), k_min_text_agreement);
}

// The built-in en-US gives the same bibliographies as the CSL project's file: it has every term
// these styles print, with the same English.
TEST_F(RealStyles, TheBuiltInEnUsRendersAsTheCslProjectsOne) {
    auto file = LocaleCatalog({csl_dir() / "locales"}).chain("en-US");
    ASSERT_TRUE(file) << file.error().to_string();
    for (const StyleCase& style_case : style_cases()) {
        const auto with_file = render(style_case, file->front());
        const auto built_in = render(style_case, Locale::builtin_en_us());
        ASSERT_TRUE(with_file && built_in);
        const auto expected = text_entries(with_file->text);
        const auto actual = text_entries(built_in->text);
        ASSERT_EQ(expected.size(), actual.size()) << style_case.name;
        for (std::size_t i = 0; i < expected.size(); ++i)
            EXPECT_EQ(actual[i], expected[i]) << style_case.name << " #" << i + 1;
    }
}

} // namespace
} // namespace bibkit::csl
