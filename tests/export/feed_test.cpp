// bibkit feed's library: escaping and folding, dates, Markdown cleaning, templates, selection,
// the sources, every format against hand-checked files, and hostile text.

#include <bibkit/bibtex/bibliography.hpp>
#include <bibkit/export/feed_dates.hpp>
#include <bibkit/export/feed_escape.hpp>
#include <bibkit/export/feed_format.hpp>
#include <bibkit/export/feed_sources.hpp>
#include <bibkit/export/feed_text.hpp>
#include <bibkit/export/template.hpp>
#include <bibkit/model/item.hpp>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <sstream>

namespace bibkit::exports {
namespace {

namespace fs = std::filesystem;

const fs::path k_feed_data = BIBKIT_FEED_TEST_DATA;
const fs::path k_example_data = BIBKIT_EXAMPLE_DATA;

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in) << path;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

dates::DatePoint day(int year, int month, int day_of_month) {
    dates::DatePoint date;
    date.year = year;
    date.month = static_cast<std::uint8_t>(month);
    date.day = static_cast<std::uint8_t>(day_of_month);
    return date;
}

dates::DatePoint at(dates::DatePoint date, int hour, int minute, std::string zone) {
    date.has_time = true;
    date.time = {static_cast<std::uint8_t>(hour), static_cast<std::uint8_t>(minute), 0,
                 std::move(zone)};
    return date;
}

std::string xml_escaped(std::string_view text) {
    std::string out;
    append_xml_escaped(out, text);
    return out;
}

std::string ical_escaped(std::string_view text) {
    std::string out;
    append_ical_escaped(out, text);
    return out;
}

TEST(FeedEscape, XmlEscapesMarkupAndDropsWhatXmlForbids) {
    EXPECT_EQ(xml_escaped("a & b < c > d \"e\" 'f' ]]>"),
              "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos; ]]&gt;");
    EXPECT_EQ(xml_escaped("tab\there\nnew\x01\x0b\x1f\r."), "tab\there\nnew.");
    EXPECT_EQ(xml_escaped("\xEF\xBF\xBE\xEF\xBF\xBF"), ""); // U+FFFE, U+FFFF
    EXPECT_EQ(xml_escaped("caf\xE9 \xF0\x9F\x98\x80"), "caf\xEF\xBF\xBD \xF0\x9F\x98\x80");
    EXPECT_EQ(xml_escaped("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); // a surrogate
}

TEST(FeedEscape, IcalEscapesTextValues) {
    EXPECT_EQ(ical_escaped("a,b;c\\d"), "a\\,b\\;c\\\\d");
    EXPECT_EQ(ical_escaped("one\r\ntwo\nthree\rfour"), "one\\ntwo\\nthree\\nfour");
    EXPECT_EQ(ical_escaped("bell\x07 tab\t"), "bell tab\t");
}

std::vector<std::string> physical_lines(const std::string& folded) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end; (end = folded.find("\r\n", start)) != std::string::npos; start = end + 2)
        lines.push_back(folded.substr(start, end - start));
    EXPECT_EQ(start, folded.size()) << "the last line ends in CRLF";
    return lines;
}

std::string unfolded(const std::vector<std::string>& lines) {
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) out += i == 0 ? lines[i] : lines[i].substr(1);
    return out;
}

TEST(FeedEscape, IcalLinesFoldAt75OctetsWithoutSplittingCharacters) {
    std::string line = "DESCRIPTION:";
    for (int i = 0; i < 60; ++i) line += "\xF0\x9F\x98\x80 é"; // emoji, space, é
    std::string folded;
    append_ical_line(folded, line);
    std::vector<std::string> lines = physical_lines(folded);
    ASSERT_GT(lines.size(), 4u);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        EXPECT_LE(lines[i].size(), 75u) << i;
        if (i > 0) {
            EXPECT_EQ(lines[i][0], ' ') << i;
        }
        EXPECT_EQ(valid_utf8(lines[i]), lines[i]) << "line " << i << " splits a character";
    }
    EXPECT_EQ(unfolded(lines), line);
    std::string short_line;
    append_ical_line(short_line, std::string(75, 'x'));
    EXPECT_EQ(short_line, std::string(75, 'x') + "\r\n");
}

