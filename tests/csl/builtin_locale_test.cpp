// bibkit's built-in en-US locale against the CSL project's locales-en-US.xml (from ../shared):
// every term both define is compared; differences are printed as data, except for the terms a
// bibliography prints (those the real styles in ../shared and styles/bibkit.csl use, months,
// quotes, ordinals, the common roles and locators), which must agree.

#include "../../lib/csl/builtin_locale.hpp"
#include "../corpus/shared_data.hpp"

#include <bibkit/csl/locale.hpp>
#include <gtest/gtest.h>
#include <map>
#include <pugixml.hpp>
#include <set>

namespace bibkit::csl {
namespace {

// (name, form, gender) → "single|multiple".
using Terms = std::map<std::tuple<std::string, std::string, std::string>, std::string>;

Terms terms_of(std::string_view xml) {
    pugi::xml_document document;
    EXPECT_TRUE(document.load_buffer(xml.data(), xml.size()));
    Terms terms;
    for (pugi::xpath_node node : document.select_nodes("/locale/terms/term")) {
        const pugi::xml_node term = node.node();
        // A term without <single>/<multiple> is the same word in both numbers.
        const std::string single =
            term.child("single") ? term.child_value("single") : term.child_value();
        const std::string multiple =
            term.child("single") ? term.child_value("multiple") : term.child_value();
        std::string value = single + '|' + multiple;
        terms[{term.attribute("name").value(), term.attribute("form").as_string("long"),
               term.attribute("gender").value()}] = std::move(value);
    }
    return terms;
}

// The terms whose English every reference list shows.
const std::set<std::string>& core_terms() {
    static const std::set<std::string> terms = [] {
        std::set<std::string> names{"and",
                                    "et-al",
                                    "accessed",
                                    "retrieved",
                                    "available at",
                                    "from",
                                    "in",
                                    "no date",
                                    "edition",
                                    "page",
                                    "volume",
                                    "issue",
                                    "chapter",
                                    "editor",
                                    "translator",
                                    "editortranslator",
                                    "collection-editor",
                                    "open-quote",
                                    "close-quote",
                                    "open-inner-quote",
                                    "close-inner-quote",
                                    "page-range-delimiter",
                                    "ordinal",
                                    "ordinal-01",
                                    "ordinal-02",
                                    "ordinal-03",
                                    "ordinal-11",
                                    "ordinal-12",
                                    "ordinal-13",
                                    "presented at",
                                    "online",
                                    "by",
                                    "at",
                                    "on",
                                    "circa",
                                    "cited",
                                    "number",
                                    "number-of-pages",
                                    "number-of-volumes",
                                    "version",
                                    "chapter-number",
                                    "collection-number",
                                    "section",
                                    "part",
                                    "supplement",
                                    "figure",
                                    "review-of",
                                    "special-issue",
                                    "internet",
                                    "personal-communication",
                                    "original-work-published",
                                    "preprint",
                                    "interview",
                                    "letter",
                                    "manuscript",
                                    "patent",
                                    "report",
                                    "software",
                                    "dataset",
                                    "paper-conference",
                                    "thesis",
                                    "webpage",
                                    "post",
                                    "map",
                                    "graphic",
                                    "song",
                                    "motion_picture",
                                    "legislation",
                                    "review",
                                    "review-book",
                                    "collection",
                                    "hearing",
                                    "performer",
                                    "container-author",
                                    "sub-verbo",
                                    "video"};
        for (int month = 1; month <= 12; ++month)
            names.insert((month < 10 ? "month-0" : "month-") + std::to_string(month));
        return names;
    }();
    return terms;
}

TEST(BuiltinLocale, ParsesAsEnUs) {
    EXPECT_EQ(Locale::builtin_en_us().tag(), "en-US");
    // One parse, shared.
    EXPECT_EQ(&Locale::builtin_en_us(), &Locale::builtin_en_us());
}

TEST(BuiltinLocale, HasEveryCoreTerm) {
    const Terms builtin = terms_of(detail::builtin_en_us_xml());
    std::set<std::string> names;
    for (const auto& [key, value] : builtin) names.insert(std::get<0>(key));
    for (const std::string& core : core_terms()) EXPECT_TRUE(names.contains(core)) << core;
}

TEST(BuiltinLocale, AgreesWithTheCslProjectsEnUsOnCoreTerms) {
    BIBKIT_REQUIRE_SHARED("csl/locales/locales-en-US.xml");
    const Terms builtin = terms_of(detail::builtin_en_us_xml());
    const Terms official =
        terms_of(testing::read_file(testing::shared_dir() / "csl/locales/locales-en-US.xml"));
    int both = 0;
    int differ = 0;
    for (const auto& [key, value] : builtin) {
        auto it = official.find(key);
        if (it == official.end()) continue;
        ++both;
        if (it->second == value) continue;
        const auto& [name, form, gender] = key;
        if (core_terms().contains(name)) {
            ADD_FAILURE() << "core term " << name << " (" << form << "): bibkit '" << value
                          << "', CSL en-US '" << it->second << "'";
        } else {
            ++differ;
            std::cout << "  differs (data): " << name << " (" << form << "): bibkit '" << value
                      << "', CSL en-US '" << it->second << "'\n";
        }
    }
    std::cout << "built-in en-US: " << builtin.size() << " terms, " << both
              << " also in the CSL en-US, " << differ << " of them differ (none of the core)\n";
    EXPECT_GT(both, 200);
}

} // namespace
} // namespace bibkit::csl
