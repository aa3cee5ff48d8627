// Pathological input through the bibkit program: `check`, `convert --to csl-json` and `query -f
// text` (CSL rendering with the project's style) end in a clear error at file:line:column or in
// the correct result. Inputs are generated here; time and memory are measured by
// bench/pathological.sh, not asserted.

#include "program.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace {

using namespace bibkit_test;
namespace fs = std::filesystem;

class BoundedInputCli : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "bibkit-bounded-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr) << std::strerror(errno);
        m_dir = pattern;
    }
    void TearDown() override {
        std::error_code ignored;
        fs::remove_all(m_dir, ignored);
    }
    void write(const std::string& name, const std::string& text) const {
        std::ofstream out(m_dir / name, std::ios::binary);
        out << text;
        ASSERT_TRUE(out.flush());
    }
    RunResult run(const std::vector<std::string>& args) const {
        return run_program(m_dir, args, {});
    }
    fs::path m_dir;
};

std::size_t occurrences(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = text.find(needle); at != std::string::npos;
         at = text.find(needle, at + needle.size()))
        ++n;
    return n;
}

TEST_F(BoundedInputCli, AMegabyteOfOpenBracesIsOneLocatedError) {
    write("braces.bib", "@article{k, title = " + std::string(1 << 20, '{') + "\n");
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"check", "braces.bib"},
          std::vector<std::string>{"convert", "--to", "csl-json", "braces.bib"},
          std::vector<std::string>{"query", "-f", "text", "braces.bib"}}) {
        RunResult r = run(args);
        EXPECT_EQ(r.exit_code, 1) << args[0];
        std::string all = r.out + r.err;
        EXPECT_NE(all.find("braces.bib:1:21: error: this brace is never closed"), std::string::npos)
            << args[0] << ": " << all.substr(0, 300);
        EXPECT_LT(all.size(), 2000u) << args[0]; // the caret line is a window, not the megabyte
    }
}

TEST_F(BoundedInputCli, AMillionAuthorsConvertWholeAndRenderTruncatedByTheStylesEtAl) {
    constexpr int count = 1000000;
    std::string bib = "@article{k, title = {T}, journal = {J}, year = 2024, author = {";
    bib.reserve(static_cast<std::size_t>(count) * 22);
    for (int i = 0; i < count; ++i) {
        if (i > 0) bib += " and ";
        bib += "Given Family" + std::to_string(i);
    }
    bib += "}}\n";
    write("many.bib", bib);

    RunResult r = run({"convert", "--to", "csl-json", "many.bib"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(occurrences(r.out, "\"family\""), static_cast<std::size_t>(count));
    EXPECT_NE(r.out.find("\"family\": \"Family999999\""), std::string::npos);

    // styles/bibkit.csl: et-al-min 21, et-al-use-first 19, et-al-use-last: 19 names, an
    // ellipsis, the last name.
    r = run({"query", "-f", "text", "many.bib"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::string expected;
    for (int i = 0; i < 19; ++i) expected += "Family" + std::to_string(i) + ", G., ";
    expected += "\u2026 Family999999, G. (2024). T. J.\n";
    EXPECT_EQ(r.out, expected);
}

TEST_F(BoundedInputCli, LongConcatenationsAndMacroCyclesGiveValuesOrLocatedWarnings) {
    std::string chain = "s";
    for (int i = 1; i < 10000; ++i) chain += " # s";
    write("chain.bib", "@string{s = \"ab\"}\n@article{k, author = {A. Author}, year = 2024, "
                       "title = " +
                           chain + "}\n");
    RunResult r = run({"convert", "--to", "csl-json", "chain.bib"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::string title;
    for (int i = 0; i < 10000; ++i) title += "ab";
    EXPECT_NE(r.out.find("\"title\": \"" + title + "\""), std::string::npos);

    write("cycle.bib", "@string{a = b}\n@string{b = a}\n@string{c = c # c}\n"
                       "@article{k, author = {A. Author}, year = 2024, title = a # b # c # {T}}\n");
    r = run({"query", "-f", "text", "cycle.bib"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "Author, A. (2024). T.\n");
    EXPECT_NE(r.err.find("cycle.bib:1:13: warning: undefined macro 'b'"), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("cycle.bib:3:13: warning: undefined macro 'c'"), std::string::npos)
        << r.err;
}

} // namespace