TEST(FeedDates, FormatsForEachStandard) {
    EXPECT_EQ(rfc3339(day(2026, 10, 5)), "2026-10-05T00:00:00Z");
    EXPECT_EQ(rfc3339(at(day(2027, 2, 9), 10, 30, "+01:00")), "2027-02-09T10:30:00+01:00");
    // A local time without a zone is no instant: the day at 00:00 UTC.
    EXPECT_EQ(rfc3339(at(day(2027, 2, 9), 10, 30, "")), "2027-02-09T00:00:00Z");
    EXPECT_EQ(rfc822(day(2026, 10, 5)), "Mon, 05 Oct 2026 00:00:00 +0000");
    EXPECT_EQ(rfc822(at(day(2024, 2, 29), 9, 5, "-04:30")), "Thu, 29 Feb 2024 09:05:00 -0430");
    EXPECT_EQ(ics_date(day(2024, 5, 17)), "20240517");
    EXPECT_EQ(ics_date_time(at(day(2024, 1, 1), 0, 30, "+01:00")), "20231231T233000Z");
    EXPECT_EQ(ics_date_time(at(day(2026, 4, 22), 14, 0, "")), "20260422T140000");
    EXPECT_EQ(ics_date(next_day(day(2024, 12, 31))), "20250101");
    dates::DatePoint year_only;
    year_only.year = 2024;
    EXPECT_EQ(rfc3339(year_only), "2024-01-01T00:00:00Z");
    EXPECT_EQ(ics_date(last_day(year_only)), "20241231");
}

TEST(FeedDates, TodayComesFromTheOptionTheEnvironmentOrTheClock) {
    auto now = std::chrono::system_clock::time_point(std::chrono::seconds(86400 * 365));
    EXPECT_EQ(ics_date(*resolve_today("2026-03-01", "0", now)), "20260301");
    EXPECT_EQ(ics_date(*resolve_today("", "86399", now)), "19700101");
    EXPECT_EQ(ics_date(*resolve_today("", "86400", now)), "19700102");
    EXPECT_EQ(ics_date(*resolve_today("", nullptr, now)), "19710101");
    EXPECT_EQ(resolve_today("", "soon", now).error(),
              "SOURCE_DATE_EPOCH: expected a number of seconds since 1970, got 'soon'");
    EXPECT_EQ(resolve_today("", "99999999999999999", now).has_value(), false);
    EXPECT_EQ(resolve_today("2026-02", nullptr, now).error(),
              "--today: expected a date YYYY-MM-DD, got '2026-02'");
}

TEST(FeedText, MarkdownLosesRawHtmlAndUnsafeLinks) {
    FeedText body = FeedText::from_markdown(
        "<script>alert(1)</script>\n\nSee [x](javascript:alert(1)), [y](ftp://h/f), "
        "[z](/page/), <b>bold</b> ![i](data:image/png;base64,AA) & [m](mailto:a@b.org).");
    EXPECT_EQ(to_html(body), "<p>See x, y, <a href=\"/page/\">z</a>, bold i &amp; "
                             "<a href=\"mailto:a@b.org\">m</a>.</p>\n");
    EXPECT_EQ(to_html(body, "https://site.org/me"),
              "<p>See x, y, <a href=\"https://site.org/page/\">z</a>, bold i &amp; "
              "<a href=\"mailto:a@b.org\">m</a>.</p>\n");
    EXPECT_EQ(to_plain_text(body, "https://site.org"),
              "See x, y, z (https://site.org/page/), bold i & m (mailto:a@b.org).");
    EXPECT_EQ(to_inline_html(FeedText::from_markdown("one *line*")), "one <em>line</em>");
}

