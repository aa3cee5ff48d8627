// Pathological input through the reader, normalization (LaTeX, names) and the name splitter:
// each ends in a clear error at file:line:column or in the correct result, and nothing recurses
// once per brace or name (no stack overflow). The inputs are generated here; their time and
// memory are measured by bench/pathological.sh, not asserted.

#include <bibkit/bibtex/bibliography.hpp>
#include <bibkit/bibtex/database.hpp>
#include <bibkit/core/source_file.hpp>
#include <bibkit/model/item.hpp>
#include <bibkit/names/name_list.hpp>
#include <bibkit/text/plain_text.hpp>
#include <gtest/gtest.h>
#include <string>
#include <utility>
#include <vector>

namespace bibkit {
namespace {

struct Read {
    bibtex::Bibliography bibliography;
    bibtex::Database db;
    model::Normalized normalized;
};

Read read(std::string text) {
    std::vector<SourceFile> sources;
    sources.push_back(SourceFile::from_string("p.bib", std::move(text)));
    Read r{bibtex::Bibliography::from_sources(std::move(sources)), {}, {}};
    r.db = r.bibliography.resolve();
    r.normalized = model::normalize(r.bibliography, r.db);
    return r;
}

std::string located(const Diagnostic& d) {
    return d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.code;
}

std::vector<std::string> errors(const bibtex::Database& db) {
    std::vector<std::string> out;
    for (const Diagnostic& d : db.diagnostics)
        if (d.severity == Severity::error) out.push_back(located(d));
    return out;
}

std::string title(const Read& r) {
    if (r.normalized.items.empty()) return "<no item>";
    const text::RichText* t = r.normalized.items[0].text("title");
    return t ? text::to_plain_text(*t) : "<no title>";
}

TEST(BoundedInput, AMegabyteOfOpenBracesInAValueIsOneErrorAtTheFirstBrace) {
    Read r = read("@article{k, title = " + std::string(1 << 20, '{') + "\n");
    EXPECT_EQ(errors(r.db), std::vector<std::string>{"p.bib:1:21: unbalanced-braces"});
}

TEST(BoundedInput, AMegabyteOfOpenBracesOutsideEntriesIsIgnoredLikeAnyText) {
    Read r = read(std::string(1 << 20, '{'));
    EXPECT_EQ(errors(r.db), std::vector<std::string>{});
    EXPECT_TRUE(r.db.entries.empty());
}

TEST(BoundedInput, AHundredThousandNestedGroupsReadAndDecodeToTheirText) {
    constexpr std::size_t depth = 100000;
    Read r = read("@article{k, title = " + std::string(depth, '{') + "Deep" +
                  std::string(depth, '}') + "}\n");
    EXPECT_EQ(errors(r.db), std::vector<std::string>{});
    ASSERT_EQ(r.db.entries.size(), 1u);
    EXPECT_EQ(r.db.entries[0].find("title")->value.size(), 2 * (depth - 1) + 4);
    EXPECT_EQ(title(r), "Deep");
}

TEST(BoundedInput, AMillionAuthorsSplitAndNormalizeInOrder) {
    constexpr std::size_t count = 1000000;
    std::string authors;
    authors.reserve(count * 20);
    for (std::size_t i = 0; i < count; ++i) {
        if (i > 0) authors += " and ";
        authors += "Given Family" + std::to_string(i);
    }
    EXPECT_EQ(names::split_name_list(authors).names.size(), count);
    EXPECT_EQ(names::count_names(authors), count);

    Read r = read("@article{k, title = {T}, author = {" + authors + "}}\n");
    EXPECT_EQ(errors(r.db), std::vector<std::string>{});
    ASSERT_EQ(r.normalized.items.size(), 1u);
    const model::Names* people = r.normalized.items[0].name_list("author");
    ASSERT_NE(people, nullptr);
    ASSERT_EQ(people->people.size(), count);
    EXPECT_EQ(people->people.front().family, "Family0");
    EXPECT_EQ(people->people.back().family, "Family999999");
    EXPECT_EQ(people->people.back().given, "Given");
}

TEST(BoundedInput, ATenThousandLongConcatenationChainExpands) {
    std::string chain = "s";
    for (int i = 1; i < 10000; ++i) chain += " # s";
    Read r = read("@string{s = \"ab\"}\n@article{k, title = " + chain + "}\n");
    EXPECT_EQ(errors(r.db), std::vector<std::string>{});
    ASSERT_EQ(r.db.entries.size(), 1u);
    std::string expected;
    for (int i = 0; i < 10000; ++i) expected += "ab";
    EXPECT_EQ(r.db.entries[0].find("title")->value, expected);
}

TEST(BoundedInput, MacroCyclesCannotFormMacrosExpandWhenDefined) {
    // As in BibTeX, a macro's value is expanded when it is defined: `b` is undefined when `a`
    // is defined, and `c` is undefined inside its own definition, so there is no cycle to follow,
    // only undefined macros (warnings, empty values) at their line and column.
    Read r = read("@string{a = b}\n@string{b = a}\n@string{c = c # c # \"x\"}\n"
                  "@article{k, title = a # b # c}\n");
    std::vector<std::string> warnings;
    for (const Diagnostic& d : r.db.diagnostics) warnings.push_back(located(d));
    EXPECT_EQ(warnings, (std::vector<std::string>{"p.bib:1:13: undefined-macro",
                                                  "p.bib:3:13: undefined-macro",
                                                  "p.bib:3:17: undefined-macro"}));
    ASSERT_EQ(r.db.entries.size(), 1u);
    EXPECT_EQ(r.db.entries[0].find("title")->value, "x");
}

} // namespace
} // namespace bibkit
