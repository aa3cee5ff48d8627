// StyleCatalog and LocaleCatalog: which file a name finds, in which order, and the errors when
// none does. Each test builds its own directories of small styles and locales.

#include <bibkit/csl/catalog.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <optional>
#include <unistd.h>

namespace bibkit::csl {
namespace {

namespace fs = std::filesystem;

std::string independent_style(std::string_view id, std::string_view locale = "") {
    std::string xml = R"(<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0")";
    if (!locale.empty()) xml += " default-locale=\"" + std::string(locale) + "\"";
    xml += R"(>
  <info><title>Style )" +
           std::string(id) + R"(</title><id>http://example.org/styles/)" + std::string(id) +
           R"(</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
</style>
)";
    return xml;
}

std::string dependent_style(std::string_view id, std::string_view parent,
                            std::string_view locale = "") {
    std::string xml = R"(<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0")";
    if (!locale.empty()) xml += " default-locale=\"" + std::string(locale) + "\"";
    xml += R"(>
  <info><title>Style )" +
           std::string(id) + R"(</title><id>http://example.org/styles/)" + std::string(id) +
           R"(</id><link href="http://www.zotero.org/styles/)" + std::string(parent) +
           R"(" rel="independent-parent"/><updated>2024-01-01T00:00:00+00:00</updated></info>
</style>
)";
    return xml;
}

std::string locale_xml(std::string_view tag, std::string_view and_term) {
    return R"(<?xml version="1.0" encoding="utf-8"?>
<locale xmlns="http://purl.org/net/xbiblio/csl" version="1.0" xml:lang=")" +
           std::string(tag) + R"(">
  <terms><term name="and">)" +
           std::string(and_term) + R"(</term></terms>
</locale>
)";
}

// Sets a variable for the scope, then puts back what was there.
class EnvironmentVariable {
  public:
    EnvironmentVariable(const char* name, const char* value) : m_name(name) {
        if (const char* old = std::getenv(name)) m_old = old;
        ::setenv(name, value, 1);
    }
    ~EnvironmentVariable() {
        if (m_old)
            ::setenv(m_name, m_old->c_str(), 1);
        else
            ::unsetenv(m_name);
    }
    EnvironmentVariable(const EnvironmentVariable&) = delete;
    EnvironmentVariable& operator=(const EnvironmentVariable&) = delete;

  private:
    const char* m_name;
    std::optional<std::string> m_old;
};

class Catalogs : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "bibkit-csl-catalog-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        m_root = pattern;
    }
    void TearDown() override { fs::remove_all(m_root); }

    fs::path write(const fs::path& relative, const std::string& text) {
        const fs::path path = m_root / relative;
        fs::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }
    fs::path dir(const std::string& name) const { return m_root / name; }

    fs::path m_root;
};

TEST_F(Catalogs, FindsANameInTheFirstDirectoryThatHasIt) {
    write("one/apa.csl", independent_style("apa-one"));
    write("two/apa.csl", independent_style("apa-two"));
    write("two/ieee.csl", independent_style("ieee"));
    StyleCatalog catalog({dir("missing"), dir("one"), dir("two")});
    auto apa = catalog.find("apa");
    ASSERT_TRUE(apa) << apa.error().to_string();
    EXPECT_EQ(apa->style.id(), "http://example.org/styles/apa-one");
    EXPECT_EQ(apa->path, dir("one") / "apa.csl");
    auto ieee = catalog.find("ieee.csl");
    ASSERT_TRUE(ieee) << ieee.error().to_string();
    EXPECT_EQ(ieee->style.id(), "http://example.org/styles/ieee");
}

TEST_F(Catalogs, APathIsTakenAsGiven) {
    const fs::path path = write("elsewhere/my style.csl", independent_style("mine", "fr-FR"));
    StyleCatalog catalog({});
    auto style = catalog.find(path.string());
    ASSERT_TRUE(style) << style.error().to_string();
    EXPECT_EQ(style->style.id(), "http://example.org/styles/mine");
    EXPECT_EQ(style->path, path);
    EXPECT_EQ(style->default_locale, "fr-FR");
}