TEST(FeedText, RelativeUrlsResolveAgainstTheSite) {
    EXPECT_EQ(resolve_url("/a/b", "https://h.org/me/"), "https://h.org/a/b");
    EXPECT_EQ(resolve_url("s.pdf", "https://h.org/me"), "https://h.org/me/s.pdf");
    EXPECT_EQ(resolve_url("#k", "https://h.org"), "https://h.org/#k");
    EXPECT_EQ(resolve_url("//cdn.org/x", "https://h.org"), "https://cdn.org/x");
    EXPECT_EQ(resolve_url("http://o.org/", "https://h.org"), "http://o.org/");
    EXPECT_EQ(resolve_url("/a", ""), "/a");
}

TEST(Template, EscapesForTheOutputAndLeavesOutEmptyText) {
    TemplateValue data;
    data.set("title", std::string("<b>*A* & B</b>"));
    data.set("title_html", std::string("<i>A</i>"));
    data.set("empty", std::string());
    TemplateValue items = TemplateValue::list();
    items.push(TemplateValue::text("x"));
    items.push(TemplateValue::text("y"));
    data.set("items", std::move(items));
    auto page = Template::parse("{{title}}|{{{title_html}}}|{{#empty}}E{{/empty}}{{^empty}}none{{/"
                                "empty}}|{{#items}}[{{.}}]{{/items}}");
    ASSERT_TRUE(page);
    EXPECT_EQ(*page->render(data, Escape::html),
              "&lt;b&gt;*A* &amp; B&lt;/b&gt;|<i>A</i>|none|[x][y]");
    EXPECT_EQ(*page->render(data, Escape::markdown),
              "\\<b\\>\\*A\\* \\& B\\</b\\>|<i>A</i>|none|[x][y]");
    EXPECT_FALSE(Template::parse("{{#items}} never closed"));
}

FeedItem item(std::string key, dates::DatePoint date) {
    FeedItem out;
    out.key = std::move(key);
    out.kind = FeedKind::talks;
    out.title = text::RichText::from_plain(out.key);
    out.date = date;
    return out;
}

std::vector<std::string> keys(const std::vector<FeedItem>& items) {
    std::vector<std::string> out;
    for (const FeedItem& i : items) out.push_back(i.key);
    return out;
}

TEST(FeedSelection, NewestFirstThenUpcomingOrPastThenLimit) {
    std::vector<FeedItem> items = {item("b", day(2024, 5, 1)), item("a", day(2024, 5, 1)),
                                   item("old", day(2020, 1, 1)), item("next", day(2027, 1, 1))};
    FeedItem course = item("course", day(2025, 3, 1));
    course.end = day(2025, 3, 12);
    items.push_back(course);
    EXPECT_EQ(keys(select_items(items, {})),
              (std::vector<std::string>{"next", "course", "a", "b", "old"}));
    Selection upcoming{When::upcoming, day(2025, 3, 12), 0};
    EXPECT_EQ(keys(select_items(items, upcoming)), (std::vector<std::string>{"next", "course"}));
    Selection past{When::past, day(2025, 3, 12), 2};
    EXPECT_EQ(keys(select_items(items, past)), (std::vector<std::string>{"a", "b"}));
}

TEST(FeedSources, JekyllDates) {
    EXPECT_EQ(rfc3339(*parse_jekyll_date("2015-10-22 15:59:00 -0400")),
              "2015-10-22T15:59:00-04:00");
    EXPECT_EQ(rfc3339(*parse_jekyll_date("2024-12-13T10:30:00Z")), "2024-12-13T10:30:00Z");
    EXPECT_EQ(ics_date(*parse_jekyll_date("2024-05-17")), "20240517");
    EXPECT_FALSE(parse_jekyll_date("2024-02-30"));
    EXPECT_FALSE(parse_jekyll_date("May 2024"));
    EXPECT_FALSE(parse_jekyll_date("2024-05-17 25:00"));
}

TEST(FeedSources, CollectionPageProblemsPointAtTheFrontMatter) {
    SourceFile bad = SourceFile::from_string("_news/bad.md", "---\ntitle: x\ndate: [1, 2\n---\n");
    FeedItems items = read_collection_page(bad, "bad.md", "news", FeedKind::news);
    EXPECT_TRUE(items.items.empty());
    ASSERT_EQ(items.diagnostics.size(), 1u);
    EXPECT_EQ(items.diagnostics[0].code, "front-matter");
    EXPECT_EQ(items.diagnostics[0].line, 4u);
    SourceFile undated =
        SourceFile::from_string("_news/u.md", "---\ntitle: x\ndate: someday\n---\nbody\n");
    items = read_collection_page(undated, "u.md", "news", FeedKind::news);
    ASSERT_EQ(items.diagnostics.size(), 1u);
    EXPECT_EQ(format_diagnostic(items.diagnostics[0], false),
              "_news/u.md:3:7: error: date: expected YYYY-MM-DD, optionally with a time and a "
              "zone\n");
    SourceFile plain = SourceFile::from_string("_news/p.md", "no front matter\n");
    EXPECT_EQ(read_collection_page(plain, "p.md", "news", FeedKind::news).diagnostics[0].code,
              "no-front-matter");
}

// The same steps as `bibkit feed` with the options tests/export/data/feed/generate.sh gives.
std::string generated(const std::vector<fs::path>& inputs, FeedKind kind, std::string_view format,
                      std::size_t limit = 0) {
    std::vector<FeedItem> items;
    std::vector<std::string> bib_files;
    for (const fs::path& input : inputs) {
        if (fs::is_directory(input)) {
            auto collection = read_collection(input.string(), kind);
            EXPECT_TRUE(collection);
            for (FeedItem& i : collection->items) items.push_back(std::move(i));
        } else {
            bib_files.push_back(input.string());
        }
    }
    std::optional<bibtex::Bibliography> bibliography;
    if (!bib_files.empty()) {
        auto read = bibtex::Bibliography::read(bib_files);
        EXPECT_TRUE(read);
        bibliography.emplace(std::move(read).value());
        bibtex::Database database = bibliography->resolve();
        model::Normalized normalized = model::normalize(*bibliography, database);
        for (FeedItem& i : feed_items(normalized.items, kind, *bibliography, database).items)
            items.push_back(std::move(i));
    }
    FeedOptions options;
    options.kind = kind;
    options.site_url = "https://emarchand.example.org";
    options.author = "Élodie Marchand";
    std::vector<FeedItem> selected = select_items(std::move(items), {When::all, {}, limit});
    auto written = make_feed_format(format)->write({options, selected});
    EXPECT_TRUE(written);
    return written ? *written : std::string();
}

struct Golden {
    const char* expected;
    std::vector<fs::path> inputs;
    FeedKind kind;
    const char* format;
    std::size_t limit = 0;
};

std::vector<Golden> golden_cases() {
    fs::path news = k_example_data / "news.bib", talks = k_example_data / "talks.bib",
             papers = k_example_data / "papers.bib", news_dir = k_feed_data / "_news",
             talks_dir = k_feed_data / "_talks";
    std::vector<Golden> cases;
    for (const char* f : {"atom", "rss", "json", "html", "markdown"})
        cases.push_back({"news", {news}, FeedKind::news, f});
    for (const char* f : {"ics", "html", "markdown", "atom"})
        cases.push_back({"talks", {talks}, FeedKind::talks, f});
    for (const char* f : {"atom", "html", "markdown"})
        cases.push_back({"papers", {papers}, FeedKind::publications, f, 5});
    for (const char* f : {"atom", "html", "markdown"})
        cases.push_back({"collection_news", {news_dir}, FeedKind::news, f});
    for (const char* f : {"ics", "markdown", "rss", "json", "html"})
        cases.push_back({"collection_talks", {talks_dir}, FeedKind::talks, f});
    return cases;
}