TEST_F(Catalogs, AMissingStyleSaysWhereItLooked) {
    StyleCatalog catalog({dir("one"), dir("two")});
    auto style = catalog.find("nonesuch");
    ASSERT_FALSE(style);
    EXPECT_EQ(style.error().message,
              "no style named 'nonesuch' in " + dir("one").string() + ", " + dir("two").string());
    auto path = catalog.find((dir("one") / "nonesuch.csl").string());
    ASSERT_FALSE(path);
    EXPECT_EQ(path.error().message, "no such style file");
    EXPECT_EQ(path.error().origin, (dir("one") / "nonesuch.csl").string());
}

TEST_F(Catalogs, ABrokenStyleIsAnErrorInThatFile) {
    const fs::path path =
        write("one/broken.csl", "<style xmlns=\"http://purl.org/net/xbiblio/csl\"");
    StyleCatalog catalog({dir("one")});
    auto style = catalog.find("broken");
    ASSERT_FALSE(style);
    EXPECT_EQ(style.error().origin, path.string());
}

TEST_F(Catalogs, ADependentStyleRendersWithItsParentAndKeepsItsLocale) {
    write("deps/vancouver-de.csl", dependent_style("vancouver-de", "vancouver", "de-DE"));
    const fs::path parent = write("main/vancouver.csl", independent_style("vancouver", "en-GB"));
    StyleCatalog catalog({dir("deps"), dir("main")});
    auto style = catalog.find("vancouver-de");
    ASSERT_TRUE(style) << style.error().to_string();
    EXPECT_FALSE(style->style.is_dependent());
    EXPECT_EQ(style->style.id(), "http://example.org/styles/vancouver");
    EXPECT_EQ(style->path, parent);
    EXPECT_EQ(style->default_locale, "de-DE");
}

TEST_F(Catalogs, ADependentWithoutLocaleTakesItsParents) {
    write("one/child.csl", dependent_style("child", "parent"));
    write("one/parent.csl", independent_style("parent", "en-GB"));
    auto style = StyleCatalog({dir("one")}).find("child");
    ASSERT_TRUE(style) << style.error().to_string();
    EXPECT_EQ(style->default_locale, "en-GB");
}

TEST_F(Catalogs, TheParentIsLookedForBesideTheDependentFirst) {
    const fs::path child = write("given/child.csl", dependent_style("child", "parent"));
    write("given/parent.csl", independent_style("parent-beside"));
    write("catalog/parent.csl", independent_style("parent-catalog"));
    auto style = StyleCatalog({dir("catalog")}).find(child.string());
    ASSERT_TRUE(style) << style.error().to_string();
    EXPECT_EQ(style->style.id(), "http://example.org/styles/parent-beside");
}

TEST_F(Catalogs, AMissingParentIsNamed) {
    const fs::path child = write("one/child.csl", dependent_style("child", "lost-parent"));
    auto style = StyleCatalog({dir("one")}).find("child");
    ASSERT_FALSE(style);
    EXPECT_EQ(style.error().origin, child.string());
    EXPECT_EQ(style.error().message,
              "its independent parent 'lost-parent' (http://www.zotero.org/styles/lost-parent) "
              "is in none of " +
                  dir("one").string());
}

TEST_F(Catalogs, DependentsThatDependOnEachOtherAreACycle) {
    const fs::path a = write("one/a.csl", dependent_style("a", "b"));
    const fs::path b = write("one/b.csl", dependent_style("b", "a"));
    auto style = StyleCatalog({dir("one")}).find("a");
    ASSERT_FALSE(style);
    EXPECT_EQ(style.error().message, "dependent styles form a cycle: " + a.string() + " → " +
                                         b.string() + " → " + a.string());
}

TEST_F(Catalogs, DefaultStyleDirectoriesInOrder) {
    const EnvironmentVariable styles("BIBKIT_STYLES", "/a:/b");
    const EnvironmentVariable xdg("XDG_DATA_HOME", "/xdg");
    const EnvironmentVariable home("HOME", "/home/u");
    const auto catalog = StyleCatalog::with_default_directories("/project");
    const std::vector<fs::path> expected{"/a",
                                         "/b",
                                         "/project/styles",
                                         "/xdg/bibkit/styles",
                                         "/home/u/.csl/styles",
                                         "/usr/share/citation-style-language/styles",
                                         "/usr/share/citation-style-language/styles/dependent"};
    EXPECT_EQ(catalog.directories(), expected);
}

std::vector<std::string> tags(const std::vector<Locale>& locales) {
    std::vector<std::string> out;
    for (const Locale& locale : locales) out.emplace_back(locale.tag());
    return out;
}

TEST_F(Catalogs, LocalesFallBackToThePrimaryDialectThenEnUs) {
    write("loc/locales-de-AT.xml", locale_xml("de-AT", "und"));
    write("loc/locales-de-DE.xml", locale_xml("de-DE", "und"));
    write("loc/locales-en-US.xml", locale_xml("en-US", "and"));
    LocaleCatalog catalog({dir("loc")});
    auto chain = catalog.chain("de-AT");
    ASSERT_TRUE(chain) << chain.error().to_string();
    EXPECT_EQ(tags(*chain), (std::vector<std::string>{"de-AT", "de-DE", "en-US"}));
    chain = catalog.chain("de-CH");
    ASSERT_TRUE(chain);
    EXPECT_EQ(tags(*chain), (std::vector<std::string>{"de-DE", "en-US"}));
    chain = catalog.chain("de");
    ASSERT_TRUE(chain);
    EXPECT_EQ(tags(*chain), (std::vector<std::string>{"de-DE", "en-US"}));
    chain = catalog.chain("fr-FR");
    ASSERT_TRUE(chain);
    EXPECT_EQ(tags(*chain), (std::vector<std::string>{"en-US"}));
}

TEST_F(Catalogs, LocaleTagsIgnoreCaseAndUnderscores) {
    write("loc/locales-pt-BR.xml", locale_xml("pt-BR", "e"));
    write("loc/locales-pt-PT.xml", locale_xml("pt-PT", "e"));
    LocaleCatalog catalog({dir("loc")});
    auto chain = catalog.chain("PT_br");
    ASSERT_TRUE(chain) << chain.error().to_string();
    EXPECT_EQ(tags(*chain), (std::vector<std::string>{"pt-BR", "pt-PT", "en-US"}));
}

TEST_F(Catalogs, TheFirstLocaleDirectoryWins) {
    const fs::path mine = write("mine/locales-fr-FR.xml", locale_xml("fr-FR", "et"));
    write("system/locales-fr-FR.xml", "<not a locale");
    LocaleCatalog catalog({dir("mine"), dir("system")});
    auto chain = catalog.chain("fr");
    ASSERT_TRUE(chain) << chain.error().to_string();
    EXPECT_EQ(tags(*chain), (std::vector<std::string>{"fr-FR", "en-US"}));
}

TEST_F(Catalogs, WithoutAnEnUsFileTheBuiltInOneEndsTheChain) {
    write("loc/locales-en-GB.xml", locale_xml("en-GB", "and"));
    LocaleCatalog catalog({dir("loc")});
    auto chain = catalog.chain("en-GB");
    ASSERT_TRUE(chain) << chain.error().to_string();
    ASSERT_EQ(chain->size(), 2u);
    EXPECT_EQ(&chain->back().compiled(), &Locale::builtin_en_us().compiled());
    auto empty = LocaleCatalog({}).chain("");
    ASSERT_TRUE(empty);
    ASSERT_EQ(empty->size(), 1u);
    EXPECT_EQ(empty->front().tag(), "en-US");
}

TEST_F(Catalogs, ABrokenLocaleFileIsAnError) {
    const fs::path path = write("loc/locales-nl-NL.xml", "<locale");
    auto chain = LocaleCatalog({dir("loc")}).chain("nl");
    ASSERT_FALSE(chain);
    EXPECT_EQ(chain.error().origin, path.string());
}

TEST_F(Catalogs, WhatIsNotATagIsAnError) {
    for (std::string_view bad : {"../../etc/passwd", "en US", "-en", "de-"}) {
        auto chain = LocaleCatalog({}).chain(bad);
        ASSERT_FALSE(chain) << bad;
        EXPECT_EQ(chain.error().message,
                  "'" + std::string(bad) + "' is not a locale tag (like en-US, de, pt-BR)");
    }
}

} // namespace
} // namespace bibkit::csl