TEST(FeedFormats, MatchTheHandCheckedFiles) {
    for (const Golden& golden : golden_cases()) {
        std::string name = std::string(golden.expected) + "." + golden.format;
        SCOPED_TRACE(name);
        EXPECT_EQ(generated(golden.inputs, golden.kind, golden.format, golden.limit),
                  read_file(k_feed_data / "expected" / name));
    }
}

TEST(FeedFormats, IcalendarIsForTalks) {
    EXPECT_FALSE(make_feed_format("ics")->supports(FeedKind::news));
    EXPECT_TRUE(make_feed_format("ics")->supports(FeedKind::talks));
    EXPECT_EQ(make_feed_format("yaml"), nullptr);
}

const std::string k_hostile = "<script>alert('x')</script> & ]]> \x01\x08\x0b\x1b[31m \xF0\x9F"
                              "\x98\x80 \xC3\x28 caf\xC3\xA9";

FeedItem hostile_item() {
    FeedItem out = item("k&<y>\"]]>", at(day(2025, 1, 2), 9, 0, "Z"));
    out.title = text::RichText::from_plain(valid_utf8(k_hostile));
    std::string body = k_hostile + "\n\n" + std::string(20000, 'w') + " [a](javascript:x) <img " +
                       "src=x onerror=alert(1)>";
    out.content = FeedText::from_markdown(body);
    out.url = "javascript:alert(1)";
    out.links = {{"Slides <&>", "https://h.org/a b\"<>.pdf"}, {"Bad", "data:text/html,x"}};
    out.venue = k_hostile;
    out.location = std::string(500, 'L');
    out.talk_type = "Invited, talk; \\";
    out.tags = {k_hostile};
    out.authors = {k_hostile};
    return out;
}

std::string hostile(std::string_view format) {
    FeedOptions options;
    options.kind = FeedKind::talks;
    options.site_url = "https://h.org/";
    options.title = k_hostile;
    options.author = k_hostile;
    std::vector<FeedItem> items = {hostile_item()};
    return *make_feed_format(format)->write({options, items});
}

TEST(FeedFormats, HostileTextGivesWellFormedXml) {
    for (const char* format : {"atom", "rss"}) {
        SCOPED_TRACE(format);
        std::string xml = hostile(format);
        pugi::xml_document document;
        pugi::xml_parse_result parsed = document.load_string(xml.c_str());
        EXPECT_TRUE(parsed) << parsed.description() << " at " << parsed.offset;
        EXPECT_EQ(xml.find("<script"), std::string::npos);
        EXPECT_EQ(xml.find("javascript:"), std::string::npos);
        EXPECT_EQ(xml.find("onerror"), std::string::npos);
    }
}

TEST(FeedFormats, HostileTextGivesValidJsonAndIcalendar) {
    nlohmann::json json = nlohmann::json::parse(hostile("json"));
    EXPECT_EQ(json["items"].size(), 1u);
    EXPECT_EQ(json["items"][0].count("url"), 0u);
    std::string ics = hostile("ics");
    for (const std::string& line : physical_lines(ics)) {
        EXPECT_LE(line.size(), 75u);
        EXPECT_EQ(valid_utf8(line), line);
        for (char c : line) EXPECT_FALSE(static_cast<unsigned char>(c) < 0x20 && c != '\t') << line;
    }
    EXPECT_NE(ics.find("CATEGORIES:Invited\\, talk\\; \\\\\r\n"), std::string::npos);
    std::string html = hostile("html");
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("javascript:"), std::string::npos);
    // Markdown shows a '<' as "\<", which no renderer reads as a tag.
    std::string markdown = hostile("markdown");
    for (std::size_t at = markdown.find('<'); at != std::string::npos;
         at = markdown.find('<', at + 1))
        EXPECT_TRUE(at > 0 && markdown[at - 1] == '\\') << markdown.substr(at, 20);
    EXPECT_EQ(markdown.find("javascript:"), std::string::npos);
}

} // namespace
} // namespace bibkit::exports
